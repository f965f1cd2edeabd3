"""The Belarusian lexicon (streams/tagger/lexicons/be/): both sides of each hard case of
SIGNALS.md in Belarusian, in the official orthography and in the classical one (тарашкевіца)
of Radio Svaboda; the seed case; and the classes of error the blind set
tests/data/tagger-be-blind showed."""

import pytest

from streams.language import detect_language
from streams.tagger import tag_text
from tests.tagging import REFERENCE_YEAR, title_pairs


def be_pairs(body: str, title: str = "Навіны") -> set[tuple[str, str]]:
    return title_pairs(title, body, "be")


# --- language detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Міністэрства абароны Беларусі пачало выводзіць бронетэхніку з доўгатэрміновага "
        "захоўвання.",
        "Беларускае войска пачало вучэньні каля мяжы з Украінай. Паводле Міністэрства абароны, "
        "у вучэньнях удзельнічаюць каля 3000 вайскоўцаў.",
        "Ваенныя камісарыяты выклікалі на зборы ваеннаабавязаных з запасу.",
        "Расейскія войскі ў Беларусі: што вядома",
    ],
)
def test_belarusian_text_is_detected_as_belarusian(text: str) -> None:
    assert detect_language(text) == "be"


# --- the seed case -----------------------------------------------------------------------


def test_seed_case_is_asserted_storage_by_belarus_attributed_to_the_ministry() -> None:
    result = tag_text(
        "",
        "Міністэрства абароны Беларусі паведаміла, што пачало выводзіць бронетэхніку з "
        "доўгатэрміновага захоўвання.",
        language="be",
        reference_year=REFERENCE_YEAR,
    )
    (signal,) = [s for s in result.signals if s.type == "equipment_from_storage"]
    assert (signal.polarity, signal.actors) == ("asserted", ("BLR",))
    assert signal.attribution == "Міністэрства абароны Беларусі"
    assert result.mobilization


def test_seed_headline_without_a_verb_of_saying_is_still_asserted_storage_by_belarus() -> None:
    result = tag_text(
        "",
        "Міністэрства абароны Беларусі пачало выводзіць бронетэхніку з доўгатэрміновага "
        "захоўвання.",
        language="be",
        reference_year=REFERENCE_YEAR,
    )
    assert [(s.type, s.polarity, s.actors) for s in result.signals] == [
        ("equipment_from_storage", "asserted", ("BLR",))
    ]


# --- words shared with other fields: none of these is a signal -----------------------------


@pytest.mark.parametrize(
    "body",
    [
        # the harvest "mobilizes" machinery and students, campaigns mobilize supporters
        "На ўборку ўраджаю мабілізавана ўся тэхніка гаспадарак.",
        "Студэнтаў мабілізавалі на ўборку бульбы.",
        "Кандыдаты мабілізуюць прыхільнікаў перад выбарамі.",
        "Камбайны перакінулі ў Гомельскую вобласць на ўборку.",
        # fire and civil-defence drills
        "Выратавальнікі МНС правялі пажарна-тактычныя вучэнні ў гандлёвым цэнтры.",
        "У Магілёве прайшлі камандна-штабныя вучэнні па грамадзянскай абароне.",
        # grain and gas storage
        "Гаспадаркі заклалі на доўгатэрміновае захоўванне 600 тысяч тон збожжа.",
        "«Газпром трансгаз Беларусь» павялічыў адбор газу з падземных сховішчаў.",
        # sport call-ups and reserves
        "Трэнер зборнай выклікаў на зборы 28 гульцоў.",
        "Хакеісты зборнай застаюцца ў рэзерве.",
        # readiness of campaigns and utilities, a cash van, a protest march
        "Штабы кандыдатаў працуюць у рэжыме поўнай гатоўнасці.",
        "Камунальныя службы ў поўнай гатоўнасці да зімы.",
        "У Мінску затрымалі злачынцаў, якія спрабавалі напасці на інкасатарскую бронемашыну.",
        "Удзельнікі маршу пратэсту прайшлі па праспекце.",
    ],
)
def test_words_of_other_fields_are_no_signal(body: str) -> None:
    assert be_pairs(body) == set()


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("Беларусь абвясціла частковую мабілізацыю.", ("mobilization_callup", "asserted")),
        (
            "Ваенкаматы выклікалі рэзервістаў на двухтыднёвыя зборы.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "У Магілёўскай вобласці пачаліся зборы ваеннаабавязаных.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "У Беларусі пачаліся камандна-штабныя вучэнні Узброеных Сіл.",
            ("military_exercise", "asserted"),
        ),
        (
            "Беларускае войска пачало вучэньні каля мяжы з Украінай.",
            ("military_exercise", "asserted"),
        ),
        (
            "З базы захоўваньня вывезьлі эшалён з танкамі Т-72.",
            ("equipment_from_storage", "asserted"),
        ),
        (
            "Беларусь перакідае падразьдзяленьні да мяжы з Украінай.",
            ("troop_movement", "asserted"),
        ),
        (
            "Сілы СПА пераведзены ў павышаную баявую гатоўнасць.",
            ("readiness_increase", "asserted"),
        ),
        (
            "Лукашэнка загадаў павысіць баявую гатоўнасць войскаў на заходнім напрамку.",
            ("readiness_increase", "asserted"),
        ),
        (
            "Мінабароны Беларусі паведаміла, што пачалася раптоўная праверка баявой гатоўнасці.",
            ("military_exercise", "asserted"),
        ),
    ],
)
def test_the_military_sense_of_the_same_words_is_tagged(body: str, pair: tuple[str, str]) -> None:
    assert pair in be_pairs(body)


