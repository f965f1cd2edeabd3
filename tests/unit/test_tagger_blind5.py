"""Classes of error found on tests/data/tagger-blind5, each with both sides: the sentence the
tagger must now get right and a nearby real military sentence it must still tag."""

import pytest

from tests.tagging import title_pairs


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Shooter update lets players call up reserves and deploy tank battalions",
            "The winter update goes live on Tuesday.",
            "en",
        ),
        (
            "Игра получила режим с переброской дивизий",
            "В онлайн-игре вышло зимнее обновление. Игроки смогут перебрасывать дивизии между "
            "фронтами и призывать подкрепления из резерва.",
            "ru",
        ),
        (
            "Гра отримала режим з перекиданням полків",
            "Студія випустила оновлення для стратегії. Тепер гравці можуть мобілізувати "
            "ополчення і перекидати полки на інші ділянки карти.",
            "uk",
        ),
    ],
)
def test_what_a_games_update_lets_players_do_is_its_mechanics(
    title: str, body: str, language: str
) -> None:
    assert title_pairs(title, body, language) == set()


@pytest.mark.parametrize(
    ("title", "body", "language", "expected"),
    [
        (
            "Army deploys tank battalions to the border",
            "In an update on Monday, the ministry said regional players can no longer ignore "
            "the build-up after the army deployed two tank battalions to the border.",
            "en",
            ("troop_movement", "asserted"),
        ),
        (
            "",
            "В ходе обновления парка техники армия перебросила дивизию к границе, и региональные "
            "игроки могут это учитывать.",
            "ru",
            ("troop_movement", "asserted"),
        ),
        (
            "",
            "Після оновлення техніки бригаду перекинули до кордону.",
            "uk",
            ("troop_movement", "asserted"),
        ),
    ],
)
def test_an_update_in_military_news_is_no_game(
    title: str, body: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in title_pairs(title, body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("В его состав вошли две механизированные бригады и артиллерийская бригада.", "ru"),
        ("До його складу увійшли механізовані та артилерійські підрозділи.", "uk"),
        (
            "Генштаб ЗСУ повідомляє: з метою посилення оборони на північному напрямку "
            "сформовано нове командування.",
            "uk",
        ),
    ],
)
def test_units_joining_a_formation_or_a_purpose_are_no_move(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Для усиления группировки к границе переброшены две бригады.", "ru"),
        ("Для посилення угруповання до кордону перекинуто дві бригади.", "uk"),
        ("Российские войска вошли в город на рассвете.", "ru"),
    ],
)
def test_a_move_told_beside_a_purpose_is_still_a_move(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "С баз хранения Восточного военного округа в Забайкальском крае в ноябре выведено "
            "более 100 единиц бронетехники.",
            "ru",
        ),
        ("Техніку розвантажують і виводять на полігон.", "uk"),
    ],
)
def test_hardware_taken_out_of_storage_or_to_a_range_is_no_pull_back(
    body: str, language: str
) -> None:
    assert ("de_escalation", "asserted") not in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Россия вывела бронетехнику из приграничных районов.", "ru"),
        ("Білорусь вивела бронетехніку з прикордонних районів.", "uk"),
    ],
)
def test_hardware_pulled_back_from_the_border_is_still_a_pull_back(
    body: str, language: str
) -> None:
    assert ("de_escalation", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Атмосферный фронт смещается на восток, МЧС привело силы в повышенную готовность", "ru"),
        ("Атмосферний фронт рухається на схід, ДСНС привела сили в підвищену готовність", "uk"),
    ],
)
def test_a_weather_front_leaves_the_emergency_service_civil(title: str, language: str) -> None:
    assert title_pairs(title, "", language) == set()


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("На фронте войска приведены в повышенную боевую готовность", "ru"),
        ("На фронті війська приведено в підвищену бойову готовність", "uk"),
    ],
)
def test_troops_at_the_front_on_alert_are_a_readiness_increase(title: str, language: str) -> None:
    assert ("readiness_increase", "asserted") in title_pairs(title, "", language)


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Hackers mobilise botnet army against Nordic banks; cyber agency raises alert level",
            "A pro-Russian hacker group mobilised an army of hijacked devices to knock the "
            "websites of several banks offline.",
            "en",
        ),
        ("", '"Наша киберармия мобилизовала тысячи ботов", - говорится в сообщении группы.', "ru"),
        ("", "Хакери заявили, що їхня кіберармія мобілізувала тисячі ботів.", "uk"),
    ],
)
def test_a_hackers_army_of_devices_is_no_call_up(title: str, body: str, language: str) -> None:
    assert title_pairs(title, body, language) == set()


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "Russia mobilised an army of 300,000 reservists in the autumn.",
            "en",
            ("mobilization_callup", "asserted"),
        ),
        (
            "After the cyber attack, the army put its units on high alert.",
            "en",
            ("readiness_increase", "asserted"),
        ),
        (
            "После кибератаки армия мобилизовала резервистов.",
            "ru",
            ("mobilization_callup", "asserted"),
        ),
    ],
)
def test_an_army_after_a_cyber_attack_is_still_an_army(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "South Korea could move artillery units to the border and put front-line troops on "
            "higher alert if North Korea resumes its loudspeaker campaign.",
            "en",
            ("readiness_increase", "hypothetical"),
        ),
        (
            "Сербия приведет армию в повышенную боевую готовность, если Приштина введет спецназ.",
            "ru",
            ("readiness_increase", "hypothetical"),
        ),
        (
            "Румунія підвищить боєготовність підрозділів ППО, якщо дрони знову залетять.",
            "uk",
            ("readiness_increase", "hypothetical"),
        ),
    ],
)
def test_a_condition_right_after_the_trigger_makes_it_hypothetical(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Poland put its troops on higher alert after the strikes, asking NATO if it would "
            "help.",
            "en",
        ),
        ("The army deployed two battalions to the border in case of an attack.", "en"),
        ("Армия Сербии приведена в повышенную боевую готовность, сообщили в министерстве.", "ru"),
    ],
)
def test_a_condition_far_from_the_trigger_leaves_it_told(body: str, language: str) -> None:
    found = title_pairs("", body, language)
    assert found & {("readiness_increase", "asserted"), ("troop_movement", "asserted")}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "Министерство обороны Сербии назвало не соответствующими действительности сообщения "
            "СМИ о приведении армии в повышенную боевую готовность.",
            "ru",
            ("readiness_increase", "negated"),
        ),
        (
            "Міністерство оборони Сербії назвало такими, що не відповідають дійсності, "
            "повідомлення про приведення армії в підвищену бойову готовність.",
            "uk",
            ("readiness_increase", "negated"),
        ),
        (
            "Министерство обороны Сербии сообщило о приведении армии в повышенную боевую "
            "готовность.",
            "ru",
            ("readiness_increase", "asserted"),
        ),
    ],
)
def test_reports_called_untrue_are_denied(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "В музейном комплексе открылась экспозиция из 15 танков, которые реставраторы "
            "восстановили после многолетнего хранения на складах.",
            "ru",
        ),
        (
            "У музейному комплексі відкрили експозицію з 15 танків, які реставратори відновили "
            "після багаторічного зберігання на складах.",
            "uk",
        ),
    ],
)
def test_tanks_a_museum_restores_after_storage_are_exhibits(body: str, language: str) -> None:
    assert title_pairs("", body, language) == set()


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Реставраторы ремонтного завода восстановили после хранения 20 танков Т-62, которые "
            "отправят на фронт.",
            "ru",
        ),
        (
            "Танки, ранее стоявшие в музейной экспозиции, выведены с баз хранения и отправлены в "
            "войска.",
            "ru",
        ),
        (
            "Реставратори ремонтного заводу відновили після зберігання 20 танків Т-62 для фронту.",
            "uk",
        ),
    ],
)
def test_tanks_restored_from_storage_for_the_front_are_still_taken_out(
    body: str, language: str
) -> None:
    assert ("equipment_from_storage", "asserted") in title_pairs("", body, language)


