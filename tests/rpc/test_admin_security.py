"""The admin surface against a real server on port 0: SimulatePolicy datasets confined to the
simulation directory, policy/author/comment/version limits, two servers sharing one policy
store, and ticket fields that used to answer INTERNAL or huge responses (security review
findings 9-14)."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from tests.escalation.test_policy_limits import with_rules
from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.domain import Ticket, TriageResult
from triage.escalation.engine import MAX_EVIDENCE_SPANS
from triage.escalation.policy import MAX_POLICY_BYTES, MAX_RULES, PolicyVersion
from triage.rpc.admin import bounded_history
from triage.service import Predictor, TriageService
from triage.settings import PROJECT_ROOT, Settings
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

TOKEN = "admin-security-token"
AUTH = (("authorization", f"Bearer {TOKEN}"),)
POLICY = (PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8")
SECRET = "jane.doe@example.com"
ROW = '{"subject": "Refund", "body": "I will sue you over this refund", "escalated": true}\n'
OUTSIDE = (
    "dataset_path: must name a .jsonl or .csv file by its path relative to the simulation directory"
)


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("admin-security")
    sim = root / "sim"
    sim.mkdir()
    (sim / "history.jsonl").write_text(ROW * 3)
    (sim / "bad.jsonl").write_text(ROW + f'["{SECRET}"]\n')
    (root / "outside.jsonl").write_text(ROW)
    (sim / "escape.jsonl").symlink_to(root / "outside.jsonl")
    with (sim / "huge.jsonl").open("wb") as handle:
        handle.truncate(130 * 1024 * 1024)  # sparse
    return root


def _settings(state: Path, name: str, **changes: object) -> Settings:
    return replace(
        SETTINGS,
        admin_token=TOKEN,
        policy_dir=state / name,
        simulation_dir=str(state / "sim"),
        simulation_max_bytes=1024 * 1024,
        max_message_bytes=1024 * 1024,
        **changes,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def target(tiny_model: Predictor, state: Path) -> Iterator[str]:
    settings = _settings(state, "policy")
    with running_server(TriageService(settings, tiny_model), settings) as address:
        yield address


@pytest.fixture(scope="module")
def admin(target: str) -> Iterator[pb_grpc.AdminServiceStub]:
    with grpc.insecure_channel(target) as channel:
        yield pb_grpc.AdminServiceStub(channel)


@pytest.fixture(scope="module")
def triage(target: str) -> Iterator[pb_grpc.TriageServiceStub]:
    with grpc.insecure_channel(target) as channel:
        yield pb_grpc.TriageServiceStub(channel)


def _error(call, request, metadata=AUTH) -> tuple[grpc.StatusCode, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(grpc.RpcError) as info:
        call(request, metadata=metadata, timeout=30)
    return info.value.code(), info.value.details()


def _simulate(path: str) -> pb.SimulatePolicyRequest:
    return pb.SimulatePolicyRequest(dataset_path=path)


def test_simulate_reads_only_under_the_simulation_dir(
    admin: pb_grpc.AdminServiceStub, state: Path
) -> None:  # finding #12
    report = admin.SimulatePolicy(_simulate("history.jsonl"), metadata=AUTH, timeout=60)
    assert (report.tickets, report.recorded_escalations) == (3, 3)
    for path in (
        str(state / "outside.jsonl"),  # exists
        str(state / "missing.jsonl"),  # does not: the same answer
        "/etc/passwd",
        "../outside.jsonl",
        "../missing.jsonl",
        "escape.jsonl",  # a symlink leading out
    ):
        assert _error(admin.SimulatePolicy, _simulate(path)) == (
            grpc.StatusCode.PERMISSION_DENIED,
            OUTSIDE,
        ), path
    code, message = _error(admin.SimulatePolicy, _simulate("missing.jsonl"))
    assert (code, message) == (grpc.StatusCode.INVALID_ARGUMENT, "dataset_path: no such file")


def test_simulate_dataset_errors_are_precise_and_echo_nothing(
    admin: pb_grpc.AdminServiceStub, caplog: pytest.LogCaptureFixture
) -> None:  # finding #12
    caplog.set_level(logging.INFO)
    code, message = _error(admin.SimulatePolicy, _simulate("bad.jsonl"))
    assert code is grpc.StatusCode.INVALID_ARGUMENT
    assert message == "dataset_path: line 2: must be a JSON object, not an array"
    code, message = _error(admin.SimulatePolicy, _simulate("huge.jsonl"))
    assert (code, message) == (
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "dataset_path: the file is over the limit of 1048576 bytes",
    )
    assert SECRET not in caplog.text


def test_server_side_datasets_are_off_without_a_directory(
    tiny_model: Predictor, state: Path
) -> None:  # finding #12
    settings = replace(_settings(state, "policy-off"), simulation_dir="")
    with running_server(TriageService(settings, tiny_model), settings) as address:
        with grpc.insecure_channel(address) as channel:
            stub = pb_grpc.AdminServiceStub(channel)
            code, message = _error(stub.SimulatePolicy, _simulate("history.jsonl"))
    assert code is grpc.StatusCode.PERMISSION_DENIED
    assert message == (
        "dataset_path: reading datasets on the server is off (it has no "
        "TRIAGE_SIMULATION_DIR); send the tickets in the request instead"
    )


def test_policy_limits_over_rpc(
    admin: pb_grpc.AdminServiceStub, caplog: pytest.LogCaptureFixture
) -> None:  # findings #13, #14
    caplog.set_level(logging.INFO)
    huge = "v" + "9" * 500_000
    code, message = _error(admin.GetPolicy, pb.GetPolicyRequest(version=huge))
    assert (code, message) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "version: must be empty or a version name like v3",
    )
    assert "9" * 100 not in caplog.text  # the value is not logged
    reply = admin.ValidatePolicy(pb.ValidatePolicyRequest(yaml="[" * 50_000), metadata=AUTH)
    assert not reply.valid and reply.errors[0].message in (
        "nested deeper than 12 levels",
        "not valid YAML: exceeded maximum nesting depth",  # libyaml's own limit
    )
    big = POLICY + "#" * MAX_POLICY_BYTES
    for call, request in (
        (admin.ValidatePolicy, pb.ValidatePolicyRequest(yaml=big)),
        (admin.SetPolicy, pb.SetPolicyRequest(yaml=big)),
        (admin.SimulatePolicy, pb.SimulatePolicyRequest(yaml=big, dataset_path="history.jsonl")),
    ):
        assert _error(call, request) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            f"yaml: is {len(big)} bytes, over the limit of {MAX_POLICY_BYTES} bytes",
        )
    assert _error(admin.SetPolicy, pb.SetPolicyRequest(yaml=POLICY, author="a" * 1000)) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "author: is 1000 bytes, over the limit of 256 bytes",
    )
    code, message = _error(admin.SetPolicy, pb.SetPolicyRequest(yaml=POLICY, comment="c" * 400_000))
    assert code is grpc.StatusCode.INVALID_ARGUMENT
    assert message == "comment: is 400000 bytes, over the limit of 4096 bytes"
    code, message = _error(admin.SetPolicy, pb.SetPolicyRequest(yaml=with_rules(MAX_RULES + 1)))
    assert code is grpc.StatusCode.INVALID_ARGUMENT
    expected = rf"invalid policy: rules \(line \d+\): has {MAX_RULES + 1} rules, over the limit of"
    assert re.fullmatch(rf"{expected} {MAX_RULES}", message), message
    started = time.perf_counter()
    admin.SetPolicy(pb.SetPolicyRequest(yaml=with_rules(MAX_RULES), comment="max"), metadata=AUTH)
    took = time.perf_counter() - started
    print(f"SetPolicy with {MAX_RULES} rules: {took:.2f} s")
    current = admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH)
    assert current.version.comment == "max" and current.history[-1] == current.version


def test_history_fits_the_message_limit() -> None:  # finding #14
    from datetime import UTC, datetime

    versions = [
        PolicyVersion(f"v{i}", "ops", datetime.now(UTC), "c" * 4096, "0" * 64) for i in range(1, 51)
    ]
    kept = bounded_history(versions, 64 * 1024)
    assert 10 < len(kept) < 50 and kept[-1].version == "v50"  # the newest, oldest first
    assert sum(v.ByteSize() + 4 for v in kept) <= 64 * 1024


def test_two_servers_sharing_a_store_get_distinct_versions(
    tiny_model: Predictor, state: Path
) -> None:  # finding #9
    # Room for all 20 calls at once: the point is the store's lock, not the concurrency cap.
    settings = _settings(state, "shared", max_workers=10, max_concurrent=10)
    versions: list[str] = []
    with (
        running_server(TriageService(settings, tiny_model), settings) as one,
        running_server(TriageService(settings, tiny_model), settings) as two,
        grpc.insecure_channel(one) as a,
        grpc.insecure_channel(two) as b,
    ):
        stubs = [pb_grpc.AdminServiceStub(a), pb_grpc.AdminServiceStub(b)]
        barrier = threading.Barrier(20)

        def call(i: int) -> None:
            barrier.wait()
            reply = stubs[i % 2].SetPolicy(
                pb.SetPolicyRequest(yaml=POLICY, author=f"call{i}"), metadata=AUTH, timeout=60
            )
            versions.append(reply.version.version)

        threads = [threading.Thread(target=call, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        history = stubs[0].GetPolicy(pb.GetPolicyRequest(), metadata=AUTH).history
    assert sorted(versions, key=lambda v: int(v[1:])) == [f"v{i}" for i in range(2, 22)]
    assert {v.author for v in history} == {"system", *(f"call{i}" for i in range(20))}


def _at(text: str) -> Timestamp:
    ts = Timestamp()
    ts.FromJsonString(text)
    return ts


def test_out_of_range_times_name_the_field(
    triage: pb_grpc.TriageServiceStub,
) -> None:  # finding #10: 9999-12-31T23:59:59Z was an OverflowError in routing -> INTERNAL
    end = _at("9999-12-31T23:59:59Z")
    cases = {
        "ticket.created_at": make_ticket(created_at=end),
        "ticket.sla_due_at": make_ticket(sla_due_at=_at("0001-01-01T00:00:00Z")),
        "ticket.thread[0].sent_at": make_ticket(
            thread=[pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text="hi", sent_at=end)]
        ),
    }
    for field, ticket in cases.items():
        assert _error(triage.Triage, pb.TriageRequest(ticket=ticket), ()) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            f"{field}: must be between 1970-01-01 and 2200-01-01 (UTC)",
        )
    request = pb.SuggestAnswerRequest(
        text="hello",
        conversation=[pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text="x", sent_at=end)],
    )
    assert _error(triage.SuggestAnswer, request, ())[1] == (
        "conversation[0].sent_at: must be between 1970-01-01 and 2200-01-01 (UTC)"
    )
    ok = make_ticket(created_at=_at("2199-12-31T23:00:00Z"), sla_due_at=_at("1970-01-01T00:00:00Z"))
    assert triage.Triage(pb.TriageRequest(ticket=ok), timeout=30).escalation.flags


def test_customer_name_and_evidence_are_bounded(
    triage: pb_grpc.TriageServiceStub,
) -> None:  # finding #11
    ticket = make_ticket(customer=pb.Customer(id="C-1", name="N" * 300_000))
    assert _error(triage.Triage, pb.TriageRequest(ticket=ticket), ()) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "ticket.customer.name: is 300000 bytes, over the limit of 256 bytes",
    )
    body = "I will sue you. " * 120  # 120 legal-threat phrases
    reply = triage.Triage(pb.TriageRequest(ticket=make_ticket(body=body)), timeout=30)
    legal = next(f for f in reply.escalation.flags if f.code == "LEGAL_THREAT")
    assert "120 phrase(s)" in legal.reason  # every phrase still counts
    assert len(legal.evidence) == MAX_EVIDENCE_SPANS
    assert reply.ByteSize() < 16 * 1024


def test_admin_credentials_are_checked_before_the_concurrency_cap(
    tiny_model: Predictor, state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unauthenticated admin callers take no slot and have no bytes parsed: with every slot
    held they still get UNAUTHENTICATED / PERMISSION_DENIED, not RESOURCE_EXHAUSTED."""
    settings = _settings(state, "policy-cap", max_concurrent=2)
    service = TriageService(settings, tiny_model)
    entered, release = threading.Semaphore(0), threading.Event()
    real_triage = service.triage

    def held_triage(ticket: Ticket) -> TriageResult:
        entered.release()
        release.wait(20)
        return real_triage(ticket)

    monkeypatch.setattr(service, "triage", held_triage)
    with running_server(service, settings) as address, grpc.insecure_channel(address) as channel:
        triage, admin = pb_grpc.TriageServiceStub(channel), pb_grpc.AdminServiceStub(channel)
        request = pb.TriageRequest(ticket=make_ticket())
        held = [triage.Triage.future(request, timeout=20) for _ in range(2)]
        raw = channel.unary_unary("/triage.v1.AdminService/SetPolicy")  # bytes as they are
        try:
            assert entered.acquire(timeout=10) and entered.acquire(timeout=10)
            for _ in range(5):  # more refusals than slots
                assert _error(admin.GetPolicy, pb.GetPolicyRequest(), ()) == (
                    grpc.StatusCode.UNAUTHENTICATED,
                    "missing credential: send 'authorization: Bearer <token>' metadata",
                )
                assert _error(
                    admin.SetPolicy,
                    pb.SetPolicyRequest(yaml=POLICY),
                    (("authorization", "Bearer x"),),
                ) == (grpc.StatusCode.PERMISSION_DENIED, "the admin token is not valid")
                with pytest.raises(grpc.RpcError) as info:
                    raw(b"\xff\xff not a message", timeout=10)  # never parsed: no token
                assert info.value.code() is grpc.StatusCode.UNAUTHENTICATED
            # the right token gets as far as the cap
            assert _error(admin.GetPolicy, pb.GetPolicyRequest()) == (
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                "server busy: 2 calls in progress; retry later",
            )
        finally:
            release.set()
        assert [f.result().ticket_id for f in held] == ["T-1", "T-1"]
        assert admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH, timeout=10).version.version
