"""The story agent: tagged articles in; enriched, mobilization and alert events out.

Story membership is a global decision (a report may join a story first told anywhere), so
its input topic has one partition and one worker decides at a time; the others stand by and
take over on a rebalance. The story records live in a Faust table backed by a changelog
topic. The engine's in-memory index is derived from those records and rebuilt whenever the
table is recovered, so a new owner decides exactly as the old one would have.
"""

from __future__ import annotations

import logging

from faust.types import AgentT, Message

from agents.deadletters import send_dead_letter
from agents.publish import Publisher, publish_article
from agents.stage import register_stage
from agents.tables import json_table
from streams.app import Pipeline
from streams.codec import decode_json, encode_json
from streams.events import mobilization_event
from streams.metrics import ALERTS, ARTICLES, PROCESSING_SECONDS, STORIES
from streams.stories.engine import StoryEngine

log = logging.getLogger(__name__)
STAGE = "stories"
STORY_TABLE = "stories"


def register_stories(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    policy = pipeline.settings.story_policy
    table = json_table(
        pipeline,
        STORY_TABLE,
        source=pipeline.catalog.tagged,
        help="Story records by story id, kept for the story window and the escalation baseline.",
    )
    engines = [StoryEngine(policy)]
    seconds = PROCESSING_SECONDS.labels(STAGE)
    publisher = Publisher(pipeline)

    @table.on_recover
    async def rebuild() -> None:
        engines[0] = StoryEngine(policy, table.values())
        STORIES.set(len(engines[0]))
        log.info("story index rebuilt from the recovered table: %d stories", len(engines[0]))

    async def handle(message: Message) -> None:
        engine = engines[0]
        try:
            with seconds.time():
                enriched = decode_json(message.value)
                outcome = engine.process(enriched)
                enriched["story"] = outcome.story
                value = encode_json(enriched)
                mobilization = mobilization_event(enriched)
        except Exception as error:
            await send_dead_letter(pipeline, stage=STAGE, message=message, error=error)
            return
        if outcome.record is not None:
            table[outcome.story["id"]] = outcome.record
        for story_id in outcome.expired:
            del table[story_id]
        await publish_article(
            publisher,
            topics,
            message,
            message.key,
            value,
            encode_json(mobilization) if mobilization is not None else None,
        )
        for alert in outcome.alerts:
            key = alert["actor"] if alert["kind"] == "escalation" else alert["story_id"]
            await publisher.send(
                topics.alerts, source=message, key=key.encode(), value=encode_json(alert)
            )
            ALERTS.labels(alert["kind"]).inc()
        ARTICLES.labels(STAGE, "accepted").inc()
        STORIES.set(len(engine))

    return register_stage(pipeline, name=STAGE, source=topics.tagged, handle=handle)
