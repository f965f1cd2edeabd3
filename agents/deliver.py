"""The deliver agent: tagged articles in; enriched, mobilization and alert events out.

It drops exact re-sends. Its input is keyed by content fingerprint, so every copy of an
article lands on one partition, where a table (backed by a changelog topic) remembers where
each fingerprint was first read. A later copy from another raw offset is a duplicate and is
skipped; the same raw offset seen again is a redelivery after a crash and is delivered again,
yielding the same bytes and event ids, so at-least-once never turns into at-most-once (under
exactly-once, a copy this process already delivered is skipped: ``DeliveryLedger`` says why).

With stories on, it also decides each article's story (``agents/stories.py``) and raises the
story alerts.
"""

from __future__ import annotations

from faust.types import AgentT, Message

from agents.deadletters import send_dead_letter
from agents.publish import Publisher, publish_article
from agents.stage import register_stage
from agents.stories import StoryState
from agents.tables import json_table
from streams.app import Pipeline
from streams.catalog import ORIGIN_HEADER
from streams.codec import encode_json
from streams.delivery_ledger import DeliveryLedger
from streams.errors import DecodeError
from streams.metrics import ALERTS, ARTICLES, PROCESSING_SECONDS, TABLE_KEYS
from streams.stages import deliver_stage

STAGE = "deliver"
FINGERPRINT_TABLE = "fingerprints"


def register_deliver(pipeline: Pipeline) -> AgentT:
    topics = pipeline.topics
    first_seen = json_table(
        pipeline,
        FINGERPRINT_TABLE,
        source=pipeline.catalog.tagged,
        help="Where each content fingerprint was first read (topic:partition:offset).",
    )
    TABLE_KEYS.labels(FINGERPRINT_TABLE).set_function(lambda: len(first_seen))
    stories = StoryState(pipeline) if pipeline.settings.stories_on else None
    seconds = PROCESSING_SECONDS.labels(STAGE)
    publisher = Publisher(pipeline)
    ledger = DeliveryLedger(exactly_once=pipeline.settings.processing_guarantee == "exactly_once")

    async def handle(message: Message) -> None:
        try:
            fingerprint = (message.key or b"").decode("ascii")
            origin = _origin(message)
            if ledger.is_repeat(first_seen.get(fingerprint), origin):
                ARTICLES.labels(STAGE, "duplicate").inc()
                return
            with seconds.time():
                delivered = deliver_stage(message.value, stories.engine if stories else None)
        except Exception as error:
            await send_dead_letter(pipeline, stage=STAGE, message=message, error=error)
            return
        if stories is not None and delivered.story is not None:
            stories.store(delivered.story)
        await publish_article(
            publisher, topics, message, delivered.key, delivered.enriched, delivered.mobilization
        )
        for alert in delivered.story.alerts if delivered.story else ():
            key = alert["actor"] if alert["kind"] == "escalation" else alert["story_id"]
            await publisher.send(
                topics.alerts, source=message, key=key.encode(), value=encode_json(alert)
            )
            ALERTS.labels(alert["kind"]).inc()
        first_seen[fingerprint] = origin
        ledger.delivered(origin)
        ARTICLES.labels(STAGE, "accepted").inc()

    return register_stage(pipeline, name=STAGE, source=topics.tagged, handle=handle)


def _origin(message: Message) -> str:
    """Where the tagged article's raw message was read, from its ``muster-origin`` header."""
    origin = dict(message.headers or ()).get(ORIGIN_HEADER)
    if origin is None:
        raise DecodeError(f"the record has no {ORIGIN_HEADER} header", reason="bad_record")
    return origin.decode("utf-8")
