"""The command line as a user runs it: real processes, a real server, real files."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TRIAGE = [sys.executable, "-m", "triage.cli"]


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TRIAGE, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or dict(os.environ),
    )


@pytest.fixture(scope="module")
def served(
    tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`triage serve --port 0` in its own process; yields (process, host:port)."""
    # The policy store goes to tmp, not the project's state/ folder.
    env = {**os.environ, "TRIAGE_POLICY_DIR": str(tmp_path_factory.mktemp("policy-state"))}
    process = subprocess.Popen(
        [*TRIAGE, "serve", "--model", str(tiny_model_dir), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    target = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not target:
        line = process.stderr.readline()
        match = re.search(r"listening on (\S+:\d+)", line)
        target = match.group(1) if match else ""
    assert target, "server did not report its address"
    for _ in range(120):  # wait until the model is loaded (UNAVAILABLE before)
        if run("info", "--target", target, timeout=30).returncode == 0:
            break
        time.sleep(0.5)
    yield process, target
    if process.poll() is None:
        process.kill()
        process.wait()


def test_classify_prints_the_triage_as_json(served) -> None:  # type: ignore[no-untyped-def]
    _, target = served
    out = run(
        "classify",
        "--target",
        target,
        "--subject",
        "Refund please",
        "I was charged twice for order ORD-123456, please refund the second payment.",
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["language"]["code"] == "en"
    for head in ("topic", "priority", "tier", "sentiment"):
        assert result[head]["label"] and 0 < result[head]["confidence"] <= 1
    assert result["priority"]["label"] in {"low", "normal", "high", "urgent"}


def test_classify_reports_invalid_argument(served) -> None:  # type: ignore[no-untyped-def]
    _, target = served
    out = run("classify", "--target", target, "")
    assert out.returncode != 0
    assert "INVALID_ARGUMENT" in out.stderr and "ticket.subject" in out.stderr


def test_info_describes_the_model(served, tiny_model_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, target = served
    info = json.loads(run("info", "--target", target).stdout)
    meta = json.loads((tiny_model_dir / "meta.json").read_text())
    assert info["version"] == meta["version"]
    assert {h["name"] for h in info["heads"]} == set(meta["heads"])


def test_sigterm_drains_and_exits_cleanly(served) -> None:  # type: ignore[no-untyped-def]
    process, _ = served
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0


def test_evaluate_json_and_table(tiny_model_dir: Path, corpus: Path) -> None:
    out = run(
        "evaluate", "--model", str(tiny_model_dir), "--data", str(corpus / "test.jsonl"), "--json"
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    for head in ("topic", "priority", "tier", "sentiment"):
        metrics = report["heads"][head]
        for key in ("accuracy", "macro_f1", "log_loss", "ece"):
            assert isinstance(metrics[key], float)
    table = run("evaluate", "--model", str(tiny_model_dir), "--data", str(corpus / "test.jsonl"))
    assert "macro_f1" in table.stdout and "language identification" in table.stdout


def test_train_with_column_map_on_csv(tmp_path: Path, corpus: Path, mlflow_store: str) -> None:
    rows = [json.loads(line) for line in (corpus / "train.jsonl").read_text().splitlines()[:300]]
    export = tmp_path / "export.jsonl"
    export.write_text(
        "".join(
            json.dumps({"description": r["body"], "urgency": r["priority"]}, ensure_ascii=False)
            + "\n"
            for r in rows
        )
    )
    out = run(
        "train",
        "--data",
        str(export),
        "--out",
        str(tmp_path / "model"),
        "--column-map",
        "text=description,priority=urgency",
        "--no-progress",
    )
    assert out.returncode == 0, out.stderr
    assert "MLflow run" in out.stdout
    meta = json.loads((tmp_path / "model" / "meta.json").read_text())
    assert list(meta["heads"]) == ["priority"]


def test_train_reports_a_bad_dataset(tmp_path: Path) -> None:
    missing = run("train", "--data", str(tmp_path / "none.csv"), "--out", str(tmp_path / "m"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_serve_fails_clearly_without_a_bundle(tmp_path: Path) -> None:
    out = run("serve", "--model", str(tmp_path / "missing"), "--port", "0", timeout=60)
    assert out.returncode == 2, out.stderr
    assert out.stderr == (
        f"triage serve: --model: {tmp_path / 'missing'}: no such directory "
        "(train a model with `triage train`)\n"
    )
