"""Classes of error found on tests/data/tagger-blind6, each with both sides: the sentence the
tagger must now get right and a nearby real military sentence it must still tag."""

import pytest

from tests.tagging import title_pairs

# --- a question asserts nothing: interviews, briefings, explainers --------------------------


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "Q: Are you seeing any Russian forces moving toward the Baltic states?",
            "en",
            "troop_movement",
        ),
        (
            "— Чи є ознаки, що Росія перекидає війська до Придністров'я?",
            "uk",
            "troop_movement",
        ),
        (
            "Вопрос: Правда ли, что Россия перебрасывает войска к границе с Финляндией?",
            "ru",
            "troop_movement",
        ),
    ],
)
def test_a_question_in_an_interview_or_briefing_asserts_no_move(
    body: str, language: str, kind: str
) -> None:
    found = title_pairs("Interview", body, language)
    assert (kind, "asserted") not in found


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "Russian forces are moving toward the Baltic states, the Lithuanian army said.",
            "en",
            "troop_movement",
        ),
        (
            "Генштаб повідомив, що Росія перекидає війська до кордону з Харківщиною.",
            "uk",
            "troop_movement",
        ),
        (
            "Россия перебрасывает войска к границе с Финляндией, сообщили финские пограничники.",
            "ru",
            "troop_movement",
        ),
    ],
)
def test_the_same_move_told_as_a_statement_is_still_asserted(
    body: str, language: str, kind: str
) -> None:
    assert (kind, "asserted") in title_pairs("News", body, language)


def test_a_question_headline_is_speculation() -> None:
    found = title_pairs("Analysis: Could Russia announce a second mobilisation wave?", "No body.")
    assert ("mobilization_callup", "hypothetical") in found
    assert ("mobilization_callup", "asserted") not in found


def test_an_answer_after_the_question_is_still_read() -> None:
    body = (
        "Q: Has Finland raised readiness?\n"
        "A: Yes. Last week we put several units in the east on higher alert."
    )
    assert ("readiness_increase", "asserted") in title_pairs("Interview", body)


# --- a muster of reserve officers without a verb of calling is a call-up (ru) ------------


@pytest.mark.parametrize(
    "body",
    [
        "1 декабря в стране начались плановые сборы для офицеров запаса.",
        "В Бресте начались сборы резервистов мотострелковой бригады.",
    ],
)
def test_a_muster_of_the_reserve_is_a_callup(body: str) -> None:
    assert ("mobilization_callup", "asserted") in title_pairs("Новости", body, "ru")


@pytest.mark.parametrize(
    "body",
    [
        "Волонтёры объявили сборы для военнослужащих 200-й бригады.",
        "Сборная России начала тренировочные сборы в Турции.",
        "Сборы личного состава прошли в плановом режиме, сообщили в округе.",
    ],
)
def test_fundraisers_sports_camps_and_past_gatherings_are_no_muster(body: str) -> None:
    assert ("mobilization_callup", "asserted") not in title_pairs("Новости", body, "ru")


def test_reservists_called_to_musters_with_a_verb_are_still_a_callup() -> None:
    body = "Минобороны призвало резервистов на военные сборы в Ленинградской области."
    assert ("mobilization_callup", "asserted") in title_pairs("Новости", body, "ru")


# --- the present tense of 'спростовувати' is a denial (uk) ---------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (
            "Угорщина почала навчання біля кордону, Київ спростовує мобілізацію на Закарпатті",
            "mobilization_callup",
        ),
        ("Міноборони спростовує чутки про перекидання військ до кордону", "troop_movement"),
    ],
)
def test_a_denial_in_the_present_tense_negates(title: str, kind: str) -> None:
    found = title_pairs(title, "Подробиці згодом.", "uk")
    assert (kind, "negated") in found
    assert (kind, "asserted") not in found


def test_a_move_told_without_the_denial_is_still_asserted() -> None:
    found = title_pairs("Росія перекидає війська до кордону з Сумщиною", "Подробиці згодом.", "uk")
    assert ("troop_movement", "asserted") in found


# --- civil services on alert, "the move" as a decision, a call-up judged in general (en) ---


@pytest.mark.parametrize(
    "body",
    [
        "The government put regional health services on high alert and released antiviral "
        "drugs from its national stockpile.",
        "Analysts in Yerevan said the move was part of the army reform agreed with French "
        "advisers.",
        '"Calling up reservists is a tool of pressure as much as of war," said a former '
        "intelligence officer.",
    ],
)
def test_health_services_a_judged_move_and_call_ups_in_general_are_no_signal(body: str) -> None:
    assert title_pairs("News", body) == set()


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Israel put its army on high alert and told regional health services to prepare "
            "for casualties.",
            "readiness_increase",
        ),
        ("The move of the 3rd brigade to the border was completed on Monday.", "troop_movement"),
        (
            "Russia moved two brigades to the border. The move comes as talks stall.",
            "troop_movement",
        ),
        ("The Israeli army began calling up reservists on Sunday.", "mobilization_callup"),
    ],
)
def test_real_alerts_moves_and_call_ups_beside_those_words_are_still_tagged(
    body: str, kind: str
) -> None:
    assert (kind, "asserted") in title_pairs("News", body)


