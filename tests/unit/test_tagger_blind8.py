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


# --- a film shoot's convoy: the tanks on the road are props ---------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Drivers were startled by a convoy of Soviet-era trucks and a T-55 tank on Tuesday. "
            "Police said it was a film crew shooting a historical drama.",
            "en",
        ),
        (
            "Колонна старых танков, замеченная под Выборгом, оказалась частью "
            "съемок военной драмы.",
            "ru",
        ),
        (
            "Колонна танков напугала жителей. В администрации сообщили, что это съемки "
            "исторического фильма.",
            "ru",
        ),
        ("Колона танків під Львовом виявилася частиною зйомок воєнної драми.", "uk"),
    ],
)
def test_a_film_shoots_convoy_moves_no_troops(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") not in title_pairs("News", body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # imagery is "съемка", "зйомка" too; a crew filming a real column is news
        (
            "Колонна российских танков движется к границе, показывают данные спутниковой съемки.",
            "ru",
        ),
        ("Колона російських танків рухається до кордону, свідчать дані супутникової зйомки.", "uk"),
        (
            "A convoy of Russian tanks moved towards the border. "
            "A BBC film crew filmed the column.",
            "en",
        ),
        (
            "Колонна российских танков движется к границе. В кинотеатрах идет премьера военного "
            "фильма.",
            "ru",
        ),
    ],
)
def test_a_real_convoy_filmed_or_seen_from_space_still_moves(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("News", body, language)


# --- an offer or a listing is a sale not yet made -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Surplus armoured vehicles offered for export", ""),
        ("News", "Rosoboronexport offered to sell Su-35 jets to Indonesia."),
        ("News", "The ministry offers to sell its surplus howitzers to Latin American buyers."),
    ],
)
def test_an_offer_to_sell_arms_is_no_transfer_made(title: str, body: str) -> None:
    found = title_pairs(title, body, "en")
    assert ("arms_transfer", "asserted") not in found


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("News", "Russia delivered Su-35 jets to Iran."),
        ("News", "Germany supplied 40 Leopard tanks to Ukraine, the ministry said."),
        ("Russia sells Su-35 jets to Iran", ""),
    ],
)
def test_arms_delivered_or_sold_are_still_transferred(title: str, body: str) -> None:
    assert ("arms_transfer", "asserted") in title_pairs(title, body, "en")


# --- recycled footage debunked: the claim it was passed off for is denied -------------------------


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "Відео «переміщення військ» виявилося старим",
            "Відео, яке поширюють як нове переміщення російських військ до кордону, знято давно.",
            "uk",
        ),
        (
            "Видео с «переброской войск» оказалось старым",
            "Ролик, который выдают за новую переброску войск к границе, снят давно.",
            "ru",
        ),
        (
            "News",
            "Footage of Russian tanks moving to the border, passed off as new, "
            "turned out to be old.",
            "en",
        ),
    ],
)
def test_recycled_footage_passed_off_as_new_is_no_move(
    title: str, body: str, language: str
) -> None:
    assert ("troop_movement", "asserted") not in title_pairs(title, body, language)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Колона російських танків рухається до кордону, показує нове відео.", "uk"),
        ("Колонна российских танков движется к границе, показывает новое видео.", "ru"),
        ("Росія перекидає нові танки до кордону.", "uk"),
        ("Россия перебрасывает новые танки к границе.", "ru"),
        ("New footage shows Russian tanks moving to the border.", "en"),
    ],
)
def test_new_footage_of_a_real_move_is_still_a_move(body: str, language: str) -> None:
    assert ("troop_movement", "asserted") in title_pairs("News", body, language)
