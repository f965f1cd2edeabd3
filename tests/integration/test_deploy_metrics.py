"""Dashboards and alerts ask only for metrics a real worker exports.

A worker runs on the session broker and reads the seed articles and one broken message, so
that the labelled counters exist; then every metric name in the Grafana dashboard and the
Prometheus rules must be in its ``/metrics``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from streams.inputs import read_messages
from streams.kafka_io import produce
from streams.settings import Settings
from tests.deploy.promql import deployed_metric_names
from tests.integration.reading import collect, wait_for_commits
from tests.integration.web import get

pytestmark = pytest.mark.integration

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _exported(exposition: str) -> dict[str, list[Sample]]:
    """Every sample of an exposition, by sample name."""
    samples: dict[str, list[Sample]] = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append(sample)
    return samples


def test_dashboards_and_rules_use_only_exported_metrics(settings: Settings, workers) -> None:
    worker = workers(settings, log_format="json")
    worker.wait_ready()
    articles = list(read_messages(str(SEEDS)))
    messages = [(None, article) for article in [*articles, b"{broken"]]
    asyncio.run(produce(settings, settings.raw_topic, messages))
    asyncio.run(
        collect(
            settings,
            [settings.enriched_topic],
            done=lambda got: len(got) >= len(articles),
            timeout_s=120,
            alive=worker.alive,
        )
    )
    asyncio.run(wait_for_commits(settings, settings.tagged_topic, timeout_s=60))
    status, exposition = get(settings, "/metrics")
    assert status == 200
    exported = _exported(exposition)

    missing = sorted(deployed_metric_names() - exported.keys())
    assert not missing, f"not exported: {missing}; exported: {sorted(exported)}"
    assert {"type", "polarity", "actor"} <= exported["muster_signals_total"][0].labels.keys()
    assert any(s.labels["actor"] == "BLR" for s in exported["muster_mobilization_events_total"])
    assert {s.labels["partition"] for s in exported["faust_topic_partition_offset_commited"]}
    (keys,) = exported["muster_table_keys"]
    assert (keys.labels, keys.value) == ({"table": "fingerprints"}, len(articles))

    lines = [orjson.loads(line) for line in worker.log_path.read_text().splitlines()]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    assert any(line["level"] == "info" for line in lines)
