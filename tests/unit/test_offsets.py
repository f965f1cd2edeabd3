"""The consumer's offset bookkeeping across rebalances (``streams/offsets.py``), with no broker.

Each test sets up the stale state that one of faust-streaming's habits leaves behind after a
rebalance and checks that the next commit can neither skip an article nor stop for good. The
integration fault tests show the same on a real broker.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping

import pytest
from faust.transport import consumer as faust_consumer
from faust.types import TP, ConsumerMessage

from streams.offsets import (
    FETCH_MAX_WAIT_MS,
    MusterApp,
    RebalanceSafeConsumer,
    RebalanceSafeTransport,
)

TAGGED = TP("news.articles.tagged", 0)


async def _nothing(*_: object) -> None:
    return None


@pytest.fixture
def consumer() -> RebalanceSafeConsumer:
    app = MusterApp("offsets-test", broker="kafka://127.0.0.1:1", autodiscover=False)
    assert isinstance(app.transport, RebalanceSafeTransport)
    # What Faust's conductor does when it subscribes: acknowledgements count on this topic.
    app.topics._acking_topics.add(TAGGED.topic)
    return RebalanceSafeConsumer(
        app.transport,
        callback=_nothing,
        on_partitions_revoked=_nothing,
        on_partitions_assigned=_nothing,
    )


def _message(consumer: RebalanceSafeConsumer, offset: int, generation: int) -> ConsumerMessage:
    return ConsumerMessage(
        TAGGED.topic, TAGGED.partition, offset, 0.0, 0, [], b"k", b"v", None, 1, 1, TAGGED,
        generation_id=generation,
    )  # fmt: skip


async def test_a_new_assignment_forgets_what_the_last_generation_read(
    consumer: RebalanceSafeConsumer,
) -> None:
    # A fetch interrupted by the revoke wrote its read offset back after the revoke cleared it.
    consumer._read_offset[TAGGED] = 318
    consumer._acked[TAGGED].extend([5, 6])
    consumer._acked_index[TAGGED].update({5, 6})
    consumer._gap[TAGGED].addi(7, 9)
    consumer.app.consumer_generation_id = 2
    await consumer.on_partitions_assigned({TAGGED}, generation_id=2)
    assert consumer._read_offset[TAGGED] is None
    assert not consumer._acked[TAGGED] and not consumer._gap[TAGGED]


async def test_events_of_an_earlier_generation_are_not_acknowledged(
    consumer: RebalanceSafeConsumer,
) -> None:
    consumer.app.consumer_generation_id = 3
    skipped = _message(consumer, 40, generation=2)
    handled = _message(consumer, 41, generation=3)
    assert consumer.ack(skipped) is False
    assert consumer.ack(handled) is True
    assert consumer._acked[TAGGED] == [41]
    assert skipped.acked and skipped not in consumer._unacked_messages


async def test_seeking_never_moves_the_committed_offset_back(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    consumer._committed_offset[TAGGED] = 1_600

    async def stale_answer() -> Mapping[TP, int]:
        return {TAGGED: 1_483}

    async def seek(tp: TP, offset: int) -> None:
        fetching_from[tp] = offset

    fetching_from: dict[TP, int] = {}
    monkeypatch.setattr(consumer, "seek_to_committed", stale_answer)
    monkeypatch.setattr(consumer, "_seek", seek)
    monkeypatch.setattr(consumer, "assignment", lambda: {TAGGED})
    await consumer.perform_seek()
    assert consumer._committed_offset[TAGGED] == 1_600
    # Fetching from 1,483 would hand on again records whose outputs are committed.
    assert fetching_from == {TAGGED: 1_600}
    assert consumer._read_offset[TAGGED] == 1_600
    # Records from 1,600 on are acknowledged and committed; nothing waits on 1,483..1,599.
    consumer.app.consumer_generation_id = 0
    for offset in (1_600, 1_601):
        consumer.ack(_message(consumer, offset, generation=0))
    assert consumer._new_offset(TAGGED) == 1_602


def _fetch_then_hand_on(seek_during_fetch: bool, seek_before: int | None) -> object:
    """Faust's ``getmany`` as far as these tests need: one fetch, then its records one by one,
    with recovery's seek to the committed offsets during the fetch or before a given record.
    """

    async def fetch(self: RebalanceSafeConsumer, timeout: float) -> tuple[dict, set]:
        if seek_during_fetch:
            await self.perform_seek()
        return {}, set()

    async def getmany(self: RebalanceSafeConsumer, timeout: float) -> AsyncIterator[tuple]:
        await self._wait_next_records(timeout)
        for offset in (307, 308, 309, 310):
            if offset == seek_before:
                await self.perform_seek()
            yield TAGGED, _message(self, offset, generation=0)

    return fetch, getmany


@pytest.mark.parametrize(
    ("seek_during_fetch", "seek_before", "handed_on"),
    [
        # 309 and 310 come again from 307 on; handing them on now would let the read offset
        # pass the refetched copies, which Faust then drops as already read.
        (False, 309, [307, 308]),
        # A fetch that overlapped the seek may hold records from before it: none is handed
        # on, and the partitions are sought again so that none is skipped either.
        (True, None, []),
    ],
)
async def test_a_batch_fetched_before_a_seek_is_not_handed_on_after_it(
    consumer: RebalanceSafeConsumer,
    monkeypatch: pytest.MonkeyPatch,
    seek_during_fetch: bool,
    seek_before: int | None,
    handed_on: list[int],
) -> None:
    async def committed() -> Mapping[TP, int]:
        return {TAGGED: 307}

    fetch, getmany = _fetch_then_hand_on(seek_during_fetch, seek_before)
    monkeypatch.setattr(consumer, "seek_to_committed", committed)
    monkeypatch.setattr(faust_consumer.Consumer, "_wait_next_records", fetch)  # what super()
    monkeypatch.setattr(faust_consumer.Consumer, "getmany", getmany)  # calls
    got = [message.offset async for _, message in consumer.getmany(timeout=1.0)]
    assert got == handed_on
    assert consumer._seeks_to_committed == 2, "cut short, then sought again"


async def test_partitions_with_nothing_committed_go_back_to_their_beginning(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, started, changelog = TP("raw", 0), TP("raw", 3), TP("muster-stories-changelog", 0)
    rewound: list[TP] = []

    class Thread:
        async def seek_to_committed(self) -> Mapping[TP, int | None]:
            return {fresh: None, started: 1, changelog: None}

        async def seek_to_beginning(self, *partitions: TP) -> None:
            rewound.extend(partitions)

    monkeypatch.setattr(consumer, "_thread", Thread())
    monkeypatch.setattr(consumer, "_is_changelog_tp", lambda tp: tp == changelog)
    await consumer.perform_seek()
    # aiokafka leaves such a partition where it is, past records dropped while it was paused.
    assert rewound == [fresh]


class _SlowBuffer:
    """A producer buffer that hands on one record per ``flush``, as Faust's does when a send
    takes longer than its 0.1 s wait."""

    def __init__(self, size: int) -> None:
        self.size = size

    async def flush(self) -> None:
        self.size -= 1


class _Producer:
    def __init__(self, buffer: _SlowBuffer) -> None:
        self.buffer = buffer


@pytest.mark.parametrize("in_transaction", [True, False])
async def test_a_transaction_commits_only_after_every_buffered_table_write(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch, in_transaction: bool
) -> None:
    buffer = _SlowBuffer(size=3)
    buffered_at_commit: list[int] = []

    async def commit(self: RebalanceSafeConsumer, offsets: Mapping[TP, int], *_: object) -> bool:
        buffered_at_commit.append(buffer.size)
        return True

    consumer.app.producer = _Producer(buffer)
    consumer.in_transaction = in_transaction
    monkeypatch.setattr(faust_consumer.Consumer, "_commit_offsets", commit)  # what super() calls
    assert await consumer._commit_offsets({TAGGED: 12})
    # At-least-once commits flush the whole producer themselves (Faust's own path).
    assert buffered_at_commit == ([0] if in_transaction else [3])


async def test_a_transaction_commit_waits_for_the_event_in_hand(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []

    async def force_commit(self: RebalanceSafeConsumer, *_: object, **__: object) -> bool:
        order.append("commit")
        return True

    async def event() -> None:
        async with consumer.app.event_boundary.event():
            await asyncio.sleep(0.02)
            order.append("event handled")

    consumer.in_transaction = True
    monkeypatch.setattr(faust_consumer.Consumer, "force_commit", force_commit)  # super()'s
    handling = asyncio.create_task(event())
    await asyncio.sleep(0)
    assert await consumer.force_commit()
    await handling
    assert order == ["event handled", "commit"]


async def test_records_handled_since_the_last_commit_are_not_handed_on_again(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 307 and 308 were handled and acknowledged; a seek to the committed offset (307) fetches
    # them again. Their outputs are already sent: handling them twice would repeat them.
    consumer.app.consumer_generation_id = 0
    for offset in (307, 308):
        assert consumer.ack(_message(consumer, offset, generation=0))
    fetch, getmany = _fetch_then_hand_on(seek_during_fetch=False, seek_before=None)
    monkeypatch.setattr(faust_consumer.Consumer, "_wait_next_records", fetch)
    monkeypatch.setattr(faust_consumer.Consumer, "getmany", getmany)
    got = [message.offset async for _, message in consumer.getmany(timeout=1.0)]
    assert got == [309, 310]
    assert consumer._read_offset[TAGGED] == 308, "309 follows on, it does not end a gap"
    assert consumer._new_offset(TAGGED) == 309, "their acknowledgements still count"


async def test_the_record_after_a_gap_does_not_hold_the_commits_back(
    consumer: RebalanceSafeConsumer,
) -> None:
    # 157..160 are transaction markers: the fetcher sees 156, then 161, and fills the gap.
    consumer._committed_offset[TAGGED] = 157
    consumer.app.consumer_generation_id = 0
    await consumer._add_gap(TAGGED, 157, 161)
    for offset in range(161, 166):
        assert consumer.ack(_message(consumer, offset, generation=0))
    # Faust's own gap counts 161 twice, and its commit stops at 162.
    assert consumer._new_offset(TAGGED) == 166


async def test_nothing_is_committed_after_the_transactions_ended(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    commits: list[bool] = []

    async def force_commit(
        self: RebalanceSafeConsumer, topics: object, start_new_transaction: bool
    ) -> bool:
        commits.append(start_new_transaction)
        return True

    consumer.in_transaction = True
    monkeypatch.setattr(faust_consumer.Consumer, "force_commit", force_commit)
    assert await consumer.force_commit(start_new_transaction=False)  # the stop's last commit
    # Faust commits again on its way out; a transactional producer out of its transaction
    # refused that with IllegalOperation.
    assert not await consumer.force_commit(start_new_transaction=False)
    assert commits == [False]


async def test_events_thrown_away_by_flow_control_are_fetched_again_first(
    consumer: RebalanceSafeConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 307..310 were handed on, then clearing the stream queues threw them away unhandled.
    handed_on: list[int] = []
    sought_after: list[int] = []  # how many records were handed on at each seek

    async def committed() -> Mapping[TP, int]:
        sought_after.append(len(handed_on))
        return {TAGGED: 307}

    async def batch() -> list[int]:
        offsets = [message.offset async for _, message in consumer.getmany(timeout=1.0)]
        handed_on.extend(offsets)
        return offsets

    fetch, getmany = _fetch_then_hand_on(seek_during_fetch=False, seek_before=None)
    monkeypatch.setattr(consumer, "seek_to_committed", committed)
    monkeypatch.setattr(consumer, "assignment", lambda: {TAGGED})
    monkeypatch.setattr(faust_consumer.Consumer, "_wait_next_records", fetch)
    monkeypatch.setattr(faust_consumer.Consumer, "getmany", getmany)
    consumer._read_offset[TAGGED] = 310
    consumer.refetch_from_committed()
    assert await batch() == [307, 308, 309, 310]
    assert sought_after == [0], "sought back to the committed offset before the batch"
    assert consumer._read_offset[TAGGED] == 307, "so the copies are not dropped as already read"
    # Thrown away while a batch is handed on: its rest goes on (dropping it would lose the
    # changelog records in it, which the seek does not fetch again); the next batch refetches.
    async for _, message in consumer.getmany(timeout=1.0):
        handed_on.append(message.offset)
        if message.offset == 308:
            consumer.refetch_from_committed()
    assert handed_on[4:] == [307, 308, 309, 310]
    assert sought_after == [0]
    consumer.flow_active = False
    await batch()
    assert sought_after == [0], "no seek while the flow is stopped (a rebalance is under way)"
    consumer.flow_active = True
    await batch()
    assert sought_after == [0, 12]


async def test_fetches_wait_briefly_for_records(consumer: RebalanceSafeConsumer) -> None:
    """A fetch waiting on idle partitions must not hold a partition whose stream buffer has
    drained back for Faust's 1.5 s: the broker's consumer is built with the short wait."""
    thread = consumer._new_consumer_thread()
    kafka_consumer = thread._create_worker_consumer(consumer.transport)
    assert kafka_consumer._fetch_max_wait_ms == FETCH_MAX_WAIT_MS < 1500
