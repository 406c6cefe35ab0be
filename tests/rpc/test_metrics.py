"""Prometheus metrics (`TRIAGE_METRICS_PORT`) scraped over HTTP from the app `serve` runs, after
real gRPC calls: request counts and latency by RPC and code, predictions, escalations,
hand-overs, model and policy versions, the shadow's counters; feedback counting; and drift: a
shifted input mix (only billing tickets, only Romanian) pushes the PSI gauge past the threshold
with one warning, a sample drawn like the training data keeps it low."""

from __future__ import annotations

import logging
import random
import socket
import urllib.request
from collections import Counter
from dataclasses import replace
from pathlib import Path

import grpc
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.rpc.conftest import SETTINGS, make_ticket
from tests.rpc.reloading import ADMIN_TOKEN, AUTH, running_app, versioned_copy
from training.dataset import load_dataset
from triage.app import App, build_app
from triage.drift import EPSILON, DriftMonitor, psi
from triage.errors import ConfigError
from triage.metrics import Metrics
from triage.rpc.converters import ticket_to_proto
from triage.service import Predictor, TriageService
from triage.settings import Settings
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(app: App) -> Samples:
    """Every sample of GET /metrics: (name, labels) -> value."""
    with urllib.request.urlopen(f"http://127.0.0.1:{app.metrics_port}/metrics", timeout=10) as r:
        text = r.read().decode("utf-8")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def total(samples: Samples, name: str, **labels: str) -> float:
    """Sum over the samples of `name` whose labels include `labels`."""
    want = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and want <= ls)


def _labelled(corpus: Path, name: str) -> list[tuple[pb.Ticket, str, str]]:
    """(ticket with all its metadata, topic, language) of a corpus file."""
    data = load_dataset(corpus / name)
    topics, languages = data.labels["topic"], data.labels["language"]
    return [
        (ticket_to_proto(t), str(topic), str(language))
        for t, topic, language in zip(data.tickets, topics, languages, strict=True)
    ]


