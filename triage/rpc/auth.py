"""Bearer tokens: the one check behind the optional API token (every TriageService call, by a
server interceptor) and the required admin token (AdminService, `admin.check_token`).

Tokens are compared as SHA-256 digests with hmac.compare_digest: equal lengths whatever was sent,
so neither the value nor the length of the expected token leaks through timing. No token is ever
logged, echoed in an error message or written anywhere."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Sequence
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


def _refusal(
    handler: grpc.RpcMethodHandler, method: str, error: Exception, request_id: str
) -> grpc.RpcMethodHandler:
    """A handler of the same kind as `handler` that answers `error`'s status without reading the
    request (no deserializer: an unauthenticated caller's bytes are never parsed)."""
    code, message = status_for(error, request_id)

    def refuse(_request: Any, context: grpc.ServicerContext) -> Any:
        request_id_var.set(request_id)
        try:
            log.info("%s refused: %s", method, code.name)
        finally:
            request_id_var.set("-")
        context.set_trailing_metadata(((REQUEST_ID_KEY, request_id),))
        context.abort(code, message)

    make: Callable[..., grpc.RpcMethodHandler] = _HANDLERS[
        (handler.request_streaming, handler.response_streaming)
    ]
    return make(refuse)


class TokenInterceptor(grpc.ServerInterceptor):
    """Every method of `service` (full name, e.g. triage.v1.TriageService) needs the bearer
    token; other services (health, reflection) pass untouched."""

    def __init__(self, service: str, token: str, what: str = "API") -> None:
        if not token:
            raise ValueError("TokenInterceptor needs a token")
        self._prefix = f"/{service}/"
        self._digest = token_digest(token)  # the token itself is not kept
        self._what = what

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        method: str = handler_call_details.method  # type: ignore[attr-defined]
        if handler is None or not method.startswith(self._prefix):
            return handler
        metadata = handler_call_details.invocation_metadata  # type: ignore[attr-defined]
        try:
            check_bearer(metadata, self._digest, self._what)
        except (AuthMissing, AuthDenied) as exc:
            return _refusal(handler, method.rsplit("/", 1)[-1], exc, request_id_from(metadata))
        return handler
