"""Every command's bad inputs: one line `triage <command>: <problem>` on stderr, exit status 2,
no traceback, and nothing slow done first. In process (a subprocess costs seconds), but one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from triage.cli import main
from triage.settings import PROJECT_ROOT

POLICY = PROJECT_ROOT / "data" / "policy.yaml"
FOUND = "columns found: id, description, category"


def fails(capsys: pytest.CaptureFixture[str], argv: list[str], problem: str) -> None:
    command = " ".join(argv[:2]) if argv[0] == "policy" else argv[0]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert err == f"triage {command}: {problem}\n"
    assert "Traceback" not in out + err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Inputs, good and bad, and a folder that passes the quick look at a bundle (it has a
    SHA256SUMS) but fails as soon as it is loaded."""
    rows = [
        {"id": "1", "subject": "Refund", "body": "money back please", "topic": "billing"},
        {"id": "2", "subject": "Login", "body": "cannot log in", "topic": "account"},
    ]
    paths = {
        "good": tmp_path / "good.jsonl",
        "export": tmp_path / "export.csv",
        "notext": tmp_path / "notext.jsonl",
        "latin1": tmp_path / "latin1.csv",
        "history": tmp_path / "history.jsonl",
        "broken_history": tmp_path / "broken.jsonl",
        "bundle": tmp_path / "bundle",
        "folder": tmp_path / "folder",
        "bad_policy": tmp_path / "bad.yaml",
    }
    paths["good"].write_text("".join(json.dumps(r) + "\n" for r in rows))
    paths["export"].write_text("id,description,category\n1,charged twice,billing\n")
    paths["notext"].write_text('{"id": "1", "comment": "x"}\n')
    paths["latin1"].write_bytes("id,text\n1,caf\xe9\n".encode("latin-1"))
    paths["history"].write_text(
        "".join(json.dumps({**r, "escalated": i == 0}) + "\n" for i, r in enumerate(rows))
    )
    paths["broken_history"].write_text(
        json.dumps({**rows[0], "escalated": True}) + "\n" + '{"body": "x", "escalated": "maybe"}\n'
    )
    paths["bundle"].mkdir()
    (paths["bundle"] / "SHA256SUMS").write_text("")
    paths["folder"].mkdir()
    (paths["folder"] / "notes.txt").write_text("not a bundle")
    paths["bad_policy"].write_text(
        POLICY.read_text().replace(
            "ANGRY_CUSTOMER: {threshold: 0.6", "ANGRY_CUSTOMER: {threshold: 6"
        )
    )
    return paths


