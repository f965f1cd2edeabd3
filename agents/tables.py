"""Faust tables as the agents use them: string keys, JSON values, one changelog topic each."""

from __future__ import annotations

import faust

from streams.app import Pipeline
from streams.catalog import TopicSpec


def json_table(pipeline: Pipeline, name: str, *, source: TopicSpec, help: str) -> faust.Table:
    """A table co-partitioned with ``source``, the topic whose agent reads and writes it."""
    return pipeline.app.Table(
        name,
        default=None,
        partitions=source.partitions,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        help=help,
    )


async def hand_over_changelog(pipeline: Pipeline) -> None:
    """Pass the table writes of the current event to the Kafka producer now.

    Faust queues changelog records in its own buffer and sends them later, possibly after
    the offset of the event that made them is committed (and, under exactly-once, in the
    next transaction). Handing them over before the event's outputs puts both in the same
    flush and the same transaction, so a recovered table always matches what was published.
    Agent tests run on in-memory channels, with no producer to hand over to.
    """
    if pipeline.on_kafka:
        await pipeline.app.producer.buffer.flush()
