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


def escalation_extras(ticket: Ticket, matches: TextMatches) -> dict[str, float]:
    """Features only the escalation head reads. The SLA window (due minus created) is what the
    helpdesk granted this ticket: short for urgent, VIP and enterprise tickets."""
    extras = {f"flag:{code}": 1.0 for code in matches.spans}
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

    def __init__(self, classifier: CalibratedClassifierCV, extras: DictVectorizer) -> None:
        self.classifier = classifier
        self.extras = extras

    def matrix(self, features: sp.csr_matrix, extras: Sequence[dict[str, float]]) -> sp.csr_matrix:
        return sp.hstack(
            [features, self.extras.transform(list(extras))], format="csr", dtype=np.float64
        )

    def risk(self, features: sp.csr_matrix, extras: Sequence[dict[str, float]]) -> np.ndarray:
        if features.shape[0] == 0:
            return np.zeros(0)
        probs = self.classifier.predict_proba(self.matrix(features, extras))
        yes = list(self.classifier.classes_).index("yes")
        return np.asarray(probs[:, yes], dtype=float)
