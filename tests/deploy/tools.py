"""Running the deploy tools that `make tools` installs; a missing tool fails the test."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

TOOLS_BIN = Path(os.environ.get("MUSTER_TOOLS_BIN", Path.home() / ".cache/muster/tools/bin"))


def tool_path(name: str) -> str:
    """A tool from ``$MUSTER_TOOLS_BIN`` or the PATH; a missing one fails the test."""
    path = shutil.which(name, path=f"{TOOLS_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert path, f"{name} is not installed: run `make tools`"
    return path


def run_tool(name: str, *args: str | Path, cwd: Path | None = None) -> str:
    """Run a tool from ``$MUSTER_TOOLS_BIN`` or the PATH; assert it succeeds; return stdout."""
    path = tool_path(name)
    done = subprocess.run(
        [path, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{name} {' '.join(map(str, args))}:\n{done.stdout}{done.stderr}"
    return done.stdout
