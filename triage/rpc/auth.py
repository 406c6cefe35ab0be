"""Bearer tokens: one server interceptor checks them before a call takes a concurrency slot or
has its request parsed: the optional API token (every TriageService call) and the required
admin token (every AdminService call; without one, admin is off, never open).

Tokens are compared as SHA-256 digests with hmac.compare_digest: equal lengths whatever was sent,
so neither the value nor the length of the expected token leaks through timing. No token is ever
logged, echoed in an error message or written anywhere."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import grpc

from triage.errors import AuthDenied, AuthMissing
from triage.rpc.logs import REQUEST_ID_KEY, request_id_from, request_id_var
from triage.rpc.status import status_for

log = logging.getLogger(__name__)

Metadata = Sequence[tuple[str, str | bytes]] | None


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def check_bearer(
    metadata: Metadata,
    expected_digest: bytes,
    what: str,
    missing: type[AuthMissing] = AuthMissing,
    denied: type[AuthDenied] = AuthDenied,
) -> None:
    """Raise `missing` unless the metadata carries `authorization: Bearer <token>`, and `denied`
    unless that token's digest is `expected_digest`. `what` names the token in the message."""
    values = [v for k, v in (metadata or ()) if k == "authorization"]
    if not values or not isinstance(values[0], str):
        raise missing("missing credential: send 'authorization: Bearer <token>' metadata")
    scheme, _, token = values[0].partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise missing("malformed credential: expected 'authorization: Bearer <token>'")
    if not hmac.compare_digest(token_digest(token.strip()), expected_digest):
        raise denied(f"the {what} token is not valid")


_HANDLERS = {  # (request streaming, response streaming) -> grpc's handler factory
    (False, False): grpc.unary_unary_rpc_method_handler,
    (False, True): grpc.unary_stream_rpc_method_handler,
    (True, False): grpc.stream_unary_rpc_method_handler,
    (True, True): grpc.stream_stream_rpc_method_handler,
}


def handler_factory(
    request_streaming: bool, response_streaming: bool
) -> Callable[..., grpc.RpcMethodHandler]:
    """grpc's rpc_method_handler function for a method of this kind."""
    return _HANDLERS[(request_streaming, response_streaming)]


class Guard:
    """The bearer token every call of one service needs. An empty token switches the service
    off: every call gets `missing(off)`, so a server without a token is closed, never open."""

    def __init__(
        self,
        what: str,
        token: str,
        off: str = "",
        missing: type[AuthMissing] = AuthMissing,
        denied: type[AuthDenied] = AuthDenied,
    ) -> None:
        if not token and not off:
            raise ValueError(f"the {what} guard needs a token or a reason it is off")
        self._digest = token_digest(token) if token else None  # the token itself is not kept
        self._what, self._off = what, off
        self._missing, self._denied = missing, denied

    def check(self, metadata: Metadata) -> None:
        if self._digest is None:
            raise self._missing(self._off)
        check_bearer(metadata, self._digest, self._what, self._missing, self._denied)


def _refusal(
    handler: grpc.RpcMethodHandler, method: str, error: Exception, request_id: str
) -> grpc.RpcMethodHandler:
    """A handler of the same kind as `handler` that answers `error`'s status without reading the
    request (no deserializer: an unauthenticated caller's bytes are never parsed) and outside
    the concurrency caps (it is not wrapped by limits.Limiter)."""
    code, message = status_for(error, request_id)

    def refuse(_request: Any, context: grpc.ServicerContext) -> Any:
        request_id_var.set(request_id)
        try:
            log.info("%s refused: %s", method, code.name)
        finally:
            request_id_var.set("-")
        context.set_trailing_metadata(((REQUEST_ID_KEY, request_id),))
        context.abort(code, message)

    return handler_factory(handler.request_streaming, handler.response_streaming)(refuse)


class TokenInterceptor(grpc.ServerInterceptor):
    """Every method of each service in `guards` (full name, e.g. triage.v1.TriageService) needs
    that service's token; other services (health, reflection) pass untouched."""

    def __init__(self, guards: Mapping[str, Guard]) -> None:
        self._guards = {f"/{service}/": guard for service, guard in guards.items()}

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        method: str = handler_call_details.method  # type: ignore[attr-defined]
        service, _, name = method.rpartition("/")
        guard = self._guards.get(f"{service}/")
        if handler is None or guard is None:
            return handler
        metadata = handler_call_details.invocation_metadata  # type: ignore[attr-defined]
        try:
            guard.check(metadata)
        except (AuthMissing, AuthDenied) as exc:
            return _refusal(handler, name, exc, request_id_from(metadata))
        return handler
