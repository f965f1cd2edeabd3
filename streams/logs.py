"""The worker's log format: text for people (the default), JSON lines for log pipelines.

A JSON line always has ``time``, ``level``, ``logger`` and ``message``; ``stage``,
``article_id``, ``topic``, ``partition`` and ``offset`` are added when the log call passes
them as ``extra``, and ``exception`` when there is a traceback. No other record attribute is
written, and credentials in URLs (``kafka://user:secret@host``) are masked, so a log line
never carries a secret by accident.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any

import orjson

CONTEXT_KEYS = ("stage", "article_id", "topic", "partition", "offset")
_URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s:]+:[^/@\s]*@", re.I)


def mask_credentials(text: str) -> str:
    """``kafka://user:secret@host`` becomes ``kafka://***@host``."""
    return _URL_CREDENTIALS.sub(r"\g<scheme>***@", text)


class JsonFormatter(logging.Formatter):
    """One JSON object per record, with the stable keys listed in the module docstring."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": mask_credentials(record.getMessage()),
        }
        for key in CONTEXT_KEYS:
            value = getattr(record, key, None)
            if value is not None:
                line[key] = value
        if record.exc_info:
            line["exception"] = mask_credentials(self.formatException(record.exc_info))
        return orjson.dumps(line, default=str).decode()


def logging_config(log_format: str, level: str) -> dict[str, Any] | None:
    """The ``logging.config.dictConfig`` the worker passes to Faust for this format, or None
    for text, which keeps Faust's own (coloured when on a terminal) format."""
    if log_format == "text":
        return None
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"level": level.upper(), "handlers": ["default"]},
    }
