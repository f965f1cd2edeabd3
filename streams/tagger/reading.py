"""Reading a signal around its trigger: polarity, actors, target and the details it carries.

Everything here looks at one sentence (``SentenceView``) whose cues, actors and places have
been found; the words themselves come from ``cues.toml``, ``actors.toml`` and ``places.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import cache
from typing import NamedTuple, TypeVar

from streams.tagger.lexicon import ACTOR_PREFIX, PLACE, Rule
from streams.tagger.matcher import HIT_CONCEPT, HIT_START, Hit
from streams.tagger.model import Evidence, Signal
from streams.tagger.timeline import past_years
from streams.tagger.view import SentenceView

NEGATION_REACH = 5
HYPOTHETICAL_REACH = 8
TARGET_REACH = 3
TIME_REACH_AFTER = 12
# A pluperfect trigger ("had rushed tens of thousands of troops to the region after the
# clashes in 2020") looks back: its date may come further on in its clause.
PLUPERFECT_REACH_AFTER = 20
MODAL_REACH_AFTER = 2
FUTURE_REACH_AFTER = 5
CONDITION_REACH_AFTER = 3
MAX_TARGET_CANDIDATES = 4
T = TypeVar("T")
EQUIPMENT_CONCEPTS = ("HARDWARE", "WEAPONS")
_MODEL_CODE = re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}\b")
# A number: the look-behind is the word boundary before it, placed after the first digit so
# that the regex engine can skip from digit to digit instead of trying every position.
_DIGITS = re.compile(r"\d(?<!\w\d)[\d,.]*(?:\s(?:million|thousand|hundred))?\b")
# A comma between two digits groups thousands ("300,000 reservists in 2022"): no clause ends there.
_CLAUSE_BREAK = re.compile(r",(?!\d)|(?<!\d),|[;:()]|\s-\s|\s\u2014\s")
_TOKEN = re.compile(r"[\w.\-']+|[^\w\s]")
_NAME_WORD = re.compile(r"[A-Z][\w.\-']*|of|the|for|and|de|al-\w+")
_CONNECTORS = frozenset({"of", "the", "for", "and", "de"})
_ANY_TOKEN = re.compile(r"\w[\w.\-'\u2019]*|[^\w\s]")
_QUOTES = frozenset("\"'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019")
MAX_SOURCE_WORDS = 8
# Characters before an attribution verb read first for the name that ends there.
NAME_WINDOW = 64
# Cues a source's name never runs across: prepositions, other cue words, conjunctions.
SOURCE_STOPS = (
    "LOCATIVE_PREP",
    "TARGET_PREP",
    "ATTRIBUTION_LEAD",
    "ATTRIBUTION_VERB",
    "CLAUSE_JOIN",
    "NEGATION",
    "CONDITION",
)


class Reading(NamedTuple):
    """What a signal's place in the merge depends on, read before the rest of it: most
    signals repeat one already read (see ``aggregate``) and are never read further."""

    rule: Rule
    view: SentenceView
    span: tuple[int, int]
    polarity: str
    confidence: float
    actors: tuple[str, ...]
    target: str | None


def read_key(
    rule: Rule,
    view: SentenceView,
    span: tuple[int, int],
    fallback_actors: Callable[[], tuple[str, ...]],
    reference_year: int | None,
    *,
    background: bool = False,
) -> Reading:
    """The polarity, actors, target and confidence of the signal a rule asserts at ``span``.

    ``background`` says the sentence sits in a paragraph an earlier sentence set in the past.
    """
    start, end = span
    target_hit = _target(view, end)
    target = _code(target_hit) if target_hit else None
    actors = _actors(view, start, end, target_hit) or fallback_actors()
    actors = tuple(sorted({code for code in actors if code != target}))
    attribution = _memo(view, "attribution", _attribution)
    confidence = rule.confidence - (0.15 if not actors else 0.0) + (0.05 if attribution else 0.0)
    return Reading(
        rule,
        view,
        span,
        rule.polarity or _polarity(view, start, end, reference_year, background),
        round(min(0.99, max(0.05, confidence)), 2),
        actors,
        target,
    )


def read_signal(reading: Reading) -> Signal:
    """The signal with everything its sentence says about it."""
    view = reading.view
    start, end = reading.span
    return Signal(
        type=reading.rule.type,
        polarity=reading.polarity,
        confidence=reading.confidence,
        evidence=Evidence(
            field=view.field,
            sentence=view.sentence,
            start=view.start,
            end=view.end,
            trigger=view.text[start:end],
            trigger_start=start,
            trigger_end=end,
        ),
        rule=reading.rule.name,
        actors=reading.actors,
        target=reading.target,
        equipment=_memo(view, "equipment", _equipment),
        quantity=_memo(view, "quantity", _quantity),
        locations=_memo(view, "locations", _locations),
        attribution=_memo(view, "attribution", _attribution),
    )


def _memo(view: SentenceView, key: str, read: Callable[[SentenceView], T]) -> T:
    """What a sentence says once for all the signals read in it."""
    memo = view.memo
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    value = memo[key] = read(view)
    return value


def subject_actors(view: SentenceView) -> tuple[str, ...]:
    """Actors a sentence names as doing something (not places, not sources)."""
    return _memo(view, "subjects", _read_subjects)


def _read_subjects(view: SentenceView) -> tuple[str, ...]:
    return _codes(_actor_hits(view))


def _polarity(
    view: SentenceView, start: int, end: int, reference_year: int | None, background: bool
) -> str:
    present = view.by_concept.get  # most sentences have none of the cues: skip their tests
    if (present("DENIAL") and _denied(view, start, end)) or _governs(
        view, "NEGATION", start, end, NEGATION_REACH
    ):
        # a denial in an older episode is part of that episode ("units were not put on alert
        # until hours before the 1941 attack"): background first
        if _dated_in_past(view, end, reference_year) or (background and not present("RECENT")):
            return "historical"
        return "negated"
    if (
        (
            present("HYPOTHETICAL")
            and (
                _governs(view, "HYPOTHETICAL", start, end, HYPOTHETICAL_REACH)
                or _cue_after(view, "HYPOTHETICAL", end, MODAL_REACH_AFTER)
            )
        )
        or (
            present("FUTURE")
            and (
                _governs(view, "FUTURE", start, end, HYPOTHETICAL_REACH)
                or _cue_after(view, "FUTURE", end, FUTURE_REACH_AFTER)
            )
        )
        or (present("CONDITION") and view.hits_in("CONDITION", _clause_start(view, start), start))
        or (present("CONDITION_AFTER") and _condition_follows(view, end))
        or (
            view.field == "title"
            and _cue_in_or_before(view, "HEADLINE_FUTURE", start, end, HYPOTHETICAL_REACH)
        )
    ):
        return "hypothetical"
    if _dated_in_past(view, end, reference_year, start):
        return "historical"
    if background and not present("RECENT"):
        return "historical"
    return "asserted"


def _condition_follows(view: SentenceView, end: int) -> bool:
    """Does a condition follow the trigger closely ("put troops on higher alert if the North
    resumes", "может повысить боеготовность, если ...")? Only a comma may stand between, as
    Russian and Ukrainian set one before every "если", "якщо"; a colon, semicolon, bracket or
    dash ends the trigger's clause first."""
    cues = view.hits_in("CONDITION_AFTER", end, _word_after(view, end, CONDITION_REACH_AFTER))
    if not cues:
        return False
    between = view.text[end : cues[0].start]
    return not any(mark in between for mark in ";:()\u2014") and " - " not in between


def _governs(view: SentenceView, concept: str, start: int, end: int, reach: int) -> bool:
    """A cue in the trigger, running into it or just before it, unless a contrast stands
    between them: "угрозы наступления нет, но войска стягиваются к границе" negates no move,
    "no plans to invade, but moved two brigades" plans none."""
    if not _cue_in_or_before(view, concept, start, end, reach):
        return False
    cues = view.by_concept[concept]
    before = [cue.end for cue in cues if cue.end <= start]
    if len(before) < len(cues):
        return True  # a cue inside the trigger or running into it
    return not _contrast_between(view, max(before), start)


def _contrast_between(view: SentenceView, left: int, right: int) -> bool:
    """A contrast between ``left`` and ``right`` that opens a clause ("нет, но войска"); one set
    off by commas is an aside within a clause ("will, however, deploy troops")."""
    text = view.text
    return any(
        left <= cue.start
        and cue.end <= right
        and not text[cue.end : cue.end + 2].lstrip().startswith(",")
        for cue in view.by_concept.get("CONTRAST", ())
    )


def _clause_start(view: SentenceView, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last semicolon before it (a
    headline's "X will join war if attacked; Y begins drills" is two clauses), else the
    sentence's start."""
    return view.text.rfind(";", view.start, position) + 1 or view.start


def _denied(view: SentenceView, start: int, end: int) -> bool:
    """Does a denial of the sentence speak of the trigger? Not one that a semicolon sets
    apart from it: "Moscow denies build-up; Minsk begins drills" denies the build-up only.
    (A "but" is no such border: "reported columns moving, but later did not confirm it" takes
    the report back.)"""
    text = view.text
    for denial in view.by_concept["DENIAL"]:
        left, right = (denial.end, start) if denial.end <= start else (end, denial.start)
        if left >= right:
            return True
        if ";" in text[left:right]:
            continue
        if denial.end > end and _signs_after_comma(view, end, denial):
            continue  # "forms a new corps, no signs of an offensive from Belarus"
        if denial.end <= start and _contrast_between(view, left, right):
            continue  # "denied any plan to attack, but moved two brigades to the border"
        if not _contrasted(view, denial, left, right):
            return True
    return False


def _signs_after_comma(view: SentenceView, end: int, denial: Hit) -> bool:
    """Does a denial after the trigger deny signs of something it names after a comma
    ("Росія формує корпус, ознак наступу з Білорусі немає", "forms a new corps, there are no
    clear signs of an offensive")? Then it speaks of that, not of the trigger before the
    comma."""
    text = view.text
    return any(
        end <= sign.start
        and "," in text[end : sign.start]
        and (sign.start <= denial.end or view.words_between(denial.end, sign.start) <= 2)
        for sign in view.by_concept.get("SIGNS", ())
    )


def _contrasted(view: SentenceView, denial: Hit, left: int, right: int) -> bool:
    """Does a contrast after the trigger turn a later denial to something else ("holds drills,
    but there is no threat of an offensive")? Not a retraction of the report ("reported
    columns moving, but later did not confirm it")."""
    contrasts = view.by_concept.get("CONTRAST")
    if not contrasts or denial.start < right:
        return False
    if any(cue.start <= denial.start < cue.end for cue in view.by_concept.get("RETRACTION", ())):
        return False
    return any(left <= cue.start and cue.end <= right for cue in contrasts)


def _cue_in_or_before(view: SentenceView, concept: str, start: int, end: int, reach: int) -> bool:
    """A cue inside the trigger, before it within ``reach`` words, or running into it: a
    cue's last word may be the trigger's first ("intends to" + "to station a brigade")."""
    cues = view.by_concept.get(concept)
    if not cues:
        return False
    return (
        bool(view.hits_in(concept, start, end))
        or any(cue.start < start < cue.end for cue in cues)
        or view.cue_before((concept,), start, reach)
    )


def _cue_after(view: SentenceView, concept: str, end: int, words: int) -> bool:
    """A cue after the trigger in its clause; the clause is measured only when there is one."""
    return view.has(concept) and bool(view.hits_in(concept, end, _clause_horizon(view, end, words)))


def _word_after(view: SentenceView, position: int, words: int) -> int:
    """The position ``words`` words after ``position`` (or the sentence's end)."""
    following = view.word_index(position) + words + 1
    return view.word_starts[following] if following < len(view.word_starts) else view.end


def _clause_horizon(view: SentenceView, end: int, words: int, *, joins: bool = True) -> int:
    """Where what follows the trigger stops speaking of it: ``words`` words on, or sooner at
    a clause break, or (with ``joins``) at a conjunction that may start another clause
    ("were put on alert *and* will move ...": the "will" is the second verb's)."""
    horizon = _word_after(view, end, words)
    clause_end = _CLAUSE_BREAK.search(view.text, end, horizon)
    if clause_end is not None:
        horizon = clause_end.start()
    join = view.hits_in("CLAUSE_JOIN", end, horizon) if joins else []
    return join[0].start if join else horizon


def _dated_in_past(
    view: SentenceView, end: int, reference_year: int | None, start: int | None = None
) -> bool:
    """A past time before the trigger, or after it in the same clause ("intervened in a war
    between ... in 1992"), up to ``TIME_REACH_AFTER`` words, or ``PLUPERFECT_REACH_AFTER``
    when the trigger is told in the pluperfect (``start`` given and a PLUPERFECT cue in or
    just before it)."""
    recent = view.has("RECENT")
    if not view.has("HISTORICAL") and (recent or not _has_past_year(view, reference_year)):
        return False
    reach = TIME_REACH_AFTER
    if start is not None and _cue_in_or_before(view, "PLUPERFECT", start, end, 1):
        reach = PLUPERFECT_REACH_AFTER
    horizon = _clause_horizon(view, end, reach, joins=False)
    if view.hits_in("HISTORICAL", view.start, horizon):
        return True
    if recent:
        return False
    return bool(past_years(view.text, view.start, horizon, reference_year))


def _has_past_year(view: SentenceView, reference_year: int | None) -> bool:
    """Does the sentence name a past year? Most do not, and then no trigger's clause does:
    a clause ends at a word's start or a break, never inside a year."""
    return _memo(
        view, "past_year", lambda v: bool(past_years(v.text, v.start, v.end, reference_year))
    )


def _code(hit: Hit) -> str | None:
    return _concept_code(hit.concept)


@cache
def _concept_code(concept: str) -> str | None:
    """The actor code a concept names (``actor:RUS``: RUS), or None; a lexicon has a few
    hundred concepts, so each is worked out once."""
    return concept.removeprefix(ACTOR_PREFIX) if concept.startswith(ACTOR_PREFIX) else None


def _names(view: SentenceView) -> list[Hit]:
    return _memo(view, "names", _read_names)


def _read_names(view: SentenceView) -> list[Hit]:
    return [hit for hit in view.hits if hit.concept.startswith(ACTOR_PREFIX)]


def _read_name_starts(view: SentenceView) -> list[int]:
    return [hit.start for hit in _names(view)]


def _located(view: SentenceView) -> set[int]:
    """Starts of the names that stand as locations ("in Poland"), decided once per sentence."""
    return _memo(view, "located", _read_located)


def _read_located(view: SentenceView) -> set[int]:
    by_concept = view.by_concept
    if not (by_concept.get("TARGET_PREP") or by_concept.get("LOCATIVE_PREP")):
        return set()  # no preposition to stand a name in
    return {hit.start for hit in _names(view) if _is_location(view, hit)}


def _is_source(view: SentenceView, hit: Hit) -> bool:
    return view.cue_before(("ATTRIBUTION_LEAD",), hit.start, 4)


def _target(view: SentenceView, end: int) -> Hit | None:
    """The first actor after the trigger that it is aimed at ("to X", "X's border", object)."""
    names = _names(view)
    first = bisect_left(_memo(view, "name_starts", _read_name_starts), end)
    for hit in names[first : first + MAX_TARGET_CANDIDATES]:
        if _is_source(view, hit):
            continue
        if (
            view.cue_before(("TARGET_PREP",), hit.start, TARGET_REACH)
            or _before_border(view, hit)
            or view.words_between(end, hit.start) <= 1
        ):
            return hit
    return None


def _before_border(view: SentenceView, hit: Hit) -> bool:
    return any(
        cue.start >= hit.end and view.words_between(hit.end, cue.start) <= 1
        for cue in view.by_concept.get("BORDER", ())
    )


def _is_location(view: SentenceView, hit: Hit) -> bool:
    return view.cue_before(("TARGET_PREP", "LOCATIVE_PREP"), hit.start, 1)


def _actor_hits(view: SentenceView) -> list[Hit]:
    return _memo(view, "actor_hits", _read_actor_hits)


def _read_actor_hits(view: SentenceView) -> list[Hit]:
    located = _located(view)
    recipients = view.by_concept.get("RECIPIENT")
    if recipients:  # a name in the dative is whom it is given to (Russian, Ukrainian)
        located = located | {hit.start for hit in recipients}
    if not view.by_concept.get("ATTRIBUTION_LEAD"):  # no source can be named
        return [hit for hit in _names(view) if hit.start not in located]
    return [hit for hit in _names(view) if hit.start not in located and not _is_source(view, hit)]


def _actors(view: SentenceView, start: int, end: int, target: Hit | None) -> tuple[str, ...]:
    """Who does it: names in the trigger or its "of ..." phrase, else the nearest subject
    before it, else a passive agent after it ("by Russia")."""
    candidates = [hit for hit in _actor_hits(view) if hit is not target]
    inside = [hit for hit in candidates if start <= hit.start < end]
    if view.text[end : end + 4] == " of ":
        inside += [
            hit for hit in candidates if end < hit.start and view.words_between(end, hit.start) <= 5
        ]
    if inside:
        return _codes(inside)
    before = [hit for hit in candidates if hit.end <= start]
    if before:
        last = before[-1]
        return _codes(hit for hit in before if view.words_between(hit.end, last.start) <= 3)
    return _codes(
        hit
        for hit in candidates
        if hit.start >= end and view.cue_before(("AGENT_PREP",), hit.start, 2)
    )


def _codes(hits: Iterable[Hit]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(filter(None, map(_concept_code, map(HIT_CONCEPT, hits)))))


def _equipment_hits(view: SentenceView) -> list[Hit]:
    return _memo(view, "equipment_hits", _read_equipment_hits)


def _read_equipment_hits(view: SentenceView) -> list[Hit]:
    by_concept = view.by_concept
    hits = [hit for concept in EQUIPMENT_CONCEPTS for hit in by_concept.get(concept, ())]
    hits.sort(key=HIT_START)
    return hits


def _equipment(view: SentenceView) -> tuple[str, ...]:
    text = view.text
    hits = _equipment_hits(view)
    found = [text[hit.start : hit.end] for hit in hits]
    # every model code has a hyphen: most sentences need no scan for one
    codes = _MODEL_CODE.finditer(text, view.start, view.end) if "-" in view.sentence else ()
    for code in codes:
        following = [hit for hit in hits if hit.start == code.end() + 1]
        found.append(text[code.start() : following[0].end] if following else code.group())
    merged = [item for item in found if not any(item != other and item in other for other in found)]
    return tuple(dict.fromkeys(merged))


def _quantity(view: SentenceView) -> str | None:
    """A number right before troops or hardware: "tens of thousands of soldiers"."""
    heads = sorted(view.by_concept.get("FORCES", []) + _equipment_hits(view), key=HIT_START)
    if not heads:
        return None
    head_starts = [head.start for head in heads]
    numbers = [(hit.start, hit.end) for hit in view.by_concept.get("QUANTITY", ())]
    numbers += [match.span() for match in _DIGITS.finditer(view.text, view.start, view.end)]
    for number_start, number_end in sorted(numbers):
        index = bisect_left(head_starts, number_end)
        if index < len(heads) and view.words_between(number_end, heads[index].start) <= 3:
            return view.text[number_start : heads[index].end]
    return None


def _locations(view: SentenceView) -> tuple[str, ...]:
    located = _located(view)
    text = view.text
    return tuple(
        dict.fromkeys(
            text[hit.start : hit.end]
            for hit in view.hits
            if hit.concept == PLACE
            or (hit.start in located and hit.concept.startswith(ACTOR_PREFIX))
        )
    )


def _attribution(view: SentenceView) -> str | None:
    """Who reports it: "according to X", "X said", "said X".

    Names are read as runs of capitalized words ("the Belarusian Defense Ministry"). Where the
    cue word is not ASCII (Cyrillic lexicons) a source often starts in lower case and inflects
    ("сообщил министр обороны Андрей Белоусов", "в Минобороны России заявили"), so the name is
    read as a run of words up to a preposition or another cue, that starts with a capital or
    an ATTRIBUTION_HEAD word ("министр", "пресс-служба", "речник").
    """
    if not (view.has("ATTRIBUTION_LEAD") or view.has("ATTRIBUTION_VERB")):
        return None
    text = view.text
    for cue in view.hits:
        if cue.concept not in ("ATTRIBUTION_LEAD", "ATTRIBUTION_VERB"):
            continue
        if text[cue.start : cue.end].isascii():
            name = _name_after(text, cue.end, view.end)
            if cue.concept == "ATTRIBUTION_VERB":
                name = _name_before(text, view.start, cue.start) or name
        else:
            name = _source_after(view, cue.end)
            if cue.concept == "ATTRIBUTION_VERB":
                name = _source_before(view, cue.start) or name
        if name:
            return name
    return None


def _source_tokens(view: SentenceView, left: int, right: int) -> list[tuple[int, int, bool]]:
    """The tokens of ``text[left:right]`` as (start, end, stops a name)."""
    stops = _memo(
        view,
        "source_stops",
        lambda v: frozenset(hit.start for hit in v.hits if hit.concept in SOURCE_STOPS),
    )
    return [
        (match.start(), match.end(), match.start() in stops or _breaks_name(match.group()))
        for match in _ANY_TOKEN.finditer(view.text, left, right)
    ]


def _breaks_name(token: str) -> bool:
    return not (token[0].isalnum() or token[0] == "_" or token in _QUOTES)


def _source_after(view: SentenceView, position: int) -> str | None:
    """The source named after a cue: "сообщило Минобороны Азербайджана", "сообщили в ведомстве"."""
    tokens = _source_tokens(view, position, view.end)
    while tokens and tokens[0][2] and view.text[tokens[0][0]] not in _QUOTES:
        if not _is_preposition(view, tokens[0][0]):
            return None
        tokens.pop(0)
    run = []
    for token in tokens:
        if token[2] or len(run) == MAX_SOURCE_WORDS:
            break
        run.append(token)
    return _source_name(view, run)


def _source_before(view: SentenceView, position: int) -> str | None:
    """The source named before a cue: "Генштаб ЗСУ повідомив", "В Минобороны России заявили"."""
    run: list[tuple[int, int, bool]] = []
    for token in reversed(_source_tokens(view, view.start, position)):
        if token[2] or len(run) == MAX_SOURCE_WORDS:
            break
        run.insert(0, token)
    return _source_name(view, run)


def _is_preposition(view: SentenceView, position: int) -> bool:
    return any(hit.start == position for hit in view.hits if hit.concept == "LOCATIVE_PREP")


def _source_name(view: SentenceView, run: list[tuple[int, int, bool]]) -> str | None:
    """The run of words as a name: pronouns and linking words (ATTRIBUTION_SKIP) dropped at
    either end ("При этом Лукашенко", "Министр также"), then lower-case words that are not a
    source word dropped from the front ("заявил журналистам глава ведомства")."""
    text = view.text
    heads = _memo(
        view,
        "source_heads",
        lambda v: frozenset(hit.start for hit in v.hits if hit.concept == "ATTRIBUTION_HEAD"),
    )
    skips = _memo(view, "source_skips", lambda v: v.by_concept.get("ATTRIBUTION_SKIP", []))
    words = [token for token in run if text[token[0]] not in _QUOTES]
    words = [token for token in words if not any(s.start <= token[0] < s.end for s in skips)]
    while words and words[0][0] not in heads and not text[words[0][0]].isupper():
        words.pop(0)
    if not words:
        return None
    end = words[-1][1]
    name = text[words[0][0] : end]
    if end < len(text) and _closes_quote(name, text[end]):
        name += text[end]
    return name.strip().rstrip(".")


def _closes_quote(name: str, char: str) -> bool:
    """Does ``char`` close a quote the name opened ('группа "Гаюн', 'газета «Правда')?"""
    if char == "\u00bb":
        return "\u00ab" in name
    return char in _QUOTES and name.count(char) % 2 == 1


def _name_after(text: str, position: int, limit: int) -> str | None:
    words = []
    for match in _TOKEN.finditer(text, position, limit):
        if not _NAME_WORD.fullmatch(match.group()):
            break
        words.append(match.group())
    return _trim_name(words)


def _name_before(text: str, floor: int, position: int) -> str | None:
    """The run of name words that ends at ``position``, from ``floor`` on.

    The tokens are read from a window before ``position`` that widens only while the run
    reaches the window's first token (which may be a piece of a longer one): most runs are a
    few words long, and the sentence before them need not be tokenized.
    """
    reach = NAME_WINDOW
    while True:
        left = max(floor, position - reach)
        tokens = _TOKEN.findall(text, left, position)
        first = len(tokens)
        while first and _NAME_WORD.fullmatch(tokens[first - 1]):
            first -= 1
        if first > 1 or left == floor:
            return _trim_name(tokens[first:])
        reach *= 2


def _trim_name(words: list[str]) -> str | None:
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words or not words[0][0].isupper():
        return None
    return " ".join(words).rstrip(".")
