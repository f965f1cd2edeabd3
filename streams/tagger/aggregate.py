"""From sentence-level signals to the article's verdict.

The same event told in the headline and again in the body is one signal: signals are merged
by (type, polarity, actors), keeping the most confident, body first on ties since the body's
sentence carries more detail. Signals come in as ``Reading``s, read only as far as the merge
needs, and only the kept ones are read in full. A report from social media or unnamed press
that the article also denies is the denied report, not an event. The article is a
mobilization article when any mobilization type is asserted; its score is the chance that at
least one asserted mobilization signal is right, taking each signal's confidence as
independent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from streams.tagger.model import Signal, TagResult
from streams.tagger.reading import Reading, read_signal

UNOFFICIAL_SOURCE = "UNOFFICIAL_SOURCE"


def settle_denied_reports(readings: list[Reading]) -> list[Reading]:
    """An asserted signal read from an unofficial report (social media, channels, unnamed
    press) is negated when the article denies a signal of its type anywhere: under "Budapest
    denies moving troops to the border", "Telegram channels said Hungary is moving troops"
    tells the denied movement, not a second one. A state's own claim is not settled so:
    "Kinshasa accused Rwanda of sending troops; Kigali denied it" asserts and denies."""
    denied = {reading.rule.type for reading in readings if reading.polarity == "negated"}
    if not denied:
        return readings
    return [
        reading._replace(polarity="negated")
        if reading.polarity == "asserted"
        and reading.rule.type in denied
        and reading.view.has(UNOFFICIAL_SOURCE)
        else reading
        for reading in readings
    ]


def merge_repeats(readings: Iterable[Reading]) -> list[Signal]:
    """One signal per (type, polarity, actors), in reading order of the kept ones."""
    best: dict[tuple[str, str, tuple[str, ...]], Reading] = {}
    for reading in readings:
        key = (reading.rule.type, reading.polarity, reading.actors)
        kept = best.get(key)
        if kept is None or _rank(reading) > _rank(kept):
            best[key] = reading
    kept_readings = sorted(best.values(), key=lambda r: (r.view.field != "title", r.view.start))
    return [read_signal(reading) for reading in kept_readings]


def _rank(reading: Reading) -> tuple[float, bool]:
    return (reading.confidence, reading.view.field == "body")


def summarize(language: str, readings: Iterable[Reading], *, truncated: bool) -> TagResult:
    merged = merge_repeats(settle_denied_reports(list(readings)))
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
