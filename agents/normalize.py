"""The normalize agent: raw articles in, normalized articles out keyed by fingerprint."""

from __future__ import annotations

from faust.types import AgentT, Message, StreamT

from agents.atomic import complete
from agents.deadletters import origin_of, send_dead_letter
from agents.health import run_tracked
from agents.publish import Publisher
from streams.app import Pipeline
from streams.metrics import ARTICLES, PROCESSING_SECONDS
from streams.stages import normalize_stage

STAGE = "normalize"


def register_normalize(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    max_bytes = pipeline.settings.max_article_bytes
    seconds = PROCESSING_SECONDS.labels(STAGE)
    health = pipeline.health
    publisher = Publisher(pipeline)

    @pipeline.app.agent(topics.raw, name="muster.normalize")
    async def normalize(stream: StreamT) -> None:
        await run_tracked(health, STAGE, consume, stream)

    async def consume(stream: StreamT) -> None:
        async for event in stream.events():
            await complete(handle(event.message))
            health.processed(event.message.topic, event.message.partition, event.message.offset)

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

    return normalize
