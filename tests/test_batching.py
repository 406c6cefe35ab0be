"""MicroBatcher with real threads: concurrent items are scored together, each caller gets its
own result or its own error, and a lone caller is scored at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest

from triage.batching import MicroBatcher


class Doubler:
    """Scores by doubling; slow enough that callers pile up behind a batch; fails on 13."""

    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def __call__(self, items: Sequence[int]) -> list[int]:
        self.calls.append(list(items))
        time.sleep(0.01)
        if 13 in items:
            raise ValueError("unlucky")
        return [2 * i for i in items]


def run_concurrently(batcher: MicroBatcher[int, int], items: list[int]) -> dict[int, object]:
    results: dict[int, object] = {}
    start = threading.Barrier(len(items))

    def call(item: int) -> None:
        start.wait()
        try:
            results[item] = batcher.submit(item)
        except ValueError as exc:
            results[item] = exc

    threads = [threading.Thread(target=call, args=(i,)) for i in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not any(t.is_alive() for t in threads), "a caller was never answered"
    return results


def test_a_lone_caller_is_scored_at_once_by_itself() -> None:
    score = Doubler()
    batcher = MicroBatcher(score, max_batch=8)
    assert batcher.submit(4) == 8
    assert score.calls == [[4]]
    assert batcher.submit(5) == 10  # the lead was handed back: the next caller leads again


def test_concurrent_callers_are_batched_and_each_gets_its_own_result() -> None:
    score = Doubler()
    batcher = MicroBatcher(score, max_batch=8)
    items = list(range(20, 52))
    results = run_concurrently(batcher, items)
    assert results == {i: 2 * i for i in items}
    assert sorted(i for call in score.calls for i in call) == items  # each scored once
    assert batcher.largest > 1 and len(score.calls) < len(items)
    assert max(len(call) for call in score.calls) <= 8


def test_an_error_reaches_only_its_own_caller() -> None:
    batcher = MicroBatcher(Doubler(), max_batch=16)
    results = run_concurrently(batcher, [11, 12, 13, 14, 15, 16])
    assert isinstance(results.pop(13), ValueError)
    assert results == {i: 2 * i for i in (11, 12, 14, 15, 16)}
    assert batcher.submit(3) == 6  # and the batcher serves on


def test_max_batch_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_batch"):
        MicroBatcher(Doubler(), max_batch=0)
