"""triage.spacy_import: the server imports spaCy without its command line, which stays
importable."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from tests.fresh import run_in_fresh_python

PROBE = textwrap.dedent(
    """
    import sys
    import triage.app, triage.cli  # what `triage serve` imports

    assert "spacy" in sys.modules
    skipped = [m for m in ("spacy.cli", "weasel", "typer", "httpx") if m in sys.modules]
    assert not skipped, skipped
    import spacy

    assert [t.text for t in spacy.blank("nl")("Bijv. om 10 u. 's ochtends!")] == [
        "Bijv.", "om", "10", "u.", "'s", "ochtends", "!",
    ]
    import spacy.cli  # the real package, once asked for

    assert hasattr(spacy.cli, "setup_cli") and "weasel" in sys.modules
    from spacy.cli.info import info

    assert spacy.info.__module__ == "triage.spacy_import" and callable(info)
    print("ok")
    """
)


def test_serving_imports_spacy_without_its_command_line() -> None:
    assert run_in_fresh_python(PROBE) == "ok"


def test_a_spacy_that_needs_more_of_its_command_line_is_imported_whole(tmp_path: Path) -> None:
    fake = tmp_path / "spacy"
    (fake / "cli").mkdir(parents=True)
    (fake / "__init__.py").write_text("from .cli.info import info\nfrom .cli import setup_cli\n")
    (fake / "attrs.py").write_text("ORTH, IDX = 65, 66\n")
    (fake / "cli" / "__init__.py").write_text("def setup_cli() -> None: ...\n")
    (fake / "cli" / "info.py").write_text("def info() -> str:\n    return 'real'\n")
    probe = "from triage.spacy_import import spacy; print(spacy.info(), spacy.attrs.ORTH)"
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), root])}
    assert run_in_fresh_python(probe, env=env).split() == ["real", "65"]
