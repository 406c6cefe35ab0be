"""Micro-batching of concurrent requests: tickets that arrive while the model is busy are
scored together, in one pass, when it is free.

No thread of its own and no waiting window: the first caller to find the model idle scores
its ticket at once (a lone request pays nothing); callers that arrive meanwhile queue. When a
batch ends, the leader takes the next batch from the queue (everything waiting, up to
`max_batch`) until its own ticket is answered, then hands the lead to the oldest caller still
waiting. Under load a batch is therefore whatever arrived during the previous one: the busier
the server, the larger the batches and the cheaper each ticket (a ticket in a batch of 16 costs
about 0.6 of one scored alone, bench/load.py).

Scoring must not depend on the rest of the batch (the model's guarantee: a ticket alone and in
a batch gets the same result, pinned by tests), so batching changes timing, never answers."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Slot(Generic[T, R]):
    __slots__ = ("item", "result", "error", "done", "wake")

    def __init__(self, item: T) -> None:
        self.item = item
        self.result: R | None = None
        self.error: BaseException | None = None
        self.done = False
        self.wake = threading.Event()
        """Set when the slot is answered, or when its caller becomes the leader."""


class MicroBatcher(Generic[T, R]):
    def __init__(self, score: Callable[[Sequence[T]], Sequence[R]], max_batch: int = 32) -> None:
        """`score(items)` returns one result per item, in order."""
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._score = score
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._waiting: deque[_Slot[T, R]] = deque()
        self._leading = False
        self.batches = 0
        """Batches scored so far (with `largest`: how much batching happens, for tests)."""
        self.largest = 0

    def submit(self, item: T) -> R:
        """The result of `item`, scored with whatever else is waiting; raises what scoring
        `item` raised."""
        slot: _Slot[T, R] = _Slot(item)
        with self._lock:
            self._waiting.append(slot)
            lead = not self._leading
            self._leading = True
        if not lead:
            slot.wake.wait()
        if not slot.done:  # we lead: score batches until ours is among them
            try:
                while not slot.done:
                    with self._lock:
                        count = min(self.max_batch, len(self._waiting))
                        batch = [self._waiting.popleft() for _ in range(count)]
                        self.batches += 1
                        self.largest = max(self.largest, count)
                    self._run(batch)
            finally:
                self._hand_over()
        if slot.error is not None:
            raise slot.error
        return slot.result  # type: ignore[return-value]

    def _hand_over(self) -> None:
        """Make the oldest waiting caller the leader, or leave the lead free."""
        with self._lock:
            if self._waiting:
                self._waiting[0].wake.set()
            else:
                self._leading = False

    def _run(self, batch: list[_Slot[T, R]]) -> None:
        """Answer every slot of `batch`. A failing batch is scored again one item at a time,
        so an item's error reaches only its own caller."""
        try:
            results = self._score([s.item for s in batch])
            outcomes: list[tuple[R | None, BaseException | None]] = [(r, None) for r in results]
        except Exception as exc:
            if len(batch) == 1:
                outcomes = [(None, exc)]
            else:
                outcomes = [self._alone(s.item) for s in batch]
        for slot, (result, error) in zip(batch, outcomes, strict=True):
            slot.result, slot.error, slot.done = result, error, True
            slot.wake.set()

    def _alone(self, item: T) -> tuple[R | None, BaseException | None]:
        try:
            return self._score([item])[0], None
        except Exception as exc:
            return None, exc
