"""triage.malloc: a serving process allocates from one glibc arena, counted by glibc itself."""

from __future__ import annotations

import os
import platform
import textwrap
from pathlib import Path

import pytest

from tests.fresh import run_in_fresh_python

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")

# Threads that each allocate, then glibc's own report of its arenas (malloc_info's <heap>s).
PROBE = textwrap.dedent(
    """
    import ctypes, sys, threading
    from triage.malloc import one_malloc_arena

    limited = one_malloc_arena() if sys.argv[1] == "limit" else None
    kept = []
    threads = [threading.Thread(target=lambda: kept.append(bytearray(4096))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    out = ctypes.c_void_p(libc.fopen(sys.argv[2].encode(), b"w"))
    libc.malloc_info(0, out)
    libc.fclose(out)
    print(limited)
    """
)


def _arenas(tmp_path: Path, mode: str, env: dict[str, str]) -> tuple[int, str]:
    report = tmp_path / f"{mode}.xml"
    limited = run_in_fresh_python(PROBE, mode, str(report), env=env)
    return report.read_text().count("<heap nr="), limited


def _env_without_arena_max() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}


def test_threads_share_one_arena_once_limited(tmp_path: Path) -> None:
    env = _env_without_arena_max()
    assert _arenas(tmp_path, "limit", env) == (1, "True")
    unlimited, _ = _arenas(tmp_path, "default", env)
    assert unlimited > 1  # glibc's default: an arena per thread, so the probe can tell


def test_the_operators_malloc_arena_max_is_left_alone(tmp_path: Path) -> None:
    env = {**_env_without_arena_max(), "MALLOC_ARENA_MAX": "3"}
    arenas, limited = _arenas(tmp_path, "limit", env)
    assert limited == "False"
    assert 1 < arenas <= 3
