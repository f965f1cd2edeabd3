"""The French lexicon on the hard cases of SIGNALS.md, each with both sides: the sentence in
another field (or denied, planned, past) that must not count, and a nearby real military
sentence that must."""

import pytest

from streams.tagger import available_languages, tag_text
from tests.tagging import REFERENCE_YEAR, assert_the_seed_yields_what_signals_md_lists, title_pairs


def pairs(body: str, title: str = "Actualité") -> set[tuple[str, str]]:
    return title_pairs(title, body, "fr")


def mobilization(body: str) -> bool:
    return tag_text("Actualité", body, language="fr", reference_year=REFERENCE_YEAR).mobilization


def test_french_has_a_lexicon() -> None:
    assert "fr" in available_languages()


# --- the seed, in French ----------------------------------------------------------------------


def test_seed_storage_by_belarus_attributed_to_its_ministry() -> None:
    body = (
        "Le ministère biélorusse de la Défense a commencé à retirer des véhicules blindés du "
        "stockage de longue durée."
    )
    result = tag_text("Biélorussie", body, language="fr", reference_year=REFERENCE_YEAR)
    (signal,) = [s for s in result.signals if s.type == "equipment_from_storage"]
    assert signal.polarity == "asserted"
    assert signal.actors == ("BLR",)
    assert signal.attribution == "ministère biélorusse de la Défense"
    assert result.mobilization


SEED_FR = """Biélorussie : des blindés sortis du stockage, nouvelle menace pour l'Ukraine

Le ministère biélorusse de la Défense a commencé à retirer des véhicules blindés du stockage \
de longue durée afin de renforcer le groupement régional de forces conjoint des armées russe \
et biélorusse.

La décision vise à faciliter « l'interopérabilité » des groupements tactiques qui, selon \
l'agence TASS, mènent des exercices conjoints en Biélorussie depuis octobre.

L'automne dernier, la Russie avait envoyé des dizaines de milliers de soldats et de véhicules \
blindés en Biélorussie. Depuis, la Biélorussie a déployé du matériel militaire vers sa \
frontière avec l'Ukraine.

Le ministère russe des Affaires étrangères a exposé les conditions dans lesquelles la \
Biélorussie entrerait en guerre. Si l'Ukraine recourait à la force contre l'un des deux pays, \
la Biélorussie entrerait en guerre, a averti le ministère.

« Nous confirmons l'absence de toute intention agressive de notre part envers la \
Biélorussie », a déclaré le porte-parole de la diplomatie ukrainienne, Oleg Nikolenko."""


def test_the_seed_in_french_yields_what_signals_md_lists() -> None:
    assert_the_seed_yields_what_signals_md_lists(
        SEED_FR, "fr", attribution="ministère biélorusse de la Défense"
    )


# --- words shared with other fields: both sides -----------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Les syndicats appellent à une nouvelle journée de mobilisation contre la réforme.",
        "Le parti a déployé ses troupes sur les marchés pour mobiliser ses électeurs.",
        "La troupe de théâtre a été déployée sur trois scènes en province.",
        "Les forces vives de la région se sont mobilisées pour sauver l'usine.",
        "Un exercice d'évacuation incendie a été organisé au lycée, mobilisant les pompiers.",
        "Les stocks de gaz sont remplis à 95 % et les soutirages ont commencé.",
        "Les agriculteurs retirent du blé des stocks de céréales pour l'exportation.",
        "TotalEnergies a mobilisé une plateforme de forage et les équipes ont été déployées.",
        "Kylian Mbappé a été convoqué en équipe de France par Didier Deschamps.",
        "Le club a rappelé trois réservistes de son équipe B.",
        "Le déploiement de la fibre optique a été redéployé vers les zones rurales.",
        "Microsoft a déployé une mise à jour de son logiciel.",
        "La Commission a mobilisé deux milliards d'euros de fonds pour les agriculteurs.",
        "La police a déployé des renforts et des véhicules blindés autour du stade.",
        "Le transporteur de fonds a sorti ses fourgons blindés du dépôt.",
        "Le gouvernement dispose d'une marge de manœuvre réduite.",
        "Météo-France a placé quatre départements en alerte rouge, les pompiers sont mobilisés.",
        "La masse des salariés a manifesté en masse devant la préfecture.",
    ],
)
def test_other_fields_are_no_signal(body: str) -> None:
    assert not mobilization(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "La Russie a massé des troupes près de sa frontière avec la Finlande.",
            ("troop_movement", "asserted"),
        ),
        (
            "La Russie masse des troupes près de la frontière ukrainienne.",
            ("troop_movement", "asserted"),
        ),
        (
            "Des unités biélorusses ont été redéployées vers la frontière ukrainienne.",
            ("troop_movement", "asserted"),
        ),
        (
            "La Russie a déployé des véhicules blindés près de la frontière lettone.",
            ("troop_movement", "asserted"),
        ),
        (
            "Des manœuvres militaires conjointes ont débuté près de la frontière polonaise.",
            ("military_exercise", "asserted"),
        ),
        (
            "Les soldats français participent à un exercice de l'Otan en Estonie.",
            ("military_exercise", "asserted"),
        ),
        ("Le Kremlin a décrété une mobilisation partielle.", ("mobilization_callup", "asserted")),
        (
            "Plusieurs milliers de réservistes russes ont été rappelés.",
            ("mobilization_callup", "asserted"),
        ),
        (
            "La Russie a sorti des chars T-62 de ses dépôts de réserve.",
            ("equipment_from_storage", "asserted"),
        ),
        (
            "L'armée russe a remis en service des obusiers stockés depuis les années 1990.",
            ("equipment_from_storage", "asserted"),
        ),
        (
            "Les forces de la flotte de la Baltique ont été placées en état d'alerte renforcé.",
            ("readiness_increase", "asserted"),
        ),
        (
            "L'armée polonaise a formé une nouvelle brigade mécanisée à Siedlce.",
            ("force_grouping", "asserted"),
        ),
    ],
)
def test_the_military_sense_is_still_read(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


# --- denied, planned and past signals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Le Kremlin a démenti toute concentration de troupes près de la frontière.",
            ("troop_movement", "negated"),
        ),
        (
            "Le ministère a affirmé qu'il n'y aurait pas de nouvelle vague de mobilisation.",
            ("mobilization_callup", "negated"),
        ),
        (
            "Le ministère biélorusse de la Défense nie toute mobilisation des réservistes.",
            ("mobilization_callup", "negated"),
        ),
        (
            "Le ministre a déclaré que des exercices conjoints avec la Biélorussie ne sont pas "
            "prévus.",
            ("military_exercise", "negated"),
        ),
        (
            "Le gouvernement envisage de déployer un millier de soldats en Roumanie.",
            ("troop_movement", "hypothetical"),
        ),
        (
            "Les exercices militaires Zapad pourraient être reportés à l'an prochain.",
            ("military_exercise", "hypothetical"),
        ),
        (
            "Les exercices militaires auront lieu en mai près de la frontière lituanienne.",
            ("military_exercise", "hypothetical"),
        ),
        (
            "Dans ce cas, le pays décréterait la mobilisation générale.",
            ("mobilization_callup", "hypothetical"),
        ),
        (
            "L'an dernier, la Russie avait massé des troupes près de la frontière finlandaise.",
            ("troop_movement", "historical"),
        ),
        (
            "En 2022, la Russie avait mobilisé 300 000 réservistes.",
            ("mobilization_callup", "historical"),
        ),
    ],
)
def test_denied_planned_and_past_signals_do_not_count(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)
    assert not mobilization(body)


