"""JSON log lines: stable keys, context where the call gives it, and no secrets."""

import logging
import logging.config
import sys

import orjson
import pytest

from streams.logs import JsonFormatter, logging_config, mask_credentials
from streams.settings import Settings


def _record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord(
        "agents.deadletters", logging.WARNING, __file__, 1, message, args, None
    )
    record.__dict__.update(extra)
    return record


def test_json_line_has_the_stable_keys() -> None:
    line = orjson.loads(JsonFormatter().format(_record("dead letter %s", "invalid_json")))
    assert list(line) == ["time", "level", "logger", "message"]
    assert line["level"] == "warning"
    assert line["logger"] == "agents.deadletters"
    assert line["message"] == "dead letter invalid_json"
    assert line["time"].endswith("+00:00")


def test_context_keys_are_added_and_other_attributes_are_not() -> None:
    record = _record(
        "x",
        stage="normalize",
        topic="news.articles.raw",
        partition=2,
        offset=41,
        article_id="a1",
        password="hunter2",
        sasl_plain_password="hunter2",
    )
    line = orjson.loads(JsonFormatter().format(record))
    assert line["stage"] == "normalize"
    assert (line["topic"], line["partition"], line["offset"]) == ("news.articles.raw", 2, 41)
    assert line["article_id"] == "a1"
    assert "hunter2" not in orjson.dumps(line).decode()


def test_credentials_in_urls_are_masked_in_messages_and_tracebacks() -> None:
    try:
        raise ConnectionError("cannot reach kafka://muster:s3cret@broker-1:9092")
    except ConnectionError:
        record = _record("broker kafka://muster:s3cret@broker-1:9092 is down")
        record.exc_info = sys.exc_info()
    text = JsonFormatter().format(record)
    assert "s3cret" not in text
    assert "kafka://***@broker-1:9092" in orjson.loads(text)["message"]
    assert "ConnectionError" in orjson.loads(text)["exception"]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("sasl_ssl://u:p@h:9093", "sasl_ssl://***@h:9093"),
        ("http://h:9090/metrics", "http://h:9090/metrics"),
        ("kafka://h1:9092;kafka://h2:9092", "kafka://h1:9092;kafka://h2:9092"),
    ],
)
def test_mask_credentials(text: str, masked: str) -> None:
    assert mask_credentials(text) == masked


def test_text_keeps_fausts_format_and_json_writes_lines_to_stdout() -> None:
    assert logging_config("text", "info") is None
    config = logging_config("json", "info")
    assert config is not None
    assert config["handlers"]["default"]["stream"] == "ext://sys.stdout"
    assert config["root"]["level"] == "INFO"
    saved = logging.root.handlers[:]
    logging.config.dictConfig(config)
    try:
        assert isinstance(logging.root.handlers[0].formatter, JsonFormatter)
    finally:
        logging.root.handlers[:] = saved


def test_log_format_setting() -> None:
    assert Settings().log_format == "text"
    assert Settings.from_env({"MUSTER_LOG_FORMAT": "json"}).log_format == "json"
    with pytest.raises(ValueError, match="MUSTER_LOG_FORMAT"):
        Settings(log_format="xml")
