"""Versioned model builders. A builder's behaviour never changes under the same name: to change
it, add `<name>.v2` and keep `.v1` reproducible."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize_scalar
from scipy.special import logsumexp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC

from triage.encoder import DEFAULT_ENCODER
from triage.features import TicketFeaturizer
from triage.heads import Head, softmax

DEFAULT_BUILDER = "tfidf_embed.v1"

Splits = list[tuple[np.ndarray, np.ndarray]]


def calibration_splits(
    features: sp.csr_matrix,
    labels: np.ndarray,
    seed: int,
    groups: np.ndarray | None,
    wanted: int,
) -> Splits:
    """Grouped folds when the data has enough groups (so out-of-fold scores are for unseen
    groups), else stratified ones; rare classes cap the number of folds."""
    smallest = int(np.unique(labels, return_counts=True)[1].min())
    folds = max(2, min(wanted, smallest))
    if groups is not None and np.unique(groups).size >= folds:
        return list(GroupKFold(folds).split(features, labels, groups))
    return list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, labels))


@dataclass(frozen=True)
class TfidfLinearV1:
    """Word 1-2-grams + char 2-5-grams over lemmas + metadata; one linear SVM per head whose
    margins are temperature-scaled into probabilities on out-of-fold scores (grouped folds when
    the data has groups), then refitted on everything: one linear model at predict time.

    Why an SVM and C=0.3: on the default corpus, with folds grouped by phrasing on the training
    split only, LinearSVC matched or beat multinomial logistic regression in accuracy and
    calibrated as well after temperature scaling, at a third of the fitting time; C=0.3 was
    best or within 0.002 of best for every head across C in {0.03, 0.1, 0.3, 1}."""

    C: float = 0.3
    calibration_folds: int = 3
    min_df: int = 3
    """Tickets a word, character n-gram or metadata value must appear in to be learned: 3 keeps
    a value one customer repeats in a follow-up ticket (a repeat contact) out of the bundle and
    out of evidence (2 until the privacy review; see README, Security)."""
    max_char_features: int = 200_000
    name: str = "tfidf_linear.v1"

    def params(self) -> dict[str, Any]:
        return asdict(self)

    def featurizer(self) -> TicketFeaturizer:
        return TicketFeaturizer(min_df=self.min_df, max_char_features=self.max_char_features)

    def fit_head(
        self,
        name: str,
        features: sp.csr_matrix,
        labels: np.ndarray,
        seed: int,
        groups: np.ndarray | None = None,
    ) -> Head:
        splits = calibration_splits(features, labels, seed, groups, self.calibration_folds)
        classifier = CalibratedClassifierCV(
            LinearSVC(C=self.C, random_state=seed), method="temperature", cv=splits, ensemble=False
        )
        classifier.fit(features, labels)
        return Head.from_calibrated(name, classifier)


@dataclass(frozen=True)
class TfidfLinearV2(TfidfLinearV1):
    """v1's features, SVM, folds and temperature scaling, computed here instead of inside
    CalibratedClassifierCV so the out-of-fold scores are kept: from them the head also stores
    its conformal nonconformity scores (1 - calibrated probability of the true label, the
    "least ambiguous set" score, sorted), which give every prediction a label set with a chosen
    coverage. The work is the same as v1's (one cross_val_predict over the folds, one refit on
    every row), and the head holds plain arrays instead of the fitted scikit-learn objects.

    The scores come from fold models while the served model is refitted on every row (a
    cross-conformal approximation): coverage is not guaranteed exactly but measured by
    `training.evaluation` on held-out data (`conformal_coverage_90`, `..._95`)."""

    name: str = "tfidf_linear.v2"

    def fit_head(
        self,
        name: str,
        features: sp.csr_matrix,
        labels: np.ndarray,
        seed: int,
        groups: np.ndarray | None = None,
    ) -> Head:
        folds = self.head_folds(features, labels, seed, groups)
        parts = [self.fit_part(features, folds, part, seed) for part in range(folds.parts)]
        return self.assemble(name, folds, parts)

    def head_folds(
        self,
        features: sp.csr_matrix,
        labels: np.ndarray,
        seed: int,
        groups: np.ndarray | None = None,
    ) -> HeadFolds:
        """The head's fits as independent parts (see `fit_part`), so training can run them
        anywhere and in any order; `fit_head` is `assemble` of all of them."""
        splits = calibration_splits(features, labels, seed, groups, self.calibration_folds)
        classes, y = np.unique(labels, return_inverse=True)  # LinearSVC's classes_ order
        return HeadFolds(classes, y, splits)

    def fit_part(
        self, features: sp.csr_matrix, folds: HeadFolds, part: int, seed: int
    ) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
        """Part k < len(splits): the margins of fold k's held-out rows from an SVM fitted on
        the other rows (what cross_val_predict computes per fold); the last part: the SVM
        refitted on every row, as (coef, intercept)."""
        svm = self.linear_model(seed)
        if part == len(folds.splits):
            svm.fit(features, folds.y)
            return svm.coef_, svm.intercept_
        train, test = folds.splits[part]
        svm.fit(features[train], folds.y[train])
        return fold_margins(svm.decision_function(features[test]), svm.classes_, folds.n_labels)

    def linear_model(self, seed: int) -> LinearSVC:
        """The unfitted linear SVM of every fit."""
        return LinearSVC(C=self.C, random_state=seed)

    def assemble(self, name: str, folds: HeadFolds, parts: Sequence[Any]) -> Head:
        """The head from its fitted parts: temperature and conformal scores from the
        out-of-fold margins, weights from the refit."""
        beta, probabilities = folds.calibrate(parts[:-1])
        scores = 1.0 - probabilities[np.arange(folds.y.size), folds.y]
        coef, intercept = parts[-1]
        return Head(
            name,
            coef,
            intercept,
            beta,
            tuple(str(c) for c in folds.classes),
            conformal_scores=np.sort(scores).astype(np.float32),
        )


@dataclass(frozen=True)
class TfidfLinearV3(TfidfLinearV2):
    """v2 with liblinear stopped at its own default tolerance for the dual solver (0.1) instead
    of scikit-learn's (1e-4): the same objective, features, folds and calibration, solved in
    about half as many passes (liblinear needed 35-95 per label at 1e-4), so 1.9x (topic) to 2.3x
    faster. On the embedded corpus's test split every head's accuracy moved by at most 0.0013,
    and on real text neither model saw (bench/results/realtext-fast) by at most 0.002."""

    tol: float = 0.1
    name: str = "tfidf_linear.v3"

    def linear_model(self, seed: int) -> LinearSVC:
        return LinearSVC(C=self.C, tol=self.tol, random_state=seed)


@dataclass(frozen=True)
class HeadFolds:
    """A v2 head's labels and calibration folds: what its fitted parts are combined with."""

    classes: np.ndarray
    y: np.ndarray
    """Label index of every row (into `classes`)."""
    splits: Splits

    @property
    def n_labels(self) -> int:
        return int(self.classes.size)

    @property
    def parts(self) -> int:
        """One fit per fold, then the refit."""
        return len(self.splits) + 1

    def calibrate(self, fold_parts: Sequence[np.ndarray]) -> tuple[float, np.ndarray]:
        """The inverse temperature fitted on the out-of-fold margins (cross_val_predict's, one
        column per label), and every row's calibrated out-of-fold probabilities at it."""
        out = np.zeros((self.y.size, *fold_parts[0].shape[1:]), dtype=fold_parts[0].dtype)
        for (_, test), margins in zip(self.splits, fold_parts, strict=True):
            out[test] = margins
        margins = two_columns(out)
        beta = fit_temperature(margins, self.y)
        return beta, softmax(beta * margins)


