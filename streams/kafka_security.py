"""How Muster's Kafka clients authenticate: the one translation of the security settings.

The Faust worker gets ``broker_credentials``; every plain aiokafka client Muster creates (topic
admin, produce, tail, replay, the alert forwarder, the benchmarks) gets ``client_options``. Both
come from here, so a client can not end up speaking PLAINTEXT to a secured cluster.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from streams.settings import Settings

if TYPE_CHECKING:
    from faust.types.auth import CredentialsT


def client_options(settings: Settings) -> dict[str, Any]:
    """``bootstrap_servers`` and the security keyword arguments of any aiokafka client."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "security_protocol": settings.security_protocol,
    }
    if settings.security_protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = ssl_context(settings)
    if settings.security_protocol.startswith("SASL_"):
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        options["sasl_plain_password"] = settings.sasl_password
    return options


def broker_credentials(settings: Settings) -> CredentialsT | None:
    """The ``faust.App(broker_credentials=...)`` of these settings; None for PLAINTEXT."""
    # Imported here: the CLI's plain clients need this module but not Faust's 0.3 s import.
    from faust.auth import SASLCredentials, SSLCredentials

    protocol = settings.security_protocol
    if protocol == "SSL":
        return SSLCredentials(ssl_context(settings))
    if protocol.startswith("SASL_"):
        # Faust picks SASL_SSL over SASL_PLAINTEXT by whether it gets an ssl_context.
        return SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            mechanism=settings.sasl_mechanism,
            ssl_context=ssl_context(settings) if protocol == "SASL_SSL" else None,
        )
    return None


def ssl_context(settings: Settings) -> ssl.SSLContext:
    """A client TLS context that verifies the brokers against MUSTER_SSL_CAFILE (or the
    system's CAs) and presents MUSTER_SSL_CERTFILE when set; a bad file names its variable."""
    try:
        context = ssl.create_default_context(cafile=settings.ssl_cafile or None)
    except (OSError, ssl.SSLError) as error:
        raise ValueError(f"MUSTER_SSL_CAFILE={settings.ssl_cafile}: {error}") from None
    if settings.ssl_certfile:
        try:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
        except (OSError, ssl.SSLError) as error:
            raise ValueError(
                f"MUSTER_SSL_CERTFILE={settings.ssl_certfile} / "
                f"MUSTER_SSL_KEYFILE={settings.ssl_keyfile}: {error}"
            ) from None
    return context
