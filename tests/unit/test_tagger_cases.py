"""The hard cases of SIGNALS.md, one sentence each."""

import pytest

from streams.tagger import tag_text
from tests.tagging import pairs, title_pairs


@pytest.mark.parametrize(
    "body",
    [
        "The opposition vowed to mobilize voters and raise funds before the runoff.",
        "Utilities drew gas from storage as the cold snap deepened.",
        "The company began drilling two new oil wells offshore.",
        "Staff left the building during a fire drill on Tuesday morning.",
        "The bank completed the deployment of its new software to all branches.",
        "The coach's troops marched onto the pitch for the derby.",
        "An armored car carrying cash was robbed outside the mall.",
        "The striker earned a call-up to the national squad for the qualifiers.",
        "Hospitals were put on high alert as the flu season peaked.",
        "Investors exercised stock options after the merger was announced.",
        "The manager rallied the troops at the training ground after the cup exit.",
        "Shop owners worry more about power cuts than about the Venezuelan army.",
        "Two US soldiers stationed in Syria were wounded in a drone attack on Tuesday.",
        "The army sent helicopters to rescue stranded tourists after the earthquake.",
        "Breathing exercises started the yoga class.",
    ],
)
def test_words_shared_with_other_fields_are_not_signals(body: str) -> None:
    assert pairs(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "There is no build-up of troops near the border, the ministry said.",
            ("troop_movement", "negated"),
        ),
        (
            "Officials denied that reservists had been called up.",
            ("mobilization_callup", "negated"),
        ),
        (
            "The army could mobilize reservists if the talks fail.",
            ("mobilization_callup", "hypothetical"),
        ),
        (
            "Belarus will join the war if Ukraine uses force, the ministry said.",
            ("threat", "asserted"),
        ),
        (
            "Last year, Russia sent thousands of troops to the border.",
            ("troop_movement", "historical"),
        ),
        ("In 2014, the army moved tanks into the peninsula.", ("troop_movement", "historical")),
        (
            "We confirm the absence of any aggressive intentions towards our neighbours.",
            ("de_escalation", "asserted"),
        ),
        (
            "The navy began large-scale drills off the coast on Monday.",
            ("military_exercise", "asserted"),
        ),
        (
            "Seoul put its forces on high alert after the launch.",
            ("readiness_increase", "asserted"),
        ),
        (
            "The defence ministry formed a new army corps in the north.",
            ("force_grouping", "asserted"),
        ),
        (
            "Germany delivered air defence systems to Ukraine this week.",
            ("arms_transfer", "asserted"),
        ),
        ("Troops withdrew from the border region on Friday.", ("de_escalation", "asserted")),
        ("The exercises ended on Sunday, the ministry said.", ("military_exercise", "asserted")),
        ("Ukraine has not mobilized men under 25.", ("mobilization_callup", "negated")),
        (
            "Parliament extended martial law and mobilisation for another 90 days.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Additional troops were deployed in the border region on Monday.",
            ("troop_movement", "asserted"),
        ),
        (
            "The army began reactivating mothballed T-62 tanks.",
            ("equipment_from_storage", "asserted"),
        ),
    ],
)
def test_polarity_and_type(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


def test_several_actors_in_one_phrase() -> None:
    result = tag_text(
        "", "Tanks joined the joint grouping of the Russian and Belarusian armed forces."
    )
    assert ("BLR", "RUS") in [s.actors for s in result.signals if s.type == "force_grouping"]


def test_same_event_in_headline_and_body_counts_once() -> None:
    result = tag_text(
        "China holds military drills near Taiwan",
        "China held military drills near Taiwan on Monday, state media said.",
    )
    assert result.type_counts == {"military_exercise": 1}


def test_language_without_a_lexicon_is_passed_through_untagged() -> None:
    result = tag_text("", "Wanajeshi walianza mazoezi ya kijeshi karibu na mpaka.", language="sw")
    assert (result.mobilization, result.signals, result.language) == (False, (), "sw")


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("Review: 'Eastern Shield' is a war game that rewards patience", "en"),
        ("Film review: 'The Long Winter' is a quiet war drama", "en"),
        ("Рецензия: «Рубеж» — военная драма без пафоса", "ru"),
        ("Рецензія: «Рубіж» — воєнна драма без пафосу", "uk"),
        ('Огляд гри "Фронтир: Останній резерв": стратегія про мобілізацію', "uk"),
        ("Рецензия на фильм «Рубеж»: военная драма без пафоса", "ru"),
    ],
)
def test_a_review_of_a_work_tells_its_plot_not_news(title: str, language: str) -> None:
    body = {
        "en": "The army declares general mobilization and masses troops at the border.",
        "ru": "Армия объявляет всеобщую мобилизацию и стягивает войска к границе.",
        "uk": "Армія оголошує загальну мобілізацію і стягує війська до кордону.",
    }[language]
    assert title_pairs(title, body, language) == set()


