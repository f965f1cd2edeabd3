"""Commits that fall between events, never inside one, so a transaction holds whole events.

Under exactly-once, an event's outputs join the open transaction of the partition it was read
from as they are sent, and Faust commits that transaction with the offsets acknowledged so far
whenever its commit timer fires. A commit that fires while an agent is halfway through an event
(its enriched event sent, its offset not yet acknowledged) makes the outputs visible without
the offset: after a crash the event is read again and its outputs appear twice, even to a
``read_committed`` consumer (the SIGKILL test counted 17 to 290 such duplicates of 4,000). So
an agent holds the boundary open while it handles an event, and a transaction commit waits until
no event is in hand and stops new ones from starting until it is done.

The agents release an event right before Faust acknowledges it: the acknowledgement runs in the
same step of the event loop (``Stream._py_aiter`` acknowledges on the next ``__anext__``), so
no commit can start in between.

The last commit before the partitions go (a stop or a rebalance) ends the transactions. No
event may start after it, since its outputs would have no transaction to go in, and nothing is
committed after it: Faust commits again on its way out, and that commit failed the stop with
``IllegalOperation`` (it also held the offsets of events Faust acknowledges when it cancels
an agent, events never handled). A new assignment opens the boundary again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)

COMMIT_WAIT_S = 30.0
"""How long a commit waits for the events in hand. An event that takes longer (a producer
stuck on a broker that went away) must not stop commits for good, so the commit then goes on
as Faust would make it, at the risk of duplicates but never of loss."""


class EventBoundary:
    """Counts the events in hand and lets commits happen only when there are none."""

    def __init__(self) -> None:
        self._in_hand = 0
        self._committing = 0
        self.ended = False
        """The transactions are ended: events wait and commits are skipped until ``reopen``."""
        # asyncio's events bind to the loop that first waits on them, not the one at hand now.
        self._idle = asyncio.Event()
        self._open = asyncio.Event()
        self._idle.set()
        self._open.set()

    @asynccontextmanager
    async def event(self) -> AsyncIterator[None]:
        """Hold the boundary while one event is handled; wait first if a commit is pending."""
        await self._open.wait()
        self._in_hand += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_hand -= 1
            if not self._in_hand:
                self._idle.set()

    def reopen(self) -> None:
        """New transactions have begun (partitions were assigned): events may start again."""
        self.ended = False
        self._release()

    def _release(self) -> None:
        if not self._committing and not self.ended:
            self._open.set()

    @asynccontextmanager
    async def commit(self, *, last: bool = False) -> AsyncIterator[None]:
        """Wait (up to ``COMMIT_WAIT_S``) until no event is in hand; hold new ones meanwhile,
        and after it too if it is the ``last`` commit, the one that ends the transactions."""
        self._committing += 1
        self._open.clear()
        try:
            try:
                await asyncio.wait_for(self._idle.wait(), COMMIT_WAIT_S)
            except TimeoutError:
                log.warning(
                    "committing with %d event(s) still in hand after %.0f s: they may be "
                    "delivered twice after a crash",
                    self._in_hand,
                    COMMIT_WAIT_S,
                )
            yield
        finally:
            self._committing -= 1
            self.ended = self.ended or last
            self._release()
