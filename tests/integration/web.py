"""Reading a worker's web pages from tests."""

from __future__ import annotations

import urllib.error
import urllib.request

from streams.settings import Settings


def get(settings: Settings, path: str) -> tuple[int, str]:
    url = f"http://{settings.web_host}:{settings.web_port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
