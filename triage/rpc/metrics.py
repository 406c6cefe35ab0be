"""Request counts and latency per RPC and status code, in one place: the outermost server
interceptor, so calls refused before the servicer (bad token, server busy, unparsable request)
are counted with the code the client got. Only triage.v1 services (triage and admin calls);
health and reflection are not counted."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import grpc

from triage.metrics import Metrics
from triage.rpc.auth import handler_factory

COUNTED_PREFIX = "/triage.v1."


def _code(context: grpc.ServicerContext, failed: bool) -> str:
    """The status the call ended with: the one set by abort/set_code, else OK, or UNKNOWN for an
    exception grpc answers itself, CANCELLED when the client went away."""
    code = context.code()  # type: ignore[attr-defined]  # grpc's server context has it
    if code is not None:
        return str(code.name)
    if not context.is_active():
        return "CANCELLED"
    return "UNKNOWN" if failed else "OK"


class MetricsInterceptor(grpc.ServerInterceptor):
    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        method: str = handler_call_details.method  # type: ignore[attr-defined]
        if handler is None or not method.startswith(COUNTED_PREFIX):
            return handler
        rpc = method.rpartition("/")[2]
        streaming = handler.response_streaming
        behaviour = (
            (handler.unary_stream if not handler.request_streaming else handler.stream_stream)
            if streaming
            else (handler.unary_unary if not handler.request_streaming else handler.stream_unary)
        )
        wrapped = self._streaming(rpc, behaviour) if streaming else self._unary(rpc, behaviour)
        return handler_factory(handler.request_streaming, streaming)(
            wrapped,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )

    def _unary(self, rpc: str, behaviour: Callable[..., Any]) -> Callable[..., Any]:
        def counted(request: Any, context: grpc.ServicerContext) -> Any:
            started, failed = time.perf_counter(), True
            try:
                response = behaviour(request, context)
                failed = False
                return response
            finally:
                self._metrics.rpc_done(rpc, _code(context, failed), time.perf_counter() - started)

        return counted

    def _streaming(self, rpc: str, behaviour: Callable[..., Any]) -> Callable[..., Any]:
        def counted(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
            started, failed = time.perf_counter(), True
            try:
                for response in behaviour(request, context):
                    self._metrics.stream_message(rpc)
                    yield response
                failed = False
            finally:
                self._metrics.rpc_done(rpc, _code(context, failed), time.perf_counter() - started)

        return counted