# --- the blind set's first look: classes fixed ----------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Selon Minsk, les chars T-72 seront remis aux unités après une inspection.",
        "Les blindés sont remis en état dans des usines de l'Oural.",
    ],
)
def test_equipment_handed_to_own_units_or_repaired_is_no_transfer(body: str) -> None:
    assert ("arms_transfer", "asserted") not in pairs(body)
    assert ("arms_transfer", "hypothetical") not in pairs(body)


@pytest.mark.parametrize(
    "body",
    [
        "L'Allemagne a livré deux systèmes Patriot à l'Ukraine.",
        "Paris a cédé six canons Caesar à l'Arménie.",
    ],
)
def test_arms_delivered_are_still_a_transfer(body: str) -> None:
    assert ("arms_transfer", "asserted") in pairs(body)
    assert not mobilization(body)


def test_an_auxiliary_is_no_part_of_the_source() -> None:
    body = (
        "Le ministère ukrainien de la Défense a affirmé qu'il n'y aurait pas de nouvelle vague "
        "de mobilisation."
    )
    result = tag_text("Actualité", body, language="fr", reference_year=REFERENCE_YEAR)
    assert [s.attribution for s in result.signals] == ["ministère ukrainien de la Défense"]


# --- threats and denials of intent ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Loukachenko a averti que la Biélorussie entrerait en guerre si des soldats "
            "polonais franchissaient la frontière.",
            ("threat", "asserted"),
        ),
        (
            "Le ministère assure que ces manœuvres ont un caractère exclusivement défensif.",
            ("de_escalation", "asserted"),
        ),
        (
            "Les dernières troupes françaises ont achevé leur retrait du Sénégal.",
            ("de_escalation", "asserted"),
        ),
    ],
)
def test_threats_denials_of_intent_and_pull_backs(body: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(body)


# --- later probes: plans told far after the drill, figurative mobilisations ---------------------


@pytest.mark.parametrize(
    "body",
    [
        "Des exercices de tir de l'armée de Terre auront lieu la semaine prochaine à Canjuers.",
        "Les manœuvres de l'armée biélorusse se tiendront en septembre près de Brest.",
        "Le président a appelé à la mobilisation générale contre le cancer.",
    ],
)
def test_distant_plans_and_figurative_mobilisations_do_not_count(body: str) -> None:
    assert not mobilization(body)


@pytest.mark.parametrize(
    "body",
    [
        "Les manœuvres de l'armée biélorusse se déroulent depuis lundi près de Brest.",
        "Les exercices militaires ont débuté lundi et doivent durer une semaine.",
    ],
)
def test_drills_under_way_are_asserted(body: str) -> None:
    assert ("military_exercise", "asserted") in pairs(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Des paramilitaires russes d'Africa Corps ont été déployés au Mali.",
            ("troop_movement", "asserted"),
        ),
        (
            "Pourquoi la Russie masse-t-elle des troupes à la frontière ?",
            ("troop_movement", "asserted"),
        ),
        ("L'exercice Orion 2026 a débuté lundi.", ("military_exercise", "asserted")),
        ("Les manœuvres Zapad ont commencé en Biélorussie.", ("military_exercise", "asserted")),
    ],
)
def test_paramilitaries_inverted_questions_and_named_drills(
    body: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(body)


@pytest.mark.parametrize(
    "body",
    [
        "Selon le renseignement ukrainien, la Russie prépare une nouvelle vague de mobilisation.",
        "La masse des troupes reste stationnée en Crimée.",
    ],
)
def test_preparations_and_the_bulk_of_troops_are_no_mobilization(body: str) -> None:
    assert not mobilization(body)
