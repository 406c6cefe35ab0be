"""Labelled history for the policy simulator, read from a JSONL or CSV file. The server reads
such a file for a client (SimulatePolicy `dataset_path`), so: only under the configured
directory (`resolve_dataset`), streamed line by line with the bytes and rows capped before
anything big is held, every value checked, and errors that name the line and column but never
echo the file's content or say anything about files outside the directory."""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from triage.domain import Ticket
from triage.errors import DatasetPathDenied, DatasetTooLarge, InvalidTicket
from triage.records import row_to_ticket, text_of
from triage.settings import Settings
from triage.validation import validate_ticket

FIELD = "dataset_path"
SUFFIXES = (".jsonl", ".ndjson", ".csv")
MAX_PATH_BYTES = 1024
MAX_LINE_BYTES = 1024 * 1024
"""Longest line (a ticket body is at most 64 KiB by default; JSON escapes can grow it 6x)."""
MAX_DIGITS = 20
"""Longest integer literal in a JSON line (Python would spend quadratic time on longer ones)."""
_OUTSIDE = "must name a .jsonl or .csv file by its path relative to the simulation directory"
_TEXT_COLUMNS = (
    "id",
    "subject",
    "body",
    "text",
    "channel",
    "language_hint",
    "customer_id",
    "customer_segment",
    "customer_plan",
    "customer_name",
    "customer_vip",
    "queue",
    "created_at",
    "sla_due_at",
)
_COUNT_COLUMNS = ("previous_contacts", "reopen_count")
_BOOLEANS = {"1", "true", "yes", "y", "t", "0", "false", "no", "n", "f", ""}


@dataclass(frozen=True)
class LabelledTicket:
    ticket: Ticket
    escalated: bool
    queue: str = ""


def resolve_dataset(root: str, requested: str) -> Path:
    """The file `requested` names under `root`. One message for every path that is not inside
    it (absolute, `..`, a symlink leading out), whether or not such a file exists."""
    if not root:
        raise DatasetPathDenied(
            f"{FIELD}: reading datasets on the server is off (it has no TRIAGE_SIMULATION_DIR); "
            "send the tickets in the request instead"
        )
    if len(requested.encode("utf-8")) > MAX_PATH_BYTES:
        raise InvalidTicket(FIELD, f"is over the limit of {MAX_PATH_BYTES} bytes")
    if not requested.strip() or "\x00" in requested:
        raise InvalidTicket(FIELD, "must be a non-empty path without NUL characters")
    relative = PurePosixPath(requested)
    try:
        base = Path(root).resolve(strict=True)
        if relative.is_absolute() or ".." in relative.parts:
            raise DatasetPathDenied(f"{FIELD}: {_OUTSIDE}")
        target = (base / relative).resolve()  # follows every symlink, then containment
    except (OSError, RuntimeError):  # a missing root, a symlink loop, a name too long
        raise DatasetPathDenied(f"{FIELD}: {_OUTSIDE}") from None
    if not target.is_relative_to(base) or target == base:
        raise DatasetPathDenied(f"{FIELD}: {_OUTSIDE}")
    if target.suffix.lower() not in SUFFIXES:
        raise InvalidTicket(FIELD, "must name a .jsonl or .csv file")
    return target


def _open(path: Path, follow_symlinks: bool) -> tuple[IO[bytes], int]:
    # O_NOFOLLOW: a symlink swapped in after resolve_dataset is refused, not followed;
    # O_NONBLOCK: a FIFO cannot hang the call before the regular-file check.
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidTicket(FIELD, "no such file") from None
    except OSError:
        raise InvalidTicket(FIELD, "cannot be read by the server") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InvalidTicket(FIELD, "is not a regular file")
    return os.fdopen(fd, "rb"), info.st_size


def _lines(handle: IO[bytes], max_bytes: int | None) -> Iterator[tuple[int, str]]:
    """(line number, decoded line), reading at most `max_bytes` and MAX_LINE_BYTES per line."""
    total = 0
    for number in range(1, 1 << 62):
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        total += len(raw)
        if max_bytes is not None and total > max_bytes:
            raise DatasetTooLarge(f"{FIELD}: the file is over the limit of {max_bytes} bytes")
        if len(raw) > MAX_LINE_BYTES:
            raise InvalidTicket(FIELD, f"line {number}: longer than {MAX_LINE_BYTES} bytes")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidTicket(
                FIELD, f"line {number}, byte {exc.start + 1}: not valid UTF-8"
            ) from None
        yield number, text.removeprefix("\ufeff") if number == 1 else text


class _BadNumber(ValueError):
    pass


