"""Flat dataset rows (JSONL or CSV) as tickets: the one reader shared by training and by the
server's policy simulator, so both understand a dataset's columns the same way."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.domain import Channel, Customer, Ticket
from triage.errors import DatasetError


def read_rows(path: Path) -> Iterable[dict[str, Any]]:
    """The rows of a .jsonl or .csv file; DatasetError names the file (and line) that is bad."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise DatasetError(f"{path}:{number}: not valid JSON: {exc.msg}") from exc
                    if not isinstance(row, dict):
                        raise DatasetError(f"{path}:{number}: not a JSON object")
                    yield row
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
    else:
        raise DatasetError(f"{path}: unsupported format (use .jsonl or .csv)")


def text_of(value: Any) -> str:
    return "" if value is None else str(value).strip()


def as_count(value: Any) -> int:
    """A non-negative count; 0 for anything unreadable."""
    try:
        return max(0, int(float(value)))
    except (TypeError, ValueError, OverflowError):  # OverflowError: "1e400" is inf
        return 0


def as_bool(value: Any) -> bool:
    return value is True or text_of(value).lower() in {"1", "true", "yes", "y", "t"}


def _time(value: Any) -> datetime | None:
    text = text_of(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # naive times are UTC


def _channel(value: Any) -> Channel:
    try:
        return Channel(text_of(value).lower())
    except ValueError:
        return Channel.UNSPECIFIED


def row_to_ticket(row: Mapping[str, Any], index: int) -> Ticket:
    """A ticket from a flat row (`subject` + `body`, or `text`; metadata columns by name)."""
    subject, body = text_of(row.get("subject")), text_of(row.get("body"))
    if not subject and not body:
        body = text_of(row.get("text"))
    tags = row.get("tags") or ()
    return Ticket(
        id=text_of(row.get("id")) or f"row-{index}",
        subject=subject,
        body=body,
        channel=_channel(row.get("channel")),
        # The label column is what we learn to predict, so it is never passed as a hint.
        language_hint=text_of(row.get("language_hint")),
        customer=Customer(
            id=text_of(row.get("customer_id")),
            segment=text_of(row.get("customer_segment")),
            plan=text_of(row.get("customer_plan")),
            vip=as_bool(row.get("customer_vip")),
            name=text_of(row.get("customer_name")),
        ),
        created_at=_time(row.get("created_at")),
        sla_due_at=_time(row.get("sla_due_at")),
        previous_contacts=as_count(row.get("previous_contacts")),
        reopen_count=as_count(row.get("reopen_count")),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
    )
