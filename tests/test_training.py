from __future__ import annotations

import csv
import json
import pickle
from pathlib import Path

import mlflow
import numpy as np
import pytest

from training.dataset import load_dataset, parse_column_map
from training.evaluation import expected_calibration_error
from training.pipeline import train
from triage.bundle import load_bundle
from triage.domain import ESCALATION_HEAD, FIXED_LABELS, HEADS, QUEUE_HEAD
from triage.errors import BundleIntegrityError, DatasetError, ModelNotFound


def test_bundle_layout_and_meta(tiny_model_dir: Path) -> None:
    meta = json.loads((tiny_model_dir / "meta.json").read_text())
    # the corpus records `escalated` and `queue`
    assert set(meta["heads"]) == {*HEADS, ESCALATION_HEAD, QUEUE_HEAD}
    assert meta["heads"][ESCALATION_HEAD] == ["no", "yes"]
    assert {"roc_auc", "ece", "precision", "recall"} <= set(meta["metrics"][ESCALATION_HEAD])
    for head, labels in FIXED_LABELS.items():
        assert set(meta["heads"][head]) <= set(labels)
    assert len(meta["heads"]["topic"]) >= 12
    for key in (
        "version",
        "created_at",
        "libraries",
        "data_fingerprint",
        "mlflow_run_id",
        "metrics",
    ):
        assert meta[key], key
    sums = (tiny_model_dir / "SHA256SUMS").read_text().splitlines()
    listed = {line.split("  ", 1)[1] for line in sums}
    assert listed == {p.name for p in tiny_model_dir.iterdir()} - {"SHA256SUMS"}


