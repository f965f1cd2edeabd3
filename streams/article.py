"""The input contract: turn a raw Kafka message's bytes into validated article fields.

Operators send JSON objects with ``url``, ``title``, ``body`` (plain text or HTML) and,
optionally, ``id``, ``source``, ``published_at`` (RFC 3339) and ``language``. Unknown fields
are ignored so producers can send more than Muster reads. Every failure is an ``InputError``
with a stable ``reason`` code that the dead-letter headers carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from streams.codec import decode_object
from streams.errors import DecodeError, TooLargeError, ValidationError

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://\S+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
MAX_ID_CHARS = 256


@dataclass(frozen=True, slots=True)
class RawArticle:
    """Validated input fields, before text normalization."""

    url: str
    title: str
    body: str
    id: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str | None = None


def parse_raw_article(data: bytes, *, max_bytes: int) -> RawArticle:
    """Decode and validate one raw message; raise an ``InputError`` saying what is wrong."""
    if len(data) > max_bytes:
        raise TooLargeError(f"message is {len(data)} bytes, over the {max_bytes}-byte limit")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8: {exc.reason} at byte {exc.start}", reason="invalid_utf8"
        ) from None
    payload = decode_object(text)
    return RawArticle(
        url=_url(payload),
        title=_required_text(payload, "title"),
        body=_required_text(payload, "body"),
        id=_optional_id(payload),
        source=_optional_text(payload, "source"),
        published_at=_optional_timestamp(payload, "published_at"),
        language=_optional_language(payload),
    )


def _field(payload: dict[str, Any], name: str, *, required: bool) -> str | None:
    value = payload.get(name)
    if value is None:
        if required:
            raise ValidationError(f"missing required field {name!r}", reason="missing_field")
        return None
    if not isinstance(value, str):
        raise ValidationError(
            f"field {name!r} must be a string, got {type(value).__name__}", reason="wrong_type"
        )
    return value


def _required_text(payload: dict[str, Any], name: str) -> str:
    return _field(payload, name, required=True) or ""


def _optional_text(payload: dict[str, Any], name: str) -> str | None:
    value = _field(payload, name, required=False)
    return value.strip() or None if value is not None else None


def _url(payload: dict[str, Any]) -> str:
    url = _required_text(payload, "url").strip()
    if not _URL.fullmatch(url):
        raise ValidationError(f"field 'url' is not an absolute URL: {url[:80]!r}", reason="bad_url")
    return url


def _optional_id(payload: dict[str, Any]) -> str | None:
    value = _optional_text(payload, "id")
    if value is not None and len(value) > MAX_ID_CHARS:
        raise ValidationError(f"field 'id' is over {MAX_ID_CHARS} characters", reason="bad_id")
    return value


def _optional_timestamp(payload: dict[str, Any], name: str) -> str | None:
    value = _optional_text(payload, name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"field {name!r} is not an RFC 3339 timestamp: {value[:40]!r}", reason="bad_timestamp"
        ) from None
    if moment.tzinfo is None:
        raise ValidationError(
            f"field {name!r} has no UTC offset: {value[:40]!r}", reason="bad_timestamp"
        )
    return format_timestamp(moment)


def _optional_language(payload: dict[str, Any]) -> str | None:
    value = _optional_text(payload, "language")
    if value is None:
        return None
    if not _LANGUAGE.fullmatch(value):
        raise ValidationError(
            f"field 'language' is not a language tag: {value[:20]!r}", reason="bad_language"
        )
    return value.replace("_", "-").split("-")[0].lower()


def format_timestamp(moment: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, to the second: one spelling for every timestamp."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def timestamp_from_ms(epoch_ms: int | float) -> str:
    """A Kafka record timestamp (ms since the epoch) as RFC 3339."""
    return format_timestamp(datetime.fromtimestamp(epoch_ms / 1000, tz=UTC))
