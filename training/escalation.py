"""Training and evaluating the escalation head (`escalated` yes/no), and the rules-only
baseline it is compared with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedKFold

from training.evaluation import ECE_BINS, expected_calibration_error
from triage.domain import TriageResult
from triage.errors import TriageError
from triage.escalation.engine import negative_probability
from triage.escalation.flags import TextFlagger, TextMatches
from triage.escalation.policy import PolicyStore, builtin_policy
from triage.escalation.risk import EscalationHead, escalation_extras
from triage.features import TicketInput
from triage.settings import Settings
from triage.text import TextPipeline

ESCALATION_C = 0.5
CALIBRATION_FOLDS = 3
RULE_FLAGS = ("LEGAL_THREAT", "REGULATOR_MENTION", "SECURITY_INCIDENT", "CHURN_RISK")


def escalation_labels(values: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """(rows with a label, 0/1 labels)."""
    rows = [i for i, v in enumerate(values) if v is not None]
    y = np.asarray([values[i] in ("yes", "true", "1", "True") for i in rows], dtype=int)
    return np.asarray(rows, dtype=int), y


def matches_for(text: TextPipeline, inputs: Sequence[TicketInput]) -> list[TextMatches]:
    flagger = TextFlagger(text)
    return flagger.match([i.ticket for i in inputs], [i.text.language.code for i in inputs])


def fit_escalation_head(
    text: TextPipeline,
    inputs: Sequence[TicketInput],
    features: sp.csr_matrix,
    values: Sequence[str | None],
    seed: int,
    groups: np.ndarray | None = None,
    p_negative: Sequence[float | None] | None = None,
) -> EscalationHead | None:
    """A calibrated logistic regression on the shared features + escalation extras; None when
    the data has too few escalated (or non-escalated) tickets."""
    rows, y = escalation_labels(values)
    if len(rows) == 0 or min(y.sum(), len(y) - y.sum()) < 2 * CALIBRATION_FOLDS:
        return None
    matches = matches_for(text, [inputs[i] for i in rows])
    p_neg = p_negative if p_negative is not None else [None] * len(inputs)
    extra_rows = [
        escalation_extras(inputs[i].ticket, m, p_neg[i]) for i, m in zip(rows, matches, strict=True)
    ]
    vectorizer = DictVectorizer().fit(extra_rows)
    x = sp.hstack(
        [features[rows], vectorizer.transform(extra_rows)], format="csr", dtype=np.float64
    )
    labels = np.where(y == 1, "yes", "no")
    if groups is not None and np.unique(groups[rows]).size >= CALIBRATION_FOLDS:
        splits = list(GroupKFold(CALIBRATION_FOLDS).split(x, labels, groups[rows]))
    else:
        splits = list(
            StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=seed).split(x, labels)
        )
    classifier = CalibratedClassifierCV(
        LogisticRegression(C=ESCALATION_C, max_iter=2000),
        method="sigmoid",
        cv=splits,
        ensemble=False,
    )
    classifier.fit(x, labels)
    windows = [r["sla_window_log_hours"] for r in extra_rows if "sla_window_log_hours" in r]
    fill = float(np.median(windows)) if windows else None
    return EscalationHead.from_calibrated(classifier, vectorizer, fill)


def out_of_fold_negative(
    builder: Any,
    features: sp.csr_matrix,
    values: Sequence[str | None],
    seed: int,
    groups: np.ndarray | None = None,
) -> list[float | None] | None:
    """P(sentiment = negative) for every training row from sentiment heads that did not see it
    (so the escalation head learns how much to trust the served sentiment head); None when
    the folds cannot be fitted."""
    rows = np.asarray([i for i, v in enumerate(values) if v is not None], dtype=int)
    labels = np.asarray([values[i] for i in rows])
    if rows.size == 0 or "negative" not in set(labels.tolist()):
        return None
    if groups is not None and np.unique(groups[rows]).size >= CALIBRATION_FOLDS:
        splits = GroupKFold(CALIBRATION_FOLDS).split(rows, labels, groups[rows])
    else:
        splits = StratifiedKFold(CALIBRATION_FOLDS, shuffle=True, random_state=seed).split(
            rows, labels
        )
    out: list[float | None] = [None] * features.shape[0]
    try:
        for train_idx, test_idx in splits:
            fold_groups = None if groups is None else groups[rows[train_idx]]
            head = builder.fit_head(
                "sentiment", features[rows[train_idx]], labels[train_idx], seed, fold_groups
            )
            if "negative" not in head.labels:
                return None
            probs = head.predict_proba(features[rows[test_idx]])[:, head.labels.index("negative")]
            for row, p in zip(rows[test_idx], probs, strict=True):
                out[int(row)] = float(p)
    except ValueError:
        return None
    return out


def rules_score(inputs: Sequence[TicketInput], matches: Sequence[TextMatches]) -> np.ndarray:
    """The rules-only baseline: how many of legal/regulator/security/churn phrases, VIP and
    2+ repeat contacts a ticket shows (0..6); it escalates at 1 or more."""
    scores = []
    for item, m in zip(inputs, matches, strict=True):
        t = item.ticket
        n = sum(1 for code in RULE_FLAGS if m.count(code))
        n += int(t.customer.vip) + int(t.previous_contacts + t.reopen_count >= 2)
        scores.append(n)
    return np.asarray(scores, dtype=float)


@dataclass(frozen=True)
class EscalationScores:
    """Per held-out row with a recorded outcome: the outcome, the head's risk and the rules
    baseline's score."""

    rows: np.ndarray
    """Positions of these rows in the inputs they were scored from."""
    outcome: np.ndarray
    """1 where the ticket was escalated."""
    risk: np.ndarray | None
    """The escalation head's calibrated risk (None for a model without the head)."""
    rules: np.ndarray


