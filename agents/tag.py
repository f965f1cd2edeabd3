"""The tag agent: normalized articles in; enriched and mobilization events out.

It also drops exact re-sends. Its input is keyed by content fingerprint, so every copy of an
article lands on one partition, where a table (backed by a changelog topic) remembers where
each fingerprint was first read. A later copy from another raw offset is a duplicate and is
skipped; the same raw offset seen again is a redelivery after a crash and is tagged again,
yielding the same bytes and event ids, so at-least-once never turns into at-most-once.
"""

from __future__ import annotations

import faust
from faust.types import AgentT, Message

from agents.deadletters import send_dead_letter
from agents.publish import Publisher
from agents.stage import register_stage
from streams.app import Pipeline
from streams.metrics import (
    ARTICLES,
    MOBILIZATION_EVENTS,
    PROCESSING_SECONDS,
    SIGNALS,
    TABLE_KEYS,
    actor_labels,
)
from streams.stages import read_normalized, tag_stage

STAGE = "tag"
FINGERPRINT_TABLE = "fingerprints"


def register_tag(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    first_seen = pipeline.app.Table(
        FINGERPRINT_TABLE,
        default=None,
        partitions=pipeline.catalog.normalized.partitions,
        schema=faust.Schema(
            key_type=str, value_type=str, key_serializer="json", value_serializer="json"
        ),
        help="Where each content fingerprint was first read (topic:partition:offset).",
    )
    TABLE_KEYS.labels(FINGERPRINT_TABLE).set_function(lambda: len(first_seen))
    seconds = PROCESSING_SECONDS.labels(STAGE)
    publisher = Publisher(pipeline)

    async def handle(message: Message) -> None:
        try:
            with seconds.time():
                article, origin = read_normalized(message.value)
                first = first_seen.get(article.fingerprint)
                if first is not None and first != origin.as_key():
                    ARTICLES.labels(STAGE, "duplicate").inc()
                    return
                tagged = tag_stage(article)
        except Exception as error:
            await send_dead_letter(pipeline, stage=STAGE, message=message, error=error)
            return
        await publisher.send(topics.enriched, source=message, key=tagged.key, value=tagged.enriched)
        if tagged.mobilization is not None:
            await publisher.send(
                topics.mobilization, source=message, key=tagged.key, value=tagged.mobilization
            )
            for actor in actor_labels(tagged.result.actors):
                MOBILIZATION_EVENTS.labels(actor).inc()
        first_seen[article.fingerprint] = origin.as_key()
        ARTICLES.labels(STAGE, "accepted").inc()
        for signal in tagged.result.signals:
            for actor in actor_labels(signal.actors):
                SIGNALS.labels(signal.type, signal.polarity, actor).inc()

    return register_stage(pipeline, name=STAGE, source=topics.normalized, handle=handle)