def fold_margins(margins: np.ndarray, fold_classes: np.ndarray, n_labels: int) -> np.ndarray:
    """A fold model's margins with a column per label of the whole head, as cross_val_predict
    orders them: a label absent from the fold's training rows gets the most negative float
    (two_columns replaces it); a two-label fold of a head with more labels cannot be placed."""
    if len(fold_classes) == n_labels:
        return margins
    if len(fold_classes) <= 2:
        raise ValueError(
            f"Only {len(fold_classes)} class/es in training fold, but {n_labels} in overall "
            "dataset. This is not supported for decision_function with imbalanced folds."
        )
    out = np.full((margins.shape[0], n_labels), np.finfo(margins.dtype).min, margins.dtype)
    out[:, fold_classes] = margins
    return out


def two_columns(margins: np.ndarray) -> np.ndarray:
    """Out-of-fold margins as one column per label: a binary SVM's single margin m (for the
    second label) becomes [-m, m], as in Head. A label missing from a training fold gets the
    lowest margin that fold gave any label (scikit-learn fills it with the most negative float,
    which would overflow the softmax)."""
    margins = np.asarray(margins, dtype=np.float64)
    if margins.ndim == 1 or margins.shape[1] == 1:
        margins = margins.reshape(-1, 1)
        return np.hstack([-margins, margins])
    missing = margins <= np.finfo(np.float64).min / 2
    if missing.any():
        present = np.where(missing, np.inf, margins).min(axis=1, keepdims=True)
        margins = np.where(missing, np.broadcast_to(present, margins.shape), margins)
    return margins


