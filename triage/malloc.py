"""glibc's malloc, tuned for a serving process: one arena.

glibc gives each thread that allocates concurrently an arena of its own, up to 8 per core, and
memory freed in one arena is reused by that arena only. A server loads its model on lingua's
thread pool and answers on a pool of request threads, so freed memory piles up in many arenas:
peak RSS of `triage serve` with the fast model ranged 389-458 MB over runs with glibc's default,
and 373-391 MB with one arena, at the same throughput (bench/startup.py, bench/load.py). The
request threads hold the GIL for nearly all their allocations, so they do not contend for it.
"""

from __future__ import annotations

import ctypes
import os

M_ARENA_MAX = -8
"""mallopt's parameter for the most arenas (glibc's malloc.h)."""


def one_malloc_arena() -> bool:
    """Limit this process, and the processes it forks, to one malloc arena; call it before
    any thread starts. True when set; False where the C library is not glibc, or where
    MALLOC_ARENA_MAX is set (glibc applied the operator's own value at start)."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process runs on
    except (OSError, AttributeError):  # no mallopt (macOS): nothing to tune
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(M_ARENA_MAX, 1))  # musl accepts nothing and returns 0
