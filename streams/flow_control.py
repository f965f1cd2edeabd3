"""Faust's flow control, made to say when it throws away events it had queued for the streams.

Every time Faust resumes the flow (at the end of each recovery, after a rebalance or at start),
``FlowControlEvent.resume`` clears every stream's queue. The events in those queues were handed
on by the consumer, which has already moved its read offset past them, but no agent has seen
them, so they are never acknowledged and never fetched again: the partition's commits stop
there for good. Recovery resumes the stream partitions and seeks them to their committed
offsets before that last resume, so records fetched during the seek are exactly such events.
We saw it in CI: a dead letter replayed to the raw topic while a worker was starting was never
handled (replayed 0.5 to 1.2 s after the start, it was lost in 4 of 26 runs).

So clearing queues that held events tells the consumer, which fetches every partition again
from its committed offset (``RebalanceSafeConsumer.refetch_from_committed``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from mode.utils.queues import FlowControlEvent

log = logging.getLogger(__name__)


class RefetchingFlowControl(FlowControlEvent):
    """A ``FlowControlEvent`` that calls ``on_discard`` when clearing drops queued events."""

    def __init__(
        self, on_discard: Callable[[], None], *, loop: asyncio.AbstractEventLoop | None = None
    ) -> None:
        super().__init__(loop=loop)
        self._on_discard = on_discard

    def clear(self) -> None:
        discarded = sum(queue.qsize() for queue in self._queues)
        super().clear()
        if discarded:
            log.info("flow control threw away %d queued events; fetching them again", discarded)
            self._on_discard()
