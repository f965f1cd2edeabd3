"""One sentence as the rules see it: its text, its hits by concept, and word distances."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable

from streams.tagger.matcher import Hit

_WORD = re.compile(r"\w+")


class SentenceView:
    """A sentence of a field's text with the lexicon hits inside it."""

    __slots__ = (
        "_ends",
        "_starts",
        "by_concept",
        "end",
        "field",
        "hits",
        "memo",
        "start",
        "text",
        "word_starts",
    )

    def __init__(self, field: str, text: str, start: int, end: int, hits: list[Hit]) -> None:
        self.field = field
        self.text = text
        self.start = start
        self.end = end
        self.hits = hits
        self.word_starts = [match.start() for match in _WORD.finditer(text, start, end)]
        self.by_concept: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            self.by_concept[hit.concept].append(hit)
        self._ends: dict[str, list[int]] = {}
        self._starts: dict[str, list[int]] = {}
        self.memo: dict[str, object] = {}

    def add_hits(self, hits: Iterable[Hit]) -> None:
        """Add the context hits (cues, actors, places) once a rule has fired here."""
        for hit in hits:
            self.by_concept[hit.concept].append(hit)
        self.hits = sorted(
            (hit for group in self.by_concept.values() for hit in group),
            key=lambda hit: (hit.start, -hit.end),
        )
        self._ends.clear()
        self._starts.clear()
        self.memo.clear()

    @property
    def sentence(self) -> str:
        return self.text[self.start : self.end]

    def word_index(self, position: int) -> int:
        return bisect_right(self.word_starts, position) - 1

    def words_between(self, left: int, right: int) -> int:
        return abs(self.word_index(right) - self.word_index(left))

    def has(self, concept: str) -> bool:
        return bool(self.by_concept.get(concept))

    def cue_before(self, concepts: Iterable[str], position: int, reach: int) -> bool:
        """Is a hit of one of ``concepts`` ending before ``position``, at most ``reach`` words
        before it?"""
        first_word = max(0, self.word_index(position) - reach)
        floor = self.word_starts[first_word] if self.word_starts else self.start
        for concept in concepts:
            ends = self._sorted_ends(concept)
            index = bisect_right(ends, position)
            if index and ends[index - 1] > floor:
                return True
        return False

    def hits_in(self, concept: str, left: int, right: int) -> list[Hit]:
        """Hits of ``concept`` that start in [left, right)."""
        group = self.by_concept.get(concept, [])
        starts = self._sorted_starts(concept)
        return group[bisect_left(starts, left) : bisect_left(starts, right)]

    def within_words(self, concept: str, position: int, words: int) -> list[Hit]:
        """Hits of ``concept`` that start within ``words`` words of ``position``."""
        index = self.word_index(position)
        low = self.word_starts[max(0, index - words)] if self.word_starts else self.start
        high_index = index + words + 1
        high = self.word_starts[high_index] if high_index < len(self.word_starts) else self.end
        return self.hits_in(concept, low, high)

    def _sorted_starts(self, concept: str) -> list[int]:
        starts = self._starts.get(concept)
        if starts is None:
            starts = [hit.start for hit in self.by_concept.get(concept, ())]
            self._starts[concept] = starts
        return starts

    def _sorted_ends(self, concept: str) -> list[int]:
        ends = self._ends.get(concept)
        if ends is None:
            ends = sorted(hit.end for hit in self.by_concept.get(concept, ()))
            self._ends[concept] = ends
        return ends
