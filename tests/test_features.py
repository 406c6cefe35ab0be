"""The fast featuriser path equals scikit-learn's transform on real generated tickets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from training.dataset import load_dataset
from triage.encoder import DEFAULT_ENCODER
from triage.features import FastTicketTransform, TicketFeaturizer, TicketInput
from triage.model import ticket_text
from triage.text import TextPipeline


def _inputs(path: Path, text: TextPipeline, n: int) -> list[TicketInput]:
    tickets = load_dataset(path).tickets[:n]
    processed = text.process([ticket_text(t) for t in tickets], [t.language_hint for t in tickets])
    return [TicketInput(t, p) for t, p in zip(tickets, processed, strict=True)]


@pytest.mark.parametrize("encoder", ["", DEFAULT_ENCODER])
def test_fast_transform_equals_sklearn_transform(corpus: Path, text_pipeline, encoder: str) -> None:  # type: ignore[no-untyped-def]
    featurizer = TicketFeaturizer(encoder=encoder).fit(
        _inputs(corpus / "train.jsonl", text_pipeline, 800)
    )
    fast = FastTicketTransform(featurizer)
    items = _inputs(corpus / "test.jsonl", text_pipeline, 300)
    expected = featurizer.transform(items)
    singles = [(fast([item]), expected[i : i + 1]) for i, item in enumerate(items[:50])]
    for got, rows in [(fast(items), expected), *singles]:  # the batch, then single tickets
        assert got.shape == rows.shape and got.dtype == rows.dtype == np.float32
        assert got.has_sorted_indices  # same column order: the heads sum in the same order
        assert abs(got - rows).max() <= 1e-12
        np.testing.assert_array_equal(got.indptr, rows.indptr)
        np.testing.assert_array_equal(got.indices, rows.indices)
    assert fast([]).shape == (0, expected.shape[1])