def test_a_snap_inspection_checks_readiness_it_does_not_raise_it() -> None:
    found = be_pairs("Мінабароны паведаміла, што пачалася раптоўная праверка баявой гатоўнасці.")
    assert found == {("military_exercise", "asserted")}


# --- denials, hypotheticals and background -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Генштаб абверг паведамленні аб перакідцы войскаў да мяжы з Украінай.",
            {("troop_movement", "negated")},
        ),
        ("Беларускія войскі да мяжы не перакідваюцца.", {("troop_movement", "negated")}),
        ("Мінабароны: мабілізацыя ў краіне не праводзіцца.", {("mobilization_callup", "negated")}),
        (
            "Калі спатрэбіцца, Беларусь можа мабілізаваць да 500 тысяч чалавек.",
            {("mobilization_callup", "hypothetical")},
        ),
        (
            "Беларусь і Расія плануюць правесці ў верасні наступнага года сумесныя вучэнні.",
            {("military_exercise", "hypothetical")},
        ),
        (
            "Сумесныя вучэнні Беларусі і Расіі «Шчыт Саюза» пройдуць у верасні.",
            {("military_exercise", "hypothetical")},
        ),
        (
            "Летась у Беларусь перакінулі каля 10 тысяч расійскіх вайскоўцаў.",
            {("troop_movement", "historical")},
        ),
        (
            "У першыя дні вайны ў 1941 годзе ў Беларусі была абвешчана мабілізацыя.",
            {("mobilization_callup", "historical")},
        ),
        (
            "Беларусь уступіць у вайну толькі ў адным выпадку — калі на яе нападуць.",
            {("threat", "asserted")},
        ),
        (
            "Вучэнні маюць выключна абарончы характар і не накіраваныя супраць суседніх дзяржаў.",
            {("de_escalation", "asserted")},
        ),
    ],
)
def test_denials_conditions_plans_and_history_are_not_asserted(
    body: str, expected: set[tuple[str, str]]
) -> None:
    assert be_pairs(body) == expected


def test_the_same_exercise_started_is_asserted() -> None:
    found = be_pairs("Сумесныя вучэнні Беларусі і Расіі «Шчыт Саюза» пачаліся на палігонах.")
    assert found == {("military_exercise", "asserted")}


# --- several actors in one phrase; the same event told twice -------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Пачалося разгортванне рэгіянальнай групоўкі войскаў Беларусі і Расіі.",
        "Рэгіянальная групоўка войскаў Беларусі і Расіі разгорнута на тэрыторыі краіны.",
    ],
)
def test_the_regional_grouping_is_a_grouping_by_both_states_not_a_move(body: str) -> None:
    result = tag_text("", body, language="be", reference_year=REFERENCE_YEAR)
    assert [(s.type, s.actors) for s in result.signals] == [("force_grouping", ("BLR", "RUS"))]


