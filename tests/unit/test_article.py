"""The input contract: what is accepted, and the reason code of everything that is not."""

import orjson
import pytest

from streams.article import parse_raw_article
from streams.errors import DecodeError, TooLargeError, ValidationError

VALID = {"url": "https://example.org/a", "title": "T", "body": "B"}


def encode(**changes: object) -> bytes:
    payload = {**VALID, **changes}
    return orjson.dumps({k: v for k, v in payload.items() if v is not ...})


def test_valid_article_keeps_its_fields() -> None:
    raw = parse_raw_article(
        encode(
            id=" x-1 ", source="Wire", published_at="2026-01-02T03:04:05+02:00", language="en-GB"
        ),
        max_bytes=10_000,
    )
    assert (raw.id, raw.source, raw.language) == ("x-1", "Wire", "en")
    assert raw.published_at == "2026-01-02T01:04:05Z"


def test_unknown_fields_are_ignored() -> None:
    assert parse_raw_article(encode(extra={"a": 1}), max_bytes=10_000).title == "T"


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"\xff\xfe{}", DecodeError, "invalid_utf8"),
        (b'{"url": ', DecodeError, "invalid_json"),
        (b"[1, 2]", DecodeError, "not_an_object"),
        (b"[" * 5000 + b"]" * 5000, DecodeError, "invalid_json"),
        (encode(url=...), ValidationError, "missing_field"),
        (encode(title=...), ValidationError, "missing_field"),
        (encode(body=...), ValidationError, "missing_field"),
        (encode(body=42), ValidationError, "wrong_type"),
        (encode(title=["a"]), ValidationError, "wrong_type"),
        (encode(url="not a url"), ValidationError, "bad_url"),
        (encode(id="x" * 300), ValidationError, "bad_id"),
        (encode(published_at="yesterday"), ValidationError, "bad_timestamp"),
        (encode(published_at="2026-01-02T03:04:05"), ValidationError, "bad_timestamp"),
        (encode(language="english!"), ValidationError, "bad_language"),
        (encode(body="x" * 30_000), TooLargeError, "too_large"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(data: bytes, error: type, reason: str) -> None:
    with pytest.raises(error) as caught:
        parse_raw_article(data, max_bytes=20_000)
    assert caught.value.reason == reason
    assert str(caught.value)
