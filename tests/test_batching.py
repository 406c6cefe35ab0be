"""MicroBatcher with real threads: concurrent items are scored together, each caller gets its
own result or its own error, and a lone caller is scored at once; and TriageService scores one
batch at a time, whether it comes from the batcher or from a stream."""

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


class OverlapCounting:
    """A model whose `analyse` counts how many threads are inside it at once."""

    def __init__(self, model: object) -> None:
        self._model = model
        self._lock = threading.Lock()
        self.inside = 0
        self.most = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._model, name)

    def analyse(self, tickets, annotate=None, queues=None):  # type: ignore[no-untyped-def]
        with self._lock:
            self.inside += 1
            self.most = max(self.most, self.inside)
        try:
            time.sleep(0.01)  # room for another scorer to come in, were it let in
            return self._model.analyse(tickets, annotate, queues)  # type: ignore[attr-defined]
        finally:
            with self._lock:
                self.inside -= 1


def test_streams_and_batched_calls_score_one_batch_at_a_time(tiny_model) -> None:  # type: ignore[no-untyped-def]
    from triage.domain import Ticket
    from triage.service import TriageService
    from triage.settings import Settings

    model = OverlapCounting(tiny_model)
    service = TriageService(Settings(), model)  # type: ignore[arg-type]
    tickets = [Ticket(id=f"T-{i}", body=f"My invoice {i} was charged twice.") for i in range(12)]
    alone = {t.id: TriageService(Settings(), tiny_model).triage_many([t])[0] for t in tickets}
    got: dict[str, object] = {}
    start = threading.Barrier(8)

    def stream(part: list[Ticket]) -> None:  # as TriageStream scores its read-ahead batch
        start.wait()
        got.update((t.id, r) for t, r in zip(part, service.triage_many(part), strict=True))

    def unary(ticket: Ticket) -> None:  # as Triage does, through the micro-batcher
        start.wait()
        got[ticket.id] = service.triage(ticket)

    threads = [threading.Thread(target=stream, args=(tickets[i : i + 2],)) for i in (0, 2, 4, 6)]
    threads += [threading.Thread(target=unary, args=(t,)) for t in tickets[8:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert model.most == 1
    assert got.keys() == alone.keys()
    assert all(got[key] == result for key, result in alone.items())  # as scored alone
