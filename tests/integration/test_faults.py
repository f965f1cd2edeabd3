"""Faults a real deployment meets, on a real broker with real worker processes.

Each test is bounded: a fixed number of articles, a hard timeout on every wait, and the
worker log attached when it fails. Throughput under poison input is measured by
``make bench``, not here.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from streams.broker import BrokerHandle, free_port, start_broker, stop_broker
from streams.catalog import TopicCatalog
from streams.codec import decode_json
from streams.corpus import generate_messages
from streams.deadletter import read_headers
from streams.kafka_io import ensure_topics, produce
from streams.replay import replay_dead_letters
from streams.settings import Settings
from streams.worker_process import WorkerProcess
from tests.integration.reading import collect, read_all, wait_for_commits, wait_for_count

pytestmark = pytest.mark.integration


def ids_of(messages: list[bytes]) -> set[str]:
    return {decode_json(m)["id"] for m in messages}


def enriched_ids(settings: Settings, **options: str) -> Counter[str]:
    records = asyncio.run(read_all(settings, [settings.enriched_topic], **options))
    return Counter(decode_json(r.value)["id"] for r in records)


def wait_for_ids(
    settings: Settings,
    expected: set[str],
    alive: Callable[[], bool],
    timeout_s: float = 240,
    isolation_level: str = "read_uncommitted",
) -> None:
    seen: set[str] = set()
    read = 0

    def has_all(got: list) -> bool:
        nonlocal read
        seen.update(decode_json(record.value)["id"] for record in got[read:])
        read = len(got)
        return expected <= seen

    asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=has_all,
            timeout_s=timeout_s,
            alive=alive,
            isolation_level=isolation_level,
        )
    )


def send(settings: Settings, messages: list[bytes]) -> None:
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in messages]))


def restarted_after(
    settings: Settings,
    workers: Callable[..., WorkerProcess],
    messages: list[bytes],
    *,
    after: int,
    interrupt: Callable[[WorkerProcess], object],
    isolation_level: str = "read_uncommitted",
) -> WorkerProcess:
    """Send ``messages``, ``interrupt`` the worker once ``after`` articles are out, start
    another; return it once every article's id is out."""
    send(settings, messages)
    first = workers(settings)
    wait_for_count(settings, after, first.alive)
    interrupt(first)
    second = workers(settings)
    wait_for_ids(settings, ids_of(messages), second.alive, isolation_level=isolation_level)
    return second


def stopped_cleanly(worker: WorkerProcess) -> None:
    assert worker.stop(timeout_s=60) == 0


