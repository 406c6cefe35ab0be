"""Files derived from installed packages and kept in the environment (`sys.prefix`, the
project's .venv), so later starts read them instead of rebuilding them: see
triage.pattern_cache, triage.lemma_table and triage.text.special_case_joins. `python -m
triage.env_cache` builds them all (the Makefile's install step does, so no start pays for
them); otherwise the first start does. Where the environment is not writable, nothing is kept
and every start rebuilds."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

DIRECTORY = Path(sys.prefix) / "triage-cache"


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> bool:
    """`write` into a scratch file next to `path`, then move it into place (readers never see
    half a file); False, logged, when the directory cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            try:
                write(handle)
                os.chmod(handle.name, 0o644)  # the server may run as another user than make
            except BaseException:
                os.unlink(handle.name)
                raise
        os.replace(handle.name, path)
    except OSError as exc:
        log.info("not cached (%s): %s", path, exc)
        return False
    return True


def main() -> None:
    """Build every cache now: loading the text pipeline of all languages builds them."""
    from triage.text import TextPipeline

    TextPipeline()
    print(
        f"start-up caches in {DIRECTORY}: {', '.join(sorted(p.name for p in DIRECTORY.iterdir()))}"
    )


if __name__ == "__main__":
    main()
