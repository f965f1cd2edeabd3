"""The tagger's work is bounded: no regex can backtrack, and adversarial bodies stop early.

Speed itself is measured by ``make bench`` (tagger on a 1 MB adversarial body); these tests
check the properties that make it linear, not a time.
"""

import re
from re import _parser as sre_parse  # the stdlib's own regex parser

import pytest

import streams.article
import streams.html_text
import streams.normalize
import streams.tagger.reading
import streams.tagger.sentences
import streams.tagger.view
from streams.tagger import tag_text
from streams.tagger.engine import MAX_SIGNALS_READ

MODULES = [
    streams.tagger.reading,
    streams.tagger.sentences,
    streams.tagger.view,
    streams.normalize,
    streams.article,
    streams.html_text,
]
UNBOUNDED = sre_parse.MAXREPEAT
REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}


def module_patterns() -> list[re.Pattern[str]]:
    return [
        value
        for module in MODULES
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]


def children(op, argument) -> list:
    if op in REPEATS:
        return [argument[2]]
    if op == sre_parse.SUBPATTERN:
        return [argument[-1]]
    if op == sre_parse.BRANCH:
        return argument[1]
    return []


def has_nested_unbounded_repeat(items, inside_repeat: bool = False) -> bool:
    """Does an unbounded repeat sit inside another one (the shape of ``(a+)+``)?"""
    for op, argument in items:
        unbounded = op in REPEATS and argument[1] == UNBOUNDED
        if unbounded and inside_repeat:
            return True
        if any(
            has_nested_unbounded_repeat(child, inside_repeat or unbounded)
            for child in children(op, argument)
        ):
            return True
    return False


def test_the_checker_catches_a_catastrophic_pattern() -> None:
    assert has_nested_unbounded_repeat(sre_parse.parse(r"(a+)+b"))
    assert not has_nested_unbounded_repeat(sre_parse.parse(r"\w+(?:\s\w+)?"))


@pytest.mark.parametrize("pattern", module_patterns(), ids=lambda p: p.pattern[:40])
def test_no_pattern_nests_unbounded_repeats(pattern: re.Pattern[str]) -> None:
    assert not has_nested_unbounded_repeat(sre_parse.parse(pattern.pattern, pattern.flags))


def test_a_megabyte_of_trigger_words_is_read_up_to_the_limit_and_flagged() -> None:
    unit = "Troops deployed to the border, drills, mobilization of reservists! "
    result = tag_text("", (unit * 16_000)[:1_000_000])
    assert result.truncated
    assert result.mobilization
    assert len(result.signals) < MAX_SIGNALS_READ


@pytest.mark.parametrize("unit", ["!?.,;:\"'()[]-", "troops ", "deployed", "\n\n"])
def test_a_megabyte_of_punctuation_or_one_word_is_tagged(unit: str) -> None:
    result = tag_text("", (unit * (1_000_000 // len(unit) + 1))[:1_000_000])
    assert not result.truncated
