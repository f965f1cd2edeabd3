"""The story and alert thresholds, in one frozen object built from ``Settings``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryPolicy:
    """When articles share a story, and when stories raise alerts.

    An article joins the most similar story whose articles lie within ``window_hours`` of it
    when the similarity reaches ``join_threshold``. Time within the window lowers the similarity
    (``engine.similarity``), for two days at most, so a follow-up near the window's end that
    shares the event's names still joins. The window is 72 hours, as the issue asks; 96 hours
    also holds follow-ups four days on (dev pairwise F1 0.933 against 0.927).
    ``corroboration_sources`` distinct sources make a mobilization story corroborated. An actor
    escalates when its distinct mobilization stories in the last ``escalation_window_hours``
    reach both ``escalation_min_stories`` and ``escalation_factor`` times its own average per
    window over the ``baseline_days`` before.
    """

    window_hours: float = 72.0
    join_threshold: float = 0.10
    corroboration_sources: int = 3
    escalation_window_hours: float = 24.0
    baseline_days: float = 7.0
    escalation_factor: float = 3.0
    escalation_min_stories: int = 5

    @property
    def retention_hours(self) -> float:
        """How long a story is kept: for joining, and as history for the baseline."""
        return max(self.window_hours, self.escalation_window_hours + 24.0 * self.baseline_days)
