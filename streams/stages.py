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
from streams.events import ENRICHED_SCHEMA, enriched_event, mobilization_event
from streams.normalize import Article, normalize_article
from streams.stories.engine import StoryEngine, StoryOutcome
from streams.tagger import TagResult, tag_article

MAX_EVENT_BYTES = 1_000_000


def _bounded(value: bytes, what: str) -> bytes:
    """Refuse an event larger than a Kafka message can safely be (NFKC and JSON escaping can
    make an enriched article several times larger than its raw bytes)."""
    if len(value) > MAX_EVENT_BYTES:
        raise TooLargeError(
            f"the {what} event is {len(value)} bytes, over {MAX_EVENT_BYTES}", reason="too_large"
        )
    return value


@dataclass(frozen=True, slots=True)
class Tagged:
    """What the tag stage hands on for one article, keyed by fingerprint so copies meet."""

    fingerprint: bytes
    enriched: bytes
    result: TagResult


@dataclass(frozen=True, slots=True)
class Delivered:
    """What the deliver stage publishes for one article, and its story's outcome."""

    key: bytes
    enriched: bytes
    mobilization: bytes | None
    story: StoryOutcome | None


def normalize_stage(value: bytes | None, *, timestamp_s: float | None, max_bytes: int) -> Article:
    """Raw message bytes to a normalized article, or an ``InputError``."""
    if value is None:
        raise DecodeError("the message has no value", reason="empty_message")
    received_at = timestamp_from_ms(timestamp_s * 1000) if timestamp_s else None
    return normalize_article(parse_raw_article(value, max_bytes=max_bytes), received_at=received_at)


def tag_stage(article: Article) -> Tagged:
    """Tag an article and build its enriched event, its story not decided yet."""
    result = tag_article(article)
    return Tagged(
        fingerprint=article.fingerprint.encode("ascii"),
        enriched=_bounded(encode_json(enriched_event(article, result)), "enriched"),
        result=result,
    )


def deliver_stage(value: bytes | None, stories: StoryEngine | None) -> Delivered:
    """A tagged article to its published events: its story decided when ``stories`` is on.

    With stories off the enriched bytes go out as the tag stage made them.
    """
    try:
        enriched = decode_json(value or b"")
        if enriched.get("schema") != ENRICHED_SCHEMA:
            raise ValidationError(f"not a {ENRICHED_SCHEMA} event", reason="wrong_schema")
        key = enriched["id"].encode("utf-8")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DecodeError(f"unreadable tagged article: {exc!r}", reason="bad_record") from None
    outcome = None
    if stories is not None:
        outcome = stories.process(enriched)
        enriched["story"] = outcome.story
        value = encode_json(enriched)
    mobilization = mobilization_event(enriched)
    return Delivered(
        key=key,
        enriched=value,
        mobilization=encode_json(mobilization) if mobilization is not None else None,
        story=outcome,
    )
