"""Proto <-> domain conversion. Checks only what the wire format lets through but the domain cannot
hold (unknown enum numbers, out-of-range timestamps, a missing ticket); the business rules
(sizes, empty tickets) live in `triage.validation`, so every transport shares them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from triage import domain
from triage.errors import InvalidTicket
from triage.feedback import Feedback, FeedbackOutcome
from triage.rpc.policy_converters import BAND_OUT, escalation_to_proto
from triage.v1 import triage_pb2 as pb

# Paired by name (EMAIL <-> CHANNEL_EMAIL), so a value added on one side only fails at import.
_CHANNEL_IN = {pb.Channel.Value(f"CHANNEL_{c.name}"): c for c in domain.Channel}
_CHANNEL_OUT = {c: n for n, c in _CHANNEL_IN.items()}
_ROLE_IN = {pb.AuthorRole.Value(f"AUTHOR_ROLE_{r.name}"): r for r in domain.AuthorRole}
_ROLE_OUT = {r: n for n, r in _ROLE_IN.items()}

# google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
_MIN_SECONDS = -62_135_596_800
_MAX_SECONDS = 253_402_300_799
_MAX_NANOS = 999_999_999

E = TypeVar("E")


def _enum_in(table: dict[int, E], value: int, field: str) -> E:
    try:
        return table[value]
    except KeyError:
        # proto3 keeps numbers it does not know (a newer client, or a bug): refuse, don't guess.
        known = ", ".join(str(n) for n in sorted(table))
        raise InvalidTicket(field, f"unknown value {value} (known values: {known})") from None


def _time_in(parent: Message, name: str, field: str) -> datetime | None:
    if not parent.HasField(name):
        return None
    ts: Timestamp = getattr(parent, name)
    if not _MIN_SECONDS <= ts.seconds <= _MAX_SECONDS:
        raise InvalidTicket(field, f"seconds {ts.seconds} is outside years 0001..9999")
    if not 0 <= ts.nanos <= _MAX_NANOS:
        raise InvalidTicket(field, f"nanos {ts.nanos} is outside 0..{_MAX_NANOS}")
    return ts.ToDatetime(tzinfo=UTC)


def _time_out(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    ts = Timestamp()
    # A naive datetime is taken to be UTC (FromDatetime does the same).
    ts.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return ts


def ticket_from_proto(msg: pb.Ticket, field: str = "ticket") -> domain.Ticket:
    """The domain ticket; raises InvalidTicket naming the field, e.g. `ticket.thread[2].sent_at`."""
    return domain.Ticket(
        id=msg.id,
        subject=msg.subject,
        body=msg.body,
        channel=_enum_in(_CHANNEL_IN, msg.channel, f"{field}.channel"),
        language_hint=msg.language_hint,
        customer=domain.Customer(
            id=msg.customer.id,
            segment=msg.customer.segment,
            plan=msg.customer.plan,
            vip=msg.customer.vip,
            name=msg.customer.name,
        ),
        created_at=_time_in(msg, "created_at", f"{field}.created_at"),
        sla_due_at=_time_in(msg, "sla_due_at", f"{field}.sla_due_at"),
        previous_contacts=msg.previous_contacts,
        reopen_count=msg.reopen_count,
        tags=tuple(msg.tags),
        thread=_thread_in(msg, field),
    )


def _thread_in(msg: pb.Ticket, field: str) -> tuple[domain.ThreadMessage, ...]:
    thread = []
    for i, m in enumerate(msg.thread):
        sent_at = _time_in(m, "sent_at", f"{field}.thread[{i}].sent_at")
        role = _enum_in(_ROLE_IN, m.author_role, f"{field}.thread[{i}].author_role")
        thread.append(domain.ThreadMessage(author_role=role, text=m.text, sent_at=sent_at))
    return tuple(thread)


def ticket_from_request(request: pb.TriageRequest, field: str = "ticket") -> domain.Ticket:
    if not request.HasField("ticket"):
        raise InvalidTicket(field, "is required")
    return ticket_from_proto(request.ticket, field)


def ticket_to_proto(ticket: domain.Ticket) -> pb.Ticket:
    """The client side of `ticket_from_proto` (used by `triage.rpc.client`)."""
    return pb.Ticket(
        id=ticket.id,
        subject=ticket.subject,
        body=ticket.body,
        channel=_CHANNEL_OUT[ticket.channel],
        language_hint=ticket.language_hint,
        customer=pb.Customer(
            id=ticket.customer.id,
            segment=ticket.customer.segment,
            plan=ticket.customer.plan,
            vip=ticket.customer.vip,
            name=ticket.customer.name,
        ),
        created_at=_time_out(ticket.created_at),
        sla_due_at=_time_out(ticket.sla_due_at),
        previous_contacts=ticket.previous_contacts,
        reopen_count=ticket.reopen_count,
        tags=ticket.tags,
        thread=[
            pb.ThreadMessage(
                author_role=_ROLE_OUT[m.author_role], text=m.text, sent_at=_time_out(m.sent_at)
            )
            for m in ticket.thread
        ],
    )


def prediction_to_proto(prediction: domain.Prediction) -> pb.Prediction:
    return pb.Prediction(
        label=prediction.label,
        confidence=prediction.confidence,
        alternatives=[
            pb.LabelScore(label=a.label, confidence=a.confidence) for a in prediction.alternatives
        ],
        evidence=[pb.Evidence(term=e.term, weight=e.weight) for e in prediction.evidence],
        band=BAND_OUT[prediction.band],
        label_set=prediction.label_set,
    )


def result_to_proto(result: domain.TriageResult) -> pb.TriageResponse:
    """A head missing from `result.predictions` stays unset on the wire (HasField is False)."""
    heads = {h: prediction_to_proto(p) for h, p in result.predictions.items() if h in domain.HEADS}
    return pb.TriageResponse(
        ticket_id=result.ticket_id,
        language=pb.Language(code=result.language.code, confidence=result.language.confidence),
        model_version=result.model_version,
        routing=[
            pb.RoutingTarget(queue=r.queue, score=r.score, reason=r.reason) for r in result.routing
        ],
        canned_responses=[canned_response_to_proto(c) for c in result.canned_responses],
        articles=[article_to_proto(a) for a in result.articles],
        escalation=escalation_to_proto(result.escalation),
        policy_version=result.policy_version,
        novelty=None if result.novelty is None else novelty_to_proto(result.novelty),
        **heads,
    )


def novelty_to_proto(novelty: domain.Novelty) -> pb.Novelty:
    return pb.Novelty(
        score=novelty.score, similarity=novelty.similarity, unfamiliar=novelty.unfamiliar
    )


def _parse_iso(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None  # the field is informational: an odd bundle date should not fail GetModelInfo
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def model_info_to_proto(info: domain.ModelInfo) -> pb.ModelInfo:
    return pb.ModelInfo(
        name=info.name,
        version=info.version,
        created_at=_time_out(_parse_iso(info.created_at)),
        heads=[pb.HeadInfo(name=h.name, labels=h.labels, metrics=h.metrics) for h in info.heads],
        languages=info.languages,
        mlflow_run_id=info.mlflow_run_id,
        data_fingerprint=info.data_fingerprint,
        source=info.source,
        registry_name=info.registry_name,
        registry_version=info.registry_version,
        registry_alias=info.registry_alias,
        shadow=None if info.shadow is None else _shadow_to_proto(info.shadow),
    )


def _shadow_to_proto(report: domain.ShadowReport) -> pb.ShadowInfo:
    return pb.ShadowInfo(
        source=report.source,
        model_version=report.model_version,
        registry_name=report.registry_name,
        registry_version=report.registry_version,
        registry_alias=report.registry_alias,
        scored=report.scored,
        dropped=report.dropped,
        failed=report.failed,
        heads=[
            pb.ShadowHead(
                head=h.head,
                compared=h.compared,
                agreed=h.agreed,
                agreement=h.agreement,
                labels=h.labels,
            )
            for h in report.heads
        ],
    )


# --- Suggestions (routing, macros, knowledge base, chatbot answers) ---

_HANDOVER_OUT = {
    r: pb.HandoverReason.Value(f"HANDOVER_REASON_{r.name}") for r in domain.HandoverReason
}
_SOURCE_OUT = {s: pb.AnswerSource.Value(f"ANSWER_SOURCE_{s.name}") for s in domain.AnswerSource}


def canned_response_to_proto(c: domain.CannedResponse) -> pb.CannedResponse:
    return pb.CannedResponse(
        id=c.id,
        title=c.title,
        text=c.text,
        score=c.score,
        language=c.language,
        missing_fields=c.missing_fields,
    )


def article_to_proto(a: domain.Article) -> pb.Article:
    return pb.Article(
        id=a.id,
        title=a.title,
        url=a.url,
        snippet=a.snippet,
        score=a.score,
        language=a.language,
        fallback=a.fallback,
    )


def suggest_request_in(
    request: pb.SuggestAnswerRequest,
) -> tuple[domain.Ticket, tuple[domain.ThreadMessage, ...]]:
    """The customer's latest message as a ticket, and the conversation so far."""
    conversation = []
    for i, m in enumerate(request.conversation):
        sent_at = _time_in(m, "sent_at", f"conversation[{i}].sent_at")
        role = _enum_in(_ROLE_IN, m.author_role, f"conversation[{i}].author_role")
        conversation.append(domain.ThreadMessage(author_role=role, text=m.text, sent_at=sent_at))
    which = request.WhichOneof("input")
    if which == "ticket":
        ticket = ticket_from_proto(request.ticket, "ticket")
    elif which == "text":
        ticket = domain.Ticket(body=request.text, channel=domain.Channel.CHAT)
    else:
        raise InvalidTicket("text", "is required (or a ticket)")
    return ticket, tuple(conversation)


