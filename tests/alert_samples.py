"""Schema-valid ``news.alerts/v1`` alerts for tests, built the way the alerting stage would."""

from __future__ import annotations

import hashlib
from typing import Any


def sample_alert(number: int = 0, kind: str = "new_story", **changes: Any) -> dict[str, Any]:
    """Alert ``number`` of ``kind``; ``changes`` replace fields (and may break the schema)."""
    story = f"story-{number}"
    first = {
        "id": f"a{number}-1",
        "url": f"https://news.example/{number}/first",
        "title": f"Reservists called up in region {number}",
        "source": "wire.example",
        "time": "2026-11-25T08:00:00Z",
    }
    latest = first | {"id": f"a{number}-2", "url": f"https://other.example/{number}/latest"}
    latest["title"] = f"Tanks leave storage in region {number}"
    escalation = kind == "escalation"
    alert = {
        "schema": "news.alerts/v1",
        "alert_id": hashlib.blake2b(f"{kind}/{story}".encode(), digest_size=16).hexdigest(),
        "kind": kind,
        "severity": "critical" if escalation else "warning",
        "summary": f"{kind} {story}: mobilization reported by 2 sources",
        "story_id": story,
        "actor": "RUS" if escalation else None,
        "actors": ["RUS", "BLR"],
        "types": ["troop_movement", "mobilization_callup"],
        "sources": 2,
        "articles": 2,
        "first_article": first,
        "latest_article": latest,
        "span": {"start": "2026-11-25T08:00:00Z", "end": "2026-11-25T09:30:00Z"},
        "urls": [first["url"], latest["url"]],
        "raised_at": "2026-11-25T09:30:00Z",
    }
    if escalation:
        alert["escalation"] = {
            "stories_in_window": 3,
            "window_hours": 24,
            "baseline_per_window": 0.5,
            "baseline_days": 30,
            "threshold": 3,
            "story_ids": [story],
        }
    return alert | changes
