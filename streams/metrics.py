"""Muster's Prometheus metrics: one registry, bounded labels (no ids or URLs as labels)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

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
    "Signals found in accepted articles, by type and polarity.",
    ["type", "polarity"],
    registry=REGISTRY,
)
MOBILIZATION_EVENTS = Counter(
    "muster_mobilization_events_total",
    "Mobilization events published.",
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
