"""Faust's Kafka consumer with its offset bookkeeping made safe across rebalances.

faust-streaming (0.15.3) decides what to commit from three per-partition records: the offsets
its streams acknowledged, the offset it last handed to a stream (the *read offset*, used to drop
records it has already handed on and to treat jumps as gaps in the log), and the offset it
believes is committed. These habits of Faust and aiokafka let those records go stale across a
rebalance; we saw each in the logs of our fault tests after adding diagnostics to the consumer:

- A fetch interrupted when the flow stops writes its read offset back *after* the revoke has
  cleared it. In the next generation aiokafka starts again from the committed offset, and every
  record below that stale read offset is dropped as already handed on: it is never acknowledged,
  so the commits stop there for good (the restarted worker of the SIGKILL test stayed at 1,483
  of 10,620), and had the stale offset been lower, the jump would have been filled as a log gap
  and committed past articles never processed.
- Events still queued from the old generation are skipped by the stream and *acknowledged*, so
  their offsets can be committed in the new generation before the refetched copies are handled.
- ``perform_seek`` moves every partition back to its committed offset while a fetched batch
  is still being handed on. The rest of that batch is handed on after the seek and pushes the
  read offset past the seek, so the refetched records are dropped as already read: one lost
  article of 6,000 in the takeover test, whose first copy never reached the agent. The same
  call reads the committed offsets from the broker while commits run; an answer older than a
  commit made meanwhile puts the committed offset back below records already acknowledged and
  dropped from the list, and the commits stop (and the records from there are handled again).
  And aiokafka's ``seek_to_committed`` leaves alone every partition with no committed offset
  (or offset 0), so records of such a partition that were fetched and dropped while it was
  paused during recovery were never fetched again: an article replayed to a fresh partition
  just as a worker started was never processed.

The fixes below keep Faust's design: each new generation starts its read offsets, gaps and
acknowledgements afresh from what aiokafka will fetch (the committed offset), acknowledgements
of another generation's events do not count, a batch fetched before a seek is abandoned (every
partition is fetched again from its committed offset, or from its beginning when nothing is
committed, as ``consumer_auto_offset_reset="earliest"`` says), and the committed offset never
moves backwards. The price is a few more redelivered articles after a rebalance, which
downstream consumers drop by event id.

Faust also counts the record after a gap in the log (the markers of Kafka transactions make
one each time a transaction writing to the partition commits) as part of the gap, and that
doubled offset holds the commits back behind what was handled.

One more habit concerns exactly-once: table writes wait in Faust's ``ProducerBuffer`` before
they reach the producer, and an at-least-once commit flushes the whole producer first, but a
transaction is committed without draining that buffer. A write still buffered lands in the
next transaction, and a crash before that one commits loses it while the event's outputs and
offset stay committed: the restarted worker decided a redelivered article's story without its
record (two articles of 4,000 got another story id in their second copy). So every
transaction commit first hands the buffer to the producer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

import faust
from aiokafka import AIOKafkaConsumer
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.types import TP, Message
from faust.types.transports import TransportT
from faust.types.tuples import ack_lock
from mode.utils.futures import notify
from mode.utils.objects import cached_property
from mode.utils.queues import FlowControlEvent

from streams.event_boundary import EventBoundary
from streams.flow_control import RefetchingFlowControl

FETCH_MAX_WAIT_MS = 100
"""How long the broker may hold a fetch that finds no new records (Faust fixes 1,500 ms).

Faust stops fetching a partition whose stream buffer is under pressure and fetches it again
once the buffer has drained. A fetch already waiting at the broker for the other partitions
(a raw topic drained, the changelogs) held the busy partition back until it returned: with
stories on, the one-partition deliver stage sat idle up to a second at a time, about 40% of a
drain's second half. A shorter wait costs an empty fetch a tenth of a second when idle."""


class ShortFetchWaitConsumerThread(aiokafka_driver.AIOKafkaConsumerThread):
    """Faust's consumer thread, whose fetches wait at most ``FETCH_MAX_WAIT_MS`` for records."""

    def _create_worker_consumer(self, transport: Any) -> AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        consumer._fetch_max_wait_ms = (
            FETCH_MAX_WAIT_MS  # read by ``start``, which makes the fetcher
        )
        return consumer


