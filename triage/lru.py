"""A small thread-safe least-recently-used map (caches of tokens' and words' lookups)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    """A thread-safe least-recently-used map of at most `size` entries, read and filled in
    batches (one lock round per text, not per token)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get_many(self, keys: set[K]) -> dict[K, V]:
        with self._lock:
            found = {k: self._items[k] for k in keys if k in self._items}
            for k in found:
                self._items.move_to_end(k)
        return found

    def put_many(self, items: dict[K, V]) -> None:
        with self._lock:
            self._items.update(items)
            for k in items:
                self._items.move_to_end(k)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
