"""Every Muster setting, in one frozen object read once from ``MUSTER_*`` variables.

Nothing deeper in the code reads the environment: the CLI calls ``Settings.from_env()`` at
start and passes the object down. Each field's metadata names its variable; its docstring
line in ``describe()`` is what ``muster settings`` prints.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from streams.stories.policy import StoryPolicy

PROCESSING_GUARANTEES = ("at_least_once", "exactly_once")
LOG_FORMATS = ("text", "json")
TABLE_STORES = {"memory": "memory://", "rocksdb": "rocksdb://"}
SECURITY_PROTOCOLS = ("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
SECRET_MASK = "***"


def _setting(env: str, default: Any, doc: str, *, secret: bool = False) -> Any:
    """A setting read from ``env``; a ``secret`` one is left out of repr() and masked by
    ``describe()``, so it never reaches a terminal or a log by accident."""
    return field(
        default=default, repr=not secret, metadata={"env": env, "doc": doc, "secret": secret}
    )


@dataclass(frozen=True)
class Settings:
    """Resolved settings; build with ``Settings.from_env()`` or directly in tests."""

    broker: str = _setting(
        "MUSTER_BROKER", "kafka://127.0.0.1:9092", "Kafka bootstrap URL(s), ';'-separated."
    )
    app_id: str = _setting(
        "MUSTER_APP_ID", "muster", "Faust app id: the consumer group and table-topic prefix."
    )
    raw_topic: str = _setting("MUSTER_TOPIC_RAW", "news.articles.raw", "Input articles.")
    enriched_topic: str = _setting(
        "MUSTER_TOPIC_ENRICHED", "news.articles.enriched", "Every accepted article, tagged."
    )
    mobilization_topic: str = _setting(
        "MUSTER_TOPIC_MOBILIZATION",
        "news.signals.mobilization",
        "One event per mobilization article, for alerting.",
    )
    deadletter_topic: str = _setting(
        "MUSTER_TOPIC_DEADLETTER", "news.deadletter", "Rejected input with its reason."
    )
    tagged_topic: str = _setting(
        "MUSTER_TOPIC_TAGGED",
        "news.articles.tagged",
        "Internal: tagged articles keyed by fingerprint, waiting for delivery (one partition).",
    )
    alerts_topic: str = _setting(
        "MUSTER_TOPIC_ALERTS", "news.alerts", "Story and escalation alerts, for alerting."
    )
    stories: str = _setting(
        "MUSTER_STORIES", "on", "on: group articles into stories and raise alerts; off: skip."
    )
    story_window_hours: float = _setting(
        "MUSTER_STORY_WINDOW_HOURS", 72.0, "Articles further apart in time never share a story."
    )
    corroboration_sources: int = _setting(
        "MUSTER_CORROBORATION_SOURCES", 3, "Distinct sources that make a story corroborated."
    )
    escalation_window_hours: float = _setting(
        "MUSTER_ESCALATION_WINDOW_HOURS", 24.0, "Sliding window of the escalation count."
    )
    escalation_baseline_days: float = _setting(
        "MUSTER_ESCALATION_BASELINE_DAYS", 7.0, "Trailing days an actor's baseline covers."
    )
    escalation_factor: float = _setting(
        "MUSTER_ESCALATION_FACTOR", 3.0, "Escalation: window count >= factor x baseline..."
    )
    escalation_min_stories: int = _setting(
        "MUSTER_ESCALATION_MIN_STORIES", 5, "...and >= this many distinct stories."
    )
    alerts_group: str = _setting(
        "MUSTER_ALERTS_GROUP",
        "muster-alerts-forwarder",
        "Consumer group whose offsets record how far `muster alerts forward` got.",
    )
    alertmanager_url: str = _setting(
        "MUSTER_ALERTMANAGER_URL",
        "http://127.0.0.1:9093",
        "Alertmanager base URL that `muster alerts forward` posts to.",
    )
    security_protocol: str = _setting(
        "MUSTER_SECURITY_PROTOCOL",
        "PLAINTEXT",
        "How clients reach the brokers: PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL.",
    )
    sasl_mechanism: str = _setting(
        "MUSTER_SASL_MECHANISM", "", "SASL_*: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512."
    )
    sasl_username: str = _setting("MUSTER_SASL_USERNAME", "", "SASL_*: the user Muster logs in as.")
    sasl_password: str = _setting(
        "MUSTER_SASL_PASSWORD", "", "SASL_*: that user's password (never shown).", secret=True
    )
    ssl_cafile: str = _setting(
        "MUSTER_SSL_CAFILE", "", "SSL, SASL_SSL: CA bundle (PEM) to trust; empty: the system's."
    )
    ssl_certfile: str = _setting(
        "MUSTER_SSL_CERTFILE", "", "SSL, SASL_SSL: client certificate (PEM), for mutual TLS."
    )
    ssl_keyfile: str = _setting(
        "MUSTER_SSL_KEYFILE", "", "SSL, SASL_SSL: the client certificate's private key (PEM)."
    )
    partitions: int = _setting(
        "MUSTER_PARTITIONS", 4, "Partitions of the topics Muster creates (workers <= this)."
    )
    replication_factor: int = _setting(
        "MUSTER_REPLICATION_FACTOR", 1, "Replication factor of the topics Muster creates."
    )
    max_article_bytes: int = _setting(
        "MUSTER_MAX_ARTICLE_BYTES", 262_144, "Largest raw message accepted, in bytes."
    )
    processing_guarantee: str = _setting(
        "MUSTER_PROCESSING_GUARANTEE",
        "at_least_once",
        "at_least_once (default) or exactly_once (Kafka transactions).",
    )
    table_store: str = _setting(
        "MUSTER_TABLE_STORE",
        "memory",
        "Where tables live between restarts: memory (rebuilt from the changelog topics) or "
        "rocksdb (on disk under MUSTER_DATA_DIR; a restart reads only the changelog's tail).",
    )
    session_timeout_s: int = _setting(
        "MUSTER_SESSION_TIMEOUT_S",
        10,
        "Seconds before a silent worker's partitions move to the others.",
    )
    web_host: str = _setting("MUSTER_WEB_HOST", "127.0.0.1", "Address of the worker's web port.")
    web_port: int = _setting("MUSTER_WEB_PORT", 6066, "Worker web port (/metrics, /healthz).")
    data_dir: Path = _setting(  # noqa: RUF009 - Path is immutable, a safe default
        "MUSTER_DATA_DIR", Path(".muster/worker"), "Worker state (table stores) directory."
    )
    log_level: str = _setting("MUSTER_LOG_LEVEL", "info", "Worker log level.")
    log_format: str = _setting(
        "MUSTER_LOG_FORMAT", "text", "Worker log format: text (default) or json (one per line)."
    )

    def __post_init__(self) -> None:
        if self.processing_guarantee not in PROCESSING_GUARANTEES:
            raise ValueError(
                f"MUSTER_PROCESSING_GUARANTEE must be one of {PROCESSING_GUARANTEES}, "
                f"not {self.processing_guarantee!r}"
            )
        if self.log_format not in LOG_FORMATS:
            raise ValueError(
                f"MUSTER_LOG_FORMAT must be one of {LOG_FORMATS}, not {self.log_format!r}"
            )
        if self.table_store not in TABLE_STORES:
            raise ValueError(
                f"MUSTER_TABLE_STORE must be one of {tuple(TABLE_STORES)}, not {self.table_store!r}"
            )
        if self.stories not in ("on", "off"):
            raise ValueError(f"MUSTER_STORIES must be 'on' or 'off', not {self.stories!r}")
        for name in (
            "partitions",
            "replication_factor",
            "max_article_bytes",
            "session_timeout_s",
            "corroboration_sources",
            "escalation_min_stories",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        self._check_security()

    def _check_security(self) -> None:
        """Refuse combinations that would connect differently than the operator meant, e.g. a
        password set while the protocol is still PLAINTEXT (it would silently go unused)."""
        protocol = self.security_protocol
        if protocol not in SECURITY_PROTOCOLS:
            raise ValueError(
                f"MUSTER_SECURITY_PROTOCOL must be one of {SECURITY_PROTOCOLS}, not {protocol!r}"
            )
        sasl = {
            "MUSTER_SASL_MECHANISM": self.sasl_mechanism,
            "MUSTER_SASL_USERNAME": self.sasl_username,
            "MUSTER_SASL_PASSWORD": self.sasl_password,
        }
        ssl = {
            "MUSTER_SSL_CAFILE": self.ssl_cafile,
            "MUSTER_SSL_CERTFILE": self.ssl_certfile,
            "MUSTER_SSL_KEYFILE": self.ssl_keyfile,
        }
        if protocol.startswith("SASL_"):
            for name, value in sasl.items():
                if not value:
                    raise ValueError(f"{name} is required with MUSTER_SECURITY_PROTOCOL={protocol}")
            if self.sasl_mechanism not in SASL_MECHANISMS:
                raise ValueError(
                    f"MUSTER_SASL_MECHANISM must be one of {SASL_MECHANISMS}, "
                    f"not {self.sasl_mechanism!r}"
                )
        else:
            _refuse_unused(sasl, protocol, "SASL_PLAINTEXT or SASL_SSL")
        if protocol in ("SSL", "SASL_SSL"):
            if self.ssl_keyfile and not self.ssl_certfile:
                raise ValueError("MUSTER_SSL_KEYFILE needs MUSTER_SSL_CERTFILE (its certificate)")
        else:
            _refuse_unused(ssl, protocol, "SSL or SASL_SSL")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read every ``MUSTER_*`` variable once; explicit ``overrides`` win."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = env.get(spec.metadata["env"])
            if raw is not None and raw != "":
                values[spec.name] = _coerce(raw, type(spec.default), spec.metadata["env"])
        values.update(overrides)
        return cls(**values)

    def isolated(self, name: str, **changes: Any) -> Settings:
        """Settings whose topics (``<name>.raw``...) and consumer group are ``name``'s own:
        for a test or a benchmark that shares a broker with others."""
        return replace(
            self,
            app_id=f"muster-{name}",
            raw_topic=f"{name}.raw",
            enriched_topic=f"{name}.enriched",
            mobilization_topic=f"{name}.mobilization",
            deadletter_topic=f"{name}.deadletter",
            tagged_topic=f"{name}.tagged",
            alerts_topic=f"{name}.alerts",
            alerts_group=f"muster-{name}-alerts-forwarder",
            **changes,
        )

    def on_local_broker(self, bootstrap: str, **changes: Any) -> Settings:
        """These settings pointed at a broker this process started (demo, bench) on its
        PLAINTEXT listener: a real cluster's SASL and TLS settings do not apply there."""
        return replace(
            self,
            broker=f"kafka://{bootstrap}",
            security_protocol="PLAINTEXT",
            sasl_mechanism="",
            sasl_username="",
            sasl_password="",
            ssl_cafile="",
            ssl_certfile="",
            ssl_keyfile="",
            **changes,
        )

    def to_env(self) -> dict[str, str]:
        """These settings as ``MUSTER_*`` variables, for a worker started as a subprocess."""
        return {spec.metadata["env"]: str(getattr(self, spec.name)) for spec in fields(self)}

    @property
    def stories_on(self) -> bool:
        return self.stories == "on"

    @property
    def story_policy(self) -> StoryPolicy:
        """The story and alert thresholds these settings give."""
        return StoryPolicy(
            window_hours=self.story_window_hours,
            corroboration_sources=self.corroboration_sources,
            escalation_window_hours=self.escalation_window_hours,
            baseline_days=self.escalation_baseline_days,
            escalation_factor=self.escalation_factor,
            escalation_min_stories=self.escalation_min_stories,
        )

    @property
    def store_url(self) -> str:
        """The Faust store URL for ``table_store``."""
        return TABLE_STORES[self.table_store]

    @property
    def bootstrap_servers(self) -> str:
        """The broker URL as aiokafka wants it: ``host:port[,host:port]``."""
        hosts = [part.strip() for part in self.broker.replace(",", ";").split(";")]
        return ",".join(host.removeprefix("kafka://") for host in hosts if host)


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(variable, current value, meaning) for each setting, for ``muster settings``."""
    return [
        (
            spec.metadata["env"],
            _shown(spec.metadata, getattr(settings, spec.name)),
            spec.metadata["doc"],
        )
        for spec in fields(settings)
    ]


def _shown(metadata: Mapping[str, Any], value: Any) -> str:
    """The value as ``muster settings`` prints it: a secret only says whether it is set."""
    if metadata["secret"]:
        return SECRET_MASK if value else ""
    return str(value)


def _refuse_unused(values: Mapping[str, str], protocol: str, needs: str) -> None:
    for name, value in values.items():
        if value:
            raise ValueError(
                f"{name} is set but MUSTER_SECURITY_PROTOCOL={protocol} does not use it "
                f"(it needs {needs})"
            )


def _coerce(raw: str, kind: type, env_name: str) -> Any:
    if kind in (int, float):
        try:
            return kind(raw)
        except ValueError:
            raise ValueError(f"{env_name} must be a {kind.__name__}, not {raw!r}") from None
    if issubclass(kind, Path):
        return Path(raw)
    return raw
