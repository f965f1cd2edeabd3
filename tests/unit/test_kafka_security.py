"""Security settings: what each protocol gives the clients, what is refused, what is masked."""

import ssl

import pytest
from faust.auth import SASLCredentials, SSLCredentials

from streams.cli import main
from streams.kafka_security import broker_credentials, client_options
from streams.settings import Settings, describe

SCRAM = {
    "MUSTER_BROKER": "kafka://k1:9096;kafka://k2:9096",
    "MUSTER_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "MUSTER_SASL_MECHANISM": "SCRAM-SHA-512",
    "MUSTER_SASL_USERNAME": "muster",
    "MUSTER_SASL_PASSWORD": "s3cret-pw",
}


def test_plaintext_clients_get_only_the_address() -> None:
    assert client_options(Settings()) == {
        "bootstrap_servers": "127.0.0.1:9092",
        "security_protocol": "PLAINTEXT",
    }
    assert broker_credentials(Settings()) is None


def test_sasl_plaintext_gives_the_clients_and_faust_the_same_login() -> None:
    settings = Settings.from_env(SCRAM)
    assert client_options(settings) == {
        "bootstrap_servers": "k1:9096,k2:9096",
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "muster",
        "sasl_plain_password": "s3cret-pw",
    }
    credentials = broker_credentials(settings)
    assert isinstance(credentials, SASLCredentials)
    assert credentials.protocol.value == "SASL_PLAINTEXT"
    assert credentials.mechanism.value == "SCRAM-SHA-512"
    assert (credentials.username, credentials.password) == ("muster", "s3cret-pw")
    assert credentials.ssl_context is None


def test_sasl_ssl_and_ssl_carry_a_verifying_tls_context() -> None:
    settings = Settings.from_env({**SCRAM, "MUSTER_SECURITY_PROTOCOL": "SASL_SSL"})
    options = client_options(settings)
    assert options["security_protocol"] == "SASL_SSL"
    assert options["ssl_context"].verify_mode == ssl.CERT_REQUIRED
    assert broker_credentials(settings).protocol.value == "SASL_SSL"

    tls = Settings(security_protocol="SSL")
    assert client_options(tls)["ssl_context"].check_hostname
    assert "sasl_mechanism" not in client_options(tls)
    assert isinstance(broker_credentials(tls), SSLCredentials)


def test_a_missing_ca_file_names_its_variable() -> None:
    settings = Settings(security_protocol="SSL", ssl_cafile="/nonexistent/ca.pem")
    with pytest.raises(ValueError, match=r"MUSTER_SSL_CAFILE=/nonexistent/ca\.pem"):
        client_options(settings)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MUSTER_SECURITY_PROTOCOL": "SASL"}, "MUSTER_SECURITY_PROTOCOL must be one of"),
        ({**SCRAM, "MUSTER_SASL_MECHANISM": "GSSAPI"}, "MUSTER_SASL_MECHANISM must be one of"),
        ({**SCRAM, "MUSTER_SASL_PASSWORD": ""}, "MUSTER_SASL_PASSWORD is required"),
        ({**SCRAM, "MUSTER_SASL_USERNAME": ""}, "MUSTER_SASL_USERNAME is required"),
        (
            {**SCRAM, "MUSTER_SECURITY_PROTOCOL": "PLAINTEXT"},
            "MUSTER_SASL_MECHANISM is set but MUSTER_SECURITY_PROTOCOL=PLAINTEXT",
        ),
        (
            {**SCRAM, "MUSTER_SSL_CAFILE": "/ca.pem"},
            "MUSTER_SSL_CAFILE is set but MUSTER_SECURITY_PROTOCOL=SASL_PLAINTEXT",
        ),
        (
            {"MUSTER_SECURITY_PROTOCOL": "SSL", "MUSTER_SSL_KEYFILE": "/k.pem"},
            "MUSTER_SSL_KEYFILE needs MUSTER_SSL_CERTFILE",
        ),
    ],
)
def test_combinations_that_would_not_connect_as_meant_are_refused(
    env: dict[str, str], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        Settings.from_env(env)


def test_the_password_is_masked_everywhere_but_the_workers_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings.from_env(SCRAM)
    assert "s3cret-pw" not in repr(settings)
    assert ("MUSTER_SASL_PASSWORD", "***") in {
        (name, value) for name, value, _ in describe(settings)
    }
    assert settings.to_env()["MUSTER_SASL_PASSWORD"] == "s3cret-pw"
    assert Settings.from_env(settings.to_env()) == settings

    for key, value in SCRAM.items():
        monkeypatch.setenv(key, value)
    assert main(["settings"]) == 0
    printed = capsys.readouterr().out
    assert "MUSTER_SASL_PASSWORD=***\t" in printed
    assert "MUSTER_SASL_USERNAME=muster\t" in printed
    assert "s3cret-pw" not in printed


def test_the_demo_and_bench_broker_is_reached_in_plaintext_whatever_the_cluster_wants() -> None:
    local = Settings.from_env(SCRAM).on_local_broker("127.0.0.1:4242", web_port=7000)
    assert client_options(local) == {
        "bootstrap_servers": "127.0.0.1:4242",
        "security_protocol": "PLAINTEXT",
    }
    assert local.web_port == 7000
