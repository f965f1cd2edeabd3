"""The stages the agents call, and the events they build, against the topic contracts."""

from pathlib import Path

import orjson
import pytest

from streams.codec import decode_json
from streams.deadletter import dead_letter_headers, read_headers
from streams.errors import DecodeError, InputError
from streams.events import Origin
from streams.normalize import Article
from streams.settings import Settings
from streams.stages import Tagged, deliver_stage, normalize_stage, tag_stage
from streams.stories.engine import StoryEngine
from tests.contracts import assert_valid

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ORIGIN = Origin("news.articles.raw", 2, 41)


def seed_bytes() -> bytes:
    return (SEEDS / "belarus-armored-vehicles.json").read_bytes()


def normalized(value: bytes) -> Article:
    return normalize_stage(value, timestamp_s=1_700_000_000.5, max_bytes=262_144)


def tagged(value: bytes) -> Tagged:
    return tag_stage(normalized(value))


def test_raw_seed_matches_the_input_contract() -> None:
    assert_valid("news.articles.raw.v1.json", orjson.loads(seed_bytes()))


def test_normalize_stage_stamps_the_broker_time_when_the_article_has_none() -> None:
    assert normalized(seed_bytes()).received_at == "2023-11-14T22:13:20Z"


def test_tag_stage_keys_by_fingerprint_and_follows_the_tagged_contract() -> None:
    record = tagged(seed_bytes())
    event = decode_json(record.enriched)
    assert_valid("news.articles.tagged.v1.json", event)
    assert record.fingerprint == event["fingerprint"].encode()
    assert event["story"] is None


def test_deliver_stage_emits_schema_valid_enriched_and_mobilization_events() -> None:
    delivered = deliver_stage(tagged(seed_bytes()).enriched, None)
    enriched, alert = decode_json(delivered.enriched), decode_json(delivered.mobilization)
    assert_valid("news.articles.enriched.v1.json", enriched)
    assert_valid("news.signals.mobilization.v1.json", alert)
    assert delivered.key == b"seed-belarus-armored-vehicles"
    assert enriched["id"] == alert["id"] == "seed-belarus-armored-vehicles"
    assert alert["enriched_event_id"] == enriched["event_id"]


def test_with_stories_off_the_tagged_bytes_are_delivered_as_they_are() -> None:
    record = tagged(seed_bytes())
    delivered = deliver_stage(record.enriched, None)
    assert delivered.enriched == record.enriched
    assert delivered.story is None


def test_with_stories_on_the_delivered_events_carry_the_story() -> None:
    engine = StoryEngine(Settings.from_env({}).story_policy)
    delivered = deliver_stage(tagged(seed_bytes()).enriched, engine)
    enriched, alert = decode_json(delivered.enriched), decode_json(delivered.mobilization)
    assert_valid("news.articles.enriched.v1.json", enriched)
    assert_valid("news.signals.mobilization.v1.json", alert)
    assert enriched["story"] == delivered.story.story
    assert enriched["story"]["first"] is True
    assert alert["story_id"] == enriched["story"]["id"]
    assert [a["kind"] for a in delivered.story.alerts] == ["new_story"]


def test_every_sample_article_yields_schema_valid_events() -> None:
    engine = StoryEngine(Settings.from_env({}).story_policy)
    for line in (SEEDS / "samples.jsonl").read_bytes().splitlines():
        delivered = deliver_stage(tagged(line).enriched, engine)
        assert_valid("news.articles.enriched.v1.json", decode_json(delivered.enriched))
        if delivered.mobilization is not None:
            assert_valid("news.signals.mobilization.v1.json", decode_json(delivered.mobilization))


def test_non_mobilization_article_has_no_alert_event() -> None:
    value = orjson.dumps(
        {"url": "https://e.org/x", "title": "Bake sale", "body": "Cakes sold out."}
    )
    assert deliver_stage(tagged(value).enriched, None).mobilization is None


def test_redelivery_yields_byte_identical_events() -> None:
    first = deliver_stage(tagged(seed_bytes()).enriched, None)
    again = deliver_stage(tagged(seed_bytes()).enriched, None)
    assert (first.enriched, first.mobilization) == (again.enriched, again.mobilization)


def test_event_id_changes_with_content() -> None:
    here = decode_json(tagged(seed_bytes()).enriched)
    edited = orjson.loads(seed_bytes()) | {"body": "Entirely different body text."}
    assert decode_json(tagged(orjson.dumps(edited)).enriched)["event_id"] != here["event_id"]


@pytest.mark.parametrize("value", [None, b"", b"{}", b"[]", b'{"schema": "other/v1"}', b"\xff"])
def test_unreadable_tagged_records_are_input_errors(value: bytes | None) -> None:
    with pytest.raises(InputError):
        deliver_stage(value, None)


def test_empty_raw_message_is_an_input_error() -> None:
    with pytest.raises(DecodeError) as caught:
        normalize_stage(None, timestamp_s=None, max_bytes=100)
    assert caught.value.reason == "empty_message"


def test_dead_letter_headers_follow_their_schema() -> None:
    headers = dead_letter_headers(
        stage="normalize", error=DecodeError("not JSON", reason="invalid_json"), origin=ORIGIN
    )
    fields = read_headers(headers)
    assert_valid("news.deadletter.v1.json", fields)
    assert fields["error.reason"] == "invalid_json"
    assert (fields["source.partition"], fields["source.offset"]) == ("2", "41")


def test_internal_errors_are_labelled_as_such() -> None:
    fields = read_headers(dead_letter_headers(stage="tag", error=KeyError("x"), origin=ORIGIN))
    assert (fields["error.type"], fields["error.reason"]) == ("KeyError", "internal_error")


def test_an_article_that_grows_past_the_event_limit_when_normalized_is_rejected() -> None:
    ligature = "\ufdfa"  # one code point that NFKC spells out as 18 characters
    value = orjson.dumps({"url": "https://e.org/x", "title": "t", "body": ligature * 60_000})
    assert len(value) < 262_144
    with pytest.raises(InputError) as caught:
        tagged(value)
    assert caught.value.reason == "too_large"
