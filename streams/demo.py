"""``muster demo``: a throwaway broker and worker, the seed articles in, every event out.

Each run starts from nothing (a fresh broker data directory on free ports), so the output is
the same every time, and stops and deletes everything it started on the way out. Events go
to stdout as JSON lines; progress and the worker's log, on failure, go to stderr.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from aiokafka import TopicPartition

from streams.broker import free_port, start_broker, stop_broker
from streams.catalog import TopicCatalog
from streams.codec import encode_json
from streams.inputs import read_messages
from streams.kafka_io import ensure_topics, produce, tail
from streams.records import record_json
from streams.settings import Settings
from streams.worker_process import WorkerProcess

SETTLE_SECONDS = 1.5


def run_demo(settings: Settings, *, seeds: Path, timeout_s: float) -> int:
    messages = list(read_messages(str(seeds)))
    workdir = Path(tempfile.mkdtemp(prefix="muster-demo-"))
    broker_dir = workdir / "kafka"
    worker: WorkerProcess | None = None
    try:
        _say("starting a local Kafka broker (the first run downloads it from Maven Central)")
        handle = start_broker(port=free_port(), data_dir=broker_dir)
        settings = settings.on_local_broker(
            handle.bootstrap, data_dir=workdir / "worker", web_port=free_port()
        )
        catalog = TopicCatalog.from_settings(settings)
        asyncio.run(ensure_topics(settings, catalog.all(), settings.replication_factor))
        _say(f"broker at kafka://{handle.bootstrap}; starting the worker")
        worker = WorkerProcess(settings, workdir / "worker.log").start()
        _say(f"producing {len(messages)} seed article(s) from {seeds}")
        asyncio.run(produce(settings, settings.raw_topic, ((None, m) for m in messages)))
        printed = asyncio.run(_print_events(settings, len(messages), timeout_s, worker.alive))
        if printed < len(messages):
            _say(f"only {printed} of {len(messages)} articles came out; worker log:")
            sys.stderr.write(worker.log_tail())
            return 1
        return 0
    finally:
        if worker is not None:
            worker.stop()
        stop_broker(broker_dir)
        shutil.rmtree(workdir, ignore_errors=True)


async def _print_events(
    settings: Settings, expected: int, timeout_s: float, worker_alive: Callable[[], bool]
) -> int:
    """Print enriched, mobilization and dead-letter records until every article is out.

    An article is out when its enriched event or its dead letter is; reading goes on until the
    topics are quiet for a moment so the last mobilization event is printed too.
    """
    topics = [settings.enriched_topic, settings.mobilization_topic, settings.deadletter_topic]
    positions: dict[TopicPartition, int] = {}
    done = 0
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and worker_alive():
        async for record in tail(settings, topics, start=positions, idle_timeout_s=SETTLE_SECONDS):
            positions[TopicPartition(record.topic, record.partition)] = record.offset + 1
            if record.topic != settings.mobilization_topic:
                done += 1
            envelope = record.topic == settings.deadletter_topic
            print(encode_json(record_json(record, envelope=envelope)).decode(), flush=True)
        if done >= expected:
            break
    return done


def _say(text: str) -> None:
    print(f"muster demo: {text}", file=sys.stderr, flush=True)
