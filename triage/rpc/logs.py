"""Structured server logs: one JSON object per line with the request id, the model version and
the escalation policy version, so a log pipeline can filter by call without parsing text.

The context is set per call by `call_scope` (contextvars, so code below the servicer logs with it
too) and added to records by `RequestContextFilter`. Ticket text and PII are never logged: log
ids, sizes, field names and codes only (`extra={...}` fields become JSON keys)."""

from __future__ import annotations

import json
import logging
import os
import re
import traceback
import uuid
from collections.abc import Sequence
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID_KEY = "x-request-id"
WORKER_KEY = "triage-worker"
"""Trailing metadata of every call a worker of `serve --workers` answers: `INDEX/PID`."""
TEXT_FORMAT = (
    "%(asctime)s %(levelname)s %(name)s [request_id=%(request_id)s "
    "model=%(model_version)s policy=%(policy_version)s] %(message)s"
)
CONTEXT_FIELDS = ("request_id", "model_version", "policy_version")

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
model_version_var: ContextVar[str] = ContextVar("model_version", default="-")
policy_version_var: ContextVar[str] = ContextVar("policy_version", default="-")

# A client-chosen id ends up in every log line: accept only a short, plain token (no newlines).
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# What every LogRecord has; anything else on a record came from `extra=` and is logged as a key.
_RECORD_ATTRIBUTES = frozenset(
    set(vars(logging.LogRecord("", 0, "", 0, "", (), None)))
    | {"message", "asctime", "taskName", *CONTEXT_FIELDS}
)


_worker: tuple[tuple[str, str], ...] = ()
"""(WORKER_KEY, "INDEX/PID") in a worker process (set by configure_logging), else empty: like
the log handler, a fact about the whole process."""


def worker_metadata() -> tuple[tuple[str, str], ...]:
    """What call_scope adds to a call's trailing metadata: which worker answered, if any."""
    return _worker


def request_id_from(metadata: Sequence[tuple[str, str | bytes]] | None) -> str:
    """The caller's `x-request-id` when it is a safe token, else a fresh uuid4 hex."""
    for key, value in metadata or ():
        if key == REQUEST_ID_KEY and isinstance(value, str) and _SAFE_ID.fullmatch(value):
            return value
    return uuid.uuid4().hex


class RequestContextFilter(logging.Filter):
    """Adds `request_id`, `model_version` and `policy_version` to every record (attach it to
    handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.model_version = model_version_var.get()
        record.policy_version = policy_version_var.get()
        return True


class WorkerFilter(logging.Filter):
    """Adds `worker` (the index) and `pid` to every record of a worker process."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def filter(self, record: logging.LogRecord) -> bool:
        record.worker = self.index
        record.pid = record.process
        return True


class TextFormatter(logging.Formatter):
    """Plain lines; an exception's type and stack frames but never its message, which may quote
    what a client sent (a KeyError of a field value, a ValueError repeating input)."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        kind, _, frames = ei
        return (
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(frames))
            + getattr(kind, "__name__", "")
        )


class JsonFormatter(TextFormatter):
    """One JSON object per record: timestamp (UTC, ISO 8601), level, logger, message, the
    request context, any `extra=` fields, and the traceback of an exception (frames and type,
    no message) as `exception`."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **{name: getattr(record, name, "-") for name in CONTEXT_FIELDS},
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def formatter(log_format: str, worker: bool = False) -> logging.Formatter:
    """The formatter of a `TRIAGE_LOG_FORMAT` value (Settings checks it): `json` or `text`;
    `worker`: text lines start with the worker's index and pid (json has them as keys)."""
    if log_format == "text":
        prefix = "[worker=%(worker)s pid=%(pid)s] " if worker else ""
        return TextFormatter(TEXT_FORMAT.replace("%(message)s", prefix + "%(message)s"))
    return JsonFormatter()


def configure_logging(
    level: int | str = logging.INFO, log_format: str = "json", worker: int | None = None
) -> None:
    """One stderr handler on the root logger with the request context in every line.
    `worker`: this process is worker `worker` of `serve --workers`: every line carries its
    index and pid, and so does every call's trailing metadata (WORKER_KEY)."""
    global _worker
    handler = logging.StreamHandler()
    handler.addFilter(RequestContextFilter())
    if worker is not None:
        handler.addFilter(WorkerFilter(worker))
        _worker = ((WORKER_KEY, f"{worker}/{os.getpid()}"),)
    handler.setFormatter(formatter(log_format, worker is not None))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("spacy").setLevel(logging.WARNING)  # its pipeline set-up chatter is noise
