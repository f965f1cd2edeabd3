"""The Polish lexicon on the hard cases of SIGNALS.md, each with both sides: the sentence in
another field (or denied, planned, past) that must not count, and a nearby real military
sentence that must."""

import pytest

from streams.tagger import available_languages, tag_text
from tests.tagging import REFERENCE_YEAR, assert_the_seed_yields_what_signals_md_lists, title_pairs


def pairs(body: str, title: str = "Wiadomości") -> set[tuple[str, str]]:
    return title_pairs(title, body, "pl")


def test_polish_has_a_lexicon() -> None:
    assert "pl" in available_languages()


# --- the seed, in Polish ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "attribution"),
    [
        (
            "Białoruskie Ministerstwo Obrony rozpoczęło wycofywanie pojazdów opancerzonych z "
            "długoterminowego przechowywania.",
            "Białoruskie Ministerstwo Obrony",
        ),
        (
            "Białoruska armia rozpoczęła wyprowadzanie pojazdów opancerzonych z "
            "długoterminowego przechowywania, by wzmocnić wspólne regionalne zgrupowanie wojsk "
            "Rosji i Białorusi – poinformowało białoruskie Ministerstwo Obrony.",
            "białoruskie Ministerstwo Obrony",
        ),
        (
            "Białoruska armia rozpoczęła wyprowadzanie pojazdów opancerzonych z "
            "długoterminowego przechowywania – według białoruskiego Ministerstwa Obrony.",
            "białoruskiego Ministerstwa Obrony",
        ),
    ],
)
def test_seed_storage_by_belarus_attributed_to_its_ministry(body: str, attribution: str) -> None:
    result = tag_text("Białoruś", body, language="pl", reference_year=REFERENCE_YEAR)
    (signal,) = [s for s in result.signals if s.type == "equipment_from_storage"]
    assert signal.polarity == "asserted"
    assert signal.actors == ("BLR",)
    assert signal.attribution == attribution
    assert result.mobilization


