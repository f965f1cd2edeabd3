"""The whole pipeline on a real broker with a real worker process and plain Kafka clients."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from streams.codec import decode_json
from streams.corpus import generate_messages
from streams.deadletter import read_headers
from streams.kafka_io import produce
from streams.settings import Settings
from streams.worker_process import WorkerProcess
from tests.contracts import assert_valid
from tests.integration.reading import collect, read_all, wait_for_commits

pytestmark = pytest.mark.integration

SEED = (
    Path(__file__).resolve().parents[2] / "seeds" / "belarus-armored-vehicles.json"
).read_bytes()
VALID_COUNT = 1000
BAD_COUNT = 1000


def malformed(number: int) -> tuple[bytes, str]:
    """The kinds of bad input operators send, with the reason each must be given."""
    article = {"url": f"https://bad.example/{number}", "title": "t", "body": "b"}
    kinds = [
        (b'{"url": "https://bad.example/' + str(number).encode() + b'", "title": ', "invalid_json"),
        (b"\xff\xfe" + orjson.dumps(article), "invalid_utf8"),
        (orjson.dumps({k: v for k, v in article.items() if k != "body"}), "missing_field"),
        (orjson.dumps(article | {"title": number}), "wrong_type"),
        (orjson.dumps(article | {"url": "nowhere"}), "bad_url"),
        (orjson.dumps([article]), "not_an_object"),
    ]
    if number % 50 == 0:
        return orjson.dumps(article | {"body": "x" * 900_000}), "too_large"
    return kinds[number % len(kinds)]


def test_valid_articles_come_out_once_and_bad_ones_become_dead_letters(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    valid = [SEED, *generate_messages(VALID_COUNT, seed=11)]
    bad = [malformed(number) for number in range(BAD_COUNT)]
    messages = [(b"valid-%d" % i, value) for i, value in enumerate(valid)]
    messages += [(b"bad-%d" % i, value) for i, (value, _) in enumerate(bad)]
    random.Random(3).shuffle(messages)
    asyncio.run(produce(settings, settings.raw_topic, messages))

    worker = workers(settings)
    records = asyncio.run(
        collect(
            settings,
            [settings.enriched_topic, settings.deadletter_topic, settings.mobilization_topic],
            done=lambda got: (
                sum(r.topic != settings.mobilization_topic for r in got) >= len(messages)
            ),
            timeout_s=240,
            alive=worker.alive,
        )
    )
    enriched = [decode_json(r.value) for r in records if r.topic == settings.enriched_topic]
    letters = [r for r in records if r.topic == settings.deadletter_topic]
    alerts = [decode_json(r.value) for r in records if r.topic == settings.mobilization_topic]

    expected_ids = {decode_json(value)["id"] for value in valid}
    counts = Counter(event["id"] for event in enriched)
    assert set(counts) == expected_ids
    assert set(counts.values()) == {1}
    for event in enriched:
        assert_valid("news.articles.enriched.v1.json", event)
    for alert in alerts:
        assert_valid("news.signals.mobilization.v1.json", alert)
    assert "seed-belarus-armored-vehicles" in {alert["id"] for alert in alerts}
    assert {alert["id"] for alert in alerts} <= {e["id"] for e in enriched if e["mobilization"]}

    sent_bad = {b"bad-%d" % i: (value, reason) for i, (value, reason) in enumerate(bad)}
    assert len(letters) == BAD_COUNT
    for letter in letters:
        value, reason = sent_bad[letter.key]
        headers = read_headers(letter.headers)
        assert letter.value == value
        assert headers["error.reason"] == reason
        assert headers["stage"] == "normalize"
        assert headers["source.topic"] == settings.raw_topic
        assert_valid("news.deadletter.v1.json", headers)
    assert worker.alive()


def test_an_exact_resend_yields_no_second_enriched_event(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    first = generate_messages(20, seed=5)
    worker = workers(settings)
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in first]))
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in first]))
    marker = generate_messages(1, seed=6)
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in marker]))
    marker_id = decode_json(marker[0])["id"]

    asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=lambda got: any(decode_json(r.value)["id"] == marker_id for r in got),
            timeout_s=120,
            alive=worker.alive,
        )
    )
    for topic in (settings.raw_topic, settings.tagged_topic):
        asyncio.run(wait_for_commits(settings, topic, timeout_s=30))
    records = asyncio.run(read_all(settings, [settings.enriched_topic]))
    ids = Counter(decode_json(r.value)["id"] for r in records)
    assert len(ids) == 21
    assert set(ids.values()) == {1}
