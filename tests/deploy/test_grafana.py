"""The provisioned dashboard: well-formed, on the provisioned data source, valid PromQL (its
metric names are checked by test_promql.py, and against a live worker by
tests/integration/test_deploy_metrics.py)."""

import json
from pathlib import Path

import pytest
import yaml

from tests.deploy.promql import (
    DASHBOARDS_DIR,
    DEPLOY,
    dashboard_expressions,
)
from tests.deploy.tools import run_tool

pytestmark = pytest.mark.deploy

PROVISIONING = DEPLOY / "grafana" / "provisioning"
PANEL_KINDS = ("throughput", "latency", "lag", "dead letters", "signals", "actor")


def _dashboards() -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted(DASHBOARDS_DIR.glob("*.json"))]


def test_panels_use_the_provisioned_data_source() -> None:
    sources = yaml.safe_load((PROVISIONING / "datasources/prometheus.yml").read_text())
    uids = {source["uid"] for source in sources["datasources"]}
    for dashboard in _dashboards():
        ids = [panel["id"] for panel in dashboard["panels"]]
        assert len(ids) == len(set(ids))
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                assert target["datasource"]["uid"] in uids, panel["title"]


def test_the_dashboard_covers_what_operators_asked_for() -> None:
    text = " ".join(title.lower() for title, _ in dashboard_expressions())
    text += " ".join(expr for _, expr in dashboard_expressions())
    needed = {
        "throughput": "muster_articles_total",
        "latency": "muster_processing_seconds_bucket",
        "lag": "muster:consumer_lag:sum",
        "dead letters": "muster_dead_letters_total",
        "signals": "muster_signals_total",
        "actor": "muster:mobilization_events:increase1h",
    }
    assert set(needed) == set(PANEL_KINDS)
    assert all(metric in text for metric in needed.values())


def test_queries_are_valid_promql(tmp_path: Path) -> None:
    """promtool checks every query, written as a recording rule."""
    checked = [
        {"record": f"dashboard:query{n}", "expr": expr.replace("$__rate_interval", "1m")}
        for n, (_, expr) in enumerate(dashboard_expressions())
    ]
    path = tmp_path / "queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": checked}]}))
    run_tool("promtool", "check", "rules", path)


def test_dashboards_provider_path_is_where_compose_mounts_them() -> None:
    provider = yaml.safe_load((PROVISIONING / "dashboards/muster.yml").read_text())
    compose = (DEPLOY / "docker-compose.yml").read_text()
    assert f"./grafana/dashboards:{provider['providers'][0]['options']['path']}" in compose
