"""Muster alerts as Alertmanager alerts, and delivery to its v2 API with retries.

The mapping (``read_alert``, ``postable_alert``) and the retry policy (``verdict``,
``Backoff``) are pure so they can be tested without a network; ``deliver`` is the retry loop
around any ``post`` callable, and ``AlertmanagerClient`` is the one place that does HTTP.

Alertmanager identifies an alert by its label set, so every alert carries its ``alert_id`` as
a label: a redelivered alert merges with the one already there instead of notifying twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import aiohttp

from streams.codec import decode_object, encode_json
from streams.errors import DecodeError, InputError, ValidationError

log = logging.getLogger(__name__)

ALERTS_SCHEMA = "news.alerts/v1"
API_PATH = "/api/v2/alerts"
MAX_BODY_CHARS = 500
MAX_EXPONENT = 64
# Alertmanager rejects a generatorURL that Go's URL parser refuses (bad %-escapes, spaces or
# odd characters in the host); only URLs this conservative pattern accepts are sent there.
_GENERATOR_URL = re.compile(
    r"https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?(?:[/?#](?:[^\x00-\x20\x7f%]|%[0-9A-Fa-f]{2})*)?"
)
# The statuses that blame the alerts themselves; anything else is the way to Alertmanager.
REJECTED_STATUSES = frozenset({400, 413, 422})


class AlertRejectedError(InputError):
    """Alertmanager refused the alert (4xx): it goes to the dead-letter topic."""

    reason = "alertmanager_rejected"


def read_alert(value: bytes | None) -> dict[str, Any]:
    """A ``news.alerts/v1`` record's value as a dict, or an ``InputError`` saying why not."""
    if not value:
        raise DecodeError("the message has no value", reason="empty_message")
    alert = decode_object(value)
    if alert.get("schema") != ALERTS_SCHEMA:
        raise ValidationError(f"not a {ALERTS_SCHEMA} alert", reason="wrong_schema")
    return alert


def alertname(kind: str) -> str:
    """``new_story`` -> ``MusterNewStory``: a kind added later still gets a readable name."""
    return "Muster" + "".join(part.capitalize() for part in kind.split("_"))


def postable_alert(alert: dict[str, Any]) -> dict[str, Any]:
    """One Muster alert as an Alertmanager ``PostableAlert`` (no ``endsAt``: see README).

    ``signal_type`` is every type of the alert, sorted and comma-joined, so routes can match
    any of them (``signal_type=~".*troop_movement.*"``) and the label is deterministic.
    Empty values are left out, as Alertmanager drops empty labels anyway.
    """
    actors = _texts(alert, "actors")
    first = _object(alert, "first_article")
    labels = {
        "alertname": alertname(_text(alert, "kind")),
        "actor": _text(alert, "actor", required=False) or (actors[0] if actors else None),
        "signal_type": ",".join(sorted(_texts(alert, "types"))),
        "severity": _text(alert, "severity"),
        "story_id": _text(alert, "story_id", required=False),
        "alert_id": _text(alert, "alert_id"),
    }
    annotations = {
        "summary": _text(alert, "summary"),
        "urls": "\n".join(_texts(alert, "urls")),
        "first_article_title": _text(first, "title"),
        "latest_article_title": _text(_object(alert, "latest_article"), "title"),
    }
    postable: dict[str, Any] = {
        "labels": {name: value for name, value in labels.items() if value},
        "annotations": {name: value for name, value in annotations.items() if value},
        "startsAt": _text(alert, "raised_at"),
    }
    url = _text(first, "url", required=False)
    if url and _GENERATOR_URL.fullmatch(url):
        postable["generatorURL"] = url
    return postable


def _missing(name: str) -> ValidationError:
    return ValidationError(f"missing required field {name!r}", reason="missing_field")


def _wrong_type(name: str, wanted: str, value: object) -> ValidationError:
    return ValidationError(
        f"field {name!r} must be {wanted}, got {type(value).__name__}", reason="wrong_type"
    )


