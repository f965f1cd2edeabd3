"""The Prometheus and Alertmanager files pass their own tools, and the rules' unit tests."""

import pytest

from tests.deploy.promql import DEPLOY, rule_groups
from tests.deploy.tools import run_tool

pytestmark = pytest.mark.deploy

PROMETHEUS = DEPLOY / "prometheus"
ALERTS = {
    "MusterWorkerDown",
    "MusterConsumerLagGrowing",
    "MusterDeadLetterRateHigh",
    "MusterNoArticles",
    "MusterMobilizationSpike",
}


def test_rules_pass_promtool_check() -> None:
    run_tool("promtool", "check", "rules", *sorted((PROMETHEUS / "rules").glob("*.yml")))


def test_rules_unit_tests_pass() -> None:
    assert "SUCCESS" in run_tool("promtool", "test", "rules", PROMETHEUS / "tests/muster.test.yml")


def test_every_alert_has_a_unit_test() -> None:
    tests = (PROMETHEUS / "tests/muster.test.yml").read_text()
    alerts = {
        rule["alert"] for group in rule_groups() for rule in group["rules"] if "alert" in rule
    }
    assert alerts == ALERTS
    assert all(f"alertname: {alert}" in tests for alert in alerts)


def test_scrape_config_passes_promtool_check() -> None:
    run_tool("promtool", "check", "config", PROMETHEUS / "prometheus.yml")


def test_alertmanager_route_passes_amtool_check() -> None:
    run_tool("amtool", "check-config", PROMETHEUS / "alertmanager.yml")
