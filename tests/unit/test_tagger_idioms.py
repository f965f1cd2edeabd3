"""Classes of error behind the story clustering's misreads of angle pieces' headlines (dev
stories set), each with both sides: the figurative or other-field sense the tagger must now
leave alone and a real military sentence it must still tag."""

import pytest

from tests.tagging import title_pairs

# --- arms sent to a named drill are deployed there, not handed over ------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Japan sends anti-ship missiles to Philippines for first time in Balikatan",
        "US sends HIMARS launchers to Australia for Talisman Sabre exercise",
        "Germany sends tanks to Lithuania for NATO drills",
    ],
)
def test_arms_sent_to_an_exercise_are_no_transfer(title: str) -> None:
    assert ("arms_transfer", "asserted") not in title_pairs(title, "Details later.")


@pytest.mark.parametrize(
    "title",
    [
        "US sends more Patriot missiles to Ukraine",
        "Germany sends Leopard tanks to Ukraine",
        "Japan supplies air defence radars to the Philippines",
    ],
)
def test_arms_sent_to_a_state_are_still_a_transfer(title: str) -> None:
    assert ("arms_transfer", "asserted") in title_pairs(title, "Details later.")


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("South Korea and US begin Freedom Shield exercise", "en"),
        ("Японія вперше направила протикорабельні ракети на Філіппіни для навчань", "uk"),
        ("Япония впервые направила противокорабельные ракеты на Филиппины для учений", "ru"),
    ],
)
def test_a_drill_named_or_hardware_sent_to_it_is_an_exercise(title: str, language: str) -> None:
    assert ("military_exercise", "asserted") in title_pairs(title, "Details later.", language)


def test_a_drill_name_without_an_exercise_word_is_no_exercise() -> None:
    found = title_pairs("Drone defence is a theme at the Freedom Shield conference", "No body.")
    assert ("military_exercise", "asserted") not in found
