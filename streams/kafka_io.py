"""Plain aiokafka clients for the operator's side: create topics, produce, tail.

The worker talks to Kafka through Faust; the CLI's produce, tail and topic commands, the demo
and the tests use aiokafka directly, as any other client of Muster's topics would. Each helper
takes the ``Settings``, so every client connects with ``client_options`` (address, TLS, SASL).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import suppress
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from streams.catalog import TopicSpec
from streams.kafka_security import client_options
from streams.settings import Settings

MAX_MESSAGE_BYTES = 2_097_152
METADATA_ATTEMPTS = 50


@dataclass(frozen=True, slots=True)
class Record:
    """One consumed record, with the fields a reader of any Muster topic needs."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]


async def ensure_topics(
    settings: Settings, specs: Iterable[TopicSpec], replication: int
) -> list[str]:
    """Create the topics that do not exist yet; return the names created."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        if missing:
            with suppress(TopicAlreadyExistsError):
                await admin.create_topics(
                    [NewTopic(spec.name, spec.partitions, replication) for spec in missing]
                )
            await partitions_of(settings, (spec.name for spec in missing))
        return [spec.name for spec in missing]
    finally:
        await admin.close()


def new_producer(settings: Settings, **options: object) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        **client_options(settings), max_request_size=MAX_MESSAGE_BYTES, acks="all", **options
    )


async def produce(
    settings: Settings,
    topic: str,
    messages: Iterable[tuple[bytes | None, bytes]],
    headers: list[tuple[str, bytes]] | None = None,
) -> int:
    """Send (key, value) pairs, each with ``headers``, and wait until the broker has every
    one; return the count."""
    producer = new_producer(settings, linger_ms=5)
    await producer.start()
    try:
        pending = [
            await producer.send(topic, value=value, key=key, headers=headers)
            for key, value in messages
        ]
        await asyncio.gather(*pending)
        return len(pending)
    finally:
        await producer.stop()


async def end_offsets(settings: Settings, topics: Iterable[str]) -> dict[TopicPartition, int]:
    """The current end offset of every partition of these topics."""
    partitions = await partitions_of(settings, topics)
    consumer = AIOKafkaConsumer(**client_options(settings))
    await consumer.start()
    try:
        return dict(await consumer.end_offsets(partitions))
    finally:
        await consumer.stop()


async def tail(
    settings: Settings,
    topics: Iterable[str],
    *,
    start: dict[TopicPartition, int] | None = None,
    from_beginning: bool = False,
    idle_timeout_s: float | None = None,
    isolation_level: str = "read_uncommitted",
) -> AsyncIterator[Record]:
    """Read topics without a consumer group: from ``start`` offsets, the beginning or the end.

    Stops after ``idle_timeout_s`` seconds with no new record (never when it is None).
    """
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        enable_auto_commit=False,
        isolation_level=isolation_level,
        max_partition_fetch_bytes=MAX_MESSAGE_BYTES,
        fetch_max_bytes=4 * MAX_MESSAGE_BYTES,
    )
    await consumer.start()
    try:
        partitions = await partitions_of(settings, topics)
        consumer.assign(partitions)
        for partition in partitions:
            if start is not None:
                consumer.seek(partition, start.get(partition, 0))
            elif from_beginning:
                await consumer.seek_to_beginning(partition)
            else:
                await consumer.seek_to_end(partition)
        last_record = time.monotonic()
        while True:
            batches = await consumer.getmany(timeout_ms=200)
            for batch in batches.values():
                for message in batch:
                    yield Record(
                        message.topic,
                        message.partition,
                        message.offset,
                        message.timestamp,
                        message.key,
                        message.value,
                        tuple(message.headers or ()),
                    )
                last_record = time.monotonic()
            if idle_timeout_s is not None and time.monotonic() - last_record > idle_timeout_s:
                return
    finally:
        await consumer.stop()


async def resume_from_committed(
    consumer: AIOKafkaConsumer, partitions: Iterable[TopicPartition]
) -> None:
    """Seek assigned partitions to the group's committed offsets, else to their beginning."""
    for partition in partitions:
        committed = await consumer.committed(partition)
        if committed is None:
            await consumer.seek_to_beginning(partition)
        else:
            consumer.seek(partition, committed)


async def partitions_of(settings: Settings, topics: Iterable[str]) -> list[TopicPartition]:
    """Every partition of these topics, waiting briefly until new topics have leaders."""
    wanted = sorted(set(topics))
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        for _ in range(METADATA_ATTEMPTS):
            described = {item["topic"]: item for item in await admin.describe_topics(wanted)}
            ready = [
                name
                for name in wanted
                if described.get(name, {}).get("error_code") == 0
                and described[name]["partitions"]
                and all(part["leader"] >= 0 for part in described[name]["partitions"])
            ]
            if len(ready) == len(wanted):
                return [
                    TopicPartition(name, partition["partition"])
                    for name in wanted
                    for partition in sorted(
                        described[name]["partitions"], key=lambda item: item["partition"]
                    )
                ]
            await asyncio.sleep(0.2)
    finally:
        await admin.close()
    raise LookupError(f"topics not found on the broker: {wanted}")
