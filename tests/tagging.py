"""What the tagger's tests compare: the (type, polarity) pairs an article is tagged with."""

from __future__ import annotations

import json

from streams.article import parse_raw_article
from streams.normalize import normalize_article
from streams.tagger import tag_article, tag_text

REFERENCE_YEAR = 2026


def title_pairs(title: str, body: str, language: str = "en") -> set[tuple[str, str]]:
    result = tag_text(title, body, language=language, reference_year=REFERENCE_YEAR)
    return {(s.type, s.polarity) for s in result.signals}


def pairs(body: str) -> set[tuple[str, str]]:
    return title_pairs("", body)


def assert_the_seed_yields_what_signals_md_lists(
    seed: str, language: str, *, attribution: str
) -> None:
    """The seed article translated into ``language`` (headline on its first line), through
    language detection and the tagger, gives every signal SIGNALS.md lists for the seed."""
    raw = {
        "id": f"seed-{language}",
        "url": f"https://example.org/{language}",
        "title": seed.split("\n")[0],
        "body": seed,
        "source": "seed",
        "published_at": "2023-01-24T12:00:00Z",
    }
    article = normalize_article(parse_raw_article(json.dumps(raw).encode(), max_bytes=1_000_000))
    assert article.language == language
    result = tag_article(article)
    assert result.mobilization
    found = {(s.type, s.polarity, s.actors) for s in result.signals}
    (storage,) = [s for s in result.signals if s.type == "equipment_from_storage"]
    assert (storage.polarity, storage.actors) == ("asserted", ("BLR",))
    assert storage.attribution == attribution
    assert ("force_grouping", "asserted", ("BLR", "RUS")) in found
    assert ("military_exercise", "asserted", ("BLR", "RUS")) in found
    assert ("troop_movement", "historical", ("RUS",)) in found
    moves = [s for s in result.signals if s.type == "troop_movement" and s.polarity == "asserted"]
    assert [(s.actors, s.target) for s in moves] == [(("BLR",), "UKR")]
    assert ("threat", "asserted", ("BLR",)) in found
    assert ("de_escalation", "asserted", ("UKR",)) in found
