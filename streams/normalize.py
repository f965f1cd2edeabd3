"""Article normalization: one canonical text, a stable id and a content fingerprint.

Everything downstream (evidence offsets, fingerprints, story matching) depends on the text
being spelled one way: HTML stripped, Unicode NFKC, typographic quotes made plain, zero-width
characters removed, whitespace collapsed, paragraphs separated by one blank line, page
boilerplate dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from streams.article import RawArticle
from streams.errors import ValidationError
from streams.html_text import html_to_text, looks_like_html
from streams.language import detect_language

_BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.txt"
_BOILERPLATE_MAX_CHARS = 200
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u0060": "'",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)
# The few ASCII characters ``_QUOTES`` changes: an ASCII text (most news) needs only these
# replaced, which spares looking every character up in the table.
_ASCII_QUOTES = tuple((chr(code), to) for code, to in _QUOTES.items() if code < 128)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


@dataclass(frozen=True, slots=True)
class Article:
    """A normalized article: the unit every later stage works on."""

    id: str
    url: str
    title: str
    body: str
    language: str
    fingerprint: str
    source: str | None = None
    published_at: str | None = None
    received_at: str | None = None


def normalize_article(raw: RawArticle, *, received_at: str | None = None) -> Article:
    """Normalize validated input; raise ``ValidationError`` when no body text is left."""
    body = normalize_text(html_to_text(raw.body) if looks_like_html(raw.body) else raw.body)
    body = drop_boilerplate(body)
    if not body:
        raise ValidationError("the body has no text after normalization", reason="empty_body")
    title = normalize_text(html_to_text(raw.title) if looks_like_html(raw.title) else raw.title)
    title = title.replace("\n\n", " ")
    url = canonical_url(raw.url)
    article_id = raw.id or derive_article_id(url)
    return Article(
        id=article_id,
        url=url,
        title=title,
        body=body,
        language=raw.language or detect_language(f"{title}\n\n{body}"),
        fingerprint=content_fingerprint(article_id, url, title, body),
        source=raw.source,
        published_at=raw.published_at,
        received_at=received_at,
    )


def normalize_text(text: str) -> str:
    """NFKC, plain quotes, collapsed whitespace; paragraphs joined by one blank line."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        for char, plain in _ASCII_QUOTES:
            text = text.replace(char, plain)
    else:
        text = text.translate(_QUOTES)
    paragraphs = (_collapse_white_space(part) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(part for part in paragraphs if part)


def _collapse_white_space(paragraph: str) -> str:
    """Each run of white space (what ``str.split()`` splits on) as one space, none at the ends.

    Most paragraphs already read so: a printable text holds no white space but the plain
    space, so with no double space it only needs stripping, not splitting into words and
    joining them again.
    """
    if paragraph.isprintable() and "  " not in paragraph:
        return paragraph.strip()
    return " ".join(paragraph.split())


def drop_boilerplate(body: str) -> str:
    """Remove short paragraphs that are page furniture (see ``data/boilerplate.txt``)."""
    prefixes = _boilerplate_prefixes()
    kept = [
        paragraph
        for paragraph in body.split("\n\n")
        if len(paragraph) >= _BOILERPLATE_MAX_CHARS or not paragraph.lower().startswith(prefixes)
    ]
    return "\n\n".join(kept)


@cache
def _boilerplate_prefixes() -> tuple[str, ...]:
    lines = _BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(_TRACKING_PARAMS)
    ]
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query, doseq=True), "")
    )


def derive_article_id(url: str) -> str:
    """A stable id from the canonical URL: the same article gets the same id on every send."""
    return "u-" + hashlib.blake2b(url.encode("utf-8"), digest_size=12).hexdigest()


def content_fingerprint(article_id: str, url: str, title: str, body: str) -> str:
    """Hash of what makes an article itself: an exact re-send has the same fingerprint."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (article_id, url, title, body):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()
