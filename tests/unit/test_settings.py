import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from streams.catalog import SCHEMAS_DIR, TopicCatalog
from streams.settings import Settings


def test_defaults_and_environment() -> None:
    settings = Settings.from_env(
        {"MUSTER_BROKER": "kafka://a:1;kafka://b:2", "MUSTER_PARTITIONS": "8", "OTHER": "x"}
    )
    assert settings.bootstrap_servers == "a:1,b:2"
    assert settings.partitions == 8
    assert settings.raw_topic == "news.articles.raw"
    assert settings.data_dir == Path(".muster/worker")


def test_round_trip_through_environment() -> None:
    settings = Settings(
        partitions=3,
        processing_guarantee="exactly_once",
        data_dir=Path("/tmp/x"),
        table_store="rocksdb",
    )
    assert Settings.from_env(settings.to_env()) == settings
    assert settings.store_url == "rocksdb://"


@pytest.mark.parametrize(
    "env",
    [
        {"MUSTER_PARTITIONS": "many"},
        {"MUSTER_PARTITIONS": "0"},
        {"MUSTER_PROCESSING_GUARANTEE": "best_effort"},
        {"MUSTER_TABLE_STORE": "redis"},
    ],
)
def test_bad_settings_fail_at_start_with_the_variable_named(env: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"MUSTER_|partitions"):
        Settings.from_env(env)


def test_every_topic_has_a_valid_versioned_schema_named_after_it() -> None:
    catalog = TopicCatalog.from_settings(Settings())
    for spec in catalog.all():
        assert spec.schema == f"{spec.name}.v1.json"
        Draft202012Validator.check_schema(json.loads(spec.schema_path.read_text()))
    assert {p.name for p in SCHEMAS_DIR.glob("news.*.json")} == {s.schema for s in catalog.all()}


def test_alert_forwarding_settings_and_their_isolation() -> None:
    settings = Settings.from_env({"MUSTER_ALERTMANAGER_URL": "http://am:9093"})
    assert settings.alerts_topic == "news.alerts"
    assert settings.alerts_group == "muster-alerts-forwarder"
    assert settings.alertmanager_url == "http://am:9093"
    isolated = settings.isolated("t1")
    assert isolated.alerts_topic == "t1.alerts"
    assert isolated.alerts_group == "muster-t1-alerts-forwarder"
