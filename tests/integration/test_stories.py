"""Stories and alerts on a real broker, with a worker SIGKILLed in the middle of the feed."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from streams.codec import decode_json, encode_json
from streams.settings import Settings
from streams.stories.engine import StoryEngine
from streams.story_evaluation import RAW_FIELDS, pairwise_scores
from streams.worker_process import WorkerProcess
from tests.contracts import assert_valid
from tests.integration.reading import read_all, wait_for_commits, wait_for_count
from tests.integration.test_faults import send, wait_for_ids

pytestmark = pytest.mark.integration

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def story_feed() -> list[dict[str, Any]]:
    """Every team-written story article, in order of publication."""
    items = [
        decode_json(line)
        for path in sorted(STORIES.glob("*.jsonl"))
        for line in path.read_bytes().splitlines()
        if line.strip()
    ]
    return sorted(items, key=lambda item: (item["published_at"], item["id"]))


def read_topic(settings: Settings, topic: str) -> list[dict[str, Any]]:
    return [decode_json(r.value) for r in asyncio.run(read_all(settings, [topic]))]


@pytest.mark.parametrize("table_store", ["memory", "rocksdb"])
def test_story_ids_and_alerts_survive_a_sigkill_exactly(
    settings: Settings, workers: Callable[..., WorkerProcess], table_store: str
) -> None:
    """With RocksDB the restarted worker on the same data directory reads its tables from
    disk and only the changelog's tail; from memory it replays the whole changelog."""
    settings = replace(settings, table_store=table_store)
    items = story_feed()
    assert len(items) >= 200
    raw = [encode_json({key: item[key] for key in RAW_FIELDS}) for item in items]
    half = len(raw) // 2
    send(settings, raw[:half])
    first = workers(settings)
    wait_for_count(settings, half // 2, first.alive)
    first.kill()
    send(settings, raw[half:])
    second = workers(settings)
    wait_for_ids(settings, {item["id"] for item in items}, second.alive, timeout_s=180)
    asyncio.run(wait_for_commits(settings, settings.raw_topic, timeout_s=60))

    # What an uninterrupted engine decides for the sequence the story agent read.
    engine = StoryEngine(settings.story_policy)
    expected_story: dict[str, dict[str, Any]] = {}
    expected_alerts: dict[str, dict[str, Any]] = {}
    for tagged in read_topic(settings, settings.tagged_topic):
        assert_valid("news.articles.tagged.v1.json", tagged)
        outcome = engine.process(tagged)
        expected_story[tagged["id"]] = outcome.story
        expected_alerts.update((alert["alert_id"], alert) for alert in outcome.alerts)

    told: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in read_topic(settings, settings.enriched_topic):
        assert_valid("news.articles.enriched.v1.json", event)
        told[event["id"]].append(event["story"])
    assert set(told) == {item["id"] for item in items}
    for article_id, stories in told.items():
        assert all(story == expected_story[article_id] for story in stories), article_id

    alerts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for alert in read_topic(settings, settings.alerts_topic):
        assert_valid("news.alerts.v1.json", alert)
        alerts[alert["alert_id"]].append(alert)
    assert set(alerts) == set(expected_alerts)
    assert all(copy == expected_alerts[key] for key, copies in alerts.items() for copy in copies)
    kinds = Counter(copies[0]["kind"] for copies in alerts.values())
    assert kinds["new_story"] >= len({item["story"] for item in items}) // 2

    predicted = {article_id: stories[0]["id"] for article_id, stories in told.items()}
    scores = pairwise_scores({item["id"]: item["story"] for item in items}, predicted)
    duplicates = sum(len(copies) - 1 for copies in alerts.values())
    print(f"\nstories after SIGKILL: {scores}; alerts {dict(kinds)}, {duplicates} repeats")
    assert scores["pairwise_precision"] >= 0.8
    # Every offset committed: the new owner does not leave a stuck partition behind.
    asyncio.run(wait_for_commits(settings, settings.tagged_topic, timeout_s=60))
