"""The pipeline's stages as pure functions from message bytes to message bytes.

The agents in ``agents/`` only move bytes between topics and call these. Each function raises
an ``InputError`` for bad input and returns what to publish otherwise, so every branch is
testable without a broker or an event loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.article import parse_raw_article, timestamp_from_ms
from streams.codec import decode_json, encode_json
from streams.errors import DecodeError, TooLargeError, ValidationError
from streams.events import (
    NORMALIZED_SCHEMA,
    Origin,
    article_from_normalized,
    enriched_event,
    mobilization_event,
    normalized_event,
)
from streams.normalize import Article, normalize_article
from streams.tagger import TagResult, tag_article

MAX_EVENT_BYTES = 1_000_000


def _bounded(value: bytes, what: str) -> bytes:
    """Refuse an event larger than a Kafka message can safely be (NFKC and JSON escaping can
    make a normalized article several times larger than its raw bytes)."""
    if len(value) > MAX_EVENT_BYTES:
        raise TooLargeError(
            f"the {what} event is {len(value)} bytes, over {MAX_EVENT_BYTES}", reason="too_large"
        )
    return value


@dataclass(frozen=True, slots=True)
class Normalized:
    """What the normalize stage publishes: keyed by fingerprint so duplicates meet."""

    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class Tagged:
    """What the tag stage publishes for one article."""

    key: bytes
    enriched: bytes
    mobilization: bytes | None
    result: TagResult


def normalize_stage(
    value: bytes | None, *, origin: Origin, timestamp_s: float | None, max_bytes: int
) -> Normalized:
    """Raw message bytes to a normalized-article record, or an ``InputError``."""
    if value is None:
        raise DecodeError("the message has no value", reason="empty_message")
    received_at = timestamp_from_ms(timestamp_s * 1000) if timestamp_s else None
    article = normalize_article(
        parse_raw_article(value, max_bytes=max_bytes), received_at=received_at
    )
    value = _bounded(encode_json(normalized_event(article, origin)), "normalized")
    return Normalized(key=article.fingerprint.encode("ascii"), value=value)


def read_normalized(value: bytes | None) -> tuple[Article, Origin]:
    """A normalized-article record back to the article and where it was first read."""
    try:
        event = decode_json(value or b"")
        if event.get("schema") != NORMALIZED_SCHEMA:
            raise ValidationError(f"not a {NORMALIZED_SCHEMA} record", reason="wrong_schema")
        return article_from_normalized(event)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DecodeError(f"unreadable normalized record: {exc!r}", reason="bad_record") from None


def tag_stage(article: Article) -> Tagged:
    """Tag an article and build its enriched and (maybe) mobilization events."""
    result = tag_article(article)
    enriched = enriched_event(article, result)
    alert = mobilization_event(enriched)
    return Tagged(
        key=article.id.encode("utf-8"),
        enriched=_bounded(encode_json(enriched), "enriched"),
        mobilization=encode_json(alert) if alert is not None else None,
        result=result,
    )
