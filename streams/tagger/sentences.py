"""Sentence boundaries with character offsets, in one linear pass.

A boundary is end punctuation (with closing quotes or brackets) followed by white space and a
sentence start, unless the word before it is a known abbreviation or a single initial, or a
paragraph break. Over-long runs without punctuation are cut at white space so that no
"sentence" is longer than ``MAX_SENTENCE_CHARS``: the rules' work per sentence stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_SENTENCE_CHARS = 1200
_END = re.compile(r"[.!?\u2026]+[\"')\]]*\s+|\n\n+")
_WORD_BEFORE = re.compile(r"([\w.\-]+)[.!?\u2026]*$")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "cmdr",
        "brig",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "no",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "fig",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "al",
    ]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _END.finditer(text):
        if boundary.group().startswith("\n") or _ends_sentence(text, boundary):
            spans.extend(_bounded(text, start, boundary.end()))
            start = boundary.end()
    spans.extend(_bounded(text, start, len(text)))
    return spans


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    following = text[boundary.end() : boundary.end() + 1]
    if following and following.islower():
        return False
    if "." not in boundary.group():
        return True
    before = _WORD_BEFORE.search(text, max(0, boundary.start() - 20), boundary.start() + 1)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
