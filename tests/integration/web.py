"""Reading a worker's web pages from tests."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any

from streams.settings import Settings


def get(settings: Settings, path: str) -> tuple[int, str]:
    url = f"http://{settings.web_host}:{settings.web_port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_ready(settings: Settings, timeout_s: float = 90) -> dict[str, Any]:
    """Poll ``/readyz`` until it answers 200; return its report."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            status, body = get(settings, "/readyz")
            if status == 200:
                return json.loads(body)
        except OSError:
            pass
        assert time.monotonic() < deadline, "the worker never became ready"
        time.sleep(0.5)
