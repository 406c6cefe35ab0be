"""How like the training data a ticket is, in the encoder's embedding space.

A ticket's *similarity* is its cosine similarity to the nearest of a seeded sample of training
tickets (the reference). Where that similarity falls among the similarities of other training
tickets (a calibration part kept out of the reference) gives the out-of-distribution score, a
conformal p-value turned round: 0.99 means the ticket is less like the training data than 99 %
of training tickets are. Heads temper their confidences by how far the similarity falls below
what is typical of training tickets (see `temper`), which also widens their conformal sets."""

from __future__ import annotations

import numpy as np

TYPICAL_PERCENTILE = 5.0
"""Training tickets at least this similar to the reference count as typical: a ticket as
familiar as 95 % of the training tickets keeps its confidences untouched."""


class Familiarity:
    """Fitted on training embeddings (L2-normalised rows); learned state ends in `_`."""

    def __init__(self, max_reference: int = 4000, max_calibration: int = 2000, seed: int = 0):
        self.max_reference = max_reference
        self.max_calibration = max_calibration
        self.seed = seed

    def fit(self, embeddings: np.ndarray) -> Familiarity:
        order = np.random.default_rng(self.seed).permutation(len(embeddings))
        # Half of a small set each, so the calibration rows are never in the reference.
        n_ref = min(self.max_reference, max(1, len(order) // 2))
        reference = embeddings[order[:n_ref]]
        calibration = embeddings[order[n_ref : n_ref + self.max_calibration]]
        self.reference_ = np.ascontiguousarray(reference.T, dtype=np.float32)  # (dim, n_ref)
        self.calibration_ = np.sort(self._nearest(calibration)).astype(np.float32)
        self.typical_ = (
            float(np.percentile(self.calibration_, TYPICAL_PERCENTILE))
            if self.calibration_.size
            else 1.0
        )
        return self

    def _nearest(self, embeddings: np.ndarray) -> np.ndarray:
        # Row by row: a matrix product may sum in another order than a vector product, and a
        # ticket must get the same score alone as in a batch.
        out = np.zeros(len(embeddings), dtype=np.float32)
        for i, row in enumerate(embeddings):
            out[i] = (row @ self.reference_).max()
        return out

    def similarity(self, embeddings: np.ndarray) -> np.ndarray:
        """Cosine similarity of each row to its nearest reference ticket (0 for a zero row: a
        ticket with no word the encoder knows)."""
        return np.clip(self._nearest(embeddings), 0.0, 1.0)

    def ood_score(self, similarity: np.ndarray) -> np.ndarray:
        """1 - conformal p-value: the share of calibration tickets more familiar than this."""
        n = self.calibration_.size
        at_most = np.searchsorted(self.calibration_, similarity, side="right")
        return np.asarray(1.0 - (at_most + 1) / (n + 1), dtype=np.float64)

    def temper(self, similarity: np.ndarray) -> np.ndarray:
        """Factor in (0, 1] on each head's inverse temperature: 1 for typical tickets, falling in
        proportion as the similarity falls below the typical level (a ticket half as similar
        has its margins halved before the softmax)."""
        return np.clip(similarity / max(self.typical_, 1e-6), 0.05, 1.0)
