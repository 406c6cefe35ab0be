"""Training work spread over worker processes forked from the trainer: they see its loaded text
pipeline, tickets and feature matrix as they were at the fork (copy-on-write pages, nothing
pickled on the way in) and send back only their results. A task gives the same result in a
worker as in the trainer: the text pipeline is pure and liblinear seeds its generator per fit
(threads would share that generator, processes do not). With one worker, or where processes
cannot be forked, the tasks run in the trainer itself, one after another."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

_SHARED: dict[str, Any] = {}


def shared(name: str) -> Any:
    """What `forked_pool` was given under `name` (in the trainer and in its workers alike)."""
    return _SHARED[name]


def default_workers(workers: int = 0) -> int:
    """`workers`, or for 0 the cores this process may run on."""
    if workers > 0:
        return workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _InProcess(Executor):
    """Runs each task at once, in the calling process."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # delivered by result(), as a pool would
            future.set_exception(exc)
        return future


@contextmanager
def forked_pool(workers: int, **state: Any) -> Iterator[Executor]:
    """An executor of `workers` processes forked at the first submit, which read `state`
    through `shared`; tasks must be module-level functions (they are pickled by name). A failed
    task or Ctrl-C cancels the tasks not yet started."""
    _SHARED.update(state)
    try:
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield _InProcess()
            return
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    finally:
        for name in state:
            _SHARED.pop(name, None)
