"""Multi-pattern term matching in one pass over the text (Aho-Corasick, via pyahocorasick).

Every lexicon term of a language goes into one automaton, so finding all of them costs time
linear in the text's length whatever the lexicon's size, and no pattern can backtrack. Terms
match whole words: a term ending in ``*`` matches any word that starts with it
(``mobiliz*``: mobilize, mobilized, mobilization), others must end at a word boundary.
Case-sensitive terms (``US``, modal ``may``) live in a second automaton over the original text.

Word boundaries are part of the patterns: each text is scanned once as " " + text + " " with
every non-word character turned into a space (``ScanText``), and each term is stored the same
way with a space before it, and after it unless it is a prefix. So the automaton reports only
whole-word matches, and "in" inside "training" costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

_NON_WORD = re.compile(r"\W")
# A hit's fields as C-level keys (``Hit`` is a tuple: concept, start, end).
HIT_CONCEPT = itemgetter(0)
HIT_START = itemgetter(1)
HIT_END = itemgetter(2)
_new_hit = tuple.__new__
_ASCII_NON_WORD_TO_SPACE = {
    code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")
}


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


class ScanText:
    """A text prepared once for every scan of it: spaced, and spaced and case-folded.

    ``exact_ends`` keeps, per matcher, where its case-sensitive terms end in the whole text.
    """

    __slots__ = ("exact", "exact_ends", "folded", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        if original.isascii():
            spaced = original.translate(_ASCII_NON_WORD_TO_SPACE)
        else:
            spaced = _NON_WORD.sub(" ", original)
        self.exact = f" {spaced} "
        self.folded = fold_case(self.exact)  # the spaces at either end fold to themselves
        self.exact_ends: dict[TermMatcher, list[int]] = {}


class TermMatcher:
    """All terms of one language, compiled once; ``find`` is linear in the text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        folded: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        exact: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self.concepts: set[str] = set()
        for term in terms:
            self.concepts.update(term.concepts)
            is_prefix = term.text.endswith("*")
            key = _key(term)
            table = exact if term.case_sensitive else folded
            table[key].extend((concept, is_prefix) for concept in term.concepts)
        self.exact_keys = tuple(exact)
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def find(
        self,
        text: ScanText | str,
        start: int = 0,
        end: int | None = None,
        *,
        ordered: bool = True,
    ) -> list[Hit]:
        """Every whole-word occurrence of every term in ``text[start:end]``, by position
        (``sort_hits``), or unordered if ``ordered`` is false: a caller that may discard
        them can sort them itself when it does not."""
        scan = text if isinstance(text, ScanText) else ScanText(text)
        end = len(scan.original) if end is None else end
        hits = _scan(self._folded, scan.folded, start, end)
        if self._exact is not None and self._exact_within(scan, start, end):
            hits += _scan(self._exact, scan.exact, start, end)
        return sort_hits(hits) if ordered else hits

    def _exact_within(self, scan: ScanText, start: int, end: int) -> bool:
        """Can a case-sensitive term occur in ``text[start:end]``? Such terms are rare, so one
        pass over the whole text spares a scan of every sentence that has none."""
        ends = self._exact_ends(scan)
        # a scan of the sentence reads the haystack from ``start`` to ``end + 1``
        index = bisect_left(ends, start)
        return index < len(ends) and ends[index] <= end + 1

    def _exact_ends(self, scan: ScanText) -> list[int]:
        """Where this matcher's case-sensitive terms end in the haystack, found once per text."""
        ends = scan.exact_ends.get(self)
        if ends is None:
            exact = self._exact
            found = [last for last, _ in exact.iter(scan.exact)] if exact is not None else []
            ends = scan.exact_ends[self] = found
        return ends


