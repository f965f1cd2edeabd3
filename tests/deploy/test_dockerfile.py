"""The worker's Dockerfile, read as text (no Docker engine runs here): a slim Python 3.11
base, a non-root user, a health check on /healthz, the web port the settings default to, and
`muster worker` as what it runs."""

import re
import shlex
from pathlib import Path

from streams.healthcheck import HEALTH_PATH
from streams.settings import Settings
from tests.deploy.settings_names import assert_muster_settings

ROOT = Path(__file__).resolve().parents[2]


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(maxsplit=1)[0].upper(), line.split(maxsplit=1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def _final_stage() -> list[tuple[str, str]]:
    instructions = _instructions()
    start = max(i for i, (name, _) in enumerate(instructions) if name == "FROM")
    return instructions[start:]


def _env() -> dict[str, str]:
    pairs = [shlex.split(args) for name, args in _final_stage() if name == "ENV"]
    return dict(pair.split("=", 1) for words in pairs for pair in words)


def test_every_stage_is_slim_python_311() -> None:
    bases = [args.split()[0] for name, args in _instructions() if name == "FROM"]
    assert bases and all(re.fullmatch(r"python:3\.11-slim(-\w+)?", base) for base in bases)


def test_runs_as_a_non_root_user() -> None:
    users = [args for name, args in _final_stage() if name == "USER"]
    assert users, "no USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")


def test_health_check_probes_healthz_with_the_projects_probe() -> None:
    (check,) = [args for name, args in _final_stage() if name == "HEALTHCHECK"]
    assert '["python", "-m", "streams.healthcheck"]' in check
    assert HEALTH_PATH == "/healthz"


def test_exposes_the_web_port_the_settings_use() -> None:
    exposed = [int(args) for name, args in _final_stage() if name == "EXPOSE"]
    settings = assert_muster_settings(_env())
    assert exposed == [Settings().web_port] == [settings.web_port]
    assert settings.web_host == "0.0.0.0"
    assert settings.log_format == "json"


def test_runs_muster_worker() -> None:
    stage = dict(_final_stage())
    assert (stage["ENTRYPOINT"], stage["CMD"]) == ('["muster"]', '["worker"]')


def test_dockerignore_lets_in_what_the_build_copies() -> None:
    sources = {
        source
        for name, args in _instructions()
        if name == "COPY" and not args.startswith("--from")
        for source in args.split()[:-1]
    }
    allowed = {
        line.removeprefix("!").rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    }
    assert sources == allowed