def test_a_defence_review_in_a_headline_is_still_news() -> None:
    assert ("mobilization_callup", "asserted") in title_pairs(
        "UK defence review: army calls up 5,000 reservists",
        "The army called up 5,000 reservists on Monday, the defence ministry said.",
    )


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "The thriller about a fictional Baltic state tops the charts. In it, the government "
            "declares a general mobilisation and masses troops on the border.",
            "en",
        ),
        (
            "Действие фильма происходит в вымышленной стране. Правительство объявляет всеобщую "
            "мобилизацию, а полк перебрасывают к границе.",
            "ru",
        ),
        (
            "Дія гри розгортається у вигаданій країні. Гравець має оголосити мобілізацію і "
            "перекинути резерви до кордону.",
            "uk",
        ),
    ],
)
def test_a_work_set_in_an_invented_world_tells_its_plot_without_a_review_headline(
    body: str, language: str
) -> None:
    assert title_pairs("Streaming charts this week", body, language) == set()


def test_drills_against_a_fictional_enemy_are_news() -> None:
    body = (
        "The army launched drills on Monday in which units repel an attack by a fictional "
        "country, the ministry said; a film crew recorded the exercise."
    )
    assert ("military_exercise", "asserted") in title_pairs("Army drills", body)


def test_a_condition_does_not_reach_across_a_semicolon() -> None:
    title = "Hezbollah says it will join war if invaded; Iran's Guards begin drills"
    found = title_pairs(title, "")
    assert ("military_exercise", "asserted") in found


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Германия передала Киеву очередную партию танков Leopard.", "ru"),
        ("Німеччина передала Україні нову партію танків Leopard.", "uk"),
    ],
)
def test_the_dative_recipient_of_an_arms_transfer_is_not_its_actor(
    body: str, language: str
) -> None:
    result = tag_text("", body, language=language, reference_year=2026)
    assert [s.actors for s in result.signals if s.type == "arms_transfer"] == [("DEU",)]


def test_a_thousands_comma_does_not_end_the_clause_before_its_year() -> None:
    body = (
        "President Vladimir Putin announced a partial mobilisation of some 300,000 reservists "
        "in September 2022, prompting men to flee abroad."
    )
    assert title_pairs("Kremlin says no new call-up planned", body) >= {
        ("mobilization_callup", "historical")
    }
    assert ("mobilization_callup", "asserted") not in title_pairs("Kremlin briefing", body)


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "Belarus launched snap military drills, but there is no threat of an offensive.",
            "en",
            "military_exercise",
        ),
        (
            "Білорусь виводить з місць зберігання бронетехніку, однак загрози наступу немає.",
            "uk",
            "equipment_from_storage",
        ),
        (
            "Russia moved about 10,000 troops toward the border on Tuesday, but a Kremlin "
            "spokesman denied any plan to attack.",
            "en",
            "troop_movement",
        ),
    ],
)
def test_a_denial_after_a_contrast_speaks_of_something_else(
    body: str, language: str, kind: str
) -> None:
    assert (kind, "asserted") in title_pairs("Briefing", body, language)


