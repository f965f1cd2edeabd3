"""The metric names that the Prometheus rules and the Grafana dashboard query.

A small PromQL reader, enough for our own expressions: it drops strings, label matchers,
range and offset durations and the label lists of ``by``/``on``-style clauses, then keeps the
identifiers that are neither keywords nor function calls. Recording rules (``muster:...``)
are resolved to the names their own expressions use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
RULES_DIR = DEPLOY / "prometheus" / "rules"
DASHBOARDS_DIR = DEPLOY / "grafana" / "dashboards"
BUILTIN_METRICS = {"up"}
KEYWORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
    "offset", "bool", "inf", "nan", "atan2",
}  # fmt: skip
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_MATCHERS = re.compile(r"\{[^}]*\}")
_DURATIONS = re.compile(r"\[[^\]]*\]|\boffset\s+\w+")
_CLAUSES = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_IDENTIFIER = re.compile(r"(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?")
_GRAFANA_VARIABLE = re.compile(r"\$\{?\w+\}?")


def metric_names(expression: str) -> set[str]:
    """The metric (and recording rule) names one PromQL expression reads."""
    text = _GRAFANA_VARIABLE.sub("1", expression)
    for pattern in (_STRINGS, _MATCHERS, _DURATIONS, _CLAUSES):
        text = pattern.sub(" ", text)
    return {
        name
        for name, call in _IDENTIFIER.findall(text)
        if not call and name.lower() not in KEYWORDS
    }


def rule_groups() -> list[dict[str, Any]]:
    """Every rule group of every file in ``deploy/prometheus/rules/``."""
    return [
        group
        for path in sorted(RULES_DIR.glob("*.yml"))
        for group in yaml.safe_load(path.read_text())["groups"]
    ]


def rules() -> list[dict[str, Any]]:
    return [rule for group in rule_groups() for rule in group["rules"]]


def dashboard_expressions() -> Iterator[tuple[str, str]]:
    """(panel title, PromQL) for every target of every provisioned dashboard."""
    for path in sorted(DASHBOARDS_DIR.glob("*.json")):
        for panel in json.loads(path.read_text())["panels"]:
            for target in panel.get("targets", []):
                yield panel["title"], target["expr"]


def deployed_metric_names() -> set[str]:
    """Exported metric names the rules and dashboards need, recording rules resolved."""
    recorded = {rule["record"]: metric_names(rule["expr"]) for rule in rules() if "record" in rule}
    wanted = {name for rule in rules() for name in metric_names(rule["expr"])}
    wanted |= {name for _, expr in dashboard_expressions() for name in metric_names(expr)}
    while recorded.keys() & wanted:
        for name in recorded.keys() & wanted:
            wanted = (wanted - {name}) | recorded[name]
    return wanted - BUILTIN_METRICS
