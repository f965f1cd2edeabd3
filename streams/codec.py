"""JSON encoding of events with orjson: sorted keys so a redelivered event is byte-identical."""

from __future__ import annotations

from typing import Any

import orjson

from streams.errors import DecodeError

_DUMP_OPTIONS = orjson.OPT_SORT_KEYS


def encode_json(value: Any) -> bytes:
    """Serialize an event: compact UTF-8 JSON with sorted keys (deterministic bytes)."""
    return orjson.dumps(value, option=_DUMP_OPTIONS)


def decode_json(data: bytes | str) -> Any:
    """Parse JSON; raises ``orjson.JSONDecodeError`` (a ``ValueError``) on bad input."""
    return orjson.loads(data)


def decode_object(data: bytes | str) -> dict[str, Any]:
    """Parse a message that must be one JSON object; a ``DecodeError`` says why it is not."""
    try:
        value = decode_json(data)
    except ValueError as exc:
        raise DecodeError(f"not JSON: {exc}", reason="invalid_json") from None
    if not isinstance(value, dict):
        raise DecodeError(
            f"expected a JSON object, got {type(value).__name__}", reason="not_an_object"
        )
    return value
