"""The escalation head: a calibrated binary model of the recorded `escalated` outcome, over the
shared feature vector (text + channel/segment/VIP/history one-hots) plus escalation extras: the
text flags that matched, the SLA window the helpdesk granted, and the repeat-contact count."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from triage.domain import ESCALATION_HEAD, Ticket
from triage.escalation.flags import TextMatches

if TYPE_CHECKING:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer


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
    """Binary `no`/`yes` head; `risk` is the calibrated probability of `yes`: a logistic
    regression over the shared features and the escalation extras, sigmoid-calibrated, held as
    plain arrays."""

    name = ESCALATION_HEAD
    labels: tuple[str, ...] = ("no", "yes")
    classifier: CalibratedClassifierCV | None = None
    """The fitted scikit-learn classifier of a head trained in this process (tests pin the
    numpy path to it) or read from a format-2 bundle; a head read from an npz file has none."""

    def __init__(
        self,
        coef: np.ndarray,
        intercept: float,
        sigmoid: tuple[float, float],
        extras: Sequence[str],
        sla_window_fill: float | None = None,
    ) -> None:
        """`coef`: the weights of the shared feature columns, then of the `extras` (their names,
        in column order); `sigmoid`: the calibrator's (a, b). `sla_window_fill`: the training
        median of `sla_window_log_hours`, used for a ticket whose window is unknown when
        training never saw one (a missing value would otherwise read as a zero-hour window: the
        most urgent ticket there is)."""
        self.coef = np.asarray(coef, dtype=np.float64).ravel()
        self.intercept = float(intercept)
        self.sigmoid = (float(sigmoid[0]), float(sigmoid[1]))
        self.extras = [str(name) for name in extras]
        self.sla_window_fill = sla_window_fill
        self._columns = {name: i for i, name in enumerate(self.extras)}

    @classmethod
    def from_calibrated(
        cls,
        classifier: CalibratedClassifierCV,
        extras: DictVectorizer,
        sla_window_fill: float | None = None,
    ) -> EscalationHead:
        """A head from `CalibratedClassifierCV(LogisticRegression, method="sigmoid",
        ensemble=False)` fitted on the shared features + `extras`' columns."""
        if [str(c) for c in classifier.classes_] != ["no", "yes"]:
            raise ValueError(f"escalation labels must be no/yes, not {classifier.classes_}")
        fitted = classifier.calibrated_classifiers_[0]
        calibrator = fitted.calibrators[0]
        head = cls(
            fitted.estimator.coef_[0],
            fitted.estimator.intercept_[0],
            (calibrator.a_, calibrator.b_),
            extras.feature_names_,
            sla_window_fill,
        )
        head.classifier = classifier
        return head

    def __setstate__(self, state: dict[str, Any]) -> None:
        """A head as a format-2 bundle stored it (through skops): its classifier and
        DictVectorizer, read into the plain arrays."""
        if "classifier" in state and "coef" not in state:
            state = vars(
                EscalationHead.from_calibrated(
                    state["classifier"], state["extras"], state.get("sla_window_fill")
                )
            )
        self.__dict__.update(state)

    def complete(self, values: dict[str, float]) -> dict[str, float]:
        if (
            self.sla_window_fill is None
            or "sla_window_log_hours" in values
            or "sla_window_unknown" in self._columns
        ):
            return values
        return {**values, "sla_window_log_hours": self.sla_window_fill}

    def _extra_entries(self, values: dict[str, float]) -> list[tuple[int, float]]:
        """(extras column, value) of the known extras in `values`, in column order."""
        columns = self._columns
        return sorted(
            (columns[k], float(v)) for k, v in self.complete(values).items() if k in columns
        )

    def risk(self, features: sp.csr_matrix, extras: Sequence[dict[str, float]]) -> np.ndarray:
        """P(yes): sigmoid(-(a * (Xw + b) + c)), as `CalibratedClassifierCV(method="sigmoid",
        ensemble=False)` computes it, on plain arrays because scikit-learn's input checks cost
        more than the arithmetic for one ticket; a test pins it to the classifier."""
        if features.shape[0] == 0:
            return np.zeros(0)
        # [shared features | extras' columns] @ coef without building that matrix: the shared
        # columns first, then the extras in column order, the same sums in the same order as
        # scipy's row product.
        shared = features.shape[1]
        margin = np.asarray(features @ self.coef[:shared], dtype=np.float64)
        for row, values in enumerate(extras):
            for column, value in self._extra_entries(values):
                margin[row] += value * self.coef[shared + column]
        margin += self.intercept
        a, b = self.sigmoid
        # The calibrator models classes_[1], "yes".
        return np.asarray(1.0 / (1.0 + np.exp(a * margin + b)), dtype=float)
