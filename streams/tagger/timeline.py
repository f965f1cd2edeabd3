"""Which sentences speak of an older episode, paragraph by paragraph.

News sets background apart in paragraphs that open with a time ("In October 1973, ...",
"Last year, ...") and go on without repeating it. A sentence with no time of its own in such a
paragraph is background too, until a sentence brings the story back to the present ("now",
"this year", a weekday). Paragraphs are separated by blank lines in normalized text.
A retrospective article (its headline is about the past: "50 years after the Yom Kippur war")
starts every paragraph in the past.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from streams.tagger.lexicon import Lexicon
from streams.tagger.matcher import ScanText

# A year from 1800 to 2099 standing alone; the look-behind is the word boundary before it,
# placed after the first two digits so that the regex engine can skip to a "1" or "2".
YEAR = re.compile(r"(?:1[89]|20)(?<!\w..)\d\d\b")


def past_years(text: str, start: int, end: int, reference_year: int | None) -> list[int]:
    """Positions of years before the news's own year in ``text[start:end]``."""
    if reference_year is None:
        return []
    return [
        match.start()
        for match in YEAR.finditer(text, start, end)
        if int(match.group()) < reference_year
    ]


class Timeline:
    """For each sentence: does it sit in a paragraph that is, so far, about the past?"""

    def __init__(
        self,
        lexicon: Lexicon,
        scan: ScanText,
        spans: list[tuple[int, int]],
        reference_year: int | None,
        *,
        retrospective: bool = False,
    ) -> None:
        text = scan.original
        hits = lexicon.times.find(scan)
        past = sorted(
            [hit.start for hit in hits if hit.concept == "HISTORICAL"]
            + past_years(text, 0, len(text), reference_year)
        )
        recent = [hit.start for hit in hits if hit.concept == "RECENT"]
        self._background: list[bool] = []
        state = retrospective
        previous_end = 0
        for start, end in spans:
            if "\n\n" in text[previous_end:start]:
                state = retrospective
            self._background.append(state)
            if _any_in(recent, start, end):
                state = False
            elif _any_in(past, start, end):
                state = True
            previous_end = end

    def in_background(self, index: int) -> bool:
        """Is sentence ``index`` in a paragraph that an earlier sentence set in the past?"""
        return self._background[index]


def _any_in(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def is_retrospective(lexicon: Lexicon, title: ScanText, reference_year: int | None) -> bool:
    """Is a headline about the past (a time in the past, and none in the present)? Not a fact
    check's ("Fact check: video of 'NATO tanks heading for Russia' is from 2020 exercise"): it
    dates the footage it debunks, and the article is about today's claim."""
    hits = lexicon.times.find(title)
    if any(hit.concept in ("RECENT", "FACT_CHECK") for hit in hits):
        return False
    past = any(hit.concept == "HISTORICAL" for hit in hits)
    text = title.original
    return past or bool(past_years(text, 0, len(text), reference_year))
