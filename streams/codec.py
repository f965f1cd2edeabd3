"""JSON encoding of events with orjson: sorted keys so a redelivered event is byte-identical."""

from __future__ import annotations

from typing import Any

import orjson

_DUMP_OPTIONS = orjson.OPT_SORT_KEYS


def encode_json(value: Any) -> bytes:
    """Serialize an event: compact UTF-8 JSON with sorted keys (deterministic bytes)."""
    return orjson.dumps(value, option=_DUMP_OPTIONS)


def decode_json(data: bytes | str) -> Any:
    """Parse JSON; raises ``orjson.JSONDecodeError`` (a ``ValueError``) on bad input."""
    return orjson.loads(data)
