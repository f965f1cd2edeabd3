"""The rule engine: sentences, concept hits and rules in; signals with evidence out.

For each sentence the engine looks up the lexicon's concept hits (found once for the whole
text by the matcher), fires every rule whose concepts occur within its word window, then reads
around the trigger: polarity cues before it, the acting states, the target after it, the
equipment, quantity, places and who reports it. All the words it looks for are lexicon data;
this module only knows the cue names of ``cues.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from streams.tagger.lexicon import ACTOR_PREFIX, PLACE, Lexicon, Rule
from streams.tagger.matcher import Hit
from streams.tagger.model import Evidence, Signal
from streams.tagger.sentences import split_sentences

NEGATION_REACH = 5
HYPOTHETICAL_REACH = 8
TARGET_REACH = 3
MASK = "MASK"
EQUIPMENT_CONCEPTS = ("HARDWARE", "WEAPONS")
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MODEL_CODE = re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}\b")
_DIGITS = re.compile(r"\b\d[\d,.]*(?:\s+(?:million|thousand|hundred))?\b")
_NAME_WORD = re.compile(r"[A-Z][\w.\-']*|of|the|for|and|de|al-\w+")


@dataclass(frozen=True)
class _Sentence:
    field: str
    text: str
    start: int
    end: int
    hits: tuple[Hit, ...]
    word_starts: tuple[int, ...]

    def word_index(self, position: int) -> int:
        return bisect_right(self.word_starts, position) - 1

    def words_between(self, left: int, right: int) -> int:
        return abs(self.word_index(right) - self.word_index(left))

    @cached_property
    def by_concept(self) -> dict[str, list[Hit]]:
        grouped: dict[str, list[Hit]] = defaultdict(list)
        for hit in self.hits:
            grouped[hit.concept].append(hit)
        return grouped

    def concepts(self) -> set[str]:
        return set(self.by_concept)


def find_signals(
    lexicon: Lexicon, fields: Sequence[tuple[str, str]], reference_year: int | None
) -> list[Signal]:
    """Every signal in the given (field name, text) pairs, in reading order."""
    signals: list[Signal] = []
    previous_actors: tuple[str, ...] = ()
    for field_name, text in fields:
        hits = _unmasked(lexicon.matcher.find(text))
        starts = [hit.start for hit in hits]
        for start, end in split_sentences(text):
            sentence = _Sentence(
                field_name,
                text,
                start,
                end,
                tuple(hits[bisect_left(starts, start) : bisect_left(starts, end)]),
                tuple(match.start() for match in _WORD.finditer(text, start, end)),
            )
            for rule in lexicon.rules:
                for match_start, match_end in _rule_matches(rule, sentence):
                    signals.append(
                        _signal(
                            rule, sentence, match_start, match_end, previous_actors, reference_year
                        )
                    )
            previous_actors = _subject_actors(sentence, end) or previous_actors
    return signals


def _unmasked(hits: list[Hit]) -> list[Hit]:
    """Drop hits hidden by longer ones.

    A MASK phrase hides every hit inside it ("fire drill" hides "drill"); a longer name hides
    the names inside it ("South China Sea" is a place, not China; "South Sudan" is not Sudan).
    """
    kept: list[Hit] = []
    covers: list[Hit] = []
    for hit in hits:
        covers = [cover for cover in covers if cover.end > hit.start]
        hidden = any(
            cover.start <= hit.start
            and hit.end <= cover.end
            and cover.end - cover.start > hit.end - hit.start
            and (cover.concept == MASK or (_is_name(cover) and _is_name(hit)))
            for cover in covers
        )
        if hit.concept == MASK or _is_name(hit):
            covers.append(hit)
        if not hidden and hit.concept != MASK:
            kept.append(hit)
    return kept


def _is_name(hit: Hit) -> bool:
    return hit.concept == PLACE or hit.concept.startswith(ACTOR_PREFIX)


def _rule_matches(rule: Rule, sentence: _Sentence) -> list[tuple[int, int]]:
    by_concept = sentence.by_concept
    if rule.context and not any(concept in by_concept for concept in rule.context):
        return []
    if not all(concept in by_concept for concept in rule.all):
        return []
    vetoes = [hit for concept in rule.unless for hit in by_concept.get(concept, ())]
    matches: list[tuple[int, int]] = []
    anchor, *others = rule.all
    for anchor_hit in by_concept[anchor]:
        chosen = [anchor_hit]
        for concept in others:
            nearest = _nearest(sentence, anchor_hit, by_concept[concept], rule)
            if nearest is None:
                break
            chosen.append(nearest)
        else:
            span = (min(hit.start for hit in chosen), max(hit.end for hit in chosen))
            if matches and span[0] < matches[-1][1]:
                continue
            if vetoes and not _military_outside(sentence, span):
                continue
            if _excluded_near(sentence, span, rule):
                continue
            matches.append(span)
    return matches


def _excluded_near(sentence: _Sentence, span: tuple[int, int], rule: Rule) -> bool:
    """A concept of ``exclude_near`` inside the match or close to it cancels the match."""
    return any(
        (hit.start < span[1] + 1 and hit.end > span[0] - 1)
        or sentence.words_between(hit.end, span[0]) <= 2
        or sentence.words_between(span[1], hit.start) <= 2
        for concept in rule.exclude_near
        for hit in sentence.by_concept.get(concept, ())
    )


def _military_outside(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """A veto word (sport, business...) is overruled by a military word the match lacks."""
    return any(
        hit.end <= span[0] or hit.start >= span[1]
        for hit in sentence.by_concept.get("MILITARY", ())
    )


def _nearest(sentence: _Sentence, anchor: Hit, candidates: list[Hit], rule: Rule) -> Hit | None:
    best: Hit | None = None
    best_distance = rule.window + 1
    for hit in candidates:
        if hit.start < anchor.end and hit.end > anchor.start:
            continue
        if rule.ordered and hit.start < anchor.start:
            continue
        distance = sentence.words_between(anchor.start, hit.start)
        if distance < best_distance:
            best, best_distance = hit, distance
    return best


def _signal(
    rule: Rule,
    sentence: _Sentence,
    start: int,
    end: int,
    previous_actors: tuple[str, ...],
    reference_year: int | None,
) -> Signal:
    target_hit = _target(sentence, end)
    target = _code(target_hit) if target_hit else None
    actors = _actors(sentence, start, end, target_hit) or previous_actors
    actors = tuple(code for code in actors if code != target)
    attribution = _attribution(sentence)
    confidence = rule.confidence - (0.15 if not actors else 0.0) + (0.05 if attribution else 0.0)
    text = sentence.text
    return Signal(
        type=rule.type,
        polarity=rule.polarity or _polarity(sentence, start, end, reference_year),
        confidence=round(min(0.99, max(0.05, confidence)), 2),
        evidence=Evidence(
            field=sentence.field,
            sentence=text[sentence.start : sentence.end],
            start=sentence.start,
            end=sentence.end,
            trigger=text[start:end],
            trigger_start=start,
            trigger_end=end,
        ),
        rule=rule.name,
        actors=tuple(sorted(set(actors))),
        target=target,
        equipment=_equipment(sentence),
        quantity=_quantity(sentence),
        locations=_locations(sentence),
        attribution=attribution,
    )


def _polarity(sentence: _Sentence, start: int, end: int, reference_year: int | None) -> str:
    def cue_before(concept: str, reach: int) -> bool:
        return any(
            hit.concept == concept
            and hit.start < end
            and (hit.start >= start or sentence.words_between(hit.end, start) <= reach)
            for hit in sentence.hits
        )

    concepts = sentence.concepts()
    if "DENIAL" in concepts or cue_before("NEGATION", NEGATION_REACH):
        return "negated"
    if cue_before("HYPOTHETICAL", HYPOTHETICAL_REACH) or any(
        hit.concept == "CONDITION" and hit.start < start for hit in sentence.hits
    ):
        return "hypothetical"
    if "HISTORICAL" in concepts or _mentions_past_year(sentence, reference_year):
        return "historical"
    return "asserted"


def _mentions_past_year(sentence: _Sentence, reference_year: int | None) -> bool:
    if reference_year is None or "RECENT" in sentence.concepts():
        return False
    text = sentence.text[sentence.start : sentence.end]
    return any(int(year) < reference_year for year in _YEAR.findall(text))


def _code(hit: Hit) -> str | None:
    return hit.concept.removeprefix(ACTOR_PREFIX) if hit.concept.startswith(ACTOR_PREFIX) else None


def _preceded_by(sentence: _Sentence, hit: Hit, concepts: tuple[str, ...], reach: int) -> bool:
    return any(
        cue.concept in concepts
        and cue.end <= hit.start
        and sentence.words_between(cue.end, hit.start) <= reach
        for cue in sentence.hits
    )


def _target(sentence: _Sentence, end: int) -> Hit | None:
    for hit in sentence.hits:
        if hit.start < end or not hit.concept.startswith(ACTOR_PREFIX):
            continue
        if _preceded_by(sentence, hit, ("ATTRIBUTION_LEAD",), 4):
            continue
        if (
            _preceded_by(sentence, hit, ("TARGET_PREP",), TARGET_REACH)
            or _before_border(sentence, hit)
            or sentence.words_between(end, hit.start) <= 1
        ):
            return hit
    return None


def _before_border(sentence: _Sentence, hit: Hit) -> bool:
    return any(
        cue.concept == "BORDER"
        and cue.start >= hit.end
        and sentence.words_between(hit.end, cue.start) <= 1
        for cue in sentence.hits
    )


def _is_location(sentence: _Sentence, hit: Hit) -> bool:
    return _preceded_by(sentence, hit, ("TARGET_PREP", "LOCATIVE_PREP"), 1)


def _actor_hits(sentence: _Sentence) -> list[Hit]:
    return [
        hit
        for hit in sentence.hits
        if hit.concept.startswith(ACTOR_PREFIX)
        and not _is_location(sentence, hit)
        and not _preceded_by(sentence, hit, ("ATTRIBUTION_LEAD",), 4)
    ]


def _actors(sentence: _Sentence, start: int, end: int, target: Hit | None) -> tuple[str, ...]:
    candidates = [hit for hit in _actor_hits(sentence) if hit is not target]
    inside = [hit for hit in candidates if start <= hit.start < end]
    trailing_of = sentence.text[end : end + 4] == " of "
    if trailing_of:
        inside += [
            hit
            for hit in candidates
            if end < hit.start and sentence.words_between(end, hit.start) <= 5
        ]
    if inside:
        return _codes(inside)
    before = [hit for hit in candidates if hit.end <= start]
    if before:
        last = before[-1]
        linked = [hit for hit in before if sentence.words_between(hit.end, last.start) <= 3]
        return _codes(linked)
    return _codes(
        hit
        for hit in candidates
        if hit.start >= end and _preceded_by(sentence, hit, ("AGENT_PREP",), 2)
    )


def _subject_actors(sentence: _Sentence, end: int) -> tuple[str, ...]:
    return _codes(hit for hit in _actor_hits(sentence) if hit.end <= end)


def _codes(hits) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for hit in hits if (code := _code(hit))))


def _equipment(sentence: _Sentence) -> tuple[str, ...]:
    text = sentence.text
    found = [
        text[hit.start : hit.end] for hit in sentence.hits if hit.concept in EQUIPMENT_CONCEPTS
    ]
    for code in _MODEL_CODE.finditer(text, sentence.start, sentence.end):
        following = [
            hit
            for hit in sentence.hits
            if hit.concept in EQUIPMENT_CONCEPTS and hit.start == code.end() + 1
        ]
        found.append(text[code.start() : following[0].end] if following else code.group())
    merged = [item for item in found if not any(item != other and item in other for other in found)]
    return tuple(dict.fromkeys(merged))


def _quantity(sentence: _Sentence) -> str | None:
    text = sentence.text
    heads = [hit for hit in sentence.hits if hit.concept in ("FORCES", *EQUIPMENT_CONCEPTS)]
    numbers = [(hit.start, hit.end) for hit in sentence.hits if hit.concept == "QUANTITY"]
    numbers += [match.span() for match in _DIGITS.finditer(text, sentence.start, sentence.end)]
    for number_start, number_end in sorted(numbers):
        for head in heads:
            if head.start >= number_end and sentence.words_between(number_end, head.start) <= 3:
                return text[number_start : head.end]
    return None


def _locations(sentence: _Sentence) -> tuple[str, ...]:
    text = sentence.text
    return tuple(
        dict.fromkeys(
            text[hit.start : hit.end]
            for hit in sentence.hits
            if hit.concept == PLACE
            or (hit.concept.startswith(ACTOR_PREFIX) and _is_location(sentence, hit))
        )
    )


def _attribution(sentence: _Sentence) -> str | None:
    text = sentence.text
    for cue in sentence.hits:
        if cue.concept == "ATTRIBUTION_LEAD":
            name = _name_after(text, cue.end, sentence.end)
        elif cue.concept == "ATTRIBUTION_VERB":
            name = _name_before(text, sentence.start, cue.start) or _name_after(
                text, cue.end, sentence.end
            )
        else:
            continue
        if name:
            return name
    return None


def _name_after(text: str, position: int, limit: int) -> str | None:
    words = []
    for match in _WORD_OR_PUNCT.finditer(text, position, limit):
        token = match.group()
        if not _NAME_WORD.fullmatch(token):
            break
        words.append(token)
    return _trim_name(words)


def _name_before(text: str, floor: int, position: int) -> str | None:
    words = []
    for token in reversed(_WORD_OR_PUNCT.findall(text, floor, position)):
        if not _NAME_WORD.fullmatch(token):
            break
        words.append(token)
    return _trim_name(list(reversed(words)))


_WORD_OR_PUNCT = re.compile(r"[\w.\-']+|[^\w\s]")
_CONNECTORS = frozenset({"of", "the", "for", "and", "de"})


def _trim_name(words: list[str]) -> str | None:
    while words and words[0] in _CONNECTORS:
        words.pop(0)
    while words and words[-1] in _CONNECTORS:
        words.pop()
    if not words or not words[0][0].isupper():
        return None
    return " ".join(words).rstrip(".")
