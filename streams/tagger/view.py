"""One sentence as the rules see it: its text, its hits by concept, and word distances."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate, chain, compress, count
from operator import add

from streams.tagger.matcher import HIT_END, HIT_START, Hit, sort_hits

_WORD = re.compile(r"\w+")
_match_start = re.Match.start


def _word_starts(spaced: str, start: int, end: int) -> list[int]:
    """Where each word (``\\w+``) of ``text[start:end]`` starts, read from the spaced text.

    There a word is a run of characters between spaces, so splitting at spaces and summing
    the pieces' lengths finds the starts in C, without a match object per word.
    """
    pieces = spaced[start + 1 : end + 1].split(" ")
    offsets = map(add, accumulate(map(len, pieces), initial=start), count())
    return list(compress(offsets, pieces))


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

    def __init__(
        self,
        field: str,
        text: str,
        start: int,
        end: int,
        hits: list[Hit],
        spaced: str | None = None,
    ) -> None:
        """``spaced`` is the text as ``ScanText.exact`` spells it (one character ahead, every
        non-word character a space), from which word starts are read faster."""
        self.field = field
        self.text = text
        self.start = start
        self.end = end
        self.hits = hits
        if spaced is None:
            self.word_starts = list(map(_match_start, _WORD.finditer(text, start, end)))
        else:
            self.word_starts = _word_starts(spaced, start, end)
        by_concept: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_concept[hit.concept].append(hit)
        self.by_concept = by_concept
        self._ends: dict[str, list[int]] = {}
        self._starts: dict[str, list[int]] = {}
        self.memo: dict[str, object] = {}

    def add_hits(self, hits: Iterable[Hit]) -> None:
        """Add the context hits (cues, actors, places) once a rule has fired here."""
        by_concept = self.by_concept
        for hit in hits:
            by_concept[hit.concept].append(hit)
        self.hits = sort_hits(list(chain.from_iterable(by_concept.values())))
        self._ends.clear()
        self._starts.clear()
        self.memo.clear()

    @property
    def sentence(self) -> str:
        return self.text[self.start : self.end]

    def word_index(self, position: int) -> int:
        return bisect_right(self.word_starts, position) - 1

    def words_between(self, left: int, right: int) -> int:
        starts = self.word_starts
        return abs(bisect_right(starts, right) - bisect_right(starts, left))

    def has(self, concept: str) -> bool:
        return bool(self.by_concept.get(concept))

    def cue_before(self, concepts: Iterable[str], position: int, reach: int) -> bool:
        """Is a hit of one of ``concepts`` ending before ``position``, at most ``reach`` words
        before it? The reach is measured only once a hit ends before the position."""
        floor: int | None = None
        cached = self._ends
        for concept in concepts:
            ends = cached.get(concept)
            if ends is None:
                ends = self._sorted_ends(concept)
            index = bisect_right(ends, position)
            if not index:
                continue
            if floor is None:
                starts = self.word_starts
                first_word = max(0, bisect_right(starts, position) - 1 - reach)
                floor = starts[first_word] if starts else self.start
            if ends[index - 1] > floor:
                return True
        return False

    def hits_in(self, concept: str, left: int, right: int) -> list[Hit]:
        """Hits of ``concept`` that start in [left, right)."""
        group = self.by_concept.get(concept)
        if not group:
            return []
        starts = self._starts.get(concept)
        if starts is None:
            starts = self._sorted_starts(concept)
        return group[bisect_left(starts, left) : bisect_left(starts, right)]

    def within_words(self, concept: str, position: int, words: int) -> list[Hit]:
        """Hits of ``concept`` that start within ``words`` words of ``position``."""
        starts = self.word_starts
        index = bisect_right(starts, position) - 1
        low = starts[max(0, index - words)] if starts else self.start
        high_index = index + words + 1
        high = starts[high_index] if high_index < len(starts) else self.end
        return self.hits_in(concept, low, high)

    def _sorted_starts(self, concept: str) -> list[int]:
        starts = list(map(HIT_START, self.by_concept.get(concept, ())))
        self._starts[concept] = starts
        return starts

    def _sorted_ends(self, concept: str) -> list[int]:
        ends = sorted(map(HIT_END, self.by_concept.get(concept, ())))
        self._ends[concept] = ends
        return ends