class GateMatcher:
    """The words that open a sentence to the rules, found in one pass over a whole field.

    Those are the gate terms, and every case-sensitive term of ``opening`` (the concepts'
    acronyms: HIMARS, IDF). Case-sensitive terms (of ``opening`` and of ``others``: "US",
    modal "may") are looked for case-folded in the same pass and then checked against the
    original spelling, so a field is scanned once, not once folded and once as written per
    matcher; where they end is kept for each matcher's ``find``. A lexicon with a term that
    does not fold one character to one (none so far) keeps the separate passes.
    """

    def __init__(
        self, terms: Iterable[Term], opening: TermMatcher, others: Sequence[TermMatcher] = ()
    ) -> None:
        self._opening = opening
        self._checked = (opening, *others)
        self._folds_exact = all(
            _folds_in_place(key) for matcher in self._checked for key in matcher.exact_keys
        )
        table: dict[str, tuple[bool, list[tuple[str, TermMatcher, bool]]]] = {}
        for term in terms:
            table[_key(term)] = (True, [])
        if self._folds_exact:
            for matcher in self._checked:
                for key in matcher.exact_keys:
                    is_gate, checks = table.get(fold_case(key), (False, []))
                    check = (key, matcher, matcher is opening)
                    table[fold_case(key)] = (is_gate, [*checks, check])
        self._automaton: ahocorasick.Automaton | None = None
        if table:
            self._automaton = ahocorasick.Automaton()
            for key, (is_gate, checks) in table.items():
                self._automaton.add_word(key, (is_gate, tuple(checks)))
            self._automaton.make_automaton()

    def positions(self, scan: ScanText) -> list[int]:
        """A position inside each gate word and opening acronym, sorted: enough to tell
        which sentences have one."""
        if not self._folds_exact:
            inside = self._scan(scan)
            exact = [last - 2 for last in self._opening._exact_ends(scan)]
            return sorted(inside + exact) if exact else inside
        for matcher in self._checked:
            scan.exact_ends[matcher] = []
        return self._scan(scan)

    def _scan(self, scan: ScanText) -> list[int]:
        """Gate positions, in order; where each case-sensitive term spelled as written ends
        goes to its matcher's list in ``scan.exact_ends``, and an opening one's position
        among the gates'."""
        inside: list[int] = []
        if self._automaton is None:
            return inside
        exact = scan.exact
        exact_ends = scan.exact_ends
        for last, (is_gate, checks) in self._automaton.iter(scan.folded):
            if is_gate:
                inside.append(last - 2)
            for key, matcher, opens in checks:
                if exact.startswith(key, last + 1 - len(key)):
                    exact_ends[matcher].append(last)
                    if opens:
                        inside.append(last - 2)
        return inside


def _key(term: Term) -> str:
    """The term as the automaton stores it: spaced like the text, folded unless it is
    case-sensitive, a space before it, and after it unless it is a prefix."""
    core = _NON_WORD.sub(" ", term.text.rstrip("*")).strip()
    if not term.case_sensitive:
        core = fold_case(core)
    return f" {core}" if term.text.endswith("*") else f" {core} "


def _folds_in_place(key: str) -> bool:
    """Does the key fold character by character, whatever surrounds it? (A capital sigma
    folds by its place in the word; a dotted capital I folds to two characters.)"""
    return "\u03a3" not in key and all(len(char.lower()) == 1 for char in key)


def sort_hits(hits: list[Hit]) -> list[Hit]:
    """Sort in place by start, the longer first, ties in their order: two stable sorts on
    C-level keys cost less than one on a Python key function."""
    hits.sort(key=HIT_END, reverse=True)
    hits.sort(key=HIT_START)
    return hits


def fold_case(text: str) -> str:
    """Lower-case the text without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _automaton(table: dict[str, list[tuple[str, bool]]]) -> ahocorasick.Automaton | None:
    """Each key's payload: how far back from the key's last character its word starts in the
    original text (the key's leading space stands for the haystack's extra first character),
    whether it is a prefix, and its concepts."""
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for key, payload in table.items():
        concepts = tuple(dict.fromkeys(concept for concept, _ in payload))
        automaton.add_word(key, (len(key) - 1, not key.endswith(" "), concepts))
    automaton.make_automaton()
    return automaton


def _scan(
    automaton: ahocorasick.Automaton | None, haystack: str, begin: int, stop: int
) -> list[Hit]:
    """Hits in ``text[begin:stop]``; the haystack is the spaced text, one character ahead.

    The automaton reads a slice of the haystack, not the haystack between bounds: it copies
    the string it is given, and a sentence is much shorter than its field. The slice ends one
    character past ``stop``, so no hit in it (nor the end of a prefix's word) ends past
    ``stop``. Hits are built with ``tuple.__new__``: the named tuple's own constructor is a
    Python function, and this loop runs once per term occurrence.
    """
    if automaton is None or begin >= stop:
        return []
    window = haystack[begin : stop + 2]
    hits: list[Hit] = []
    append = hits.append
    find_space = window.find
    shift = begin - 1  # from the window's index of a word's next character to its end
    for last, (back, is_prefix, concepts) in automaton.iter(window):
        if is_prefix:
            space = find_space(" ", last)
            if space < 0:  # the word runs past the window, so past ``stop``
                continue
            end = space + shift
        else:
            end = last + shift
        start = last - back + begin
        for concept in concepts:
            append(_new_hit(Hit, (concept, start, end)))
    return hits
