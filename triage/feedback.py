"""Agents' corrections (SubmitFeedback), free of grpc: validate, mask, store durably, then tell
listeners. A correction may name only the ticket id of a ticket this server triaged recently
(`ServedTickets`, fed by `TriageService.observe`).

Label policy: the fixed heads (priority, tier, sentiment) take only their fixed labels, else
INVALID_ARGUMENT (training would refuse the row). Topic and queue labels the serving model does
not know are stored and flagged: that is how agents teach the next model a new class."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from triage.domain import FIXED_LABELS, HEADS, QUEUE_HEAD, Ticket, TriageResult
from triage.errors import FeedbackOff, InvalidTicket, TicketNotRemembered
from triage.pii import mask_for_storage
from triage.settings import Settings
from triage.validation import check_time, validate_ticket

if TYPE_CHECKING:  # the store imports SQLAlchemy: loaded at the first correction
    from triage.feedback_store import FeedbackStore

log = logging.getLogger(__name__)

LABEL_HEADS: tuple[str, ...] = (*HEADS, QUEUE_HEAD)
"""The heads a correction may name in `labels`; `escalated` has a field of its own."""
ESCALATED = "escalated"
"""The key of the escalation outcome in stored labels (`yes` / `no`, as datasets write it)."""


@dataclass(frozen=True)
class FeedbackRecord:
    """One stored correction; text fields as stored (masked unless keep-raw is set)."""

    feedback_id: str
    ticket_id: str
    agent_id: str
    labels: dict[str, str]
    ticket: dict[str, Any]
    model_version: str
    reason: str
    flags: tuple[str, ...]
    decided_at: datetime
    received_at: datetime
    served: dict[str, str] | None = None


@dataclass(frozen=True)
class Feedback:
    """What an agent submits (see FeedbackRequest in the .proto)."""

    ticket_id: str
    agent_id: str
    labels: Mapping[str, str]
    escalated: bool | None = None
    ticket: Ticket | None = None
    decided_at: datetime | None = None
    model_version: str = ""
    reason: str = ""


@dataclass(frozen=True)
class FeedbackOutcome:
    feedback_id: str
    duplicate: bool
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ServedTicket:
    ticket: Ticket
    labels: dict[str, str]
    """What the model answered: head -> label, `queue` (first routing target), `escalated`."""
    model_version: str


def served_labels(result: TriageResult) -> dict[str, str]:
    labels = {head: p.label for head, p in result.predictions.items()}
    if result.routing:
        labels[QUEUE_HEAD] = result.routing[0].queue
    if result.escalation is not None:
        labels[ESCALATED] = "yes" if result.escalation.escalate else "no"
    return labels


class ServedTickets:
    """The last `size` triaged tickets by id, in memory only (the raw ticket: masking is done
    when a correction is stored, so the request thread only does a dict insert)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, ServedTicket] = OrderedDict()
        self._lock = threading.Lock()

    def observe(self, tickets: Sequence[Ticket], results: Sequence[TriageResult]) -> None:
        if self.size <= 0:
            return
        for ticket, result in zip(tickets, results, strict=True):
            if not ticket.id:
                continue
            served = ServedTicket(ticket, served_labels(result), result.model_version)
            with self._lock:
                self._items[ticket.id] = served
                self._items.move_to_end(ticket.id)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)

    def get(self, ticket_id: str) -> ServedTicket | None:
        with self._lock:
            return self._items.get(ticket_id)


FeedbackListener = Callable[[FeedbackRecord, dict[str, str] | None], None]
"""Called with each newly stored record and the labels the server served for its ticket id
(None when it does not remember them): the seam for live-accuracy metrics."""


def _check_size(field: str, value: str, limit: int) -> None:
    size = len(value.encode("utf-8"))
    if size > limit:
        raise InvalidTicket(field, f"is {size} bytes, over the limit of {limit} bytes")


