"""Sending an agent's outputs, inside the right Kafka transaction under exactly-once.

faust-streaming's transaction manager picks the transactional producer by the *destination*
partition of each record (``TransactionManager.send``), while it commits consumer offsets in
the transaction of the *source* partition (``TransactionManager.commit``). When an article read
from partition 2 is written to partition 0, its output and its offset land in two different
transactions, so a crash between the two commits yields duplicates that even a
``read_committed`` consumer sees. Under ``exactly_once`` we therefore hand each record to the
transactional producer of the partition it was read from, by that producer's id; the record
still goes to the partition its key hashes to.
"""

from __future__ import annotations

from collections.abc import Awaitable

import faust
from faust.types import Message, RecordMetadata

from streams.app import Pipeline, PipelineTopics
from streams.codec import decode_json
from streams.metrics import MOBILIZATION_EVENTS, actor_labels


class Publisher:
    """Send records for an event read from ``source``; transactional when configured."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._app = pipeline.app
        self._exactly_once = pipeline.settings.processing_guarantee == "exactly_once"

    async def send(
        self,
        topic: faust.ChannelT,
        *,
        source: Message,
        key: bytes | None,
        value: bytes | None,
        headers: list[tuple[str, bytes]] | None = None,
    ) -> Awaitable[RecordMetadata]:
        if not self._exactly_once:
            return await topic.send(key=key, value=value, headers=headers)
        return await self._app.producer.send(
            topic.get_topic_name(),
            key,
            value,
            None,
            None,
            headers,
            transactional_id=self._transactional_id(source),
        )

    def _transactional_id(self, source: Message) -> str:
        group = self._app.assignor.group_for_topic(source.topic)
        return f"{self._app.conf.id}-{group}-{source.partition}"


async def publish_article(
    publisher: Publisher,
    topics: PipelineTopics,
    source: Message,
    key: bytes,
    enriched: bytes,
    mobilization: bytes | None,
) -> None:
    """An article's enriched event, and its mobilization event when it has one."""
    await publisher.send(topics.enriched, source=source, key=key, value=enriched)
    if mobilization is not None:
        await publisher.send(topics.mobilization, source=source, key=key, value=mobilization)
        for actor in actor_labels(decode_json(mobilization)["actors"]):
            MOBILIZATION_EVENTS.labels(actor).inc()
