"""Routing a failed message to the dead-letter topic, with its original key and bytes."""

from __future__ import annotations

import logging

from faust.types import Message

from agents.publish import Publisher
from streams.app import Pipeline
from streams.deadletter import dead_letter_headers, failure_reason
from streams.errors import InputError
from streams.events import Origin
from streams.metrics import ARTICLES, DEAD_LETTERS

log = logging.getLogger(__name__)


def origin_of(message: Message) -> Origin:
    return Origin(message.topic, message.partition, message.offset)


async def send_dead_letter(
    pipeline: Pipeline, *, stage: str, message: Message, error: Exception
) -> None:
    """Publish the message unchanged to the dead-letter topic and count why."""
    origin = origin_of(message)
    reason = failure_reason(error)
    context = {
        "stage": stage,
        "topic": origin.topic,
        "partition": origin.partition,
        "offset": origin.offset,
    }
    if isinstance(error, InputError):
        log.warning(
            "dead letter stage=%s reason=%s at %s: %s",
            stage,
            reason,
            origin.as_key(),
            error,
            extra=context,
        )
    else:
        log.exception(
            "internal error stage=%s at %s; message dead-lettered",
            stage,
            origin.as_key(),
            extra=context,
        )
    await Publisher(pipeline).send(
        pipeline.topics.deadletter,
        source=message,
        key=message.key,
        value=message.value,
        headers=dead_letter_headers(stage=stage, error=error, origin=origin),
    )
    DEAD_LETTERS.labels(stage, reason).inc()
    ARTICLES.labels(stage, "dead_letter").inc()
