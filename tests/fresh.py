"""Code run by a new interpreter: what a process imports or allocates from its start."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping


def run_in_fresh_python(code: str, *args: str, env: Mapping[str, str] | None = None) -> str:
    """The stripped stdout of `code` (with `args` in sys.argv), failing with its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