def answer_to_proto(answer: domain.AnswerSuggestion) -> pb.SuggestAnswerResponse:
    return pb.SuggestAnswerResponse(
        answer=answer.answer,
        source_id=answer.source_id,
        confidence=answer.confidence,
        handover=answer.handover,
        handover_reason=_HANDOVER_OUT[answer.handover_reason],
        source=_SOURCE_OUT[answer.source],
        language=answer.language,
        url=answer.url,
        escalation=escalation_to_proto(answer.escalation),
        model_version=answer.model_version,
        policy_version=answer.policy_version,
    )


def feedback_from_proto(msg: pb.FeedbackRequest) -> Feedback:
    """The domain correction; InvalidTicket naming the field for what the wire lets through
    but the domain cannot hold (the rules are checked by triage.feedback)."""
    return Feedback(
        ticket_id=msg.ticket_id,
        agent_id=msg.agent_id,
        labels=dict(msg.labels),
        escalated=msg.escalated if msg.HasField("escalated") else None,
        ticket=ticket_from_proto(msg.ticket) if msg.HasField("ticket") else None,
        decided_at=_time_in(msg, "decided_at", "decided_at"),
        model_version=msg.model_version,
        reason=msg.reason,
    )


def feedback_outcome_to_proto(outcome: FeedbackOutcome) -> pb.FeedbackResponse:
    return pb.FeedbackResponse(
        feedback_id=outcome.feedback_id, duplicate=outcome.duplicate, flags=outcome.flags
    )
