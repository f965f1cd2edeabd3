"""Content terms of an article, weighted by how rare they are in the language at large.

Two reports of one event share few exact phrases but do share its rare words: names, places,
units, equipment, numbers. Rarity comes from ``wordfreq`` (word frequencies of 40 languages
from large mixed corpora, shipped inside the package), which is a better prior than counts
we could gather from our own stream, and needs no state to rebuild after a restart. Cyrillic
terms are also transliterated, so a name can match across an English and a Russian report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

import wordfreq

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
COMMON_ZIPF = 6.0
RARE_ZIPF = 2.0
MAX_WEIGHT = COMMON_ZIPF - RARE_ZIPF
VECTOR_TERMS = 32
LEAD_CHARS = 1500

_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
        "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip

Vector = dict[str, float]


@cache
def _frequencies(language: str) -> dict[str, float]:
    if language not in wordfreq.available_languages("small"):
        return {}
    return wordfreq.get_frequency_dict(language, wordlist="small")


def term_weight(term: str, language: str) -> float:
    """0 for function words, up to ``MAX_WEIGHT`` for words too rare to be listed."""
    if term[0].isdigit():
        return _number_weight(term)
    frequency = _frequencies(language).get(term)
    zipf = math.log10(frequency * 1e9) if frequency else RARE_ZIPF
    return max(0.0, min(MAX_WEIGHT, COMMON_ZIPF - zipf))


def _number_weight(digits: str) -> float:
    """Counts of troops or vehicles identify an event; small numbers and years do not."""
    if len(digits) <= 2:
        return 0.5
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return 1.0
    return MAX_WEIGHT


def terms(text: str) -> list[str]:
    """Lower-case word and number tokens; numbers lose their separators ("5,000" = "5000")."""
    found = []
    for match in TOKEN.finditer(text.lower()):
        token = match.group()
        if token[0].isdigit():
            found.append(token.replace(",", "").replace(".", ""))
        elif len(token) >= 3:
            found.append(token)
    return found


def content_vector(title: str, body: str, language: str) -> Vector:
    """A unit-length weighted term vector of the headline and the lead.

    The lead tells the event; later paragraphs often recall older ones. The headline counts
    twice. Only the ``VECTOR_TERMS`` heaviest terms are kept, which bounds memory per story.
    """
    counts = Counter(terms(title))
    counts.update(counts)
    counts.update(terms(body[:LEAD_CHARS]))
    weighted: Vector = {}
    for term, count in counts.items():
        weight = term_weight(term, language)
        if weight > 0:
            key = term.translate(_CYRILLIC) if language in ("ru", "uk", "be", "bg") else term
            weighted[key] = weighted.get(key, 0.0) + weight * (1.0 + math.log(count))
    return unit(top_terms(weighted, VECTOR_TERMS))


def top_terms(vector: Vector, size: int) -> Vector:
    """The ``size`` heaviest terms, ties broken by the term so the result is deterministic."""
    if len(vector) <= size:
        return vector
    return dict(sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:size])


def unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def cosine(left: Vector, right: Vector) -> float:
    """Cosine of two unit vectors (iterates over the smaller one)."""
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())
