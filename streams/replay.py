"""``muster deadletter replay``: send dead letters back to where they came from.

After the cause of a failure is fixed (a new release, a corrected setting), the dead letters
can be re-published to their source topic exactly as they arrived: original key, original
bytes, no Muster headers, so the pipeline sees them as new input. A replay group (one per
reason filter) remembers how far replay got, so running it twice does not send anything twice;
what fails again lands back in the dead-letter topic with a new reason, never lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.deadletter import read_headers
from streams.kafka_io import (
    MAX_MESSAGE_BYTES,
    new_producer,
    partitions_of,
    resume_from_committed,
)
from streams.kafka_security import client_options
from streams.settings import Settings

REPLAY_GROUP_SUFFIX = "-deadletter-replay"


@dataclass(frozen=True)
class ReplayReport:
    replayed: Counter[str]
    skipped: int

    @property
    def total(self) -> int:
        return sum(self.replayed.values())


async def replay_dead_letters(
    settings: Settings, *, reason: str | None = None, limit: int | None = None
) -> ReplayReport:
    """Re-publish dead letters not replayed yet (optionally only one reason) to their sources.

    Only the letters present when the replay starts are replayed: one that fails again while
    it runs is left for the next replay. Offsets are committed only after the producer has
    every replayed message, so an interrupted replay is resumed, not lost; it may send the
    last batch again, which the pipeline's duplicate check absorbs.
    """
    partitions = await partitions_of(settings, [settings.deadletter_topic])
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=settings.app_id + REPLAY_GROUP_SUFFIX + (f"-{reason}" if reason else ""),
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=MAX_MESSAGE_BYTES,
    )
    producer = new_producer(settings)
    await consumer.start()
    await producer.start()
    replayed: Counter[str] = Counter()
    skipped = 0
    try:
        consumer.assign(partitions)
        ends = await consumer.end_offsets(partitions)
        await resume_from_committed(consumer, partitions)
        while await _behind(consumer, partitions, ends):
            if limit is not None and sum(replayed.values()) >= limit:
                break
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            for partition, records in batches.items():
                for record in records:
                    if record.offset >= ends[partition]:
                        continue
                    headers = read_headers(list(record.headers or ()))
                    if reason is not None and headers.get("error.reason") != reason:
                        skipped += 1
                        continue
                    if limit is not None and sum(replayed.values()) >= limit:
                        break
                    source = headers.get("source.topic", settings.raw_topic)
                    await producer.send(source, value=record.value, key=record.key)
                    replayed[source] += 1
            await producer.flush()
            await consumer.commit(await _progress(consumer, partitions, ends))
    finally:
        await producer.stop()
        await consumer.stop()
    return ReplayReport(replayed=replayed, skipped=skipped)


async def _progress(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], ends: dict[TopicPartition, int]
) -> dict[TopicPartition, int]:
    """Offsets to commit: how far replay read, but never past the letters it started with."""
    return {p: min(await consumer.position(p), ends[p]) for p in partitions}


async def _behind(
    consumer: AIOKafkaConsumer, partitions: list[TopicPartition], ends: dict[TopicPartition, int]
) -> bool:
    """Is any partition still short of the end it had when the replay began?"""
    for partition in partitions:
        if await consumer.position(partition) < ends[partition]:
            return True
    return False
