"""Dead letters: the rejected message's own bytes, with headers that say why and from where.

The value and key are the original bytes, untouched, so a dead letter can be replayed to its
source topic once the cause is fixed. The headers are the contract
(``schemas/news.deadletter.v1.json``): stage, error type, reason code, message, and the source
topic, partition and offset.
"""

from __future__ import annotations

from datetime import UTC, datetime

from streams.article import format_timestamp
from streams.errors import InputError
from streams.events import Origin

HEADER_PREFIX = "muster."
INTERNAL_ERROR = "internal_error"
MAX_MESSAGE_CHARS = 1000


def failure_reason(error: BaseException) -> str:
    """The stable reason code of an error: its own for bad input, else ``internal_error``."""
    return error.reason if isinstance(error, InputError) else INTERNAL_ERROR


def dead_letter_headers(
    *, stage: str, error: BaseException, origin: Origin, failed_at: datetime | None = None
) -> list[tuple[str, bytes]]:
    """Kafka headers for a dead letter (names prefixed ``muster.``, values UTF-8)."""
    moment = failed_at or datetime.now(UTC)
    fields = {
        "stage": stage,
        "error.type": type(error).__name__,
        "error.reason": failure_reason(error),
        "error.message": str(error)[:MAX_MESSAGE_CHARS],
        "source.topic": origin.topic,
        "source.partition": str(origin.partition),
        "source.offset": str(origin.offset),
        "failed_at": format_timestamp(moment),
    }
    return [(HEADER_PREFIX + name, value.encode("utf-8")) for name, value in fields.items()]


def read_headers(headers: list[tuple[str, bytes]] | dict[str, bytes] | None) -> dict[str, str]:
    """The ``muster.*`` headers of a record as text, without the prefix."""
    pairs = headers.items() if isinstance(headers, dict) else (headers or [])
    return {
        name.removeprefix(HEADER_PREFIX): value.decode("utf-8", "replace")
        for name, value in pairs
        if name.startswith(HEADER_PREFIX) and value is not None
    }