# --- an attempt is not yet done: "намагається створити", "пытается создать", "trying to" ---


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "Ворог намагається створити ударне угруповання для відновлення наступальних дій.",
            "uk",
            "force_grouping",
        ),
        ("Противник пытается создать ударную группировку под Купянском.", "ru", "force_grouping"),
        (
            "Moscow is trying to move more troops to the Belarusian border, the agency said.",
            "en",
            "troop_movement",
        ),
    ],
)
def test_an_attempt_is_not_yet_done(body: str, language: str, kind: str) -> None:
    found = title_pairs("News", body, language)
    assert (kind, "hypothetical") in found
    assert (kind, "asserted") not in found


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        ("Ворог створив ударне угруповання під Куп'янськом.", "uk", "force_grouping"),
        ("Противник создал ударную группировку под Купянском.", "ru", "force_grouping"),
        (
            "Moscow is moving more troops to the Belarusian border, the agency said.",
            "en",
            "troop_movement",
        ),
    ],
)
def test_the_same_thing_done_is_still_asserted(body: str, language: str, kind: str) -> None:
    assert (kind, "asserted") in title_pairs("News", body, language)


# --- "X, no signs of Y": a denial of signs after a comma speaks of Y, not of X ---------------


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Огляд ISW: Росія формує новий армійський корпус, ознак наступу з Білорусі немає", "uk"),
        ("Обзор ISW: Россия формирует новый армейский корпус, признаков наступления нет", "ru"),
        ("ISW: Russia forms new army corps, no signs of an offensive from Belarus", "en"),
    ],
)
def test_a_denial_of_signs_after_a_comma_leaves_the_first_report_asserted(
    title: str, language: str
) -> None:
    found = title_pairs(title, "—", language)
    assert ("force_grouping", "asserted") in found
    assert ("force_grouping", "negated") not in found


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Россия перебрасывает войска к границе, Кремль это отрицает", "ru"),
        ("Russia is massing troops at the border, Kremlin denies", "en"),
        ("Росія перекидає війська до кордону, у Кремлі це заперечують", "uk"),
    ],
)
def test_a_denial_after_a_comma_without_signs_still_negates(title: str, language: str) -> None:
    found = title_pairs(title, "—", language)
    assert ("troop_movement", "negated") in found
    assert ("troop_movement", "asserted") not in found


# --- a fact check's headline dates the debunked footage, not the story --------------------

FACT_CHECK_CASES = [
    (
        "Fact check: video of NATO tanks heading for Russia is from 2020 exercise",
        "Video of NATO tanks heading for Russia is from 2020 exercise",
        "A video shows tanks on a motorway.\n\nThe US Army confirmed that a Stryker battalion "
        "had moved from Vilseck in Germany to Romania for a nine-month rotation.",
        "en",
    ),
    (
        "Фактчек: видео колонны НАТО у границы России снято в 2020 году",
        "Видео колонны НАТО у границы России снято в 2020 году",
        "На видео колонна танков на трассе.\n\nМинобороны подтвердило, что батальон переброшен "
        "из Пскова в Калининград.",
        "ru",
    ),
    (
        "Фактчек: відео колони НАТО біля кордону Росії знято у 2020 році",
        "Відео колони НАТО біля кордону Росії знято у 2020 році",
        "На відео колона танків на трасі.\n\nМіноборони підтвердило, що батальйон перекинуто "
        "зі Львова на Волинь.",
        "uk",
    ),
]


@pytest.mark.parametrize(("fact_check", "plain", "body", "language"), FACT_CHECK_CASES)
def test_a_fact_check_headline_leaves_todays_move_asserted(
    fact_check: str, plain: str, body: str, language: str
) -> None:
    assert ("troop_movement", "asserted") in title_pairs(fact_check, body, language)


@pytest.mark.parametrize(("fact_check", "plain", "body", "language"), FACT_CHECK_CASES)
def test_a_headline_about_the_past_without_a_fact_check_still_sets_the_past(
    fact_check: str, plain: str, body: str, language: str
) -> None:
    found = title_pairs(plain, body, language)
    assert ("troop_movement", "historical") in found
    assert ("troop_movement", "asserted") not in found


