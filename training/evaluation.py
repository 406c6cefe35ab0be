"""Held-out evaluation of a model: per-head accuracy, macro-F1, log loss and expected calibration
error, per-class reports, per-language breakdowns, language-ID accuracy, confusion matrices."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score

from training.dataset import Dataset
from triage.domain import ESCALATION_HEAD, TriageResult
from triage.features import TicketInput
from triage.heads import Head, in_label_set
from triage.model import TriageModel
from triage.settings import Settings

ECE_BINS = 15
ESCALATED_COLUMN = "escalated"
"""The dataset column with the recorded escalation outcome the escalation head is judged on."""
CONFORMAL_LEVELS = {"90": 0.90, "95": 0.95}
"""Coverages the conformal label sets are measured at: metrics `conformal_coverage_<key>` (share of
held-out rows whose true label is in the set) and `conformal_set_size_<key>` (mean set size)."""


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, bins: int = ECE_BINS
) -> float:
    """Top-label ECE: |accuracy - mean confidence| per equal-width confidence bin, weighted by
    the bin's share of predictions."""
    if confidence.size == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return float(total)


def conformal_metrics(
    head: Head, probabilities: np.ndarray, true_index: np.ndarray
) -> dict[str, float]:
    """Measured coverage and mean set size of `head`'s label sets at each CONFORMAL_LEVELS
    coverage; `true_index` is -1 for a label the head does not know (never covered). Empty for
    a head without conformal scores."""
    if not head.conformal or not len(true_index):
        return {}
    rows = np.arange(len(true_index))
    out: dict[str, float] = {}
    for key, coverage in CONFORMAL_LEVELS.items():
        included = in_label_set(probabilities, head.threshold(coverage))
        covered = (true_index >= 0) & included[rows, np.maximum(true_index, 0)]
        out[f"conformal_coverage_{key}"] = float(covered.mean())
        out[f"conformal_set_size_{key}"] = float(included.sum(axis=1).mean())
    return out


def multiclass_log_loss(probabilities: np.ndarray, true_index: np.ndarray) -> float:
    eps = 1e-12
    picked = probabilities[np.arange(len(true_index)), true_index]
    return float(-np.mean(np.log(np.clip(picked, eps, 1.0))))


@dataclass
class HeadEvaluation:
    name: str
    labels: tuple[str, ...]
    metrics: dict[str, float]
    per_class: dict[str, Any]
    per_language: dict[str, dict[str, float]]
    confusion: np.ndarray
    n: int
    unknown_labels: dict[str, int] = field(default_factory=dict)
    """Held-out labels the head was never trained on (counted wrong in accuracy/F1)."""
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Per held-out row: the top label's probability (for reliability diagrams)."""
    correct: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    """Per held-out row: whether the top label was right."""
    positive: str = ""
    """Set for a yes/no risk head (escalation): then `confidence` is P(`positive`) and `correct`
    whether the row is `positive`, so ECE and the reliability diagram judge the risk itself."""


@dataclass
class Evaluation:
    heads: dict[str, HeadEvaluation]
    language_id: dict[str, float]
    n: int

    def metrics(self) -> dict[str, dict[str, float]]:
        return {name: head.metrics for name, head in self.heads.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "language_id": self.language_id,
            "heads": {
                name: {
                    "n": head.n,
                    "labels": list(head.labels),
                    **head.metrics,
                    "per_language": head.per_language,
                    "per_class": head.per_class,
                    "unknown_labels": head.unknown_labels,
                }
                for name, head in self.heads.items()
            },
        }