def test_sigkill_mid_stream_then_restart_loses_nothing(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    messages = generate_messages(10_000, seed=31)
    restarted_after(settings, workers, messages, after=2_000, interrupt=WorkerProcess.kill)
    for topic in (settings.raw_topic, settings.tagged_topic):
        asyncio.run(wait_for_commits(settings, topic, timeout_s=60))
    counts = enriched_ids(settings)
    assert set(counts) == ids_of(messages)
    duplicates = sum(counts.values()) - len(counts)
    print(f"\nSIGKILL at-least-once: {duplicates} duplicate enriched events of {len(counts)}")


def test_sigterm_mid_stream_commits_what_it_handled_and_a_restart_goes_on(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    messages = generate_messages(6_000, seed=41)
    restarted_after(settings, workers, messages, after=1_500, interrupt=stopped_cleanly)
    counts = enriched_ids(settings)
    assert set(counts) == ids_of(messages)
    # What the first worker handled it committed before exiting: nothing comes out twice.
    assert sum(counts.values()) == len(counts)


def test_exactly_once_mode_loses_nothing_after_sigkill(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    settings = replace(settings, processing_guarantee="exactly_once")
    messages = generate_messages(4_000, seed=36)
    committed = "read_committed"
    second = restarted_after(
        settings,
        workers,
        messages,
        after=1_000,
        interrupt=WorkerProcess.kill,
        isolation_level=committed,
    )
    # The raw topic holds no transaction markers: its commits must reach its end.
    asyncio.run(wait_for_commits(settings, settings.raw_topic, timeout_s=60))
    records = asyncio.run(read_all(settings, [settings.enriched_topic], isolation_level=committed))
    counts = Counter(decode_json(r.value)["id"] for r in records)
    assert set(counts) == ids_of(messages)
    by_id: dict[str, set[bytes]] = {}
    for record in records:
        by_id.setdefault(decode_json(record.value)["id"], set()).add(record.value)
    differing = {
        article_id: sorted(
            key
            for key in decode_json(next(iter(versions)))
            if len({orjson.dumps(decode_json(v)[key]) for v in versions}) > 1
        )
        for article_id, versions in by_id.items()
        if len(versions) > 1
    }
    assert not differing, f"redeliveries differed in: {differing}"
    duplicates = sum(counts.values()) - len(counts)
    print(f"\nSIGKILL exactly_once: {duplicates} duplicates of {len(counts)} (read_committed)")
    assert duplicates == 0, "a read_committed consumer saw an article twice"
    assert second.stop(timeout_s=60) == 0
    stop_log = second.log_path.read_text(errors="replace")
    assert "Error while stopping" not in stop_log, "SIGTERM ends the transactions cleanly"


def test_second_worker_takes_over_when_one_is_killed(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    messages = generate_messages(6_000, seed=32)
    one = workers(settings)
    two = workers(settings, web_port=free_port())
    send(settings, messages)
    wait_for_count(settings, 1_500, lambda: one.alive() and two.alive())
    two.kill()
    # Caught up (every offset committed) tells loss from slowness on a loaded machine.
    for topic in (settings.raw_topic, settings.tagged_topic):
        asyncio.run(wait_for_commits(settings, topic, timeout_s=300))
    assert one.alive()
    missing = ids_of(messages) - set(enriched_ids(settings))
    assert not missing, f"{len(missing)} of {len(messages)} articles lost after the takeover"


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[BrokerHandle]:
    """A broker this test may stop and start without disturbing the others."""
    data_dir = tmp_path / "own-kafka"
    handle = start_broker(port=free_port(), data_dir=data_dir)
    try:
        yield handle
    finally:
        stop_broker(data_dir)


def test_broker_restart_mid_stream_recovers_without_help(
    own_broker: BrokerHandle, settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    settings = replace(settings, broker=f"kafka://{own_broker.bootstrap}")
    asyncio.run(ensure_topics(settings, TopicCatalog.from_settings(settings).all(), 1))
    messages = generate_messages(4_000, seed=33)
    send(settings, messages[:2_000])
    worker = workers(settings)
    wait_for_count(settings, 500, worker.alive)
    stop_broker(own_broker.data_dir)
    time.sleep(5)
    start_broker(port=own_broker.port, data_dir=own_broker.data_dir)
    send(settings, messages[2_000:])
    wait_for_ids(settings, ids_of(messages), worker.alive, timeout_s=300)
    assert set(enriched_ids(settings)) == ids_of(messages)


def test_poison_input_is_dead_lettered_and_the_stream_goes_on(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    valid = generate_messages(9_000, seed=34)
    poison = [
        b"{" * 100_000,
        b"[" * 50_000 + b"]" * 50_000,
        orjson.dumps(
            {"url": "https://p.example/x", "title": "t", "body": "troops moved " * 150_000}
        ),
        b"\x00\xff" * 100,
        orjson.dumps({"url": "https://p.example/y", "title": 5, "body": "b"}),
    ]
    bad = [poison[i % len(poison)] for i in range(1_000)]
    triggers = {"url": "https://p.example/t", "title": "t", "body": "troops deployed " * 12_000}
    valid += [orjson.dumps(triggers | {"id": f"triggers-{i}"}) for i in range(20)]
    mixed = valid + bad
    random.Random(4).shuffle(mixed)
    send(settings, mixed)
    worker = workers(settings)
    wait_for_ids(settings, ids_of(valid), worker.alive)
    asyncio.run(wait_for_commits(settings, settings.raw_topic, timeout_s=60))
    letters = asyncio.run(read_all(settings, [settings.deadletter_topic]))
    assert sorted(r.value for r in letters) == sorted(bad)
    reasons = Counter(read_headers(list(r.headers))["error.reason"] for r in letters)
    assert reasons == {
        "invalid_json": 400,
        "too_large": 200,
        "invalid_utf8": 200,
        "wrong_type": 200,
    }
    assert worker.alive()


def test_dead_letters_replay_to_their_source_and_failures_come_back(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    good = generate_messages(3, seed=35)
    too_big = orjson.dumps(
        {"id": "replay-big", "url": "https://r.example/1", "title": "t", "body": "x" * 300_000}
    )
    broken = b'{"url": "https://r.example/2"'
    worker = workers(settings, max_article_bytes=100_000)
    send(settings, [*good, too_big, broken])
    wait_for_ids(settings, ids_of(good), worker.alive)
    asyncio.run(wait_for_commits(settings, settings.raw_topic, timeout_s=60))
    worker.stop()

    fixed = workers(settings, max_article_bytes=1_000_000)
    assert asyncio.run(replay_dead_letters(settings)).total == 2
    wait_for_ids(settings, ids_of([*good, too_big]), fixed.alive)
    asyncio.run(wait_for_commits(settings, settings.raw_topic, timeout_s=60))
    letters = [r.value for r in asyncio.run(read_all(settings, [settings.deadletter_topic]))]
    assert letters.count(broken) >= 2, "the letter that failed again came back"
    assert letters.count(too_big) == 1
    again = asyncio.run(replay_dead_letters(settings))
    raw = [r.value for r in asyncio.run(read_all(settings, [settings.raw_topic]))]
    assert again.total >= 1
    assert raw.count(too_big) == 2, "a letter replayed once is not replayed again"
