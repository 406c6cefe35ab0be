"""Proto <-> domain conversion and the status table, without a server."""

from __future__ import annotations

from datetime import UTC, datetime

import grpc
import pytest

from triage import domain, errors
from triage.rpc import converters
from triage.rpc.status import MalformedRequest, status_for
from triage.v1 import triage_pb2 as pb

TICKET = domain.Ticket(
    id="T-9",
    subject="Refund",
    body="Please refund my order.",
    channel=domain.Channel.CHAT,
    language_hint="en",
    customer=domain.Customer(id="C-1", segment="enterprise", plan="pro", vip=True),
    created_at=datetime(2025, 3, 1, 12, 30, 15, 250000, tzinfo=UTC),
    sla_due_at=datetime(2025, 3, 2, 12, 0, tzinfo=UTC),
    previous_contacts=2,
    reopen_count=1,
    tags=("refund", "web"),
    thread=(
        domain.ThreadMessage(domain.AuthorRole.CUSTOMER, "Where is my money?"),
        domain.ThreadMessage(domain.AuthorRole.AGENT, "Looking into it."),
    ),
)


def test_ticket_round_trips() -> None:
    assert converters.ticket_from_proto(converters.ticket_to_proto(TICKET)) == TICKET


def test_every_enum_value_maps_both_ways() -> None:
    for channel in domain.Channel:
        msg = converters.ticket_to_proto(domain.Ticket(body="x", channel=channel))
        assert converters.ticket_from_proto(msg).channel is channel
    assert len(domain.Channel) == len(pb.Channel.keys())
    assert len(domain.AuthorRole) == len(pb.AuthorRole.keys())


def test_unset_timestamps_are_none() -> None:
    ticket = converters.ticket_from_proto(pb.Ticket(body="x"))
    assert ticket.created_at is None and ticket.sla_due_at is None


def test_field_prefix_is_used_in_errors() -> None:
    with pytest.raises(errors.InvalidTicket) as err:
        converters.ticket_from_proto(pb.Ticket(channel=7), field="tickets[2]")
    assert err.value.field == "tickets[2].channel"


RESULT = domain.TriageResult(
    ticket_id="T-9",
    language=domain.LanguageGuess("nl", 0.97),
    predictions={
        "topic": domain.Prediction(
            "billing",
            0.8,
            (domain.LabelScore("account", 0.15),),
            (domain.Evidence("factuur", 1.25), domain.Evidence("channel=email", 0.5)),
        ),
        "tier": domain.Prediction("L1", 0.6),
    },
    model_version="v3",
)


def test_result_keeps_absent_heads_unset() -> None:
    response = converters.result_to_proto(RESULT)
    assert response.HasField("topic") and response.HasField("tier")
    assert not response.HasField("priority") and not response.HasField("sentiment")
    assert response.topic.alternatives[0].label == "account"
    assert [e.term for e in response.topic.evidence] == ["factuur", "channel=email"]
    assert (response.language.code, response.model_version) == ("nl", "v3")


def model_info(created_at: str) -> domain.ModelInfo:
    return domain.ModelInfo(
        name="triage",
        version="v3",
        created_at=created_at,
        heads=(domain.HeadInfo("tier", ("L1", "L2", "L3"), {"accuracy": 0.9, "ece": 0.04}),),
        languages=("en", "nl"),
        mlflow_run_id="run-1",
        data_fingerprint="sha256:abc",
    )


@pytest.mark.parametrize(
    "created_at, expected",
    [
        ("2025-03-01T12:30:15+00:00", "2025-03-01T12:30:15Z"),
        ("2025-03-01T14:30:15+02:00", "2025-03-01T12:30:15Z"),
        ("2025-03-01T12:30:15", "2025-03-01T12:30:15Z"),  # naive: taken as UTC
        ("2025-03-01T12:30:15Z", "2025-03-01T12:30:15Z"),
    ],
)
def test_model_info_created_at_becomes_a_timestamp(created_at: str, expected: str) -> None:
    info = converters.model_info_to_proto(model_info(created_at))
    assert info.created_at.ToJsonString() == expected
    assert dict(info.heads[0].metrics) == {"accuracy": 0.9, "ece": 0.04}
    assert list(info.heads[0].labels) == ["L1", "L2", "L3"]


def test_model_info_with_an_unreadable_date_leaves_it_unset() -> None:
    assert not converters.model_info_to_proto(model_info("last tuesday")).HasField("created_at")


class CustomInvalid(errors.InvalidTicket):
    pass


@pytest.mark.parametrize(
    "exc, code",
    [
        (errors.InvalidTicket("ticket.body", "too long"), grpc.StatusCode.INVALID_ARGUMENT),
        (CustomInvalid("ticket.id", "bad"), grpc.StatusCode.INVALID_ARGUMENT),
        (MalformedRequest(), grpc.StatusCode.INVALID_ARGUMENT),
        (errors.ModelUnavailable("no model"), grpc.StatusCode.UNAVAILABLE),
        (errors.ModelNotFound("no version v9"), grpc.StatusCode.NOT_FOUND),
        (errors.BundleIntegrityError("hash mismatch"), grpc.StatusCode.FAILED_PRECONDITION),
    ],
)
def test_domain_errors_keep_their_message(exc: Exception, code: grpc.StatusCode) -> None:
    assert status_for(exc, "r1") == (code, str(exc))


@pytest.mark.parametrize("exc", [ValueError("secret"), KeyError("x"), errors.TriageError("?")])
def test_anything_else_is_internal_with_a_generic_message(exc: Exception) -> None:
    assert status_for(exc, "r1") == (grpc.StatusCode.INTERNAL, "internal error (request id r1)")
