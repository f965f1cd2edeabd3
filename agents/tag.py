"""The tag agent: raw articles in; tagged articles out, keyed by content fingerprint.

All the heavy, per-article work (normalizing, detecting the language, tagging) happens here,
on the raw topic's partitions, so it spreads over every worker of the group. What it hands on
is the enriched event with its story not decided yet; the deliver agent decides the rest.
Each record carries, in its ``muster-origin`` header, where its raw message was read, which is
how the deliver agent tells a redelivery from a duplicate.
"""

from __future__ import annotations

from faust.types import AgentT, Message

from agents.deadletters import origin_of, send_dead_letter
from agents.publish import Publisher
from agents.stage import register_stage
from streams.app import Pipeline
from streams.catalog import ORIGIN_HEADER
from streams.metrics import ARTICLES, PROCESSING_SECONDS, SIGNALS, actor_labels
from streams.stages import normalize_stage, tag_stage


def register_tag(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    max_bytes = pipeline.settings.max_article_bytes
    normalize_seconds = PROCESSING_SECONDS.labels("normalize")
    tag_seconds = PROCESSING_SECONDS.labels("tag")
    publisher = Publisher(pipeline)

    async def handle(message: Message) -> None:
        stage = "normalize"
        try:
            with normalize_seconds.time():
                article = normalize_stage(
                    message.value, timestamp_s=message.timestamp, max_bytes=max_bytes
                )
            ARTICLES.labels(stage, "accepted").inc()
            stage = "tag"
            with tag_seconds.time():
                tagged = tag_stage(article)
        except Exception as error:
            await send_dead_letter(pipeline, stage=stage, message=message, error=error)
            return
        origin = origin_of(message).as_key().encode("utf-8")
        await publisher.send(
            topics.tagged,
            source=message,
            key=tagged.fingerprint,
            value=tagged.enriched,
            headers=[(ORIGIN_HEADER, origin)],
        )
        ARTICLES.labels(stage, "accepted").inc()
        for signal in tagged.result.signals:
            for actor in actor_labels(signal.actors):
                SIGNALS.labels(signal.type, signal.polarity, actor).inc()

    return register_stage(pipeline, name="tag", source=topics.raw, handle=handle)
