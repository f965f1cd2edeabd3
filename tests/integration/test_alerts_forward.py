"""``muster alerts forward`` against a real Alertmanager and the test broker."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from streams.broker import free_port
from streams.catalog import TopicSpec
from streams.codec import encode_json
from streams.deadletter import read_headers
from streams.kafka_io import end_offsets, ensure_topics, produce
from streams.settings import Settings
from tests.alert_samples import sample_alert
from tests.contracts import assert_valid
from tests.integration.alertmanager import Alertmanager
from tests.integration.reading import committed_offsets, read_all

pytestmark = pytest.mark.integration

KINDS = ("new_story", "corroborated", "escalation")
FORWARD_TIMEOUT_S = 45


@pytest.fixture
def alertmanagers(tmp_path: Path) -> Iterator[Callable[[int], Alertmanager]]:
    """Start Alertmanagers on given ports; every one is stopped at the end."""
    started: list[Alertmanager] = []

    def start(port: int) -> Alertmanager:
        started.append(Alertmanager(port, tmp_path))
        return started[-1].start()

    yield start
    for alertmanager in started:
        alertmanager.stop()


def valid_alerts() -> list[dict[str, Any]]:
    alerts = [sample_alert(number, kind) for number, kind in enumerate(KINDS)]
    for alert in alerts:
        assert_valid("news.alerts.v1.json", alert)
    return alerts


def create_alerts_topic(settings: Settings) -> None:
    spec = TopicSpec("alerts", settings.alerts_topic, 4, "story id", "news.alerts.v1.json")
    asyncio.run(ensure_topics(settings, [spec], 1))


def produce_alerts(settings: Settings, values: list[bytes]) -> None:
    keyed = [(str(number).encode(), value) for number, value in enumerate(values)]
    asyncio.run(produce(settings, settings.alerts_topic, keyed))


def forwarder(settings: Settings, url: str, count: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "streams.cli", "alerts", "forward"),
                *("--alertmanager", url, "--max", str(count)),
                *("--idle-timeout", str(FORWARD_TIMEOUT_S)),
            ],
            env={**os.environ, **settings.to_env()},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def finish(process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for the forwarder's own exit; return its output."""
    try:
        assert process.wait(timeout=FORWARD_TIMEOUT_S + 10) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
    return log.read_text()


def committed(settings: Settings) -> int:
    offsets = asyncio.run(committed_offsets(settings, settings.alerts_topic, settings.alerts_group))
    return sum(offsets.values())


def end_of_alerts(settings: Settings) -> int:
    return sum(asyncio.run(end_offsets(settings, [settings.alerts_topic])).values())


def by_alert_id(alertmanager: Alertmanager) -> dict[str, dict[str, Any]]:
    return {alert["labels"]["alert_id"]: alert for alert in alertmanager.alerts()}


def test_alerts_arrive_with_their_labels_and_bad_records_become_dead_letters(
    settings: Settings, alertmanagers: Callable[[int], Alertmanager], tmp_path: Path
) -> None:
    alertmanager = alertmanagers(free_port())
    alerts = valid_alerts()
    refused = encode_json(sample_alert(9, raised_at="yesterday"))  # Alertmanager answers 400
    garbage = b'{"schema": "news.alerts/v1", "kind": '
    create_alerts_topic(settings)
    produce_alerts(settings, [encode_json(alert) for alert in alerts] + [refused, garbage])

    log = tmp_path / "forwarder.log"
    output = finish(forwarder(settings, alertmanager.url, len(alerts) + 2, log), log)
    assert "forwarded 3 alert(s), dead-lettered 2" in output

    arrived = by_alert_id(alertmanager)
    assert set(arrived) == {alert["alert_id"] for alert in alerts}
    for alert in alerts:
        shown = arrived[alert["alert_id"]]
        assert shown["labels"] == {
            "alertname": "Muster" + alert["kind"].title().replace("_", ""),
            "actor": alert["actor"] or alert["actors"][0],
            "signal_type": "mobilization_callup,troop_movement",
            "severity": alert["severity"],
            "story_id": alert["story_id"],
            "alert_id": alert["alert_id"],
        }
        assert shown["annotations"] == {
            "summary": alert["summary"],
            "urls": "\n".join(alert["urls"]),
            "first_article_title": alert["first_article"]["title"],
            "latest_article_title": alert["latest_article"]["title"],
        }
        assert shown["startsAt"].startswith("2026-11-25T09:30:00")
        assert shown["generatorURL"] == alert["first_article"]["url"]

    letters = asyncio.run(read_all(settings, [settings.deadletter_topic]))
    reasons = {}
    for letter in letters:
        headers = read_headers(list(letter.headers))
        assert_valid("news.deadletter.v1.json", headers)
        assert headers["stage"] == "forward"
        assert headers["source.topic"] == settings.alerts_topic
        reasons[letter.value] = headers["error.reason"]
    assert reasons == {refused: "alertmanager_rejected", garbage: "invalid_json"}
    assert committed(settings) == end_of_alerts(settings) == len(alerts) + 2


def test_alerts_wait_for_alertmanager_and_are_committed_only_once_it_has_them(
    settings: Settings, alertmanagers: Callable[[int], Alertmanager], tmp_path: Path
) -> None:
    port = free_port()
    alerts = valid_alerts()
    log = tmp_path / "forwarder.log"
    create_alerts_topic(settings)
    process = forwarder(settings, f"http://127.0.0.1:{port}", len(alerts), log)
    try:
        produce_alerts(settings, [encode_json(alert) for alert in alerts])
        deadline = time.monotonic() + 30
        while "Alertmanager answered nothing" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the forwarder never tried Alertmanager"
            time.sleep(0.2)
        time.sleep(2)
        assert process.poll() is None and committed(settings) == 0

        alertmanager = alertmanagers(port)
        output = finish(process, log)
    finally:
        if process.poll() is None:
            process.kill()
    assert f"forwarded {len(alerts)} alert(s), dead-lettered 0" in output
    assert set(by_alert_id(alertmanager)) == {alert["alert_id"] for alert in alerts}
    assert committed(settings) == end_of_alerts(settings) == len(alerts)
    assert not asyncio.run(read_all(settings, [settings.deadletter_topic], idle_s=1.0))
