"""A deterministic generator of synthetic wire-style articles, for load tests and benchmarks.

The mix follows a general news feed: most articles are about other things (economy, sport,
weather, culture; a few with words military news shares, such as "mobilize supporters" or
"earthquake drill"), and one in five reports military activity. Every article is about
``size`` bytes, built from sentences drawn with a seeded random generator, so the same seed
always gives the same corpus; a lead with invented names and a number makes each article
its own event, as most articles in a real feed are.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from streams.codec import encode_json

MILITARY_SHARE = 0.2
_ACTORS = [
    ("Russia", "Russian"),
    ("Belarus", "Belarusian"),
    ("China", "Chinese"),
    ("Taiwan", "Taiwanese"),
    ("Iran", "Iranian"),
    ("Israel", "Israeli"),
    ("Poland", "Polish"),
    ("India", "Indian"),
    ("Pakistan", "Pakistani"),
    ("Serbia", "Serbian"),
    ("Armenia", "Armenian"),
    ("Azerbaijan", "Azerbaijani"),
    ("Venezuela", "Venezuelan"),
    ("Ethiopia", "Ethiopian"),
]
_MILITARY = [
    "The {adj} army has moved several battalions toward the border with {other}, officials said.",
    "{country} began large-scale military drills near {other} on {day}, state media reported.",
    "The {adj} defence ministry said reservists had been called up for snap training.",
    "{country} put its air defence forces on high alert after reports of drone flights.",
    "Officials in {country} denied that troops were being massed near the frontier.",
    "The {adj} military has started removing tanks from long-term storage, according to analysts.",
    "Last year, {country} sent thousands of soldiers to exercises in {other}.",
    "{country} said it had formed a new army corps to defend its western regions.",
    "The ministry in {country} said it had no intention of attacking {other}.",
]
_OTHER = [
    "Shares in the company rose {n} percent after quarterly earnings beat forecasts.",
    "The central bank kept interest rates unchanged on {day}, citing stubborn inflation.",
    "Parliament in {country} passed the budget after a late-night session on {day}.",
    "The league leaders extended their unbeaten run with a {n}-1 win on {day}.",
    "Heavy rain is forecast for the weekend, and flood warnings remain in place.",
    "Tourism numbers climbed to a record as airlines added routes to {country}.",
    "The government said grain exports had recovered after a slow start to the season.",
    "Researchers published a study on the long-term effects of air pollution in cities.",
    "The festival opened with a concert that drew more than {n}0,000 people.",
    "Officials in {country} said the new rail line would open to passengers next spring.",
    "The minister met business leaders to discuss energy prices and investment.",
    "Hospitals reported fewer flu cases than last winter, health officials said.",
    "The film won the top prize at the festival, its director said on {day}.",
    "Unions and employers resumed talks on wages after a week of strikes.",
    "Voters in {country} head to the polls next month as parties mobilize supporters.",
    "Students took part in an earthquake drill at schools across the capital on {day}.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SYLLABLES = ["ka", "ro", "vel", "mir", "tas", "ol", "ben", "dru", "zan", "pe", "gor", "li"]


def _place(rng: random.Random) -> str:
    """An invented town name: each article's dateline, so that articles tell distinct events."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def generate_articles(count: int, *, seed: int = 7, size: int = 3000) -> Iterator[dict[str, str]]:
    """``count`` articles of about ``size`` bytes each, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        military = rng.random() < MILITARY_SHARE
        country, adj = rng.choice(_ACTORS)
        other, _ = rng.choice([actor for actor in _ACTORS if actor[0] != country])
        pool = _MILITARY if military else _OTHER
        sentences: list[str] = []
        while sum(len(s) + 1 for s in sentences) < size:
            template = rng.choice(pool if rng.random() < 0.6 else _OTHER)
            sentences.append(
                template.format(
                    country=country,
                    adj=adj,
                    other=other,
                    day=rng.choice(_DAYS),
                    n=rng.randint(2, 9),
                )
            )
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        place, other, person, group = (_place(rng) for _ in range(4))
        lead = (
            f"{place.upper()}, {rng.choice(_DAYS)} - Officials in {place} and {other} said on "
            f"{rng.choice(_DAYS)} that {person} of the {group} office would report on "
            f"{rng.randint(120, 98_000):,} cases. {person} told the {group} council in {place} "
            f"that {rng.randint(3, 900):,} more were expected in {other}. "
        )
        yield {
            "id": f"gen-{seed}-{number}",
            "url": f"https://news.example/{seed}/{number}",
            "title": f"{place}: {sentences[0]}"[:90],
            "body": lead + "\n\n".join(paragraphs),
            "source": "Generated Wire",
            "published_at": f"2026-0{1 + number % 9}-1{number % 10}T08:00:00Z",
        }


def generate_messages(count: int, *, seed: int = 7, size: int = 3000) -> list[bytes]:
    """The same articles as raw message bytes."""
    return [encode_json(article) for article in generate_articles(count, seed=seed, size=size)]
