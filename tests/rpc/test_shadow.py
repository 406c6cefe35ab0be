"""A shadow model scored off the response path (`serve --shadow`): through the app `serve`
runs, on port 0. A shadow with the served model's own weights agrees on every head (so the
shadow judges exactly as serving does); another model disagrees somewhere and its label mix is
reported; a full queue drops work instead of delaying responses; the shadow follows its source
on ReloadModel; a shadow that cannot load leaves serving alone."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import grpc
import pytest

from tests.rpc.conftest import SETTINGS, make_ticket
from tests.rpc.reloading import ADMIN_TOKEN, AUTH, repoint, running_app, tamper, versioned_copy
from triage.app import App, build_app, source_for
from triage.bundle import load_bundle
from triage.rpc.converters import ticket_from_proto
from triage.settings import Settings
from triage.shadow import ESCALATED, ShadowScorer
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

N_TICKETS = 40


@pytest.fixture(scope="module")
def bundles(
    tiny_model_dir: Path, corpus: Path, text_pipeline: TextPipeline, tmp_path_factory
) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """The served model, a copy of its weights under another version, and a model trained
    differently (the fast builder on half the data)."""
    from training.pipeline import train

    root = tmp_path_factory.mktemp("shadow-bundles")
    half = root / "half.jsonl"
    rows = (corpus / "train.jsonl").read_text(encoding="utf-8").splitlines()
    half.write_text("\n".join(rows[::2]) + "\n", encoding="utf-8")
    other = train(
        half,
        root / "other",
        test_path=corpus / "test.jsonl",
        builder_name="tfidf_linear.v2",
        show_progress=False,
        text=text_pipeline,
    )
    made = {v: versioned_copy(tiny_model_dir, root / v, v) for v in ("served", "twin", "bad")}
    tamper(made["bad"])
    return {**made, "other": Path(other.bundle_dir)}


def _tickets(corpus: Path) -> list[pb.Ticket]:
    lines = (corpus / "test.jsonl").read_text(encoding="utf-8").splitlines()[:N_TICKETS]
    rows = [json.loads(line) for line in lines]
    return [
        make_ticket(id=f"S-{i}", subject=r.get("subject", ""), body=r.get("body", "") or "x")
        for i, r in enumerate(rows)
    ]


def _settings(tmp_path: Path, served: Path, shadow: Path, **changes: object) -> Settings:
    return replace(
        SETTINGS,
        model_dir=served,
        shadow_model=str(shadow),
        admin_token=ADMIN_TOKEN,
        policy_dir=tmp_path / "policy",
        **changes,  # type: ignore[arg-type]
    )


def _send(app: App, tickets: list[pb.Ticket]) -> pb.ModelInfo:
    """Half the tickets through Triage, half through SuggestAnswer; then the shadow's report."""
    with grpc.insecure_channel(app.target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        for i, ticket in enumerate(tickets):
            if i % 2:
                stub.SuggestAnswer(pb.SuggestAnswerRequest(ticket=ticket), timeout=30)
            else:
                stub.Triage(pb.TriageRequest(ticket=ticket), timeout=30)
        assert app.shadow is not None and app.shadow.drain(60)
        return stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=10)


def _heads(info: pb.ModelInfo) -> dict[str, pb.ShadowHead]:
    return {h.head: h for h in info.shadow.heads}


def test_a_twin_shadow_agrees_on_every_head(
    bundles: dict[str, Path], corpus: Path, tmp_path: Path, text_pipeline: TextPipeline
) -> None:
    settings = _settings(tmp_path, bundles["served"], bundles["twin"])
    with running_app(settings, text_pipeline) as app:
        info = _send(app, _tickets(corpus))
    shadow = info.shadow
    assert (shadow.model_version, shadow.source) == ("twin", str(bundles["twin"]))
    assert (shadow.scored, shadow.dropped, shadow.failed) == (N_TICKETS, 0, 0)
    heads = _heads(info)
    assert {"topic", "priority", "tier", "sentiment", ESCALATED} <= set(heads)
    for head in heads.values():
        assert (head.compared, head.agreed, head.agreement) == (N_TICKETS, N_TICKETS, 1.0), head
        assert sum(head.labels.values()) == N_TICKETS


