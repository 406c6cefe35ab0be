"""spaCy's French tokenizer pattern read back from the pattern cache (triage.pattern_cache) is
the pattern itself: the same matches, the same tokens, in a fresh interpreter as a server has."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from triage import pattern_cache

pytestmark = pytest.mark.skipif(not pattern_cache.SUPPORTED, reason="CPython 3.11 only")

SAMPLES = [
    "Bonjour, l'entr'acte du porte-monnaie a été débité deux fois aujourd'hui !",
    "Mon arc-en-ciel, les États-Unis, le week-end, un black-out et l'anti-virus : rien ne va.",
    "Peut-être qu'ils ont re-facturé l'abonnement ; qu'est-ce que je fais ? C'est grand-mère.",
    "RE-ENTRAINER le pare-feu, prud'homme, entr'ouvrir, grand'mère, sous-sol, saut-de-ski",
]

SCRIPT = """
import json, re, sys
from pathlib import Path
from triage import pattern_cache
directory = Path(sys.argv[1])
seeded = bool(pattern_cache.seed("fr", directory))
nlp = pattern_cache.blank_pipeline("fr", directory) if not seeded else None
if seeded:
    import spacy
    nlp = spacy.blank("fr")
pattern = nlp.tokenizer.token_match.__self__
out = {"seeded": seeded, "tokens": [[t.text for t in nlp(s)] for s in json.loads(sys.argv[2])]}
if seeded:
    from spacy.lang.fr.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    fresh = re._compiler.compile(pattern.pattern, 0)
    words = [*TOKENIZER_EXCEPTIONS, *(w for s in json.loads(sys.argv[2]) for w in s.split())]
    words += [w.upper() for w in words] + ["faux-vampire", "entr'abat", "pet-en-l'air", "x-y"]
    def span(match):
        return match.span() if match else None
    out["same_matches"] = all(span(pattern.match(w)) == span(fresh.match(w)) for w in words)
    out["flags"] = [pattern.flags, fresh.flags, pattern.groups, fresh.groups]
print(json.dumps(out))
"""


def _run(directory: Path) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(directory), json.dumps(SAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_cached_pattern_is_the_pattern(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert not first["seeded"] and pattern_cache.cache_path("fr", tmp_path).is_file()
    second = _run(tmp_path)
    assert second["seeded"]
    assert second["tokens"] == first["tokens"]
    assert {"porte-monnaie", "aujourd'hui"} <= set(first["tokens"][0])  # the pattern at work
    assert second["same_matches"]
    flags, fresh_flags, groups, fresh_groups = second["flags"]
    assert (flags, groups) == (fresh_flags, fresh_groups)


def test_a_cache_of_another_build_or_a_broken_one_is_not_used(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = pattern_cache.cache_path("xx", tmp_path)
    path.write_text(json.dumps({"build": "another python", "patterns": []}))
    assert not pattern_cache.seed("xx", tmp_path)
    path.write_text("{not json")
    assert not pattern_cache.seed("xx", tmp_path)
    assert "ignoring the pattern cache" in caplog.text
    assert not pattern_cache.seed("absent", tmp_path)


def test_a_cache_for_other_patterns_is_replaced(tmp_path: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """A cache whose patterns spaCy did not compile (written for another spaCy, or evicted from
    re's cache before use) is rewritten with the patterns spaCy compiles now. spaCy's French
    module is already imported here (by the session's text pipeline), so the cached pattern
    goes unused just as a stale one would."""
    stale = re.compile("stale (pattern)? " * 2_000)
    pattern_cache.save("fr", [stale], tmp_path)
    assert pattern_cache.seed("fr", tmp_path)
    nlp = pattern_cache.blank_pipeline("fr", tmp_path)
    stored = json.loads(pattern_cache.cache_path("fr", tmp_path).read_text())
    assert [e["pattern"] for e in stored["patterns"]] == [
        p.pattern for p in pattern_cache.large_patterns(nlp.tokenizer)
    ]
