"""Multi-pattern term matching in one pass over the text (Aho-Corasick, via pyahocorasick).

Every lexicon term of a language goes into one automaton, so finding all of them costs time
linear in the text's length whatever the lexicon's size, and no pattern can backtrack. Terms
match whole words: a term ending in ``*`` matches any word that starts with it
(``mobiliz*``: mobilize, mobilized, mobilization), others must end at a word boundary.
Case-sensitive terms (``US``, modal ``may``) live in a second automaton over the original text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick


class Hit(NamedTuple):
    """One occurrence of a term: its concept (``MOVE``, ``actor:RUS``...) and its span."""

    concept: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Term:
    """A lexicon entry: the text to find, the concepts it stands for, and how it matches."""

    text: str
    concepts: tuple[str, ...]
    case_sensitive: bool = False


class TermMatcher:
    """All terms of one language, compiled once; ``find`` is linear in the text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        folded: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        exact: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for term in terms:
            is_prefix = term.text.endswith("*")
            key = term.text.rstrip("*")
            table = exact if term.case_sensitive else folded
            table[key if term.case_sensitive else key.lower()].extend(
                (concept, is_prefix) for concept in term.concepts
            )
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def find(
        self, text: str, folded: str | None = None, start: int = 0, end: int | None = None
    ) -> list[Hit]:
        """Every whole-word occurrence of every term in ``text[start:end]``, by position.

        ``folded`` is ``fold_case(text)``, passed in when the caller scans many slices.
        """
        end = len(text) if end is None else end
        folded = fold_case(text) if folded is None else folded
        hits = _scan(self._folded, folded, text, start, end)
        hits += _scan(self._exact, text, text, start, end)
        hits.sort(key=lambda hit: (hit.start, -hit.end))
        return hits

    def match_ends(self, text: str, folded: str) -> list[int]:
        """End positions of raw matches, boundaries unchecked: a cheap superset filter."""
        ends = [last for last, _ in self._folded.iter(folded)] if self._folded else []
        if self._exact:
            ends += [last for last, _ in self._exact.iter(text)]
            ends.sort()
        return ends


def fold_case(text: str) -> str:
    """Lower-case the text without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _automaton(table: dict[str, list[tuple[str, bool]]]) -> ahocorasick.Automaton | None:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for key, payload in table.items():
        prefix_concepts = tuple(dict.fromkeys(c for c, is_prefix in payload if is_prefix))
        word_concepts = tuple(dict.fromkeys(c for c, is_prefix in payload if not is_prefix))
        automaton.add_word(key, (len(key), prefix_concepts, word_concepts))
    automaton.make_automaton()
    return automaton


def _scan(
    automaton: ahocorasick.Automaton | None, haystack: str, original: str, begin: int, stop: int
) -> list[Hit]:
    """Hits of one automaton in ``haystack[begin:stop]`` that sit on word boundaries."""
    if automaton is None or begin >= stop:
        return []
    hits: list[Hit] = []
    append = hits.append
    for last, (length, prefix_concepts, word_concepts) in automaton.iter(haystack, begin, stop):
        start = last - length + 1
        if start > 0 and _WORD_CHAR(original[start - 1]) and _WORD_CHAR(original[start]):
            continue
        end = last + 1
        if end < stop and _WORD_CHAR(original[end]) and _WORD_CHAR(original[last]):
            if prefix_concepts:
                word_end = _word_end(original, end, stop)
                for concept in prefix_concepts:
                    append(Hit(concept, start, word_end))
            continue
        for concept in prefix_concepts:
            append(Hit(concept, start, end))
        for concept in word_concepts:
            append(Hit(concept, start, end))
    return hits


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_WORD_CHAR = _is_word_char


def _word_end(text: str, position: int, size: int) -> int:
    while position < size and _is_word_char(text[position]):
        position += 1
    return position
