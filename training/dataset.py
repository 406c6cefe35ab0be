"""Datasets for training and evaluation: JSONL or CSV, with a `text` column (or `subject` +
`body`), any of the label columns, and metadata columns. A column map renames an export's
columns to ours (`text=description,topic=category`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage.domain import FIXED_LABELS, HEADS, QUEUE_HEAD, Ticket
from triage.errors import DatasetError
from triage.records import read_rows, row_to_ticket, text_of

LABEL_COLUMNS = (*HEADS, "escalated", "language", "queue")
GROUP_COLUMN = "group"
"""Optional: rows sharing a group (a customer, a thread, a template) are never split between
calibration folds, so confidences are calibrated for groups the model has not seen."""


@dataclass(frozen=True)
class Dataset:
    tickets: list[Ticket]
    labels: dict[str, list[str | None]]
    """Column -> one value per ticket (None where the row has none), for the label columns and
    the group column that are present."""
    fingerprint: str
    """SHA-256 of the file's bytes and the column map: what this model was trained on."""
    path: Path

    def groups(self) -> list[str] | None:
        values = self.labels.get(GROUP_COLUMN)
        return None if values is None else [v or f"row-{i}" for i, v in enumerate(values)]

    def heads(self) -> list[str]:
        """The classification heads this dataset can train: those with at least one label (the
        contract's HEADS, plus the queue head that routing blends in)."""
        return [
            h for h in (*HEADS, QUEUE_HEAD) if any(v is not None for v in self.labels.get(h, []))
        ]


def parse_column_map(spec: str | None) -> dict[str, str]:
    """`ours=theirs,ours=theirs` -> {ours: theirs}."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        ours, sep, theirs = part.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise DatasetError(f"--column-map: expected ours=theirs, got {part!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _label(value: Any) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = text_of(value)
    return text or None


def load_dataset(path: Path | str, column_map: Mapping[str, str] | None = None) -> Dataset:
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    column_map = dict(column_map or {})
    tickets: list[Ticket] = []
    kept: list[dict[str, Any]] = []
    for index, raw in enumerate(read_rows(path)):
        row = {**raw, **{ours: raw.get(theirs) for ours, theirs in column_map.items()}}
        ticket = row_to_ticket(row, index)
        if ticket.subject or ticket.body:  # a row without text has nothing to learn from
            tickets.append(ticket)
            kept.append(row)
    present = [c for c in (*LABEL_COLUMNS, GROUP_COLUMN) if any(c in row for row in kept)]
    labels = {c: [_label(row.get(c)) for row in kept] for c in present}
    if not tickets:
        raise DatasetError(f"{path}: no rows with text (columns: text, or subject + body)")
    _check_fixed_labels(path, labels)
    digest = hashlib.sha256(path.read_bytes())
    digest.update(json.dumps(column_map, sort_keys=True).encode())
    return Dataset(tickets, labels, digest.hexdigest(), path)


def _check_fixed_labels(path: Path, labels: Mapping[str, list[str | None]]) -> None:
    for head, allowed in FIXED_LABELS.items():
        unknown = sorted({v for v in labels.get(head, []) if v is not None and v not in allowed})
        if unknown:
            raise DatasetError(
                f"{path}: column {head!r} has labels {unknown[:5]} outside {list(allowed)}"
            )
