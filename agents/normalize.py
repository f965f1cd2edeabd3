"""The normalize agent: raw articles in, normalized articles out keyed by fingerprint."""

from __future__ import annotations

from faust.types import AgentT, Message

from agents.deadletters import origin_of, send_dead_letter
from agents.publish import Publisher
from agents.stage import register_stage
from streams.app import Pipeline
from streams.metrics import ARTICLES, PROCESSING_SECONDS
from streams.stages import normalize_stage

STAGE = "normalize"


def register_normalize(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    max_bytes = pipeline.settings.max_article_bytes
    seconds = PROCESSING_SECONDS.labels(STAGE)
    publisher = Publisher(pipeline)

    async def handle(message: Message) -> None:
        try:
            with seconds.time():
                record = normalize_stage(
                    message.value,
                    origin=origin_of(message),
                    timestamp_s=message.timestamp,
                    max_bytes=max_bytes,
                )
        except Exception as error:
            await send_dead_letter(pipeline, stage=STAGE, message=message, error=error)
            return
        await publisher.send(topics.normalized, source=message, key=record.key, value=record.value)
        ARTICLES.labels(STAGE, "accepted").inc()

    return register_stage(pipeline, name=STAGE, source=topics.raw, handle=handle)
