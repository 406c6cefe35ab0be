"""SubmitFeedback and SubmitFeedbackStream on a real server (port 0) storing into a real SQLite
file in tmp_path: validation, idempotency, id-only corrections, masking, the listener hook."""

from __future__ import annotations

import sqlite3
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest

from tests.fresh import run_in_fresh_python
from tests.rpc.conftest import SETTINGS, make_ticket
from triage.app import App, build_app
from triage.feedback_store import FeedbackRecord, FeedbackStore
from triage.service import Predictor
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

EMAIL, PHONE = "jane.doe@example.com", "+31 6 12345678"


def _app(tmp_path: Path, model: Predictor, **changes: object) -> App:
    values: dict[str, object] = {
        "policy_dir": tmp_path / "policy",
        "feedback_url": f"sqlite:///{tmp_path / 'feedback.db'}",
        **changes,
    }
    settings = replace(SETTINGS, **values)  # type: ignore[arg-type]
    app = build_app(settings, model=model)
    app.start()
    return app


@pytest.fixture
def served(
    tmp_path: Path, tiny_model: Predictor
) -> Iterator[tuple[App, pb_grpc.TriageServiceStub]]:
    app = _app(tmp_path, tiny_model)
    with grpc.insecure_channel(app.target) as channel:
        yield app, pb_grpc.TriageServiceStub(channel)
    app.stop(0)


def _request(**fields: object) -> pb.FeedbackRequest:
    values: dict[str, object] = {
        "ticket_id": "T-1",
        "ticket": make_ticket(),
        "labels": {"topic": "billing", "priority": "high"},
        "agent_id": "agent-7",
    }
    values.update(fields)
    return pb.FeedbackRequest(**values)  # type: ignore[arg-type]


def _rows(tmp_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(tmp_path / "feedback.db") as db:
        return db.execute(
            "SELECT ticket_id, agent_id, labels FROM feedback ORDER BY seq"
        ).fetchall()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"labels": {"colour": "red"}}, "labels.colour: unknown head (known: topic, priority"),
        ({"labels": {"priority": "asap"}}, "labels.priority: unknown label (known: low, normal"),
        ({"labels": {"topic": " "}}, "labels.topic: is empty"),
        ({"labels": {}}, "labels: no label given"),
        ({"agent_id": ""}, "agent_id: is required"),
        ({"ticket_id": "", "ticket": make_ticket(id="")}, "ticket_id: is required"),
        ({"ticket_id": "T-2"}, "ticket.id: differs from ticket_id"),
        ({"labels": {"topic": "x" * 300}}, "labels.topic: is 300 bytes, over the limit of 256"),
        ({"reason": "r" * 3000}, "reason: is 3000 bytes, over the limit of 2048"),
        ({"ticket": make_ticket(body="b" * 3000)}, "ticket.body: is 3000 bytes, over the limit"),
    ],
)
def test_invalid_feedback_is_refused_naming_the_field(
    served: tuple[App, pb_grpc.TriageServiceStub], tmp_path: Path, fields: dict, message: str
) -> None:
    _, stub = served
    with pytest.raises(grpc.RpcError) as err:
        stub.SubmitFeedback(_request(**fields))
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith(message), err.value.details()
    assert not (tmp_path / "feedback.db").exists() or _rows(tmp_path) == []


def test_same_correction_twice_is_stored_once_and_unknown_topics_are_flagged(
    served: tuple[App, pb_grpc.TriageServiceStub], tmp_path: Path
) -> None:
    app, stub = served
    heard: list[tuple[FeedbackRecord, dict[str, str] | None]] = []
    assert app.feedback is not None
    app.feedback.on_feedback(lambda record, labels: heard.append((record, labels)))
    first = stub.SubmitFeedback(_request())
    again = stub.SubmitFeedback(_request())
    other_agent = stub.SubmitFeedback(_request(agent_id="agent-8"))
    new_class = stub.SubmitFeedback(_request(labels={"topic": "gift_cards"}, escalated=True))
    assert (first.duplicate, again.duplicate, other_agent.duplicate) == (False, True, False)
    assert first.feedback_id == again.feedback_id != other_agent.feedback_id
    assert list(first.flags) == []
    assert list(new_class.flags) == ["labels.topic: 'gift_cards' is not a label the model knows"]
    assert [(r[0], r[1]) for r in _rows(tmp_path)] == [
        ("T-1", "agent-7"),
        ("T-1", "agent-8"),
        ("T-1", "agent-7"),
    ]
    # The hook sees each stored record once (not the duplicate); T-1 was never triaged here.
    assert [(r.agent_id, r.labels, s) for r, s in heard] == [
        ("agent-7", {"priority": "high", "topic": "billing"}, None),
        ("agent-8", {"priority": "high", "topic": "billing"}, None),
        ("agent-7", {"topic": "gift_cards", "escalated": "yes"}, None),
    ]


