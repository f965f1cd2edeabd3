"""A worker's life: ready, healthy, counting, and a graceful stop that loses nothing."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable

import pytest

from streams.corpus import generate_messages
from streams.kafka_io import produce
from streams.settings import Settings
from streams.worker_process import WorkerProcess
from tests.integration.reading import collect, committed_offsets, read_all
from tests.integration.web import get

pytestmark = pytest.mark.integration


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in a Prometheus text exposition (0 when absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match and ",".join(sorted((match.group(1) or "").split(","))).strip(",") == wanted:
            return float(match.group(2))
    return 0.0


def test_ready_healthy_counting_and_a_graceful_stop(
    settings: Settings, workers: Callable[..., WorkerProcess]
) -> None:
    worker = workers(settings)
    worker.wait_ready()
    ready = json.loads(get(settings, "/readyz")[1])
    for topic, partitions in (
        (settings.raw_topic, settings.partitions),
        (settings.tagged_topic, 1),
    ):
        assigned = [name for name in ready["assigned"] if name.startswith(f"{topic}:")]
        assert len(assigned) == partitions
    status, body = get(settings, "/healthz")
    assert status == 200
    agents = {"tag": "running", "deliver": "running"}
    assert json.loads(body)["agents"] == agents

    messages = [*generate_messages(300, seed=21), b"{broken"]
    asyncio.run(produce(settings, settings.raw_topic, [(None, m) for m in messages]))
    asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=lambda got: len(got) >= 300,
            timeout_s=120,
            alive=worker.alive,
        )
    )
    _, exposition = get(settings, "/metrics")
    assert metric(exposition, "muster_articles_total", stage="tag", outcome="accepted") == 300
    assert (
        metric(exposition, "muster_dead_letters_total", stage="normalize", reason="invalid_json")
        == 1
    )
    health = json.loads(get(settings, "/healthz")[1])
    assert sum(p["offset"] + 1 for k, p in health["partitions"].items() if ".raw:" in k) == 301

    assert worker.stop(timeout_s=60) == 0
    for topic in (settings.raw_topic, settings.tagged_topic):
        committed = asyncio.run(committed_offsets(settings, topic))
        ends = {r.partition for r in asyncio.run(read_all(settings, [topic], idle_s=0.5))}
        assert ends <= {tp.partition for tp in committed}
    assert sum(asyncio.run(committed_offsets(settings, settings.raw_topic)).values()) == 301
