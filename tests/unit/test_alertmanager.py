"""The alert mapping and the retry policy of ``muster alerts forward``, without a network."""

from __future__ import annotations

from typing import Any

import pytest

from streams.alertmanager import (
    Answer,
    Backoff,
    Verdict,
    deliver,
    postable_alert,
    read_alert,
    verdict,
)
from streams.codec import encode_json
from streams.errors import DecodeError, InputError, ValidationError
from tests.alert_samples import sample_alert
from tests.contracts import assert_valid


@pytest.mark.parametrize("kind", ["new_story", "corroborated", "escalation"])
def test_samples_follow_the_alert_contract(kind: str) -> None:
    assert_valid("news.alerts.v1.json", sample_alert(1, kind))


def test_a_story_alert_maps_to_labels_annotations_and_times() -> None:
    alert = sample_alert(7, "new_story", types=["troop_movement", "force_grouping"])
    assert postable_alert(alert) == {
        "labels": {
            "alertname": "MusterNewStory",
            "actor": "RUS",
            "signal_type": "force_grouping,troop_movement",
            "severity": "warning",
            "story_id": "story-7",
            "alert_id": alert["alert_id"],
        },
        "annotations": {
            "summary": alert["summary"],
            "urls": "https://news.example/7/first\nhttps://other.example/7/latest",
            "first_article_title": "Reservists called up in region 7",
            "latest_article_title": "Tanks leave storage in region 7",
        },
        "startsAt": "2026-11-25T09:30:00Z",
        "generatorURL": "https://news.example/7/first",
    }


def test_escalation_names_its_own_actor_and_is_critical() -> None:
    labels = postable_alert(sample_alert(1, "escalation", actor="BLR"))["labels"]
    assert labels["alertname"] == "MusterEscalation"
    assert (labels["actor"], labels["severity"]) == ("BLR", "critical")


def test_corroborated_and_unknown_kinds_get_camel_case_names() -> None:
    assert postable_alert(sample_alert(1, "corroborated"))["labels"]["alertname"] == (
        "MusterCorroborated"
    )
    assert postable_alert(sample_alert(1, "escalation_ended"))["labels"]["alertname"] == (
        "MusterEscalationEnded"
    )


def test_absent_values_leave_out_their_labels_and_annotations() -> None:
    postable = postable_alert(sample_alert(1, actors=[], story_id=None, urls=[]))
    assert set(postable["labels"]) == {"alertname", "signal_type", "severity", "alert_id"}
    assert "urls" not in postable["annotations"]


@pytest.mark.parametrize(
    "url",
    ["https://e.org/%zz", "https://e .org/", "https://[::1/", "ftp://e.org/", "e.org/a", ""],
)
def test_a_url_alertmanager_would_refuse_is_not_the_generator_url(url: str) -> None:
    first = sample_alert(1)["first_article"] | {"url": url}
    assert "generatorURL" not in postable_alert(sample_alert(1, first_article=first))


def test_a_url_with_escapes_a_query_and_a_port_is_the_generator_url() -> None:
    url = "http://news.example:8080/a%20b/ü?q=1&r=a+b#top"
    first = sample_alert(1)["first_article"] | {"url": url}
    assert postable_alert(sample_alert(1, first_article=first))["generatorURL"] == url


def test_read_alert_returns_the_decoded_alert() -> None:
    alert = sample_alert(2)
    assert read_alert(encode_json(alert)) == alert


@pytest.mark.parametrize(
    ("value", "error", "reason"),
    [
        (None, DecodeError, "empty_message"),
        (b"", DecodeError, "empty_message"),
        (b'{"schema": "news.alerts/v1", ', DecodeError, "invalid_json"),
        (b"\xff\xfe", DecodeError, "invalid_json"),
        (b"[1, 2]", DecodeError, "not_an_object"),
        (b'{"schema": "news.signals.mobilization/v1"}', ValidationError, "wrong_schema"),
    ],
)
def test_undecodable_records_raise_input_errors_with_a_reason(
    value: bytes | None, error: type[InputError], reason: str
) -> None:
    with pytest.raises(error) as raised:
        read_alert(value)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"kind": None}, "missing_field"),
        ({"alert_id": 7}, "wrong_type"),
        ({"types": "troop_movement"}, "wrong_type"),
        ({"actors": [None]}, "wrong_type"),
        ({"first_article": "a"}, "wrong_type"),
        ({"latest_article": None}, "missing_field"),
    ],
)
def test_alerts_missing_what_the_mapping_needs_are_validation_errors(
    changes: dict[str, Any], reason: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        postable_alert(sample_alert(1) | changes)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (200, Verdict.DELIVERED),
        (204, Verdict.DELIVERED),
        (400, Verdict.REJECTED),
        (413, Verdict.REJECTED),
        (422, Verdict.REJECTED),
        (429, Verdict.RETRY),
        (404, Verdict.RETRY),
        (401, Verdict.RETRY),
        (500, Verdict.RETRY),
        (503, Verdict.RETRY),
        (None, Verdict.RETRY),
    ],
)
def test_only_answers_that_blame_the_alerts_reject_them(
    status: int | None, expected: Verdict
) -> None:
    assert verdict(status) is expected


def test_backoff_doubles_up_to_its_cap_with_jitter_between_half_and_all() -> None:
    backoff = Backoff(first_s=0.5, cap_s=30.0)
    assert [backoff.delay(attempt, 0.999999) for attempt in range(8)] == pytest.approx(
        [0.5, 1, 2, 4, 8, 16, 30, 30], rel=1e-5
    )
    assert [backoff.delay(attempt, 0.0) for attempt in range(3)] == [0.25, 0.5, 1.0]
    assert backoff.delay(100_000, 0.5) == 22.5


async def test_deliver_retries_transient_answers_until_one_is_final() -> None:
    answers = iter([Answer(None, "refused"), Answer(503, ""), Answer(429, ""), Answer(200, "")])
    posted: list[list[dict[str, Any]]] = []
    slept: list[float] = []

    async def post(alerts: list[dict[str, Any]]) -> Answer:
        posted.append(alerts)
        return next(answers)

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    answer = await deliver(post, [{"labels": {}}], Backoff(1, 3), sleep=sleep, draw=lambda: 0.0)
    assert answer.status == 200
    assert len(posted) == 4 and slept == [0.5, 1.0, 1.5]


async def test_deliver_returns_a_rejection_without_retrying() -> None:
    calls = 0

    async def post(alerts: list[dict[str, Any]]) -> Answer:
        nonlocal calls
        calls += 1
        return Answer(400, "bad label")

    async def never(seconds: float) -> None:
        raise AssertionError("slept")

    answer = await deliver(post, [{}], Backoff(), sleep=never)
    assert answer.verdict is Verdict.REJECTED and calls == 1
