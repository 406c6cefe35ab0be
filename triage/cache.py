"""A bounded memo for the hot per-token and per-word lookups of serving."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """A map of at most 2 * `size` entries kept in two generations: entries go into the recent
    one; when it is full it becomes the old one and the previous old one is dropped, and an old
    entry read again moves back to the recent one. So what is used stays, what is not is
    forgotten within two generations, and a read is one or two dict lookups: no lock and no
    reordering (an LRU list costs more than the lookups it saves here). Safe to share between
    threads: each step is one dict operation or one assignment under the GIL, and a race can
    only forget an entry, never return a wrong one."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, got {size}")
        self.size = size
        self._recent: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __len__(self) -> int:
        return len(self._recent) + len(self._old)

    def get(self, key: K) -> V | None:
        found = self._recent.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: K, value: V) -> None:
        if len(self._recent) >= self.size:
            self._old, self._recent = self._recent, {}
        self._recent[key] = value
