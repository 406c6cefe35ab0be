"""The heads' batch-wide evidence and label ordering (issue 13) equal the per-ticket
definition: for each ticket, labels by probability (stable), and the readable features of the
ticket that pushed hardest toward its label, at most MAX_EVIDENCE, positive ones only. A model
predicts all its heads in one pass (HeadStack), with the answers of each head alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from training.dataset import load_dataset
from triage.domain import Evidence
from triage.heads import MAX_ALTERNATIVES, MAX_EVIDENCE, Head, HeadStack
from triage.persist import load_head, save_head


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


def test_heads_predicted_together_answer_as_each_head_alone(  # type: ignore[no-untyped-def]
    tiny_model, tiny_model_dir: Path, corpus: Path, tmp_path: Path
) -> None:
    tickets = load_dataset(corpus / "test.jsonl").tickets[:40]
    inputs = tiny_model.inputs(tickets)
    features = tiny_model.features(inputs)
    names = tiny_model.featurizer.feature_names_
    explainable = tiny_model.featurizer.explainable_
    novelty = tiny_model.novelty(inputs)
    assert novelty is not None  # the default builder tempers: the stack must temper alike
    temper = novelty[1]
    heads = {}
    for path in sorted(tiny_model_dir.glob("head_*.npz")):
        head = load_head(path)
        if isinstance(head, Head):
            heads[head.name] = head
    assert len(heads) >= 4
    alone = {name: h.predictions(features, names, explainable, temper) for name, h in heads.items()}
    for name, head in heads.items():
        save_head(head, tmp_path / f"alone-{name}.npz")

    stack = HeadStack(heads)
    assert stack.predictions(features, names, explainable, temper) == alone
    assert stack.predictions(features[:1], names, explainable, temper[:1]) == {
        name: predictions[:1] for name, predictions in alone.items()
    }
    for name, head in heads.items():
        assert np.shares_memory(head.coef, stack.coef)  # the weights are held once
        save_head(head, tmp_path / f"stacked-{name}.npz")  # and saved as before, byte for byte
        saved = (tmp_path / f"stacked-{name}.npz").read_bytes()
        assert saved == (tmp_path / f"alone-{name}.npz").read_bytes()
