"""Request-scoped log context: every line carries the request id and the model version.

Set per call by `call_scope` (contextvars, so code below the servicer logs with them too) and
added to records by `RequestContextFilter`. Ticket text and PII are never logged: log ids, sizes,
field names and codes only."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from contextvars import ContextVar

REQUEST_ID_KEY = "x-request-id"
LOG_FORMAT = (
    "%(asctime)s %(levelname)s %(name)s "
    "[request_id=%(request_id)s model=%(model_version)s] %(message)s"
)

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
model_version_var: ContextVar[str] = ContextVar("model_version", default="-")

# A client-chosen id ends up in every log line: accept only a short, plain token (no newlines).
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id_from(metadata: Sequence[tuple[str, str | bytes]] | None) -> str:
    """The caller's `x-request-id` when it is a safe token, else a fresh uuid4 hex."""
    for key, value in metadata or ():
        if key == REQUEST_ID_KEY and isinstance(value, str) and _SAFE_ID.fullmatch(value):
            return value
    return uuid.uuid4().hex


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `model_version` to every record (attach it to handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.model_version = model_version_var.get()
        return True


def configure_logging(level: int | str = logging.INFO) -> None:
    """One stderr handler on the root logger with the request context in every line."""
    handler = logging.StreamHandler()
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("spacy").setLevel(logging.WARNING)  # its pipeline set-up chatter is noise
