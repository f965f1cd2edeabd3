"""What every agent does the same way: consume events, finish each one, record progress."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import faust
from faust.types import AgentT, Message, StreamT

from agents.atomic import complete
from agents.health import run_tracked
from streams.app import Pipeline

Handler = Callable[[Message], Coroutine[Any, Any, None]]


def register_stage(
    pipeline: Pipeline, *, name: str, source: faust.ChannelT, handle: Handler
) -> AgentT:
    """An agent named ``muster.<name>`` that runs ``handle`` on every message of ``source``."""
    health = pipeline.health
    boundary = pipeline.app.event_boundary

    async def consume(stream: StreamT) -> None:
        async for event in stream.events():
            async with boundary.event():  # released right before Faust acknowledges the event
                await complete(handle(event.message))
            health.processed(event.message.topic, event.message.partition, event.message.offset)

    async def stage(stream: StreamT) -> None:
        await run_tracked(health, name, consume, stream)

    return pipeline.app.agent(source, name=f"muster.{name}")(stage)