def test_round_trip_gives_identical_predictions(tiny_training, tiny_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    tickets = load_dataset(corpus / "test.jsonl").tickets[:40]
    reloaded = load_bundle(tiny_training.bundle_dir, tiny_model.text)
    assert reloaded.predict(tickets) == tiny_model.predict(tickets)


def test_single_and_batch_predictions_are_equal(tiny_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    tickets = load_dataset(corpus / "test.jsonl").tickets[:25]
    batch = tiny_model.predict(tickets)
    assert batch == [tiny_model.predict([t])[0] for t in tickets]


def test_predictions_are_well_formed(tiny_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    for result in tiny_model.predict(load_dataset(corpus / "test.jsonl").tickets[:20]):
        assert result.model_version == tiny_model.version
        assert set(result.predictions) == {*HEADS, QUEUE_HEAD}
        for prediction in result.predictions.values():
            total = prediction.confidence + sum(a.confidence for a in prediction.alternatives)
            assert 0.0 < prediction.confidence <= 1.0 and total <= 1.0 + 1e-6
            assert all(a.confidence <= prediction.confidence for a in prediction.alternatives)
            assert all(e.weight > 0 for e in prediction.evidence)


def test_model_learns_more_than_the_majority_class(tiny_training) -> None:  # type: ignore[no-untyped-def]
    topic = tiny_training.evaluation.heads["topic"]
    majority = max(
        v["support"]
        for k, v in topic.per_class.items()
        if isinstance(v, dict) and k in topic.labels
    )
    assert topic.metrics["accuracy"] > 2 * majority / topic.n


def test_tampered_bundle_is_refused(tiny_model_dir: Path, tmp_path: Path) -> None:
    import shutil

    copy = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle"))
    with (copy / "head_topic.npz").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(BundleIntegrityError, match="head_topic.npz"):
        load_bundle(copy)
    with pytest.raises(ModelNotFound):
        load_bundle(tmp_path / "nowhere")


class _Payload:
    """Unpickling this creates the file `path`: what an attacker's planted file would do."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.path,))


def test_unlisted_featurizer_is_never_read(tiny_model_dir: Path, tmp_path: Path) -> None:
    """Regression (security review): a bundle whose SHA256SUMS left the featuriser out used to
    unpickle it anyway."""
    import shutil

    copy = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle"))
    planted = tmp_path / "payload-ran"
    (copy / "featurizer.npz").write_bytes(pickle.dumps(_Payload(planted)))
    sums = (copy / "SHA256SUMS").read_text().splitlines()
    (copy / "SHA256SUMS").write_text(
        "".join(line + "\n" for line in sums if not line.endswith("featurizer.npz"))
    )
    with pytest.raises(BundleIntegrityError, match="featurizer.npz not listed"):
        load_bundle(copy)
    (copy / "stray.bin").write_bytes(b"x")  # any unlisted file refuses the bundle
    (copy / "featurizer.npz").unlink()
    with pytest.raises(BundleIntegrityError, match="stray.bin not listed"):
        load_bundle(copy)
    (copy / "stray.bin").unlink()
    with pytest.raises(BundleIntegrityError, match="featurizer.npz is not listed"):
        load_bundle(copy)
    assert not planted.exists()


def test_mlflow_run_has_params_metrics_and_artifacts(tiny_training, mlflow_store: str) -> None:  # type: ignore[no-untyped-def]
    client = mlflow.MlflowClient(mlflow_store)
    run = client.get_run(tiny_training.run_id)
    assert run.data.params["builder"] == "tfidf_embed.v1"
    assert run.data.params["builder.encoder"] == "e5-static.v1"
    for head in HEADS:
        for metric in ("accuracy", "macro_f1", "log_loss", "ece"):
            assert f"{head}.{metric}" in run.data.metrics
    evaluation = {a.path for a in client.list_artifacts(run.info.run_id, "evaluation")}
    for head in HEADS:
        assert f"evaluation/confusion_{head}.png" in evaluation
        assert f"evaluation/report_{head}.json" in evaluation
    bundle = {a.path for a in client.list_artifacts(run.info.run_id, "bundle")}
    assert {"bundle/meta.json", "bundle/SHA256SUMS"} <= bundle


def test_mlflow_run_has_escalation_metrics_kind_and_description(  # type: ignore[no-untyped-def]
    tiny_training, corpus: Path, mlflow_store: str
) -> None:
    client = mlflow.MlflowClient(mlflow_store)
    run = client.get_run(tiny_training.run_id)
    escalation = tiny_training.evaluation.heads[ESCALATION_HEAD]
    for metric in ("roc_auc", "precision", "recall", "ece", "accuracy", "rules_roc_auc"):
        assert run.data.metrics[f"escalation.{metric}"] == pytest.approx(escalation.metrics[metric])
    # decided at the shipped policy's threshold
    assert run.data.metrics["escalation.threshold"] == 0.5
    assert 0.5 < run.data.metrics["escalation.roc_auc"] <= 1.0
    experiment = client.get_experiment(run.info.experiment_id)
    assert experiment.tags["mlflow.experimentKind"] == "custom_model_development"
    note = run.data.tags["mlflow.note.content"]
    meta = json.loads((tiny_training.bundle_dir / "meta.json").read_text())
    n_test = len((corpus / "test.jsonl").read_text().splitlines())
    assert note.startswith(
        f"tfidf_embed.v1 trained on train.jsonl (fingerprint "
        f"{meta['data_fingerprint'][:12]}, {meta['n_train']} training rows)"
    )
    assert "evaluated on test.jsonl (fingerprint " in note and f", {n_test} rows." in note
    assert set(note.rsplit("Heads: ", 1)[1].rstrip(".").split(", ")) == set(meta["heads"])


def test_escalation_is_evaluated_like_the_other_heads(tiny_training) -> None:  # type: ignore[no-untyped-def]
    from training.evaluation import format_table

    evaluation = tiny_training.evaluation
    head = evaluation.heads[ESCALATION_HEAD]
    assert head.labels == ("no", "yes") and head.positive == "yes"
    assert head.confusion.sum() == head.n and head.per_language
    # precision and recall at the threshold are those of the `yes` class
    assert head.metrics["precision"] == pytest.approx(head.per_class["yes"]["precision"])
    assert head.metrics["recall"] == pytest.approx(head.per_class["yes"]["recall"])
    meta = json.loads((tiny_training.bundle_dir / "meta.json").read_text())
    assert meta["metrics"][ESCALATION_HEAD]["roc_auc"] == head.metrics["roc_auc"]
    table = format_table(evaluation)
    m = head.metrics
    assert f"\nescalation {head.n:>6} {m['accuracy']:>9.4f}" in table
    assert "escalation: risk >= 0.50 (the policy threshold) escalates" in table
    assert (
        f"head       {m['roc_auc']:>9.4f} {m['precision']:>9.4f} {m['recall']:>9.4f} "
        f"{m['ece']:>7.4f}" in table
    )
    payload = evaluation.to_json()["heads"][ESCALATION_HEAD]
    assert {"roc_auc", "precision", "recall", "ece", "threshold"} <= set(payload)


def test_column_map_csv_and_absent_heads(corpus: Path, tmp_path: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """An export with other column names and only one label column trains just that head."""
    rows = [json.loads(line) for line in (corpus / "train.jsonl").read_text().splitlines()[:400]]
    export = tmp_path / "export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["description", "category"])
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {"description": f"{row['subject']}\n{row['body']}", "category": row["topic"]}
            )
    result = train(
        export,
        tmp_path / "m",
        column_map=parse_column_map("text=description,topic=category"),
        show_progress=False,
        text=text_pipeline,
    )
    model = load_bundle(result.bundle_dir, text_pipeline)
    assert list(model.heads) == ["topic"]
    prediction = model.predict(load_dataset(corpus / "test.jsonl").tickets[:1])[0]
    assert set(prediction.predictions) == {"topic"}


def test_dataset_errors_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hello", "priority": "medium"}\n')
    with pytest.raises(DatasetError, match="priority"):
        load_dataset(bad)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "a"}\n{not json\n')
    with pytest.raises(DatasetError, match="broken.jsonl:2"):
        load_dataset(broken)
    with pytest.raises(DatasetError, match="column-map"):
        parse_column_map("text")


def test_expected_calibration_error() -> None:
    confident_and_right = expected_calibration_error(np.array([0.9, 0.9]), np.array([1.0, 1.0]))
    assert confident_and_right == pytest.approx(0.1)
    assert expected_calibration_error(np.array([0.5, 0.5]), np.array([1.0, 0.0])) == 0.0


# The numpy path of the heads is pinned to scikit-learn in tests/test_conformal.py: v2 heads to a
# refitted LinearSVC, v1 heads to their CalibratedClassifierCV.


def test_progress_lines_on_stderr(corpus: Path, tmp_path: Path, text_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    """Not a terminal: one line per stage start and end (with seconds), every head and the
    later stages named, no bar carriage returns; --no-progress prints nothing."""
    rows = (corpus / "train.jsonl").read_text().splitlines()[:400]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(rows) + "\n")
    train(data, tmp_path / "m", show_progress=True, text=text_pipeline)
    err = capsys.readouterr().err
    assert "\r" not in err
    lines = [line for line in err.splitlines() if line.startswith("[train ")]
    for head in ("topic", "priority", "tier", "sentiment"):
        assert any(f"head {head}: fit and 3-fold calibration" in line for line in lines)
    for stage in ("fitting features", "evaluating on", "writing the bundle", "to MLflow"):
        started = [line for line in lines if stage in line and line.endswith(" ...")]
        ended = [line for line in lines if stage in line and ": done in " in line]
        assert len(started) == 1 and len(ended) == 1, (stage, lines)
    train(data, tmp_path / "quiet", show_progress=False, text=text_pipeline)
    assert "[train " not in capsys.readouterr().err


def test_training_evaluation_equals_a_separate_evaluation(  # type: ignore[no-untyped-def]
    tiny_training, tiny_model, corpus: Path
) -> None:
    """Training predicts the held-out tickets once for the escalation scores and the drift
    reference; both equal what the saved model computes on its own."""
    from training.evaluation import evaluate
    from triage import drift

    test = load_dataset(corpus / "test.jsonl")
    separate = evaluate(tiny_model, test).heads[ESCALATION_HEAD].metrics
    assert tiny_training.evaluation.heads[ESCALATION_HEAD].metrics == pytest.approx(separate)
    meta = json.loads((tiny_training.bundle_dir / "meta.json").read_text())
    assert meta["drift"] == json.loads(
        json.dumps(drift.reference(tiny_model.predict(test.tickets)))
    )
