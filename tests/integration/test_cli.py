"""The operator's tools against a real worker: muster produce/tail/tag, and kcat."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from streams.codec import decode_json
from streams.settings import Settings
from streams.worker_process import WorkerProcess
from tests.integration.reading import wait_for_count

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def muster(
    settings: Settings, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "streams.cli", *args],
        env={**os.environ, **settings.to_env()},
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def kcat() -> str:
    path = shutil.which("kcat")
    assert path, "kcat is not installed: `make tools` installs it (Debian package kcat)"
    return path


def test_produce_and_tail_round_trip_with_the_offline_tagger(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    worker = workers(settings)
    produced = muster(settings, "produce", str(SEEDS))
    assert produced.returncode == 0, produced.stderr
    expected = len((SEEDS / "samples.jsonl").read_text().splitlines()) + 1
    tailed = muster(
        settings, "tail", "enriched", "--from-beginning", "--max", str(expected), "--timeout", "90"
    )
    assert tailed.returncode == 0, tailed.stderr
    events = {event["id"]: event for event in map(orjson.loads, tailed.stdout.splitlines())}
    assert len(events) == expected and worker.alive()

    offline = muster(settings, "tag", str(SEEDS))
    assert offline.returncode == 0, offline.stderr
    for event in map(orjson.loads, offline.stdout.splitlines()):
        from_pipeline = events[event["id"]]
        assert event | {"received_at": None} == from_pipeline | {"received_at": None}


def test_tail_prints_dead_letters_with_their_exact_bytes(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    workers(settings)
    bad = b'{"url": "https://e.org/1", "title": "half'
    assert muster(settings, "produce", "-", stdin=bad + b"\n").returncode == 0
    tailed = muster(
        settings, "tail", "deadletter", "--from-beginning", "--max", "1", "--timeout", "90"
    )
    (letter,) = map(orjson.loads, tailed.stdout.splitlines())
    assert letter["headers"]["muster.error.reason"] == "invalid_json"
    assert base64.b64decode(letter["value_base64"]) == bad


def test_kcat_produces_articles_and_consumes_enriched_events(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    worker = workers(settings)
    lines = (SEEDS / "samples.jsonl").read_bytes()
    broker = settings.bootstrap_servers
    subprocess.run(
        [kcat(), "-b", broker, "-t", settings.raw_topic, "-P", "-K", "\t"],
        input=b"".join(b"k%d\t%s\n" % (i, line) for i, line in enumerate(lines.splitlines())),
        check=True,
        timeout=60,
    )
    wait_for_count(settings, len(lines.splitlines()), worker.alive, timeout_s=90)
    consumed = subprocess.run(
        [kcat(), "-b", broker, "-t", settings.enriched_topic, "-C", "-o", "beginning", "-e", "-q"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    ids = {decode_json(line)["id"] for line in consumed.stdout.splitlines()}
    assert ids == {decode_json(line)["id"] for line in lines.splitlines()}
