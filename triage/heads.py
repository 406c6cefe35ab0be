"""A classification head: a calibrated linear classifier over the shared feature vector, plus the
per-term contributions that explain its decision."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV

from triage.domain import Evidence, LabelScore, Prediction

MAX_ALTERNATIVES = 3
MAX_EVIDENCE = 5


class Head:
    """Fitted with `CalibratedClassifierCV(LogisticRegression, method="temperature",
    ensemble=False)`: one linear model, temperature-scaled on out-of-fold scores. Prediction uses
    the same maths on plain arrays (softmax(beta * (Xw + b))), because scikit-learn's input
    validation costs more than the arithmetic for one ticket; a test pins it to the classifier."""

    def __init__(self, name: str, classifier: CalibratedClassifierCV) -> None:
        self.name = name
        self.classifier = classifier
        fitted = classifier.calibrated_classifiers_[0]
        coef, intercept = fitted.estimator.coef_, fitted.estimator.intercept_
        if coef.shape[0] == 1:  # binary models store one row, for the second label
            coef, intercept = (
                np.vstack([-coef[0], coef[0]]),
                np.array([-intercept[0], intercept[0]]),
            )
        self.coef = np.ascontiguousarray(coef.T)
        """(n_features, n_labels) weights; also what explains a decision."""
        self.intercept = intercept
        self.beta = float(fitted.calibrators[0].beta_)
        self.labels: tuple[str, ...] = tuple(str(label) for label in classifier.classes_)

    def predict_proba(self, features: sp.csr_matrix) -> np.ndarray:
        logits = self.beta * (np.asarray(features @ self.coef) + self.intercept)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def predictions(
        self, features: sp.csr_matrix, names: np.ndarray, explainable: np.ndarray
    ) -> list[Prediction]:
        """Label, calibrated confidence, runners-up and evidence for every row of `features`;
        `names`/`explainable` describe its columns (see TicketFeaturizer)."""
        labels = self.labels
        out = []
        for row, probs in enumerate(self.predict_proba(features)):
            order = np.argsort(-probs, kind="stable")
            best = int(order[0])
            alternatives = tuple(
                LabelScore(labels[i], float(probs[i])) for i in order[1 : 1 + MAX_ALTERNATIVES]
            )
            evidence = _evidence(features.getrow(row), self.coef[:, best], names, explainable)
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
