"""A ``muster worker`` in its own process: what the demo, the benchmarks and the integration
tests run, exactly as an operator would, configured only through ``MUSTER_*`` variables."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from streams.settings import Settings


class WorkerNotReady(RuntimeError):
    """The worker exited, or its ``/readyz`` did not say 200 in time."""


class WorkerProcess:
    """Start, stop (SIGTERM), kill (SIGKILL) and read the log of one worker process."""

    def __init__(self, settings: Settings, log_path: Path) -> None:
        self.settings = settings
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"],
                env={**os.environ, **self.settings.to_env()},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout_s: float = 30.0) -> int | None:
        """SIGTERM and wait; SIGKILL if it does not exit in time. Returns the exit code."""
        if self._process is None:
            return None
        if self.alive():
            self._process.send_signal(signal.SIGTERM)
            try:
                return self._process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self._process.kill()
        return self._process.wait()

    def kill(self) -> int | None:
        """SIGKILL: the crash a worker gets no chance to clean up after."""
        if self._process is None:
            return None
        if self.alive():
            self._process.kill()
        return self._process.wait()

    def wait_ready(self, timeout_s: float = 90.0) -> None:
        """Poll the worker's ``/readyz`` until it answers 200 (partitions assigned, tables
        recovered); raise with the log's tail if it exits or takes longer."""
        url = f"http://{self.settings.web_host}:{self.settings.web_port}/readyz"
        deadline = time.monotonic() + timeout_s
        said = "nothing (no answer)"
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except urllib.error.HTTPError as answer:
                said = answer.read().decode("utf-8", errors="replace")
            except OSError:
                pass
            if not self.alive() or time.monotonic() > deadline:
                state = "exited" if not self.alive() else f"still not ready after {timeout_s:.0f} s"
                raise WorkerNotReady(
                    f"the worker did not become ready (pid {self.pid}, {state}); its /readyz "
                    f"last said {said}; the end of its log:\n{self.log_tail()}"
                )
            time.sleep(0.3)

    def log_tail(self, chars: int = 6000) -> str:
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]