def test_a_retraction_after_a_contrast_still_takes_the_report_back() -> None:
    body = (
        "Пограничная служба заявляла о передвижении колонн военной техники у границы, "
        "однако позднее не подтвердила эту информацию."
    )
    assert ("troop_movement", "asserted") not in title_pairs("Сводка", body, "ru")


def test_a_readiness_raised_during_a_snap_check_is_read_beside_the_check() -> None:
    raised = title_pairs(
        "Сводка",
        "Силы флота приведены в высшую степень боевой готовности в ходе внезапной проверки.",
        "ru",
    )
    assert {("military_exercise", "asserted"), ("readiness_increase", "asserted")} <= raised
    checked = title_pairs("Сводка", "В округе началась внезапная проверка боевой готовности.", "ru")
    assert ("readiness_increase", "asserted") not in checked


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "Armies usually mobilise reservists weeks before a major push.",
            "en",
            "mobilization_callup",
        ),
        (
            "Обычно армии проводят мобилизацию за несколько недель до наступления.",
            "ru",
            "mobilization_callup",
        ),
        (
            "Зазвичай армії проводять мобілізацію за кілька тижнів до наступу.",
            "uk",
            "mobilization_callup",
        ),
    ],
)
def test_a_generic_statement_tells_no_event(body: str, language: str, kind: str) -> None:
    found = title_pairs("Analysis", body, language)
    assert (kind, "hypothetical") in found and (kind, "asserted") not in found


@pytest.mark.parametrize(
    ("body", "language", "kind"),
    [
        (
            "The brigade, which is usually based near Pskov, was deployed to Belarus last week.",
            "en",
            "troop_movement",
        ),
        (
            "The drills, usually held every September, began on Monday with 12,000 troops.",
            "en",
            "military_exercise",
        ),
        (
            "Войска, обычно дислоцирующиеся на севере, перебросили к границе с Финляндией.",
            "ru",
            "troop_movement",
        ),
        (
            "Бригаду, яка зазвичай дислокується на півночі, перекинули до кордону.",
            "uk",
            "troop_movement",
        ),
    ],
)
def test_where_a_unit_usually_is_leaves_the_event_asserted(
    body: str, language: str, kind: str
) -> None:
    assert (kind, "asserted") in title_pairs("Briefing", body, language)


def test_a_denied_report_after_a_contrast_is_taken_back() -> None:
    body = (
        "Local media reported troops moving toward the border, but the ministry denied the reports."
    )
    assert ("troop_movement", "asserted") not in title_pairs("Briefing", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Damascus did not comment on the movement of Turkish troops to the border.", "en"),
        (
            "The army moved two brigades to the border as tensions show no sign of easing.",
            "en",
        ),
        ("Дамаск не комментировал переброску турецких войск к границе.", "ru"),
        ("Дамаск не коментував перекидання турецьких військ до кордону.", "uk"),
    ],
)
def test_a_source_that_did_not_comment_denies_nothing(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Damascus said there was no movement of Turkish troops to the border.", "en"),
        ("Дамаск заявил, что никакой переброски турецких войск к границе нет.", "ru"),
        ("Дамаск заявив, що жодного перекидання турецьких військ до кордону немає.", "uk"),
    ],
)
def test_a_source_that_says_there_was_no_movement_denies_it(body: str, language: str) -> None:
    assert ("troop_movement", "negated") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("В поля выведена вся техника, в том числе из резерва хозяйств.", "ru", set()),
        ("У поля вивели всю техніку, зокрема з резерву господарств.", "uk", set()),
        (
            "Со складов резерва выведена вся бронетехника бригады.",
            "ru",
            {("equipment_from_storage", "asserted")},
        ),
        (
            "Зі складів резерву вивели всю бронетехніку бригади.",
            "uk",
            {("equipment_from_storage", "asserted")},
        ),
    ],
)
def test_farm_machinery_from_the_farms_reserve_is_field_work(
    body: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert title_pairs("", body, language) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "Бундестаг сперечається про повернення обов'язкового призову.",
            "uk",
            ("mobilization_callup", "hypothetical"),
        ),
        (
            "Бундестаг ухвалив повернення обов'язкового призову.",
            "uk",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Бундестаг спорит о возвращении обязательного призыва.",
            "ru",
            ("mobilization_callup", "hypothetical"),
        ),
        ("Бундестаг вернул обязательный призыв.", "ru", ("mobilization_callup", "asserted")),
    ],
)
def test_a_call_up_argued_over_is_not_yet_taken(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert title_pairs("", body, language) == {expected}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Telegram channels said Hungary is moving troops to the Ukrainian border. The "
            "ministry said there was no movement of troops to the border.",
            "en",
        ),
        (
            "В соцсетях появились сообщения, что Венгрия перебрасывает войска к границе. "
            "Минобороны заявило, что никакой переброски войск нет.",
            "ru",
        ),
        (
            "Телеграм-канали писали, що Угорщина перекидає війська до кордону. У Міноборони "
            "заявили, що жодного перекидання військ немає.",
            "uk",
        ),
    ],
)
def test_a_social_media_report_the_article_denies_is_the_denied_report(
    body: str, language: str
) -> None:
    assert title_pairs("", body, language) == {("troop_movement", "negated")}