def test_units_stationed_along_a_river_are_where_they_are() -> None:
    body = "The tanks will be handed to units stationed along the Evros river."
    assert not {s for s in title_pairs("", body) if s[0] == "troop_movement"}


@pytest.mark.parametrize(
    "body",
    [
        "NATO has stationed extra troops along its eastern flank.",
        "Russia has deployed two brigades along the Finnish border.",
    ],
)
def test_troops_newly_stationed_along_a_border_moved(body: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body)


def test_a_pluperfect_move_dated_later_in_its_clause_is_background() -> None:
    body = (
        "The two armies had rushed tens of thousands of troops to the region after deadly "
        "clashes in the Galwan valley in 2020."
    )
    assert title_pairs("", body) == {("troop_movement", "historical")}


@pytest.mark.parametrize(
    "body",
    [
        "Russia had moved two brigades to the border by Monday, officials said.",
        "The army rushed thousands of troops to the region on Monday, reversing a drawdown "
        "that had begun slowly across several provinces in 2023.",
    ],
)
def test_a_move_without_a_past_date_in_reach_is_told(body: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "",
            "Poland's Operational Command said it had scrambled fighter jets and put ground-based "
            "air defence and radar reconnaissance systems on the highest state of readiness.",
        ),
        ("", "Romania placed its fighter jets on high alert after drones crossed the border."),
    ],
)
def test_air_defence_put_on_alert_is_a_readiness_increase(title: str, body: str) -> None:
    assert ("readiness_increase", "asserted") in title_pairs(title, body)


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv residents were told to stay on alert as air defence worked overnight.",
        "Air defence remains on standby, as it has been all year.",
        "Airports were placed on alert after air defence was activated over Warsaw.",
    ],
)
def test_people_or_airports_on_alert_beside_air_defence_are_no_readiness_increase(
    body: str,
) -> None:
    assert ("readiness_increase", "asserted") not in title_pairs("", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Колонна военной техники движется по трассе М4 в сторону Белгорода.", "ru"),
        (
            "Колонна из 12 тягачей с пусковыми установками «Искандер» с белорусскими номерами "
            "движется по трассе М1 в сторону Бреста.",
            "ru",
        ),
        ("Колона тягачів з пусковими установками «Іскандер» рухається трасою М2.", "uk"),
    ],
)
def test_a_column_of_launchers_on_a_highway_moves(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Инкассаторская машина попала в ДТП на трассе М4, полиция перекрыла движение.", "ru"),
        (
            "К трассам стянуто более 200 единиц снегоуборочной техники, сформирована группировка "
            "для помощи водителям на заметенных участках.",
            "ru",
        ),
        ("До трас перекинуто 150 одиниць снігоприбиральної техніки.", "uk"),
    ],
)
def test_snow_ploughs_and_road_accidents_on_a_highway_are_civil(body: str, language: str) -> None:
    assert title_pairs("", body, language) == set()


