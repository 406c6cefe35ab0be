"""The feedback loop end to end: a model that has never seen a class gets it wrong, agents'
corrections for some of those tickets go in over gRPC (id only: the server remembers what it
triaged), `train --feedback` retrains, and held-out tickets of that class (not the corrected
ones) come out right. Also `triage feedback export` -> a dataset `triage train` reads."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import grpc
import mlflow

from tests.rpc.conftest import SETTINGS
from training.dataset import load_dataset
from training.pipeline import train
from triage.app import build_app
from triage.bundle import load_bundle
from triage.cli import main
from triage.pii import mask_for_storage
from triage.records import row_to_ticket
from triage.rpc.converters import ticket_to_proto
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

NEW_CLASS = "privacy_gdpr"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, rows: list[dict]) -> Path:
    keep = ("id", "subject", "body", "text", "language_hint", "channel", "topic")
    path.write_text("".join(json.dumps({k: r[k] for k in keep if k in r}) + "\n" for r in rows))
    return path


def _accuracy(bundle: Path, text, rows: list[dict]) -> float:  # type: ignore[no-untyped-def]
    model = load_bundle(bundle, text)
    tickets = [row_to_ticket(r, i) for i, r in enumerate(rows)]
    results = model.analyse(tickets).results
    return sum(r.predictions["topic"].label == NEW_CLASS for r in results) / len(rows)


def test_corrections_teach_the_next_model_a_class_it_got_wrong(
    corpus: Path, text_pipeline, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    rows, test_rows = _rows(corpus / "train.jsonl"), _rows(corpus / "test.jsonl")
    pool = [r for r in rows if r["topic"] == NEW_CLASS]
    base = _write(tmp_path / "base.jsonl", [r for r in rows if r["topic"] != NEW_CLASS])
    test = _write(tmp_path / "test.jsonl", test_rows)
    held_out = [r for r in test_rows if r["topic"] == NEW_CLASS]
    fast = {"builder_name": "tfidf_linear.v2", "show_progress": False, "text": text_pipeline}
    before = train(base, tmp_path / "before", test_path=test, **fast)

    db = tmp_path / "feedback.db"
    settings = replace(SETTINGS, policy_dir=tmp_path / "policy", feedback_url=f"sqlite:///{db}")
    app = build_app(settings, model=load_bundle(before.bundle_dir, text_pipeline))
    app.start()
    corrected = pool[: len(pool) // 2]  # agents correct half of the ones they see
    with grpc.insecure_channel(app.target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        wrong = 0
        for i, row in enumerate(corrected):
            ticket = ticket_to_proto(row_to_ticket(row, i))
            wrong += stub.Triage(pb.TriageRequest(ticket=ticket)).topic.label != NEW_CLASS
            answer = stub.SubmitFeedback(
                pb.FeedbackRequest(ticket_id=row["id"], labels={"topic": NEW_CLASS}, agent_id="a1")
            )
            assert list(answer.flags) == [
                f"labels.topic: {NEW_CLASS!r} is not a label the model knows"
            ]
    app.stop(0)
    assert wrong == len(corrected)

    after = train(
        base,
        tmp_path / "after",
        test_path=test,
        feedback_url=f"sqlite:///{db}",
        feedback_weight=2,
        **fast,
    )
    acc_before = _accuracy(before.bundle_dir, text_pipeline, held_out)
    acc_after = _accuracy(after.bundle_dir, text_pipeline, held_out)
    with capsys.disabled():
        print(
            f"\nfeedback loop: {len(corrected)} corrections ({NEW_CLASS}); held-out "
            f"{NEW_CLASS} tickets: {len(held_out)}; accuracy before {acc_before:.2f}, "
            f"after {acc_after:.2f}"
        )
    assert acc_before == 0.0
    assert acc_after >= 0.6
    run = mlflow.get_run(after.run_id)
    assert run.data.metrics["feedback.corrections.topic"] == len(corrected)
    assert run.data.metrics["feedback.new_rows"] == len(corrected)
    assert run.data.params["feedback.repeats"] == "2"

    # export -> a dataset train reads: one row per ticket, the corrected label, masked text
    out = tmp_path / "export" / "corrections.jsonl"
    assert main(["feedback", "export", "--url", f"sqlite:///{db}", "--out", str(out)]) == 0
    exported = load_dataset(out)
    assert sorted(t.id for t in exported.tickets) == sorted(r["id"] for r in corrected)
    assert set(exported.labels["topic"]) == {NEW_CLASS}
    by_id = {t.id: t for t in exported.tickets}
    first = corrected[0]
    assert by_id[first["id"]].body == mask_for_storage(first["body"], first["customer_name"])


def test_export_needs_an_existing_store(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.db"
    code = main(["feedback", "export", "--url", f"sqlite:///{missing}", "--out", "x.jsonl"])
    assert code == 2
    assert capsys.readouterr().err == f"triage feedback export: --url: {missing}: no such file\n"
