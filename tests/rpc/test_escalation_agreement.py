"""Triage and SuggestAnswer judge escalation the same way (one path through the service): the
chatbot's hand-over carries the very decision Triage gives the same ticket, queue overrides
(which read the routed queue) included. A real server on port 0."""

from __future__ import annotations

from collections.abc import Sequence

import grpc

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.domain import Ticket, TriageResult
from triage.escalation.policy import candidate_policy
from triage.rpc.converters import ticket_from_proto
from triage.service import Predictor, TriageService
from triage.settings import PROJECT_ROOT
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

# The shipped policy plus a near-zero risk threshold for tickets routed to `accounts`: a
# ticket's decision then depends on the queue routing picked, which SuggestAnswer used to skip.
POLICY = (
    (PROJECT_ROOT / "data" / "policy.yaml")
    .read_text(encoding="utf-8")
    .replace("  queues:\n", "  queues:\n    accounts:\n      threshold: 0.01\n", 1)
)

TICKETS = [
    ("Account hacked", "Someone hacked my account and changed my password, unauthorized login."),
    ("Suspicious login", "I got a security alert about a login from another country."),
    ("Invoice charged twice", "My invoice for March was charged twice, please refund one."),
    ("Where is my parcel", "My order never arrived and tracking has not moved for a week."),
    ("CANCEL NOW", "This is the third time I write. Cancel my subscription or I call my lawyer!"),
    ("App crashes", "The app crashes when I open settings on Android."),
]


def _decision(e: pb.Escalation) -> tuple[bool, tuple[str, ...], float, float]:
    raised = tuple(sorted(f.code for f in e.flags if f.raised))
    return e.escalate, raised, round(e.risk, 9), round(e.threshold, 9)


def test_suggest_answer_hands_over_on_the_same_escalation_decision_as_triage(
    tiny_model: Predictor,
) -> None:
    assert "accounts:\n      threshold: 0.01" in POLICY  # the edit above applied
    service = TriageService(SETTINGS, tiny_model, policy=candidate_policy(POLICY))
    service.reload_content()
    with running_server(service) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        triaged, answered = [], []
        for i, (subject, body) in enumerate(TICKETS):
            ticket = make_ticket(id=f"T-{i}", subject=subject, body=body)
            response = stub.Triage(pb.TriageRequest(ticket=ticket), timeout=10)
            answer = stub.SuggestAnswer(pb.SuggestAnswerRequest(ticket=ticket), timeout=10)
            triaged.append((response.routing[0].queue, _decision(response.escalation)))
            answered.append(_decision(answer.escalation))
            if answer.escalation.escalate:  # the chatbot hands over on that decision
                assert answer.handover
            assert answer.model_version == response.model_version
            assert answer.policy_version == response.policy_version
    assert [d for _, d in triaged] == answered
    # Not vacuous: the queue override decided some ticket (its threshold is the override's).
    assert any(queue == "accounts" and d[3] == 0.01 and d[0] for queue, d in triaged), triaged
    assert {d[0] for _, d in triaged} == {True, False}, triaged


def test_single_and_batch_predictions_stay_equal_through_analyse(tiny_model: Predictor) -> None:
    """The service's batch path (one analyse call for all) equals one call per ticket."""
    service = TriageService(SETTINGS, tiny_model, policy=candidate_policy(POLICY))
    service.reload_content()
    tickets = [
        ticket_from_proto(make_ticket(id=f"T-{i}", subject=s, body=b))
        for i, (s, b) in enumerate(TICKETS)
    ]
    assert service.triage_many(tickets) == [service.triage(t) for t in tickets]


def test_observers_see_every_judged_ticket_with_its_result(tiny_model: Predictor) -> None:
    """The seam a shadow model hangs off: Triage and SuggestAnswer alike hand it their batch."""
    service = TriageService(SETTINGS, tiny_model, policy=candidate_policy(POLICY))
    service.reload_content()
    seen: list[tuple[str, str]] = []

    def observer(tickets: Sequence[Ticket], results: Sequence[TriageResult]) -> None:
        seen.extend((t.id, r.model_version) for t, r in zip(tickets, results, strict=True))

    service.observe(observer)
    with running_server(service) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        stub.Triage(pb.TriageRequest(ticket=make_ticket(id="T-a")), timeout=10)
        stub.SuggestAnswer(pb.SuggestAnswerRequest(ticket=make_ticket(id="T-b")), timeout=10)
    assert seen == [("T-a", tiny_model.version), ("T-b", tiny_model.version)]
