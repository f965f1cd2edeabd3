"""Content terms of an article, weighted by how rare they are in the language at large.

Two reports of one event share few exact phrases but do share its rare words: names, places,
units, equipment, numbers. Rarity comes from ``wordfreq`` (word frequencies of 40 languages
from large mixed corpora, shipped inside the package), which is a better prior than counts
we could gather from our own stream, and needs no state to rebuild after a restart. Terms
are compared by spelling-blind keys (``term_key``), so a name can match across an English
and a Russian or Ukrainian report, and numbers by one written form.
"""

from __future__ import annotations

import heapq
import math
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import compress

import wordfreq

from streams.tagger.lexicon import LEXICONS_DIR

DIGIT_SEPARATOR = re.compile(r"[.,](?<=\d[.,])(?=\d)")
TOKEN = re.compile(r"[^\W_]+")
SCALED = re.compile(
    r"(\d+)(?:[.,](\d{1,2}))?\s*(thousand|тысяч\w*|тыс\b|тисяч\w*|тис\b|million|млн|миллион\w*|мільйон\w*)"
)
SCALE_STEMS = ("thousand", "тыс", "тис", "million", "млн", "миллион", "мільйон")
MODEL = re.compile(r"\b([^\W\d_]{1,4})-(\d{1,4})[^\W\d_]{0,2}\b")
MODEL_HINT = re.compile(r"-(?=\d)(?<=[^\W\d_]-)")
SKELETON_CHARS = 5
VOWELS = str.maketrans("", "", "aeiouy")
DIGRAPHS = (("q", "k"), ("shch", "s"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"),
            ("ch", "q"), ("ts", "q"), ("tz", "q"), ("ck", "k"), ("c", "k"), ("ph", "f"),
            ("w", "v"), ("x", "ks"), ("z", "s"))  # fmt: skip
CASE_ENDINGS = re.compile(r"(ами|ями|ого|его|ому|ему|ом|ем|ём|ов|ев|ах|ях|ых|их|ым|им|ам|ям)$")
COMMON_ZIPF = 6.0
RARE_ZIPF = 2.0
MAX_WEIGHT = COMMON_ZIPF - RARE_ZIPF
VECTOR_TERMS = 32
LEAD_CHARS = 1500
SPECIFIC_WEIGHT = 3.8
NAME_WEIGHT = 2.0
SPECIFIC_KEY_CHARS = 3
HEAP_FROM = 1000
SENTENCE_START = re.compile(r"[.!?\n](?:(?<=\n)|\s)[\W_]*([^\W_]+)")
CAPITAL_WORD = re.compile(r"[^\W\d_a-zа-яёіїєґ](?<![^\W_].)[^\W_]*")

_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
        "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        # Latin letters NFKD leaves whole, which the key would drop: "Białystok" is "Белосток"
        "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
        "ð": "d",
    }
)  # fmt: skip

Vector = dict[str, float]


@cache
def _zipf(language: str) -> dict[str, float]:
    """Zipf frequency of the words at ``RARE_ZIPF`` or more, from the language's largest list.

    wordfreq's small lists stop at Zipf 3, so there a domain word that is merely uncommon
    ("reservists", "conscription", "deserters") weighs as much as a name no list holds; the
    large lists rank them below names. Rarer words are left out (they weigh the most anyway),
    which keeps a few tens of MB per language instead of hundreds. ``read_cBpack`` rather than
    ``get_frequency_list``, which would cache the whole list.
    """
    for wordlist in ("large", "small"):
        path = wordfreq.available_languages(wordlist).get(language)
        if path:
            return {
                word: zipf
                for centibels, words in enumerate(wordfreq.read_cBpack(path))
                if (zipf := 9.0 - centibels / 100) >= RARE_ZIPF
                for word in words
            }
    return {}


def warm_up(languages: Iterable[str]) -> None:
    """Load these languages' word lists at start (up to half a second each), not mid-stream
    when their first article arrives."""
    for language in languages:
        _zipf(language)


@lru_cache(maxsize=262_144)
def term_weight(term: str, language: str) -> float:
    """0 for function words, up to ``MAX_WEIGHT`` for words too rare to be listed."""
    if term[0].isdigit():
        return _number_weight(term)
    zipf = _zipf(language).get(term, RARE_ZIPF)
    return max(0.0, min(MAX_WEIGHT, COMMON_ZIPF - zipf))


def _number_weight(digits: str) -> float:
    """Counts of troops or vehicles identify an event; small numbers and years do not."""
    if len(digits) <= 2:
        return 0.5
    if is_year(digits):
        return 1.0
    return MAX_WEIGHT


def is_year(digits: str) -> bool:
    """A number read as a year of the 20th or 21st century: it dates an event, not its size."""
    return len(digits) == 4 and digits[:2] in ("19", "20")


