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