def test_a_states_claim_the_other_side_denies_is_told_and_denied() -> None:
    body = (
        "Kinshasa accused Rwanda of moving troops to the border. Kigali said there was no "
        "movement of troops to the border."
    )
    assert title_pairs("", body) == {("troop_movement", "asserted"), ("troop_movement", "negated")}


def test_a_social_media_report_nobody_denies_is_told() -> None:
    body = "Social media videos showed tanks moving to the border, officials said."
    assert title_pairs("", body) == {("troop_movement", "asserted")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "На аэродром Бамако прибыли несколько самолетов Ил-76 с личным составом и "
            "бронетехникой.",
            "ru",
        ),
        ("На аеродром прибули кілька літаків Іл-76 з особовим складом і бронетехнікою.", "uk"),
    ],
)
def test_hardware_arriving_with_personnel_in_any_case_is_a_movement(
    body: str, language: str
) -> None:
    assert title_pairs("", body, language) == {("troop_movement", "asserted")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("В Украину прибыла партия бронетехники из Германии.", "ru"),
        ("В Україну прибула партія бронетехніки з Німеччини.", "uk"),
    ],
)
def test_hardware_arriving_from_another_state_alone_is_a_transfer(body: str, language: str) -> None:
    assert ("arms_transfer", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Serbia has no intention of sending its army across the boundary, Vucic said.", "en"),
        ("The deployment is not directed at any country, the spokesman said.", "en"),
        ("Дамаск не стремится к конфронтации ни с одним из соседей.", "ru"),
        ("Эфиопия не намерена вторгаться в Эритрею.", "ru"),
        ("Ефіопія не має наміру вторгатися в Еритрею.", "uk"),
        ("Ми не маємо наміру загрожувати жодній країні.", "uk"),
    ],
)
def test_a_denial_of_intent_told_with_the_verb_is_a_de_escalation(body: str, language: str) -> None:
    assert ("de_escalation", "asserted") in title_pairs("", body, language)


