"""The story state the deliver agent keeps: a Faust table of story records and the engine.

Story membership is a global decision (a report may join a story first told anywhere), so
the tagged topic has one partition and one worker decides at a time; the others stand by and
take over on a rebalance. The story records live in a Faust table backed by a changelog
topic. The engine's in-memory index is derived from those records and rebuilt whenever the
table is recovered, so a new owner decides exactly as the old one would have.
"""

from __future__ import annotations

import logging

from agents.tables import json_table
from streams.app import Pipeline
from streams.metrics import STORIES
from streams.stories.engine import StoryEngine, StoryOutcome

log = logging.getLogger(__name__)
STORY_TABLE = "stories"


class StoryState:
    """The engine that decides, and the table that makes its decisions durable."""

    def __init__(self, pipeline: Pipeline) -> None:
        policy = pipeline.settings.story_policy
        self._table = json_table(
            pipeline,
            STORY_TABLE,
            source=pipeline.catalog.tagged,
            help="Story records by story id, kept for the story window and the escalation "
            "baseline.",
        )
        self.engine = StoryEngine(policy)

        @self._table.on_recover
        async def rebuild() -> None:
            self.engine = StoryEngine(policy, self._table.values())
            STORIES.set(len(self.engine))
            log.info("story index rebuilt from the recovered table: %d stories", len(self.engine))

    def store(self, outcome: StoryOutcome) -> None:
        """Write what the engine decided for one article to the table."""
        if outcome.record is not None:
            self._table[outcome.story["id"]] = outcome.record
        for story_id in outcome.expired:
            del self._table[story_id]
        STORIES.set(len(self.engine))
