"""spaCy's large tokenizer patterns, compiled once per environment instead of at every start.

Importing spaCy's French module compiles one regular expression of 266 alternatives over large
Unicode classes (its tokenizer's `token_match`): 2-3 s of pure-Python parsing and charset
optimisation in `re`, the largest single part of a server's start-up, paid again at every start.
Python cannot store a compiled pattern (pickling one recompiles it), so this stores what `re`
builds before its last, native step: the code list `_sre.compile` turns into a Pattern. At the
next start the Pattern is rebuilt from that list (milliseconds) and put in `re`'s own cache under
the pattern's text, where spaCy's `re.compile` finds it: the very object `re` would have made.

It relies on CPython 3.11's `re` internals (`re._cache`, `re._parser`, `re._compiler`,
`_sre.compile`), so it acts only there, and only on a cache written by the same Python build;
anywhere else, or without a cache, patterns compile as before. A cache entry is keyed by the
pattern's full text, so it can only ever stand for that pattern (and `_sre` validates the code
it is given). The cache lives in the environment (triage.env_cache), next to the spaCy it belongs
to."""

from __future__ import annotations

import _sre
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

from triage.env_cache import DIRECTORY, write_atomically

log = logging.getLogger(__name__)

LARGE = 20_000
"""Patterns of at least this many characters are worth caching (spaCy's French one is 1.45M)."""

SUPPORTED = sys.version_info[:2] == (3, 11) and isinstance(getattr(re, "_cache", None), dict)


def cache_path(name: str, directory: Path | None = None) -> Path:
    return (directory or DIRECTORY) / f"patterns-{name}.json"


def _build_key() -> str:
    from importlib.metadata import version

    return f"{sys.version} {_sre.MAGIC} spacy {version('spacy')}"


def seed(name: str, directory: Path | None = None) -> list[re.Pattern[str]]:
    """Put the patterns cached under `name` into `re`'s cache; those put there."""
    path = cache_path(name, directory)
    if not SUPPORTED or not path.is_file():
        return []
    seeded: list[re.Pattern[str]] = []
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["build"] != _build_key():
            return []
        for entry in stored["patterns"]:
            compiled = _sre.compile(
                entry["pattern"],
                entry["flags"],
                entry["code"],
                entry["groups"] - 1,
                entry["groupindex"],
                tuple(entry["indexgroup"]),
            )
            re._cache[str, entry["pattern"], entry["given_flags"]] = compiled  # type: ignore[attr-defined]
            seeded.append(compiled)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, OverflowError) as exc:
        log.warning("ignoring the pattern cache %s: %s", path, exc)
        return []
    return seeded


def save(name: str, patterns: list[re.Pattern[str]], directory: Path | None = None) -> None:
    """Cache the code of `patterns` (compiled with flags 0 in the source) under `name`: each is
    parsed and compiled once more here to get it, as `re._compiler.compile` does."""
    if not SUPPORTED:
        return
    entries: list[dict[str, Any]] = []
    for pattern in patterns:
        parsed = re._parser.parse(pattern.pattern, 0)  # type: ignore[attr-defined]
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for group, index in parsed.state.groupdict.items():
            indexgroup[index] = group
        entries.append(
            {
                "pattern": pattern.pattern,
                "given_flags": 0,
                "flags": parsed.state.flags,
                "code": re._compiler._code(parsed, 0),  # type: ignore[attr-defined]
                "groups": parsed.state.groups,
                "groupindex": dict(parsed.state.groupdict),
                "indexgroup": indexgroup,
            }
        )
    stored = json.dumps({"build": _build_key(), "patterns": entries}).encode("utf-8")
    write_atomically(cache_path(name, directory), lambda handle: handle.write(stored))


def large_patterns(tokenizer: Any) -> list[re.Pattern[str]]:
    """The large patterns behind a spaCy tokenizer's matchers (bound methods of Patterns)."""
    matchers = ("token_match", "url_match", "prefix_search", "suffix_search", "infix_finditer")
    patterns = [getattr(getattr(tokenizer, name, None), "__self__", None) for name in matchers]
    return [p for p in patterns if isinstance(p, re.Pattern) and len(p.pattern) >= LARGE]


def blank_pipeline(code: str, directory: Path | None = None) -> Any:
    """`spacy.blank(code)`, its large patterns read from the cache, or cached for next time
    (also when spaCy compiled others than the cached ones: another spaCy, say)."""
    import spacy

    seeded = seed(code, directory)
    nlp = spacy.blank(code)
    found = large_patterns(nlp.tokenizer)
    if any(all(p is not q for q in seeded) for p in found):
        save(code, found, directory)
    return nlp