def terms(text: str) -> list[str]:
    """Lower-case word and number tokens, numbers and model designations in one form.

    "5,000", "5 thousand" and "5 тысяч" all become "5000"; "T-72B" and "Т-72Б" become "t72".
    Sizes in words are looked for only in a text that holds one of ``SCALE_STEMS`` (every
    scale word ``SCALED`` reads starts with one), and designations only where ``MODEL_HINT``
    finds the letter, hyphen and digit every one has: substring and literal-hyphen searches,
    where the patterns alone are tried at every digit or word boundary of a text that mostly
    has none. The patterns start with what they match, not a look-behind, which the regex
    engine would try at every character; ``DIGIT_SEPARATOR`` starts with the separator, which
    the engine skips to faster than to a digit, and looks behind it for the digit.
    """
    text = text.lower()
    if any(stem in text for stem in SCALE_STEMS):
        text = SCALED.sub(_scaled, text)
    if MODEL_HINT.search(text):
        text = MODEL.sub(r"\1\2", text)
    tokens = TOKEN.findall(DIGIT_SEPARATOR.sub("", text))
    return [token for token in tokens if len(token) >= 3 or token[0].isdigit()]


def _scaled(match: re.Match[str]) -> str:
    """A size written in words as digits ("1.5 million" is 1500000): outlets write it both ways."""
    whole, fraction, scale = match.groups()
    factor = 1_000_000 if scale[0] in "mм" else 1000
    return str(int(whole) * factor + int((fraction or "0").ljust(2, "0")) * factor // 100)


@lru_cache(maxsize=262_144)
def term_key(term: str) -> str:
    """A spelling-blind key, so a name matches across scripts, transliterations and cases.

    Cyrillic is transliterated after its case endings are cut; then letters that
    transliterations and loanwords spell differently become one (``DIGRAPHS``, in order: a
    real q is a k first, so "q" can stand for the affricates ch and ts; a c left over is a k,
    z is s: "Carmeli" and "Кармели", "reservists" and "резервистов"), vowels after the first go,
    repeated letters collapse, and the key keeps ``SKELETON_CHARS`` letters ("Nakhchivan" and
    "Нахичевани" give "nhcvn"). Numbers and designations are kept as they are.

    A key that names of different actors share (``_actor_collisions``: Latvia, Латвия and
    Литва, which is Lithuania, are all "ltv"; Niger and Nigeria "ngr") is, for those names, the
    actor's code instead ("@lva", "@ltu"), so two countries' reports do not share a name.
    """
    if any(char.isdigit() for char in term):
        return term.translate(_CYRILLIC)
    key = _skeleton(term)
    if key in _actor_collisions():
        code = _actor_code(term)
        if code is not None:
            return "@" + code.lower()
    return key


def _skeleton(term: str) -> str:
    """The spelling-blind key of a word (``term_key``), before colliding actor names are told
    apart."""
    if not term.isascii() and len(term) > 5:
        term = CASE_ENDINGS.sub("", term)
    word = unicodedata.normalize("NFKD", term.translate(_CYRILLIC))
    word = "".join(char for char in word if char.isascii())
    for spelling, letter in DIGRAPHS:
        word = word.replace(spelling, letter)
    if not word:
        return term
    skeleton = word[0] + word[1:].translate(VOWELS)
    collapsed = "".join(
        char for i, char in enumerate(skeleton) if i == 0 or char != skeleton[i - 1]
    )
    return collapsed[:SKELETON_CHARS]


@cache
def _actor_names() -> tuple[dict[str, str], dict[str, str]]:
    """The single-word actor names of the tagger's gazetteers (every language it has), as
    whole words and as stems (names written with a final ``*``), each with its actor's code."""
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    for path in sorted(LEXICONS_DIR.glob("*/actors.toml")):
        with path.open("rb") as handle:
            gazetteer = tomllib.load(handle)
        for code, table in gazetteer.items():
            for name in table.get("names", []):
                if " " in name or "-" in name:
                    continue
                if name.endswith("*"):
                    stems.setdefault(name[:-1], code)
                else:
                    words.setdefault(name, code)
    return words, stems


def _actor_code(word: str) -> str | None:
    """The actor a word names (a whole name, else the longest stem it starts with), if any."""
    words, stems = _actor_names()
    code = words.get(word)
    if code is not None:
        return code
    for end in range(len(word), 2, -1):
        code = stems.get(word[:end])
        if code is not None:
            return code
    return None


@cache
def _actor_keys() -> frozenset[str]:
    """The keys of the gazetteers' single-word actor names and stems, in every language they
    have: the key of "Kremlin" is one whether or not the English gazetteer lists it."""
    words, stems = _actor_names()
    return frozenset(term_key(name) for name in [*words, *stems])


@cache
def _actor_collisions() -> frozenset[str]:
    """The keys that names of two or more actors share."""
    words, stems = _actor_names()
    codes: dict[str, set[str]] = {}
    for name, code in [*words.items(), *stems.items()]:
        codes.setdefault(_skeleton(name), set()).add(code)
    return frozenset(key for key, named in codes.items() if len(named) > 1)


def content_vector(title: str, body: str, language: str) -> tuple[Vector, frozenset[str]]:
    """A unit-length weighted term vector of the headline and the lead, keyed by ``term_key``,
    and the keys of its specific terms (``_is_specific``).

    The lead tells the event; later paragraphs often recall older ones. The headline counts
    twice. Only the ``VECTOR_TERMS`` heaviest terms are kept, which bounds memory per story.
    """
    lead = body[:LEAD_CHARS]
    counts = Counter(terms(title))
    counts.update(counts)
    counts.update(terms(lead))
    names = _names(lead)
    weighted: Vector = {}
    specific: set[str] = set()
    for term, count in counts.items():
        key, weight, rare, nameable = _scored(term, language)
        if weight > 0:
            weighted[key] = weighted.get(key, 0.0) + weight * (1.0 + math.log(count))
            if rare or (nameable and term in names):
                specific.add(key)
    vector = unit(top_terms(weighted, VECTOR_TERMS))
    return vector, frozenset(specific & vector.keys())


@lru_cache(maxsize=262_144)
def _scored(term: str, language: str) -> tuple[str, float, bool, bool]:
    """A term's key and weight, and whether it is specific (``rare``) or is when written as a
    name (``nameable``): one cached look-up for the hundred terms of each article, most of
    which recur across articles.

    A term points at one event when it is a word rarer than ``SPECIFIC_WEIGHT`` (Zipf 2.2) or
    a number of three digits or more, or a name of Zipf 4 or rarer (Pyongyang, Lukashenko),
    which domain words as uncommon ("reservists", "brigade") are not. Keys shorter than
    ``SPECIFIC_KEY_CHARS`` are left out: the skeletons of short words collide ("raises" and
    "Rasa" are both "rs"). So are the keys of actors' names (``_actor_keys``: Putin, Kremlin,
    Azerbaijan, Belgrade): they tell who acts, which the acting side compares, not which of the
    actor's events a report tells, and two events of one busy actor share them."""
    weight = term_weight(term, language)
    key = term_key(term)
    eligible = len(key) >= SPECIFIC_KEY_CHARS and key not in _actor_keys()
    return (
        key,
        weight,
        eligible and weight >= SPECIFIC_WEIGHT,
        eligible and weight >= NAME_WEIGHT,
    )


def _names(text: str) -> set[str]:
    """Words written capitalized after the first word of a sentence: names, in the scripts
    that have capitals. Headlines are left out, as English ones capitalize every word.

    A sentence ends at ``[.!?]`` and white space, or at line breaks. Rather than splitting the
    text into sentences and every sentence into words, two scans find only the words that
    matter, skipping the rest in C: ``SENTENCE_START`` the first word after each break, and
    ``CAPITAL_WORD`` the words that start with a letter other than a lower-case Latin or
    Cyrillic one (which ``isupper`` then checks) and not inside a word."""
    first = TOKEN.search(text)
    if first is None:
        return set()
    starts = {match.start(1) for match in SENTENCE_START.finditer(text)}
    starts.add(first.start())
    return {
        word.lower()
        for match in CAPITAL_WORD.finditer(text)
        if match.start() not in starts and (word := match[0])[0].isupper()
    }


def heaviest(weights: dict[str, float], size: int) -> list[tuple[str, float]]:
    """The ``size`` heaviest entries, heaviest first, ties broken by key so every ranking is
    deterministic. Entries lighter than the ``size``-th weight are dropped first, in C
    (``compress``), so of the hundreds of stories an article's terms find only the few that
    can rank are compared with a key function."""
    entries: Iterable[tuple[str, float]] = weights.items()
    if len(weights) > size:
        floor = _floor(list(weights.values()), size)
        entries = compress(entries, map(floor.__le__, weights.values()))
    return sorted(entries, key=_rank)[:size]


def _floor(weights: list[float], size: int) -> float:
    """The ``size``-th largest weight: from a heap over a long list (a third of the time of a
    sort at thousands), from a sort of a short one (a heap's Python loop costs more there)."""
    if len(weights) > HEAP_FROM:
        return heapq.nlargest(size, weights)[-1]
    return sorted(weights, reverse=True)[size - 1]


def _rank(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


def top_terms(vector: Vector, size: int) -> Vector:
    """The ``size`` heaviest terms."""
    return vector if len(vector) <= size else dict(heaviest(vector, size))


def unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def dot(vector: Vector, other: Vector) -> float:
    """Dot product (the cosine of two unit vectors), summed in the order of ``vector``, so that
    the result does not depend on the order ``other`` was built or recovered in. A plain loop:
    it adds the same products in the same order as ``sum`` over a generator would, in four
    fifths of the time, and it runs for every candidate story of every article."""
    total = 0.0
    get = other.get
    for term, weight in vector.items():
        total += weight * get(term, 0.0)
    return total
