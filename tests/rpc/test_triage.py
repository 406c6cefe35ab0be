"""Triage, TriageStream and GetModelInfo against a real server; reflection; request ids and logs."""

from __future__ import annotations

import logging
import re

import grpc
import pytest
from google.protobuf.descriptor_pool import DescriptorPool
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

from tests.rpc.conftest import SETTINGS, make_ticket
from triage.rpc.logs import RequestContextFilter
from triage.rpc.server import SERVICE_NAME
from triage.service import Predictor, TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

TICKETS = [
    make_ticket(),
    make_ticket(id="T-2", subject="", body="The app crashes every time I open settings."),
    make_ticket(id="T-3", subject="Cancel my subscription now", body="", channel=pb.CHANNEL_PHONE),
    make_ticket(
        id="T-4", body="Mijn factuur klopt niet, ik ben twee keer betaald.", language_hint="nl"
    ),
    make_ticket(
        id="T-5",
        body="Thanks, that fixed it!",
        thread=[pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_AGENT, text="Try restarting.")],
        previous_contacts=3,
        tags=["mobile"],
    ),
]


def requests(tickets: list[pb.Ticket]) -> list[pb.TriageRequest]:
    return [pb.TriageRequest(ticket=t) for t in tickets]


def test_triage_answers_a_good_ticket(
    stub: pb_grpc.TriageServiceStub, tiny_model: Predictor
) -> None:
    response = stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=5)
    assert response.ticket_id == "T-1"
    assert response.model_version == tiny_model.version
    assert response.language.code
    assert response.HasField("topic") and response.topic.label
    assert 0.0 < response.topic.confidence <= 1.0


def test_stream_equals_single_triage_in_order(stub: pb_grpc.TriageServiceStub) -> None:
    single = [stub.Triage(r, timeout=5) for r in requests(TICKETS)]
    streamed = list(stub.TriageStream(iter(requests(TICKETS)), timeout=5))
    assert [r.ticket_id for r in streamed] == [t.id for t in TICKETS]
    assert streamed == single


def test_empty_stream_gets_no_answers(stub: pb_grpc.TriageServiceStub) -> None:
    assert list(stub.TriageStream(iter([]), timeout=5)) == []


def test_stream_stops_at_a_bad_ticket_naming_its_position(stub: pb_grpc.TriageServiceStub) -> None:
    bad = make_ticket(id="bad", body="x" * (SETTINGS.max_body_bytes + 1))
    responses = stub.TriageStream(iter(requests([*TICKETS[:3], bad, TICKETS[3]])), timeout=5)
    received = []
    with pytest.raises(grpc.RpcError) as err:
        for response in responses:
            received.append(response.ticket_id)
    assert received == ["T-1", "T-2", "T-3"]  # answers sent before the bad one stay valid
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith("request[3].ticket.body: is ")


def test_stream_names_the_position_of_a_bad_enum(stub: pb_grpc.TriageServiceStub) -> None:
    with pytest.raises(grpc.RpcError) as err:
        list(stub.TriageStream(iter(requests([TICKETS[0], make_ticket(channel=99)])), timeout=5))
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith("request[1].ticket.channel: unknown value 99")


def test_stream_names_the_position_of_unparsable_bytes(channel: grpc.Channel) -> None:
    stream = channel.stream_stream("/triage.v1.TriageService/TriageStream")
    good = pb.TriageRequest(ticket=make_ticket()).SerializeToString()
    with pytest.raises(grpc.RpcError) as err:
        list(stream(iter([good, good, b"\xff\xff\xff"]), timeout=5))
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details() == "request[2] could not be parsed"


def test_get_model_info(stub: pb_grpc.TriageServiceStub, tiny_model: Predictor) -> None:
    info = stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=5)
    expected = tiny_model.info()
    assert info.version == tiny_model.version
    assert info.name == expected.name
    assert [h.name for h in info.heads] == [h.name for h in expected.heads]
    assert all(h.labels for h in info.heads)
    assert info.HasField("created_at") and info.created_at.seconds > 0


def test_reflection_lists_the_services(channel: grpc.Channel) -> None:
    database = ProtoReflectionDescriptorDatabase(channel)
    assert {SERVICE_NAME, "grpc.health.v1.Health"} <= set(database.get_services())
    methods = DescriptorPool(database).FindServiceByName(SERVICE_NAME).methods_by_name
    assert set(methods) == {
        "Triage",
        "TriageStream",
        "GetModelInfo",
        "SearchArticles",
        "SuggestAnswer",
        "SubmitFeedback",
        "SubmitFeedbackStream",
    }


def test_request_id_is_echoed_or_made_up(stub: pb_grpc.TriageServiceStub) -> None:
    request = pb.TriageRequest(ticket=make_ticket())
    _, call = stub.Triage.with_call(request, metadata=(("x-request-id", "req-42"),), timeout=5)
    assert dict(call.trailing_metadata())["x-request-id"] == "req-42"
    for metadata in ((), (("x-request-id", "not a safe id"),)):
        _, call = stub.Triage.with_call(request, metadata=metadata, timeout=5)
        assert re.fullmatch(r"[0-9a-f]{32}", dict(call.trailing_metadata())["x-request-id"])


def test_errors_also_carry_the_request_id(stub: pb_grpc.TriageServiceStub) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.Triage(pb.TriageRequest(), metadata=(("x-request-id", "req-43"),), timeout=5)
    assert dict(err.value.trailing_metadata())["x-request-id"] == "req-43"


def test_unexpected_error_is_internal_with_details_only_in_the_log(
    server: tuple[str, TriageService],
    stub: pb_grpc.TriageServiceStub,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(ticket: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(server[1], "triage", broken)
    with pytest.raises(grpc.RpcError) as err:
        stub.Triage(
            pb.TriageRequest(ticket=make_ticket()),
            metadata=(("x-request-id", "req-44"),),
            timeout=5,
        )
    assert err.value.code() is grpc.StatusCode.INTERNAL
    assert err.value.details() == "internal error (request id req-44)"
    [record] = [r for r in caplog.records if r.exc_info]
    assert "secret detail" in str(record.exc_info[1])


def test_every_log_line_has_request_id_and_model_version_but_no_ticket_text(
    stub: pb_grpc.TriageServiceStub, tiny_model: Predictor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.handler.addFilter(RequestContextFilter())
    caplog.set_level(logging.DEBUG)
    secret = "my card number is 4111 1111 1111 1111"
    for request in (make_ticket(body=secret), make_ticket(body=secret, channel=77)):
        try:
            stub.Triage(
                pb.TriageRequest(ticket=request), metadata=(("x-request-id", "req-45"),), timeout=5
            )
        except grpc.RpcError:
            pass
    records = [r for r in caplog.records if r.name.startswith("triage")]
    assert records
    for record in records:
        assert (record.request_id, record.model_version) == ("req-45", tiny_model.version)  # type: ignore[attr-defined]
        assert "4111" not in record.getMessage()