def test_readiness_to_send_the_army_is_no_denial_of_intent() -> None:
    body = "Vucic said Serbia was ready to send its army across the boundary."
    assert ("de_escalation", "asserted") not in title_pairs("", body)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Москва будет вынуждена принять ответные меры военно-технического характера, если "
            "Литва продолжит ограничивать транзит, заявил МИД.",
            "ru",
        ),
        ("В случае угрозы безопасности белорусская армия даст адекватный ответ.", "ru"),
        ("Анкара проведе нову операцію, якщо СДС не виконають домовленостей.", "uk"),
        (
            "Москва буде змушена вжити заходів у відповідь військового характеру, якщо Литва "
            "продовжить.",
            "uk",
        ),
    ],
)
def test_a_response_vowed_on_a_condition_is_a_threat(body: str, language: str) -> None:
    assert ("threat", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Россия примет участие в миротворческой операции, заявил министр.", "ru"),
        ("Уряд вживе заходів, щоб підтримати аграріїв, заявив міністр.", "uk"),
    ],
)
def test_taking_part_or_measures_for_farmers_are_no_threat(body: str, language: str) -> None:
    assert ("threat", "asserted") not in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Бригаду НАТО, яка дислокується в Адажі, залучили до охорони.", "uk", set()),
        ("Бригада НАТО, которая дислоцируется в Адажи, охраняет базу.", "ru", set()),
        ("Росія дислокувала бригаду біля кордону.", "uk", {("troop_movement", "asserted")}),
        ("Россия дислоцировала бригаду у границы.", "ru", {("troop_movement", "asserted")}),
    ],
)
def test_where_a_unit_is_based_is_no_move_but_stationing_it_is(
    body: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert title_pairs("", body, language) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The ministry declined to give the exact number of launchers it had.",
        "He did not give details of the weapons at the base.",
    ],
)
def test_giving_numbers_or_details_is_no_supply(body: str) -> None:
    assert title_pairs("", body) == set()


def test_giving_weapons_is_a_supply() -> None:
    found = title_pairs("", "Germany will give Ukraine four more Patriot launchers.")
    assert found == {("arms_transfer", "hypothetical")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Niger and Mali formally activated a joint military force of 5,000 troops.", "en"),
        ("Новое подразделение сформировано в составе Западной армии.", "ru"),
        ("Новий підрозділ сформовано у складі Західної армії.", "uk"),
    ],
)
def test_a_new_force_or_sub_unit_formed_is_a_grouping(body: str, language: str) -> None:
    assert title_pairs("", body, language) == {("force_grouping", "asserted")}


def test_joint_military_drills_stay_drills() -> None:
    found = title_pairs("", "Russia and China began joint military drills.")
    assert found == {("military_exercise", "asserted")}


@pytest.mark.parametrize(
    "body",
    [
        "The party has mobilised an army of 200,000 party activists for the first phase of voting.",
        "The opposition deployed its foot soldiers to every village.",
    ],
)
def test_a_partys_army_and_foot_soldiers_are_a_campaign(body: str) -> None:
    assert title_pairs("", body) == set()


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "Workers at the depot began removing T-72 tanks from storage.",
            "en",
            ("equipment_from_storage", "asserted"),
        ),
        (
            "Buses carrying troops moved toward the border overnight.",
            "en",
            ("troop_movement", "asserted"),
        ),
        (
            "Armenia mobilized reservists as the ruling party called an emergency session.",
            "en",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Военные медики развернули полевой госпиталь у границы.",
            "ru",
            ("troop_movement", "asserted"),
        ),
    ],
)
def test_words_military_news_shares_with_civil_fields_veto_nothing(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    """Workers, buses, a ruling party and medics appear in military news too: only words that
    name a civil field (polling stations, pay talks, tariffs) veto a reading."""
    assert title_pairs("", body, language) == {expected}


def test_an_army_mobilising_reservists_is_a_call_up() -> None:
    body = "The army has mobilised 200,000 reservists, defence officials said."
    assert title_pairs("", body) == {("mobilization_callup", "asserted")}


def test_civil_services_on_alert_are_no_forces_beside_a_fans_army() -> None:
    body = (
        "Police deployed 3,000 officers and put emergency services on alert as the fans' army "
        "marched to the stadium."
    )
    assert ("readiness_increase", "asserted") not in title_pairs("", body)


def test_units_on_alert_are_a_readiness_increase() -> None:
    body = "The army put its air defence units on high alert."
    assert title_pairs("", body) == {("readiness_increase", "asserted")}


@pytest.mark.parametrize(
    "body",
    [
        "The strikers threatened to strike again if pay talks fail.",
        "The company deployed a fleet of electric vehicles in the capital.",
        "The airline will buy 20 more passenger jets.",
    ],
)
def test_labour_disputes_and_civil_fleets_are_not_military(body: str) -> None:
    assert title_pairs("", body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia threatened to strike Kyiv if the attacks continue.", ("threat", "asserted")),
        ("Germany will buy 20 more F-35 aircraft.", ("arms_transfer", "hypothetical")),
    ],
)
def test_a_states_strike_and_fighter_purchase_stay_signals(
    body: str, expected: tuple[str, str]
) -> None:
    assert title_pairs("", body) == {expected}


