"""AdminService over a real server: auth codes, get/validate/set/reload/simulate, hot reload with
no failed calls, and escalation on every Triage response."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.service import Predictor, TriageService
from triage.settings import PROJECT_ROOT
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

TOKEN = "s3cret-admin"
AUTH = (("authorization", f"Bearer {TOKEN}"),)
POLICY = (PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def admin_server(
    tiny_model: Predictor, tmp_path_factory: pytest.TempPathFactory, corpus: Path
) -> Iterator[tuple[str, TriageService]]:
    settings = replace(
        SETTINGS,
        admin_token=TOKEN,
        policy_dir=tmp_path_factory.mktemp("state") / "policy",
        simulation_dir=str(corpus),
    )
    service = TriageService(settings, tiny_model)
    with running_server(service, settings) as target:
        yield target, service


@pytest.fixture(scope="module")
def admin_channel(admin_server: tuple[str, TriageService]) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(admin_server[0]) as ch:
        yield ch


@pytest.fixture(scope="module")
def admin(admin_channel: grpc.Channel) -> pb_grpc.AdminServiceStub:
    return pb_grpc.AdminServiceStub(admin_channel)


@pytest.fixture(scope="module")
def triage(admin_channel: grpc.Channel) -> pb_grpc.TriageServiceStub:
    return pb_grpc.TriageServiceStub(admin_channel)


def _code(call, request, metadata=()) -> tuple[grpc.StatusCode, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(grpc.RpcError) as info:
        call(request, metadata=metadata, timeout=10)
    return info.value.code(), info.value.details()


def test_admin_calls_need_the_token(admin: pb_grpc.AdminServiceStub) -> None:
    request = pb.GetPolicyRequest()
    code, message = _code(admin.GetPolicy, request)
    assert code is grpc.StatusCode.UNAUTHENTICATED and "authorization: Bearer" in message
    code, _ = _code(admin.GetPolicy, request, (("authorization", "Basic abc"),))
    assert code is grpc.StatusCode.UNAUTHENTICATED
    code, message = _code(
        admin.SetPolicy, pb.SetPolicyRequest(yaml=POLICY), (("authorization", "Bearer wrong"),)
    )
    assert code is grpc.StatusCode.PERMISSION_DENIED and message == "the admin token is not valid"


def test_reflection_lists_the_admin_service(admin_channel: grpc.Channel) -> None:
    from google.protobuf.descriptor_pool import DescriptorPool
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
        ProtoReflectionDescriptorDatabase,
    )

    database = ProtoReflectionDescriptorDatabase(admin_channel)
    assert "triage.v1.AdminService" in set(database.get_services())
    methods = DescriptorPool(database).FindServiceByName("triage.v1.AdminService").methods_by_name
    assert set(methods) == {
        "GetPolicy",
        "ValidatePolicy",
        "SetPolicy",
        "SimulatePolicy",
        "ReloadPolicy",
        "ReloadContent",
        "ReloadModel",
    }


def test_admin_is_off_without_a_configured_token(tiny_model: Predictor, tmp_path: Path) -> None:
    service = TriageService(replace(SETTINGS, policy_dir=tmp_path), tiny_model)
    with running_server(service) as target, grpc.insecure_channel(target) as ch:
        code, message = _code(pb_grpc.AdminServiceStub(ch).GetPolicy, pb.GetPolicyRequest(), AUTH)
        assert (code, message) == (
            grpc.StatusCode.UNAUTHENTICATED,
            "admin calls are disabled: the server has no admin token (set TRIAGE_ADMIN_TOKEN)",
        )
        # Before the request is parsed: bytes that are no message get the same answer.
        raw = ch.unary_unary("/triage.v1.AdminService/SetPolicy")
        with pytest.raises(grpc.RpcError) as info:
            raw(b"\xff\xff", metadata=AUTH, timeout=10)
        assert (info.value.code(), info.value.details()) == (code, message)
        # Plain triage calls need no token.
        reply = pb_grpc.TriageServiceStub(ch).Triage(
            pb.TriageRequest(ticket=make_ticket()), timeout=10
        )
        assert reply.policy_version
    assert not any(tmp_path.iterdir())  # refused calls touch nothing


def test_triage_responses_carry_escalation_and_bands(triage: pb_grpc.TriageServiceStub) -> None:
    ticket = make_ticket(
        body="Someone hacked my account and I will contact my lawyer about it.",
        customer=pb.Customer(id="C-1", segment="smb", vip=True),
        previous_contacts=3,
    )
    reply = triage.Triage(pb.TriageRequest(ticket=ticket), timeout=10)
    e = reply.escalation
    assert reply.policy_version and 0.0 <= e.risk <= 1.0
    assert e.escalate and e.band == pb.BAND_AUTO
    flags = {f.code: f for f in e.flags}
    assert len(flags) == 8
    legal = flags["LEGAL_THREAT"]
    assert legal.raised and legal.threshold == 0.5
    [span] = legal.evidence
    assert (span.field, ticket.body[span.start : span.end], span.text) == (
        "body",
        "lawyer",
        "lawyer",
    )
    assert flags["VIP_CUSTOMER"].raised and flags["REPEAT_CONTACT"].raised
    assert reply.tier.label == "L3"  # SECURITY_INCIDENT implies L3
    assert reply.topic.band != pb.BAND_UNSPECIFIED


def test_get_validate_set_reload(
    admin: pb_grpc.AdminServiceStub, triage: pb_grpc.TriageServiceStub
) -> None:
    current = admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH, timeout=10)
    assert current.version.version == "v1" and current.yaml == POLICY

    bad = POLICY.replace("threshold: 0.5\n", "threshold: 7\n", 1)
    result = admin.ValidatePolicy(pb.ValidatePolicyRequest(yaml=bad), metadata=AUTH, timeout=10)
    assert not result.valid
    assert [(e.key, e.line) for e in result.errors] == [("escalation.threshold", 7)]
    code, message = _code(admin.SetPolicy, pb.SetPolicyRequest(yaml=bad, author="ops"), AUTH)
    assert code is grpc.StatusCode.INVALID_ARGUMENT and "escalation.threshold (line 7)" in message

    stricter = POLICY.replace("threshold: 0.5\n", "threshold: 0.9\n", 1)
    assert admin.ValidatePolicy(pb.ValidatePolicyRequest(yaml=stricter), metadata=AUTH).valid
    done = admin.SetPolicy(
        pb.SetPolicyRequest(yaml=stricter, author="ops@example", comment="fewer escalations"),
        metadata=AUTH,
        timeout=10,
    )
    assert done.version.version == "v2" and done.version.author == "ops@example"
    reply = triage.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=10)
    assert reply.policy_version == "v2" and reply.escalation.threshold == 0.9

    history = admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH, timeout=10).history
    assert [(v.version, v.author) for v in history] == [("v1", "system"), ("v2", "ops@example")]
    old = admin.GetPolicy(pb.GetPolicyRequest(version="v1"), metadata=AUTH, timeout=10)
    assert old.yaml == POLICY
    code, _ = _code(admin.GetPolicy, pb.GetPolicyRequest(version="v42"), AUTH)
    assert code is grpc.StatusCode.NOT_FOUND
    assert admin.ReloadPolicy(pb.ReloadPolicyRequest(), metadata=AUTH).version == "v2"


def test_simulate_with_tickets_sent_in(admin: pb_grpc.AdminServiceStub) -> None:
    tickets = [
        pb.LabelledTicket(
            ticket=make_ticket(id="a", body="I will sue you over this invoice."), escalated=True
        ),
        pb.LabelledTicket(ticket=make_ticket(id="b"), escalated=False),
        pb.LabelledTicket(ticket=make_ticket(id="c"), escalated=True),
    ]
    request = pb.SimulatePolicyRequest(yaml=POLICY, tickets=pb.LabelledTickets(tickets=tickets))
    report = admin.SimulatePolicy(request, metadata=AUTH, timeout=30)
    assert (report.tickets, report.recorded_escalations) == (3, 2)
    legal = next(f for f in report.flags if f.code == "LEGAL_THREAT")
    assert (legal.escalations, legal.true_positives, legal.precision, legal.recall) == (
        1,
        1,
        1.0,
        0.5,
    )
    assert report.overall.escalations >= 1 and report.current_policy_version
    code, message = _code(admin.SimulatePolicy, pb.SimulatePolicyRequest(yaml=POLICY), AUTH)
    assert code is grpc.StatusCode.INVALID_ARGUMENT and "dataset_path or tickets" in message


def test_simulate_a_dataset_on_the_server(admin: pb_grpc.AdminServiceStub, corpus: Path) -> None:
    request = pb.SimulatePolicyRequest(dataset_path="test.jsonl")  # under simulation_dir
    report = admin.SimulatePolicy(request, metadata=AUTH, timeout=120)
    assert report.tickets > 100 and report.recorded_escalations > 0
    assert (
        report.per_day and sum(d.escalations for d in report.per_day) == report.overall.escalations
    )
    assert report.overall.changed == 0  # the current policy against itself


def test_set_policy_under_load_loses_no_request(
    admin: pb_grpc.AdminServiceStub, triage: pb_grpc.TriageServiceStub
) -> None:
    stop, seen, failures = threading.Event(), [], []

    def load() -> None:
        while not stop.is_set():
            try:
                reply = triage.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=10)
                seen.append(reply.policy_version)
            except grpc.RpcError as exc:  # pragma: no cover - the assertion below reports it
                failures.append(exc.code())

    workers = [threading.Thread(target=load) for _ in range(3)]
    for w in workers:
        w.start()
    try:
        while len(seen) < 20:
            threading.Event().wait(0.02)
        version = admin.SetPolicy(
            pb.SetPolicyRequest(yaml=POLICY, author="load-test"), metadata=AUTH
        )
        before = len(seen)
        while len(seen) < before + 20:
            threading.Event().wait(0.02)
    finally:
        stop.set()
        for w in workers:
            w.join()
    assert failures == []
    assert seen[-1] == version.version.version and len(set(seen)) >= 2
