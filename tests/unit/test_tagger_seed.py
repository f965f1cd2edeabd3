"""The reference case: the seed article yields what SIGNALS.md lists for it."""

import json
from pathlib import Path

import pytest

from streams.article import parse_raw_article
from streams.normalize import normalize_article
from streams.tagger import MOBILIZATION_TYPES, Signal, TagResult, tag_article

SEED = Path(__file__).resolve().parents[2] / "seeds" / "belarus-armored-vehicles.json"


@pytest.fixture(scope="module")
def result() -> TagResult:
    article = normalize_article(parse_raw_article(SEED.read_bytes(), max_bytes=1_000_000))
    return tag_article(article)


def find(result: TagResult, type_: str, polarity: str) -> list[Signal]:
    return [s for s in result.signals if s.type == type_ and s.polarity == polarity]


def test_seed_is_a_mobilization_article_by_belarus_and_russia(result: TagResult) -> None:
    assert result.mobilization
    assert result.actors == ("BLR", "RUS")
    assert result.score > 0.9


def test_equipment_from_storage_by_belarus_attributed_to_its_defense_ministry(
    result: TagResult,
) -> None:
    (signal,) = find(result, "equipment_from_storage", "asserted")
    assert signal.actors == ("BLR",)
    assert signal.attribution == "Belarusian Defense Ministry"
    assert "armored vehicles" in signal.equipment
    assert "long-term storage" in signal.evidence.trigger


@pytest.mark.parametrize("type_", ["force_grouping", "military_exercise"])
def test_joint_grouping_and_exercises_by_russia_and_belarus(result: TagResult, type_: str) -> None:
    assert ("BLR", "RUS") in [s.actors for s in find(result, type_, "asserted")]


def test_troop_movement_toward_ukraine_border(result: TagResult) -> None:
    moves = find(result, "troop_movement", "asserted")
    assert [(s.actors, s.target) for s in moves] == [(("BLR",), "UKR")]


def test_last_fall_movement_is_historical_with_its_quantity(result: TagResult) -> None:
    (signal,) = find(result, "troop_movement", "historical")
    assert signal.actors == ("RUS",)
    assert signal.quantity == "tens of thousands of soldiers"


def test_terms_of_joining_the_war_are_a_threat_or_hypothetical(result: TagResult) -> None:
    threats = find(result, "threat", "asserted") + [
        s for s in result.signals if s.polarity == "hypothetical" and "war" in s.evidence.sentence
    ]
    assert any("BLR" in s.actors for s in threats)


def test_ukraine_denial_of_aggressive_intent_is_asserted_de_escalation(result: TagResult) -> None:
    (signal,) = find(result, "de_escalation", "asserted")
    assert signal.actors == ("UKR",)
    assert signal.target == "BLR"


def test_no_mobilization_signal_is_asserted_that_the_article_does_not_report(
    result: TagResult,
) -> None:
    asserted = {s.type for s in result.signals if s.polarity == "asserted"}
    assert asserted & set(MOBILIZATION_TYPES) == {
        "equipment_from_storage",
        "force_grouping",
        "military_exercise",
        "troop_movement",
    }
    assert "mobilization_callup" not in {s.type for s in result.signals}


def test_evidence_offsets_point_into_the_normalized_field(result: TagResult) -> None:
    article = normalize_article(parse_raw_article(SEED.read_bytes(), max_bytes=1_000_000))
    for signal in result.signals:
        text = article.title if signal.evidence.field == "title" else article.body
        evidence = signal.evidence
        assert text[evidence.start : evidence.end] == evidence.sentence
        assert text[evidence.trigger_start : evidence.trigger_end] == evidence.trigger


def test_seed_file_is_the_shared_reference_text() -> None:
    shared = SEED.parents[2].parent / "shared" / "seeds" / "belarus-armored-vehicles.txt"
    if shared.exists():
        seed = json.loads(SEED.read_text())
        assert seed["body"].split()[:20] == shared.read_text().split("\n\n", 1)[1].split()[:20]
