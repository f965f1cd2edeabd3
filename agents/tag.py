"""The tag agent: normalized articles in; enriched and mobilization events out.

With stories on, the tagged article goes to the one-partition tagged topic instead, where the
story agent adds its story before publishing the same two events.

It also drops exact re-sends. Its input is keyed by content fingerprint, so every copy of an
article lands on one partition, where a table (backed by a changelog topic) remembers where
each fingerprint was first read. A later copy from another raw offset is a duplicate and is
skipped; the same raw offset seen again is a redelivery after a crash and is tagged again,
yielding the same bytes and event ids, so at-least-once never turns into at-most-once.
"""

from __future__ import annotations

from faust.types import AgentT, Message

from agents.deadletters import send_dead_letter
from agents.publish import Publisher, publish_article
from agents.stage import register_stage
from agents.tables import json_table
from streams.app import Pipeline
from streams.metrics import ARTICLES, PROCESSING_SECONDS, SIGNALS, TABLE_KEYS, actor_labels
from streams.stages import read_normalized, tag_stage

STAGE = "tag"
FINGERPRINT_TABLE = "fingerprints"


def register_tag(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    first_seen = json_table(
        pipeline,
        FINGERPRINT_TABLE,
        source=pipeline.catalog.normalized,
        help="Where each content fingerprint was first read (topic:partition:offset).",
    )
    TABLE_KEYS.labels(FINGERPRINT_TABLE).set_function(lambda: len(first_seen))
    seconds = PROCESSING_SECONDS.labels(STAGE)
    stories_on = pipeline.settings.stories_on
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
        if stories_on:
            await publisher.send(
                topics.tagged, source=message, key=tagged.key, value=tagged.enriched
            )
        else:
            await publish_article(
                publisher, topics, message, tagged.key, tagged.enriched, tagged.mobilization
            )
        first_seen[article.fingerprint] = origin.as_key()
        ARTICLES.labels(STAGE, "accepted").inc()
        for signal in tagged.result.signals:
            for actor in actor_labels(signal.actors):
                SIGNALS.labels(signal.type, signal.polarity, actor).inc()

    return register_stage(pipeline, name=STAGE, source=topics.normalized, handle=handle)
