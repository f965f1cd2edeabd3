"""Classes of error found on tests/data/tagger-blind7, each with both sides: the sentence the
tagger must now get right and a nearby real military sentence it must still tag."""

import pytest

from tests.tagging import title_pairs

# --- mobilization "without" is none: "без объявления мобилизации" ------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Парламент Румунії розгляне законопроєкт, який дозволить міністерству оборони "
            "викликати резервістів на службу без оголошення мобілізації.",
            "uk",
        ),
        ("Уряд поповнює армію без оголошення мобілізації, вважають аналітики.", "uk"),
        ("Кремль пополняет армию без объявления мобилизации, считают аналитики.", "ru"),
        ("Власти рассчитывают нарастить численность войск без новой волны мобилизации.", "ru"),
    ],
)
def test_mobilization_without_declaring_one_is_no_call_up(body: str, language: str) -> None:
    found = title_pairs("Новости", body, language)
    assert ("mobilization_callup", "asserted") not in found


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # the mask phrase inside a real call-up: the reservists are still called up
        ("Власти призвали 10 тысяч резервистов без объявления мобилизации.", "ru"),
        ("Міноборони призвало 5 тисяч резервістів без оголошення мобілізації.", "uk"),
        ("Путин объявил частичную мобилизацию.", "ru"),
        ("Україна оголосила загальну мобілізацію.", "uk"),
    ],
)
def test_a_real_call_up_next_to_without_mobilization_is_still_tagged(
    body: str, language: str
) -> None:
    assert ("mobilization_callup", "asserted") in title_pairs("Новости", body, language)


# --- units that "enter" a formation join it, they do not move -----------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("В объединение вошли две мотострелковые дивизии и ракетная бригада.", "ru"),
        ("В группировку вошли три бригады и полк связи.", "ru"),
        ("До корпусу увійшли шість бригад, повідомив Головнокомандувач.", "uk"),
        ("До угруповання увійшли три механізовані бригади.", "uk"),
    ],
)
def test_units_entering_a_formation_do_not_move(body: str, language: str) -> None:
    found = title_pairs("Новости", body, language)
    assert ("troop_movement", "asserted") not in found


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Российские войска вошли в Сирию.", "ru"),
        ("Колонна бронетехники вошла в город.", "ru"),
        ("Російські війська увійшли в Херсон.", "uk"),
    ],
)
def test_troops_entering_a_place_still_move(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("Новости", body, language)


# --- a weapon's letter after a hyphen is no conditional particle: "Мста-Б" --------------------


def test_a_hyphenated_weapon_letter_is_not_a_conditional() -> None:
    found = title_pairs(
        "Розвідка", "Росія розконсервовує гаубиці Мста-Б на базах зберігання в Сибіру.", "uk"
    )
    assert ("equipment_from_storage", "asserted") in found
    assert ("equipment_from_storage", "hypothetical") not in found


def test_a_real_conditional_with_the_same_weapon_is_still_hypothetical() -> None:
    found = title_pairs(
        "Розвідка", "Росія може розконсервувати гаубиці Мста-Б на базах зберігання.", "uk"
    )
    assert ("equipment_from_storage", "hypothetical") in found
    moved = title_pairs("Генштаб", "Росія перекинула до кордону гаубиці Мста-Б і Гіацинт-Б.", "uk")
    assert ("troop_movement", "asserted") in moved


# --- the imperfective past in the singular moves troops: "Росія стягувала ... військових" -----


@pytest.mark.parametrize(
    ("body", "polarity"),
    [
        ("Росія стягувала до кордонів України понад 150 тисяч військових.", "asserted"),
        (
            "Взимку 2021 року Росія стягувала до кордонів України понад 150 тисяч військових.",
            "historical",
        ),
        ("Ворог стягував резерви на Покровський напрямок.", "asserted"),
    ],
)
def test_the_singular_imperfective_past_of_massing_is_a_move(body: str, polarity: str) -> None:
    assert ("troop_movement", polarity) in title_pairs("Новини", body, "uk")


@pytest.mark.parametrize(
    "body",
    [
        "Податкова стягувала з підприємців штрафи за порушення.",
        "Банк стягував комісію за перекази до Польщі.",
        "Міська рада стягувала туристичний збір з готелів.",
    ],
)
def test_levying_fees_is_no_move(body: str) -> None:
    assert not title_pairs("Новини", body, "uk")


# --- sport headlines that "call up" players ----------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Arsenal call up academy reserves as injury crisis deepens",
        "Wales call up uncapped fly-half for cup tie",
    ],
)
def test_a_sport_call_up_is_no_mobilization(title: str) -> None:
    assert ("mobilization_callup", "asserted") not in title_pairs(title, "")


@pytest.mark.parametrize(
    "body",
    [
        "Ukraine's army called up 3,000 reservists, including uncapped footballers.",
        "Ukraine's army called up 3,000 reservists, including academy players of Shakhtar.",
        "Ukraine's army called up 3,000 reservists as the cup tie was postponed.",
        "Russia's army called up 5,000 reservists despite an injury crisis in its infantry units.",
    ],
)
def test_a_real_call_up_with_a_sport_word_is_still_tagged(body: str) -> None:
    assert ("mobilization_callup", "asserted") in title_pairs("News", body)
