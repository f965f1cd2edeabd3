"""``muster alerts forward``: post the alerts topic to Alertmanager, at least once.

Records are read in batches and posted as one list; the batch's offsets are committed only
once Alertmanager answered 2xx for every alert in it, or an alert it refused (or a record
that is no alert) is in the dead-letter topic. Connection errors, 429, 5xx and the other
4xx are retried with capped, jittered backoff, forever: the forwarder never skips ahead.
A batch Alertmanager refuses (400, 413, 422) is posted again alert by alert, since
Alertmanager keeps the valid alerts of a refused list, so only the bad ones are dead-lettered.

Partitions are assigned, not subscribed: while Alertmanager is down the forwarder does not
poll, and a subscribed consumer would be rebalanced away from its unacknowledged batch.
The group only stores offsets; run one forwarder per group (a second one would post the
same alerts again, which Alertmanager merges by their labels).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord

from streams.alertmanager import (
    AlertmanagerClient,
    AlertRejectedError,
    Backoff,
    Verdict,
    deliver,
    postable_alert,
    read_alert,
)
from streams.deadletter import dead_letter_headers
from streams.errors import InputError
from streams.events import Origin
from streams.kafka_io import MAX_MESSAGE_BYTES, new_producer, partitions_of, resume_from_committed
from streams.kafka_security import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)

STAGE = "forward"
BATCH_SIZE = 100
POLL_MS = 500
HTTP_TIMEOUT_S = 10.0


@dataclass
class ForwardReport:
    """What the forwarder has done so far; read it after a stop, too."""

    forwarded: int = 0
    dead_lettered: int = 0

    @property
    def total(self) -> int:
        return self.forwarded + self.dead_lettered


class AlertForwarder:
    """One forwarding run: consumer, dead-letter producer and HTTP session are its own."""

    def __init__(
        self,
        settings: Settings,
        *,
        alertmanager_url: str,
        limit: int | None = None,
        idle_timeout_s: float | None = None,
    ) -> None:
        self.settings = settings
        self.alertmanager_url = alertmanager_url
        self.limit = limit
        self.idle_timeout_s = idle_timeout_s
        self.backoff = Backoff()
        self.report = ForwardReport()

    async def run(self) -> None:
        """Forward until ``limit`` records are done or ``idle_timeout_s`` passes without any."""
        partitions = await partitions_of(self.settings, [self.settings.alerts_topic])
        consumer = AIOKafkaConsumer(
            **client_options(self.settings),
            group_id=self.settings.alerts_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_partition_fetch_bytes=MAX_MESSAGE_BYTES,
        )
        producer = new_producer(self.settings)
        await consumer.start()
        await producer.start()
        try:
            consumer.assign(partitions)
            await resume_from_committed(consumer, partitions)
            timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_S)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                client = AlertmanagerClient(session, self.alertmanager_url)
                await self._loop(consumer, producer, client)
        finally:
            await producer.stop()
            await consumer.stop()

    async def _loop(
        self, consumer: AIOKafkaConsumer, producer: AIOKafkaProducer, client: AlertmanagerClient
    ) -> None:
        last_record = time.monotonic()
        while self.limit is None or self.report.total < self.limit:
            room = BATCH_SIZE if self.limit is None else self.limit - self.report.total
            batches = await consumer.getmany(timeout_ms=POLL_MS, max_records=min(room, BATCH_SIZE))
            records = [record for batch in batches.values() for record in batch]
            if records:
                await self._handle(records, producer, client)
                await consumer.commit(
                    {partition: batch[-1].offset + 1 for partition, batch in batches.items()}
                )
                last_record = time.monotonic()
            elif (
                self.idle_timeout_s is not None
                and time.monotonic() - last_record > self.idle_timeout_s
            ):
                return

    async def _handle(
        self,
        records: list[ConsumerRecord],
        producer: AIOKafkaProducer,
        client: AlertmanagerClient,
    ) -> None:
        """Deliver or dead-letter every record of a batch; return only when all are done."""
        postable: list[tuple[ConsumerRecord, dict[str, Any]]] = []
        for record in records:
            try:
                postable.append((record, postable_alert(read_alert(record.value))))
            except InputError as error:
                await self._dead_letter(producer, record, error)
        if not postable:
            return
        alerts = [alert for _, alert in postable]
        answer = await deliver(client.post, alerts, self.backoff)
        if answer.verdict is Verdict.REJECTED and len(alerts) > 1:
            answers = [await deliver(client.post, [alert], self.backoff) for alert in alerts]
        else:
            answers = [answer] * len(alerts)
        for (record, _), answer in zip(postable, answers, strict=True):
            if answer.verdict is Verdict.DELIVERED:
                self.report.forwarded += 1
            else:
                error = AlertRejectedError(f"Alertmanager answered {answer.status}: {answer.body}")
                await self._dead_letter(producer, record, error)

    async def _dead_letter(
        self, producer: AIOKafkaProducer, record: ConsumerRecord, error: InputError
    ) -> None:
        origin = Origin(record.topic, record.partition, record.offset)
        log.warning("dead letter reason=%s at %s: %s", error.reason, origin.as_key(), error)
        await producer.send_and_wait(
            self.settings.deadletter_topic,
            value=record.value,
            key=record.key,
            headers=dead_letter_headers(stage=STAGE, error=error, origin=origin),
        )
        self.report.dead_lettered += 1


def run_until_signalled(coroutine: Coroutine[Any, Any, Any]) -> None:
    """Run ``coroutine`` until it ends or SIGTERM or SIGINT cancels it.

    Cancelling is safe: a batch that was not acknowledged is not committed, and is posted
    again by the next run.
    """

    async def main() -> None:
        task = asyncio.ensure_future(coroutine)
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(number, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(main())