@pytest.fixture(scope="module")
def bundles(tiny_model_dir: Path, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("metrics-bundles")
    return {v: versioned_copy(tiny_model_dir, root / v, v) for v in ("served", "twin")}


def test_metrics_count_real_calls(
    bundles: dict[str, Path], corpus: Path, tmp_path: Path, text_pipeline: TextPipeline
) -> None:
    settings = replace(
        SETTINGS,
        model_dir=bundles["served"],
        shadow_model=str(bundles["twin"]),
        admin_token=ADMIN_TOKEN,
        policy_dir=tmp_path / "policy",
        feedback_url=f"sqlite:///{tmp_path / 'feedback.db'}",
    )
    tickets = [t for t, _, _ in _labelled(corpus, "test.jsonl")[:12]]
    asks_human = make_ticket(id="H-1", body="This bot is useless, let me talk to a human please")
    with (
        running_app(settings, text_pipeline, metrics_port=0) as app,
        grpc.insecure_channel(app.target) as channel,
    ):
        stub, admin = pb_grpc.TriageServiceStub(channel), pb_grpc.AdminServiceStub(channel)
        replies = [stub.Triage(pb.TriageRequest(ticket=t), timeout=30) for t in tickets[:6]]
        streamed = list(
            stub.TriageStream((pb.TriageRequest(ticket=t) for t in tickets[6:9]), timeout=30)
        )
        answers = [
            stub.SuggestAnswer(pb.SuggestAnswerRequest(ticket=t), timeout=30)
            for t in [*tickets[9:], asks_human]
        ]
        with pytest.raises(grpc.RpcError) as bad:
            stub.Triage(pb.TriageRequest(ticket=make_ticket(body="x" * 5000)), timeout=30)
        assert bad.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert "ticket.body" in (bad.value.details() or "")
        policy = admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH, timeout=10)
        with pytest.raises(grpc.RpcError) as denied:
            admin.GetPolicy(pb.GetPolicyRequest(), timeout=10)
        assert denied.value.code() is grpc.StatusCode.UNAUTHENTICATED
        served = replies[0]  # corrected by an agent: topic as served, tier changed
        tier = "L3" if served.tier.label != "L3" else "L1"
        labels = {"topic": served.topic.label, "tier": tier}
        stub.SubmitFeedback(
            pb.FeedbackRequest(ticket_id=served.ticket_id, labels=labels, agent_id="a"), timeout=30
        )
        assert app.shadow is not None and app.shadow.drain(60)
        samples = scrape(app)
        stricter = policy.yaml.replace("threshold: 0.5\n", "threshold: 0.9\n", 1)
        newer = admin.SetPolicy(pb.SetPolicyRequest(yaml=stricter), metadata=AUTH, timeout=10)
        after = scrape(app)

    requests = "triage_requests_total"
    assert value(samples, requests, rpc="Triage", code="OK") == 6
    assert value(samples, requests, rpc="Triage", code="INVALID_ARGUMENT") == 1
    assert value(samples, requests, rpc="TriageStream", code="OK") == 1
    assert value(samples, "triage_stream_messages_total", rpc="TriageStream") == 3
    assert value(samples, requests, rpc="SuggestAnswer", code="OK") == 4
    assert value(samples, requests, rpc="GetPolicy", code="OK") == 1
    assert value(samples, requests, rpc="GetPolicy", code="UNAUTHENTICATED") == 1
    latency = "triage_request_seconds"
    assert value(samples, f"{latency}_count", rpc="Triage", code="OK") == 6
    assert value(samples, f"{latency}_bucket", rpc="Triage", code="OK", le="+Inf") == 6
    assert value(samples, f"{latency}_sum", rpc="Triage", code="OK") > 0

    judged = 6 + 3 + 4
    results = [*replies, *streamed]
    assert total(samples, "triage_predictions_total", head="topic") == judged
    seen = Counter(
        (r.topic.label, pb.Band.Name(r.topic.band).removeprefix("BAND_").lower()) for r in results
    )
    for (label, band), n in seen.items():  # every label and band the client saw is counted
        assert value(samples, "triage_predictions_total", head="topic", label=label, band=band) >= n
    assert total(samples, "triage_escalation_decisions_total") == judged
    escalated = [r.escalation for r in results if r.escalation.escalate]
    escalated += [a.escalation for a in answers if a.escalation.escalate]
    flags = Counter(f.code for e in escalated for f in e.flags if f.raised)
    flags.update("none" for e in escalated if not any(f.raised for f in e.flags))
    assert {k: total(samples, "triage_escalations_total", flag=k) for k in flags} == flags
    assert total(samples, "triage_escalations_total") == sum(flags.values())
    reasons = Counter(
        pb.HandoverReason.Name(a.handover_reason).removeprefix("HANDOVER_REASON_").lower()
        for a in answers
        if a.handover
    )
    assert reasons["human_requested"] >= 1
    assert {k: total(samples, "triage_handovers_total", reason=k) for k in reasons} == reasons

    assert value(samples, requests, rpc="SubmitFeedback", code="OK") == 1
    for head, agreed in (("topic", 1), ("tier", 0)):
        assert value(samples, "triage_feedback_total", head=head) == 1
        assert value(samples, "triage_feedback_compared_total", head=head) == 1
        assert value(samples, "triage_feedback_agreed_total", head=head) == agreed

    assert value(samples, "triage_model_info", version="served") == 1
    assert value(samples, "triage_policy_info", version=policy.version.version) == 1
    assert value(after, "triage_policy_info", version=newer.version.version) == 1
    assert newer.version.version != policy.version.version

    assert value(samples, "triage_shadow_scored_total") == judged
    assert value(samples, "triage_shadow_dropped_total") == 0
    assert value(samples, "triage_shadow_model_info", version="twin", source=str(bundles["twin"]))
    for head in ("topic", "priority", "escalated"):
        assert value(samples, "triage_shadow_compared_total", head=head) == judged
        assert value(samples, "triage_shadow_agreed_total", head=head) == judged


def test_feedback_counts_received_and_agreement(tiny_model: Predictor) -> None:
    metrics = Metrics(SETTINGS, TriageService(SETTINGS, tiny_model))
    metrics.feedback(
        {"topic": "billing", "priority": "high"}, {"topic": "billing", "priority": "low"}
    )
    metrics.feedback({"topic": "refund"}, {"topic": "billing"})
    metrics.feedback({"topic": "billing"}, None)  # served prediction unknown: received only
    read = metrics.registry.get_sample_value
    assert read("triage_feedback_total", {"head": "topic"}) == 3
    assert read("triage_feedback_compared_total", {"head": "topic"}) == 2
    assert read("triage_feedback_agreed_total", {"head": "topic"}) == 1
    assert read("triage_feedback_agreed_total", {"head": "priority"}) is None
    assert read("triage_feedback_compared_total", {"head": "priority"}) == 1


