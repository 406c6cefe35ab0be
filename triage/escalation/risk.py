"""The escalation head: a calibrated binary model of the recorded `escalated` outcome, over the
shared feature vector (text + channel/segment/VIP/history one-hots) plus escalation extras: the
text flags that matched, the SLA window the helpdesk granted, and the repeat-contact count."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer

from triage.domain import ESCALATION_HEAD, Ticket
from triage.escalation.flags import TextMatches


def escalation_extras(
    ticket: Ticket, matches: TextMatches, p_negative: float | None = None
) -> dict[str, float]:
    """Features only the escalation head reads. The SLA window (due minus created) is what the
    helpdesk granted this ticket: short for urgent, VIP and enterprise tickets. `p_negative` is
    the sentiment head's probability of `negative` (out-of-fold when training)."""
    extras = {f"flag:{code}": 1.0 for code in matches.spans}
    if p_negative is not None:
        extras["sentiment_negative"] = p_negative
    extras["contacts"] = math.log1p(ticket.previous_contacts + 2 * ticket.reopen_count)
    if ticket.sla_due_at is not None and ticket.created_at is not None:
        hours = (ticket.sla_due_at - ticket.created_at).total_seconds() / 3600
        extras["sla_window_log_hours"] = math.log1p(max(hours, 0.0))
    else:
        extras["sla_window_unknown"] = 1.0
    return extras


class EscalationHead:
    """Binary `no`/`yes` head; `risk` is the calibrated probability of `yes`."""

    name = ESCALATION_HEAD
    labels: tuple[str, ...] = ("no", "yes")

    def __init__(
        self,
        classifier: CalibratedClassifierCV,
        extras: DictVectorizer,
        sla_window_fill: float | None = None,
    ) -> None:
        """`sla_window_fill`: the training median of `sla_window_log_hours`, used for a ticket
        whose window is unknown when training never saw one (a missing value would otherwise
        read as a zero-hour window: the most urgent ticket there is)."""
        self.classifier = classifier
        self.extras = extras
        self.sla_window_fill = sla_window_fill

    def complete(self, values: dict[str, float]) -> dict[str, float]:
        known = self.extras.vocabulary_
        if (
            self.sla_window_fill is None
            or "sla_window_log_hours" in values
            or "sla_window_unknown" in known
        ):
            return values
        return {**values, "sla_window_log_hours": self.sla_window_fill}

    def matrix(self, features: sp.csr_matrix, extras: Sequence[dict[str, float]]) -> sp.csr_matrix:
        filled = [self.complete(values) for values in extras]
        return sp.hstack([features, self.extras.transform(filled)], format="csr", dtype=np.float64)

    def risk(self, features: sp.csr_matrix, extras: Sequence[dict[str, float]]) -> np.ndarray:
        """P(yes): the classifier's own maths on plain arrays (sigmoid(-(a * (Xw + b) + c)), as
        `CalibratedClassifierCV(method="sigmoid", ensemble=False)` computes it), because
        scikit-learn's input checks cost more than the arithmetic for one ticket; a test pins
        it to `classifier.predict_proba`."""
        if features.shape[0] == 0:
            return np.zeros(0)
        fitted = self.classifier.calibrated_classifiers_[0]
        estimator, calibrator = fitted.estimator, fitted.calibrators[0]
        coef = estimator.coef_[0]
        # `self.matrix(...) @ coef` without building the hstacked matrix (nor DictVectorizer's
        # validation): the shared columns first, then the extras in column order, the same sums
        # in the same order as scipy's row product.
        margin = np.asarray(features @ coef[: features.shape[1]], dtype=np.float64)
        vocabulary, offset = self.extras.vocabulary_, features.shape[1]
        for row, values in enumerate(extras):
            for column, value in sorted(
                (vocabulary[k], v) for k, v in self.complete(values).items() if k in vocabulary
            ):
                margin[row] += float(value) * coef[offset + column]
        margin += estimator.intercept_[0]
        p_second = 1.0 / (1.0 + np.exp(calibrator.a_ * np.asarray(margin) + calibrator.b_))
        # The calibrator models classes_[1]; labels are "no" < "yes".
        if list(self.classifier.classes_).index("yes") == 1:
            return np.asarray(p_second, dtype=float)
        return np.asarray(1.0 - p_second, dtype=float)
