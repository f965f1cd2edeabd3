"""The agents under Faust's test context, wired to in-memory channels instead of Kafka."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import faust
import orjson
import pytest

from streams.app import Pipeline, create_pipeline
from streams.catalog import ORIGIN_HEADER
from streams.codec import decode_json
from streams.deadletter import read_headers
from streams.settings import Settings
from streams.stages import normalize_stage, tag_stage
from tests.contracts import assert_valid

SEED = (
    Path(__file__).resolve().parents[2] / "seeds" / "belarus-armored-vehicles.json"
).read_bytes()
TIMEOUT = 5.0


@dataclass
class Outputs:
    """Subscribers to every output channel, created before anything is sent."""

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
    """Stories off: the deliver agent publishes the tagged articles as they are."""
    built = create_pipeline(Settings(max_article_bytes=4096, stories="off"), in_memory=True)
    built.app.finalize()
    yield built


@pytest.fixture
async def story_pipeline() -> AsyncIterator[Pipeline]:
    built = create_pipeline(Settings(corroboration_sources=2), in_memory=True)
    built.app.finalize()
    yield built


def tagged_record(value: bytes) -> bytes:
    """What the tag agent hands to the deliver agent for a raw article."""
    article = normalize_stage(value, timestamp_s=1.7e9, max_bytes=1_000_000)
    return tag_stage(article).enriched


def origin(offset: int) -> list[tuple[str, bytes]]:
    return [(ORIGIN_HEADER, f"news.articles.raw:0:{offset}".encode())]


async def test_tag_hands_on_valid_articles_and_dead_letters_the_rest(
    pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(pipeline)
    bad = [b"{not json", b"\xff\xfe", b'{"url": "https://e.org/x", "title": 1, "body": "b"}', b"[]"]
    async with pipeline.app.agents["muster.tag"].test_context() as agent:
        for value in bad[:2]:
            await agent.put(value=value, key=b"k")
        await agent.put(value=SEED, key=b"seed")
        for value in bad[2:]:
            await agent.put(value=value, key=b"k")
        event = await outputs.tagged.get(timeout=TIMEOUT)
        letters = [await outputs.deadletter.get(timeout=TIMEOUT) for _ in bad]
    record = decode_json(event.value)
    assert_valid("news.articles.tagged.v1.json", record)
    assert event.key == record["fingerprint"].encode()
    assert dict(event.headers)[ORIGIN_HEADER].endswith(b":0:2")  # the third message put
    assert Outputs.is_empty(outputs.enriched)
    assert [letter.value for letter in letters] == bad
    reasons = [read_headers(letter.headers)["error.reason"] for letter in letters]
    assert reasons == ["invalid_json", "invalid_utf8", "wrong_type", "not_an_object"]
    for letter in letters:
        assert_valid("news.deadletter.v1.json", read_headers(letter.headers))
        assert letter.key == b"k"


async def test_tag_dead_letters_articles_over_the_size_limit(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    big = orjson.dumps({"url": "https://e.org/big", "title": "t", "body": "x" * 5000})
    async with pipeline.app.agents["muster.tag"].test_context() as agent:
        await agent.put(value=big, key=None)
        letter = await outputs.deadletter.get(timeout=TIMEOUT)
    assert letter.value == big
    fields = read_headers(letter.headers)
    assert (fields["stage"], fields["error.reason"]) == ("normalize", "too_large")


async def test_deliver_publishes_enriched_and_mobilization_events(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    async with pipeline.app.agents["muster.deliver"].test_context() as agent:
        await agent.put(value=tagged_record(SEED), key=b"fp", headers=origin(0))
        enriched = decode_json((await outputs.enriched.get(timeout=TIMEOUT)).value)
        alert = decode_json((await outputs.mobilization.get(timeout=TIMEOUT)).value)
    assert_valid("news.articles.enriched.v1.json", enriched)
    assert_valid("news.signals.mobilization.v1.json", alert)
    assert alert["enriched_event_id"] == enriched["event_id"]
    assert "equipment_from_storage" in alert["types"]
    assert enriched["story"] is None


async def test_deliver_drops_a_resend_but_not_a_redelivery(pipeline: Pipeline) -> None:
    outputs = Outputs.of(pipeline)
    calm = tagged_record(
        orjson.dumps({"url": "https://e.org/calm", "title": "Bake sale", "body": "Cakes."})
    )
    async with pipeline.app.agents["muster.deliver"].test_context() as agent:
        await agent.put(value=calm, key=b"fp", headers=origin(5))
        first = await outputs.enriched.get(timeout=TIMEOUT)
        await agent.put(value=calm, key=b"fp", headers=origin(9))
        await agent.put(value=calm, key=b"fp", headers=origin(5))
        again = await outputs.enriched.get(timeout=TIMEOUT)
        await agent.put(value=tagged_record(SEED), key=b"fp2", headers=origin(10))
        await outputs.enriched.get(timeout=TIMEOUT)
    assert again.value == first.value
    assert Outputs.is_empty(outputs.enriched)


@pytest.mark.parametrize(
    ("value", "headers", "reason"),
    [
        (b'{"schema": "something/else"}', origin(0), "wrong_schema"),
        (tagged_record(SEED), None, "bad_record"),
    ],
)
async def test_deliver_dead_letters_an_unreadable_record_and_goes_on(
    pipeline: Pipeline, value: bytes, headers: list | None, reason: str
) -> None:
    outputs = Outputs.of(pipeline)
    async with pipeline.app.agents["muster.deliver"].test_context() as agent:
        await agent.put(value=value, key=b"x", headers=headers)
        await agent.put(value=tagged_record(SEED), key=b"fp", headers=origin(1))
        letter = await outputs.deadletter.get(timeout=TIMEOUT)
        enriched = await outputs.enriched.get(timeout=TIMEOUT)
    fields = read_headers(letter.headers)
    assert (fields["stage"], fields["error.reason"]) == ("deliver", reason)
    assert letter.value == value
    assert decode_json(enriched.value)["id"] == "seed-belarus-armored-vehicles"


async def test_deliver_publishes_story_events_and_alerts_once_per_story(
    story_pipeline: Pipeline,
) -> None:
    outputs = Outputs.of(story_pipeline)
    seed = decode_json(SEED)
    copy = orjson.dumps({**seed, "id": "copy", "url": "https://other.example/c", "source": "Other"})
    async with story_pipeline.app.agents["muster.deliver"].test_context() as agent:
        await agent.put(value=tagged_record(SEED), key=b"seed", headers=origin(0))
        first = await outputs.enriched.get(timeout=TIMEOUT)
        mobilization = decode_json((await outputs.mobilization.get(timeout=TIMEOUT)).value)
        new_story = decode_json((await outputs.alerts.get(timeout=TIMEOUT)).value)
        await agent.put(value=tagged_record(copy), key=b"copy", headers=origin(1))
        second = decode_json((await outputs.enriched.get(timeout=TIMEOUT)).value)
        await outputs.mobilization.get(timeout=TIMEOUT)
        corroborated = decode_json((await outputs.alerts.get(timeout=TIMEOUT)).value)
        await agent.put(value=tagged_record(SEED), key=b"seed", headers=origin(0))
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
