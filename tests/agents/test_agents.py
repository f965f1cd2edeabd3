"""The agents under Faust's test context, wired to in-memory channels instead of Kafka."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import faust
import orjson
import pytest

from streams.app import Pipeline, create_pipeline
from streams.codec import decode_json
from streams.deadletter import read_headers
from streams.events import Origin
from streams.settings import Settings
from streams.stages import normalize_stage, read_normalized, tag_stage
from tests.contracts import assert_valid

SEED = (
    Path(__file__).resolve().parents[2] / "seeds" / "belarus-armored-vehicles.json"
).read_bytes()
TIMEOUT = 5.0


@dataclass
class Outputs:
    """Subscribers to every output channel, created before anything is sent."""

    normalized: faust.ChannelT
    enriched: faust.ChannelT
    mobilization: faust.ChannelT
    deadletter: faust.ChannelT
    tagged: faust.ChannelT
    alerts: faust.ChannelT

    @classmethod
    def of(cls, pipeline: Pipeline) -> "Outputs":
        topics = pipeline.topics
        return cls(
            *(
                channel.clone(is_iterator=True)
                for channel in (
                    topics.normalized,
                    topics.enriched,
                    topics.mobilization,
                    topics.deadletter,
                    topics.tagged,
                    topics.alerts,
                )
            )
        )

    @staticmethod
    def is_empty(channel: faust.ChannelT) -> bool:
        return channel.queue.empty()


@pytest.fixture
async def pipeline() -> AsyncIterator[Pipeline]:
    """Stories off: the tag agent publishes the enriched and mobilization events itself."""
    built = create_pipeline(Settings(max_article_bytes=4096, stories="off"), in_memory=True)
    built.app.finalize()
    yield built


@pytest.fixture
async def story_pipeline() -> AsyncIterator[Pipeline]:
    built = create_pipeline(Settings(corroboration_sources=2), in_memory=True)
    built.app.finalize()
    yield built


def normalized_record(value: bytes, offset: int) -> bytes:
    origin = Origin("news.articles.raw", 0, offset)
    return normalize_stage(value, origin=origin, timestamp_s=1.7e9, max_bytes=1_000_000).value


async def test_normalize_publishes_valid_articles_and_dead_letters_the_rest(
    pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(pipeline)
    bad = [b"{not json", b"\xff\xfe", b'{"url": "https://e.org/x", "title": 1, "body": "b"}', b"[]"]
    async with pipeline.app.agents["muster.normalize"].test_context() as agent:
        for value in bad[:2]:
            await agent.put(value=value, key=b"k")
        await agent.put(value=SEED, key=b"seed")
        for value in bad[2:]:
            await agent.put(value=value, key=b"k")
        event = await outputs.normalized.get(timeout=TIMEOUT)
        record = decode_json(event.value)
        assert_valid("news.articles.normalized.v1.json", record)
        assert event.key == record["fingerprint"].encode()
        letters = [await outputs.deadletter.get(timeout=TIMEOUT) for _ in bad]
    assert [letter.value for letter in letters] == bad
    reasons = [read_headers(letter.headers)["error.reason"] for letter in letters]
    assert reasons == ["invalid_json", "invalid_utf8", "wrong_type", "not_an_object"]
    for letter in letters:
        assert_valid("news.deadletter.v1.json", read_headers(letter.headers))
        assert letter.key == b"k"


async def test_normalize_dead_letters_articles_over_the_size_limit(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    big = orjson.dumps({"url": "https://e.org/big", "title": "t", "body": "x" * 5000})
    async with pipeline.app.agents["muster.normalize"].test_context() as agent:
        await agent.put(value=big, key=None)
        letter = await outputs.deadletter.get(timeout=TIMEOUT)
    assert letter.value == big
    assert read_headers(letter.headers)["error.reason"] == "too_large"


async def test_tag_publishes_enriched_and_mobilization_events(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    async with pipeline.app.agents["muster.tag"].test_context() as agent:
        await agent.put(value=normalized_record(SEED, 0), key=b"fp")
        enriched = decode_json((await outputs.enriched.get(timeout=TIMEOUT)).value)
        alert = decode_json((await outputs.mobilization.get(timeout=TIMEOUT)).value)
    assert_valid("news.articles.enriched.v1.json", enriched)
    assert_valid("news.signals.mobilization.v1.json", alert)
    assert alert["enriched_event_id"] == enriched["event_id"]
    assert "equipment_from_storage" in alert["types"]


async def test_tag_drops_a_resend_but_not_a_redelivery(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    calm = orjson.dumps({"url": "https://e.org/calm", "title": "Bake sale", "body": "Cakes."})
    async with pipeline.app.agents["muster.tag"].test_context() as agent:
        await agent.put(value=normalized_record(calm, 5), key=b"fp")
        first = await outputs.enriched.get(timeout=TIMEOUT)
        await agent.put(value=normalized_record(calm, 9), key=b"fp")
        await agent.put(value=normalized_record(calm, 5), key=b"fp")
        again = await outputs.enriched.get(timeout=TIMEOUT)
        await agent.put(value=normalized_record(SEED, 10), key=b"fp2")
        await outputs.enriched.get(timeout=TIMEOUT)
    assert again.value == first.value
    assert Outputs.is_empty(outputs.enriched)


async def test_tag_dead_letters_an_unreadable_record_and_goes_on(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    async with pipeline.app.agents["muster.tag"].test_context() as agent:
        await agent.put(value=b'{"schema": "something/else"}', key=b"x")
        await agent.put(value=normalized_record(SEED, 1), key=b"fp")
        letter = await outputs.deadletter.get(timeout=TIMEOUT)
        enriched = await outputs.enriched.get(timeout=TIMEOUT)
    headers = read_headers(letter.headers)
    assert (headers["stage"], headers["error.reason"]) == ("tag", "wrong_schema")
    assert decode_json(enriched.value)["id"] == "seed-belarus-armored-vehicles"


def tagged_record(value: bytes, offset: int) -> bytes:
    """What the tag agent hands to the story agent for a raw article."""
    article, _ = read_normalized(normalized_record(value, offset))
    return tag_stage(article).enriched


async def test_tag_hands_articles_to_the_story_stage_when_stories_are_on(
    story_pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(story_pipeline)
    async with story_pipeline.app.agents["muster.tag"].test_context() as agent:
        await agent.put(value=normalized_record(SEED, 0), key=b"fp")
        tagged = decode_json((await outputs.tagged.get(timeout=TIMEOUT)).value)
    assert_valid("news.articles.tagged.v1.json", tagged)
    assert Outputs.is_empty(outputs.enriched)


async def test_stories_publish_story_events_and_alerts_once_per_story(
    story_pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(story_pipeline)
    seed = decode_json(SEED)
    copy = orjson.dumps({**seed, "id": "copy", "url": "https://other.example/c", "source": "Other"})
    async with story_pipeline.app.agents["muster.stories"].test_context() as agent:
        await agent.put(value=tagged_record(SEED, 0), key=b"seed")
        first = await outputs.enriched.get(timeout=TIMEOUT)
        mobilization = decode_json((await outputs.mobilization.get(timeout=TIMEOUT)).value)
        new_story = decode_json((await outputs.alerts.get(timeout=TIMEOUT)).value)
        await agent.put(value=tagged_record(copy, 1), key=b"copy")
        second = decode_json((await outputs.enriched.get(timeout=TIMEOUT)).value)
        await outputs.mobilization.get(timeout=TIMEOUT)
        corroborated = decode_json((await outputs.alerts.get(timeout=TIMEOUT)).value)
        await agent.put(value=tagged_record(SEED, 0), key=b"seed")
        redelivered = await outputs.enriched.get(timeout=TIMEOUT)
        await outputs.mobilization.get(timeout=TIMEOUT)
        again = decode_json((await outputs.alerts.get(timeout=TIMEOUT)).value)
    enriched = decode_json(first.value)
    for event in (enriched, second):
        assert_valid("news.articles.enriched.v1.json", event)
    assert_valid("news.signals.mobilization.v1.json", mobilization)
    for alert in (new_story, corroborated):
        assert_valid("news.alerts.v1.json", alert)
    assert enriched["story"] == {"id": enriched["story"]["id"], "first": True, "sources": 1}
    assert second["story"] == {"id": enriched["story"]["id"], "first": False, "sources": 2}
    assert mobilization["story_id"] == enriched["story"]["id"]
    assert [new_story["kind"], corroborated["kind"]] == ["new_story", "corroborated"]
    assert redelivered.value == first.value
    assert again == new_story
    assert Outputs.is_empty(outputs.alerts)


async def test_stories_dead_letter_an_unreadable_record_and_go_on(
    story_pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(story_pipeline)
    async with story_pipeline.app.agents["muster.stories"].test_context() as agent:
        await agent.put(value=b'{"id": "no-fields"}', key=b"x")
        await agent.put(value=tagged_record(SEED, 1), key=b"seed")
        letter = await outputs.deadletter.get(timeout=TIMEOUT)
        enriched = decode_json((await outputs.enriched.get(timeout=TIMEOUT)).value)
    assert read_headers(letter.headers)["stage"] == "stories"
    assert enriched["story"]["first"] is True
