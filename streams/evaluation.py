"""Measuring the tagger on labelled articles: what ``make eval`` prints and writes.

Each labelled article (JSON Lines, see ``tests/data/tagger/``) carries the expected
mobilization verdict and the set of expected (type, polarity, actors) signals. Scores:

- ``article``: precision, recall and F1 of the article-level ``mobilization`` flag;
- ``types_micro``: micro-averaged over every (article, type, polarity) pair;
- ``by_type`` and ``by_polarity``: the same pairs broken down;
- ``actor_accuracy``: of the expected signals whose (type, polarity) was found, the share for
  which a found signal of that type and polarity names exactly the expected actors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streams.article import RawArticle
from streams.codec import decode_json
from streams.normalize import normalize_article
from streams.tagger import POLARITIES, SIGNAL_TYPES, TagResult, tag_article

Pair = tuple[str, str]


@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, expected: set, found: set) -> None:
        self.true_positive += len(expected & found)
        self.false_positive += len(found - expected)
        self.false_negative += len(expected - found)

    def scores(self) -> dict[str, float | int]:
        tp, fp, fn = self.true_positive, self.false_positive, self.false_negative
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }


@dataclass
class Evaluation:
    article: Tally = field(default_factory=Tally)
    pairs: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_polarity: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    actors_matched: int = 0
    actors_correct: int = 0
    articles: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, labelled: dict[str, Any], result: TagResult) -> None:
        expected = labelled["expected"]
        self.articles += 1
        truth = {"mobilization"} if expected["mobilization"] else set()
        self.article.add(truth, {"mobilization"} if result.mobilization else set())
        gold = {(s["type"], s["polarity"]) for s in expected["signals"]}
        found = {(s.type, s.polarity) for s in result.signals}
        self.pairs.add(gold, found)
        for type_ in SIGNAL_TYPES:
            self.by_type[type_].add(_only(gold, 0, type_), _only(found, 0, type_))
        for polarity in POLARITIES:
            self.by_polarity[polarity].add(_only(gold, 1, polarity), _only(found, 1, polarity))
        found_actors = defaultdict(set)
        for signal in result.signals:
            found_actors[(signal.type, signal.polarity)].add(tuple(sorted(signal.actors)))
        for signal in expected["signals"]:
            pair = (signal["type"], signal["polarity"])
            if pair in found_actors:
                self.actors_matched += 1
                self.actors_correct += tuple(sorted(signal["actors"])) in found_actors[pair]
        if gold != found or bool(truth) != result.mobilization:
            self.errors.append(
                {
                    "id": labelled["id"],
                    "missed": sorted(gold - found),
                    "extra": sorted(found - gold),
                    "mobilization": {"expected": bool(truth), "found": result.mobilization},
                }
            )

    def report(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "article": self.article.scores(),
            "types_micro": self.pairs.scores(),
            "by_type": {name: tally.scores() for name, tally in self.by_type.items()},
            "by_polarity": {name: tally.scores() for name, tally in self.by_polarity.items()},
            "actor_accuracy": round(self.actors_correct / self.actors_matched, 4)
            if self.actors_matched
            else None,
        }


def _only(pairs: set[Pair], index: int, value: str) -> set[Pair]:
    return {pair for pair in pairs if pair[index] == value}


def load_labelled(folder: Path) -> Iterator[dict[str, Any]]:
    """Every labelled article in the folder's ``*.jsonl`` files, in file and line order."""
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            if line.strip():
                yield decode_json(line)


def evaluate(labelled: Iterable[dict[str, Any]]) -> Evaluation:
    evaluation = Evaluation()
    for item in labelled:
        raw = RawArticle(
            url=item.get("url", f"https://eval.example/{item['id']}"),
            title=item["title"],
            body=item["body"],
            id=item["id"],
            published_at=item.get("published_at"),
            language=item.get("language"),
        )
        evaluation.add(item, tag_article(normalize_article(raw)))
    return evaluation


def format_report(report: dict[str, Any]) -> str:
    """The report as a table for people."""
    lines = [f"{report['articles']} labelled articles", ""]
    lines.append(f"{'':28}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")

    def row(name: str, scores: dict[str, float | int]) -> None:
        lines.append(
            f"{name:28}{scores['precision']:>10.3f}{scores['recall']:>10.3f}"
            f"{scores['f1']:>10.3f}{scores['support']:>10}"
        )

    row("article mobilization", report["article"])
    row("signal types (micro)", report["types_micro"])
    lines.append("")
    for name, scores in report["by_type"].items():
        row(f"  {name}", scores)
    lines.append("")
    for name, scores in report["by_polarity"].items():
        row(f"  {name}", scores)
    lines.append("")
    lines.append(f"actor accuracy {report['actor_accuracy']}")
    return "\n".join(lines)
