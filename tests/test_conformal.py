"""Conformal label sets: the threshold maths on hand-made numbers, tfidf_linear.v2's heads
(numpy path, temperature, scores) and v3's (the same, solved more loosely), measured coverage
on held-out data, settings, v1 bundles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from sklearn.model_selection import cross_val_predict
from sklearn.svm import LinearSVC

from training.builders import (
    TfidfLinearV2,
    TfidfLinearV3,
    calibration_splits,
    fit_temperature,
    temperature_nll,
    two_columns,
)
from training.dataset import load_dataset
from training.evaluation import CONFORMAL_LEVELS, format_table
from training.pipeline import train
from triage.bundle import load_bundle
from triage.domain import DEFAULT_COVERAGE, HEADS, LabelScore, Prediction, Ticket
from triage.escalation.engine import Signals, decide
from triage.escalation.flags import TextMatches
from triage.escalation.policy import candidate_policy
from triage.heads import Head, conformal_threshold, softmax
from triage.settings import PROJECT_ROOT, Settings

SLACK = 0.05
"""How far below the nominal 90 % the measured coverage of a tiny model may fall."""


def test_threshold_uses_the_finite_sample_correction() -> None:
    scores = np.arange(1, 10, dtype=np.float32) / 10  # n = 9: 0.1 ... 0.9
    assert conformal_threshold(scores, 0.8) == pytest.approx(0.8)  # k = ceil(10 * 0.8) = 8
    assert conformal_threshold(scores, 0.9) == pytest.approx(0.9)  # k = 9 exactly, no float noise
    # Plain np.quantile(scores, 0.85) would be 0.78; the corrected rank is ceil(8.5) = 9.
    assert conformal_threshold(scores, 0.85) == pytest.approx(0.9)
    assert conformal_threshold(scores, 0.95) == 1.0  # k = ceil(9.5) = 10 > n: every label
    assert conformal_threshold(np.zeros(0, dtype=np.float32), 0.5) == 1.0
    for bad in (0.0, 1.0, -0.1, 1.5):
        with pytest.raises(ValueError, match="coverage"):
            conformal_threshold(scores, bad)


def _hand_head(scores: np.ndarray | None, coverage: float = 0.9) -> Head:
    """Three labels, one feature each, beta 1: probabilities are softmax of the feature values."""
    return Head("h", np.eye(3), np.zeros(3), 1.0, ("a", "b", "c"), scores, coverage)


def _predict(head: Head, rows: list[list[float]]) -> list[Prediction]:
    import scipy.sparse as sp

    names = np.array(["w:a", "w:b", "w:c"])
    return head.predictions(sp.csr_matrix(np.array(rows)), names, np.ones(3, dtype=bool))


def test_label_sets_by_hand() -> None:
    logits = [np.log(0.6), np.log(0.3), np.log(0.1)]  # p = 0.6, 0.3, 0.1 for a, b, c
    # qhat = 0.75 keeps labels with p >= 0.25: a and b, most probable first.
    head = _hand_head(np.array([0.1, 0.2, 0.5, 0.75]), coverage=0.75)  # k = ceil(5 * .75) = 4
    assert head.threshold() == pytest.approx(0.75)
    (prediction,) = _predict(head, [logits])
    assert prediction.label == "a" and prediction.confidence == pytest.approx(0.6)
    assert prediction.label_set == ("a", "b")
    # The order follows the probabilities, not the label order.
    assert _predict(head, [logits[::-1]])[0].label_set == ("c", "b")
    # A tiny qhat would keep nothing: the set is never empty, the top label stays.
    tight = _hand_head(np.full(50, 0.01, dtype=np.float32), coverage=0.5)
    assert _predict(tight, [logits])[0].label_set == ("a",)
    # Too few scores for the coverage: every label.
    assert _predict(_hand_head(np.array([0.1]), 0.9), [logits])[0].label_set == ("a", "b", "c")
    # No scores (a v1 head): empty sets.
    assert _predict(_hand_head(None), [logits])[0].label_set == ()
    # A larger coverage never gives a smaller set.
    wide = _hand_head(np.linspace(0, 1, 101), 0.95)
    assert set(_predict(wide, [logits])[0].label_set) >= {"a", "b"}


@pytest.fixture(scope="module")
def features_and_labels(tiny_model, corpus: Path):  # type: ignore[no-untyped-def]
    data = load_dataset(corpus / "train.jsonl", {"group": "phrasing_id"})
    n = 600
    features = tiny_model.featurizer.transform(tiny_model.inputs(data.tickets[:n]))
    labels = {head: np.asarray(data.labels[head][:n]) for head in ("priority", "tier")}
    labels["binary"] = np.where(labels["tier"] == "L1", "L1", "L2+")
    return features, labels, np.asarray(data.groups())[:n]


@pytest.mark.parametrize("head_name", ["priority", "binary"])
def test_v2_head_is_a_temperature_scaled_svm(features_and_labels, head_name: str) -> None:  # type: ignore[no-untyped-def]
    features, labels, groups = features_and_labels
    y_text = labels[head_name]
    builder = TfidfLinearV2()
    head = builder.fit_head(head_name, features, y_text, 13, groups)
    assert head.labels == tuple(sorted(set(y_text)))
    # The numpy path equals softmax(beta * margins) of an SVM refitted the same way.
    svm = LinearSVC(C=builder.C, random_state=13).fit(features, y_text)
    margins = two_columns(svm.decision_function(features))
    np.testing.assert_allclose(
        head.predict_proba(features), softmax(head.beta * margins), atol=1e-9
    )
    # The temperature is fitted on out-of-fold margins and beats beta = 1 there.
    splits = calibration_splits(features, y_text, 13, groups, builder.calibration_folds)
    oof = two_columns(
        cross_val_predict(
            LinearSVC(C=builder.C, random_state=13),
            features,
            y_text,
            cv=splits,
            method="decision_function",
        )
    )
    y = np.searchsorted(head.labels, y_text)
    assert head.beta == pytest.approx(fit_temperature(oof, y))
    assert temperature_nll(head.beta, oof, y) < temperature_nll(1.0, oof, y)
    # Scores: 1 - calibrated out-of-fold probability of the true label, sorted, float32.
    expected = np.sort(1.0 - softmax(head.beta * oof)[np.arange(y.size), y])
    assert head.conformal_scores.dtype == np.float32
    np.testing.assert_allclose(head.conformal_scores, expected, atol=1e-6)


def test_v3_head_is_v2_with_liblinears_default_tolerance(features_and_labels) -> None:  # type: ignore[no-untyped-def]
    features, labels, groups = features_and_labels
    y_text = labels["priority"]
    builder = TfidfLinearV3()
    head = builder.fit_head("priority", features, y_text, 13, groups)
    svm = LinearSVC(C=builder.C, tol=0.1, random_state=13).fit(features, y_text)
    margins = two_columns(svm.decision_function(features))
    np.testing.assert_allclose(
        head.predict_proba(features), softmax(head.beta * margins), atol=1e-9
    )
    exact = TfidfLinearV2().fit_head("priority", features, y_text, 13, groups)
    assert not np.array_equal(head.coef, exact.coef)  # a looser solve: close, not the same
    np.testing.assert_allclose(head.coef, exact.coef, atol=0.05)


def test_missing_label_in_a_fold_gets_a_finite_margin() -> None:
    lowest = np.finfo(np.float64).min
    margins = two_columns(np.array([[1.0, lowest, -2.0], [0.5, 0.1, 0.2]]))
    np.testing.assert_array_equal(margins, [[1.0, -2.0, -2.0], [0.5, 0.1, 0.2]])
    np.testing.assert_array_equal(two_columns(np.array([0.5, -1.0])), [[-0.5, 0.5], [1.0, -1.0]])


def test_measured_coverage_on_held_out_phrasings(tiny_training) -> None:  # type: ignore[no-untyped-def]
    table = format_table(tiny_training.evaluation)
    assert "conformal label sets" in table
    for name in HEADS:
        metrics = tiny_training.evaluation.heads[name].metrics
        for key in CONFORMAL_LEVELS:
            assert {f"conformal_coverage_{key}", f"conformal_set_size_{key}"} <= set(metrics)
        labels = len(tiny_training.evaluation.heads[name].labels)
        assert metrics["conformal_coverage_90"] >= 0.9 - SLACK, name
        assert metrics["conformal_coverage_95"] >= metrics["conformal_coverage_90"]
        assert 1.0 <= metrics["conformal_set_size_90"] <= metrics["conformal_set_size_95"]
        assert metrics["conformal_set_size_95"] <= labels


def test_served_sets_follow_the_configured_coverage(
    tiny_model_dir: Path, tiny_model, corpus: Path
) -> None:  # type: ignore[no-untyped-def]
    tickets = load_dataset(corpus / "test.jsonl").tickets[:30]
    narrow = load_bundle(tiny_model_dir, tiny_model.text, coverage=0.5).predict(tickets)
    wide = load_bundle(tiny_model_dir, tiny_model.text, coverage=0.99).predict(tickets)
    for small, large in zip(narrow, wide, strict=True):
        for name, prediction in small.predictions.items():
            assert prediction.label_set and prediction.label_set[0] == prediction.label
            assert set(prediction.label_set) <= set(large.predictions[name].label_set)
    with pytest.raises(ValueError, match="coverage"):
        load_bundle(tiny_model_dir, tiny_model.text, coverage=1.0)


def test_v1_bundle_still_loads_and_predicts_without_sets(
    corpus: Path, tmp_path: Path, text_pipeline
) -> None:  # type: ignore[no-untyped-def]
    import json

    rows = (corpus / "train.jsonl").read_text().splitlines()[:500]
    small = tmp_path / "small.jsonl"
    small.write_text(
        "\n".join(json.dumps({**json.loads(r), "escalated": None}) for r in rows) + "\n"
    )
    result = train(
        small,
        tmp_path / "v1",
        builder_name="tfidf_linear.v1",
        column_map={"group": "phrasing_id"},
        show_progress=False,
        text=text_pipeline,
    )
    assert "conformal_coverage_90" not in result.evaluation.heads["topic"].metrics
    model = load_bundle(result.bundle_dir, text_pipeline, coverage=0.8)
    assert json.loads((result.bundle_dir / "meta.json").read_text())["builder"] == "tfidf_linear.v1"
    tickets = load_dataset(corpus / "test.jsonl").tickets[:20]
    results = model.predict(tickets)
    assert all(r.novelty is None for r in results)  # no encoder, no novelty judgement
    for prediction in (p for r in results for p in r.predictions.values()):
        assert prediction.label and prediction.label_set == ()
    # The numpy path of a v1 head is pinned to its CalibratedClassifierCV (kept by the model as
    # trained, not stored in the bundle), and the stored head computes the same.
    assert result.model is not None
    features = model.featurizer.transform(model.inputs(tickets))
    for name, head in result.model.heads.items():
        assert head.classifier is not None
        np.testing.assert_array_equal(
            model.heads[name].predict_proba(features), head.predict_proba(features)
        )
        np.testing.assert_allclose(
            head.predict_proba(features), head.classifier.predict_proba(features), atol=1e-9
        )


def test_a_consistency_rule_keeps_the_set_with_the_imposed_label_first() -> None:
    policy = candidate_policy((PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8"))
    signals = Signals(Ticket(body="x"), TextMatches({}), 0.1)
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def tier(label_set: tuple[str, ...]) -> Prediction:
        preds = {
            "priority": Prediction("urgent", 0.7, (LabelScore("high", 0.3),)),
            "tier": Prediction(
                "L1", 0.5, (LabelScore("L2", 0.3), LabelScore("L3", 0.2)), label_set=label_set
            ),
        }
        _, out = decide(signals, policy, now, preds)
        assert out["tier"].label == "L2"  # urgent-needs-l2
        return out["tier"]

    assert tier(("L1", "L2")).label_set == ("L2", "L1")
    assert tier(("L1",)).label_set == ("L2", "L1")
    assert tier(()).label_set == ()


def test_coverage_setting() -> None:
    assert Settings().conformal_coverage == DEFAULT_COVERAGE
    assert Settings.from_env({"TRIAGE_CONFORMAL_COVERAGE": "0.95"}).conformal_coverage == 0.95
    for bad in ("0", "1", "1.5"):
        with pytest.raises(ValueError, match="TRIAGE_CONFORMAL_COVERAGE"):
            Settings.from_env({"TRIAGE_CONFORMAL_COVERAGE": bad})
    with pytest.raises(ValueError, match="TRIAGE_CONFORMAL_COVERAGE"):
        Settings.from_env({"TRIAGE_CONFORMAL_COVERAGE": "lots"})