# --- words shared with other fields -----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # voters, funds, fans mobilised
        "Sztaby obu kandydatów mobilizują wyborców przed drugą turą.",
        "Orlen zmobilizował 4 mld zł na nowe odwierty.",
        "Kibice zmobilizowali się i wykupili wszystkie bilety na finał.",
        "„To była prawdziwa mobilizacja całej drużyny” – mówił trener po meczu.",
        # gas, grain and energy stores; drawing gas is no conscription
        "Rozpoczął się pobór gazu z magazynów, które są wypełnione w 98 proc.",
        "Magazyny zboża są pełne, a transporty pszenicy wciąż przerzucane są przez granicę.",
        # fire, rescue and evacuation drills
        "Strażacy przeprowadzili ćwiczenia ewakuacji szpitala w Białymstoku.",
        "Strażacy z PSP i OSP przeprowadzili na Wiśle ćwiczenia ratownicze z dwoma śmigłowcami.",
        # football call-ups and reserves
        "Selekcjoner ogłosił powołania do kadry na mecze eliminacji mistrzostw świata.",
        "Klub powołał do kadry meczowej trzech młodzieżowców z rezerw.",
        # smuggling and police "przerzut"
        "Straż Graniczna udaremniła przerzut papierosów z Białorusi.",
        "Straż Graniczna udaremniła przerzut broni przez granicę.",
        "Policja przerzuciła siły na granicę z Białorusią.",
        # drilling rigs, cash vans, civil alerts
        "Pierwsza platforma wiertnicza rozpocznie pracę, a grupa przerzuca ekipy z Kanady.",
        "Konwoje opancerzonych bankowozów przewiozą gotówkę do oddziałów banku.",
        "W stan podwyższonej gotowości postawiono straż pożarną w sześciu powiatach.",
        "Związkowcy ogłosili pogotowie strajkowe w zakładach zbrojeniowych.",
        # appointments, attacks and risks
        "Prezydent powołał nowego szefa Sztabu Generalnego.",
        "Rosja wysłała w nocy na Kijów 40 rakiet i 200 dronów.",
        "Polsce grozi atak zimy – ostrzegają synoptycy.",
    ],
)
def test_other_fields_are_no_signal(body: str) -> None:
    assert pairs(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rosja ogłosiła częściową mobilizację.", ("mobilization_callup", "asserted")),
        (
            "Ukraina prowadzi mobilizację mężczyzn w wieku 25-60 lat.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "Ministerstwo Obrony Białorusi ogłosiło pobór 15 tys. poborowych.",
            ("mobilization_callup", "asserted"),
        ),
        ("MON powołał 10 tys. rezerwistów na ćwiczenia.", ("mobilization_callup", "asserted")),
        (
            "Ponad 1200 rezerwistów stawiło się w poniedziałek w jednostkach.",
            ("mobilization_callup", "asserted"),
        ),
        ("Rosja wyciąga z magazynów stare czołgi T-55.", ("equipment_from_storage", "asserted")),
        (
            "Na poligonie rozpoczęły się ćwiczenia 12. Dywizji Zmechanizowanej.",
            ("military_exercise", "asserted"),
        ),
        ("Rosja przerzuca wojska pod granicę z Ukrainą.", ("troop_movement", "asserted")),
        (
            "Wojsko Polskie postawiło jednostki w stan podwyższonej gotowości.",
            ("readiness_increase", "asserted"),
        ),
        (
            "Sformowano nową dywizję w Siedlcach, poinformował szef MON.",
            ("force_grouping", "asserted"),
        ),
        ("Amerykanie przekazali Ukrainie kolejne systemy Patriot.", ("arms_transfer", "asserted")),
        ("Miedwiediew zagroził uderzeniem jądrowym na Warszawę.", ("threat", "asserted")),
    ],
)
def test_the_military_sense_is_still_read(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


def test_summonses_sent_are_a_call_up_not_a_move() -> None:
    found = pairs("Wojskowe centra rekrutacji wysłały wezwania do ponad 5 tys. żołnierzy rezerwy.")
    assert ("mobilization_callup", "asserted") in found
    assert ("troop_movement", "asserted") not in found


def test_a_report_with_przekazal_is_no_arms_transfer() -> None:
    assert pairs("Przekazał to rzecznik resortu, dodając, że czołgi są w jednostkach.") == set()


# --- denials, plans and conditionals, history ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kreml zaprzecza, że planuje nową falę mobilizacji.", ("mobilization_callup", "negated")),
        (
            "Nie ma żadnej koncentracji wojsk przy granicy z Polską – zapewnił rzecznik.",
            ("troop_movement", "negated"),
        ),
        (
            "Jeśli NATO zaatakuje, Rosja przerzuci wojska na Białoruś.",
            ("troop_movement", "hypothetical"),
        ),
        (
            "Białoruś planuje przeprowadzić ćwiczenia wojskowe w przyszłym roku.",
            ("military_exercise", "hypothetical"),
        ),
        (
            "MON planuje powołać 200 tys. rezerwistów na ćwiczenia w 2027 roku.",
            ("mobilization_callup", "hypothetical"),
        ),
        (
            "We wrześniu 1939 r. Armia Czerwona wkroczyła do Polski.",
            ("troop_movement", "historical"),
        ),
        (
            "W zeszłym roku Rosja zgromadziła 100 tys. żołnierzy przy granicy.",
            ("troop_movement", "historical"),
        ),
    ],
)
def test_denied_planned_and_past_signals_do_not_count(body: str, expected: tuple[str, str]) -> None:
    result = tag_text("Wiadomości", body, language="pl", reference_year=REFERENCE_YEAR)
    assert expected in {(s.type, s.polarity) for s in result.signals}
    assert not result.mobilization


def test_martial_law_in_ukraine_is_not_history() -> None:
    body = "Zełenski podpisał ustawę przedłużającą stan wojenny i powszechną mobilizację."
    assert ("mobilization_callup", "asserted") in pairs(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mińsk: nasze ćwiczenia nie są wymierzone w żadne państwo.",
            ("de_escalation", "asserted"),
        ),
        (
            "Rosja nie zamierza atakować żadnego państwa NATO – zapewnił Ławrow.",
            ("de_escalation", "asserted"),
        ),
        ("Bundeswehra wycofała żołnierzy z Mali.", ("de_escalation", "asserted")),
        (
            "Rosja odpowie wszystkimi środkami, jeśli NATO rozmieści wojska w Finlandii.",
            ("threat", "asserted"),
        ),
    ],
)
def test_denials_of_intent_pull_backs_and_threats(body: str, expected: tuple[str, str]) -> None:
    result = tag_text("Wiadomości", body, language="pl", reference_year=REFERENCE_YEAR)
    assert expected in {(s.type, s.polarity) for s in result.signals}
    assert not result.mobilization


