"""The tagger's value types: what a signal carries and what an article's result is."""

from __future__ import annotations

from dataclasses import dataclass, field

MOBILIZATION_TYPES = (
    "equipment_from_storage",
    "troop_movement",
    "military_exercise",
    "mobilization_callup",
    "readiness_increase",
    "force_grouping",
)
CONTEXT_TYPES = ("arms_transfer", "threat", "de_escalation")
SIGNAL_TYPES = MOBILIZATION_TYPES + CONTEXT_TYPES
POLARITIES = ("asserted", "negated", "hypothetical", "historical")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a signal was read: the sentence and the trigger, with offsets into ``field``."""

    field: str
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Signal:
    """One signal of SIGNALS.md found in an article."""

    type: str
    polarity: str
    confidence: float
    evidence: Evidence
    rule: str
    actors: tuple[str, ...] = ()
    target: str | None = None
    equipment: tuple[str, ...] = ()
    quantity: str | None = None
    locations: tuple[str, ...] = ()
    attribution: str | None = None

    @property
    def is_mobilization(self) -> bool:
        return self.polarity == "asserted" and self.type in MOBILIZATION_TYPES


@dataclass(frozen=True, slots=True)
class TagResult:
    """The article-level verdict and every distinct signal behind it."""

    language: str
    mobilization: bool
    score: float
    actors: tuple[str, ...]
    type_counts: dict[str, int] = field(default_factory=dict)
    signals: tuple[Signal, ...] = ()
    truncated: bool = False
