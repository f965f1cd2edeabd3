"""Flow control that reports the events it throws away (``streams/flow_control.py``)."""

from __future__ import annotations

from mode.utils.queues import FlowControlQueue

from streams.flow_control import RefetchingFlowControl
from streams.offsets import MusterApp


def _flow_control_with_queue(discards: list[int]) -> tuple[RefetchingFlowControl, FlowControlQueue]:
    flow_control = RefetchingFlowControl(lambda: discards.append(1))
    queue: FlowControlQueue = FlowControlQueue(flow_control=flow_control, clear_on_resume=True)
    return flow_control, queue


async def test_resuming_with_queued_events_reports_that_they_were_thrown_away() -> None:
    discards: list[int] = []
    flow_control, queue = _flow_control_with_queue(discards)
    queue.put_nowait("an event handed on but not handled yet")
    flow_control.resume()
    assert queue.empty(), "Faust's own clearing still happens"
    assert discards == [1]


async def test_resuming_with_empty_queues_reports_nothing() -> None:
    discards: list[int] = []
    flow_control, _queue = _flow_control_with_queue(discards)
    flow_control.resume()
    flow_control.clear()
    assert discards == []


async def test_the_app_has_its_consumer_fetch_again_what_its_flow_control_threw_away() -> None:
    app = MusterApp("flow-control-test", broker="kafka://127.0.0.1:1", autodiscover=False)
    queue: FlowControlQueue = FlowControlQueue(flow_control=app.flow_control, clear_on_resume=True)
    queue.put_nowait("an event")
    assert not app.consumer._refetch_pending
    app.flow_control.resume()
    assert app.consumer._refetch_pending
