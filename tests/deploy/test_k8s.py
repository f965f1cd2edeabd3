"""deploy/k8s builds with kustomize into manifests on current APIs that agree with the code:
real MUSTER_* settings, the web port, /healthz and /readyz probes, replicas within
partitions, and selectors that find the workers."""

from functools import cache
from typing import Any

import pytest
import yaml

from agents.web import READY_PATH
from streams.healthcheck import HEALTH_PATH
from streams.settings import Settings
from tests.deploy.promql import DEPLOY
from tests.deploy.settings_names import assert_muster_settings
from tests.deploy.tools import run_tool

pytestmark = pytest.mark.deploy

API_VERSIONS = {
    "Namespace": "v1",
    "ConfigMap": "v1",
    "Service": "v1",
    "Deployment": "apps/v1",
    "PodDisruptionBudget": "policy/v1",
}


@cache
def _built() -> dict[str, dict[str, Any]]:
    """The built manifests by kind (one of each)."""
    docs = list(yaml.safe_load_all(run_tool("kustomize", "build", DEPLOY / "k8s")))
    by_kind = {doc["kind"]: doc for doc in docs}
    assert len(by_kind) == len(docs), "one object of each kind expected"
    return by_kind


def _settings() -> Settings:
    return assert_muster_settings(_built()["ConfigMap"]["data"])


def _container() -> dict[str, Any]:
    (container,) = _built()["Deployment"]["spec"]["template"]["spec"]["containers"]
    return container


def test_objects_use_current_api_versions() -> None:
    assert {kind: doc["apiVersion"] for kind, doc in _built().items()} == API_VERSIONS


def test_worker_reads_the_generated_settings() -> None:
    (source,) = _container()["envFrom"]
    assert source["configMapRef"]["name"] == _built()["ConfigMap"]["metadata"]["name"]
    assert _settings().web_host == "0.0.0.0"


def test_probes_and_ports_match_the_worker() -> None:
    container = _container()
    (port,) = container["ports"]
    assert port["containerPort"] == _settings().web_port
    for probe, path in (
        ("livenessProbe", HEALTH_PATH),
        ("readinessProbe", READY_PATH),
        ("startupProbe", HEALTH_PATH),
    ):
        assert container[probe]["httpGet"] == {"path": path, "port": port["name"]}
    service_port = _built()["Service"]["spec"]["ports"][0]
    assert service_port["targetPort"] == port["name"]
    annotations = _built()["Deployment"]["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port["containerPort"])


def test_workers_never_outnumber_partitions() -> None:
    spec = _built()["Deployment"]["spec"]
    assert (
        spec["replicas"] + spec["strategy"]["rollingUpdate"]["maxSurge"] <= _settings().partitions
    )


def test_selectors_find_the_workers() -> None:
    labels = _built()["Deployment"]["spec"]["template"]["metadata"]["labels"]
    selectors = (
        _built()["Deployment"]["spec"]["selector"]["matchLabels"],
        _built()["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"],
        _built()["Service"]["spec"]["selector"],
    )
    assert all(selector.items() <= labels.items() for selector in selectors)


def test_runs_as_non_root_with_state_on_a_volume() -> None:
    pod = _built()["Deployment"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    mounts = {mount["mountPath"] for mount in _container()["volumeMounts"]}
    assert str(_settings().data_dir) in mounts
