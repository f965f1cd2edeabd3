"""The rule engine: sentences in, signals with evidence out.

The work is done in two passes so that it stays small and linear. The first pass scans each
sentence for the concepts rules are made of and tries only the rules whose concepts are all
there. Only in a sentence where a rule fired does the second pass look for cues, actors and
places, and ``reading`` read the signal around its trigger, as far as the merge needs. At most
``MAX_SIGNALS_READ`` signals are read per article, ten times what the longest real articles
yield, so a body made of nothing but trigger words cannot make the work grow past that: the
result then says it is ``truncated``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import partial
from sys import maxsize

from streams.tagger.lexicon import MASK, WORK, Lexicon, Rule, is_name
from streams.tagger.matcher import HIT_CONCEPT, Hit, ScanText, sort_hits
from streams.tagger.reading import Reading, read_key, subject_actors
from streams.tagger.sentences import split_sentences
from streams.tagger.timeline import Timeline, is_retrospective
from streams.tagger.view import SentenceView

MILITARY = "MILITARY"
MAX_SIGNALS_READ = 1000
FALLBACK_SENTENCES = 2
REVIEW_OPENERS = " \"'\u00ab\u201c\u201e"
REVIEW_BREAKS = (":", "-", "\u2013", "\u2014", "|")
REVIEW_QUOTES = ('"', "\u00ab", "\u201c", "\u201e")
FICTION_REACH = 60
QUESTION_CLOSERS = " \"')\u00bb\u201d\u2019"


def find_signals(
    lexicon: Lexicon, fields: Sequence[tuple[str, str]], reference_year: int | None
) -> tuple[list[Reading], bool]:
    """Every signal in the (field name, text) pairs, in reading order, read as far as the
    merge needs (``Reading``), and whether the reading stopped at ``MAX_SIGNALS_READ``. The
    first field is the headline."""
    signals: list[Reading] = []
    scans = [ScanText(text) for _, text in fields]  # the headline's serves twice
    if fields and is_review(lexicon, scans[0]):
        return signals, False
    retrospective = is_retrospective(lexicon, scans[0], reference_year) if fields else False
    for (field_name, _), scan in zip(fields, scans, strict=True):
        budget = MAX_SIGNALS_READ - len(signals)
        signals.extend(
            _field_signals(lexicon, field_name, scan, reference_year, budget, retrospective)
        )
        if len(signals) >= MAX_SIGNALS_READ:
            return signals, True
    if signals and tells_fiction(lexicon, scans):
        return [], False
    return signals, False


def _field_signals(
    lexicon: Lexicon,
    field_name: str,
    scan: ScanText,
    reference_year: int | None,
    budget: int,
    retrospective: bool,
) -> list[Reading]:
    text = scan.original
    gates = lexicon.gate_positions(scan)
    if not gates:
        return []
    spans = split_sentences(text)
    timeline: Timeline | None = None
    views: dict[int, SentenceView] = {}
    signals: list[Reading] = []
    for index in _gated(spans, gates):
        start, end = spans[index]
        found = lexicon.concepts.find(scan, start, end, ordered=False)
        present = frozenset(map(HIT_CONCEPT, found))
        rules = lexicon.rule_index.within(present)
        if not rules:
            continue
        sort_hits(found)
        hits = _unmasked(found, lexicon)
        if len(hits) < len(found):
            present = frozenset(map(HIT_CONCEPT, hits))
            rules = lexicon.rule_index.within(present)
            if not rules:
                continue
        view = SentenceView(field_name, text, start, end, hits, scan.exact)
        fired = [(rule, span) for rule in rules for span in _rule_matches(rule, view, present)]
        if not fired:
            continue
        view.add_hits(_unmasked(lexicon.context.find(scan, start, end), lexicon))
        views[index] = view
        fallback = partial(_fallback_actors, lexicon, field_name, scan, spans, index, views)
        timeline = timeline or Timeline(
            lexicon, scan, spans, reference_year, retrospective=retrospective
        )
        background = timeline.in_background(index)
        asked = is_question(text, start, end) and not _presupposed(view)
        for rule, span in fired:
            reading = read_key(rule, view, span, fallback, reference_year, background=background)
            if asked and reading.polarity == "asserted":
                reading = reading._replace(polarity="hypothetical")
            if reading.target is not None or not rule.requires_target:
                signals.append(reading)
        if len(signals) >= budget:
            break
    return signals


def is_question(text: str, start: int, end: int) -> bool:
    """Is the sentence a question ("Q: Are you seeing any Russian forces moving toward the
    Baltics?", "— Чи є ознаки, що Росія перекидає війська?", a headline "What is a snap
    inspection?")? A question asserts nothing: what it asks about is at most speculated
    ("Could Russia announce a second mobilisation wave?"), so a move it names is hypothetical;
    the answer is read on its own. Interviews, briefings and explainers ask many."""
    return text[start:end].rstrip().rstrip(QUESTION_CLOSERS).endswith("?")


def _presupposed(view: SentenceView) -> bool:
    """Does the question open with a word that takes its event as done ("Why did Russia move
    troops?", "Почему Россия стягивает войска?")? Then it tells the event; one asking whether
    ("Is Russia moving troops?", "Чи перекидає Росія війська?") does not. A speaker's tag or
    a dash before it ("Q: Why ...", "— Навіщо ...") is skipped."""
    words = view.word_starts
    opening = next(
        (i for i, at in enumerate(words[:3]) if view.text[at : at + 2] not in ("Q:", "Q ")), None
    )
    if opening is None:
        return False
    first = words[opening]
    return any(hit.start == first for hit in view.by_concept.get("PRESUPPOSED", ()))


def is_review(lexicon: Lexicon, title: ScanText) -> bool:
    """Is the article a review of a film, game, book or show ("Review: ...", "Film review: ...",
    "Рецензия: ...")? Its troops and mobilizations are the plot's, not news: it yields no
    signals. The cue must open the headline and be followed by a colon, a dash or the work's
    quoted title ('Огляд гри "Фронтир": ...'), so that a "defence review" in a headline is
    still news."""
    text = title.original
    for hit in lexicon.reviews.find(title):
        opening = not text[: hit.start].strip(REVIEW_OPENERS)
        after = text[hit.end : hit.end + 2].strip()[:1]
        if opening and after and (after in REVIEW_BREAKS or after in REVIEW_QUOTES):
            return True
    return False


def tells_fiction(lexicon: Lexicon, scans: Sequence[ScanText]) -> bool:
    """Does the article say that a film, series, novel or game it names is set in an invented
    world ("a thriller about a fictional Baltic state", "действие фильма происходит в
    вымышленной стране")? Then it is entertainment news told without a review headline, and
    its mobilizations are the plot's. The work must come first and the invention within
    ``FICTION_REACH`` characters after it, so that drills "against a fictional enemy" that a
    film crew recorded stay news. Asked only of articles where signals were found, so that the
    extra pass costs the rest nothing."""
    for scan in scans:
        works: list[int] = []
        inventions: list[int] = []
        for concept, start, _ in lexicon.fiction.find(scan):
            (works if concept == WORK else inventions).append(start)
        if any(0 < i - w <= FICTION_REACH for w in works for i in inventions):
            return True
    return False


def _gated(spans: list[tuple[int, int]], gates: list[int]) -> Iterator[int]:
    """The indices of the sentences that hold a gate position, in order. A field has a few
    gates and many sentences, so each gate looks its sentence up rather than each sentence
    its gates; lazily, as the reading may stop at its budget long before the last gate."""
    previous = -1
    for gate in gates:
        index = bisect_right(spans, (gate, maxsize)) - 1
        if index > previous and gate < spans[index][1]:
            previous = index
            yield index


def _fallback_actors(
    lexicon: Lexicon,
    field_name: str,
    scan: ScanText,
    spans: list[tuple[int, int]],
    index: int,
    views: dict[int, SentenceView],
) -> tuple[str, ...]:
    """Actors named in the sentences just before: "it", "the ministry" refer back to them.
    ``views`` holds the sentences read so far; one that fired no rule is read here."""
    for previous in range(index - 1, max(-1, index - 1 - FALLBACK_SENTENCES), -1):
        view = views.get(previous)
        if view is None:
            start, end = spans[previous]
            view = SentenceView(field_name, scan.original, start, end, [], scan.exact)
            view.add_hits(_unmasked(lexicon.context.find(scan, start, end), lexicon))
            views[previous] = view
        subjects = subject_actors(view)
        if subjects:
            return subjects
    return ()


def _unmasked(hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """Drop hits hidden by longer ones.

    A MASK phrase hides every hit inside it ("fire drill" hides "drill"), a concept hides the
    concepts its ``hides`` names ("will not hesitate" is a threat, not a denial of intent),
    and a longer name hides the names inside it ("South China Sea" is a place, not China).
    """
    covering = lexicon.covering
    if covering.isdisjoint(map(HIT_CONCEPT, hits)):
        return hits  # most sentences: nothing can hide anything
    kept: list[Hit] = []
    covers: list[Hit] = []
    reach = -1  # no cover ends past this: a hit ending after it is not inside one
    for hit in hits:
        hidden = False
        if hit.end <= reach:
            start = hit.start
            covers = [cover for cover in covers if cover.end > start]
            hidden = bool(covers) and _is_hidden(hit, covers, lexicon.hides)
        concept = hit.concept
        if concept in covering:
            covers.append(hit)
            reach = max(reach, hit.end)
        if not hidden and concept != MASK:
            kept.append(hit)
    return kept


def _is_hidden(hit: Hit, covers: list[Hit], hides: dict[str, frozenset[str]]) -> bool:
    length = hit.end - hit.start
    return any(
        cover.start <= hit.start
        and hit.end <= cover.end
        and cover.end - cover.start > length
        and _hides(cover, hit, hides)
        for cover in covers
    )


def _hides(cover: Hit, hit: Hit, hides: dict[str, frozenset[str]]) -> bool:
    if cover.concept == MASK or hit.concept in hides.get(cover.concept, ()):
        return True
    return is_name(cover.concept) and is_name(hit.concept)


def _rule_matches(rule: Rule, view: SentenceView, present: frozenset[str]) -> list[tuple[int, int]]:
    """Spans where the rule's concepts occur close enough, not vetoed; left to right.
    ``present`` is the concepts of the sentence's hits."""
    if rule.context and present.isdisjoint(rule.context):
        return []
    if not present.isdisjoint(rule.never_with):
        return []
    vetoed = not present.isdisjoint(rule.unless)
    by_concept = view.by_concept
    matches: list[tuple[int, int]] = []
    anchor, *others = rule.all
    for anchor_hit in by_concept[anchor]:
        start, end = anchor_hit.start, anchor_hit.end
        for concept in others:
            nearest = _nearest(view, anchor_hit, concept, rule)
            if nearest is None:
                break
            start = min(start, nearest.start)
            end = max(end, nearest.end)
        else:
            if matches and start < matches[-1][1]:
                continue
            span = (start, end)
            if vetoed and not _military_outside(view, span):
                continue
            if rule.exclude_near and _excluded_near(view, span, rule):
                continue
            matches.append(span)
    return matches


def _nearest(view: SentenceView, anchor: Hit, concept: str, rule: Rule) -> Hit | None:
    best: Hit | None = None
    best_distance = rule.window + 1
    anchor_start, anchor_end = anchor.start, anchor.end
    starts = view.word_starts
    anchor_word = bisect_right(starts, anchor_start)
    for hit in view.within_words(concept, anchor_start, rule.window):
        if hit.start < anchor_end and hit.end > anchor_start:
            continue
        if rule.ordered and hit.start < anchor_start:
            continue
        distance = abs(bisect_right(starts, hit.start) - anchor_word)
        if distance < best_distance:
            best, best_distance = hit, distance
    return best


def _excluded_near(view: SentenceView, span: tuple[int, int], rule: Rule) -> bool:
    """A concept of ``exclude_near`` inside the match or within its window cancels it."""
    return any(
        (hit.start < span[1] and hit.end > span[0])
        or view.words_between(hit.end, span[0]) <= rule.window
        or view.words_between(span[1], hit.start) <= rule.window
        for concept in rule.exclude_near
        for hit in view.by_concept.get(concept, ())
    )


def _military_outside(view: SentenceView, span: tuple[int, int]) -> bool:
    """A veto word (sport, business...) is overruled by a military word the match lacks."""
    return any(hit.end <= span[0] or hit.start >= span[1] for hit in view.by_concept[MILITARY])