def feedback_key(ticket_id: str, agent_id: str, labels: Mapping[str, str]) -> str:
    """The idempotency key: the same ticket, agent and labels are one correction."""
    canonical = json.dumps([ticket_id, agent_id, sorted(labels.items())], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def ticket_row(ticket: Ticket, keep_raw: bool) -> dict[str, Any]:
    """The ticket as a dataset row (`triage train` reads it back with records.row_to_ticket),
    personal data masked unless `keep_raw`. The thread and customer name are not kept masked
    (the features read neither)."""
    name = ticket.customer.name

    def text(value: str) -> str:
        return value if keep_raw else mask_for_storage(value, name)

    row: dict[str, Any] = {
        "id": ticket.id,
        "subject": text(ticket.subject),
        "body": text(ticket.body),
        "channel": ticket.channel.value,
        "language_hint": ticket.language_hint,
        "customer_id": ticket.customer.id,
        "customer_segment": ticket.customer.segment,
        "customer_plan": ticket.customer.plan,
        "customer_vip": ticket.customer.vip,
        "created_at": ticket.created_at.isoformat() if ticket.created_at else "",
        "sla_due_at": ticket.sla_due_at.isoformat() if ticket.sla_due_at else "",
        "previous_contacts": ticket.previous_contacts,
        "reopen_count": ticket.reopen_count,
        "tags": list(ticket.tags),
    }
    if keep_raw:
        row["customer_name"] = name
    return row


class FeedbackService:
    """Corrections in, durable records out. `known_labels` gives the serving model's labels per
    head (empty while none is loaded: nothing is flagged then)."""

    def __init__(
        self,
        settings: Settings,
        open_store: Callable[[], FeedbackStore] | None,
        known_labels: Callable[[], Mapping[str, Sequence[str]]] = dict,
    ) -> None:
        """`open_store` makes the store at the first correction, so a server imports
        SQLAlchemy then, not while it starts (0.15 s of a 3 s start); None: feedback is off."""
        self.settings = settings
        self._open_store = open_store
        self._store: FeedbackStore | None = None
        self._store_lock = threading.Lock()
        self.served = ServedTickets(settings.feedback_cache_size)
        self._known_labels = known_labels
        self._listeners: list[FeedbackListener] = []
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    def on_feedback(self, listener: FeedbackListener) -> None:
        """Call `listener(record, served_labels_or_None)` after each correction is durably
        stored (not for duplicates), on the request thread: keep it cheap."""
        self._listeners.append(listener)

    def _opened(self) -> FeedbackStore:
        if self._open_store is None:
            raise FeedbackOff("feedback is off on this server (TRIAGE_FEEDBACK_URL is empty)")
        with self._store_lock:
            if self._store is None:
                self._store = self._open_store()
            return self._store

    def close(self) -> None:
        """Close the store, if a correction opened it."""
        with self._store_lock:
            if self._store is not None:
                self._store.close()

    def submit(self, feedback: Feedback) -> FeedbackOutcome:
        store = self._opened()
        labels = self._labels(feedback)
        ticket_id = self._ticket_id(feedback)
        s = self.settings
        _check_size("reason", feedback.reason, s.max_body_bytes)
        _check_size("model_version", feedback.model_version, s.max_id_bytes)
        check_time("decided_at", feedback.decided_at)
        remembered = self.served.get(ticket_id)
        if feedback.ticket is not None:
            validate_ticket(feedback.ticket, s, "ticket")
            ticket = feedback.ticket
        elif remembered is not None:
            ticket = remembered.ticket
        else:
            raise TicketNotRemembered(
                f"ticket: not given, and ticket id {ticket_id!r} was not triaged by this server "
                "recently; send the ticket with the correction"
            )
        received = self.clock()
        keep_raw = s.feedback_keep_raw_text
        record = FeedbackRecord(
            feedback_id=feedback_key(ticket_id, feedback.agent_id, labels),
            ticket_id=ticket_id,
            agent_id=feedback.agent_id,
            labels=labels,
            ticket=ticket_row(ticket, keep_raw),
            model_version=feedback.model_version
            or (remembered.model_version if remembered else ""),
            reason=feedback.reason if keep_raw else mask_for_storage(feedback.reason),
            flags=self._flags(labels),
            decided_at=feedback.decided_at or received,
            received_at=received,
            served=remembered.labels if remembered else None,
        )
        stored = store.insert(record)
        if stored:
            for listener in list(self._listeners):
                try:
                    listener(record, record.served)
                except Exception:  # a metrics bug must not fail a stored, acknowledged call
                    log.exception("feedback listener failed")
        return FeedbackOutcome(record.feedback_id, not stored, record.flags)

    def _ticket_id(self, feedback: Feedback) -> str:
        ticket_id = feedback.ticket_id or (feedback.ticket.id if feedback.ticket else "")
        if not ticket_id.strip():
            raise InvalidTicket("ticket_id", "is required (or ticket.id)")
        _check_size("ticket_id", ticket_id, self.settings.max_id_bytes)
        if feedback.ticket is not None and feedback.ticket.id and feedback.ticket.id != ticket_id:
            raise InvalidTicket("ticket.id", "differs from ticket_id")
        return ticket_id

    def _labels(self, feedback: Feedback) -> dict[str, str]:
        """The labels to store (escalated as yes/no); InvalidTicket naming the first bad one."""
        if not feedback.agent_id.strip():
            raise InvalidTicket("agent_id", "is required")
        _check_size("agent_id", feedback.agent_id, self.settings.max_id_bytes)
        labels: dict[str, str] = {}
        for head, label in sorted(feedback.labels.items()):
            field = f"labels.{head}" if head.isidentifier() and len(head) <= 64 else "labels"
            if head not in LABEL_HEADS:
                raise InvalidTicket(field, f"unknown head (known: {', '.join(LABEL_HEADS)})")
            if not label.strip():
                raise InvalidTicket(field, "is empty (leave the head out if not corrected)")
            _check_size(field, label, self.settings.max_id_bytes)
            allowed = FIXED_LABELS.get(head)
            if allowed is not None and label not in allowed:
                raise InvalidTicket(field, f"unknown label (known: {', '.join(allowed)})")
            labels[head] = label
        if feedback.escalated is not None:
            labels[ESCALATED] = "yes" if feedback.escalated else "no"
        if not labels:
            raise InvalidTicket(
                "labels",
                "no label given (any of topic, priority, tier, sentiment, queue, or escalated)",
            )
        return labels

    def _flags(self, labels: Mapping[str, str]) -> tuple[str, ...]:
        known = self._known_labels()
        flags = []
        for head, label in labels.items():
            if head in known and label not in known[head]:
                flags.append(f"labels.{head}: {label!r} is not a label the model knows")
        return tuple(flags)
