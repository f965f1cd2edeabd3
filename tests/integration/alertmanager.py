"""A real Prometheus Alertmanager (Debian's package) for tests, and amtool to read it back."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.deploy.tools import tool_path

# One route to a receiver with no integrations: alerts are kept and shown, never sent.
CONFIG = """\
route:
  receiver: blackhole
receivers:
  - name: blackhole
"""
READY_TIMEOUT_S = 30.0


class Alertmanager:
    """One Alertmanager on 127.0.0.1:``port``; its config, storage and log are in ``workdir``
    (a test's ``tmp_path``, whose ``*.log`` files a failed test shows)."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.prefix = workdir / f"alertmanager-{port}"
        self.log_path = self.prefix.with_suffix(".log")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Alertmanager:
        """Start it and wait until ``/-/ready`` answers 200; fail with its log otherwise."""
        config = self.prefix.with_suffix(".yml")
        config.write_text(CONFIG)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    tool_path("prometheus-alertmanager"),
                    f"--config.file={config}",
                    f"--storage.path={self.prefix}-data",
                    f"--web.listen-address=127.0.0.1:{self.port}",
                    "--cluster.listen-address=",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not self._ready():
            assert self._process.poll() is None, f"alertmanager exited:\n{self._log()}"
            assert time.monotonic() < deadline, f"alertmanager not ready:\n{self._log()}"
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def alerts(self) -> list[dict[str, Any]]:
        """Every active alert, as ``amtool alert query -o json`` prints them."""
        query = subprocess.run(
            [tool_path("amtool"), "alert", "query", f"--alertmanager.url={self.url}", "-o", "json"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert query.returncode == 0, query.stderr
        return json.loads(query.stdout)

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def _log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]
