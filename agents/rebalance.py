"""Seeking a worker's partitions to their committed offsets as soon as they are assigned.

After a rebalance, faust-streaming resumes the stream partitions and only then seeks them to
their committed offsets (``Recovery.on_recovery_completed``), while its fetcher has been
running since table recovery began. In between, the fetcher can read a partition from where
this worker had read it before the rebalance, past the committed offset. On that first
message ``Consumer._drain_messages`` records the offsets from the committed one to the
fetched one as a gap and treats the gap as acknowledged, so those articles are committed
without ever being processed: the loss ``test_second_worker_takes_over_when_one_is_killed``
caught under load. Seeking every assigned partition while Faust still holds them paused
makes the first fetch after the resume start at the committed offset.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.types import TP

from streams.app import Pipeline


def register_seek_on_assignment(pipeline: Pipeline) -> None:
    @pipeline.app.on_partitions_assigned.connect
    async def seek_to_committed(app: faust.App, assigned: set[TP], **_: Any) -> None:
        if assigned:
            await app.consumer.perform_seek()
