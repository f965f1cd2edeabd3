"""What the worker knows about its own health: which agents run, and progress per partition.

Liveness is progress, not a live process: each agent records the last offset it finished and
when, per source partition, and whether its loop is running. ``/healthz`` and ``/readyz``
(``agents/web.py``) report from here.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from faust.types import StreamT


@dataclass
class Health:
    running: dict[str, bool] = field(default_factory=dict)
    progress: dict[str, tuple[int, float]] = field(default_factory=dict)

    def agent_started(self, name: str) -> None:
        self.running[name] = True

    def agent_stopped(self, name: str) -> None:
        self.running[name] = False

    def processed(self, topic: str, partition: int, offset: int) -> None:
        self.progress[f"{topic}:{partition}"] = (offset, time.time())

    @property
    def live(self) -> bool:
        return bool(self.running) and all(self.running.values())

    def report(self) -> dict[str, Any]:
        now = time.time()
        return {
            "agents": {name: "running" if up else "stopped" for name, up in self.running.items()},
            "partitions": {
                key: {"offset": offset, "seconds_since": round(now - at, 3)}
                for key, (offset, at) in sorted(self.progress.items())
            },
        }


async def run_tracked(
    health: Health, name: str, consume: Callable[[StreamT], Awaitable[None]], stream: StreamT
) -> None:
    """Run an agent's loop, marking it running until the loop ends, however it ends."""
    health.agent_started(name)
    try:
        await consume(stream)
    finally:
        health.agent_stopped(name)