def test_another_model_disagrees_somewhere_and_reports_its_label_mix(
    bundles: dict[str, Path], corpus: Path, tmp_path: Path, text_pipeline: TextPipeline
) -> None:
    settings = _settings(tmp_path, bundles["served"], bundles["other"])
    with running_app(settings, text_pipeline) as app:
        tickets = _tickets(corpus)
        info = _send(app, tickets)
        with grpc.insecure_channel(app.target) as channel:  # what the served model answered
            stub = pb_grpc.TriageServiceStub(channel)
            served = [stub.Triage(pb.TriageRequest(ticket=t), timeout=30) for t in tickets]
    heads = _heads(info)
    assert info.version == "served" and info.shadow.scored == N_TICKETS
    assert any(h.agreement < 1.0 for h in heads.values())
    # topic labels are the heads' own (no policy rule changes them): recount them directly
    other = load_bundle(bundles["other"], text_pipeline).predict(
        [ticket_from_proto(t) for t in tickets]
    )
    theirs = [r.predictions["topic"].label for r in other]
    topic = heads["topic"]
    assert dict(topic.labels) == dict(Counter(theirs))
    assert topic.agreed == sum(r.topic.label == t for r, t in zip(served, theirs, strict=True))
    assert topic.compared == N_TICKETS and topic.agreement == topic.agreed / N_TICKETS


def test_a_full_queue_drops_shadow_work_and_responses_never_wait(
    bundles: dict[str, Path], corpus: Path, tmp_path: Path, text_pipeline: TextPipeline
) -> None:
    settings = _settings(tmp_path, bundles["served"], bundles["twin"], shadow_queue=1)
    app = build_app(replace(settings, shadow_model=""), text=text_pipeline)
    app.start(wait_loaded=True)
    try:  # a scorer whose worker has not started yet: the queue holds one batch
        scorer = ShadowScorer(settings, app.service, source_for(settings.shadow_model, settings), 1)
        scorer.load()
        app.service.observe(scorer.observe)
        app.service.shadow_report = scorer.report
        with grpc.insecure_channel(app.target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            for ticket in _tickets(corpus)[:3]:
                stub.Triage(pb.TriageRequest(ticket=ticket), timeout=30)
            report = stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=10).shadow
            assert (report.scored, report.dropped) == (0, 2)
            scorer._worker.start()  # the observer is registered already
            assert scorer.drain(60)
            report = stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=10).shadow
            assert (report.scored, report.dropped, report.failed) == (1, 2, 0)
        scorer.stop()
    finally:
        app.stop(None)


def test_the_shadow_follows_its_source_on_reload_and_a_bad_one_leaves_serving_alone(
    bundles: dict[str, Path],
    corpus: Path,
    tmp_path: Path,
    text_pipeline: TextPipeline,
    caplog: pytest.LogCaptureFixture,
) -> None:
    link = tmp_path / "challenger"
    link.symlink_to(bundles["bad"])
    settings = _settings(tmp_path, bundles["served"], link)
    with running_app(settings, text_pipeline) as app:
        with grpc.insecure_channel(app.target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            admin = pb_grpc.AdminServiceStub(channel)
            stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=30)
            info = stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=10)
            assert info.version == "served" and not info.HasField("shadow")
            assert any("shadow model not reloaded" in r.getMessage() for r in caplog.records)

            repoint(link, bundles["twin"])
            reply = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
            assert reply.changed is False  # the served model did not move; the shadow did
            info = _send(app, _tickets(corpus)[:4])
    assert info.shadow.model_version == "twin" and info.shadow.scored == 4
