"""Classes of error behind the story clustering's misreads of angle pieces' headlines (dev
stories set), and others that probes found, each with both sides: the figurative or
other-field sense the tagger must now leave alone and a real military sentence it must still
tag."""

import pytest

from tests.tagging import title_pairs

# --- a "move" of headline prose is a step taken, not a march -------------------------------


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Drone defence moves centre stage in Freedom Shield", "en"),
        ("Kremlin moves to punish soldiers who desert", "en"),
        ("Pentagon moves to ban troops from using TikTok", "en"),
        ("Army moves closer to a deal on new tanks", "en"),
        ("Navy moves ahead with warship purchase", "en"),
        ("Армия Украины движется к стандартам НАТО", "ru"),
        ("Реформа армии движется к завершению", "ru"),
        ("ЗСУ рухаються до переходу на стандарти НАТО", "uk"),
        ("Армія рухається до стандартів НАТО", "uk"),
    ],
)
def test_a_figurative_move_moves_no_forces(title: str, language: str) -> None:
    found = title_pairs(title, "Details later.", language)
    assert ("troop_movement", "asserted") not in found


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Russia moves troops to the border with Ukraine", "en"),
        ("Russia moves S-400 batteries to Kaliningrad", "en"),
        ("Army moves to forward positions near the border", "en"),
        ("China moves warships closer to Taiwan", "en"),
        ("Колонна военной техники движется к границе", "ru"),
        ("Войска движутся к границе с Литвой", "ru"),
        ("Війська рухаються до кордону з Білоруссю", "uk"),
    ],
)
def test_forces_moved_to_a_place_are_still_a_movement(title: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs(title, "Details later.", language)


# --- "in a move" of news prose is a decision, not a march ----------------------------------


def test_a_bill_passed_in_a_move_moves_no_soldiers() -> None:
    body = (
        "Russia's State Duma on Wednesday passed a bill that allows courts to try deserters in "
        "absentia, in a move critics say is designed to deter soldiers from fleeing the war."
    )
    assert ("troop_movement", "asserted") not in title_pairs("News", body)


@pytest.mark.parametrize(
    "body",
    [
        "In a surprise move, Belarus deployed troops to the Polish border.",
        "Russia moved troops to the border in a move seen as a warning to NATO.",
    ],
)
def test_troops_moved_in_a_move_are_still_a_movement(body: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("News", body)


# --- an alert raised in a military sentence is a readiness increase ------------------------


@pytest.mark.parametrize(
    "title",
    [
        "India raises alert along Kashmir frontier after deadly attack on troops",
        "Japan raised its alert level to high after the missile launch",
        "Taiwan raises alert as Chinese warships circle the island",
        "Indian reinforcements head to Pir Panjal as alert extends to air force",
    ],
)
def test_an_alert_raised_for_forces_is_a_readiness_increase(title: str) -> None:
    assert ("readiness_increase", "asserted") in title_pairs(title, "Details later.")


@pytest.mark.parametrize(
    "title",
    [
        "India raises alert for heatwave as temperatures soar",
        "NATO raises alert over Russian disinformation campaign",
        "Army chief raises alert about drone threat to bases",
        "Heat alert extends to Delhi as temperatures soar",
    ],
)
def test_an_alert_of_another_sense_raises_no_readiness(title: str) -> None:
    assert ("readiness_increase", "asserted") not in title_pairs(title, "Details later.")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Армия повысила боевую готовность войск у границы.", "ru"),
        ("Армія підвищила бойову готовність військ біля кордону.", "uk"),
    ],
)
def test_readiness_raised_in_russian_and_ukrainian_is_still_read(body: str, language: str) -> None:
    assert ("readiness_increase", "asserted") in title_pairs("Новини", body, language)


def test_forces_placed_on_alert_with_a_long_place_between() -> None:
    body = (
        "India has placed its forces along the de facto border with Pakistan in Kashmir on "
        "high alert after a militant ambush killed nine soldiers."
    )
    assert ("readiness_increase", "asserted") in title_pairs("News", body)


def test_a_long_sentence_with_put_and_forces_but_no_alert_is_no_readiness() -> None:
    body = "The ministry put the contract for new army trucks out to tender on Monday."
    assert ("readiness_increase", "asserted") not in title_pairs("News", body)