def test_id_only_feedback_for_a_served_ticket_and_an_unknown_id(
    served: tuple[App, pb_grpc.TriageServiceStub], tmp_path: Path
) -> None:
    app, stub = served
    assert app.feedback is not None
    heard: list[dict[str, str] | None] = []
    app.feedback.on_feedback(lambda _record, labels: heard.append(labels))
    answer = stub.Triage(pb.TriageRequest(ticket=make_ticket(id="T-9")))
    stub.SubmitFeedback(pb.FeedbackRequest(ticket_id="T-9", labels={"tier": "L2"}, agent_id="a"))
    record = next(FeedbackStore(app.settings.feedback_url).records())  # as stored
    assert record.ticket["subject"] == "Invoice charged twice"
    assert record.model_version == answer.model_version  # remembered with the ticket
    assert heard[0] is not None and heard[0]["topic"] == answer.topic.label
    assert heard[0]["tier"] == answer.tier.label
    with pytest.raises(grpc.RpcError) as err:
        stub.SubmitFeedback(
            pb.FeedbackRequest(ticket_id="T-404", labels={"tier": "L2"}, agent_id="a")
        )
    assert err.value.code() is grpc.StatusCode.NOT_FOUND
    assert err.value.details() == (
        "ticket: not given, and ticket id 'T-404' was not triaged by this server recently; "
        "send the ticket with the correction"
    )


@pytest.mark.parametrize("keep_raw", [False, True])
def test_personal_data_never_reaches_the_database_unless_keep_raw(
    tmp_path: Path, tiny_model: Predictor, keep_raw: bool
) -> None:
    app = _app(tmp_path, tiny_model, feedback_keep_raw_text=keep_raw)
    body = f"Mail me at {EMAIL} or call {PHONE}, thanks. Order 12345."
    ticket = make_ticket(body=body, customer=pb.Customer(id="C-1", name="Jane Doe"))
    with grpc.insecure_channel(app.target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        stub.SubmitFeedback(_request(ticket=ticket, reason=f"customer {EMAIL} was angry"))
    app.stop(0)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("feedback.db*"))  # db, -wal, -shm
    for secret in (EMAIL, PHONE, "Jane Doe"):
        assert (secret.encode() in raw) is keep_raw, secret
    if not keep_raw:
        assert b"emailtoken" in raw and b"phonetoken" in raw and b"Order 12345" in raw


def test_stream_stores_each_and_names_the_bad_position(
    served: tuple[App, pb_grpc.TriageServiceStub], tmp_path: Path
) -> None:
    _, stub = served
    good = [_request(ticket_id=f"S-{i}", ticket=make_ticket(id=f"S-{i}")) for i in range(3)]
    summary = stub.SubmitFeedbackStream(iter([*good, good[0]]))
    assert (summary.received, summary.stored, summary.duplicates, summary.flagged) == (4, 3, 1, 0)
    bad = _request(ticket_id="S-9", ticket=make_ticket(id="S-9"), labels={"tier": "L9"})
    with pytest.raises(grpc.RpcError) as err:
        stub.SubmitFeedbackStream(
            iter([_request(ticket_id="S-5", ticket=make_ticket(id="S-5")), bad])
        )
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details() == "request[1].labels.tier: unknown label (known: L1, L2, L3)"
    with pytest.raises(grpc.RpcError) as err:
        stub.SubmitFeedbackStream(
            iter([pb.FeedbackRequest(ticket_id="S-404", labels={"tier": "L1"}, agent_id="a")])
        )
    assert err.value.code() is grpc.StatusCode.NOT_FOUND
    assert err.value.details().startswith("request[0].ticket: not given, and ticket id 'S-404'")
    # Stored before the bad one: S-0..S-2 and S-5.
    assert sorted({r[0] for r in _rows(tmp_path)}) == ["S-0", "S-1", "S-2", "S-5"]


def test_feedback_off_without_a_store(tmp_path: Path, tiny_model: Predictor) -> None:
    app = _app(tmp_path, tiny_model, feedback_url="")
    with grpc.insecure_channel(app.target) as channel:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.TriageServiceStub(channel).SubmitFeedback(_request())
    app.stop(0)
    assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert err.value.details() == "feedback is off on this server (TRIAGE_FEEDBACK_URL is empty)"


def test_sqlalchemy_is_imported_at_the_first_correction_not_at_start(tmp_path: Path) -> None:
    probe = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from triage.app import build_app
        from triage.errors import TicketNotRemembered
        from triage.feedback import Feedback
        from triage.settings import Settings

        url = "sqlite:///{tmp_path}/fb.db"
        app = build_app(Settings(feedback_url=url, policy_dir=Path("{tmp_path}")))
        assert "sqlalchemy" not in sys.modules
        try:
            app.feedback.submit(Feedback(ticket_id="T-1", labels={{"tier": "L2"}}, agent_id="a"))
        except TicketNotRemembered:
            pass
        assert "sqlalchemy" in sys.modules
        app.stop(0)
        print("ok")
        """
    )
    assert run_in_fresh_python(probe) == "ok"