class RebalanceSafeConsumer(aiokafka_driver.Consumer):
    """The aiokafka consumer of Faust, with per-generation offset bookkeeping."""

    _seeks_to_committed = 0
    _refetch_pending = False

    def _new_consumer_thread(self) -> ShortFetchWaitConsumerThread:
        return ShortFetchWaitConsumerThread(self, loop=self.loop, beacon=self.beacon)

    def refetch_from_committed(self) -> None:
        """Fetch every partition again from its committed offset from the next batch on:
        events handed on were thrown away unhandled (``streams/flow_control.py``)."""
        self._refetch_pending = True

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        """Faust's batches, cut short when a seek to the committed offsets overlaps them.

        Whether a record was fetched before or after the seek cannot be told, so the rest of
        the batch is dropped and every partition sought to its committed offset once more:
        nothing is lost, the partitions are fetched again from there. Should that seek fail,
        the fetcher fails with it and the worker exits non-zero, rather than go on past
        records it dropped.

        A record this generation has already handled and acknowledged is not handed on again
        when a seek fetches it anew: its outputs are sent (under exactly-once, in the open
        transaction), and handling it twice made duplicates even a ``read_committed``
        consumer sees (a restarted worker's seeks after recovery redelivered 13 of 4,000).

        After flow control threw away events handed on earlier (:meth:`refetch_from_committed`),
        the next batch starts with a seek to the committed offsets, once the flow runs. Not in
        the middle of a batch: records of the changelog topics in its rest would be lost, as
        the seek leaves those partitions where they are (a takeover's recovery then waited
        for records that never came).
        """
        if self._refetch_pending and self.flow_active and self.assignment():
            await self.perform_seek()
        seeks = self._seeks_to_committed
        async for tp, message in super().getmany(timeout):
            if self._seeks_to_committed != seeks:
                await self.perform_seek()
                return
            if message.offset in self._acked_index.get(tp, ()):
                # Handled since the last commit: a copy fetched again after a seek. Read past
                # it, so that the next record is not taken for the end of a gap in the log.
                self._read_offset[tp] = message.offset
                continue
            yield tp, message

    async def on_partitions_assigned(self, assigned: set[TP], generation_id: int = 0) -> None:
        """Forget what an earlier generation read or acknowledged on these partitions.

        aiokafka gives every new assignment fresh positions, read from the committed offsets,
        so nothing from before the rebalance says anything about what will be fetched now.
        """
        for tp in assigned:
            self._read_offset.pop(tp, None)
            self._gap.pop(tp, None)
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
        await super().on_partitions_assigned(assigned, generation_id)
        self.app.event_boundary.reopen()

    def ack(self, message: Message) -> bool:
        """Acknowledge ``message`` only if it was fetched in the current generation.

        Faust's streams acknowledge the events they skip after a rebalance; their offsets are
        fetched again and must wait for the copies that are actually handled.
        """
        if message.generation_id != self.app.consumer_generation_id:
            with ack_lock:
                message.acked = True
                self._unacked_messages.discard(message)
            notify(self._waiting_for_ack)
            return False
        return super().ack(message)

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        """Count the offsets from ``offset_from`` up to, not including, ``offset_to`` as read.

        Faust calls this with the offset of the record after the gap, and its own version
        counts that record too. The record is then acknowledged as well, the doubled offset
        ends the run of consecutive offsets that ``_new_offset`` commits, and the commits
        lag behind what was handled (seen after the transaction markers in the tagged topic:
        the commit stayed at 162 while 480 were handled, and the outputs of those were
        committed in their transaction without their offsets, so a crash repeated them).
        """
        await super()._add_gap(tp, offset_from, offset_to - 1)

    async def seek_to_committed(self) -> Mapping[TP, int]:
        """Seek to the committed offsets, and to the beginning where nothing is committed."""
        committed = await super().seek_to_committed()
        uncommitted = [
            tp for tp, offset in committed.items() if not offset and not self._is_changelog_tp(tp)
        ]
        if uncommitted:
            await self._thread.seek_to_beginning(*uncommitted)
        return committed

    async def perform_seek(self) -> None:
        """Seek to the committed offsets, never to one older than our own last commit.

        The broker can answer with an offset older than a commit this consumer has just
        made (a transaction's offsets show only once its markers are written), and fetching
        from there handled articles a second time after their outputs were committed.
        """
        self._refetch_pending = False
        known = {tp: offset for tp, offset in self._committed_offset.items() if offset}
        await super().perform_seek()
        self._seeks_to_committed += 1
        behind = {
            tp: offset
            for tp, offset in known.items()
            if (self._committed_offset.get(tp) or 0) < offset
        }
        if behind:
            self._committed_offset.update(behind)
            for tp in behind.keys() & self.assignment():
                await self.seek(tp, behind[tp])

    async def force_commit(self, topics: Any = None, start_new_transaction: bool = True) -> bool:
        """Commit; a transaction only between events, and none after the transactions ended
        (``streams/event_boundary.py``)."""
        if not self.in_transaction:
            return await super().force_commit(topics, start_new_transaction)
        boundary = self.app.event_boundary
        if boundary.ended:
            return False
        async with boundary.commit(last=not start_new_transaction):
            return await super().force_commit(topics, start_new_transaction)

    async def _commit_offsets(self, offsets: Mapping[TP, int], *args: Any, **kwargs: Any) -> bool:
        """Commit, under exactly-once only once every buffered table write is in the
        transaction being committed."""
        if self.in_transaction:
            buffer = self.app.producer.buffer
            while buffer.size:  # ``flush`` gives up after 0.1 s without a send; go on waiting
                await buffer.flush()
        return await super()._commit_offsets(offsets, *args, **kwargs)


class RebalanceSafeTransport(aiokafka_driver.Transport):
    """Faust's aiokafka transport with :class:`RebalanceSafeConsumer`."""

    Consumer = RebalanceSafeConsumer


class MusterApp(faust.App):
    """The Faust app, on a transport whose consumer keeps its offsets right across rebalances,
    with the boundary that keeps its transaction commits between events and a flow control
    that loses no event when it clears the stream queues."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event_boundary = EventBoundary()

    @cached_property
    def flow_control(self) -> FlowControlEvent:
        """Faust's flow control, which has the consumer fetch again the events it throws away."""
        return RefetchingFlowControl(lambda: self.consumer.refetch_from_committed(), loop=self.loop)

    def _new_transport(self) -> TransportT:
        if self.conf.broker_consumer[0].scheme not in {"kafka", "aiokafka"}:
            return super()._new_transport()
        return RebalanceSafeTransport(self.conf.broker_consumer, self)
