"""Rules every incoming ticket must meet, checked before any model code runs."""

from __future__ import annotations

from datetime import UTC, datetime

from triage.domain import SUPPORTED_LANGUAGES, Ticket
from triage.errors import InvalidTicket
from triage.settings import Settings

# Ticket times a helpdesk can send. The wire allows 0001..9999, but dates near either end break
# time-zone and SLA arithmetic (9999-12-31 + 1 h overflows), and none is a real ticket's time.
MIN_TIME = datetime(1970, 1, 1, tzinfo=UTC)
MAX_TIME = datetime(2200, 1, 1, tzinfo=UTC)


def _check_size(field: str, value: str, limit: int) -> None:
    size = len(value.encode("utf-8"))
    if size > limit:
        raise InvalidTicket(field, f"is {size} bytes, over the limit of {limit} bytes")


def check_time(field: str, value: datetime | None) -> None:
    """InvalidTicket unless `value` (naive = UTC) is None or within MIN_TIME..MAX_TIME."""
    if value is None:
        return
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not MIN_TIME <= aware <= MAX_TIME:
        raise InvalidTicket(
            field, f"must be between {MIN_TIME:%Y-%m-%d} and {MAX_TIME:%Y-%m-%d} (UTC)"
        )


def validate_ticket(ticket: Ticket, settings: Settings, field: str = "ticket") -> None:
    """Raise InvalidTicket naming the first field that breaks a rule."""
    if not ticket.subject.strip() and not ticket.body.strip():
        raise InvalidTicket(
            f"{field}.subject", "a ticket needs a subject or a body (both are empty)"
        )
    _check_size(f"{field}.id", ticket.id, settings.max_id_bytes)
    _check_size(f"{field}.subject", ticket.subject, settings.max_subject_bytes)
    _check_size(f"{field}.body", ticket.body, settings.max_body_bytes)
    _check_size(f"{field}.language_hint", ticket.language_hint, 16)
    # name is copied into every rendered macro, so it is bounded like the other short fields.
    for name in ("id", "segment", "plan", "name"):
        _check_size(
            f"{field}.customer.{name}", getattr(ticket.customer, name), settings.max_id_bytes
        )
    check_time(f"{field}.created_at", ticket.created_at)
    check_time(f"{field}.sla_due_at", ticket.sla_due_at)
    for name in ("previous_contacts", "reopen_count"):
        value = getattr(ticket, name)
        if not 0 <= value <= settings.max_count:
            raise InvalidTicket(f"{field}.{name}", f"must be between 0 and {settings.max_count}")
    if len(ticket.tags) > settings.max_tags:
        raise InvalidTicket(
            f"{field}.tags", f"has {len(ticket.tags)} tags, over {settings.max_tags}"
        )
    for i, tag in enumerate(ticket.tags):
        _check_size(f"{field}.tags[{i}]", tag, settings.max_id_bytes)
    if len(ticket.thread) > settings.max_thread_messages:
        raise InvalidTicket(
            f"{field}.thread",
            f"has {len(ticket.thread)} messages, over {settings.max_thread_messages}",
        )
    for i, message in enumerate(ticket.thread):
        _check_size(f"{field}.thread[{i}].text", message.text, settings.max_body_bytes)
        check_time(f"{field}.thread[{i}].sent_at", message.sent_at)


def supported_hint(hint: str) -> str | None:
    """The client's language hint as an ISO 639-1 code when we support it, else None
    (an unsupported hint is not an error: detection decides instead)."""
    code = hint.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else None
