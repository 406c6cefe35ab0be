"""Every bad request gets the right status code and a message naming the field."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from tests.rpc.conftest import SETTINGS, make_ticket
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

BAD_REQUESTS = {
    "empty subject and body": (
        pb.TriageRequest(ticket=make_ticket(subject="", body="  \n")),
        "ticket.subject: a ticket needs a subject or a body",
    ),
    "body over limit": (
        pb.TriageRequest(ticket=make_ticket(body="é" * (SETTINGS.max_body_bytes // 2 + 1))),
        f"ticket.body: is {SETTINGS.max_body_bytes + 2} bytes, over the limit",
    ),
    "subject over limit": (
        pb.TriageRequest(ticket=make_ticket(subject="s" * (SETTINGS.max_subject_bytes + 1))),
        "ticket.subject: is ",
    ),
    "unknown channel": (
        pb.TriageRequest(ticket=make_ticket(channel=42)),
        "ticket.channel: unknown value 42",
    ),
    "unknown author role": (
        pb.TriageRequest(
            ticket=make_ticket(
                thread=[
                    pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text="hi"),
                    pb.ThreadMessage(author_role=9, text="hello"),
                ]
            )
        ),
        "ticket.thread[1].author_role: unknown value 9",
    ),
    "created_at after year 9999": (
        pb.TriageRequest(ticket=make_ticket(created_at=Timestamp(seconds=10**12))),
        "ticket.created_at: seconds 1000000000000",
    ),
    "sla_due_at negative nanos": (
        pb.TriageRequest(ticket=make_ticket(sla_due_at=Timestamp(seconds=0, nanos=-1))),
        "ticket.sla_due_at: nanos -1",
    ),
    "thread sent_at out of range": (
        pb.TriageRequest(
            ticket=make_ticket(
                thread=[pb.ThreadMessage(text="x", sent_at=Timestamp(seconds=-(10**12)))]
            )
        ),
        "ticket.thread[0].sent_at: seconds",
    ),
    "missing ticket": (pb.TriageRequest(), "ticket: is required"),
}


@pytest.mark.parametrize("request_, message", BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
def test_bad_ticket_is_invalid_argument_naming_the_field(
    stub: pb_grpc.TriageServiceStub, request_: pb.TriageRequest, message: str
) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.Triage(request_, timeout=5)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith(message)


def test_message_over_max_size_is_resource_exhausted(stub: pb_grpc.TriageServiceStub) -> None:
    ticket = make_ticket(body="x" * (SETTINGS.max_message_bytes + 1))
    with pytest.raises(grpc.RpcError) as err:
        stub.Triage(pb.TriageRequest(ticket=ticket), timeout=5)
    assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED


GARBAGE = {
    "bad utf-8 in ticket.subject": b"\x0a\x04\x12\x02\xff\xfe",
    "corrupt wire format": b"\xff\xff\xff\xff",
}


UNARY_METHODS = [
    f"/{service.full_name}/{method.name}"
    for service in pb.DESCRIPTOR.services_by_name.values()
    for method in service.methods
    if not method.client_streaming
]


def _assert_unparsable(channel: grpc.Channel, method: str, payload: bytes) -> None:
    # A raw call: the stub would refuse to serialize such a request in the first place.
    with pytest.raises(grpc.RpcError) as err:
        channel.unary_unary(method)(payload, timeout=5)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details() == "request could not be parsed"


@pytest.mark.parametrize("payload", GARBAGE.values(), ids=GARBAGE.keys())
def test_unparsable_bytes_are_invalid_argument(channel: grpc.Channel, payload: bytes) -> None:
    _assert_unparsable(channel, "/triage.v1.TriageService/Triage", payload)


@pytest.mark.parametrize("method", UNARY_METHODS)
def test_every_unary_method_refuses_a_corrupt_payload(channel: grpc.Channel, method: str) -> None:
    """A bad payload is the client's fault, never INTERNAL. This server has no admin token, so
    admin methods refuse the call before reading the payload (with a token they parse it:
    tests/rpc/test_hostile.py)."""
    if not method.startswith("/triage.v1.AdminService/"):
        _assert_unparsable(channel, method, GARBAGE["corrupt wire format"])
        return
    with pytest.raises(grpc.RpcError) as err:
        channel.unary_unary(method)(GARBAGE["corrupt wire format"], timeout=5)
    assert err.value.code() is grpc.StatusCode.UNAUTHENTICATED


def test_server_still_serves_after_bad_requests(
    stub: pb_grpc.TriageServiceStub, channel: grpc.Channel
) -> None:
    for request_, _ in BAD_REQUESTS.values():
        with pytest.raises(grpc.RpcError):
            stub.Triage(request_, timeout=5)
    for payload in GARBAGE.values():
        with pytest.raises(grpc.RpcError):
            channel.unary_unary("/triage.v1.TriageService/Triage")(payload, timeout=5)
    response = stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=5)
    assert response.ticket_id == "T-1"
    assert response.HasField("topic")
