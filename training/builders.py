"""Versioned model builders. A builder's behaviour never changes under the same name: to change
it, add `<name>.v2` and keep `.v1` reproducible."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression

from triage.features import TicketFeaturizer
from triage.heads import Head


@dataclass(frozen=True)
class TfidfLinearV1:
    """Word 1-2-grams + char 2-5-grams over lemmas + metadata, one multinomial logistic
    regression per head, temperature-scaled on out-of-fold scores (one model at predict time)."""

    C: float = 4.0
    max_iter: int = 300
    calibration_folds: int = 3
    min_df: int = 2
    max_char_features: int = 200_000
    name: str = "tfidf_linear.v1"

    def params(self) -> dict[str, Any]:
        return asdict(self)

    def featurizer(self) -> TicketFeaturizer:
        return TicketFeaturizer(min_df=self.min_df, max_char_features=self.max_char_features)

    def fit_head(self, name: str, features: sp.csr_matrix, labels: np.ndarray, seed: int) -> Head:
        linear = LogisticRegression(C=self.C, max_iter=self.max_iter, random_state=seed)
        smallest = int(np.unique(labels, return_counts=True)[1].min())
        folds = max(2, min(self.calibration_folds, smallest))  # rare classes cap the folds
        classifier = CalibratedClassifierCV(
            linear, method="temperature", cv=folds, ensemble=False
        )
        classifier.fit(features, labels)
        return Head(name, classifier)


BUILDERS = {TfidfLinearV1.name: TfidfLinearV1}


def get_builder(name: str, **params: Any) -> TfidfLinearV1:
    try:
        return BUILDERS[name](**params)
    except KeyError:
        raise ValueError(f"unknown builder {name!r}; known: {sorted(BUILDERS)}") from None
