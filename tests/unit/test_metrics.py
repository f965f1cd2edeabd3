"""Metric labels stay a bounded set: actor keys pass, anything else folds into one value."""

import pytest

from streams.metrics import NO_ACTOR, OTHER_ACTOR, actor_label, actor_labels


@pytest.mark.parametrize(
    ("actor", "label"),
    [
        ("RUS", "RUS"),
        ("XKX", "XKX"),
        ("AL_SHABAAB", "AL_SHABAAB"),
        ("M23", "M23"),
        ("https://example.org/a", OTHER_ACTOR),
        ("rus", OTHER_ACTOR),
        ("A" * 40, OTHER_ACTOR),
        ("", OTHER_ACTOR),
    ],
)
def test_actor_label(actor: str, label: str) -> None:
    assert actor_label(actor) == label


def test_actor_labels_are_distinct_and_never_empty() -> None:
    assert list(actor_labels(["UKR", "RUS", "RUS"])) == ["RUS", "UKR"]
    assert list(actor_labels([])) == [NO_ACTOR]
