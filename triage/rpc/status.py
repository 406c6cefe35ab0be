"""The one table from domain errors to gRPC status codes, and the helper that aborts a call."""

from __future__ import annotations

import logging
import re
from typing import NoReturn

import grpc

from triage.errors import (
    AuthDenied,
    AuthMissing,
    BundleIntegrityError,
    ContentError,
    DatasetError,
    DatasetPathDenied,
    DatasetTooLarge,
    FeedbackOff,
    FeedbackStoreError,
    InvalidTicket,
    ModelNotFound,
    ModelUnavailable,
    PolicyNotFound,
    PolicyValidationError,
    ReloadFailed,
    ReloadInProgress,
    TicketNotRemembered,
)

log = logging.getLogger(__name__)

_SAFE_FIELD = re.compile(
    r"[A-Za-z0-9_.\[\]]{1,100}"
)  # a field path we built, e.g. request[3].ticket


class MalformedRequest(Exception):
    """Request bytes that do not parse as the expected message (rpc-level, not a domain error)."""

    def __init__(self, where: str = "request") -> None:
        super().__init__(f"{where} could not be parsed")


class IdleStream(Exception):
    """A client stream that sent no message for too long (rpc-level, see rpc/limits.py)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"stream idle: no request for {seconds:g} s (TRIAGE_STREAM_IDLE_SECONDS); "
            "send the next ticket sooner or half-close the stream"
        )


class StreamTooLong(Exception):
    """A stream open for longer than TRIAGE_MAX_STREAM_SECONDS (rpc-level, see rpc/limits.py)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"stream too long: open for more than {seconds:g} s (TRIAGE_MAX_STREAM_SECONDS); "
            "open a new stream for more tickets"
        )


# Domain error messages are safe to show clients by contract (errors.py), so they go out as-is.
# A class not found here (by MRO, so subclasses inherit their parent's code) is a bug: INTERNAL.
CODES: dict[type[Exception], grpc.StatusCode] = {
    InvalidTicket: grpc.StatusCode.INVALID_ARGUMENT,
    MalformedRequest: grpc.StatusCode.INVALID_ARGUMENT,
    IdleStream: grpc.StatusCode.DEADLINE_EXCEEDED,
    StreamTooLong: grpc.StatusCode.DEADLINE_EXCEEDED,
    DatasetError: grpc.StatusCode.INVALID_ARGUMENT,
    ModelUnavailable: grpc.StatusCode.UNAVAILABLE,
    ModelNotFound: grpc.StatusCode.NOT_FOUND,
    # Not DATA_LOSS (that reads as "user data is gone"): the bundle on disk must be fixed by an
    # operator before the call can succeed, which is what FAILED_PRECONDITION tells a client.
    BundleIntegrityError: grpc.StatusCode.FAILED_PRECONDITION,
    # Content files (KB, macros, routing table) an operator must fix; the old content serves on.
    ContentError: grpc.StatusCode.FAILED_PRECONDITION,
    PolicyValidationError: grpc.StatusCode.INVALID_ARGUMENT,
    PolicyNotFound: grpc.StatusCode.NOT_FOUND,
    DatasetPathDenied: grpc.StatusCode.PERMISSION_DENIED,
    DatasetTooLarge: grpc.StatusCode.RESOURCE_EXHAUSTED,
    AuthMissing: grpc.StatusCode.UNAUTHENTICATED,  # admin and API tokens alike
    AuthDenied: grpc.StatusCode.PERMISSION_DENIED,
    # A model that failed to load or verify on reload; the old one serves on.
    ReloadFailed: grpc.StatusCode.FAILED_PRECONDITION,
    # One reload at a time: the second caller is told to retry rather than held for a load.
    ReloadInProgress: grpc.StatusCode.ABORTED,
    # Feedback (issue 12): a server configured without a store; a store that failed (retry:
    # nothing was acknowledged); an id-only correction for a ticket the server does not remember.
    FeedbackOff: grpc.StatusCode.FAILED_PRECONDITION,
    FeedbackStoreError: grpc.StatusCode.UNAVAILABLE,
    TicketNotRemembered: grpc.StatusCode.NOT_FOUND,
}


def status_for(exc: BaseException, request_id: str) -> tuple[grpc.StatusCode, str]:
    """The status code and client-safe message for `exc`."""
    for cls in type(exc).__mro__:
        code = CODES.get(cls)
        if code is not None:
            return code, str(exc)
    return grpc.StatusCode.INTERNAL, f"internal error (request id {request_id})"


def abort_for(context: grpc.ServicerContext, exc: BaseException, request_id: str) -> NoReturn:
    """Log `exc` (the traceback only for unexpected ones) and end the call with its status."""
    code, message = status_for(exc, request_id)
    if code is grpc.StatusCode.INTERNAL:
        log.error("unexpected %s, answering INTERNAL", type(exc).__name__, exc_info=exc)
    else:
        # The class and field only: messages may quote what the client sent (a language, a
        # dataset path), and client strings stay out of the logs.
        field = getattr(exc, "field", "")
        safe = field if isinstance(field, str) and _SAFE_FIELD.fullmatch(field) else ""
        log.info("answering %s", code.name, extra={"error": type(exc).__name__, "field": safe})
    context.abort(code, message)
    raise AssertionError("unreachable: context.abort raises")