def test_other_forces_deployed_are_a_move() -> None:
    assert be_pairs("Беларусь разгарнула дзве брыгады на поўдні краіны.") == {
        ("troop_movement", "asserted")
    }


def test_the_same_event_in_headline_and_body_counts_once() -> None:
    result = tag_text(
        "Беларусь перакідае войскі да мяжы з Украінай",
        "Беларусь перакідае войскі да мяжы з Украінай, паведаміў Генштаб.",
        language="be",
        reference_year=REFERENCE_YEAR,
    )
    assert result.type_counts == {"troop_movement": 1}


# --- classes of error found on the blind set -----------------------------------------------


def test_a_march_of_units_is_a_movement_and_a_protest_march_is_not() -> None:
    found = be_pairs("Падраздзяленні падняты па трывозе і здзяйсняюць марш у раёны прызначэння.")
    assert {("troop_movement", "asserted"), ("readiness_increase", "asserted")} <= found
    assert be_pairs("Удзельнікі маршу пратэсту прайшлі па праспекце.") == set()


def test_de_mothballed_hardware_sent_to_a_brigade_is_storage_not_a_move() -> None:
    assert be_pairs("Танкі раскансервавалі і накіравалі ў Асіповіцкую брыгаду.") == {
        ("equipment_from_storage", "asserted")
    }
    assert be_pairs("Беларусь накіравала брыгаду да мяжы з Польшчай.") == {
        ("troop_movement", "asserted")
    }


# --- found while fitting the dev set --------------------------------------------------------


def test_an_exercise_named_as_a_time_reference_is_over() -> None:
    assert be_pairs(
        "Пасля завяршэння вучэнняў расійскія падраздзяленні вяртаюцца ў пункты пастаяннай "
        "дыслакацыі."
    ) == {("de_escalation", "asserted")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # units brought out to their areas or ranges move; brought back, they withdraw
        (
            "Падраздзяленні брыгады выведзены ў раёны прызначэння.",
            {("troop_movement", "asserted")},
        ),
        ("Расія вывела войскі з-пад Кіева.", {("de_escalation", "asserted")}),
        # the ministry's singular "вучэнне" with its adjective, and live firing
        (
            "На палігоне пад Лідай прайшло батальённае тактычнае вучэнне з баявой стральбой.",
            {("military_exercise", "asserted")},
        ),
        # concentration told by the perfective verb
        (
            "Расія сканцэнтравала каля 30 тысяч вайскоўцаў у Бранскай вобласці.",
            {("troop_movement", "asserted")},
        ),
        # regular conscription is a call-up; an appeal ("прызыў да міру") is none
        (
            "У Беларусі пачаўся восеньскі прызыў на тэрміновую ваенную службу.",
            {("mobilization_callup", "asserted")},
        ),
        ("Мітрапаліт звярнуўся да вернікаў з прызывам да міру і малітвы за вайскоўцаў.", set()),
        ("У Мінску прайшоў чэмпіянат краіны па кулявой стральбе.", set()),
        # reservists drawn into a mobilization exercise; a farm's men drawn into the harvest
        (
            "У вобласці праходзіць мабілізацыйнае вучэнне з прыцягненнем ваеннаабавязаных.",
            {("military_exercise", "asserted"), ("mobilization_callup", "asserted")},
        ),
        ("Гаспадаркі прыцягнулі да ўборкі 300 мужчын з суседніх вёсак.", set()),
        ("Рэзервісты прыцягнулі ўвагу журналістаў.", set()),
        # "з" is also "with": depots holding arms are no storage exit; taking them out is
        ("Падчас службы ён адказваў за склады з узбраеннем у Барысаве.", set()),
        (
            "З базы захоўвання ў Барысаве вывезлі эшалон з танкамі.",
            {("equipment_from_storage", "asserted")},
        ),
    ],
)
def test_dev_set_classes(body: str, expected: set[tuple[str, str]]) -> None:
    assert be_pairs(body) == expected
