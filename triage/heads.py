"""A classification head: a calibrated linear classifier over the shared feature vector, the
per-term contributions that explain its decision, and (when trained with conformal
calibration) the label set that contains the true label with a chosen coverage."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from triage.domain import DEFAULT_COVERAGE, Evidence, LabelScore, Prediction, check_coverage

if TYPE_CHECKING:
    from sklearn.calibration import CalibratedClassifierCV

MAX_ALTERNATIVES = 3
MAX_EVIDENCE = 5


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax (shifted by the row maximum, so large logits do not overflow)."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def conformal_threshold(scores: np.ndarray, coverage: float) -> float:
    """qhat: the ceil((n+1)*coverage)/n empirical quantile of the calibration scores (the
    finite-sample correction that makes split-conformal coverage at least `coverage`), i.e. the
    k-th smallest score with k = ceil((n+1)*coverage); 1.0 (every label) when k exceeds n.
    `scores` must be sorted ascending."""
    coverage = check_coverage(coverage)
    n = int(scores.size)
    k = math.ceil((n + 1) * coverage - 1e-9)  # the epsilon absorbs float noise, e.g. 10*0.9
    if n == 0 or k > n:
        return 1.0
    return float(scores[k - 1])


def in_label_set(probs: np.ndarray, qhat: float) -> np.ndarray:
    """Which labels each row's set holds: those with 1 - p <= qhat, and always the top label
    (a set is never empty). `probs` is (rows, labels)."""
    included = 1.0 - probs <= qhat
    included[np.arange(len(probs)), probs.argmax(axis=1)] = True
    return included


class Head:
    """softmax(beta * (X @ coef + intercept)) on plain arrays: one linear model whose margins
    are temperature-scaled (beta) on out-of-fold scores. Prediction uses plain numpy because
    scikit-learn's input validation costs more than the arithmetic for one ticket.

    `conformal_scores` (sorted nonconformity scores 1 - p(true label) of out-of-fold rows) give
    each prediction its label set at `coverage`; a head trained without them (tfidf_linear.v1)
    answers empty label sets."""

    classifier: CalibratedClassifierCV | None = None
    """The fitted scikit-learn classifier of a v1 head (tests pin the numpy path to it)."""

    def __init__(
        self,
        name: str,
        coef: np.ndarray,
        intercept: np.ndarray,
        beta: float,
        labels: tuple[str, ...],
        conformal_scores: np.ndarray | None = None,
        coverage: float = DEFAULT_COVERAGE,
    ) -> None:
        """`coef` is (n_labels, n_features) and `intercept` (n_labels,), as scikit-learn stores
        them; binary models store one row, for the second label, and are expanded here."""
        coef, intercept = np.asarray(coef, dtype=np.float64), np.ravel(intercept)
        if coef.shape[0] == 1:
            coef = np.vstack([-coef[0], coef[0]])
            intercept = np.array([-intercept[0], intercept[0]])
        if coef.shape[0] != len(labels) or intercept.shape != (len(labels),):
            raise ValueError(f"head {name}: weights do not match its {len(labels)} labels")
        self.name = name
        self.coef = np.ascontiguousarray(coef.T)
        """(n_features, n_labels) weights; also what explains a decision."""
        self.intercept = intercept.astype(np.float64)
        self.beta = float(beta)
        self.labels: tuple[str, ...] = tuple(labels)
        self.conformal_scores = (
            np.zeros(0, dtype=np.float32)
            if conformal_scores is None
            else np.sort(np.asarray(conformal_scores, dtype=np.float32))
        )
        """Sorted nonconformity scores; empty when the head has no conformal calibration."""
        self.coverage = check_coverage(coverage)

    @classmethod
    def from_calibrated(cls, name: str, classifier: CalibratedClassifierCV) -> Head:
        """A head from `CalibratedClassifierCV(LinearSVC, method="temperature", ensemble=False)`
        (tfidf_linear.v1): no conformal scores, so its label sets are empty."""
        fitted = classifier.calibrated_classifiers_[0]
        head = cls(
            name,
            fitted.estimator.coef_,
            fitted.estimator.intercept_,
            float(fitted.calibrators[0].beta_),
            tuple(str(label) for label in classifier.classes_),
        )
        head.classifier = classifier
        return head

    @property
    def conformal(self) -> bool:
        """Whether this head has conformal scores (and so non-empty label sets)."""
        return bool(self.conformal_scores.size)

    def set_coverage(self, coverage: float) -> None:
        self.coverage = check_coverage(coverage)

    def threshold(self, coverage: float | None = None) -> float:
        """qhat for `coverage` (default: the head's)."""
        return conformal_threshold(
            self.conformal_scores, self.coverage if coverage is None else coverage
        )

    def predict_proba(
        self, features: sp.csr_matrix, temper: np.ndarray | None = None
    ) -> np.ndarray:
        """Calibrated probabilities; `temper` (one factor in (0, 1] per row, see
        triage.familiarity) flattens them for tickets unlike the training data."""
        return self.calibrated(np.asarray(features @ self.coef) + self.intercept, temper)

    def calibrated(self, margins: np.ndarray, temper: np.ndarray | None = None) -> np.ndarray:
        """Probabilities from this head's margins (`features @ coef + intercept`)."""
        beta = self.beta if temper is None else self.beta * temper[:, None]
        return softmax(beta * margins)

    def predictions(
        self,
        features: sp.csr_matrix,
        names: np.ndarray,
        explainable: np.ndarray,
        temper: np.ndarray | None = None,
    ) -> list[Prediction]:
        """Label, calibrated confidence, runners-up, evidence and label set for every row of
        `features`; `names`/`explainable` describe its columns (see TicketFeaturizer). Tempered
        rows get flatter probabilities and so wider label sets."""
        probs = self.predict_proba(features, temper)
        orders = _orders(probs)
        (evidence,) = _evidence(features, self.coef, orders[None, :, 0], names, explainable)
        return self.labelled(probs, orders, evidence)

    def labelled(
        self, all_probs: np.ndarray, orders: np.ndarray, evidence: list[tuple[Evidence, ...]]
    ) -> list[Prediction]:
        """The predictions of rows with these probabilities, label orders (`_orders`) and
        evidence."""
        labels = self.labels
        in_set = in_label_set(all_probs, self.threshold()) if self.conformal else None
        out = []
        for row, probs in enumerate(all_probs):
            order = orders[row]
            top = int(order[0])
            alternatives = tuple(
                LabelScore(labels[i], float(probs[i])) for i in order[1 : 1 + MAX_ALTERNATIVES]
            )
            label_set = () if in_set is None else tuple(labels[i] for i in order if in_set[row, i])
            out.append(
                Prediction(
                    labels[top], float(probs[top]), alternatives, evidence[row], label_set=label_set
                )
            )
        return out


class HeadStack:
    """A model's classification heads predicted together: one sparse product gives every
    head's margins and one pass finds every head's evidence. Alone, a ticket's five heads cost
    a dozen numpy calls each (0.7 ms, bench/stages.py), most of it fixed cost per call.
    The heads' weights move into one matrix, each head's `coef` becoming a view of its columns,
    so the weights are held once. The arithmetic is each head's own, so are the answers."""

    def __init__(self, heads: Mapping[str, Head]) -> None:
        self.heads = dict(heads)
        sizes = [len(head.labels) for head in self.heads.values()]
        self.bounds = np.cumsum([0, *sizes]).tolist()
        """Head k's columns of `coef`: bounds[k] to bounds[k + 1]."""
        self.coef: np.ndarray | None = None  # None: no heads
        self.intercept = np.zeros(0)
        if self.heads:
            self.coef = stacked = np.hstack([head.coef for head in self.heads.values()])
            self.intercept = np.concatenate([head.intercept for head in self.heads.values()])
            for head, start, end in self._spans():
                head.coef = stacked[:, start:end]

    def _spans(self) -> Iterator[tuple[Head, int, int]]:
        return zip(self.heads.values(), self.bounds, self.bounds[1:], strict=False)

    def predictions(
        self,
        features: sp.csr_matrix,
        names: np.ndarray,
        explainable: np.ndarray,
        temper: np.ndarray | None = None,
    ) -> dict[str, list[Prediction]]:
        """Every head's `Head.predictions`."""
        if self.coef is None:
            return {}
        margins = np.asarray(features @ self.coef) + self.intercept
        probs = [
            head.calibrated(margins[:, start:end], temper) for head, start, end in self._spans()
        ]
        orders = [_orders(p) for p in probs]
        # Each head's best label as a column of the stacked weights.
        best = np.stack([o[:, 0] + start for o, start in zip(orders, self.bounds, strict=False)])
        evidence = _evidence(features, self.coef, best, names, explainable)
        parts = zip(self.heads.items(), probs, orders, evidence, strict=True)
        return {name: head.labelled(p, o, e) for (name, head), p, o, e in parts}


def _orders(probs: np.ndarray) -> np.ndarray:
    """Each row's labels by probability, highest first, ties in label order (one call)."""
    return np.argsort(-probs, axis=1, kind="stable")


def _evidence(
    features: sp.csr_matrix,
    coef: np.ndarray,
    best: np.ndarray,
    names: np.ndarray,
    explainable: np.ndarray,
) -> list[list[tuple[Evidence, ...]]]:
    """For each row of `best` (one per head: every ticket's label, as a column of `coef`) and
    each ticket: the readable features of the ticket (its stored entries) that pushed hardest
    toward that label, strongest first, ties in column order; computed for all heads and rows
    at once, so a batch costs little more than one ticket."""
    heads, tickets = best.shape
    rows = np.repeat(np.arange(tickets), np.diff(features.indptr))
    readable = explainable[features.indices]
    rows, columns, values = rows[readable], features.indices[readable], features.data[readable]
    contributions = values * coef[columns, best[:, rows]]  # (heads, entries)
    head, entry = np.nonzero(contributions > 0)
    groups = head * tickets + rows[entry]  # one group per head and ticket, in that order
    contributions, columns = contributions[head, entry], columns[entry]
    order = np.lexsort((-contributions, groups))  # stable: by group, then strongest first
    starts = np.searchsorted(groups[order], np.arange(heads * tickets + 1))
    # The MAX_EVIDENCE strongest of each group, converted to Python values in one call each.
    rank = np.arange(order.size) - starts[groups[order]]
    kept = order[rank < MAX_EVIDENCE]
    words = [str(name).split(":", 1)[1] for name in names[columns[kept]].tolist()]
    weights = [round(c, 4) for c in contributions[kept].tolist()]
    bounds = [0, *np.minimum(np.diff(starts), MAX_EVIDENCE).cumsum().tolist()]
    found = [
        tuple(Evidence(w, c) for w, c in zip(words[start:end], weights[start:end], strict=True))
        for start, end in zip(bounds, bounds[1:], strict=False)
    ]
    return [found[h * tickets : (h + 1) * tickets] for h in range(heads)]
