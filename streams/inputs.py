"""Reading articles from files and stdin, as operators have them.

Accepted: ``.json`` (one object or an array of objects), ``.jsonl``/``.ndjson`` (one object a
line), ``.txt`` (first line the title, the rest the body, the file's URI as its url), and
folders of these (recursively, in name order). ``-`` reads stdin as JSON Lines, or as one JSON
document when it starts with ``[``. JSON Lines are passed on byte for byte, so a malformed line
reaches the pipeline (and its dead-letter topic) exactly as it was written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from streams.codec import decode_json, encode_json

ARTICLE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".txt")


def read_messages(source: str) -> Iterator[bytes]:
    """The raw message bytes of every article in a path or ``-`` (stdin)."""
    if source == "-":
        yield from _from_json_text(sys.stdin.buffer.read())
        return
    path = Path(source)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                yield from _from_file(child)
    elif path.is_file():
        yield from _from_file(path)
    else:
        raise FileNotFoundError(f"no such file or folder: {source}")


def _from_file(path: Path) -> Iterator[bytes]:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield text_article(path, data.decode("utf-8"))
    elif suffix == ".json":
        yield from _from_json_document(data)
    else:
        yield from _lines(data)


def _from_json_text(data: bytes) -> Iterator[bytes]:
    if data.lstrip()[:1] == b"[":
        yield from _from_json_document(data)
    else:
        yield from _lines(data)


def _from_json_document(data: bytes) -> Iterator[bytes]:
    document = decode_json(data)
    if isinstance(document, list):
        yield from (encode_json(item) for item in document)
    else:
        yield data.strip()


def _lines(data: bytes) -> Iterator[bytes]:
    for line in data.splitlines():
        if line.strip():
            yield line.strip()


def text_article(path: Path, text: str) -> bytes:
    """A plain-text file as an article: first line the title, the rest the body."""
    title, _, body = text.strip().partition("\n")
    return encode_json({"url": path.resolve().as_uri(), "title": title.strip(), "body": body})
