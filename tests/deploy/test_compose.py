"""deploy/docker-compose.yml passes `docker-compose config` and agrees with the code: topics
made by `muster topics` from the catalog with the workers' settings, real MUSTER_* settings,
the web port Prometheus scrapes."""

from functools import cache
from typing import Any

import pytest
import yaml

from streams.broker import KAFKA_VERSION
from streams.settings import Settings
from tests.deploy.promql import DEPLOY
from tests.deploy.settings_names import assert_muster_settings
from tests.deploy.tools import run_tool

pytestmark = pytest.mark.deploy

COMPOSE = DEPLOY / "docker-compose.yml"


@cache
def _services() -> dict[str, Any]:
    """The services as docker-compose resolves them (anchors merged, paths absolute)."""
    return yaml.safe_load(run_tool("docker-compose", "-f", COMPOSE, "config"))["services"]


def _brokers() -> dict[str, Any]:
    return {name: s for name, s in _services().items() if name.startswith("kafka-")}


def _workers() -> dict[str, Any]:
    return {name: s for name, s in _services().items() if name.startswith("worker-")}


def _worker_settings() -> Settings:
    (settings,) = {assert_muster_settings(w["environment"]) for w in _workers().values()}
    return settings


def test_three_kraft_brokers_on_the_projects_kafka_version() -> None:
    brokers = _brokers()
    assert len(brokers) == 3
    node_ids = {str(b["environment"]["KAFKA_NODE_ID"]) for b in brokers.values()}
    for broker in brokers.values():
        env = broker["environment"]
        assert broker["image"] == f"apache/kafka:{KAFKA_VERSION}"
        assert "controller" in env["KAFKA_PROCESS_ROLES"]
        voters = {voter.split("@")[0] for voter in env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")}
        assert voters == node_ids
        assert int(env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]) == len(brokers)


def test_topic_job_runs_muster_topics_with_the_workers_settings() -> None:
    job = _services()["topics"]
    assert (job["image"], job["command"]) == ("muster:latest", ["topics"])
    assert assert_muster_settings(job["environment"]) == _worker_settings()
    assert all(job["depends_on"][broker]["condition"] == "service_healthy" for broker in _brokers())
    env = next(iter(_brokers().values()))["environment"]
    assert int(env["KAFKA_MIN_INSYNC_REPLICAS"]) < _worker_settings().replication_factor
    assert _worker_settings().replication_factor <= len(_brokers())


def test_workers_use_real_settings_and_reach_every_broker() -> None:
    workers = _workers()
    settings = _worker_settings()
    assert 2 <= len(workers) <= settings.partitions
    hosts = {host.split(":")[0] for host in settings.bootstrap_servers.split(",")}
    assert hosts == set(_brokers())
    assert settings.web_host == "0.0.0.0"
    for worker in workers.values():
        assert worker["image"] == "muster:latest"
        assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert [int(port["target"]) for port in worker["ports"]] == [settings.web_port]


def test_prometheus_scrapes_every_worker_and_loads_the_rules() -> None:
    settings = _worker_settings()
    config = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    (job,) = config["scrape_configs"]
    targets = {t for static in job["static_configs"] for t in static["targets"]}
    assert targets == {f"{name}:{settings.web_port}" for name in _workers()}
    mounts = {v.split(":")[1] for v in _services()["prometheus"]["volumes"]}
    assert {"/etc/prometheus/prometheus.yml", "/etc/prometheus/rules"} <= mounts
    assert config["rule_files"] == ["/etc/prometheus/rules/*.yml"]