def test_psi_and_a_model_without_reference() -> None:
    assert psi({"a": 50, "b": 50}, {"a": 5, "b": 5}) == 0
    # (0.9 - 0.5) ln(0.9/0.5) + (0.1 - 0.5) ln(0.1/0.5)
    assert psi({"a": 90, "b": 10}, {"a": 1, "b": 1}) == pytest.approx(0.8789, abs=1e-4)
    # a label never seen in training counts as EPSILON there: large, finite
    assert psi({"new": 1}, {"a": 1}) == pytest.approx(2 * (1 - EPSILON) * 9.2103, rel=1e-3)
    monitor = DriftMonitor(window=10, min_tickets=1, threshold=0.2)
    monitor.reset({"version": "old"})  # trained before drift references: absent, not guessed
    state = monitor.state()
    assert (state.has_reference, state.tickets, state.psi) == (False, 0, {})


def test_drift_gauge_moves_on_a_shifted_mix_and_stays_low_on_a_like_sample(
    tiny_model_dir: Path,
    corpus: Path,
    tmp_path: Path,
    text_pipeline: TextPipeline,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # PSI of a sample like the reference is noise of about (bins - 1) / tickets: 14 topics need
    # a few hundred tickets to stay well under 0.2 (the default window is 1000).
    window = least = 240
    settings = replace(
        SETTINGS,
        model_dir=tiny_model_dir,
        policy_dir=tmp_path / "policy",
        drift_window=window,
        drift_min_tickets=least,
        drift_psi_threshold=0.2,
    )
    held_out = _labelled(corpus, "test.jsonl")  # the model's drift reference was measured on it
    # Drawn from the held-out tickets the reference was measured on: the served predictions must
    # reproduce training's (a ticket without its metadata, for one, is judged differently).
    like = [t for t, _, _ in random.Random(7).sample(held_out, window)]
    rows = held_out + _labelled(corpus, "train.jsonl")  # enough of one topic or one language
    billing = [t for t, topic, _ in rows if topic == "billing"][: least // 2]
    romanian = [t for t, _, language in rows if language == "ro"][:least]
    assert (len(billing), len(romanian)) == (least // 2, least)

    def run(app: App, sample: list[pb.Ticket]) -> dict[tuple[str, str], float]:
        with grpc.insecure_channel(app.target) as channel:
            stream = pb_grpc.TriageServiceStub(channel).TriageStream(
                (pb.TriageRequest(ticket=t) for t in sample), timeout=120
            )
            assert len(list(stream)) == len(sample)
        samples = scrape(app)
        return {
            (dict(ls)["signal"], dict(ls)["head"]): v
            for (n, ls), v in samples.items()
            if n == "triage_drift_psi"
        }

    caplog.set_level(logging.INFO, logger="triage.drift")
    with running_app(settings, text_pipeline, metrics_port=0) as app:
        assert value(scrape(app), "triage_drift_reference") == 1
        assert run(app, like[: least - 1]) == {}  # under drift_min_tickets: nothing reported
        calm = run(app, like[least - 1 :])
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        shifted = run(app, billing)
        warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        app.service.use_model(app.service.current_model())  # a reload empties the window
        assert value(scrape(app), "triage_drift_window_tickets") == 0
        foreign = run(app, romanian)
    print(f"PSI like the training data: {sorted(calm.items())}")
    print(f"PSI only billing: {sorted(shifted.items())}")
    print(f"PSI only Romanian: {sorted(foreign.items())}")
    assert {("label", "topic"), ("language", ""), ("confidence", "topic")} <= set(calm)
    assert max(calm.values()) < 0.2, calm
    assert shifted[("label", "topic")] > 0.2
    assert shifted[("language", "")] < 0.2  # billing tickets come in every language
    assert foreign[("language", "")] > 0.2
    assert sum("label of head topic" in w for w in warned) == 1, warned  # once per crossing


def test_a_metrics_port_in_use_is_a_config_error(tiny_model: Predictor, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = replace(SETTINGS, metrics_port=port, policy_dir=tmp_path / "policy")
        app = build_app(settings, model=tiny_model)
        with pytest.raises(ConfigError) as refused:
            app.start()
        app.stop(None)
    assert str(refused.value).startswith(
        f"cannot serve metrics on 127.0.0.1:{port} (TRIAGE_METRICS_PORT): "
    )
    with pytest.raises(ValueError, match="TRIAGE_DRIFT_MIN_TICKETS: must be from 1 to"):
        Settings.from_env({"TRIAGE_DRIFT_WINDOW": "10", "TRIAGE_DRIFT_MIN_TICKETS": "11"})
