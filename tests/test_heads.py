"""The heads' batch-wide evidence and label ordering (issue 13) equal the per-ticket
definition: for each ticket, labels by probability (stable), and the readable features of the
ticket that pushed hardest toward its label, at most MAX_EVIDENCE, positive ones only."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from training.dataset import load_dataset
from triage.domain import Evidence
from triage.heads import MAX_ALTERNATIVES, MAX_EVIDENCE


def reference_evidence(columns, values, weights, names, explainable):  # type: ignore[no-untyped-def]
    """One ticket's evidence, written the plain way."""
    readable = explainable[columns]
    indices = columns[readable]
    contributions = values[readable] * weights[indices]
    top = np.argsort(-contributions, kind="stable")[:MAX_EVIDENCE]
    return tuple(
        Evidence(str(names[indices[i]]).split(":", 1)[1], round(float(contributions[i]), 4))
        for i in top
        if contributions[i] > 0
    )


def test_batch_predictions_equal_the_per_ticket_definition(tiny_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    tickets = load_dataset(corpus / "test.jsonl").tickets[:60]
    inputs = tiny_model.inputs(tickets)
    features = tiny_model.features(inputs)
    names = tiny_model.featurizer.feature_names_
    explainable = tiny_model.featurizer.explainable_
    checked = 0
    for head in tiny_model.heads.values():
        predictions = head.predictions(features, names, explainable)
        probabilities = head.predict_proba(features)
        for row, prediction in enumerate(predictions):
            order = np.argsort(-probabilities[row], kind="stable")
            assert prediction.label == head.labels[order[0]]
            assert [a.label for a in prediction.alternatives] == [
                head.labels[i] for i in order[1 : 1 + MAX_ALTERNATIVES]
            ]
            span = slice(features.indptr[row], features.indptr[row + 1])
            expected = reference_evidence(
                features.indices[span],
                features.data[span],
                head.coef[:, order[0]],
                names,
                explainable,
            )
            assert prediction.evidence == expected
            checked += bool(expected)
    assert checked > 100  # most tickets have evidence: the comparison is not vacuous
