"""``muster tag``: the pipeline's stages over files, with no broker.

It runs exactly the functions the agents call, so its output is the enriched event the
pipeline would publish for the same input (``received_at`` aside, which only a broker sets).
"""

from __future__ import annotations

import sys
from typing import IO

from streams.errors import InputError
from streams.inputs import read_messages
from streams.settings import Settings
from streams.stages import deliver_stage, normalize_stage, tag_stage
from streams.stories.engine import StoryEngine


def tag_messages(source: str, settings: Settings, out: IO[str]) -> int:
    """Write one enriched event per article; report bad input on stderr; 1 if any was bad.

    With stories on, the articles are grouped in the order read, as one story agent would.
    """
    stories = StoryEngine(settings.story_policy) if settings.stories_on else None
    failures = 0
    for index, message in enumerate(read_messages(source)):
        try:
            article = normalize_stage(
                message, timestamp_s=None, max_bytes=settings.max_article_bytes
            )
            tagged = tag_stage(article)
        except InputError as error:
            failures += 1
            print(f"muster tag: article {index}: {error.reason}: {error}", file=sys.stderr)
            continue
        out.write(deliver_stage(tagged.enriched, stories).enriched.decode("utf-8") + "\n")
    return 1 if failures else 0
