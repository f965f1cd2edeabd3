"""What the tagger's tests compare: the (type, polarity) pairs an article is tagged with."""

from __future__ import annotations

from streams.tagger import tag_text

REFERENCE_YEAR = 2026


def title_pairs(title: str, body: str, language: str = "en") -> set[tuple[str, str]]:
    result = tag_text(title, body, language=language, reference_year=REFERENCE_YEAR)
    return {(s.type, s.polarity) for s in result.signals}


def pairs(body: str) -> set[tuple[str, str]]:
    return title_pairs("", body)
