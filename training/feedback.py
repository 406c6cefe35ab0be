"""Agents' corrections as training data: `triage feedback export` writes them as a dataset,
`triage train --feedback URL` merges them into the training data.

De-duplication: per ticket id and head, the latest correction (by decision time, then arrival)
wins; the ticket text is the latest one sent for that id. Merging: a correction overrides the
label of the training row with the same id (heads it does not name keep theirs), a correction
for an id the data lacks is a new row. Weight: the heads' fit takes no sample weights, so a
corrected row is repeated round(W) times in the training part (never in the held-out part,
where a copy would leak); repeated rows share a calibration group, so no fold is calibrated on
a copy of a row it was fitted on."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from training.dataset import GROUP_COLUMN, Dataset
from triage.feedback import ESCALATED, LABEL_HEADS
from triage.feedback_store import FeedbackRecord, FeedbackStore
from triage.records import row_to_ticket

CORRECTED_HEADS = (*LABEL_HEADS, ESCALATED)
META_COLUMNS = ("agent_id", "model_version", "decided_at")
"""Columns the export adds beside the dataset's (training ignores them)."""


@dataclass(frozen=True)
class Correction:
    ticket_id: str
    row: dict[str, Any]
    """The ticket as a dataset row (latest text sent for the id)."""
    labels: dict[str, str]
    """Head -> label, the latest correction of each head."""
    meta: dict[str, str]


def corrections(records: list[FeedbackRecord]) -> list[Correction]:
    """One correction per ticket id, latest wins per head; `records` oldest first."""
    merged: dict[str, Correction] = {}
    for record in records:
        previous = merged.get(record.ticket_id)
        labels = {**(previous.labels if previous else {}), **record.labels}
        meta = {
            "agent_id": record.agent_id,
            "model_version": record.model_version,
            "decided_at": record.decided_at.isoformat(),
        }
        merged[record.ticket_id] = Correction(record.ticket_id, record.ticket, labels, meta)
    return list(merged.values())


def read_corrections(url: str) -> list[Correction]:
    store = FeedbackStore(url)
    try:
        return corrections(list(store.records()))
    finally:
        store.close()


def export_rows(items: list[Correction]) -> list[dict[str, Any]]:
    return [{**c.row, **c.labels, **c.meta, "id": c.ticket_id} for c in items]


def export(url: str, out: Path) -> int:
    """Write the corrections to `out` (.csv, else JSONL); the number of rows written."""
    rows = export_rows(read_corrections(url))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        if out.suffix.lower() == ".csv":
            columns = list(dict.fromkeys(k for row in rows for k in row))
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()}
                )
        else:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return len(rows)


@dataclass(frozen=True)
class FeedbackUse:
    """What a training run took from the feedback (logged to MLflow)."""

    corrections: int = 0
    overridden_rows: int = 0
    new_rows: int = 0
    repeats: int = 1
    per_head: dict[str, int] | None = None

    def metrics(self) -> dict[str, float]:
        out = {
            "feedback.corrections": float(self.corrections),
            "feedback.overridden_rows": float(self.overridden_rows),
            "feedback.new_rows": float(self.new_rows),
        }
        for head, n in (self.per_head or {}).items():
            out[f"feedback.corrections.{head}"] = float(n)
        return out


def _label_column(head: str) -> str:
    return "escalated" if head == ESCALATED else head


def override(data: Dataset, items: list[Correction]) -> tuple[Dataset, set[str]]:
    """`data` with the labels of rows whose id has a correction replaced; the ids matched."""
    by_id = {c.ticket_id: c for c in items}
    labels = {k: list(v) for k, v in data.labels.items()}
    matched: set[str] = set()
    for i, ticket in enumerate(data.tickets):
        correction = by_id.get(ticket.id)
        if correction is None:
            continue
        matched.add(ticket.id)
        for head, label in correction.labels.items():
            column = labels.setdefault(_label_column(head), [None] * len(data.tickets))
            column[i] = label
    return replace(data, labels=labels), matched


def add_weighted(
    train: Dataset, items: list[Correction], matched: set[str], weight: float
) -> tuple[Dataset, FeedbackUse]:
    """`train` plus a row per correction not `matched` by an id already in the data, and every
    corrected row of `train` repeated so it counts round(weight) times."""
    repeats = max(1, round(weight))
    tickets = list(train.tickets)
    labels = {k: list(v) for k, v in train.labels.items()}
    groups = train.groups() if repeats > 1 else None
    if groups is not None:
        labels[GROUP_COLUMN] = list(groups)

    def append(ticket: Any, row_labels: dict[str, str | None], group: str) -> None:
        n = len(tickets)
        tickets.append(ticket)
        for column in {*labels, *row_labels}:
            labels.setdefault(column, [None] * n).append(row_labels.get(column))
        if groups is not None:
            labels[GROUP_COLUMN][-1] = group

    by_id = {c.ticket_id: c for c in items}
    for i, ticket in enumerate(train.tickets[:]):
        if ticket.id in by_id and repeats > 1:
            if groups is not None:
                labels[GROUP_COLUMN][i] = f"feedback:{ticket.id}"
            own = {k: v[i] for k, v in labels.items() if k != GROUP_COLUMN}
            for _ in range(repeats - 1):
                append(ticket, own, f"feedback:{ticket.id}")
    new = [c for c in items if c.ticket_id not in matched]
    for index, c in enumerate(new):
        ticket = row_to_ticket({**c.row, "id": c.ticket_id}, index)
        row_labels: dict[str, str | None] = {_label_column(h): v for h, v in c.labels.items()}
        for _ in range(repeats):
            append(ticket, row_labels, f"feedback:{c.ticket_id}")
    per_head = Counter(h for c in items for h in c.labels)
    use = FeedbackUse(
        corrections=len(items),
        overridden_rows=len(matched),
        new_rows=len(new),
        repeats=repeats,
        per_head={_label_column(h): per_head.get(h, 0) for h in CORRECTED_HEADS},
    )
    merged = replace(
        train, tickets=tickets, labels=labels, fingerprint=f"{train.fingerprint}:feedback"
    )
    return merged, use
