"""The topic catalog: every topic Muster reads or writes, with its partitions and contract.

One place for topic names (from ``Settings``), partition counts and the JSON Schema file each
topic's values follow. The Faust app, the admin code that creates topics, the CLI and the
tests all read this catalog; none spells a topic name itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from streams.settings import Settings

ORIGIN_HEADER = "muster-origin"
SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"


@dataclass(frozen=True)
class TopicSpec:
    """One topic: its name, partition count, what its key is, and its value contract."""

    role: str
    name: str
    partitions: int
    key: str
    schema: str

    @property
    def schema_path(self) -> Path:
        return SCHEMAS_DIR / self.schema


@dataclass(frozen=True)
class TopicCatalog:
    raw: TopicSpec
    enriched: TopicSpec
    mobilization: TopicSpec
    deadletter: TopicSpec
    tagged: TopicSpec
    alerts: TopicSpec

    @classmethod
    def from_settings(cls, settings: Settings) -> TopicCatalog:
        n = settings.partitions
        return cls(
            raw=TopicSpec(
                "raw", settings.raw_topic, n, "any (operator's choice)", "news.articles.raw.v1.json"
            ),
            enriched=TopicSpec(
                "enriched",
                settings.enriched_topic,
                n,
                "article id",
                "news.articles.enriched.v1.json",
            ),
            mobilization=TopicSpec(
                "mobilization",
                settings.mobilization_topic,
                n,
                "article id",
                "news.signals.mobilization.v1.json",
            ),
            deadletter=TopicSpec(
                "deadletter",
                settings.deadletter_topic,
                n,
                "the rejected message's own key",
                "news.deadletter.v1.json",
            ),
            tagged=TopicSpec(
                "tagged",
                settings.tagged_topic,
                1,
                "content fingerprint (one partition: duplicates meet, and a story may gather "
                f"articles from anywhere); header {ORIGIN_HEADER} = raw topic:partition:offset",
                "news.articles.tagged.v1.json",
            ),
            alerts=TopicSpec(
                "alerts",
                settings.alerts_topic,
                n,
                "story id, or actor for escalations",
                "news.alerts.v1.json",
            ),
        )

    def all(self) -> tuple[TopicSpec, ...]:
        return (
            self.raw,
            self.enriched,
            self.mobilization,
            self.deadletter,
            self.tagged,
            self.alerts,
        )

    def by_name(self, name: str) -> TopicSpec | None:
        return next((spec for spec in self.all() if name in (spec.name, spec.role)), None)
