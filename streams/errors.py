"""Muster's errors, as a small tree.

::

    MusterError
    └── InputError            bad input: routed to the dead-letter topic, the stream goes on
        ├── DecodeError       not UTF-8, not JSON, not a JSON object, nested too deep
        ├── ValidationError   a required field missing, a field of the wrong type or format
        └── TooLargeError     the message is over the configured maximum article size

Anything that is not an ``InputError`` is a bug: agents still dead-letter the event that
raised it (so nothing is lost and the stream goes on), count it as ``internal_error`` and log
its traceback, while a failure to talk to Kafka stops the worker with a non-zero exit.
"""

from __future__ import annotations


class MusterError(Exception):
    """Base of every error Muster raises on purpose."""


class InputError(MusterError):
    """The input cannot be turned into an article; ``reason`` is a short stable code."""

    reason = "invalid_input"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class DecodeError(InputError):
    """The bytes are not a UTF-8 JSON object."""

    reason = "undecodable"


class ValidationError(InputError):
    """The JSON object breaks the input contract (``schemas/news.articles.raw.v1.json``)."""

    reason = "invalid_field"


class TooLargeError(InputError):
    """The message is over ``MUSTER_MAX_ARTICLE_BYTES``."""

    reason = "too_large"