# --- first look at tests/data/tagger-pl-blind: a bi-aspectual present is no future ------------


@pytest.mark.parametrize(
    "body",
    [
        "Według analityków Rosja reaktywuje zakonserwowany sprzęt, by uzupełnić straty na froncie.",
        "Rosja reaktywuje czołgi T-62 z baz przechowywania.",
    ],
)
def test_reaktywuje_is_present_not_future(body: str) -> None:
    found = pairs(body)
    assert ("equipment_from_storage", "asserted") in found
    assert ("equipment_from_storage", "hypothetical") not in found


def test_a_planned_reactivation_is_still_hypothetical() -> None:
    found = pairs("Rosja planuje reaktywować czołgi T-62 z baz przechowywania.")
    assert ("equipment_from_storage", "hypothetical") in found


# --- probes after the first look: local government, flood help, arrivals, counter-measures ----


@pytest.mark.parametrize(
    "body",
    [
        "Jednostki samorządu terytorialnego otrzymają środki na ćwiczenia z ochrony ludności.",
        "Wojsko skierowało żołnierzy do pomocy przy powodzi na Dolnym Śląsku.",
        "Pojawiły się doniesienia o ćwiczeniach.",
    ],
)
def test_civil_drills_relief_and_reports_are_no_mobilization(body: str) -> None:
    result = tag_text("Wiadomości", body, language="pl", reference_year=REFERENCE_YEAR)
    assert not result.mobilization


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("W Kaliningradzie pojawiły się nowe wyrzutnie Iskander.", ("troop_movement", "asserted")),
        ("Rosja grozi Finlandii „kontrmiarami wojskowymi”.", ("threat", "asserted")),
        ("Żołnierze 18. Dywizji przemieszczają się na poligon.", ("troop_movement", "asserted")),
    ],
)
def test_arrivals_and_counter_measures_are_read(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


# --- names that a short stem would swallow ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        ("Rosyjskie wojska przerzucono pod granicę – podał Polsat News.", ("RUS",)),
        ("Polskie wojska przerzucono na granicę – podał Polsat News.", ("POL",)),
        ("Żołnierzy przerzucono do Mińska Mazowieckiego.", ()),
        ("Białoruskie wojska przerzucono pod Grodno.", ("BLR",)),
    ],
)
def test_polsat_and_minsk_mazowiecki_are_no_actors(body: str, actors: tuple[str, ...]) -> None:
    result = tag_text("Wiadomości", body, language="pl", reference_year=REFERENCE_YEAR)
    (signal,) = [s for s in result.signals if s.type == "troop_movement"]
    assert signal.actors == actors


@pytest.mark.parametrize(
    "body",
    [
        "Białoruś, która nie ukrywa swoich planów, przerzuca wojska pod granicę z Litwą.",
        "Nie czekając na decyzję NATO, Litwa przerzuciła wojska pod granicę.",
    ],
)
def test_not_hiding_or_not_waiting_denies_nothing(body: str) -> None:
    assert ("troop_movement", "asserted") in pairs(body)


def test_a_weather_front_is_no_front_line() -> None:
    body = "Nad Polskę nadciąga chłodny front; wojewoda postawił służby w stan gotowości."
    assert pairs(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Rosja rozmieściła na Białorusi taktyczną broń jądrową.",
        "Do Polski przyleciały kolejne amerykańskie myśliwce F-35.",
        "Rosyjskie okręty wpłynęły na Morze Bałtyckie.",
        "Rosja ściąga odwody pod Pokrowsk.",
        "Siły rosyjskie koncentrują się w rejonie Zaporoża.",
    ],
)
def test_more_ways_of_moving_forces(body: str) -> None:
    assert ("troop_movement", "asserted") in pairs(body)


@pytest.mark.parametrize(
    "body",
    [
        "Pieniądze wpłynęły na konto żołnierzy.",
        "Samolot z prezydentem przyleciał do Wilna.",
        "Zwolennicy partii zajęli pozycje przed Sejmem.",
    ],
)
def test_money_planes_and_crowds_do_not_move_forces(body: str) -> None:
    assert pairs(body) == set()


