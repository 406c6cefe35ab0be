"""A classification head: a calibrated linear classifier over the shared feature vector, plus the
per-term contributions that explain its decision."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV

from triage.domain import Evidence, LabelScore, Prediction

MAX_ALTERNATIVES = 3
MAX_EVIDENCE = 5


@dataclass
class Head:
    name: str
    classifier: CalibratedClassifierCV
    """Fitted with ensemble=False: one linear model, calibrated on out-of-fold scores."""

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(str(label) for label in self.classifier.classes_)

    def predict_proba(self, features: sp.csr_matrix) -> np.ndarray:
        return np.asarray(self.classifier.predict_proba(features))

    def _coefficients(self) -> np.ndarray:
        """One row of weights per label (binary models store one row: for label 1)."""
        coef = self.classifier.calibrated_classifiers_[0].estimator.coef_
        return np.vstack([-coef[0], coef[0]]) if coef.shape[0] == 1 else coef

    def predictions(
        self, features: sp.csr_matrix, names: np.ndarray, explainable: np.ndarray
    ) -> list[Prediction]:
        """Label, calibrated confidence, runners-up and evidence for every row of `features`;
        `names`/`explainable` describe its columns (see TicketFeaturizer)."""
        coef = self._coefficients()
        labels = self.labels
        out = []
        for row, probs in enumerate(self.predict_proba(features)):
            order = np.argsort(-probs, kind="stable")
            best = int(order[0])
            alternatives = tuple(
                LabelScore(labels[i], float(probs[i])) for i in order[1 : 1 + MAX_ALTERNATIVES]
            )
            evidence = _evidence(features.getrow(row), coef[best], names, explainable)
            out.append(Prediction(labels[best], float(probs[best]), alternatives, evidence))
        return out


def _evidence(
    row: sp.csr_matrix, weights: np.ndarray, names: np.ndarray, explainable: np.ndarray
) -> tuple[Evidence, ...]:
    """The readable features of this ticket that pushed hardest toward the label."""
    readable = explainable[row.indices]
    indices = row.indices[readable]
    contributions = row.data[readable] * weights[indices]
    top = np.argsort(-contributions, kind="stable")[:MAX_EVIDENCE]
    return tuple(
        Evidence(str(names[indices[i]]).split(":", 1)[1], round(float(contributions[i]), 4))
        for i in top
        if contributions[i] > 0
    )
