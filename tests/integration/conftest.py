"""One real Kafka broker for the whole test session; a fresh topic set and group per test.

The broker is assembled from Maven Central jars and started on a free port by the project's
own ``streams.broker``; a failed start shows the broker's log. Each test gets settings whose
topic names, consumer group, web port and state directory are its own, so tests never see
each other's records, and worker processes started through ``workers`` are always stopped.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from streams.broker import BrokerHandle, free_port, start_broker, stop_broker
from streams.catalog import TopicCatalog
from streams.kafka_io import ensure_topics
from streams.settings import Settings
from streams.worker_process import WorkerProcess

_numbers = itertools.count()


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrokerHandle]:
    data_dir = tmp_path_factory.mktemp("kafka")
    handle = start_broker(port=free_port(), data_dir=data_dir)
    try:
        yield handle
    finally:
        stop_broker(data_dir)


@pytest.fixture
def settings(kafka: BrokerHandle, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings for this test alone: its own topics, group, web port and state."""
    tag = f"t{next(_numbers)}-{request.node.name[:40]}".replace("[", "-").replace("]", "")
    tag = "".join(char if char.isalnum() or char in "-_" else "-" for char in tag)
    named = Settings(broker=f"kafka://{kafka.bootstrap}", partitions=4, log_level="info").isolated(
        tag, web_port=free_port(), data_dir=tmp_path / "worker"
    )
    catalog = TopicCatalog.from_settings(named)
    asyncio.run(ensure_topics(named, catalog.all(), 1))
    return named


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start worker processes; every one is stopped at the end, and its log shown on failure."""
    started: list[WorkerProcess] = []

    def start(settings: Settings, **changes: object) -> WorkerProcess:
        worker_settings = replace(settings, **changes) if changes else settings
        log = tmp_path / f"worker-{len(started)}.log"
        worker = WorkerProcess(worker_settings, log).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop(timeout_s=20)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for log in sorted(Path(item.funcargs.get("tmp_path", Path("/nonexistent"))).glob("*.log")):
            report.sections.append(
                (f"worker log {log.name}", log.read_text(errors="replace")[-5000:])
            )