# --- Polish ordinals: "18. Dywizja" is no sentence end ------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "W Polsce powstaje 1. Dywizja Piechoty Legionów.",
        "W Siedlcach sformowano 1. Dywizję Piechoty Legionów.",
    ],
)
def test_a_unit_named_by_its_ordinal_is_formed(body: str) -> None:
    assert ("force_grouping", "asserted") in pairs(body)


# --- present-tense call-ups, nominative plurals, readiness degrees -------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Rezerwiści otrzymali wezwania do stawienia się w jednostkach.",
            ("mobilization_callup", "asserted"),
        ),
        ("Białoruś powołuje rezerwistów na zgrupowania.", ("mobilization_callup", "asserted")),
        ("Szwecja podniosła stopień gotowości sił zbrojnych.", ("readiness_increase", "asserted")),
        ("Rosja tworzy nowy korpus armijny w Karelii.", ("force_grouping", "asserted")),
        ("Minister wzywa Rosję do wycofania wojsk.", ("de_escalation", "hypothetical")),
    ],
)
def test_present_plural_and_degree_forms(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


@pytest.mark.parametrize(
    "body",
    [
        "Rząd utworzył nowy korpus ekspertów.",
        "Papież wzywa wiernych do modlitwy.",
        "Sąd wezwał świadków.",
    ],
)
def test_corps_of_experts_and_summoned_witnesses_are_no_signal(body: str) -> None:
    assert pairs(body) == set()


# --- the whole seed article in Polish, through normalization and language detection -----------

SEED_PL = """Sojusznik Rosji, Białoruś, wyprowadza pojazdy opancerzone. To kolejne \
zagrożenie dla Ukrainy

Białoruska armia rozpoczęła wyprowadzanie pojazdów opancerzonych z długoterminowego \
przechowywania, by wzmocnić wspólne regionalne zgrupowanie wojsk rosyjskich i białoruskich \
– poinformowało białoruskie Ministerstwo Obrony.

Decyzję podjęto, by ułatwić „działania na rzecz interoperacyjności” grup bojowych, które \
według agencji TASS od października prowadzą wspólne ćwiczenia na Białorusi.

To kolejny sygnał, że Białoruś może przygotowywać się do działań zbrojnych albo do tego, by \
posłużyć jako punkt wyjścia dla rosyjskich ataków na Ukrainę.

Zeszłej jesieni Rosja wysłała na Białoruś dziesiątki tysięcy żołnierzy i pojazdów \
opancerzonych na ćwiczenia. Od tego czasu Białoruś przeprowadziła nagłe ćwiczenia wojskowe i \
przemieściła sprzęt wojskowy w kierunku granicy z Ukrainą.

Łukaszenka zapowiedział, że Białoruś przystąpi do wojny tylko wtedy, jeśli jej terytorium \
zostanie zaatakowane. Ukraina zapewnia, że nie ma żadnych agresywnych zamiarów wobec Białorusi."""


def test_the_seed_in_polish_yields_what_signals_md_lists() -> None:
    assert_the_seed_yields_what_signals_md_lists(
        SEED_PL, "pl", attribution="białoruskie Ministerstwo Obrony"
    )


# --- a plan told after the drill's noun ----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Ćwiczenia wojskowe Zapad zaplanowano na wrzesień.",
        "Ćwiczenia wojskowe odbędą się na poligonie w Orzyszu.",
        "Szef MON: w przyszłym roku powołamy 200 tys. rezerwistów na ćwiczenia.",
    ],
)
def test_drills_and_call_ups_still_to_come_are_hypothetical(body: str) -> None:
    result = tag_text("Wiadomości", body, language="pl", reference_year=REFERENCE_YEAR)
    assert result.signals
    assert not result.mobilization


@pytest.mark.parametrize(
    "body",
    [
        "Rozpoczęły się ćwiczenia wojskowe, które potrwają do piątku.",
        "Na poligonie trwają ćwiczenia, w których bierze udział 3 tys. żołnierzy.",
    ],
)
def test_drills_under_way_are_asserted(body: str) -> None:
    assert ("military_exercise", "asserted") in pairs(body)
