"""The packed lemma table (triage.lemma_table) answers as the table it was packed from, also
when read back from its cache file, and a broken or unwritable cache costs only time."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.util import load_language_data, registry

from triage.lemma_table import LemmaTable, cache_path, lemma_table


@pytest.mark.parametrize("code", ["en", "nl", "ro", "de", "fr"])
def test_the_packed_table_answers_as_its_source(code: str, tmp_path: Path) -> None:
    source = load_language_data(registry.lookups.get(code)["lemma_lookup"])
    built = lemma_table(code, tmp_path)
    assert cache_path(code, tmp_path).is_file()
    cached = lemma_table(code, tmp_path)  # read back from the file
    assert len(built) == len(cached) == len(source)
    keys = list(source)[::3]
    for key in keys:
        value = source[key]
        expected = value[0] if isinstance(value, list) else value
        assert built.get(key) == cached.get(key) == expected, key
    for missing in [
        "",
        "\x00",
        "zzzzzzzzzz-not-a-word",
        "\ud800",
        *(k + "\u0301" for k in keys[:50]),
    ]:
        if missing not in source:
            assert built.get(missing) is None and cached.get(missing) is None


def test_edges_of_the_key_order() -> None:
    table = LemmaTable.of({"b": "B", "a": ["A", "x"], "é": "E", "ab": "AB"})
    assert [table.get(w) for w in ["a", "ab", "b", "é", "", "c", "aa"]] == [
        "A",
        "AB",
        "B",
        "E",
        None,
        None,
        None,
    ]
    assert LemmaTable.of({}).get("a") is None


def test_a_broken_cache_is_rebuilt_and_an_unwritable_one_skipped(tmp_path: Path) -> None:
    path = cache_path("en", tmp_path)
    for broken in [b"not an npz", b"", b"PK\x03\x04 truncated zip"]:
        path.write_bytes(broken)
        assert lemma_table("en", tmp_path).get("went") == "go"
        assert LemmaTable.load(path).get("went") == "go"  # rewritten
    assert path.stat().st_mode & 0o777 == 0o644  # readable by a server run as another user
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory would be")
    assert lemma_table("en", blocked / "cache").get("went") == "go"
