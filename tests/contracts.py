"""Validation of events against the JSON Schemas in ``schemas/``, as consumers would do it."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from streams.catalog import SCHEMAS_DIR


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS_DIR.glob("*.json")):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(schema_file: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS_DIR / schema_file).read_text())
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def assert_valid(schema_file: str, instance: Any) -> None:
    """Raise with every violation listed when ``instance`` breaks ``schema_file``."""
    errors = sorted(validator(schema_file).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