# --- leave cancelled is readiness raised, not an event called off --------------------------


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        (
            "Army cancels leave, puts Northern Command on high alert after Rajouri ambush",
            "en",
            "readiness_increase",
        ),
        (
            "Leave has been cancelled for soldiers of the army's Northern Command, and "
            "reinforcements are being moved to Rajouri",
            "en",
            "troop_movement",
        ),
        (
            "Отпуска военнослужащим отменены, войска приведены в боевую готовность",
            "ru",
            "readiness_increase",
        ),
        (
            "Відпустки скасовано, війська переведено у бойову готовність",
            "uk",
            "readiness_increase",
        ),
    ],
)
def test_cancelled_leave_negates_nothing(text: str, language: str, kind: str) -> None:
    found = title_pairs(text, "Details later.", language)
    assert (kind, "asserted") in found
    assert (kind, "negated") not in found


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Army cancels drills as storm nears", "en", "military_exercise"),
        ("Russia cancelled the deployment of troops to the border", "en", "troop_movement"),
    ],
)
def test_a_cancelled_drill_or_deployment_is_still_negated(
    text: str, language: str, kind: str
) -> None:
    assert (kind, "negated") in title_pairs(text, "Details later.", language)


# --- a convoy attacked is the target of an attack, not forces moving -----------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Militants attacked a military convoy near Kunduz on Monday.", "en"),
        ("Боевики атаковали военную колонну в Дагестане.", "ru"),
        ("Бойовики атакували військову колону на Донеччині.", "uk"),
    ],
)
def test_an_attacked_convoy_is_no_movement(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("News", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Indian army convoys carrying troops were seen on the highway on Wednesday.", "en"),
        ("Колонна российских танков движется к границе.", "ru"),
        ("Колона російських танків рухається до кордону.", "uk"),
    ],
)
def test_a_convoy_on_the_move_is_still_a_movement(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("News", body, language)


# --- what laws, trials and sanctions "target" is whom they apply to, no threat ---------------


@pytest.mark.parametrize(
    "body",
    [
        "Lawyers who defend soldiers said in absentia trials would mainly target those who "
        "have fled abroad.",
        "Officials said the new sanctions will target Russia's military suppliers.",
        "The bill would target soldiers who desert, the defence committee said.",
    ],
)
def test_a_legal_measure_that_targets_people_is_no_threat(body: str) -> None:
    assert ("threat", "asserted") not in title_pairs("News", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Iran said it would target US bases in the region if attacked.", "en"),
        ("Hezbollah warned it will target Israeli military positions.", "en"),
        ("Иран заявил, что нанесет удар по американским базам в случае нападения.", "ru"),
        ("Іран заявив, що завдасть удару по американських базах у разі нападу.", "uk"),
    ],
)
def test_a_state_that_will_target_bases_still_threatens(body: str, language: str) -> None:
    assert ("threat", "asserted") in title_pairs("News", body, language)


# --- cutting a place off is a blockade, not forces cut -------------------------------------


def test_rehearsing_how_to_cut_a_harbour_off_is_no_withdrawal() -> None:
    body = (
        "Somewhere beyond the horizon, Chinese warships were rehearsing how to cut the harbour "
        "off from the world."
    )
    assert ("de_escalation", "asserted") not in title_pairs("News", body)


@pytest.mark.parametrize(
    "body",
    [
        "Russia cut the number of troops stationed near the border.",
        "The navy cut its warships in the Gulf from six to four.",
    ],
)
def test_forces_cut_are_still_a_de_escalation(body: str) -> None:
    assert ("de_escalation", "asserted") in title_pairs("News", body)


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


# --- an army of another trade, and reservists summoned in the passive ----------------------


@pytest.mark.parametrize(
    "body",
    [
        "An army of gritters was deployed across the region overnight as temperatures fell.",
        "An army of cleaners was deployed to the stadium after the final.",
    ],
)
def test_an_army_of_another_trade_deployed_is_no_movement(body: str) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("Winter", body)


def test_an_army_of_troops_deployed_is_still_a_movement() -> None:
    body = "Russia deployed an army of 50,000 troops to the border."
    assert ("troop_movement", "asserted") in title_pairs("Border", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Резервисты вызваны на сборы в Гродненской области.", "ru"),
        ("Резервістів викликано на збори на Львівщині.", "uk"),
    ],
)
def test_reservists_summoned_in_the_passive_are_called_up(body: str, language: str) -> None:
    assert ("mobilization_callup", "asserted") in title_pairs("Сборы", body, language=language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Протесты резервистов вызваны задержками выплат.", "ru"),
        ("Протести резервістів викликані затримками виплат.", "uk"),
        ("Резервисты вызваны не были, заявили в военкомате.", "ru"),
    ],
)
def test_a_reaction_caused_or_a_summons_denied_is_no_call_up(body: str, language: str) -> None:
    assert ("mobilization_callup", "asserted") not in title_pairs("Сборы", body, language=language)