def test_serve(files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing"
    fails(
        capsys,
        ["serve", "--model", str(missing), "--port", "0"],
        f"--model: {missing}: no such directory (train a model with `triage train`)",
    )
    folder = files["folder"]
    fails(
        capsys,
        ["serve", "--model", str(folder), "--port", "0"],
        f"--model: {folder}: is not a model bundle (it has no SHA256SUMS)",
    )
    good = files["good"]
    fails(
        capsys,
        ["serve", "--model", str(good), "--port", "0"],
        f"--model: {good}: is a file, not a model bundle directory",
    )
    fails(
        capsys,
        ["serve", "--model", str(files["bundle"]), "--port", "-1"],
        "--port: must be between 0 and 65535 (0 picks a free one), got -1",
    )


def test_serve_workers(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve = ["serve", "--model", str(files["bundle"]), "--port", "50051"]
    fails(capsys, [*serve, "--workers", "-1"], "--workers: must be >= 0, got -1")
    monkeypatch.setenv("TRIAGE_WORKERS", "-2")
    fails(capsys, serve, "TRIAGE_WORKERS: must be >= 0 (0 = one per usable core), got -2")
    monkeypatch.setenv("TRIAGE_WORKERS", "2")  # worker i serves metrics on TRIAGE_METRICS_PORT + i
    monkeypatch.setenv("TRIAGE_METRICS_PORT", "65535")
    fails(
        capsys,
        serve,
        "TRIAGE_METRICS_PORT: 2 workers serve metrics on ports 65535-65536, past 65535",
    )
    monkeypatch.setenv("TRIAGE_METRICS_PORT", "50050")
    fails(
        capsys,
        [*serve, "--workers", "3"],
        "TRIAGE_METRICS_PORT: 3 workers serve metrics on ports 50050-50052, which include the "
        "gRPC port 50051",
    )


def test_serve_model_uri(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fails(
        capsys,
        ["serve", "--model", "models:/triage", "--port", "0"],
        "--model: 'models:/triage' is not a registered model URI "
        "(expected models:/NAME@ALIAS or models:/NAME/VERSION)",
    )
    monkeypatch.setenv("TRIAGE_MODEL_URI", "models:/triage@")
    fails(
        capsys,
        ["serve", "--port", "0"],
        "TRIAGE_MODEL_URI: 'models:/triage@' is not a registered model URI "
        "(expected models:/NAME@ALIAS or models:/NAME/VERSION)",
    )
    monkeypatch.setenv("TRIAGE_MODEL_POLL_SECONDS", "-1")
    fails(
        capsys,
        ["serve", "--port", "0"],
        "TRIAGE_MODEL_POLL_SECONDS: must be >= 0 (0 = off), got -1",
    )


def _train(data: Path, out: Path, *more: str) -> list[str]:
    return ["train", "--data", str(data), "--out", str(out), *more]


def test_train_paths(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "model"
    missing, folder, good = tmp_path / "none.jsonl", files["folder"], files["good"]
    fails(capsys, _train(missing, out), f"--data: {missing}: no such file")
    fails(capsys, _train(folder, out), f"--data: {folder}: is a directory, not a file")
    fails(
        capsys,
        _train(good, out, "--test-data", str(missing)),
        f"--test-data: {missing}: no such file",
    )
    latin1 = files["latin1"]
    fails(capsys, _train(latin1, out), f"{latin1}: not UTF-8 text (invalid continuation byte)")
    # --out: never replaces a folder that is not a bundle, never under a file
    fails(
        capsys,
        _train(good, folder),
        f"--out: {folder}: exists and is not a model bundle (training would replace it); "
        "choose a new directory",
    )
    fails(
        capsys, _train(good, good / "m"), f"--out: {good / 'm'}: {good} is a file, not a directory"
    )
    assert (folder / "notes.txt").exists()


def test_train_workers_setting(
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TRIAGE_TRAIN_WORKERS", "-1")
    fails(
        capsys,
        _train(files["good"], tmp_path / "model"),
        "TRIAGE_TRAIN_WORKERS: must be >= 0 (0 = one per core), got -1",
    )


def test_train_columns(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, export = tmp_path / "model", files["export"]
    fails(
        capsys,
        _train(export, out, "--column-map", "text=descr,topic=category"),
        f"{export}: --column-map text=descr: the file has no column 'descr'; {FOUND}",
    )
    fails(
        capsys,
        _train(export, out),
        f"{export}: no text column (text, or subject and body); {FOUND}",
    )
    fails(
        capsys,
        _train(export, out, "--column-map", "text=description"),
        f"{export}: no label column (one of topic, priority, tier, sentiment, queue); {FOUND}",
    )
    notext = files["notext"]
    fails(
        capsys,
        _train(files["good"], out, "--test-data", str(notext)),
        f"{notext}: no text column (text, or subject and body); columns found: id, comment",
    )
    fails(
        capsys,
        _train(export, out, "--column-map", "text"),
        "--column-map: expected ours=theirs, got 'text'",
    )
    assert main(_train(export, out, "--column-map", "txt=description")) == 2
    assert capsys.readouterr().err.startswith(
        "triage train: --column-map: 'txt' is not a column triage reads; known: body, channel,"
    )


@pytest.mark.parametrize(
    ("flags", "problem"),
    [
        (["--holdout", "1.5"], "--holdout: must be between 0 and 1 (exclusive), got 1.5"),
        (["--holdout", "0"], "--holdout: must be between 0 and 1 (exclusive), got 0"),
        (["--seed", "-1"], "--seed: must be >= 0, got -1"),
        (["--seed", str(2**32)], f"--seed: must be at most {2**32 - 1}, got {2**32}"),
        (
            ["--builder", "nope"],
            "--builder: unknown 'nope'; known: tfidf_linear.v1, tfidf_linear.v2, "
            "tfidf_linear.v3, tfidf_embed.v1",
        ),
    ],
)
def test_train_flags(
    flags: list[str],
    problem: str,
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fails(capsys, _train(files["good"], tmp_path / "model", *flags), problem)
    assert not (tmp_path / "model").exists()


def test_evaluate_checks_the_data_before_touching_the_model(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = files["bundle"]  # loading it fails: it is only ever reached with good data
    evaluate = ["evaluate", "--model", str(bundle), "--data"]
    missing, export = tmp_path / "none.jsonl", files["export"]
    fails(capsys, [*evaluate, str(missing)], f"--data: {missing}: no such file")
    fails(
        capsys,
        [*evaluate, str(export), "--column-map", "text=descr"],
        f"{export}: --column-map text=descr: the file has no column 'descr'; {FOUND}",
    )
    fails(
        capsys,
        [*evaluate, str(export), "--column-map", "text=description"],
        f"{export}: no label column (one of topic, priority, tier, sentiment, escalated, "
        f"language, queue); {FOUND}",
    )
    fails(
        capsys,
        [*evaluate, str(files["good"])],
        f"bundle {bundle}: meta.json is not listed in SHA256SUMS",
    )


def test_evaluate_model_and_report(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, folder, missing = str(files["good"]), files["folder"], tmp_path / "missing"
    fails(
        capsys,
        ["evaluate", "--model", str(missing), "--data", good],
        f"--model: {missing}: no such directory (train a model with `triage train`)",
    )
    fails(
        capsys,
        ["evaluate", "--model", str(folder), "--data", good],
        f"--model: {folder}: is not a model bundle (it has no SHA256SUMS)",
    )
    fails(
        capsys,
        ["evaluate", "--model", str(files["bundle"]), "--data", good, "--report", good],
        f"--report: {good}: is a file, not a directory",
    )


def test_sign(
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TRIAGE_MODEL_KEY", raising=False)
    missing, folder = tmp_path / "missing", files["folder"]
    fails(
        capsys,
        ["sign", "--model", str(missing)],
        f"--model: {missing}: no such directory (train a model with `triage train`)",
    )
    fails(
        capsys,
        ["sign", "--model", str(folder)],
        f"--model: {folder}: is not a model bundle (it has no SHA256SUMS)",
    )
    fails(
        capsys,
        ["sign", "--model", str(files["bundle"])],
        "set TRIAGE_MODEL_KEY to the key to sign with",
    )


CLIENT = ["--target", "127.0.0.1:1"]  # nothing listens there: every case fails before a call


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["classify", *CLIENT, "--timeout", "0", "hi"], "--timeout: must be > 0, got 0"),
        (
            ["classify", "--target", "localhost", "hi"],
            "--target: expected HOST:PORT, got 'localhost'",
        ),
        (
            ["classify", *CLIENT, "--previous-contacts", "-1", "hi"],
            "--previous-contacts: must be >= 0, got -1",
        ),
        (["info", *CLIENT, "--timeout", "-1"], "--timeout: must be > 0, got -1"),
        (["info", "--target", "host:99999"], "--target: expected HOST:PORT, got 'host:99999'"),
    ],
)
def test_client_commands(argv: list[str], problem: str, capsys: pytest.CaptureFixture[str]) -> None:
    fails(capsys, argv, problem)


def test_policy_validate(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, folder, latin1 = tmp_path / "none.yaml", files["folder"], files["latin1"]
    fails(capsys, ["policy", "validate", str(missing)], f"{missing}: no such file")
    fails(capsys, ["policy", "validate", str(folder)], f"{folder}: is a directory, not a file")
    fails(capsys, ["policy", "validate", str(latin1)], f"{latin1}: not UTF-8 text")


def test_policy_simulate(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, bad = tmp_path / "none.yaml", files["bad_policy"]
    history, bundle = str(files["history"]), str(files["bundle"])

    def simulate(policy: Path, data: str = history, model: str = bundle, *more: str) -> list[str]:
        return [
            "policy",
            "simulate",
            "--policy",
            str(policy),
            "--data",
            data,
            "--model",
            model,
            *more,
        ]

    fails(capsys, simulate(missing), f"--policy: {missing}: no such file")
    fails(capsys, simulate(POLICY, str(missing)), f"--data: {missing}: no such file")
    fails(
        capsys,
        simulate(POLICY, history, str(files["folder"])),
        f"--model: {files['folder']}: is not a model bundle (it has no SHA256SUMS)",
    )
    fails(
        capsys,
        simulate(POLICY, history, bundle, "--current", str(missing)),
        f"--current: {missing}: no such file",
    )
    fails(
        capsys,
        simulate(POLICY, history, bundle, "--plot", str(tmp_path)),
        f"--plot: {tmp_path}: is a directory; give a file name",
    )
    line = next(i for i, t in enumerate(bad.read_text().splitlines(), 1) if "threshold: 6" in t)
    fails(
        capsys,
        simulate(bad),
        f"--policy: {bad}:{line}: flags.ANGRY_CUSTOMER.threshold: must be between 0 and 1, got 6",
    )
    good = files["good"]
    fails(
        capsys,
        simulate(POLICY, str(good)),
        f"{good}: no label column (escalated); columns found: id, subject, body, topic",
    )
    broken = files["broken_history"]
    fails(
        capsys,
        simulate(POLICY, str(broken)),
        f"--data: {broken}: line 2, column escalated: must be true or false",
    )


def test_no_traceback_end_to_end(tmp_path: Path) -> None:
    """The case the issue found: a real process, one line, no traceback."""
    missing = tmp_path / "none.yaml"
    out = subprocess.run(
        [sys.executable, "-m", "triage.cli", "policy", "validate", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == f"triage policy validate: {missing}: no such file\n"
