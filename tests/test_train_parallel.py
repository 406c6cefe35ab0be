"""Training spread over forked worker processes (training.parallel) gives what training in one
process gives: the same processed text, the same heads bit for bit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from training.dataset import load_dataset
from training.pipeline import TEXT_BATCH, process_texts, train
from triage.bundle import load_bundle


def test_texts_processed_in_workers_equal_in_process(corpus: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    data = load_dataset(corpus / "test.jsonl")
    data = replace(data, tickets=data.tickets[: 2 * TEXT_BATCH + 7])  # three batches, one short
    alone = process_texts(text_pipeline, data, False, workers=1)
    forked = process_texts(text_pipeline, data, False, workers=2)
    assert [i.ticket for i in forked] == data.tickets
    assert [i.text for i in forked] == [i.text for i in alone]


@pytest.mark.parametrize("builder", ["tfidf_linear.v2", "tfidf_linear.v3"])
def test_heads_fitted_in_workers_equal_fitted_in_process(
    corpus: Path,
    text_pipeline,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    builder: str,
) -> None:
    lines = (corpus / "train.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    data = tmp_path / "train.jsonl"
    data.write_text("".join(lines[:500]), encoding="utf-8")  # enough for every head's folds

    def bundle(workers: int):  # type: ignore[no-untyped-def]
        result = train(
            data,
            tmp_path / f"workers-{workers}",
            test_path=corpus / "test.jsonl",
            column_map={"group": "phrasing_id"},
            builder_name=builder,
            show_progress=False,
            text=text_pipeline,
            workers=workers,
        )
        return result, load_bundle(result.bundle_dir, text_pipeline)

    (alone_run, alone), (forked_run, forked) = bundle(1), bundle(2)
    assert alone.meta["builder"] == builder
    assert alone.heads.keys() == forked.heads.keys() and "topic" in alone.heads
    for name, head in alone.heads.items():
        other = forked.heads[name]
        assert np.array_equal(head.coef, other.coef), name
        assert (head.beta, head.labels) == (other.beta, other.labels), name
        assert np.array_equal(head.conformal_scores, other.conformal_scores), name
    assert alone.escalation_head is not None and forked.escalation_head is not None
    escalation, other_escalation = alone.escalation_head, forked.escalation_head
    assert np.array_equal(escalation.coef, other_escalation.coef)
    assert escalation.sigmoid == other_escalation.sigmoid
    assert alone_run.evaluation is not None and forked_run.evaluation is not None
    assert alone_run.evaluation.metrics() == forked_run.evaluation.metrics()
