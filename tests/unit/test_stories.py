"""The story engine: grouping, alerts once per story, escalation, and state that survives."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from streams.codec import decode_json, encode_json
from streams.stories import engine as engine_module
from streams.stories.engine import (
    ASIDE_TYPE_PENALTY,
    MAX_DRIFT_DAYS,
    NAME_PENALTY,
    QUANTITY_PENALTY,
    TYPE_PENALTY,
    StoryEngine,
    similarity,
)
from streams.stories.features import TOLD_CHARS, read_article
from streams.stories.policy import StoryPolicy
from streams.stories.state import Story
from streams.stories.terms import (
    HEAP_FROM,
    MAX_WEIGHT,
    SCALE_STEMS,
    SCALED,
    _names,
    content_vector,
    dot,
    heaviest,
    term_key,
    term_weight,
    terms,
)
from streams.story_evaluation import enrich, pairwise_scores
from tests.contracts import assert_valid

DATA = Path(__file__).resolve().parents[1] / "data" / "stories"
START = datetime(2026, 10, 20, 8, tzinfo=UTC)


def enriched(
    article_id: str,
    *,
    hours: float,
    title: str,
    body: str,
    actor: str = "AZE",
    kind: str = "military_exercise",
    source: str = "Wire",
    mobilization: bool = True,
) -> dict[str, Any]:
    """A minimal enriched event with one signal in its headline."""
    moment = (START + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    signal = {
        "type": kind,
        "polarity": "asserted",
        "actors": [actor],
        "evidence": {"field": "title", "start": 0},
    }
    return {
        "id": article_id,
        "url": f"https://{source.lower()}.example/{article_id}",
        "title": title,
        "body": body,
        "language": "en",
        "source": source,
        "published_at": moment,
        "received_at": moment,
        "mobilization": mobilization,
        "actors": [actor] if mobilization else [],
        "signals": [signal],
    }


def drill(article_id: str, hours: float, place: str, *, source: str = "Wire", **kw: Any) -> dict:
    """A short report of an event at a place (a drill unless ``kind`` says otherwise)."""
    return enriched(
        article_id,
        hours=hours,
        title=f"Drills at {place}",
        body=f"Drills at {place}.",
        source=source,
        **kw,
    )


def test_reports_of_one_event_share_a_story_and_other_events_do_not() -> None:
    engine = StoryEngine(StoryPolicy())
    first = engine.process(drill("a", 0, "Shamkir", source="Wire"))
    second = engine.process(drill("b", 5, "Shamkir", source="Daily"))
    other = engine.process(drill("c", 6, "Lankaran", source="Daily", kind="troop_movement"))
    later = engine.process(drill("d", 24 * 30, "Shamkir", source="Wire"))
    assert first.story == {"id": first.story["id"], "first": True, "sources": 1}
    assert second.story == {"id": first.story["id"], "first": False, "sources": 2}
    assert other.story["id"] != first.story["id"]
    assert later.story["id"] != first.story["id"], "the same kind of event a month later"


def test_another_kind_in_the_headline_disagrees_less_when_the_lead_tells_the_storys_kind() -> None:
    story = Story.start("st", read_article(drill("a", 0, "Shamkir")))
    story.add(read_article(drill("a", 0, "Shamkir")))
    reaction = drill("b", 2, "Shamkir", kind="threat")
    apart = similarity(read_article(reaction), story)
    reaction["signals"].append(
        {
            "type": "military_exercise",
            "polarity": "asserted",
            "actors": ["AZE"],
            "evidence": {"field": "body", "start": 0},
        }
    )
    aside = similarity(read_article(reaction), story)
    assert aside - apart == pytest.approx(TYPE_PENALTY - ASIDE_TYPE_PENALTY)


def test_a_story_that_holds_none_of_the_articles_names_scores_lower() -> None:
    story = Story.start("st", read_article(drill("a", 0, "Shamkir")))
    story.add(read_article(drill("a", 0, "Shamkir")))
    named = read_article(drill("b", 0, "Shamkir Lankaran"))
    unnamed = read_article(drill("c", 0, "Lankaran Lankaran"))
    assert named.specific and unnamed.specific, "place names are specific terms"
    assert similarity(named, story) == pytest.approx(dot(named.vector, story.mass))
    shared_drills = dot(unnamed.vector, story.mass)
    assert shared_drills > 0
    assert similarity(unnamed, story) == pytest.approx(shared_drills - NAME_PENALTY)


def test_rare_words_and_names_inside_a_sentence_are_specific_and_domain_words_are_not() -> None:
    _, specific = content_vector(
        "Reservists called up",
        "Reservists were called up on Friday. Minister Rasa Jurkiene said reservists from "
        "Kaliningrad and Pyongyang must report.",
        "en",
    )
    assert term_key("jurkiene") in specific, "a word no list holds"
    assert term_key("kaliningrad") in specific, "a listed name, written capitalized"
    assert term_key("pyongyang") not in specific, "an actor's name (North Korea's capital)"
    assert term_key("reservists") not in specific, "an uncommon domain word"
    assert term_key("friday") not in specific, "a common word, though capitalized"
    assert term_key("rasa") not in specific, "a two-letter key, which common words share"


def test_names_are_capitalized_words_after_the_first_word_of_their_sentence() -> None:
    text = (
        '"Troops" left Ganja. Then\nOfficials met in Шамкир!  McLean said: iPhone, İzmir\u2028U.S. '
        "Forces _Kyiv\n\nLater ДНР.Luhansk 3D"
    )
    assert _names(text) == {"ganja", "шамкир", "i̇zmir", "u", "s", "kyiv", "днр", "luhansk"}
    assert _names("") == _names(" .\n") == _names("Ganja") == set()


def test_alerts_new_story_then_corroborated_once_each_with_valid_contract() -> None:
    engine = StoryEngine(StoryPolicy(corroboration_sources=3))
    kinds = []
    for index, source in enumerate(["Wire", "Daily", "Daily", "Post", "Times"]):
        outcome = engine.process(drill(f"a{index}", index, "Ganja", source=source))
        for alert in outcome.alerts:
            assert_valid("news.alerts.v1.json", alert)
        kinds += [alert["kind"] for alert in outcome.alerts]
    assert kinds == ["new_story", "corroborated"]


def test_a_story_alerts_when_its_first_mobilization_article_arrives() -> None:
    engine = StoryEngine(StoryPolicy())
    quiet = engine.process(drill("a", 0, "Barda", mobilization=False))
    loud = engine.process(drill("b", 2, "Barda", source="Daily"))
    assert quiet.alerts == []
    assert [alert["kind"] for alert in loud.alerts] == ["new_story"]
    assert loud.alerts[0]["story_id"] == quiet.story["id"]


def test_a_redelivered_article_is_told_the_same_story_and_alerts_again() -> None:
    engine = StoryEngine(StoryPolicy())
    event = drill("a", 0, "Tovuz")
    first = engine.process(event)
    engine.process(drill("b", 1, "Tovuz", source="Daily"))
    again = engine.process(event)
    assert (again.story, again.alerts, again.record) == (first.story, first.alerts, None)


def escalation_feed() -> list[dict[str, Any]]:
    """The team-written scenario: AZE goes from one story a day to eight; GRC stays steady."""
    lines = (DATA / "escalation.jsonl").read_bytes().splitlines()
    items = sorted((decode_json(line) for line in lines), key=lambda item: item["published_at"])
    return [enrich(item) for item in items]


def test_an_actor_going_from_one_story_a_day_to_eight_escalates_once_a_steady_one_never() -> None:
    engine = StoryEngine(StoryPolicy())
    escalations = [
        alert
        for event in escalation_feed()
        for alert in engine.process(event).alerts
        if alert["kind"] == "escalation"
    ]
    assert [alert["actor"] for alert in escalations] == ["AZE"]
    alert = escalations[0]
    assert_valid("news.alerts.v1.json", alert)
    assert alert["raised_at"].startswith("2026-10-27")
    assert alert["escalation"]["stories_in_window"] >= 5
    assert alert["escalation"]["baseline_per_window"] <= 1.0


def test_a_story_rebuilt_from_its_record_ranks_its_terms_and_records_as_the_original() -> None:
    engine = StoryEngine(StoryPolicy())
    for index, source in enumerate(["Wire", "Daily", "Post"]):
        outcome = engine.process(drill(f"a{index}", index, "Ganja", source=source))
    assert outcome.record is not None
    rebuilt = Story.from_record(decode_json(encode_json(outcome.record)))
    weights = list(rebuilt.mass.values())
    assert weights == sorted(weights, reverse=True), "heaviest first, as the index reads it"
    assert list(rebuilt.mass) == list(engine._stories[rebuilt.id].mass)
    assert rebuilt.figures == engine._stories[rebuilt.id].figures
    assert encode_json(rebuilt.record()) == encode_json(outcome.record)
    assert [member[0] for member in rebuilt.record()["members"]] == ["a0", "a1", "a2"]


def test_an_engine_rebuilt_from_its_records_decides_as_the_original_would() -> None:
    feed = escalation_feed()
    whole = StoryEngine(StoryPolicy())
    expected = [whole.process(event) for event in feed]
    half = len(feed) // 2 + 3
    before = StoryEngine(StoryPolicy())
    records: dict[str, dict[str, Any]] = {}
    for event in feed[:half]:
        outcome = before.process(event)
        records[outcome.story["id"]] = outcome.record
    after = StoryEngine(StoryPolicy(), records.values())
    resumed = [after.process(event) for event in feed[half:]]
    assert [(o.story, o.alerts) for o in resumed] == [(o.story, o.alerts) for o in expected[half:]]
    assert any(alert["kind"] == "escalation" for o in resumed for alert in o.alerts)


def test_stories_older_than_retention_are_forgotten_as_event_time_moves_on() -> None:
    policy = StoryPolicy()
    engine = StoryEngine(policy)
    old = engine.process(drill("old", 0, "Agdam"))
    recent = engine.process(drill("recent", policy.retention_hours - 1, "Barda", kind="threat"))
    new = engine.process(drill("new", policy.retention_hours + 1, "Qazax"))
    assert (recent.expired, new.expired) == ([], [old.story["id"]])
    assert len(engine) == 2


def test_a_story_published_long_after_it_arrived_leaves_no_timeline_entry_when_forgotten() -> None:
    """Stories expire by arrival, escalation timelines by publication: a story whose article
    was published 400 h after it arrived expired while its timeline entry stayed, and the
    actor's next escalation check looked the gone story up (KeyError: every later
    mobilization article of the actor went to the dead-letter topic)."""
    policy = StoryPolicy()
    engine = StoryEngine(policy)
    skewed = drill("skewed", 0, "Ganja") | {"published_at": _stamp(400)}
    gone = engine.process(skewed).story["id"]
    quiet = drill("quiet", 200, "Quiet", mobilization=False)
    assert engine.process(quiet).expired == [gone]
    outcomes = [
        engine.process(
            enriched(f"late{n}", hours=201, title=f"Qx{n} Vz{n}", body=f"Kj{n} Wq{n}.")
            | {"published_at": _stamp(400 + n)}
        )
        for n in range(6)
    ]
    escalations = [a for o in outcomes for a in o.alerts if a["kind"] == "escalation"]
    assert escalations, "five stories of one actor within a day escalate"
    assert all(gone not in str(alert) for alert in escalations)


def _stamp(hours: float) -> str:
    return (START + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_pairwise_scores_count_article_pairs() -> None:
    truth = {"a": "1", "b": "1", "c": "2", "d": "2"}
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y"}
    scores = pairwise_scores(truth, predicted)
    assert (scores["pairwise_precision"], scores["pairwise_recall"]) == (round(1 / 3, 4), 0.5)


def test_names_numbers_and_designations_match_across_scripts_and_spellings() -> None:
    assert terms("5,000 troops, 5 thousand, 5 тысяч, 1.5 million") == [
        "5000", "troops", "5000", "5000", "1500000"
    ]  # fmt: skip
    assert [term_key(t) for t in terms("T-72B Т-72Б")] == ["t72", "t72"]
    pairs = [("nakhchivan", "нахичевани"), ("carmeli", "кармели"), ("reservists", "резервистов")]
    for english, cyrillic in pairs:
        assert term_key(english) == term_key(cyrillic), (english, cyrillic)
    assert term_key("brigade") != term_key("bridge")


def test_letters_that_do_not_decompose_match_their_cyrillic_spelling() -> None:
    """Polish, Nordic and Turkish letters NFKD leaves whole (ł, ø, ı) were dropped from keys,
    so "Białystok" and "Suwałki" missed "Белосток" and "Сувалки" in a Russian report of the
    same call-up; other places keep other keys."""
    pairs = [
        ("białystok", "белостоке"), ("suwałki", "сувалки"), ("łódź", "лодзь"), ("bodø", "будё")
    ]  # fmt: skip
    for latin, cyrillic in pairs:
        assert term_key(latin) == term_key(cyrillic), (latin, cyrillic)
    for latin, other in (("białystok", "бельск"), ("suwałki", "swidnik"), ("łódź", "lida")):
        assert term_key(latin) != term_key(other), (latin, other)


def test_an_uncommon_domain_word_weighs_less_than_a_name_no_word_list_holds() -> None:
    for word, language in (("reservists", "en"), ("conscription", "en"), ("призыва", "ru")):
        assert 0 < term_weight(word, language) < term_weight("gazakh", language) == MAX_WEIGHT


def test_a_term_more_live_stories_hold_than_max_postings_finds_no_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def stories_of_ganja(cap: int) -> tuple[str, str]:
        monkeypatch.setattr(engine_module, "MAX_POSTINGS", cap)
        engine = StoryEngine(StoryPolicy())
        shamkir = engine.process(drill("a", 0, "Shamkir")).story["id"]
        engine.process(drill("b", 1, "Lankaran", kind="troop_movement"))
        return shamkir, engine.process(drill("c", 2, "Ganja")).story["id"]

    shamkir, ganja = stories_of_ganja(2)
    assert ganja == shamkir, "through 'drills', held by two stories"
    shamkir, ganja = stories_of_ganja(1)
    assert ganja != shamkir, "'drills' is skipped, and nothing else is shared"


def test_heaviest_breaks_ties_by_key_however_long_the_list() -> None:
    for count in (20, HEAP_FROM + 20):
        weights = {f"k{index:05d}": float(index % 3) for index in range(count)}
        expected = [(key, 2.0) for key in sorted(weights) if weights[key] == 2.0][:4]
        assert heaviest(dict(reversed(weights.items())), 4) == expected


def test_every_scale_word_starts_with_a_scale_stem() -> None:
    words = re.search(r"\((thousand\|[^)]*)\)", SCALED.pattern)
    assert words is not None
    for word in words.group(1).split("|"):
        assert any(word.startswith(stem) for stem in SCALE_STEMS), word


def test_a_follow_up_days_later_sharing_the_events_names_joins_one_without_them_does_not() -> None:
    """A report near the window's end that shares the event's names still joins; one sharing
    only the kind of event does not, and nothing beyond the window joins."""
    engine = StoryEngine(StoryPolicy())
    first = engine.process(drill("a", 0, "Shamkir Urechye", source="Wire"))
    engine.process(drill("b", 6, "Shamkir Urechye", source="Daily"))
    follow_up = engine.process(drill("c", 6 + 70, "Shamkir Urechye", source="Post"))
    other_place = engine.process(drill("d", 6 + 70, "Lankaran Ganja", source="Post"))
    beyond = engine.process(drill("e", 6 + 70 + 73, "Shamkir Urechye", source="Post"))
    assert follow_up.story["id"] == first.story["id"]
    assert other_place.story["id"] != first.story["id"]
    assert beyond.story["id"] != first.story["id"], "outside the window"


def test_the_time_penalty_stops_growing_after_max_drift_days() -> None:
    story = Story.start("st", read_article(drill("a", 0, "Shamkir")))
    story.add(read_article(drill("a", 0, "Shamkir")))
    two_days = similarity(read_article(drill("b", 48, "Shamkir")), story)
    three_days = similarity(read_article(drill("c", 72, "Shamkir")), story)
    one_day = similarity(read_article(drill("d", 24, "Shamkir")), story)
    assert one_day - two_days == pytest.approx(engine_module.DRIFT_PER_DAY)
    assert three_days == pytest.approx(two_days)
    assert two_days == pytest.approx(1.0 - engine_module.DRIFT_PER_DAY * MAX_DRIFT_DAYS)


def test_names_of_two_actors_that_share_a_key_are_told_apart_one_actors_still_match() -> None:
    """Russian "Литва" (Lithuania) and "Latvia" have one skeleton, as do Niger and Nigeria: such
    names key as their actor, so a Russian report of Lithuania's call-up shares no name with an
    English one of Latvia's, while Latvia's own names still match across scripts and cases."""
    assert term_key("латвия") == term_key("latvia") == term_key("латвии") == "@lva"
    assert term_key("литва") == term_key("литву") == "@ltu"
    assert term_key("niger") != term_key("nigeria")
    assert term_key("россии") == term_key("russia")
    assert term_key("nakhchivan") == term_key("нахичевани"), "no other actor's name: unchanged"
    latvia, _ = content_vector("Latvia calls up reservists", "Latvia called up reservists.", "en")
    same, _ = content_vector("Латвия призывает резервистов", "Латвия призвала резервистов.", "ru")
    other, _ = content_vector("Литва призывает резервистов", "Литва призвала резервистов.", "ru")
    assert term_key("latvia") in latvia.keys() & same.keys()
    assert latvia.keys() & other.keys() == {term_key("reservists")}
    assert dot(other, latvia) < dot(same, latvia)


def test_the_cross_language_gain_is_withheld_from_another_side_that_shares_no_name() -> None:
    """A report in a new language counts double, unless it tells another acting side and
    shares none of its specific terms with the story: then only domain words match (a
    neighbour's call-up told in Russian the same morning), and it starts a story of its own;
    the same side's report, or one that shares a place, still joins."""
    english = enriched(
        "lv", hours=0, title="Latvia calls up reservists for Latgale brigade",
        body="Latvia called up reservists for the Latgale brigade on Monday. Men from "
        "Daugavpils and Rezekne will report to their units, minister Andris Spruds said.",
        actor="LVA", kind="mobilization_callup",
    )  # fmt: skip

    def russian(actor: str, place: str) -> dict[str, Any]:
        report = enriched(
            f"ru-{actor}-{place}", hours=0, title=f"Призыв резервистов в {place}",
            body=f"Военкомат в {place} и Ионаве вручил повестки в понедельник. Они явятся в "
            "бригаду «Железный волк» в Рукле до пятницы, сообщил министр Довиле Шакалене.",
            actor=actor, kind="mobilization_callup",
        )  # fmt: skip
        return report | {"language": "ru"}

    story = Story.start("st", read_article(english))
    story.add(read_article(english))
    neighbour = read_article(russian("LTU", "Укмерге"))
    assert neighbour.specific and story.mass.keys().isdisjoint(neighbour.specific)
    shared = dot(neighbour.vector, story.mass)
    assert shared > 0, "reservists, brigade"
    assert similarity(neighbour, story) == pytest.approx(
        shared - engine_module.ACTOR_PENALTY - NAME_PENALTY
    )
    for actor, place, joins in (("LTU", "Укмерге", False), ("LVA", "Укмерге", True),
                                ("LTU", "Даугавпилсе", True)):  # fmt: skip
        engine = StoryEngine(StoryPolicy())
        first = engine.process(english)
        other = engine.process(russian(actor, place))
        assert (other.story["id"] == first.story["id"]) is joins, (actor, place)


def test_an_actors_names_are_not_specific_so_sharing_only_them_is_sharing_no_name() -> None:
    """Two events of one busy actor share its names (Aliyev, Baku): those tell who acts, which
    the acting side compares, so a report that shares only them with a story is lowered as
    one that shares no name; one that also shares a place is not."""
    story = Story.start("st", read_article(drill("a", 0, "Shamkir, Aliyev said")))
    story.add(read_article(drill("a", 0, "Shamkir, Aliyev said")))
    other = read_article(drill("b", 0, "Lankaran, Aliyev said"))
    assert other.specific == {term_key("lankaran")}
    assert similarity(other, story) == pytest.approx(dot(other.vector, story.mass) - NAME_PENALTY)
    same = read_article(drill("c", 0, "Shamkir and Lankaran, Aliyev said"))
    assert similarity(same, story) == pytest.approx(dot(same.vector, story.mass))


def test_acting_sides_that_name_each_other_disagree_by_half_and_neighbours_in_full() -> None:
    """A report whose acting side the tagger read as the event's other party (the navy
    shadowing a drill) names the story's side, and the story names its side: that
    disagreement counts ``NAMED_ACTOR_PENALTY``. A neighbour's event that names only itself
    disagrees by ``ACTOR_PENALTY``, and a rebuilt story keeps what its first article named."""

    def report(article_id: str, actor: str, also: str | None) -> dict[str, Any]:
        event = drill(article_id, 0, "Shamkir", actor=actor)
        if also is not None:
            event["signals"].append(
                {
                    "type": "troop_movement",
                    "polarity": "asserted",
                    "actors": [also],
                    "evidence": {"field": "body", "start": 0},
                }
            )
        return event

    first = read_article(report("a", "AZE", "ARM"))
    story = Story.start("st", first)
    story.add(first)
    cosine = dot(first.vector, story.mass)
    shadowing = read_article(report("b", "ARM", "AZE"))
    neighbour = read_article(report("c", "ARM", None))
    assert similarity(shadowing, story) == pytest.approx(cosine - engine_module.NAMED_ACTOR_PENALTY)
    assert similarity(neighbour, story) == pytest.approx(cosine - engine_module.ACTOR_PENALTY)
    rebuilt = Story.from_record(decode_json(encode_json(story.record())))
    assert similarity(shadowing, rebuilt) == similarity(shadowing, story)
    old_record = {k: v for k, v in story.record().items() if k != "named_actors"}
    assert similarity(shadowing, Story.from_record(old_record)) == pytest.approx(
        cosine - engine_module.ACTOR_PENALTY
    ), "a record from before names only its acting side"


def test_a_signal_far_down_the_body_tells_no_acting_side_or_kind() -> None:
    """An analysis of a drill whose first signal is far down the body (the US exercising
    elsewhere, as background) has no acting side or kind to disagree with the drill's story,
    and joins it; with the same signal at the top it tells the US acting, and stays apart."""
    report = enriched(
        "a", hours=0, title="Azerbaijan holds drills at Shamkir",
        body="Azerbaijani troops held drills at Shamkir with Polonez launchers and T-90 tanks, "
        "the ministry said on Monday.",
    )  # fmt: skip
    lead = (
        "The Shamkir drills this week test Caspian supply lines, analysts in Tbilisi and "
        "Yerevan say, as Georgian ports and Lachin roads matter more."
    )

    def analysis(start: int) -> dict[str, Any]:
        event = enriched(
            "b", hours=5, title="Analysis: Caspian supply lines under strain",
            body=lead + " " * start + " The US drills in Texas.", actor="USA",
            kind="troop_movement",
        )  # fmt: skip
        event["signals"][0]["evidence"] = {"field": "body", "start": len(lead) + start}
        return event

    far = read_article(analysis(TOLD_CHARS))
    assert not far.actors and not far.types
    near = read_article(analysis(0))
    assert near.actors == {"USA"} and near.types == {"troop_movement"}
    for article, joins in ((analysis(TOLD_CHARS), True), (analysis(0), False)):
        engine = StoryEngine(StoryPolicy())
        first = engine.process(report)
        assert (engine.process(article).story["id"] == first.story["id"]) is joins


def test_a_kind_asserted_far_down_the_body_does_not_halve_a_disagreement_of_kinds() -> None:
    """A reaction headlined as a threat that asserts the story's drill near the top of its
    body is an angle piece (``ASIDE_TYPE_PENALTY``); one that asserts a drill only far down
    tells it as background, and disagrees in full (``TYPE_PENALTY``)."""
    story = Story.start("st", read_article(drill("a", 0, "Shamkir")))
    story.add(read_article(drill("a", 0, "Shamkir")))

    def reaction(start: int) -> dict[str, Any]:
        event = drill("b", 0, "Shamkir", kind="threat")
        event["signals"].append(
            {
                "type": "military_exercise",
                "polarity": "asserted",
                "actors": ["AZE"],
                "evidence": {"field": "body", "start": start},
            }
        )
        return event

    near = read_article(reaction(0))
    far = read_article(reaction(TOLD_CHARS))
    cosine = dot(near.vector, story.mass)
    assert similarity(near, story) == pytest.approx(cosine - ASIDE_TYPE_PENALTY)
    assert similarity(far, story) == pytest.approx(cosine - TYPE_PENALTY)
    assert far.mobilization_types == near.mobilization_types, "alerts read every signal"


def test_a_story_started_without_an_acting_side_or_kind_takes_those_a_later_member_tells() -> None:
    engine = StoryEngine(StoryPolicy(join_threshold=0.95))
    reaction = drill("a", 0, "Shamkir")
    reaction.update(signals=[], actors=[], mobilization=False)
    started = engine.process(reaction)
    told = engine.process(drill("b", 1, "Shamkir", source="Daily"))
    assert told.story["id"] == started.story["id"]
    assert (told.record["actors"], told.record["types"]) == (["AZE"], ["military_exercise"])
    same_side = engine.process(drill("c", 2, "Shamkir", source="Post"))
    neighbour = engine.process(drill("d", 2, "Shamkir", source="Times", actor="ARM"))
    assert same_side.story["id"] == started.story["id"]
    assert neighbour.story["id"] != started.story["id"], "another acting side now disagrees"
    rebuilt = StoryEngine(StoryPolicy(join_threshold=0.95), [told.record])
    assert rebuilt.process(drill("d", 2, "Shamkir", actor="ARM")).story["id"] != started.story["id"]


def formation(article_id: str, figure: str, *, source: str = "Wire") -> dict[str, Any]:
    """A report of a new brigade that quotes a figure in its body, not in its signal."""
    return enriched(
        article_id,
        hours=2,
        title="Brigade formed at Shamkir",
        body=f"A new brigade of {figure} troops was formed at Shamkir near Tovuz and Gadabay.",
        kind="force_grouping",
        source=source,
    )


def test_reports_quoting_other_figures_than_the_story_score_lower_years_and_none_do_not() -> None:
    story = Story.start("st", read_article(formation("a", "3,000")))
    story.add(read_article(formation("a", "3,000")))
    for figure, penalty in [("3,000", 0.0), ("15,000", QUANTITY_PENALTY), ("a few", 0.0)]:
        article = read_article(formation("b", figure))
        cosine = dot(article.vector, story.mass)
        assert similarity(article, story) == pytest.approx(cosine - penalty), figure
    assert not read_article(formation("b", "2026")).figures, "a year is no size"
    assert not read_article(formation("b", "155")).figures, "nor a three-digit number"


def test_another_formation_of_the_actor_quoting_its_own_figure_starts_its_own_story() -> None:
    engine = StoryEngine(StoryPolicy(join_threshold=0.85))
    first = engine.process(formation("a", "3,000"))
    same = engine.process(formation("b", "3,000", source="Daily"))
    unquoted = engine.process(formation("c", "several thousand", source="Post"))
    other = engine.process(formation("d", "15,000", source="Times"))
    assert same.story["id"] == unquoted.story["id"] == first.story["id"]
    assert other.story["id"] != first.story["id"]
    rebuilt = StoryEngine(StoryPolicy(join_threshold=0.85), [unquoted.record])
    assert rebuilt._stories[first.story["id"]].figures == frozenset({"3000"})
    assert rebuilt.process(formation("d", "15,000")).story["id"] != first.story["id"]
