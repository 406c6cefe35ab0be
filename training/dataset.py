"""Datasets for training and evaluation: JSONL or CSV, with a `text` column (or `subject` +
`body`), any of the label columns, and metadata columns. A column map renames an export's
columns to ours (`text=description,topic=category`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Generator, Iterable, Mapping
from contextlib import closing
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
TEXT_COLUMNS = ("text", "subject", "body")
TRAINABLE = (*HEADS, QUEUE_HEAD)
"""Label columns of the heads training fits (`Dataset.heads`)."""
KNOWN_COLUMNS = frozenset(
    {
        *TEXT_COLUMNS,
        *LABEL_COLUMNS,
        GROUP_COLUMN,
        *("id", "channel", "language_hint", "created_at", "sla_due_at", "tags"),
        *("customer_id", "customer_segment", "customer_plan", "customer_vip", "customer_name"),
        *("previous_contacts", "reopen_count"),
    }
)
"""The columns `row_to_ticket` and the label readers use: what a column map may map to."""


@dataclass(frozen=True)
class Dataset:
    tickets: list[Ticket]
    labels: dict[str, list[str | None]]
    """Column -> one value per ticket (None where the row has none), for the label columns and
    the group column that are present."""
    fingerprint: str
    """SHA-256 of the file's bytes and the column map: what this model was trained on."""
    path: Path
    columns: tuple[str, ...] = ()
    """The file's own columns, in the order first seen (for error messages)."""

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
        if ours.strip() not in KNOWN_COLUMNS:
            raise DatasetError(
                f"--column-map: {ours.strip()!r} is not a column triage reads; "
                f"known: {', '.join(sorted(KNOWN_COLUMNS))}"
            )
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _listed(columns: Iterable[str]) -> str:
    names = list(columns)
    shown = ", ".join(names[:40]) + (f", ... ({len(names) - 40} more)" if len(names) > 40 else "")
    return f"columns found: {shown or '(none)'}"


def _missing_columns(
    path: Path, found: Collection[str], column_map: Mapping[str, str], labels: Collection[str]
) -> str | None:
    """What the columns `found` in the file lack, or None: a column the map names, a text
    column, one of `labels` (when given)."""
    for ours, theirs in column_map.items():
        if theirs not in found:
            return (
                f"{path}: --column-map {ours}={theirs}: the file has no column {theirs!r}; "
                f"{_listed(found)}"
            )
    usable = {*found, *column_map}
    if not usable.intersection(TEXT_COLUMNS):
        return f"{path}: no text column (text, or subject and body); {_listed(found)}"
    if labels and not usable.intersection(labels):
        wanted = ", ".join(labels) if len(labels) == 1 else f"one of {', '.join(labels)}"
        return f"{path}: no label column ({wanted}); {_listed(found)}"
    return None


def check_columns(
    path: Path | str, column_map: Mapping[str, str] | None = None, labels: Collection[str] = ()
) -> None:
    """Before slow work: the file exists and has the columns the map names, a text column and
    (when `labels` is given) one of those label columns. Reads only until all are seen, so a
    good file costs a row; DatasetError names the missing column and lists the columns found."""
    path = _readable(Path(path))
    column_map = dict(column_map or {})
    found: dict[str, None] = {}
    rows = 0
    with closing(_rows(path)) as reader:
        for raw in reader:
            rows += 1
            found.update(dict.fromkeys(k for k in raw if isinstance(k, str)))
            if _missing_columns(path, found, column_map, labels) is None:
                return
    if not rows:
        raise DatasetError(f"{path}: no rows")
    raise DatasetError(str(_missing_columns(path, found, column_map, labels)))


def _readable(path: Path) -> Path:
    if not path.exists():
        raise DatasetError(f"{path}: no such file")
    if not path.is_file():
        raise DatasetError(
            f"{path}: is a directory, not a file"
            if path.is_dir()
            else f"{path}: is not a regular file"
        )
    return path


def _rows(path: Path) -> Generator[dict[str, Any], None, None]:
    """`read_rows`, with undecodable bytes and unreadable files as DatasetError."""
    try:
        yield from read_rows(path)
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _label(value: Any) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = text_of(value)
    return text or None


def load_dataset(path: Path | str, column_map: Mapping[str, str] | None = None) -> Dataset:
    path = _readable(Path(path))
    column_map = dict(column_map or {})
    tickets: list[Ticket] = []
    kept: list[dict[str, Any]] = []
    found: dict[str, None] = {}
    for index, raw in enumerate(_rows(path)):
        found.update(dict.fromkeys(k for k in raw if isinstance(k, str)))
        row = {**raw, **{ours: raw.get(theirs) for ours, theirs in column_map.items()}}
        ticket = row_to_ticket(row, index)
        if ticket.subject or ticket.body:  # a row without text has nothing to learn from
            tickets.append(ticket)
            kept.append(row)
    present = [c for c in (*LABEL_COLUMNS, GROUP_COLUMN) if any(c in row for row in kept)]
    labels = {c: [_label(row.get(c)) for row in kept] for c in present}
    missing = _missing_columns(path, found, column_map, ())
    if missing:
        raise DatasetError(missing)
    if not tickets:
        raise DatasetError(f"{path}: no rows with text (in text, or subject and body)")
    _check_fixed_labels(path, labels)
    digest = hashlib.sha256(path.read_bytes())
    digest.update(json.dumps(column_map, sort_keys=True).encode())
    return Dataset(tickets, labels, digest.hexdigest(), path, tuple(found))


def no_labels_error(data: Dataset, labels: Collection[str] = TRAINABLE) -> DatasetError:
    """For a dataset none of whose `labels` columns has a value."""
    return DatasetError(
        f"{data.path}: no labels for any of {', '.join(labels)}; {_listed(data.columns)}"
    )


def _check_fixed_labels(path: Path, labels: Mapping[str, list[str | None]]) -> None:
    for head, allowed in FIXED_LABELS.items():
        unknown = sorted({v for v in labels.get(head, []) if v is not None and v not in allowed})
        if unknown:
            raise DatasetError(
                f"{path}: column {head!r} has labels {unknown[:5]} outside {list(allowed)}"
            )