def _scores(true: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    return {
        "accuracy": float(accuracy_score(true, predicted)),
        "macro_f1": float(f1_score(true, predicted, average="macro", zero_division=0)),
    }


def evaluate(
    model: TriageModel,
    data: Dataset,
    inputs: list[TicketInput] | None = None,
    *,
    escalation_threshold: float | None = None,
    features: sp.csr_matrix | None = None,
    predictions: Sequence[TriageResult] | None = None,
) -> Evaluation:
    """Score every head of `model` that `data` has labels for (the escalation head on the
    `escalated` column, deciding at `escalation_threshold`: by default the shipped policy's).
    `inputs` may carry the already processed text of `data`, `features` their feature matrix
    and `predictions` the model's results for them (training computes each once)."""
    inputs = inputs if inputs is not None else model.inputs(data.tickets)
    features = features if features is not None else model.features(inputs)
    judged = model.novelty(inputs)  # scored with the tempered confidences the server answers
    temper = None if judged is None else judged[1]
    detected = [item.text.language.code for item in inputs]
    true_language = data.labels.get("language")
    languages = (
        [t or d for t, d in zip(true_language, detected, strict=True)]
        if true_language
        else detected
    )
    heads: dict[str, HeadEvaluation] = {}
    for name, head in model.heads.items():
        gold = data.labels.get(name)
        if gold is None:
            continue
        rows = np.array([i for i, label in enumerate(gold) if label is not None], dtype=int)
        if rows.size == 0:
            continue
        probs = head.predict_proba(features[rows], None if temper is None else temper[rows])
        labels = head.labels
        index = {label: i for i, label in enumerate(labels)}
        true = [str(gold[i]) for i in rows]
        predicted = [labels[i] for i in probs.argmax(axis=1)]
        known = np.array([t in index for t in true])
        confidence = probs.max(axis=1)
        correct = np.array([t == p for t, p in zip(true, predicted, strict=True)])
        metrics = {
            "log_loss": (
                multiclass_log_loss(
                    probs[known],
                    np.array([index[t] for t, k in zip(true, known, strict=True) if k]),
                )
                if known.any()
                else float("nan")
            ),
            "ece": expected_calibration_error(confidence, correct),
            **conformal_metrics(head, probs, np.array([index.get(t, -1) for t in true], dtype=int)),
        }
        heads[name] = _head_evaluation(
            name, labels, rows, true, predicted, languages, metrics, confidence, correct
        )
    escalation = _escalation(
        model, data, inputs, features, predictions, languages, escalation_threshold
    )
    if escalation is not None:
        heads[escalation.name] = escalation
    return Evaluation(heads, _language_id_accuracy(true_language, detected), len(inputs))


def _head_evaluation(
    name: str,
    labels: tuple[str, ...],
    rows: np.ndarray,
    true: list[str],
    predicted: list[str],
    languages: list[str],
    metrics: dict[str, float],
    confidence: np.ndarray,
    correct: np.ndarray,
    positive: str = "",
) -> HeadEvaluation:
    """What every head reports: accuracy and macro-F1 first, then `metrics`, the majority
    baseline, per-language scores, the per-class report and the confusion matrix."""
    index = set(labels)
    by_language: dict[str, list[int]] = defaultdict(list)
    for position, row in enumerate(rows):
        by_language[languages[row]].append(position)
    unknown: dict[str, int] = defaultdict(int)
    for t in true:
        if t not in index:
            unknown[t] += 1
    return HeadEvaluation(
        name=name,
        labels=labels,
        metrics={
            **_scores(true, predicted),
            **metrics,
            # The best any constant answer could score here: the floor a model must clear.
            "majority_accuracy": max(true.count(label) for label in set(true)) / len(true),
        },
        per_class=classification_report(true, predicted, output_dict=True, zero_division=0),
        per_language={
            lang: {
                "n": len(positions),
                **_scores([true[p] for p in positions], [predicted[p] for p in positions]),
            }
            for lang, positions in sorted(by_language.items())
        },
        confusion=confusion_matrix(true, predicted, labels=list(labels)),
        n=int(rows.size),
        unknown_labels=dict(unknown),
        confidence=confidence,
        correct=correct,
        positive=positive,
    )


def _escalation(
    model: TriageModel,
    data: Dataset,
    inputs: list[TicketInput],
    features: Any,
    predictions: Sequence[TriageResult] | None,
    languages: list[str],
    threshold: float | None,
) -> HeadEvaluation | None:
    """The escalation head judged like the others (yes/no at the policy threshold) plus its
    ROC-AUC, precision/recall at the threshold and the rules baseline; None when the model has
    no escalation head or the data no `escalated` outcome."""
    # imported here: training.escalation builds on this module's calibration error
    from training.escalation import escalation_metrics, escalation_scores, policy_threshold

    gold = data.labels.get(ESCALATED_COLUMN)
    if model.escalation_head is None or gold is None:
        return None
    scores = escalation_scores(model, inputs, gold, features, predictions)
    if scores is None or scores.risk is None:
        return None
    if threshold is None:
        threshold = policy_threshold(Settings.from_env())
    risk, outcome = scores.risk, scores.outcome.astype(bool)
    labels = ("no", "yes")
    true = [labels[int(o)] for o in outcome]
    predicted = [labels[int(r >= threshold)] for r in risk]
    metrics = {
        **escalation_metrics(scores, threshold),
        "log_loss": multiclass_log_loss(np.column_stack([1 - risk, risk]), scores.outcome),
    }
    return _head_evaluation(
        ESCALATION_HEAD,
        labels,
        scores.rows,
        true,
        predicted,
        languages,
        metrics,
        risk,
        outcome,
        positive="yes",
    )


def _language_id_accuracy(true: list[str | None] | None, detected: list[str]) -> dict[str, float]:
    """Accuracy of language identification per true language (and overall)."""
    if not true:
        return {}
    pairs = [(t, d) for t, d in zip(true, detected, strict=True) if t]
    per: dict[str, list[bool]] = defaultdict(list)
    for t, d in pairs:
        per[t].append(t == d)
    out = {lang: float(np.mean(hits)) for lang, hits in sorted(per.items())}
    out["overall"] = float(np.mean([t == d for t, d in pairs])) if pairs else 0.0
    return out


def relative_luminance(rgb: Sequence[float] | np.ndarray) -> float:
    """WCAG relative luminance of an sRGB colour with channels in 0..1."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_colour(background: Sequence[float] | np.ndarray) -> str:
    """Black or white, whichever contrasts more (WCAG contrast ratio) with `background`."""
    lum = relative_luminance(background)
    return "black" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "white"


def save_confusion_png(head: HeadEvaluation, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    size = max(4.0, 0.5 * len(head.labels) + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    image = ax.imshow(head.confusion, cmap="Blues")
    ax.set_xticks(range(len(head.labels)), head.labels, rotation=60, ha="right")
    ax.set_yticks(range(len(head.labels)), head.labels)
    fontsize = 10 if len(head.labels) <= 6 else 8 if len(head.labels) <= 10 else 7
    for (i, j), count in np.ndenumerate(head.confusion):
        if count:  # the count in whichever of black/white reads on this cell's blue
            colour = text_colour(image.cmap(image.norm(count)))
            ax.text(j, i, str(count), ha="center", va="center", fontsize=fontsize, color=colour)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    title = f"{head.name}: accuracy {head.metrics['accuracy']:.3f}, n={head.n}"
    if head.positive and "threshold" in head.metrics:  # a risk head decides at a threshold
        title += f"\n{head.positive} when P({head.positive}) >= {head.metrics['threshold']:.2f}"
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def format_table(evaluation: Evaluation) -> str:
    """A readable table for the terminal."""
    lines = [
        f"{'head':<10} {'n':>6} {'accuracy':>9} {'macro_f1':>9} {'log_loss':>9} {'ece':>7} "
        f"{'majority':>9}"
    ]
    for name, head in evaluation.heads.items():
        m = head.metrics
        lines.append(
            f"{name:<10} {head.n:>6} {m['accuracy']:>9.4f} {m['macro_f1']:>9.4f} "
            f"{m['log_loss']:>9.4f} {m['ece']:>7.4f} {m['majority_accuracy']:>9.4f}"
        )
    langs = sorted({lang for head in evaluation.heads.values() for lang in head.per_language})
    if langs:
        lines += [
            "",
            "accuracy / macro-F1 per language:",
            f"{'head':<10} " + " ".join(f"{lang:>13}" for lang in langs),
        ]
        for name, head in evaluation.heads.items():
            cells = []
            for lang in langs:
                s = head.per_language.get(lang)
                cells.append(f"{s['accuracy']:.3f}/{s['macro_f1']:.3f}" if s else "-")
            lines.append(f"{name:<10} " + " ".join(f"{c:>13}" for c in cells))
    escalation = evaluation.heads.get(ESCALATION_HEAD)
    if escalation is not None and "roc_auc" in escalation.metrics:
        m = escalation.metrics
        lines += [
            "",
            f"escalation: risk >= {m['threshold']:.2f} (the policy threshold) escalates; "
            f"{m['positive_rate']:.1%} of {escalation.n} tickets were escalated",
            f"{'':<10} {'roc_auc':>9} {'precision':>9} {'recall':>9} {'ece':>7}",
            f"{'head':<10} {m['roc_auc']:>9.4f} {m['precision']:>9.4f} {m['recall']:>9.4f} "
            f"{m['ece']:>7.4f}",
            f"{'rules':<10} {m['rules_roc_auc']:>9.4f} {m['rules_precision']:>9.4f} "
            f"{m['rules_recall']:>9.4f} {'-':>7}",
        ]
    conformal = {
        name: head.metrics
        for name, head in evaluation.heads.items()
        if "conformal_coverage_90" in head.metrics
    }
    if conformal:
        lines += ["", "conformal label sets: coverage (mean set size) at 90% / 95%:"]
        for name, m in conformal.items():
            lines.append(
                f"{name:<10} "
                + "  ".join(
                    f"{m[f'conformal_coverage_{k}']:.3f} ({m[f'conformal_set_size_{k}']:.2f})"
                    for k in CONFORMAL_LEVELS
                )
            )
    if evaluation.language_id:
        lines += [
            "",
            "language identification accuracy: "
            + ", ".join(f"{lang} {acc:.4f}" for lang, acc in evaluation.language_id.items()),
        ]
    return "\n".join(lines)