@pytest.mark.parametrize(
    "body",
    [
        "Mobilising reservists is expensive, the report noted.",
        '"A full mobilization is slow, expensive and visible," said a retired general.',
    ],
)
def test_mobilization_judged_in_general_is_no_event(body: str) -> None:
    assert title_pairs("", body) == set()


def test_a_states_mobilization_judged_is_still_told() -> None:
    body = "Russia's mobilisation of reservists is slow, officials admitted."
    assert title_pairs("", body) == {("mobilization_callup", "asserted")}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Apple warned it would retaliate against EU antitrust rulings.", "en"),
        ("Canada vowed to retaliate against US tariffs.", "en"),
        ("Пекин пригрозил ответными мерами на новые пошлины США.", "ru"),
        ("Пекін пригрозив відповіддю на нові мита США, якщо торговельна війна триватиме.", "uk"),
    ],
)
def test_retaliation_in_a_trade_dispute_is_no_threat(body: str, language: str) -> None:
    assert title_pairs("", body, language) == set()


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("China warned it would retaliate with force against any attack on its ships.", "en"),
        ("Пекин пригрозил ответным ударом в случае нападения.", "ru"),
        ("Пекін пригрозив ударом у відповідь у разі нападу.", "uk"),
    ],
)
def test_retaliation_by_force_is_a_threat(body: str, language: str) -> None:
    assert title_pairs("", body, language) == {("threat", "asserted")}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Российские войска перешли границу Украины.", "ru", {("troop_movement", "asserted")}),
        ("Російські війська перейшли кордон України.", "uk", {("troop_movement", "asserted")}),
        ("Біженці перейшли кордон з Польщею.", "uk", set()),
        ("Футболисты перешли в наступление.", "ru", set()),
    ],
)
def test_troops_that_went_across_the_border_moved(
    body: str, language: str, expected: set[tuple[str, str]]
) -> None:
    assert title_pairs("", body, language) == expected


def test_a_banks_war_game_with_lenders_is_finance() -> None:
    assert title_pairs("", "The bank conducted a cyber war game with 30 lenders.") == set()


