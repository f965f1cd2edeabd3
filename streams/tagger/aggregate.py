"""From sentence-level signals to the article's verdict.

The same event told in the headline and again in the body is one signal: signals are merged
by (type, polarity, actors), keeping the most confident, body first on ties since the body's
sentence carries more detail. The article is a mobilization article when any mobilization type
is asserted; its score is the chance that at least one asserted mobilization signal is right,
taking each signal's confidence as independent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from streams.tagger.model import Signal, TagResult


def merge_repeats(signals: Iterable[Signal]) -> list[Signal]:
    """One signal per (type, polarity, actors), in reading order of the kept ones."""
    best: dict[tuple[str, str, tuple[str, ...]], Signal] = {}
    for signal in signals:
        key = (signal.type, signal.polarity, signal.actors)
        kept = best.get(key)
        if kept is None or _rank(signal) > _rank(kept):
            best[key] = signal
    return sorted(best.values(), key=lambda s: (s.evidence.field != "title", s.evidence.start))


def _rank(signal: Signal) -> tuple[float, bool]:
    return (signal.confidence, signal.evidence.field == "body")


def summarize(language: str, signals: Iterable[Signal], *, truncated: bool) -> TagResult:
    merged = merge_repeats(signals)
    asserted = [signal for signal in merged if signal.is_mobilization]
    miss = 1.0
    for signal in asserted:
        miss *= 1.0 - signal.confidence
    return TagResult(
        language=language,
        mobilization=bool(asserted),
        score=round(1.0 - miss, 3),
        actors=tuple(sorted({actor for signal in asserted for actor in signal.actors})),
        type_counts=dict(Counter(s.type for s in merged if s.polarity == "asserted")),
        signals=tuple(merged),
        truncated=truncated,
    )
