"""A language's lookup-lemma table packed into a few flat buffers, kept per environment.

spacy-lookups-data ships each table as gzipped JSON. As a dict, our five languages' tables are
1.1 million pairs of Python strings: about 250 MB of every serving process, 0.9 s of its start,
and millions of reference counts a forked worker's lookups write to (copying the pages it shares
with its supervisor). Packed, they are a few buffers: the keys sorted as UTF-8 bytes in one
buffer with their offsets, and per key an index into the distinct lemmas, packed alike (25 MB
for the five). A word is found by binary search (about 20 steps; the text pipeline caches every
token's lemma anyway). The packed table is built from the JSON once per environment and kept in
the environment's cache (triage.env_cache) as an .npz read with `allow_pickle=False`."""

from __future__ import annotations

import bisect
import zipfile
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path
from typing import IO

import numpy as np

from triage.env_cache import DIRECTORY, write_atomically

FORMAT = 1
"""Bumped whenever the packing changes, so an older cache file is never read."""


class PackedStrings:
    """Byte strings stored end to end in one buffer: item i is `blob[offsets[i]:offsets[i+1]]`."""

    def __init__(self, blob: bytes, offsets: np.ndarray) -> None:
        if offsets.ndim != 1 or offsets.size < 1 or offsets[-1] != len(blob):
            raise ValueError("offsets do not match the buffer")
        self.blob = blob
        self.offsets = offsets
        self._offsets = offsets.data  # a memoryview: indexing it gives plain ints, fast

    @classmethod
    def of(cls, items: list[bytes]) -> PackedStrings:
        offsets = np.zeros(len(items) + 1, dtype=np.int64)
        np.cumsum([len(item) for item in items], out=offsets[1:])
        return cls(b"".join(items), offsets)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> bytes:
        return self.blob[self._offsets[index] : self._offsets[index + 1]]


class LemmaTable:
    """word -> lemma (the first, where the source lists several), on packed buffers."""

    def __init__(self, keys: PackedStrings, lemma_ids: np.ndarray, lemmas: PackedStrings) -> None:
        if lemma_ids.shape != (len(keys),) or (lemma_ids.size and lemma_ids.max() >= len(lemmas)):
            raise ValueError("lemma ids do not match the keys and lemmas")
        self._keys = keys
        self._lemma_ids = lemma_ids
        self._ids = lemma_ids.data
        self._lemmas = lemmas

    @classmethod
    def of(cls, table: Mapping[str, str | list[str]]) -> LemmaTable:
        pairs = sorted((_encode(k), v[0] if isinstance(v, list) else v) for k, v in table.items())
        ids: dict[str, int] = {}
        lemma_ids = np.array([ids.setdefault(v, len(ids)) for _, v in pairs], dtype=np.int32)
        return cls(
            PackedStrings.of([key for key, _ in pairs]),
            lemma_ids,
            PackedStrings.of([_encode(lemma) for lemma in ids]),
        )

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, word: str) -> str | None:
        key = _encode(word)
        index = bisect.bisect_left(self._keys, key)  # type: ignore[call-overload]
        if index == len(self._keys) or self._keys[index] != key:
            return None
        return self._lemmas[self._ids[index]].decode("utf-8", "surrogatepass")

    def save(self, handle: IO[bytes]) -> None:
        np.savez(
            handle,
            allow_pickle=False,
            keys=np.frombuffer(self._keys.blob, dtype=np.uint8),
            key_offsets=self._keys.offsets,
            lemma_ids=self._lemma_ids,
            lemmas=np.frombuffer(self._lemmas.blob, dtype=np.uint8),
            lemma_offsets=self._lemmas.offsets,
        )

    @classmethod
    def load(cls, path: Path) -> LemmaTable:
        with np.load(path, allow_pickle=False) as stored:
            return cls(
                PackedStrings(stored["keys"].tobytes(), stored["key_offsets"].astype(np.int64)),
                stored["lemma_ids"].astype(np.int32),
                PackedStrings(stored["lemmas"].tobytes(), stored["lemma_offsets"].astype(np.int64)),
            )


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a word may hold a lone surrogate


def cache_path(code: str, directory: Path | None = None) -> Path:
    source = version("spacy-lookups-data")
    return (directory or DIRECTORY) / f"lemmas-{code}-{source}-v{FORMAT}.npz"


def lemma_table(code: str, directory: Path | None = None) -> LemmaTable:
    """Language `code`'s lookup-lemma table: from the cache, or packed from spacy-lookups-data
    now and cached for the next start (an unreadable cache file is rebuilt)."""
    path = cache_path(code, directory)
    if path.is_file():
        try:
            return LemmaTable.load(path)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            pass  # rebuilt and rewritten below
    from spacy.util import load_language_data, registry

    source = load_language_data(registry.lookups.get(code)["lemma_lookup"])
    if not isinstance(source, dict):
        raise ValueError(f"spacy-lookups-data's {code} lemma table is not a JSON object")
    table = LemmaTable.of(source)
    write_atomically(path, table.save)
    return table