def escalation_scores(
    model: Any,
    inputs: Sequence[TicketInput],
    values: Sequence[str | None],
    features: sp.csr_matrix | None = None,
    predictions: Sequence[TriageResult] | None = None,
) -> EscalationScores | None:
    """Score the rows of `inputs` that have an `escalated` value (None when none has);
    `features` may carry the shared feature matrix of all `inputs` and `predictions` the
    model's results for all of them, each computed once."""
    rows, y = escalation_labels(values)
    if len(rows) == 0:
        return None
    chosen = [inputs[i] for i in rows]
    chosen_features = None if features is None else features[rows]
    matches = matches_for(model.text, chosen)
    results = (
        model.predict_inputs(chosen, chosen_features)
        if predictions is None
        else [predictions[i] for i in rows]
    )
    p_negs = [negative_probability(r) for r in results]
    extras = [
        escalation_extras(i.ticket, m, p) for i, m, p in zip(chosen, matches, p_negs, strict=True)
    ]
    risk = model.escalation_risk(chosen, extras, chosen_features)
    return EscalationScores(rows, y, risk, rules_score(chosen, matches))


def escalation_metrics(scores: EscalationScores, threshold: float) -> dict[str, float]:
    """ROC-AUC, precision/recall at `threshold` and ECE of the risk (the same equal-width bins
    as the other heads, here of P(escalated) against the escalated share), next to the rules
    baseline; ROC-AUC is nan when the rows hold only one outcome."""
    y, rules = scores.outcome, scores.rules

    def auc(score: np.ndarray) -> float:
        return float(roc_auc_score(y, score)) if y.min() != y.max() else float("nan")

    out: dict[str, float] = {}
    if scores.risk is not None:
        risk = scores.risk
        out = {
            "roc_auc": auc(risk),
            "threshold": float(threshold),
            "precision": float(precision_score(y, risk >= threshold, zero_division=0)),
            "recall": float(recall_score(y, risk >= threshold, zero_division=0)),
            "ece": expected_calibration_error(risk, y.astype(bool), ECE_BINS),
            "mean_risk": float(risk.mean()),
        }
    out.update(
        {
            "positive_rate": float(y.mean()),
            "rules_roc_auc": auc(rules),
            "rules_precision": float(precision_score(y, rules >= 1, zero_division=0)),
            "rules_recall": float(recall_score(y, rules >= 1, zero_division=0)),
        }
    )
    return out


def evaluate_escalation(
    model: Any, inputs: Sequence[TicketInput], values: Sequence[str | None], threshold: float = 0.5
) -> dict[str, float]:
    """`escalation_metrics` of the labelled rows with their count `n`; empty when no row has an
    outcome or all have the same one."""
    scores = escalation_scores(model, inputs, values)
    if scores is None or scores.outcome.min() == scores.outcome.max():
        return {}
    return {"n": float(len(scores.rows)), **escalation_metrics(scores, threshold)}


def policy_threshold(settings: Settings) -> float:
    """The global escalation risk threshold of the policy the server applies: the current
    version of an existing store (settings.policy_dir; SetPolicy changes it), else the file."""
    if settings.policy_dir.is_dir():
        try:
            return PolicyStore(settings.policy_dir, settings.policy_file).current().policy.threshold
        except (TriageError, OSError):
            pass  # an unusable store: the server falls back to the file too
    return builtin_policy(settings.policy_file).policy.threshold
