"""The benchmark report keeps what it measured when one part fails (``streams/bench.py``)."""

from __future__ import annotations

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
