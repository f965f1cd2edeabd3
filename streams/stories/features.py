"""What the story engine reads of an enriched event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from streams.stories.terms import Vector, content_vector, is_year, terms
from streams.tagger import MOBILIZATION_TYPES


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One enriched article as the story engine sees it."""

    id: str
    time: float
    arrival: float
    ref: dict[str, Any]
    source: str
    language: str
    vector: Vector
    specific: frozenset[str]
    actors: frozenset[str]
    named_actors: frozenset[str]
    types: frozenset[str]
    asserted_types: frozenset[str]
    quantities: frozenset[str]
    figures: frozenset[str]
    mobilization: bool
    mobilization_actors: tuple[str, ...]
    mobilization_types: tuple[str, ...]


TOLD_CHARS = 600
"""How far into the body a signal may start and still tell the article's event (about its
first three paragraphs): further down are context, background and other parties. The kinds an
article asserts besides the one it tells (``asserted_types``, which make a disagreement of
kinds count half) are read there too: a kind asserted far down is background, not the event
an angle piece still tells below its headline."""


def _near_top(signal: dict[str, Any]) -> bool:
    """Whether a signal is in the headline or starts within ``TOLD_CHARS`` of the body."""
    evidence = signal["evidence"]
    return evidence["field"] == "title" or evidence["start"] < TOLD_CHARS


def _acting(signals: list[dict[str, Any]]) -> frozenset[str]:
    """Who acts in the event told first (the headline's signal, else the earliest).

    Reports of an action and of the reaction to it name both sides; the side that acts in
    the headline tells them apart. A signal below ``TOLD_CHARS`` tells no acting side: an
    analysis or a view from the ground whose first signal with an actor is far down (the US
    in a piece on a Chinese drill) would disagree with every report of its event.
    """
    named = [signal for signal in signals if signal["actors"] and _near_top(signal)]
    if not named:
        return frozenset()
    first = min(named, key=lambda s: (s["evidence"]["field"] != "title", s["evidence"]["start"]))
    return frozenset(first["actors"])


def _told(signals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The signals of the event told first: the headline's asserted ones, else the earliest.

    A lead also names the context (a call-up "as troops move to the border"); the kind and
    size of event the headline tells are the event's own. An earliest signal below
    ``TOLD_CHARS`` tells none: it is context, not the event.
    """
    asserted = [signal for signal in signals if signal["polarity"] == "asserted"]
    headline = [signal for signal in asserted if signal["evidence"]["field"] == "title"]
    if headline or not asserted:
        return headline
    earliest = min(asserted, key=lambda signal: signal["evidence"]["start"])
    return [earliest] if _near_top(earliest) else []


def _quantities(told: list[dict[str, Any]]) -> frozenset[str]:
    """The numbers of the told event's size ("3,500 troops", "20 тысяч военных")."""
    return frozenset(
        term for signal in told for term in terms(signal.get("quantity") or "") if term[0].isdigit()
    )


FIGURE_DIGITS = 4
"""The fewest digits of a figure that tells an event's size (``figures``)."""


def figures(keys: Iterable[str]) -> frozenset[str]:
    """The figures among term keys (``is_figure``)."""
    return frozenset(filter(is_figure, keys))


def is_figure(key: str) -> bool:
    """Whether a term key is a figure of four digits or more that is not a year: the sizes
    and counts reports quote (15,000 reservists, 135,000 conscripts). Three-digit numbers are
    as often distances, calibres and article numbers (a 200 km zone, 155 mm shells, article
    389 of the criminal code), and a year dates an event rather than telling it apart."""
    return len(key) >= FIGURE_DIGITS and key.isdigit() and not is_year(key)


def _epoch(moment: str | None) -> float:
    return datetime.fromisoformat(moment).timestamp() if moment else 0.0


def read_article(enriched: dict[str, Any]) -> StoryArticle:
    """Features of an enriched event: its time, outlet, weighted terms, actors and types.

    Time is ``published_at``, else ``received_at`` (Kafka's timestamp); arrival is
    ``received_at`` alone (0 offline, where nothing arrives and nothing expires). The outlet is
    ``source``, else the URL's host, so copies on one site never count as corroboration.
    """
    moment = enriched["published_at"] or enriched["received_at"]
    signals = enriched["signals"]
    told = _told(signals)
    asserted = [signal for signal in signals if signal["polarity"] == "asserted"]
    vector, specific = content_vector(enriched["title"], enriched["body"], enriched["language"])
    return StoryArticle(
        id=enriched["id"],
        time=_epoch(moment),
        arrival=_epoch(enriched["received_at"]),
        ref={
            "id": enriched["id"],
            "url": enriched["url"],
            "title": enriched["title"],
            "source": enriched["source"],
            "time": moment or "1970-01-01T00:00:00Z",
        },
        source=enriched["source"] or urlsplit(enriched["url"]).hostname or enriched["url"],
        language=enriched["language"],
        vector=vector,
        specific=specific,
        actors=_acting(signals),
        named_actors=frozenset(enriched["actors"]).union(*(signal["actors"] for signal in signals)),
        types=frozenset(signal["type"] for signal in told),
        asserted_types=frozenset(signal["type"] for signal in asserted if _near_top(signal)),
        quantities=_quantities(told),
        figures=figures(specific),
        mobilization=enriched["mobilization"],
        mobilization_actors=tuple(enriched["actors"]),
        mobilization_types=tuple(
            sorted({s["type"] for s in asserted if s["type"] in MOBILIZATION_TYPES})
        ),
    )
