"""Escalation fixtures: the labelled flag sentences and one flagger on the session's pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

SENTENCES = Path(__file__).with_name("flag_sentences.tsv")
LABELLED_FLAGS = ("LEGAL_THREAT", "CHURN_RISK", "REGULATOR_MENTION")


def labelled_sentences() -> list[tuple[str, frozenset[str], str]]:
    """(language, expected flags, sentence) rows of flag_sentences.tsv."""
    rows = []
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, expected, sentence = line.split("\t")
        flags = frozenset() if expected == "-" else frozenset(expected.split(","))
        rows.append((language, flags, sentence))
    return rows


@pytest.fixture(scope="session")
def flagger(text_pipeline):  # type: ignore[no-untyped-def]
    from triage.escalation.flags import TextFlagger

    return TextFlagger(text_pipeline)
