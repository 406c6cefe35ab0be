"""`triage score`: a registered model scores a table in-process exactly as the bundle predicts
each ticket, a bundle directory and CSV -> Parquet give the same, bad inputs fail in one line,
and Spark (`--spark local[2]`, mlflow.pyfunc.spark_udf) writes the same scores."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.lifecycle.conftest import first_rows, train_and_register
from triage.bundle import load_bundle
from triage.cli import main
from triage.lifecycle import registry
from triage.lifecycle.pyfunc_model import INPUT_COLUMNS
from triage.records import read_rows, row_to_ticket

TRAIN_ROWS = 400
TICKETS = 285  # the session corpus's test.jsonl
TRIAGE = str(Path(sys.executable).with_name("triage"))


@pytest.fixture(scope="module")
def registered(
    corpus: Path, mlflow_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """One model trained and registered for the module, `champion` on it: (name, bundle)."""
    folder = tmp_path_factory.mktemp("score")
    bundle = folder / "model"
    train = first_rows(corpus / "train.jsonl", folder / "train.jsonl", TRAIN_ROWS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", mlflow_server)
        ref = train_and_register(corpus, bundle, "score-test", data=train)
        registry.set_alias(ref.name, "champion", ref.version)
    yield ref.name, bundle


@pytest.fixture(scope="module")
def in_process(
    registered: tuple[str, Path],
    corpus: Path,
    mlflow_server: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> pd.DataFrame:
    """`triage score` of the corpus's test set through the registry, in-process."""
    out = tmp_path_factory.mktemp("scored") / "scores.jsonl"
    name, _ = registered
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", mlflow_server)
        argv = [
            "score",
            "--model",
            f"models:/{name}@champion",
            "--data",
            str(corpus / "test.jsonl"),
        ]
        assert main([*argv, "--out", str(out), "--batch-size", "100"]) == 0
    return pd.read_json(out, lines=True, dtype={"id": str})


def test_in_process_scores_equal_the_bundle_per_ticket(
    registered: tuple[str, Path], in_process: pd.DataFrame, corpus: Path
) -> None:
    _, bundle_dir = registered
    rows = list(read_rows(corpus / "test.jsonl"))
    assert len(rows) == TICKETS
    assert list(in_process["id"]) == [r["id"] for r in rows]  # one row each, input order
    bundle = load_bundle(bundle_dir)
    # What the pyfunc model reads of a row (its signature has no `tags` nor `customer_name`).
    fields = [{k: v for k, v in r.items() if k in INPUT_COLUMNS} for r in rows]
    expected = bundle.predict([row_to_ticket(r, i) for i, r in enumerate(fields)])
    heads = list(bundle.heads)
    assert list(in_process.columns) == [
        "id",
        "language",
        *(c for h in heads for c in (h, f"{h}_confidence")),
        "escalation_risk",
    ]
    for (_, scored), result in zip(in_process.iterrows(), expected, strict=True):
        assert scored["language"] == result.language.code
        for head, prediction in result.predictions.items():
            assert scored[head] == prediction.label
            assert scored[f"{head}_confidence"] == pytest.approx(prediction.confidence, abs=1e-9)
        assert 0.0 <= scored["escalation_risk"] <= 1.0


def test_a_bundle_dir_scores_csv_without_ids_into_parquet(
    registered: tuple[str, Path], in_process: pd.DataFrame, corpus: Path, tmp_path: Path
) -> None:
    _, bundle_dir = registered
    rows = list(read_rows(corpus / "test.jsonl"))
    export = tmp_path / "export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        # Every input column as text, `body` under another name, no `id`.
        columns = [
            "description",
            *(c for c in INPUT_COLUMNS if c in rows[0] and c not in ("id", "body")),
        ]
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "description": r["body"]})
    out = tmp_path / "scores.parquet"
    argv = ["score", "--model", str(bundle_dir), "--data", str(export), "--out", str(out)]
    assert main([*argv, "--column-map", "body=description", "--no-progress"]) == 0

    scored = pd.read_parquet(out)
    assert list(scored["row"]) == list(range(TICKETS))  # no id column: positions, in order
    pd.testing.assert_frame_equal(
        scored.drop(columns="row"), in_process.drop(columns="id"), check_exact=False, atol=1e-9
    )


def fails(capsys: pytest.CaptureFixture[str], argv: list[str], problem: str) -> None:
    assert main(["score", *argv]) == 2
    out, err = capsys.readouterr()
    assert err == f"triage score: {problem}\n"
    assert "Traceback" not in out + err


