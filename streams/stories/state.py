"""One story's state, and its record: the JSON value kept in the stories table.

The record is the only durable form. Everything the engine indexes in memory is derived from
records, so a worker that recovers the table after a crash or a rebalance decides exactly as
the worker before it would have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from streams.stories.features import StoryArticle, figures
from streams.stories.terms import Vector, heaviest

STORY_TERMS = 48
MAX_MEMBERS = 500
MAX_URLS = 10


@dataclass(slots=True)
class Member:
    """What an article was told when it joined, to tell it again on a redelivery.

    A story remembers its first ``MAX_MEMBERS`` articles so; a redelivery of a later one is
    folded in again, which can only raise its story's article count.
    """

    first: bool
    sources: int


@dataclass(slots=True)
class Story:
    """A story in memory. ``actors``, ``named_actors`` (every actor it names), ``types``,
    ``asserted_types`` and ``quantities`` are those of the article that started it (or, where
    it told none, of the first member that tells them: ``engine._adopt_told``): the event's
    own, which later reports (that also name reactions and context) cannot widen until
    everything looks alike.

    ``mass`` is kept heaviest first, so the terms the engine indexes are its first few, not a
    ranking of their own at every article. ``member_rows`` are the members as the record lists
    them, built once per member rather than for every record of a story of hundreds (tuples:
    the same JSON, and the garbage collector stops tracking them). ``figures`` are the figures
    ``mass`` holds (``features.figures``), not recorded but kept with each member and rebuilt
    from the terms, so the engine compares an article's figures with a story's in a set
    look-up rather than a scan of its terms at every candidate."""

    id: str
    first_time: float
    last_time: float
    last_arrival: float
    mass: Vector
    actors: set[str]
    named_actors: set[str]
    types: set[str]
    asserted_types: set[str]
    quantities: set[str]
    sources: set[str]
    articles: int
    members: dict[str, Member]
    first_article: dict[str, Any]
    latest_article: dict[str, Any]
    urls: list[str]
    mobilization_time: float | None = None
    mobilization_actors: set[str] = field(default_factory=set)
    mobilization_types: set[str] = field(default_factory=set)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    member_rows: list[tuple[str, bool, int]] = field(default_factory=list, repr=False)
    figures: frozenset[str] = frozenset()

    @classmethod
    def start(cls, story_id: str, article: StoryArticle) -> Story:
        return cls(
            id=story_id,
            first_time=article.time,
            last_time=article.time,
            last_arrival=article.arrival,
            mass={},
            actors=set(article.actors),
            named_actors=set(article.named_actors),
            types=set(article.types),
            asserted_types=set(article.asserted_types),
            quantities=set(article.quantities),
            sources=set(),
            articles=0,
            members={},
            first_article=article.ref,
            latest_article=article.ref,
            urls=[],
        )

    def add(self, article: StoryArticle) -> Member:
        """Fold an article in; return what it is told (first of its story, sources so far)."""
        if article.time < self.first_time:
            self.first_time, self.first_article = article.time, article.ref
        if article.time >= self.last_time:
            self.last_time, self.latest_article = article.time, article.ref
        self.last_arrival = max(self.last_arrival, article.arrival)
        for term, weight in article.vector.items():
            self.mass[term] = self.mass.get(term, 0.0) + weight
        self.mass = dict(heaviest(self.mass, STORY_TERMS))
        self.figures = frozenset(key for key in self.figures | article.figures if key in self.mass)
        self.sources.add(article.source)
        self.languages.add(article.language)
        if len(self.urls) < MAX_URLS:
            self.urls.append(article.ref["url"])
        self.articles += 1
        member = Member(first=self.articles == 1, sources=len(self.sources))
        if len(self.members) < MAX_MEMBERS:
            self.members[article.id] = member
            self.member_rows.append((article.id, member.first, member.sources))
        return member

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_time": self.first_time,
            "last_time": self.last_time,
            "last_arrival": self.last_arrival,
            "mass": sorted(self.mass.items()),
            "actors": sorted(self.actors),
            "named_actors": sorted(self.named_actors),
            "types": sorted(self.types),
            "asserted_types": sorted(self.asserted_types),
            "quantities": sorted(self.quantities),
            "sources": sorted(self.sources),
            "articles": self.articles,
            "members": list(self.member_rows),
            "first_article": self.first_article,
            "latest_article": self.latest_article,
            "urls": self.urls,
            "mobilization_time": self.mobilization_time,
            "mobilization_actors": sorted(self.mobilization_actors),
            "mobilization_types": sorted(self.mobilization_types),
            "alerts": self.alerts,
            "languages": sorted(self.languages),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Story:
        mass = dict(record["mass"])
        return cls(
            id=record["id"],
            first_time=record["first_time"],
            last_time=record["last_time"],
            last_arrival=record["last_arrival"],
            mass=dict(heaviest(mass, len(mass))),
            actors=set(record["actors"]),
            named_actors=set(record.get("named_actors", record["actors"])),
            types=set(record["types"]),
            asserted_types=set(record.get("asserted_types", record["types"])),
            quantities=set(record.get("quantities", ())),
            sources=set(record["sources"]),
            articles=record["articles"],
            members={key: Member(first, sources) for key, first, sources in record["members"]},
            first_article=record["first_article"],
            latest_article=record["latest_article"],
            urls=list(record["urls"]),
            mobilization_time=record["mobilization_time"],
            mobilization_actors=set(record["mobilization_actors"]),
            mobilization_types=set(record["mobilization_types"]),
            alerts=list(record["alerts"]),
            languages=set(record.get("languages", ())),
            member_rows=[(key, first, sources) for key, first, sources in record["members"]],
            figures=figures(mass),
        )
