"""Transaction commits fall between events (``streams/event_boundary.py``), with no broker."""

from __future__ import annotations

import asyncio

import pytest

from streams import event_boundary
from streams.event_boundary import EventBoundary


async def test_a_commit_waits_for_the_event_in_hand_and_holds_the_next() -> None:
    boundary = EventBoundary()
    order: list[str] = []
    first_started, finish_first = asyncio.Event(), asyncio.Event()

    async def first_event() -> None:
        async with boundary.event():
            order.append("first event starts")
            first_started.set()
            await finish_first.wait()
            order.append("first event ends")

    async def commit() -> None:
        async with boundary.commit():
            order.append("commit")
            await asyncio.sleep(0.01)
            order.append("commit done")

    async def next_event() -> None:
        async with boundary.event():
            order.append("next event")

    handling = asyncio.create_task(first_event())
    await first_started.wait()
    committing = asyncio.create_task(commit())
    await asyncio.sleep(0.01)
    following = asyncio.create_task(next_event())
    await asyncio.sleep(0.01)
    assert order == ["first event starts"], "neither the commit nor the next event went ahead"
    finish_first.set()
    await asyncio.gather(handling, committing, following)
    assert order == [
        "first event starts",
        "first event ends",
        "commit",
        "commit done",
        "next event",
    ]


async def test_a_failed_event_releases_the_boundary() -> None:
    boundary = EventBoundary()
    with pytest.raises(RuntimeError):
        async with boundary.event():
            raise RuntimeError("handler failed")
    async with asyncio.timeout(1):
        async with boundary.commit():
            pass


async def test_a_commit_goes_on_after_waiting_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_boundary, "COMMIT_WAIT_S", 0.05)
    boundary = EventBoundary()
    stuck = asyncio.Event()

    async def stuck_event() -> None:
        async with boundary.event():
            await stuck.wait()

    handling = asyncio.create_task(stuck_event())
    await asyncio.sleep(0)
    async with asyncio.timeout(1):
        async with boundary.commit():
            committed = True
    assert committed
    stuck.set()
    await handling


async def test_after_the_last_commit_events_wait_until_the_boundary_reopens() -> None:
    boundary = EventBoundary()
    async with boundary.commit(last=True):
        pass
    assert boundary.ended
    started = asyncio.Event()

    async def next_event() -> None:
        async with boundary.event():
            started.set()

    waiting = asyncio.create_task(next_event())
    await asyncio.sleep(0.01)
    assert not started.is_set(), "no transaction to put its outputs in"
    boundary.reopen()
    await asyncio.wait_for(waiting, 1)
    assert started.is_set() and not boundary.ended