def test_bad_inputs_fail_in_one_line(
    capsys: pytest.CaptureFixture[str],
    registered: tuple[str, Path],
    corpus: Path,
    tmp_path: Path,
    registry: str,
) -> None:
    name, bundle = registered
    data, out = str(corpus / "test.jsonl"), str(tmp_path / "out.jsonl")
    model = f"models:/{name}@champion"
    missing = tmp_path / "missing.jsonl"
    fails(
        capsys,
        ["--model", model, "--data", str(missing), "--out", out],
        f"--data: {missing}: no such file",
    )
    fails(
        capsys,
        ["--model", model, "--data", "tickets.xlsx", "--out", out],
        "--data: tickets.xlsx: unsupported format '.xlsx' (use .jsonl, .ndjson, .csv)",
    )
    fails(
        capsys,
        ["--model", model, "--data", data, "--out", "scores.txt"],
        "--out: scores.txt: unsupported format '.txt' (use .jsonl, .csv, .parquet)",
    )
    fails(
        capsys,
        ["--model", model, "--data", data, "--out", out, "--batch-size", "0"],
        "--batch-size: must be at least 1, got 0",
    )
    fails(
        capsys,
        ["--model", f"models:/{name}", "--data", data, "--out", out],
        f"'models:/{name}' is not a model URI: use models:/NAME/VERSION or models:/NAME@ALIAS",
    )
    fails(
        capsys,
        ["--model", "models:/no-such-model@champion", "--data", data, "--out", out],
        f"models:/no-such-model@champion: not in the model registry at {registry}",
    )
    notext = tmp_path / "notext.jsonl"
    notext.write_text('{"id": "1", "comment": "x"}\n')
    fails(
        capsys,
        ["--model", model, "--data", str(notext), "--out", out],
        f"{notext}: no text column (text, or subject and body); columns found: id, comment",
    )
    fails(
        capsys,
        ["--model", str(bundle), "--data", data, "--out", "scores.parquet", "--spark", "local[2]"],
        f"--model: {bundle}: --spark scores a registered model (models:/NAME@ALIAS or "
        "models:/NAME/VERSION)",
    )
    fails(
        capsys,
        ["--model", model, "--data", data, "--out", "scores.parquet", "--spark", "local[two]"],
        "--spark: 'local[two]' is not a Spark master (local[2], local[*], spark://HOST:7077, "
        "yarn, k8s://https://HOST:443)",
    )
    fails(
        capsys,
        ["--model", model, "--data", data, "--out", data, "--spark", "local[2]"],
        f"--out: {data}: exists and is not an earlier Spark output (Spark writes a directory "
        "of part files at OUT); choose a new path",
    )
    assert not Path(out).exists()


def test_spark_without_java_names_what_to_install(corpus: Path, tmp_path: Path) -> None:
    venv_only = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no `java` there
    done = subprocess.run(
        [TRIAGE, "score", "--model", "models:/x@champion", "--data", str(corpus / "test.jsonl")]
        + ["--out", str(tmp_path / "o.parquet"), "--spark", "local[2]"],
        capture_output=True,
        text=True,
        env=venv_only,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "triage score: --spark: no Java runtime (`java` is not on PATH); Spark 4 needs Java 17 "
        "or newer (e.g. apt-get install openjdk-17-jre-headless)\n"
    )


@pytest.mark.skipif(
    shutil.which("java") is None, reason="Spark needs a Java runtime (17+): none on PATH"
)
def test_spark_scores_equal_in_process(
    registered: tuple[str, Path],
    in_process: pd.DataFrame,
    corpus: Path,
    tmp_path: Path,
    registry: str,
) -> None:
    name, _ = registered
    out = tmp_path / "scores.parquet"
    started = time.perf_counter()
    done = subprocess.run(
        [TRIAGE, "score", "--model", f"models:/{name}@champion", "--data"]
        + [str(corpus / "test.jsonl"), "--out", str(out), "--spark", "local[2]"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith(f"scored {TICKETS} rows with {name} @champion = version 1 on")
    print(f"spark local[2]: {TICKETS} tickets in {seconds:.1f} s")

    assert (out / "_SUCCESS").is_file()  # a directory of part files, as Spark writes
    spark = pd.read_parquet(out).set_index("id").loc[in_process["id"]]
    expected = in_process.set_index("id")
    assert list(spark.columns) == list(expected.columns)
    for column in expected.columns:
        if column.endswith("_confidence") or column == "escalation_risk":
            assert (spark[column] - expected[column]).abs().max() <= 1e-9, column
        else:
            assert list(spark[column]) == list(expected[column]), column