def _text(payload: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = payload.get(name)
    if value is None:
        if required:
            raise _missing(name)
        return None
    if not isinstance(value, str):
        raise _wrong_type(name, "a string", value)
    return value


def _texts(payload: dict[str, Any], name: str) -> list[str]:
    value = payload.get(name)
    if value is None:
        raise _missing(name)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _wrong_type(name, "a list of strings", value)
    return value


def _object(payload: dict[str, Any], name: str) -> dict[str, Any]:
    value = payload.get(name)
    if value is None:
        raise _missing(name)
    if not isinstance(value, dict):
        raise _wrong_type(name, "an object", value)
    return value


class Verdict(Enum):
    DELIVERED = "delivered"
    REJECTED = "rejected"
    RETRY = "retry"


def verdict(status: int | None) -> Verdict:
    """What an answer means; ``None`` is no answer (connection refused, reset, timed out).

    Only 400, 413 and 422 blame the alerts. 429 and 5xx are transient, and so are the other
    4xx (401, 403, 404...): they say the URL or the credentials are wrong, which dropping
    every alert into the dead-letter topic would not fix, so those are retried and logged.
    """
    if status is not None and 200 <= status < 300:
        return Verdict.DELIVERED
    if status in REJECTED_STATUSES:
        return Verdict.REJECTED
    return Verdict.RETRY


@dataclass(frozen=True)
class Backoff:
    """Capped exponential backoff with jitter, so forwarders do not retry in lockstep."""

    first_s: float = 0.5
    cap_s: float = 30.0
    factor: float = 2.0

    def delay(self, attempt: int, draw: float) -> float:
        """Seconds before retry ``attempt`` (0 for the first), ``draw`` uniform in [0, 1).

        Equal jitter: between half and all of the capped exponential, so the wait still
        grows while two forwarders that failed together drift apart.
        """
        exponent = min(attempt, MAX_EXPONENT)  # a retry-forever count would overflow a float
        ceiling = min(self.cap_s, self.first_s * self.factor**exponent)
        return ceiling * (0.5 + draw / 2)


@dataclass(frozen=True)
class Answer:
    """Alertmanager's answer to one post: ``status`` is None when there was none."""

    status: int | None
    body: str

    @property
    def verdict(self) -> Verdict:
        return verdict(self.status)


Post = Callable[[list[dict[str, Any]]], Awaitable[Answer]]


async def deliver(
    post: Post,
    alerts: list[dict[str, Any]],
    backoff: Backoff,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    draw: Callable[[], float] = random.random,
) -> Answer:
    """Post until Alertmanager accepts or rejects the alerts: never gives up on a retry."""
    attempt = 0
    while True:
        answer = await post(alerts)
        if answer.verdict is not Verdict.RETRY:
            return answer
        delay = backoff.delay(attempt, draw())
        level = logging.ERROR if answer.status and answer.status < 500 else logging.WARNING
        log.log(
            level,
            "Alertmanager answered %s (%s); %d alert(s) retried in %.1f s",
            answer.status or "nothing",
            answer.body[:200],
            len(alerts),
            delay,
        )
        await sleep(delay)
        attempt += 1


class AlertmanagerClient:
    """Posts alert lists to ``<url>/api/v2/alerts``; every failure becomes an ``Answer``."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self._session = session
        self._endpoint = url.rstrip("/") + API_PATH

    async def post(self, alerts: list[dict[str, Any]]) -> Answer:
        try:
            async with self._session.post(
                self._endpoint,
                data=encode_json(alerts),
                headers={"Content-Type": "application/json"},
            ) as response:
                return Answer(response.status, (await response.text())[:MAX_BODY_CHARS])
        except (aiohttp.ClientError, TimeoutError) as exc:
            return Answer(None, f"{type(exc).__name__}: {exc}"[:MAX_BODY_CHARS])
