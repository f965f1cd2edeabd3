"""Sentence boundaries with character offsets, in one linear pass.

A boundary is end punctuation (with closing quotes or brackets) followed by white space and a
sentence start, unless the word before it is a known abbreviation or a single initial, or a
paragraph break. Over-long runs without punctuation are cut at white space so that no
"sentence" is longer than ``MAX_SENTENCE_CHARS``: the rules' work per sentence stays bounded.
"""

from __future__ import annotations

import re

MAX_SENTENCE_CHARS = 1200
# End punctuation (with closing quotes or brackets) and the white space after it, or a blank
# line. The pattern opens with a plain character class so that the regex engine can skip to
# candidates instead of trying a match at every position; the look-behinds then tell the two
# kinds apart. Group 1 is the end punctuation after its first character.
_END = re.compile(r"[.!?\u2026\n](?:(?<=[.!?\u2026])([.!?\u2026]*[\"')\]]*)\s+|(?<=\n)\n+)")
# The same for ASCII text, which cannot hold the ellipsis: its character classes compile to
# bitmaps, which the regex engine tests faster than a list of characters.
_ASCII_END = re.compile(r"[.!?\n](?:(?<=[.!?])([.!?]*[\"')\]]*)\s+|(?<=\n)\n+)")
_WORD_BEFORE = re.compile(r"[\w.\-]*\Z")
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
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 1
# A Polish (or German) ordinal is a number with a period: "18. Dywizja Zmechanizowana", "1.
# Warszawska Brygada Pancerna". Before a unit's name, within its first two words, the period
# ends no sentence. The names are the units' own words, so an English sentence that ends in a
# number ("rose to 12. Rescuers said") still ends there.
_ORDINAL = re.compile(r"(?<![\w.,])\d{1,3}\Z")
_UNIT_AFTER_ORDINAL = re.compile(
    r"(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w\-]*\s+){0,1}"
    r"(?:Dywizj|Brygad|Batalion|Pułk|Armi|Korpus|Flot|Eskadr|Skrzydł|Baz[aięy]|Dywizjon"
    r"|Kompani|Okręg|Zgrupowani|Ogólnowojskow|Gwardyjsk|Pancern|Zmechanizowan)"
)
# How the abbreviations of three letters or more end: a word that ends otherwise (most words
# before a period do) is not one, and needs no closer look.
_ABBREVIATION_TAILS = frozenset(word[-3:] for word in _ABBREVIATIONS if len(word) >= 3)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, stripped of surrounding white space.

    A sentence that ends in punctuation ends where the punctuation does and starts with no
    white space (the boundary took it): most need no stripping or cutting.
    """
    spans: list[tuple[int, int]] = []
    append = spans.append
    start = 0
    tails = _ABBREVIATION_TAILS
    boundaries = _ASCII_END.finditer(text) if text.isascii() else _END.finditer(text)
    for boundary in boundaries:
        period, stop = boundary.span()
        end = boundary.end(1)
        if end < 0:  # a blank line
            _add_bounded(spans, text, start, stop)
            start = stop
            continue
        if text[stop : stop + 1].islower():
            continue
        if text[period] == "." and end == period + 1 and _ordinal_before_unit(text, period, stop):
            continue
        if text[period] == "." or "." in text[period + 1 : end]:
            # most sentences end in a word whose last three letters end no abbreviation
            tail = text[period - 3 : period] if period >= 3 else ""
            plain = tail.isalpha() and tail.lower() not in tails
            if not plain and _abbreviated(text, period):
                continue
        if end - start <= MAX_SENTENCE_CHARS and not text[start].isspace():
            append((start, end))
        else:
            _add_bounded(spans, text, start, end)
        start = stop
    _add_bounded(spans, text, start, len(text))
    return spans


def _ordinal_before_unit(text: str, period: int, stop: int) -> bool:
    """Is the period that of an ordinal before a unit's name ("18. Dywizja")?"""
    if not text[period - 1 : period].isdigit():
        return False
    if not _ORDINAL.search(text, max(0, period - 4), period):
        return False
    return _UNIT_AFTER_ORDINAL.match(text, stop, stop + 64) is not None


def _abbreviated(text: str, start: int) -> bool:
    """Does the period at ``start`` follow an abbreviation or an initial? Only a word as short
    as the longest abbreviation can be one, so the word before is read from a bounded window.
    (The caller has ruled out a word ending in three letters no abbreviation ends with.)"""
    floor = max(0, start - _ABBREVIATION_REACH)
    if start - floor == _ABBREVIATION_REACH and text[floor:start].isalnum():
        return False  # a word longer than any abbreviation
    word = _WORD_BEFORE.search(text, floor, start).group().lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _add_bounded(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` stripped, cut into pieces of at most ``MAX_SENTENCE_CHARS``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