def test_a_military_grouping_formed_is_still_a_grouping() -> None:
    body = "В Белоруссии сформирована новая региональная группировка войск."
    assert ("force_grouping", "asserted") in title_pairs("", body, "ru")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Литва планує передати Україні протиповітряні системи малої дальності.", "uk"),
        ("Литва планирует передать Украине системы противовоздушной обороны.", "ru"),
    ],
)
def test_air_defence_named_in_full_is_a_weapon_supplied(body: str, language: str) -> None:
    assert title_pairs("", body, language) == {("arms_transfer", "hypothetical")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Силы противовоздушной обороны приведены в повышенную боевую готовность.", "ru"),
        ("Сили протиповітряної оборони приведено в підвищену бойову готовність.", "uk"),
    ],
)
def test_air_defence_forces_on_alert_stay_a_readiness_increase(body: str, language: str) -> None:
    assert title_pairs("", body, language) == {("readiness_increase", "asserted")}


def test_a_launch_date_moved_up_is_rescheduled() -> None:
    body = (
        "The launch was moved up by a month after the military reassigned the mission from "
        "another rocket."
    )
    assert title_pairs("", body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "The battalion was moved up to the front line after the military reassigned it.",
        "The vote was moved forward as troops were moved to the border.",
    ],
)
def test_a_unit_moved_up_beside_a_rescheduled_date_still_moved(body: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Полки приведены в высшую степень боевой готовности и выведены в районы боевого "
            "дежурства.",
            "ru",
        ),
        ("Підрозділи виведені в райони зосередження.", "uk"),
    ],
)
def test_units_brought_out_to_their_areas_moved_out(body: str, language: str) -> None:
    found = title_pairs("", body, language)
    assert ("troop_movement", "asserted") in found
    assert ("de_escalation", "asserted") not in found