def temperature_nll(beta: float, margins: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-likelihood of softmax(beta * margins) for the true labels `y`."""
    logits = beta * margins
    return float(np.mean(logsumexp(logits, axis=1) - logits[np.arange(y.size), y]))


def fit_temperature(margins: np.ndarray, y: np.ndarray) -> float:
    """The inverse temperature beta minimising the NLL, searched over log beta in [-10, 10]
    (the bounds and tolerance scikit-learn's temperature scaling uses)."""
    result = minimize_scalar(
        lambda log_beta: temperature_nll(float(np.exp(log_beta)), margins, y),
        bounds=(-10.0, 10.0),
        method="bounded",
        options={"xatol": 64 * np.finfo(np.float64).eps},
    )
    return float(np.exp(result.x))


@dataclass(frozen=True)
class TfidfEmbedV1(TfidfLinearV2):
    """v2's features with the ticket's multilingual embedding appended (triage.encoder: static
    lemma vectors distilled from multilingual-e5-small), into v2's SVM heads, temperature
    scaling and conformal scores. The featuriser also keeps a sample of the training embeddings,
    from which every prediction gets a novelty score and tempered confidences
    (triage.familiarity).

    `embedding_weight` scales the L2-normalised embedding against the TF-IDF blocks (each of
    norm 1). Weight 1 and C=0.1 were chosen on the embedded corpus's own held-out split (every
    reusable part held out): over weights {0, 1, 2, 4, embedding only} and C {0.1, 0.3}, they
    were best or within 0.01 of best in accuracy for topic, sentiment, priority and tier."""

    C: float = 0.1
    encoder: str = DEFAULT_ENCODER
    embedding_weight: float = 1.0
    name: str = "tfidf_embed.v1"

    def featurizer(self) -> TicketFeaturizer:
        return TicketFeaturizer(
            min_df=self.min_df,
            max_char_features=self.max_char_features,
            encoder=self.encoder,
            embedding_weight=self.embedding_weight,
        )


Builder = TfidfLinearV1
BUILDERS: dict[str, type[Builder]] = {
    TfidfLinearV1.name: TfidfLinearV1,
    TfidfLinearV2.name: TfidfLinearV2,
    TfidfLinearV3.name: TfidfLinearV3,
    TfidfEmbedV1.name: TfidfEmbedV1,
}


def get_builder(name: str, **params: Any) -> Builder:
    try:
        return BUILDERS[name](**params)
    except KeyError:
        raise ValueError(f"unknown builder {name!r}; known: {sorted(BUILDERS)}") from None
