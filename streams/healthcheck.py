"""``python -m streams.healthcheck``: exit 0 when the local worker's ``/healthz`` answers 200.

The container's HEALTHCHECK runs it: the slim image has no curl, and this reads the web port
from the same ``MUSTER_*`` settings as the worker it checks.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from streams.settings import Settings

HEALTH_PATH = "/healthz"
TIMEOUT_S = 3.0


def healthy(settings: Settings) -> bool:
    """True when the worker on this host answers ``/healthz`` with 200."""
    url = f"http://127.0.0.1:{settings.web_port}{HEALTH_PATH}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


if __name__ == "__main__":
    sys.exit(0 if healthy(Settings.from_env()) else 1)
