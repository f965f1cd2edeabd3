"""The stages the agents call, and the events they build, against the topic contracts."""

from pathlib import Path

import orjson
import pytest

from streams.codec import decode_json
from streams.deadletter import dead_letter_headers, read_headers
from streams.errors import DecodeError, InputError
from streams.events import Origin
from streams.stages import normalize_stage, read_normalized, tag_stage
from tests.contracts import assert_valid

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ORIGIN = Origin("news.articles.raw", 2, 41)


def seed_bytes() -> bytes:
    return (SEEDS / "belarus-armored-vehicles.json").read_bytes()


def normalized(value: bytes, origin: Origin = ORIGIN) -> bytes:
    return normalize_stage(
        value, origin=origin, timestamp_s=1_700_000_000.5, max_bytes=262_144
    ).value


def test_raw_seed_matches_the_input_contract() -> None:
    assert_valid("news.articles.raw.v1.json", orjson.loads(seed_bytes()))


def test_normalize_stage_keys_by_fingerprint_and_follows_its_schema() -> None:
    record = normalize_stage(
        seed_bytes(), origin=ORIGIN, timestamp_s=1_700_000_000.5, max_bytes=262_144
    )
    event = decode_json(record.value)
    assert_valid("news.articles.normalized.v1.json", event)
    assert record.key == event["fingerprint"].encode()
    assert event["origin"] == {"topic": "news.articles.raw", "partition": 2, "offset": 41}
    assert event["received_at"] == "2023-11-14T22:13:20Z"


def test_tag_stage_emits_schema_valid_enriched_and_mobilization_events() -> None:
    article, origin = read_normalized(normalized(seed_bytes()))
    tagged = tag_stage(article)
    enriched, alert = decode_json(tagged.enriched), decode_json(tagged.mobilization)
    assert_valid("news.articles.enriched.v1.json", enriched)
    assert_valid("news.signals.mobilization.v1.json", alert)
    assert tagged.key == b"seed-belarus-armored-vehicles"
    assert enriched["id"] == alert["id"] == "seed-belarus-armored-vehicles"
    assert alert["enriched_event_id"] == enriched["event_id"]
    assert origin == ORIGIN


def test_every_sample_article_yields_schema_valid_events() -> None:
    for line in (SEEDS / "samples.jsonl").read_bytes().splitlines():
        tagged = tag_stage(read_normalized(normalized(line))[0])
        assert_valid("news.articles.enriched.v1.json", decode_json(tagged.enriched))
        if tagged.mobilization is not None:
            assert_valid("news.signals.mobilization.v1.json", decode_json(tagged.mobilization))


def test_non_mobilization_article_has_no_alert_event() -> None:
    value = orjson.dumps(
        {"url": "https://e.org/x", "title": "Bake sale", "body": "Cakes sold out."}
    )
    assert tag_stage(read_normalized(normalized(value))[0]).mobilization is None


def test_redelivery_yields_byte_identical_events() -> None:
    first = tag_stage(read_normalized(normalized(seed_bytes()))[0])
    again = tag_stage(read_normalized(normalized(seed_bytes()))[0])
    assert (first.enriched, first.mobilization) == (again.enriched, again.mobilization)


def test_event_id_changes_with_content_not_with_origin() -> None:
    here = decode_json(tag_stage(read_normalized(normalized(seed_bytes()))[0]).enriched)
    there = read_normalized(normalized(seed_bytes(), Origin("news.articles.raw", 0, 7)))[0]
    assert decode_json(tag_stage(there).enriched)["event_id"] == here["event_id"]
    edited = orjson.loads(seed_bytes()) | {"body": "Entirely different body text."}
    other = tag_stage(read_normalized(normalized(orjson.dumps(edited)))[0])
    assert decode_json(other.enriched)["event_id"] != here["event_id"]


@pytest.mark.parametrize("value", [None, b"", b"{}", b'{"schema": "other/v1"}', b"\xff"])
def test_unreadable_normalized_records_are_input_errors(value: bytes | None) -> None:
    with pytest.raises(InputError):
        read_normalized(value)


def test_empty_raw_message_is_an_input_error() -> None:
    with pytest.raises(DecodeError) as caught:
        normalize_stage(None, origin=ORIGIN, timestamp_s=None, max_bytes=100)
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
        normalize_stage(value, origin=ORIGIN, timestamp_s=None, max_bytes=262_144)
    assert caught.value.reason == "too_large"