# --- a build-up told as a number: "the number of troops near the border has (not) grown" ----


@pytest.mark.parametrize(
    ("body", "language", "polarity"),
    [
        (
            "Ми фіксуємо лише ротацію окремих підрозділів, кількість військ поблизу кордону не "
            "збільшується.",
            "uk",
            "negated",
        ),
        (
            "За даними розвідки, кількість російських військ біля кордону збільшилася до 50 тисяч.",
            "uk",
            "asserted",
        ),
        ("По данным разведки, количество войск у границы увеличилось вдвое.", "ru", "asserted"),
        ("Численность войск группировки не увеличивается, заявили в штабе.", "ru", "negated"),
        (
            "The number of Russian troops near the border has increased to 50,000, the agency "
            "said.",
            "en",
            "asserted",
        ),
    ],
)
def test_troop_numbers_growing_is_a_build_up(body: str, language: str, polarity: str) -> None:
    assert ("troop_movement", polarity) in title_pairs("News", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The number of soldiers who signed contracts has grown, the ministry said.", "en"),
        ("Количество военных, подписавших контракт, выросло на 20%.", "ru"),
        ("Кількість військових, які підписали контракт, зросла.", "uk"),
    ],
)
def test_more_soldiers_signing_contracts_is_recruitment_not_a_build_up(
    body: str, language: str
) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("News", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "The number of troops at the border has increased since the recruitment drive ended, "
            "officials said.",
            "en",
        ),
        ("Численность войск у границы увеличилась: туда перебросили контрактников.", "ru"),
        ("Кількість військ біля кордону збільшилася: туди перекинули контрактників.", "uk"),
    ],
)
def test_a_build_up_beside_recruitment_words_is_still_tagged(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("News", body, language)


# --- "режим підвищеної готовності" is the civil-protection regime unless troops are in it ---


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Підрозділи підтримки банку переведено в режим підвищеної готовності.", "uk"),
        ("Дежурные службы банка переведены в режим повышенной готовности.", "ru"),
        ("ДСНС переведено в режим підвищеної готовності через циклон.", "uk"),
    ],
)
def test_the_civil_alert_regime_is_no_readiness_increase(body: str, language: str) -> None:
    assert ("readiness_increase", "asserted") not in title_pairs("News", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Войска Западного военного округа переведены в режим повышенной готовности.", "ru"),
        ("Белорусская армия переведена в режим повышенной готовности.", "ru"),
        ("Війська на півночі переведено в режим підвищеної готовності.", "uk"),
        ("Підрозділи ППО переведено в режим підвищеної готовності після атаки дронів.", "uk"),
        ("Сили ППО переведено в режим підвищеної бойової готовності.", "uk"),
        ("Зенитные ракетные подразделения приведены в повышенную боевую готовность.", "ru"),
    ],
)
def test_troops_and_air_defence_put_on_alert_are_still_a_readiness_increase(
    body: str, language: str
) -> None:
    assert ("readiness_increase", "asserted") in title_pairs("News", body, language)


# --- capabilities strengthened are no forces reinforced (ru) --------------------------------


def test_equipment_that_strengthens_capabilities_moves_no_forces() -> None:
    body = (
        "«Эта техника усилит возможности наших вооружённых сил в борьбе с терроризмом», "
        "— заявил министр."
    )
    assert not {p for p in title_pairs("Новости", body, "ru") if p[0] == "troop_movement"}


@pytest.mark.parametrize(
    "body",
    [
        "Переброска двух бригад к границе усилит возможности группировки, считают в штабе.",
        "Россия усилила группировку у границы двумя бригадами.",
    ],
)
def test_reinforcements_beside_capabilities_are_still_a_move(body: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("Новости", body, "ru")


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Why did Russia move 10,000 troops to the border?", "", "en"),
        ("", "Q: Why did you put the troops on alert? A: Because of the drills.", "en"),
        ("Почему Россия стягивает войска к границе?", "", "ru"),
        ("Навіщо Росія перекидає війська до кордону?", "", "uk"),
    ],
)
def test_a_question_asking_why_or_how_takes_its_event_as_told(
    title: str, body: str, language: str
) -> None:
    found = title_pairs(title, body, language)
    assert found and all(polarity == "asserted" for _, polarity in found)


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Is Russia moving troops to Belarus?", "en"),
        ("What if Russia moves troops to the border?", "en"),
        ("Що буде, якщо Росія перекине війська до кордону?", "uk"),
    ],
)
def test_a_question_asking_whether_or_what_if_still_asserts_nothing(
    title: str, language: str
) -> None:
    found = title_pairs(title, "", language)
    assert found and all(polarity == "hypothetical" for _, polarity in found)
