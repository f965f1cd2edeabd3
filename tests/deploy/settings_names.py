"""What the deploy files may set: the ``MUSTER_*`` names that ``Settings`` reads."""

from collections.abc import Mapping
from dataclasses import fields

from streams.settings import Settings

SETTING_NAMES = frozenset(spec.metadata["env"] for spec in fields(Settings))


def assert_muster_settings(env: Mapping[str, object]) -> Settings:
    """Every ``MUSTER_*`` key is a real setting and the values parse; return the settings."""
    muster = {key: str(value) for key, value in env.items() if key.startswith("MUSTER_")}
    unknown = sorted(muster.keys() - SETTING_NAMES)
    assert not unknown, f"not settings of streams/settings.py: {unknown}"
    return Settings.from_env(muster)
