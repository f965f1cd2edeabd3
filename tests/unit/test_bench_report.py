"""The benchmark report (``streams/bench.py``): what it measures, and what it keeps when one
part fails."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from streams import bench
from streams.settings import Settings
from streams.worker_process import WorkerNotReady


def test_a_worker_that_never_becomes_ready_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def stuck(settings: Settings, workdir: Path, count: int) -> int:
        raise WorkerNotReady("the worker did not become ready:\n...Recovery rebalancing again")

    monkeypatch.setattr(bench, "_drain_with", stuck)
    monkeypatch.setattr(bench, "_fresh", lambda base, workdir, name: base)  # no broker here
    report = bench.scale_out(Settings(), tmp_path)
    assert "Recovery rebalancing again" in report["error"]
    assert bench.format_scale_out(report).startswith("scale-out drain failed")


def test_cpu_seconds_of_a_process_are_read_from_proc() -> None:
    started_cpu, started = bench._cpu_s(os.getpid()), time.process_time()
    while time.process_time() - started < 0.3:
        pass
    used = bench._cpu_s(os.getpid()) - started_cpu
    assert used == pytest.approx(time.process_time() - started, abs=0.05)
    assert bench._cpu_s(None) == 0.0


def _drain(rate: int, worker_ms: float) -> dict[str, object]:
    return {
        "drain_articles_per_s": rate,
        "drain_cpu_ms_per_article": {"worker": worker_ms, "broker": 0.4},
        "rss_mb": {"start": 100.0, "end": 110.0},
    }


def test_stories_cost_is_taken_between_the_median_drains_of_alternated_rounds() -> None:
    rounds = [
        {"on": _drain(343, 2.4), "off": _drain(404, 2.5)},
        {"off": _drain(526, 2.0), "on": _drain(266, 3.8)},
        {"on": _drain(300, 3.0), "off": _drain(500, 2.1)},
    ]
    report = bench.summarize_drain_rounds(rounds)
    assert report["drain_articles_per_s"] == 300
    assert report["drain_cpu_ms_per_article"]["worker"] == 3.0
    assert report["drain_without_stories_articles_per_s"] == 500
    assert report["drain_without_stories_cpu_ms_per_article"]["worker"] == 2.1
    assert report["stories_cost"] == 0.4
    assert [r["on"]["articles_per_s"] for r in report["drain_rounds"]] == [343, 266, 300]
    assert "343 / 404, 266 / 526, 300 / 500" in bench.format_report(_full_report(report))


def _full_report(drains: dict[str, object]) -> dict[str, object]:
    """A whole report around these drains, as ``_everything`` builds it."""
    stories = {
        "story_stage_articles_per_s": 1864,
        "stories_in_window": 100_000,
        "drain_at_story_scale_articles_per_s": 413,
        "cost_at_story_scale": 0.174,
        "rss_mb_at_story_scale": 1148.0,
        "rss_mb_after_drain_at_story_scale": 1192.0,
        "restart_to_ready_s": {"memory": 7.7},
        "restart_stories": 20_000,
    }
    return {
        **drains,
        "tagger_articles_per_s_per_core": 2058,
        "tagger_mb_per_s_per_core": 6.0,
        "tagger_adversarial_1mb_s": 0.5,
        "core_articles_per_s": 1547,
        "client_ceiling_articles_per_s": 6077,
        "stories": stories,
        "pipeline_to_lower_ceiling": 0.19,
        "poison_to_clean": 1.29,
        "scale_out": {"drain_articles_per_s_by_workers": {"1": 213, "3": 227}},
        "latency_ms": {"100": {"p50": 14, "p95": 21, "p99": 79}},
    }
