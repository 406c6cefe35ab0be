"""`triage evaluate --report DIR`: the report module on hand-made evaluations (numbers checked by
hand, labels that need escaping), then the command end to end with its MLflow run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import classification_report, confusion_matrix

from training.evaluation import Evaluation, HeadEvaluation, expected_calibration_error
from training.report import reliability_bins, write_report

TRIAGE = [sys.executable, "-m", "triage.cli"]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC, path
    assert len(data) > 2000, path


def hand_made_head(
    name: str,
    labels: tuple[str, ...],
    true: list[str],
    predicted: list[str],
    confidence: list[float],
) -> HeadEvaluation:
    conf = np.array(confidence)
    correct = np.array([t == p for t, p in zip(true, predicted, strict=True)])
    return HeadEvaluation(
        name=name,
        labels=labels,
        metrics={
            "accuracy": float(correct.mean()),
            "macro_f1": 0.5,
            "log_loss": float("nan"),
            "ece": expected_calibration_error(conf, correct),
            "majority_accuracy": 0.5,
        },
        per_class=classification_report(true, predicted, output_dict=True, zero_division=0),
        per_language={"en": {"n": len(true), "accuracy": float(correct.mean()), "macro_f1": 0.5}},
        confusion=confusion_matrix(true, predicted, labels=list(labels)),
        n=len(true),
        confidence=conf,
        correct=correct,
    )


# Six tickets in three of the fifteen bins (width 1/15), none on an edge:
#   bin 14 [0.933, 1]:     0.95 right, 0.97 wrong     -> n 2, accuracy 0.5,    confidence 0.96
#   bin 12 [0.800, 0.867]: 0.85 right                 -> n 1, accuracy 1.0,    confidence 0.85
#   bin  8 [0.533, 0.600]: 0.55, 0.56 right, 0.57 wrong -> n 3, accuracy 2/3,  confidence 0.56
# ECE = (2 * 0.46 + 1 * 0.15 + 3 * |2/3 - 0.56|) / 6 = 0.231667
TRUE = ["a<b", "a<b", "x&y", "plain", "plain", "x&y"]
PREDICTED = ["a<b", "plain", "x&y", "plain", "plain", "a<b"]
CONFIDENCE = [0.95, 0.97, 0.85, 0.55, 0.56, 0.57]
HAND_ECE = (2 * 0.46 + 1 * 0.15 + 3 * abs(2 / 3 - 0.56)) / 6


@pytest.fixture
def hand_made() -> Evaluation:
    head = hand_made_head("topic", ("a<b", "plain", "x&y"), TRUE, PREDICTED, CONFIDENCE)
    return Evaluation(heads={"topic": head}, language_id={"en": 1.0, "overall": 1.0}, n=6)


def test_reliability_bins_match_a_hand_computation(hand_made: Evaluation) -> None:
    head = hand_made.heads["topic"]
    bins = reliability_bins(head.confidence, head.correct)
    assert len(bins) == 15
    filled = {i: b for i, b in enumerate(bins) if b.count}
    assert sorted(filled) == [8, 12, 14]
    assert (filled[14].count, filled[14].accuracy, filled[14].confidence) == (2, 0.5, 0.96)
    assert (filled[12].count, filled[12].accuracy) == (1, 1.0)
    assert filled[8].count == 3 and filled[8].accuracy == pytest.approx(2 / 3)
    assert filled[8].confidence == pytest.approx(0.56)
    assert head.metrics["ece"] == pytest.approx(HAND_ECE)
    # a confidence on an edge belongs to the lower bin, as in expected_calibration_error
    assert reliability_bins(np.array([0.2]), np.array([True]))[2].count == 1


def test_report_shows_the_hand_computed_numbers(hand_made: Evaluation, tmp_path: Path) -> None:
    report = write_report(hand_made, tmp_path / "r", about={"model": "m 1"})
    md = report.markdown.read_text()
    page = report.html.read_text()
    assert f"| ECE (15 bins) | {HAND_ECE:.4f} |" in md
    assert "| 0.933-1.000 | 2 | 0.5000 | 0.9600 | 0.4600 |" in md
    assert "| 0.800-0.867 | 1 | 1.0000 | 0.8500 | 0.1500 |" in md
    assert "| 0.533-0.600 | 3 | 0.6667 | 0.5600 | 0.1067 |" in md
    assert "<td>0.933-1.000</td><td>2</td><td>0.5000</td><td>0.9600</td>" in page
    assert "| log loss | n/a |" in md
    assert "| en | 6 | 0.6667 | 0.5000 |" in md
    assert "No conformal calibration in this model." in md and "conformal" not in " ".join(
        p.name for p in report.images
    )
    assert sorted(p.name for p in report.images) == ["confusion_topic.png", "reliability_topic.png"]
    for image in report.images:
        assert_png(image)
        assert f"]({image.name})" in md and f'src="{image.name}"' in page


def test_labels_are_escaped(hand_made: Evaluation, tmp_path: Path) -> None:
    report = write_report(hand_made, tmp_path / "r", title="Report <&>")
    page = report.html.read_text()
    assert "<td>a&lt;b</td>" in page and "<td>x&amp;y</td>" in page
    assert "a<b" not in page and "x&y" not in page
    assert "<title>Report &lt;&amp;&gt;</title>" in page
    md = report.markdown.read_text()
    assert "| a&lt;b |" in md and "| x&amp;y |" in md and "a<b" not in md


def test_conformal_table_and_figure(hand_made: Evaluation, tmp_path: Path) -> None:
    head = hand_made.heads["topic"]
    head.metrics.update(
        {
            "conformal_coverage_95": 0.947,
            "conformal_set_size_95": 2.31,
            "conformal_coverage_90": 0.912,
            "conformal_set_size_90": 1.52,
        }
    )
    report = write_report(hand_made, tmp_path / "r")
    md = report.markdown.read_text()
    assert "| target coverage | measured coverage | mean set size |" in md
    assert md.index("| 0.90 | 0.9120 | 1.52 |") < md.index("| 0.95 | 0.9470 | 2.31 |")
    assert "No conformal calibration" not in md
    assert_png(report.folder / "coverage_topic.png")
    assert 'src="coverage_topic.png"' in report.html.read_text()


def test_evaluate_report_end_to_end(tiny_model_dir: Path, corpus: Path, tmp_path: Path) -> None:
    from mlflow import MlflowClient

    uri = f"sqlite:///{tmp_path / 'mlruns.db'}"
    out_dir = tmp_path / "r"
    data = corpus / "test.jsonl"
    args = ["evaluate", "--model", str(tiny_model_dir), "--data", str(data)]
    done = subprocess.run(
        [*TRIAGE, *args, "--json", "--report", str(out_dir)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MLFLOW_TRACKING_URI": uri},
    )
    assert done.returncode == 0, done.stderr
    evaluation = json.loads(done.stdout)  # the report's note went to stderr
    assert "report written to" in done.stderr

    md = (out_dir / "report.md").read_text()
    page = (out_dir / "report.html").read_text()
    version = evaluation["model_version"]
    title = f"Evaluation of model {tiny_model_dir.name} {version} on test.jsonl"
    assert md.startswith(f"# {title}\n") and f"<title>{title}</title>" in page
    assert "Evaluation of evaluate" not in md
    escalation = evaluation["heads"]["escalation"]  # the escalation head, like the others
    assert escalation["labels"] == ["no", "yes"] and escalation["threshold"] == 0.5
    assert 0.5 < escalation["roc_auc"] <= 1.0
    assert f"| ROC-AUC | {escalation['roc_auc']:.4f} |" in md
    assert f"| precision at the threshold | {escalation['precision']:.4f} |" in md
    assert f"| recall at the threshold | {escalation['recall']:.4f} |" in md
    assert f"| ECE (15 bins) | {escalation['ece']:.4f} |" in md
    assert "| P(yes) bin | tickets | share yes | mean P | gap |" in md
    assert evaluation["heads"]
    for head, result in evaluation["heads"].items():
        assert f"# Head: {head}" in md and f"<h2>Head: {head}</h2>" in page
        for label in result["labels"]:
            assert f"| {label} |" in md
        for figure in (f"confusion_{head}.png", f"reliability_{head}.png"):
            assert_png(out_dir / figure)
            assert f"]({figure})" in md and f'src="{figure}"' in page
        if "conformal_coverage_90" in result:
            assert_png(out_dir / f"coverage_{head}.png")
        else:
            assert "No conformal calibration in this model." in md
    assert "## Language identification" in md

    client = MlflowClient(tracking_uri=uri)
    experiment = client.get_experiment_by_name("triage-evaluate")
    assert experiment is not None
    (run,) = client.search_runs([experiment.experiment_id])
    assert run.data.tags["triage.model_dir"] == str(tiny_model_dir.resolve())
    assert run.data.tags["triage.data"] == str(data.resolve())
    assert run.data.tags["triage.model_version"] == evaluation["model_version"]
    assert run.info.run_id in md
    for head, result in evaluation["heads"].items():
        assert run.data.metrics[f"{head}.accuracy"] == pytest.approx(result["accuracy"])
    for metric in ("roc_auc", "precision", "recall", "ece"):
        assert run.data.metrics[f"escalation.{metric}"] == pytest.approx(escalation[metric])
    assert experiment.tags["mlflow.experimentKind"] == "custom_model_development"
    assert run.data.tags["mlflow.note.content"] == (
        f"Model {tiny_model_dir.name} {version} evaluated on test.jsonl: {evaluation['n']} "
        f"tickets, heads {', '.join(evaluation['heads'])}."
    )
    logged = {Path(a.path).name for a in client.list_artifacts(run.info.run_id, "report")}
    assert {p.name for p in out_dir.iterdir()} <= logged
    assert {"report.md", "report.html"} <= logged


@pytest.mark.parametrize(
    ("value", "expected"), [(0.0, "black"), (0.3, "black"), (0.8, "white"), (1.0, "white")]
)
def test_confusion_counts_contrast_with_their_cell(value: float, expected: str) -> None:
    import matplotlib

    from training.evaluation import text_colour

    assert text_colour(matplotlib.colormaps["Blues"](value)) == expected
    assert text_colour((0.0, 0.0, 0.0)) == "white" and text_colour((1.0, 1.0, 1.0)) == "black"


def test_an_experiment_made_before_the_kind_tag_gets_it(mlflow_store: str) -> None:
    from mlflow import MlflowClient

    from training import tracking

    client = MlflowClient(tracking_uri=mlflow_store)
    old = client.create_experiment("made-before-the-kind-tag")
    assert "mlflow.experimentKind" not in client.get_experiment(old).tags
    with tracking.start_run("made-before-the-kind-tag", run_name="r") as run:
        tracking.describe_run("what was trained on what")
    kind = client.get_experiment(old).tags["mlflow.experimentKind"]
    assert kind == "custom_model_development"
    note = client.get_run(run.info.run_id).data.tags["mlflow.note.content"]
    assert note == "what was trained on what"