def test_hardware_brought_out_of_storage_is_neither_a_move_nor_a_pull_back() -> None:
    body = "С баз хранения выведено более 100 единиц бронетехники."
    assert title_pairs("", body, "ru") == {("equipment_from_storage", "asserted")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("За його словами, загрози наступу з території Білорусі наразі немає.", "uk"),
        ("Угрозы наступления с территории Белоруссии нет, заявили пограничники.", "ru"),
    ],
)
def test_no_threat_of_an_offensive_is_an_assessment_not_a_denied_move(
    body: str, language: str
) -> None:
    assert title_pairs("", body, language) == set()


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Білорусь не перекидає війська до кордону з Україною.", "uk", "negated"),
        ("Белоруссия не перебрасывает войска к границе.", "ru", "negated"),
        ("Росія перекидає війська до кордону, загроза наступу зростає.", "uk", "asserted"),
        ("Россия перебрасывает войска к границе, угроза наступления растет.", "ru", "asserted"),
    ],
)
def test_a_move_beside_a_threat_of_an_offensive_is_still_read(
    body: str, language: str, expected: str
) -> None:
    assert title_pairs("", body, language) == {("troop_movement", expected)}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("200 танков Т-62 выведено с баз хранения.", "ru"),
        ("200 танков выведено из консервации.", "ru"),
        ("200 танків Т-62 виведено з баз зберігання.", "uk"),
        (
            "Танки, що стояли в музейній експозиції, виведено з баз зберігання і відправлено до "
            "військ.",
            "uk",
        ),
        (
            "Экспонаты музея остались на месте, а из хранения выведено 200 танков Т-62 для фронта.",
            "ru",
        ),
    ],
)
def test_hardware_out_of_storage_in_any_word_order_is_still_taken_out(
    body: str, language: str
) -> None:
    assert ("equipment_from_storage", "asserted") in title_pairs("", body, language)


def test_airports_on_alert_leave_the_armys_alert_read() -> None:
    body = "Airports were put on alert as the army put its troops on high alert along the border."
    assert ("readiness_increase", "asserted") in title_pairs("", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Russia moved troops to the border, if the reports are true.", "en"),
        ("Россия перебросила войска к границе, если верить спутниковым снимкам.", "ru"),
        ("Росія перекинула війська до кордону, якщо вірити супутниковим знімкам.", "uk"),
    ],
)
def test_an_if_that_hedges_a_report_leaves_the_reported_move_told(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("There is no threat of an offensive, but Belarus moved two brigades to the border.", "en"),
        ("Minsk denied any plans to attack, but moved two brigades to the border.", "en"),
        ("Угрозы наступления нет, но Белоруссия перебросила к границе две бригады.", "ru"),
        ("Мінськ заперечує плани нападу, проте перекинув до кордону дві бригади.", "uk"),
    ],
)
def test_a_negation_or_plan_before_a_contrast_leaves_the_move_after_it_told(
    body: str, language: str
) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Belarus did not move troops to the border, but held drills near Brest.", "en", "negated"),
        ("Minsk denied moving two brigades to the border.", "en", "negated"),
        ("Belarus will, however, deploy troops to the border.", "en", "hypothetical"),
        ("Белоруссия не будет, однако, перебрасывать войска.", "ru", "negated"),
    ],
)
def test_a_contrast_after_the_move_or_set_off_by_commas_leaves_its_cue_governing(
    body: str, language: str, expected: str
) -> None:
    assert ("troop_movement", expected) in title_pairs("", body, language)