def _finite(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _BadNumber("a number out of range")
    return value


def _short_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_DIGITS:
        raise _BadNumber("a number out of range")
    return int(literal)


def _no_constant(name: str) -> Any:
    raise _BadNumber(f"{name} is not a number JSON allows")


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number"}


def _json_rows(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(
                line, parse_float=_finite, parse_int=_short_int, parse_constant=_no_constant
            )
        except _BadNumber as exc:
            raise InvalidTicket(FIELD, f"line {number}: {exc}") from None
        except json.JSONDecodeError as exc:
            raise InvalidTicket(
                FIELD, f"line {number}, column {exc.pos + 1}: not valid JSON ({exc.msg})"
            ) from None
        except (ValueError, RecursionError):
            raise InvalidTicket(
                FIELD, f"line {number}: not valid JSON (nested too deeply)"
            ) from None
        if not isinstance(row, dict):
            kind = "null" if row is None else _JSON_TYPES.get(type(row), type(row).__name__)
            raise InvalidTicket(FIELD, f"line {number}: must be a JSON object, not {kind}")
        yield number, row


def _csv_rows(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
    at = [0]  # the physical line last read (a quoted cell may span lines)

    def texts() -> Iterator[str]:
        for number, text in lines:
            at[0] = number
            yield text

    reader = csv.DictReader(texts())
    try:
        for row in reader:
            row.pop(None, None)  # type: ignore[call-overload]  # cells beyond the header
            yield at[0], row
    except csv.Error as exc:  # its messages name the problem, never the cell
        raise InvalidTicket(FIELD, f"line {at[0]}: not valid CSV ({exc})") from None


def _check_row(number: int, row: Mapping[str, Any], settings: Settings) -> None:
    def bad(column: str, problem: str) -> InvalidTicket:
        return InvalidTicket(FIELD, f"line {number}, column {column}: {problem}")

    for column in _TEXT_COLUMNS:
        value = row.get(column)
        if value is not None and not isinstance(value, str | int | float | bool):
            raise bad(column, "must be text")
    for column in _COUNT_COLUMNS:
        value = row.get(column)
        if value is None or value == "":
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 9:
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad(column, "must be a whole number")
        if not 0 <= value <= settings.max_count:
            raise bad(column, f"must be between 0 and {settings.max_count}")
    for column in ("created_at", "sla_due_at"):
        text = text_of(row.get(column))
        try:
            if text:
                datetime.fromisoformat(text.replace("Z", "+00:00"))  # as records reads it
        except ValueError:
            raise bad(column, "must be an ISO 8601 time, e.g. 2024-05-01T09:30:00Z") from None
    tags = row.get("tags")
    if isinstance(tags, list) and not all(isinstance(t, str) for t in tags):
        raise bad("tags", "must be a list of strings")
    if "escalated" in row:
        value = row["escalated"]
        if not isinstance(value, bool) and text_of(value).lower() not in _BOOLEANS:
            raise bad("escalated", "must be true or false")


def _labelled(number: int, row: Mapping[str, Any], settings: Settings) -> LabelledTicket | None:
    _check_row(number, row, settings)
    ticket = row_to_ticket(row, number)
    if not (ticket.subject or ticket.body) or "escalated" not in row:
        return None
    queue = text_of(row.get("queue"))
    try:
        validate_ticket(ticket, settings, "row")
        if len(queue.encode("utf-8")) > settings.max_id_bytes:
            raise InvalidTicket("row.queue", f"is over the limit of {settings.max_id_bytes} bytes")
    except InvalidTicket as exc:
        column = exc.field.removeprefix("row.")
        raise InvalidTicket(FIELD, f"line {number}, {column}: {exc.problem}") from None
    escalated = row["escalated"] is True or text_of(row["escalated"]).lower() in {
        "1",
        "true",
        "yes",
        "y",
        "t",
    }
    return LabelledTicket(ticket, escalated, queue)


def read_history(
    path: Path | str,
    settings: Settings | None = None,
    max_bytes: int | None = None,
    max_rows: int | None = None,
    follow_symlinks: bool = True,
) -> list[LabelledTicket]:
    """JSONL or CSV rows with subject/body (or text), `escalated`, optional `queue` and the usual
    metadata columns (the columns training reads). Rows without text or `escalated` are
    skipped; a malformed row is an InvalidTicket naming its line (and column). Past `max_bytes`
    or `max_rows`: DatasetTooLarge, found before the file is read whole."""
    path = Path(path)
    settings = settings or Settings()
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidTicket(FIELD, "must name a .jsonl or .csv file")
    handle, size = _open(path, follow_symlinks)
    with handle:
        if max_bytes is not None and size > max_bytes:
            raise DatasetTooLarge(f"{FIELD}: the file is over the limit of {max_bytes} bytes")
        lines = _lines(handle, max_bytes)
        rows = _csv_rows(lines) if path.suffix.lower() == ".csv" else _json_rows(lines)
        out: list[LabelledTicket] = []
        for number, row in rows:
            item = _labelled(number, row, settings)
            if item is None:
                continue
            if max_rows is not None and len(out) >= max_rows:
                raise DatasetTooLarge(f"{FIELD}: more than {max_rows} labelled rows")
            out.append(item)
    if not out:
        raise InvalidTicket(FIELD, "no rows with text and an `escalated` column")
    return out
