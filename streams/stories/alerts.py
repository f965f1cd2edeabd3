"""Alerts for alerting systems: what each one says, and its deterministic id.

An alert is a pure function of the story state at the article that raised it, and its id a
hash of what it is about (story and kind, or actor, kind and tipping story), so a consumer
that drops repeated ids sees each alert once however often a redelivery re-emits it.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from streams.stories.state import Story

ALERTS_SCHEMA = "news.alerts/v1"
SEVERITY = {"new_story": "warning", "corroborated": "warning", "escalation": "critical"}


def alert_id(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def story_alert(kind: str, story: Story, raised_at: float) -> dict[str, Any]:
    """A ``new_story`` or ``corroborated`` alert for a mobilization story."""
    actors = sorted(story.mobilization_actors)
    types = sorted(story.mobilization_types)
    who = ", ".join(actors) or "unknown actor"
    what = ", ".join(types)
    summary = (
        f"New mobilization story: {who}: {what}: {story.first_article['title']}"
        if kind == "new_story"
        else f"Mobilization story corroborated by {len(story.sources)} sources: {who}: {what}: "
        f"{story.first_article['title']}"
    )
    return {
        "schema": ALERTS_SCHEMA,
        "alert_id": alert_id(kind, story.id),
        "kind": kind,
        "severity": SEVERITY[kind],
        "summary": summary,
        "story_id": story.id,
        "actor": None,
        "actors": actors,
        "types": types,
        "sources": len(story.sources),
        "articles": story.articles,
        "first_article": story.first_article,
        "latest_article": story.latest_article,
        "span": {"start": iso(story.first_time), "end": iso(story.last_time)},
        "urls": list(story.urls),
        "raised_at": iso(raised_at),
    }


def escalation_alert(
    actor: str,
    tipping: Story,
    stories: list[Story],
    *,
    window_hours: float,
    baseline_per_window: float,
    baseline_days: float,
    threshold: float,
    raised_at: float,
) -> dict[str, Any]:
    """An ``escalation`` alert: ``stories`` are the actor's mobilization stories in the window."""
    first = min(stories, key=lambda story: (story.first_time, story.id))
    last = max(stories, key=lambda story: (story.last_time, story.id))
    types = sorted({kind for story in stories for kind in story.mobilization_types})
    return {
        "schema": ALERTS_SCHEMA,
        "alert_id": alert_id("escalation", actor, tipping.id),
        "kind": "escalation",
        "severity": SEVERITY["escalation"],
        "summary": (
            f"Escalation: {actor} has {len(stories)} distinct mobilization stories in "
            f"{window_hours:g} h against a baseline of {baseline_per_window:.1f}: "
            f"{', '.join(types)}"
        ),
        "story_id": tipping.id,
        "actor": actor,
        "actors": [actor],
        "types": types,
        "sources": len({source for story in stories for source in story.sources}),
        "articles": sum(story.articles for story in stories),
        "first_article": first.first_article,
        "latest_article": last.latest_article,
        "span": {"start": iso(first.first_time), "end": iso(last.last_time)},
        "urls": [story.first_article["url"] for story in stories][:10],
        "escalation": {
            "stories_in_window": len(stories),
            "window_hours": window_hours,
            "baseline_per_window": round(baseline_per_window, 3),
            "baseline_days": baseline_days,
            "threshold": round(threshold, 3),
            "story_ids": [story.id for story in stories],
        },
        "raised_at": iso(raised_at),
    }
