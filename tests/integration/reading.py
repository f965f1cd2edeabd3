"""Reading Muster's output topics from tests, as a downstream consumer would."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka_io import Record, end_offsets, tail
from streams.kafka_security import client_options
from streams.settings import Settings

CHECK_EVERY = 200


async def collect(
    settings: Settings,
    topics: list[str],
    *,
    done: Callable[[list[Record]], bool],
    timeout_s: float,
    alive: Callable[[], bool] = lambda: True,
    isolation_level: str = "read_uncommitted",
) -> list[Record]:
    """Read the topics from the start until ``done(records)``; fail after ``timeout_s``.

    ``done`` is asked after every ``CHECK_EVERY`` records and whenever the topics go quiet.
    """
    records: list[Record] = []
    deadline = time.monotonic() + timeout_s
    positions: dict[TopicPartition, int] = {}
    while not done(records):
        assert time.monotonic() < deadline, f"timed out with {len(records)} records"
        assert alive(), "a worker exited"
        async for record in tail(
            settings,
            topics,
            start=positions,
            idle_timeout_s=1.0,
            isolation_level=isolation_level,
        ):
            positions[TopicPartition(record.topic, record.partition)] = record.offset + 1
            records.append(record)
            if len(records) % CHECK_EVERY == 0 and done(records):
                return records
            if time.monotonic() > deadline:
                break
    return records


async def committed_offsets(
    settings: Settings, topic: str, group: str | None = None
) -> dict[TopicPartition, int]:
    """The offsets ``group`` (default: the worker's) has committed on ``topic``."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group or settings.app_id)
        return {tp: meta.offset for tp, meta in offsets.items() if tp.topic == topic}
    finally:
        await admin.close()


async def wait_for_commits(settings: Settings, topic: str, timeout_s: float) -> None:
    """Wait until the worker's group has committed every offset of ``topic``."""
    ends = await end_offsets(settings, [topic])
    deadline = time.monotonic() + timeout_s
    while True:
        committed = await committed_offsets(settings, topic)
        if all(committed.get(tp, 0) >= end for tp, end in ends.items()):
            return
        assert time.monotonic() < deadline, f"committed {committed}, end {ends}"
        await asyncio.sleep(0.5)


async def read_all(
    settings: Settings,
    topics: list[str],
    idle_s: float = 2.0,
    isolation_level: str = "read_uncommitted",
) -> list[Record]:
    """Everything in the topics now: read from the start until they are quiet."""
    return [
        record
        async for record in tail(
            settings,
            topics,
            from_beginning=True,
            idle_timeout_s=idle_s,
            isolation_level=isolation_level,
        )
    ]


def wait_for_count(
    settings: Settings, count: int, alive: Callable[[], bool], timeout_s: float = 120
) -> None:
    """Wait until the enriched topic holds at least ``count`` events."""
    asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=lambda got: len(got) >= count,
            timeout_s=timeout_s,
            alive=alive,
        )
    )