def test_an_alliances_war_game_is_an_exercise() -> None:
    found = title_pairs("", "NATO held a cyber war game in Tallinn.")
    assert found == {("military_exercise", "asserted")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Germany intends to station a brigade in Lithuania by 2027.",
            ("troop_movement", "hypothetical"),
        ),
        ("Germany stationed a brigade in Lithuania.", ("troop_movement", "asserted")),
    ],
)
def test_a_cue_whose_last_word_opens_the_trigger_governs_it(
    body: str, expected: tuple[str, str]
) -> None:
    assert title_pairs("", body) == {expected}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia has not ruled out a new mobilisation.", ("mobilization_callup", "hypothetical")),
        ("Russia has ruled out a new mobilisation.", ("mobilization_callup", "negated")),
        (
            "A deployment of troops is on the table, the minister said.",
            ("troop_movement", "hypothetical"),
        ),
        (
            "A deployment of troops is not on the table, the minister said.",
            ("troop_movement", "negated"),
        ),
        ("Sending troops is off the table for now.", ("troop_movement", "negated")),
    ],
)
def test_a_measure_not_ruled_out_or_on_the_table_may_come(
    body: str, expected: tuple[str, str]
) -> None:
    assert title_pairs("", body) == {expected}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (
            "После долгих дебатов Госдума продлила призыв резервистов.",
            "ru",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Після тривалих дебатів Рада продовжила загальну мобілізацію.",
            "uk",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Поки політики сперечаються, армія перекинула війська до кордону.",
            "uk",
            ("troop_movement", "asserted"),
        ),
    ],
)
def test_a_debate_that_is_over_or_beside_the_point_leaves_the_event_told(
    body: str, language: str, expected: tuple[str, str]
) -> None:
    assert title_pairs("", body, language) == {expected}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "After a long debate, parliament extended the call-up of reservists.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Lawmakers began a debate on extending the call-up of reservists.",
            ("mobilization_callup", "hypothetical"),
        ),
    ],
)
def test_a_debate_that_is_over_decides_nothing(body: str, expected: tuple[str, str]) -> None:
    assert title_pairs("", body) == {expected}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Хірурги проведуть операцію, якщо стан дитини покращиться, заявив головлікар.", "uk"),
        ("Хирурги примут решение об операции, если состояние улучшится.", "ru"),
    ],
)
def test_a_surgeons_operation_is_no_threat(body: str, language: str) -> None:
    assert title_pairs("", body, language) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Google is moving thousands of engineers to its AI division.", set()),
        (
            "India deployed its navy to evacuate citizens from Sudan.",
            {("troop_movement", "asserted")},
        ),
        ("Russia evacuated its troops from Kherson.", {("de_escalation", "asserted")}),
        ("Military engineers were deployed to the border.", {("troop_movement", "asserted")}),
    ],
)
def test_a_company_division_and_evacuated_citizens_are_not_forces(
    body: str, expected: set[tuple[str, str]]
) -> None:
    assert title_pairs("", body) == expected


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("Ещё при Сталине войска перебрасывали на восток.", "ru", "historical"),
        ("Ще за Сталіна війська перекидали на схід.", "uk", "historical"),
        ("Under Stalin, troops were moved east by rail.", "en", "historical"),
        ("Россия перебросила войска на восток.", "ru", "asserted"),
    ],
)
def test_an_era_named_by_its_ruler_is_background(body: str, language: str, expected: str) -> None:
    assert title_pairs("", body, language) == {("troop_movement", expected)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Manila complained about dangerous manoeuvres by Chinese coast guard vessels.",
            set(),
        ),
        ("China's navy held manoeuvres near the shoal.", {("military_exercise", "asserted")}),
    ],
)
def test_a_ships_dangerous_manoeuvres_are_no_exercise(
    body: str, expected: set[tuple[str, str]]
) -> None:
    assert title_pairs("", body) == expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Taiwan recalled thousands of reservists for two weeks of training.", "en"),
        ("Reservists were recalled to their units on Monday, the ministry said.", "en"),
        ("Минобороны вызвало 5 тысяч резервистов на военные сборы.", "ru"),
        ("Міноборони викликало резервістів на службу.", "uk"),
    ],
)
def test_reservists_recalled_or_summoned_with_words_between_are_called_up(
    body: str, language: str
) -> None:
    assert ("mobilization_callup", "asserted") in title_pairs("", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Veterans recalled the chaos of the first days of the war.", "en"),
        ("The company recalled 5,000 cars over faulty brakes.", "en"),
        ("Закон о резервистах вызвал споры в Думе.", "ru"),
        ("Решение вызвало недовольство резервистов.", "ru"),
        ("Рішення викликало обурення резервістів.", "uk"),
    ],
)
def test_a_memory_a_product_recall_or_a_reaction_of_reservists_is_no_call_up(
    body: str, language: str
) -> None:
    assert ("mobilization_callup", "asserted") not in title_pairs("", body, language)
