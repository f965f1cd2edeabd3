"""Load a language's lexicon: concept terms, actor gazetteer, polarity cues and signal rules.

A language is a folder under ``lexicons/`` holding TOML files, one per concern, that the team
reads and extends without touching code:

- ``concepts.toml``: ``[CONCEPT]`` tables with ``terms`` (and ``case_sensitive``) lists, and
  optionally ``hides``: concepts whose hits inside this one's are dropped (MASK hides all);
- ``cues.toml``: the same shape, for the polarity, target and attribution cues the engine knows;
- ``actors.toml``: ``[ISO3]`` tables of names, demonyms, capitals, leaders and forces;
- ``places.toml``: place names that are locations but not actors;
- ``rules.toml``: ``[[rule]]`` entries that combine concepts into signal types.

Every table may carry a ``why`` string: the reason the entry exists.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from streams.tagger.matcher import GateMatcher, ScanText, Term, TermMatcher
from streams.tagger.model import POLARITIES, SIGNAL_TYPES

LEXICONS_DIR = Path(__file__).parent / "lexicons"
ACTOR_PREFIX = "actor:"
TIME_CUES = ("HISTORICAL", "RECENT", "FACT_CHECK")
REVIEW = "REVIEW"
WORK = "WORK"
FICTION_CUES = (WORK, "FICTIONAL")
PLACE = "place"
MASK = "MASK"


@dataclass(frozen=True, slots=True)
class Rule:
    """Concepts that, found close together in one sentence, assert a signal type."""

    name: str
    type: str
    all: tuple[str, ...]
    window: int
    confidence: float
    context: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    never_with: tuple[str, ...] = ()
    exclude_near: tuple[str, ...] = ()
    ordered: bool = False
    polarity: str | None = None
    requires_target: bool = False
    gate: str = ""
    required: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """A language's compiled lexicon.

    ``gates`` finds, in one pass over a whole field, the rare words without which no rule can
    fire (each rule's ``gate`` concept; see ``gate_positions``); ``concepts`` finds every word
    rules are made of, only in sentences a gate opened; ``context`` finds cues, actors and
    places, only in sentences where a rule fired.
    """

    language: str
    gates: GateMatcher
    concepts: TermMatcher
    context: TermMatcher
    times: TermMatcher
    reviews: TermMatcher
    fiction: TermMatcher
    rules: tuple[Rule, ...]
    hides: dict[str, frozenset[str]]
    covering: frozenset[str]
    rule_index: RuleIndex

    def gate_positions(self, scan: ScanText) -> list[int]:
        """A position inside each word that may open a rule, sorted: a gate concept's word, or
        any case-sensitive concept word. Those are rare acronyms, and the pass over the text
        that finds them here finds them for ``concepts.find`` too; a sentence opened by a word
        of no gate concept fires no rule."""
        return self.gates.positions(scan)


class RuleIndex:
    """Which rules a sentence's concepts allow: ``within(present)`` is the rules whose concepts
    all occur in ``present``, in lexicon order. Sentences bring the same few sets of concepts
    again and again, so each set's answer is kept, in a bounded cache."""

    __slots__ = ("_by_gate", "within")

    def __init__(self, rules: tuple[Rule, ...], cache_size: int = 4096) -> None:
        by_gate: dict[str, list[tuple[int, Rule]]] = {}
        for index, rule in enumerate(rules):
            by_gate.setdefault(rule.gate, []).append((index, rule))
        self._by_gate = {gate: tuple(pairs) for gate, pairs in by_gate.items()}
        self.within = lru_cache(maxsize=cache_size)(self._within)

    def _within(self, present: frozenset[str]) -> tuple[Rule, ...]:
        """Only the rules gated by a concept in ``present`` are tried (the indices are unique:
        sorting the pairs never compares rules)."""
        by_gate = self._by_gate
        found = [
            pair
            for concept in present
            if concept in by_gate
            for pair in by_gate[concept]
            if pair[1].required <= present
        ]
        found.sort()
        return tuple(rule for _, rule in found)


def is_name(concept: str) -> bool:
    """Actors and places are names: a longer name hides the names inside it."""
    return concept == PLACE or concept.startswith(ACTOR_PREFIX)


def available_languages() -> tuple[str, ...]:
    """Languages that have a lexicon folder (and so are tagged at all)."""
    return tuple(sorted(path.parent.name for path in LEXICONS_DIR.glob("*/rules.toml")))


@cache
def load_lexicon(language: str) -> Lexicon | None:
    """The compiled lexicon of ``language``, or None when there is none yet."""
    folder = LEXICONS_DIR / language
    if not (folder / "rules.toml").is_file():
        return None
    cues = _read(folder / "cues.toml")
    context = [
        *_concept_terms(cues),
        *_actor_terms(_read(folder / "actors.toml")),
        *_place_terms(_read(folder / "places.toml")),
    ]
    rules = tuple(_rule(entry) for entry in _read(folder / "rules.toml").get("rule", []))
    concepts = _read(folder / "concepts.toml")
    gates = {rule.gate for rule in rules}
    hides = {
        concept: frozenset(table["hides"])
        for concept, table in concepts.items()
        if "hides" in table
    }
    gate_terms = _concept_terms({k: v for k, v in concepts.items() if k in gates})
    concept_matcher = TermMatcher(_concept_terms(concepts))
    context_matcher = TermMatcher(context)
    gate_matcher = GateMatcher(
        (term for term in gate_terms if not term.case_sensitive),
        concept_matcher,
        (context_matcher,),
    )
    return Lexicon(
        language=language,
        gates=gate_matcher,
        concepts=concept_matcher,
        context=context_matcher,
        times=TermMatcher(_concept_terms({k: v for k, v in cues.items() if k in TIME_CUES})),
        reviews=TermMatcher(_concept_terms({k: v for k, v in cues.items() if k == REVIEW})),
        fiction=TermMatcher(_concept_terms({k: v for k, v in cues.items() if k in FICTION_CUES})),
        rules=rules,
        hides=hides,
        covering=_covering(concept_matcher.concepts | context_matcher.concepts, hides),
        rule_index=RuleIndex(rules),
    )


def _covering(concepts: set[str], hides: dict[str, frozenset[str]]) -> frozenset[str]:
    """The concepts whose hits can hide shorter hits inside them (see ``engine._unmasked``)."""
    return frozenset(
        concept for concept in concepts if concept == MASK or concept in hides or is_name(concept)
    )


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _terms(table: dict[str, Any], key: str, concepts: tuple[str, ...]) -> Iterator[Term]:
    for text in table.get(key, []):
        if "*" in text.rstrip("*"):
            raise ValueError(f"{concepts[0]}: '*' may only end a term, not stand inside {text!r}")
        yield Term(text, concepts)
    for text in table.get("case_sensitive", []):
        yield Term(text, concepts, case_sensitive=True)


def _concept_terms(document: dict[str, Any]) -> Iterator[Term]:
    for concept, table in document.items():
        yield from _terms(table, "terms", (concept,))


def _actor_terms(document: dict[str, Any]) -> Iterator[Term]:
    for code, table in document.items():
        yield from _terms(table, "names", (ACTOR_PREFIX + code,))


def _place_terms(document: dict[str, Any]) -> Iterator[Term]:
    for table in document.values():
        yield from _terms(table, "names", (PLACE,))


def _rule(entry: dict[str, Any]) -> Rule:
    rule = Rule(
        name=entry["name"],
        type=entry["type"],
        all=tuple(entry["all"]),
        window=int(entry.get("window", 8)),
        confidence=float(entry.get("confidence", 0.7)),
        context=tuple(entry.get("context", ())),
        unless=tuple(entry.get("unless", ())),
        never_with=tuple(entry.get("never_with", ())),
        exclude_near=tuple(entry.get("exclude_near", ())),
        ordered=bool(entry.get("ordered", False)),
        polarity=entry.get("polarity"),
        requires_target=bool(entry.get("requires_target", False)),
        gate=entry.get("gate", entry["all"][0]),
        required=frozenset(entry["all"]),
    )
    if rule.gate not in rule.required:
        raise ValueError(f"rule {rule.name!r}: gate {rule.gate!r} is not one of its concepts")
    if rule.type not in SIGNAL_TYPES:
        raise ValueError(f"rule {rule.name!r}: unknown signal type {rule.type!r}")
    if rule.polarity is not None and rule.polarity not in POLARITIES:
        raise ValueError(f"rule {rule.name!r}: unknown polarity {rule.polarity!r}")
    return rule
