"""The mobilization-signal tagger: a pure function from article text to signals.

``tag_article`` is what the tag agent and ``muster tag`` both call. It needs no broker and no
event loop, and never imports Faust. The language's lexicon (``lexicons/<lang>/``) holds every
word it looks for; a language with no lexicon yields no signals.
"""

from __future__ import annotations

from streams.normalize import Article
from streams.tagger.aggregate import summarize
from streams.tagger.engine import find_signals
from streams.tagger.lexicon import available_languages, load_lexicon
from streams.tagger.model import (
    CONTEXT_TYPES,
    MOBILIZATION_TYPES,
    POLARITIES,
    SIGNAL_TYPES,
    Evidence,
    Signal,
    TagResult,
)

TAGGER_VERSION = "1"

__all__ = [
    "CONTEXT_TYPES",
    "MOBILIZATION_TYPES",
    "POLARITIES",
    "SIGNAL_TYPES",
    "TAGGER_VERSION",
    "Evidence",
    "Signal",
    "TagResult",
    "available_languages",
    "tag_article",
    "tag_text",
]


def tag_text(
    title: str, body: str, *, language: str = "en", reference_year: int | None = None
) -> TagResult:
    """Tag normalized text; ``reference_year`` is the news's own year (for past years)."""
    lexicon = load_lexicon(language)
    if lexicon is None:
        return summarize(language, [], truncated=False)
    signals, truncated = find_signals(lexicon, (("title", title), ("body", body)), reference_year)
    return summarize(language, signals, truncated=truncated)


def tag_article(article: Article) -> TagResult:
    """Tag a normalized article, dating its background by when it was published or received."""
    dated = article.published_at or article.received_at
    return tag_text(
        article.title,
        article.body,
        language=article.language,
        reference_year=int(dated[:4]) if dated else None,
    )
