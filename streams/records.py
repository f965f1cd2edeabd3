"""Kafka records as JSON lines: what ``muster tail`` and ``muster demo`` print."""

from __future__ import annotations

import base64
import sys
from typing import IO, Any

from streams.codec import decode_json, encode_json
from streams.kafka_io import Record, tail
from streams.settings import Settings


def record_json(record: Record, *, envelope: bool) -> dict[str, Any] | None:
    """The record's JSON value, or an envelope with its metadata and exact bytes."""
    value = _json_value(record.value)
    if not envelope and isinstance(value, dict):
        return value
    return {
        "topic": record.topic,
        "partition": record.partition,
        "offset": record.offset,
        "timestamp_ms": record.timestamp_ms,
        "key": record.key.decode("utf-8", "replace") if record.key is not None else None,
        "headers": {name: value.decode("utf-8", "replace") for name, value in record.headers},
        "value": value,
        "value_base64": base64.b64encode(record.value).decode()
        if record.value is not None
        else None,
    }


def _json_value(data: bytes | None) -> Any:
    if data is None:
        return None
    try:
        return decode_json(data)
    except ValueError:
        return None


async def print_records(
    settings: Settings,
    topics: list[str],
    *,
    from_beginning: bool = False,
    limit: int | None = None,
    idle_timeout_s: float | None = None,
    envelope: bool = False,
    out: IO[str] = sys.stdout,
) -> int:
    """Print records as JSON lines until ``limit`` records or ``idle_timeout_s`` idle seconds."""
    count = 0
    if limit == 0:
        return 0
    async for record in tail(
        settings, topics, from_beginning=from_beginning, idle_timeout_s=idle_timeout_s
    ):
        out.write(encode_json(record_json(record, envelope=envelope)).decode() + "\n")
        out.flush()
        count += 1
        if limit is not None and count >= limit:
            break
    return count
