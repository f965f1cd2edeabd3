"""Muster's Prometheus metrics: one registry, bounded labels (no ids or URLs as labels).

Actor labels are lexicon keys (ISO 3166-1 alpha-3 codes, or short upper-case names of groups
and alliances), a closed set of about 150; ``actor_label`` folds anything else into
``other`` so a lexicon mistake cannot blow up the number of series.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)
NO_ACTOR = "none"
OTHER_ACTOR = "other"
_ACTOR_KEY = re.compile(r"[A-Z][A-Z0-9_]{1,19}")

ARTICLES = Counter(
    "muster_articles_total",
    "Articles handled, by stage and outcome (accepted, duplicate, dead_letter).",
    ["stage", "outcome"],
    registry=REGISTRY,
)
DEAD_LETTERS = Counter(
    "muster_dead_letters_total",
    "Messages sent to the dead-letter topic, by stage and reason code.",
    ["stage", "reason"],
    registry=REGISTRY,
)
SIGNALS = Counter(
    "muster_signals_total",
    "Signals found in accepted articles, by type, polarity and actor (one per actor).",
    ["type", "polarity", "actor"],
    registry=REGISTRY,
)
MOBILIZATION_EVENTS = Counter(
    "muster_mobilization_events_total",
    "Mobilization events published, by actor (an event with two actors counts for both).",
    ["actor"],
    registry=REGISTRY,
)
PROCESSING_SECONDS = Histogram(
    "muster_processing_seconds",
    "Time spent in the pure core per message, by stage.",
    ["stage"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
    registry=REGISTRY,
)
STORIES = Gauge(
    "muster_stories",
    "Stories held in the story table (within retention) on this worker.",
    registry=REGISTRY,
)
ALERTS = Counter(
    "muster_alerts_total",
    "Alerts published, by kind (new_story, corroborated, escalation).",
    ["kind"],
    registry=REGISTRY,
)
TABLE_KEYS = Gauge(
    "muster_table_keys",
    "Keys this worker holds in each table (its own partitions), read at scrape time.",
    ["table"],
    registry=REGISTRY,
)


def actor_label(actor: str) -> str:
    """The label value for an actor key: the key itself, or ``other`` if it is not one."""
    return actor if _ACTOR_KEY.fullmatch(actor) else OTHER_ACTOR


def actor_labels(actors: Iterable[str]) -> Iterator[str]:
    """One label per distinct actor, or ``none`` when there is no actor."""
    labels = sorted({actor_label(actor) for actor in actors})
    yield from labels or [NO_ACTOR]
