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
