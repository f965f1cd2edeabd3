"""The PromQL reader the deploy tests rely on, and what it finds in the deploy files."""

import pytest

from tests.deploy.promql import deployed_metric_names, metric_names


@pytest.mark.parametrize(
    ("expression", "names"),
    [
        ('up{job="muster"} == 0', {"up"}),
        (
            "sum by (topic) (faust_topic_partition_end_offset - on(topic, partition) "
            "faust_topic_partition_offset_commited)",
            {"faust_topic_partition_end_offset", "faust_topic_partition_offset_commited"},
        ),
        (
            "histogram_quantile(0.99, sum by (le, stage) "
            '(rate(muster_processing_seconds_bucket{stage=~"tag|normalize"}[$__rate_interval])))',
            {"muster_processing_seconds_bucket"},
        ),
        (
            'increase(muster_mobilization_events_total{actor!="none"}[1d] offset 1h) / 24 '
            "or muster:mobilization_events:increase1h * 0",
            {"muster_mobilization_events_total", "muster:mobilization_events:increase1h"},
        ),
        ('label_replace(vector(1), "dst", "fake_metric", "", "")', set()),
        (
            "(sum(increase(muster_articles_total[10m])) or vector(0)) == bool 0",
            {"muster_articles_total"},
        ),
    ],
)
def test_metric_names(expression: str, names: set[str]) -> None:
    assert metric_names(expression) == names


def test_rules_and_dashboards_need_only_muster_and_faust_metrics() -> None:
    """Recording rules resolve to what they read, so none is left undefined."""
    names = deployed_metric_names()
    assert "muster_articles_total" in names
    assert all(name.startswith(("muster_", "faust_")) for name in names), sorted(names)
