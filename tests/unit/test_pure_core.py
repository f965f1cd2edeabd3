"""The pure core never loads Faust or aiokafka: it runs with no broker and no event loop."""

import subprocess
import sys

CORE = "streams.stages, streams.tagger, streams.normalize, streams.events, streams.offline"


def test_core_imports_without_faust_or_aiokafka() -> None:
    code = (
        f"import sys; import {CORE}; "
        "print(sorted(m for m in ('faust', 'aiokafka', 'mode') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
