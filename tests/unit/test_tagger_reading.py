"""Reading around a trigger: polarity cues after it, and who reports it (any script)."""

import pytest

from streams.tagger import tag_text


def found(body: str, language: str = "en") -> set[tuple[str, str]]:
    result = tag_text("", body, language=language, reference_year=2026)
    return {(s.type, s.polarity) for s in result.signals}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "The brigade will hold live-fire exercises in Lapland next week.",
            "en",
            ("military_exercise", "hypothetical"),
        ),
        (
            "The allies agreed on Thursday to hold joint exercises in Belarus next autumn.",
            "en",
            ("military_exercise", "hypothetical"),
        ),
        (
            "Берлин поставит Киеву ракеты для систем Patriot до конца года.",
            "ru",
            ("arms_transfer", "hypothetical"),
        ),
    ],
)
def test_a_future_time_after_the_trigger_makes_it_hypothetical(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in found(body, language)


def test_a_modal_after_a_conjunction_belongs_to_the_next_verb() -> None:
    pairs = found("Units were put on combat alert and will move to designated areas.")
    assert ("readiness_increase", "asserted") in pairs


def test_the_invasion_as_a_time_reference_is_historical() -> None:
    pairs = found(
        "Kyiv extended mobilisation again, the 18th time since Russia's full-scale invasion."
    )
    assert ("troop_movement", "historical") in pairs
    assert ("troop_movement", "asserted") not in pairs


@pytest.mark.parametrize(
    ("title", "body", "language", "source"),
    [
        (
            "",
            "Войска приведены в высшую степень боевой готовности, сообщил министр обороны "
            "Андрей Белоусов.",
            "ru",
            "министр обороны Андрей Белоусов",
        ),
        (
            "",
            "В Минобороны России заявили, что войска приведены в полную боевую готовность.",
            "ru",
            "Минобороны России",
        ),
        (
            "",
            "Генштаб ЗСУ повідомив, що Росія перекинула дві бригади на Покровський напрямок.",
            "uk",
            "Генштаб ЗСУ",
        ),
        (
            "",
            "Росія перекинула дві бригади на Покровський напрямок, повідомив речник "
            "Державної прикордонної служби Андрій Демченко.",
            "uk",
            "речник Державної прикордонної служби Андрій Демченко",
        ),
        (
            "",
            'Два эшелона с танками прибыли на станцию, сообщает мониторинговая группа "Гаюн" '
            "со ссылкой на жителей.",
            "ru",
            'мониторинговая группа "Гаюн"',
        ),
    ],
)
def test_sources_are_read_in_cyrillic(title: str, body: str, language: str, source: str) -> None:
    result = tag_text(title, body, language=language, reference_year=2026)
    assert source in {s.attribution for s in result.signals}


def test_a_pronoun_is_not_a_source() -> None:
    result = tag_text(
        "", "Он также сообщил, что войска приведены в полную боевую готовность.", language="ru"
    )
    assert {s.attribution for s in result.signals} == {None}


def test_a_denial_in_an_older_episode_is_historical() -> None:
    pairs = found("In June 1941 many Soviet units were not put on combat alert until the attack.")
    assert ("readiness_increase", "historical") in pairs
