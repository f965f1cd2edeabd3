"""The events Muster publishes, as plain dicts that follow the schemas in ``schemas/``.

Every event is a pure function of its input: no wall-clock time, no random ids. A redelivered
article therefore yields byte-identical events (``streams.codec.encode_json`` sorts keys), and
each event's ``event_id`` is a hash of what it is about, so consumers can drop repeats.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from streams.normalize import Article
from streams.tagger import MOBILIZATION_TYPES, TAGGER_VERSION, Signal, TagResult

ENRICHED_SCHEMA = "news.articles.enriched/v1"
MOBILIZATION_SCHEMA = "news.signals.mobilization/v1"
MOBILIZATION_ARTICLE_FIELDS = (
    "id", "url", "title", "source", "language", "published_at", "received_at",
    "score", "actors", "tagger_version",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a raw article was read: its topic, partition and offset."""

    topic: str
    partition: int
    offset: int

    def as_key(self) -> str:
        return f"{self.topic}:{self.partition}:{self.offset}"


def event_id(kind: str, article: Article) -> str:
    """Deterministic id: the same article content always yields the same id per event kind."""
    seed = f"{kind}\x1f{article.id}\x1f{article.fingerprint}\x1f{TAGGER_VERSION}"
    return hashlib.blake2b(seed.encode("utf-8"), digest_size=16).hexdigest()


def article_fields(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "body": article.body,
        "language": article.language,
        "fingerprint": article.fingerprint,
        "source": article.source,
        "published_at": article.published_at,
        "received_at": article.received_at,
    }


def signal_fields(signal: Signal) -> dict[str, Any]:
    return {
        "type": signal.type,
        "polarity": signal.polarity,
        "confidence": signal.confidence,
        "evidence": asdict(signal.evidence),
        "rule": signal.rule,
        "actors": list(signal.actors),
        "target": signal.target,
        "equipment": list(signal.equipment),
        "quantity": signal.quantity,
        "locations": list(signal.locations),
        "attribution": signal.attribution,
    }


def enriched_event(
    article: Article, result: TagResult, story: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Every accepted article, normalized, with its signals, verdict and story (when on)."""
    return {
        "schema": ENRICHED_SCHEMA,
        "event_id": event_id("enriched", article),
        **article_fields(article),
        "mobilization": result.mobilization,
        "score": result.score,
        "actors": list(result.actors),
        "type_counts": dict(sorted(result.type_counts.items())),
        "signals": [signal_fields(signal) for signal in result.signals],
        "truncated": result.truncated,
        "tagger_version": TAGGER_VERSION,
        "story": story,
    }


def mobilization_event(enriched: dict[str, Any]) -> dict[str, Any] | None:
    """The alerting event for a mobilization article, or None when it is not one.

    Derived from the enriched event alone, so the tag stage and the story stage (which adds
    the story id) build it the same way.
    """
    if not enriched["mobilization"]:
        return None
    asserted = [
        signal
        for signal in enriched["signals"]
        if signal["polarity"] == "asserted" and signal["type"] in MOBILIZATION_TYPES
    ]
    story = enriched["story"]
    return {
        "schema": MOBILIZATION_SCHEMA,
        "event_id": hashlib.blake2b(
            f"mobilization\x1f{enriched['event_id']}".encode(), digest_size=16
        ).hexdigest(),
        "enriched_event_id": enriched["event_id"],
        **{key: enriched[key] for key in MOBILIZATION_ARTICLE_FIELDS},
        "types": sorted({signal["type"] for signal in asserted}),
        "signals": asserted,
        "story_id": story["id"] if story else None,
    }
