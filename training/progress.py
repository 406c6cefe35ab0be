"""Progress of a training run on stderr: one line when a stage starts and one when it ends, with
its elapsed seconds, so a first `make serve` (which trains the default model) is never silent,
in a terminal or in a log. Bars (tqdm) only where stderr is a terminal: in a log file their
carriage returns are noise."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Stage lines to `stream` (stderr by default); silent when not `enabled` (--no-progress).
    Safe to use from several threads: heads are fitted concurrently."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self._started = time.perf_counter()
        self._lock = threading.Lock()

    @property
    def bars(self) -> bool:
        """Whether tqdm bars are wanted: enabled and writing to a terminal."""
        isatty = getattr(self.stream, "isatty", None)
        return self.enabled and bool(isatty and isatty())

    def line(self, message: str) -> None:
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self._started
        with self._lock:
            print(f"[train {elapsed:6.1f} s] {message}", file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """`name ...` now, `name: done in N s` after (or `failed after N s`)."""
        self.line(f"{name} ...")
        started = time.perf_counter()
        try:
            yield
        except BaseException:
            self.line(f"{name}: failed after {time.perf_counter() - started:.1f} s")
            raise
        self.line(f"{name}: done in {time.perf_counter() - started:.1f} s")
