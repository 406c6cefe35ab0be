"""triage.spacy_import: the server imports spaCy without its command line, which stays
importable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
