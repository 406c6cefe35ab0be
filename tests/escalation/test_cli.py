"""`triage policy validate | simulate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage.cli import main
from triage.settings import PROJECT_ROOT

POLICY = PROJECT_ROOT / "data" / "policy.yaml"


def test_validate_ok_and_errors_with_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policy", "validate", str(POLICY)]) == 0
    assert "valid" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        POLICY.read_text().replace(
            "ANGRY_CUSTOMER: {threshold: 0.6", "ANGRY_CUSTOMER: {threshold: 6"
        )
    )
    assert main(["policy", "validate", str(bad)]) == 1
    line = next(i for i, t in enumerate(bad.read_text().splitlines(), 1) if "threshold: 6" in t)
    assert (
        f"{bad}:{line}: flags.ANGRY_CUSTOMER.threshold: must be between 0 and 1"
        in capsys.readouterr().err
    )


def test_simulate_prints_a_sweep_and_writes_a_plot(
    tiny_model_dir: Path, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history = tmp_path / "history.jsonl"
    rows = (corpus / "test.jsonl").read_text().splitlines()[:120]
    history.write_text("\n".join(rows) + "\n")
    recorded = sum(json.loads(r)["escalated"] for r in rows)
    candidate = tmp_path / "candidate.yaml"
    candidate.write_text(POLICY.read_text().replace("threshold: 0.5\n", "threshold: 0.3\n", 1))
    plot = tmp_path / "sweep.png"
    argv = ["policy", "simulate", "--policy", str(candidate), "--data", str(history)]
    assert main([*argv, "--model", str(tiny_model_dir), "--plot", str(plot)]) == 0
    out = capsys.readouterr().out
    assert f"120 tickets, {recorded} recorded escalations" in out
    assert "OVERALL" in out and "LEGAL_THREAT" in out and "threshold sweep" in out
    assert "0.05" in out and "0.95" in out
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
