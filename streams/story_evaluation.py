"""Measuring story grouping on a labelled clustering set: the ``stories`` part of ``make eval``.

Each labelled article (``tests/data/stories/``) names its true story. The articles go through
the same stages as in the pipeline (normalize, tag, stories) in file order, which mixes their
times as a real feed of late and re-sent reports does. Pairwise scores count article pairs: a
pair is predicted when both got one story id, true when both have one label.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from streams.codec import decode_json, encode_json
from streams.stages import normalize_stage, tag_stage
from streams.stories.engine import StoryEngine
from streams.stories.policy import StoryPolicy

RAW_FIELDS = ("id", "url", "title", "body", "source", "published_at", "language")


def enrich(item: dict[str, Any]) -> dict[str, Any]:
    """A labelled article through the normalize and tag stages, as its enriched event."""
    raw = encode_json({key: item[key] for key in RAW_FIELDS if item.get(key) is not None})
    article = normalize_stage(raw, timestamp_s=None, max_bytes=1 << 20)
    return decode_json(tag_stage(article).enriched)


def assign_stories(items: Iterable[dict[str, Any]], policy: StoryPolicy) -> dict[str, str]:
    """Article id to story id, deciding one article at a time in the order given."""
    engine = StoryEngine(policy)
    return {item["id"]: engine.process(enrich(item)).story["id"] for item in items}


def pairwise_scores(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of a clustering against the true labels."""
    true_pairs = predicted_pairs = both = 0
    for left, right in combinations(sorted(truth), 2):
        same_truth = truth[left] == truth[right]
        same_predicted = predicted[left] == predicted[right]
        true_pairs += same_truth
        predicted_pairs += same_predicted
        both += same_truth and same_predicted
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(f1, 4),
        "articles": len(truth),
        "stories": len(set(truth.values())),
        "predicted_stories": len(set(predicted.values())),
    }


def evaluate_stories(folder: Path, policy: StoryPolicy | None = None) -> dict[str, Any]:
    """Pairwise scores over every ``*.jsonl`` file of ``folder``, read as one feed."""
    items = [
        decode_json(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_bytes().splitlines()
        if line.strip()
    ]
    predicted = assign_stories(items, policy or StoryPolicy())
    return pairwise_scores({item["id"]: item["story"] for item in items}, predicted)
