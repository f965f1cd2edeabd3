"""A worker on a broker that wants SCRAM logins, over SASL_PLAINTEXT and over SASL_SSL (TLS
with a CA of the test's own): the right password works end to end, a wrong one is refused.
The brokers are this module's own, since users can only be added when a broker is formatted;
their PLAINTEXT listener is only the readiness probe's, every client here uses SASL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.broker import BrokerHandle, free_port, start_broker, stop_broker
from streams.catalog import TopicCatalog
from streams.codec import decode_json
from streams.kafka_io import ensure_topics, produce
from streams.settings import Settings
from streams.worker_process import WorkerProcess
from tests.integration.reading import collect
from tests.integration.tls import Certificates, make_certificates

pytestmark = pytest.mark.integration

SEED = (
    Path(__file__).resolve().parents[2] / "seeds" / "belarus-armored-vehicles.json"
).read_bytes()
PASSWORD = "scram-pw-4711"
REFUSAL_WAIT_S = 45


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module", params=["SASL_PLAINTEXT", "SASL_SSL"])
def scram_broker(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    certificates: Certificates,
) -> Iterator[tuple[str, BrokerHandle]]:
    protocol = request.param
    data_dir = tmp_path_factory.mktemp(f"kafka-{protocol}")
    handle = start_broker(
        port=free_port(),
        controller_port=free_port(),
        sasl_port=free_port(),
        sasl_keystore=certificates.keystore if protocol == "SASL_SSL" else None,
        data_dir=data_dir,
        scram_users={"muster": PASSWORD},
    )
    try:
        yield protocol, handle
    finally:
        stop_broker(data_dir)


@pytest.fixture
def scram_settings(
    scram_broker: tuple[str, BrokerHandle], certificates: Certificates, tmp_path: Path
) -> Settings:
    protocol, handle = scram_broker
    return Settings(
        broker=f"kafka://{handle.sasl_bootstrap}",
        security_protocol=protocol,
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="muster",
        sasl_password=PASSWORD,
        ssl_cafile=str(certificates.ca) if protocol == "SASL_SSL" else "",
        partitions=1,
        stories="off",
    ).isolated(f"sasl-{tmp_path.name}", web_port=free_port(), data_dir=tmp_path / "worker")


def test_a_worker_with_the_right_password_processes_an_article(
    scram_settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    settings = scram_settings
    asyncio.run(ensure_topics(settings, TopicCatalog.from_settings(settings).all(), 1))
    worker = workers(settings)
    worker.wait_ready(timeout_s=90)
    asyncio.run(produce(settings, settings.raw_topic, [(b"seed", SEED)]))
    records = asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=lambda got: len(got) >= 1,
            timeout_s=60,
            alive=worker.alive,
        )
    )
    assert decode_json(records[0].value)["id"] == decode_json(SEED)["id"]
    assert PASSWORD not in worker.log_tail(chars=10**7)


def test_a_worker_with_a_wrong_password_is_refused(
    scram_settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    worker = workers(scram_settings, sasl_password="not-the-password")
    deadline = time.monotonic() + REFUSAL_WAIT_S
    while worker.alive() and time.monotonic() < deadline:
        time.sleep(0.5)
    with pytest.raises(RuntimeError, match="did not become ready"):
        worker.wait_ready(timeout_s=1)
    log = worker.log_tail(chars=10**7)
    assert "SaslAuthenticationFailed" in log or "Authentication failed" in log, log[-3000:]
    assert "not-the-password" not in log
    assert not worker.alive(), "refused at start: the worker exits instead of retrying"
    assert worker.stop() == 1
