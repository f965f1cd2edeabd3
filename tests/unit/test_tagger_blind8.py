"""Classes of error found on tests/data/tagger-blind8 (OSINT and sighting reports), each with
both sides: the sentence the tagger must now get right and a nearby real military sentence it
must still tag."""

import pytest

from tests.tagging import title_pairs

# --- massing told as a noun: "знімки фіксують скупчення бронетехніки" -----------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Супутникові знімки фіксують скупчення бронетехніки біля кордону.", "uk"),
        ("Біля кордону скупчення військ РФ, заявили в ДПСУ.", "uk"),
        ("Спутниковые снимки фиксируют скопление бронетехники у границы.", "ru"),
        ("У границы скопление российских войск, сообщили в Генштабе.", "ru"),
    ],
)
def test_massing_told_as_a_noun_is_a_troop_movement(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("Новости", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # crowds and queues gather without any force
        ("На площі скупчення людей, поліція перекрила рух.", "uk"),
        ("На вокзале скопление пассажиров, поезда задерживаются.", "ru"),
        ("На трасі скупчення вантажівок через ремонт мосту.", "uk"),
    ],
)
def test_a_crowd_or_a_queue_is_no_massing(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("Новости", body, language)


# --- games in camouflage: airsoft "drills" are no exercise ----------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Страйкбол: «бойові навчання» в лісі налякали грибників",
            "Грибники викликали поліцію.",
            "uk",
        ),
        ("Новини", "Страйкболісти провели «військові навчання» в лісі під Києвом.", "uk"),
        ("Новости", "Страйкболисты провели «военные учения» в лесу под Москвой.", "ru"),
        ("News", "Paintball fans held military drills in the woods.", "en"),
        ("News", "An airsoft club stages a military exercise with 200 players.", "en"),
    ],
)
def test_airsoft_and_paintball_drills_are_no_exercise(title: str, body: str, language: str) -> None:
    assert ("military_exercise", "asserted") not in title_pairs(title, body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("На полігоні почалися навчання механізованої бригади.", "uk"),
        ("На полигоне начались учения мотострелковой бригады.", "ru"),
        ("The army began military drills near the border.", "en"),
        # the game in one sentence does not hide a real drill in the next
        (
            "Страйкбольний клуб скасував гру. На полігоні почалися навчання механізованої бригади.",
            "uk",
        ),
        ("An airsoft match was cancelled. The army began military drills near the border.", "en"),
    ],
)
def test_real_drills_beside_games_are_still_read(body: str, language: str) -> None:
    assert ("military_exercise", "asserted") in title_pairs("News", body, language)
