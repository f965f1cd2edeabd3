"""Finishing an event before an agent may be cancelled.

faust-streaming acknowledges the current event in a ``finally`` block when a stream's
iteration ends (``Stream._py_aiter``), including when the agent is cancelled in the middle of
handling it, as happens on every rebalance ("Restarting on rebalance") and at shutdown. The
offset of an event whose outputs were never sent is then committed, and the article is lost
(seen in ``test_second_worker_takes_over_when_one_is_killed``: a thousand articles of six
thousand missing). Each event's work therefore runs as its own task that a cancellation of the
agent does not interrupt: the agent waits for it to finish, then lets the cancellation go on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


async def complete(work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` to its end, even if the caller is cancelled while it runs."""
    task = asyncio.ensure_future(work)
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await task
        raise
