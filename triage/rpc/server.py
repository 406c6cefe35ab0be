"""The gRPC server: TriageService, standard grpc.health.v1 health and server reflection."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import FrameType
from typing import Any

import grpc
from google.protobuf.message import DecodeError, Message
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from triage import ports
from triage.errors import ConfigError
from triage.escalation.policy import PolicyStore
from triage.feedback import FeedbackService
from triage.metrics import Metrics
from triage.rpc.admin import AdminServicer, admin_guard
from triage.rpc.auth import Guard, TokenInterceptor, handler_factory
from triage.rpc.limits import Limiter
from triage.rpc.metrics import MetricsInterceptor
from triage.rpc.servicer import UNPARSABLE, TriageServicer, Unparsable
from triage.rpc.tls import is_loopback, server_credentials, transport_mode
from triage.service import TriageService
from triage.settings import Settings
from triage.v1 import triage_pb2 as pb

log = logging.getLogger(__name__)

SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["TriageService"].full_name
"""`triage.v1.TriageService`, also the health service name of the triage RPCs."""

ADMIN_SERVICE_NAME: str = pb.DESCRIPTOR.services_by_name["AdminService"].full_name
"""`triage.v1.AdminService`: the escalation policy, behind a bearer token."""


def _lenient(message_type: type[Message]) -> Callable[[bytes], Message | Unparsable]:
    """A deserializer that hands the servicer UNPARSABLE instead of raising: grpc would turn a
    DecodeError (bad UTF-8, corrupt wire format) into INTERNAL, but it is the client's fault."""

    def parse(data: bytes) -> Message | Unparsable:
        try:
            return message_type.FromString(data)
        except DecodeError:
            return UNPARSABLE

    return parse


def _refuse_unparsable(method: Callable[[Any, grpc.ServicerContext], Any]) -> Callable[..., Any]:
    """A single request that does not parse is refused before the servicer sees it."""

    def behaviour(request: Any, context: grpc.ServicerContext) -> Any:
        if isinstance(request, Unparsable):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "request could not be parsed")
        return method(request, context)

    return behaviour


def _add_service(name: str, servicer: object, server: grpc.Server, limiter: Limiter) -> None:
    """What the generated add_*Servicer_to_server does, for every method the .proto declares,
    with lenient parsing and under `limiter`'s caps. Streamed requests reach the servicer as
    UNPARSABLE, so it can name the position of the bad one."""
    descriptor = pb.DESCRIPTOR.services_by_name[name]
    handlers = {}
    for method in descriptor.methods:
        behaviour = getattr(servicer, method.name)
        if not method.client_streaming:
            behaviour = _refuse_unparsable(behaviour)
        behaviour = limiter.wrap(behaviour, method.client_streaming, method.server_streaming)
        make = handler_factory(method.client_streaming, method.server_streaming)
        handlers[method.name] = make(
            behaviour,
            request_deserializer=_lenient(getattr(pb, method.input_type.name)),
            response_serializer=getattr(pb, method.output_type.name).SerializeToString,
        )
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler(descriptor.full_name, handlers),)
    )
    server.add_registered_method_handlers(descriptor.full_name, handlers)


def mark_serving(health_servicer: health.HealthServicer, serving: bool) -> None:
    """Set the overall ("") and the TriageService health status."""
    status = (
        health_pb2.HealthCheckResponse.SERVING
        if serving
        else health_pb2.HealthCheckResponse.NOT_SERVING
    )
    for name in ("", SERVICE_NAME):
        health_servicer.set(name, status)


def _bind(
    server: grpc.Server, settings: Settings, credentials: grpc.ServerCredentials | None
) -> int:
    """Bind settings.host:settings.port and return the real port. Exclusive (no SO_REUSEPORT)
    unless settings.reuse_port: otherwise a second server on a busy port would start silently
    and take every other connection. ConfigError on a port that cannot be bound."""
    if not settings.reuse_port:
        ports.check_port_free(settings.host, settings.port)
    address = ports.address(settings.host, settings.port)
    try:  # grpc returns 0 or raises RuntimeError, depending on the version
        if credentials is None:
            port = server.add_insecure_port(address)
        else:
            port = server.add_secure_port(address, credentials)
    except RuntimeError:
        port = 0
    if port == 0:  # the probe passed: lost a race for the port, or the host is not ours
        raise ConfigError(
            f"cannot listen on {address}: the port is in use or TRIAGE_HOST is not an address "
            "of this machine"
        )
    return port


def _log_transport(settings: Settings) -> None:
    """One line: transport mode and whether triage calls need a token (never the token)."""
    mode = transport_mode(settings)
    token = "required" if settings.api_token else "not required"
    if mode == "insecure" and not is_loopback(settings.host):
        log.warning("transport: insecure (plaintext) on %s; API token %s", settings.host, token)
    else:
        log.info("transport: %s; API token %s", mode, token)


def build_server(
    service: TriageService,
    settings: Settings,
    policy_store: PolicyStore | None = None,
    limiter: Limiter | None = None,
    health_servicer: health.HealthServicer | None = None,
    admin: AdminServicer | None = None,
    feedback: FeedbackService | None = None,
    metrics: Metrics | None = None,
) -> tuple[grpc.Server, int]:
    """A bound, not yet started server and its real port (settings.port 0 picks a free one;
    a port in use is a ConfigError unless settings.reuse_port), plaintext or TLS/mTLS as
    settings.tls_* say (ConfigError naming the variable if the files cannot serve),
    TriageService behind settings.api_token when one is set, AdminService always behind
    settings.admin_token (off without one). Calls are capped by `limiter` (default:
    Limiter.from_settings; tests pass their own to read its counters).
    Health (`health_servicer`, default a new one: pass yours to flip it on shutdown) is
    NOT_SERVING until the service has a model and follows `service.use_model`.
    AdminService is `admin` (default: one over `policy_store`, by default settings.policy_dir,
    touched on first admin call, and no model reload). SubmitFeedback stores corrections with
    `feedback` (None: FAILED_PRECONDITION, feedback is off).
    `metrics`: count every triage and admin call by method and status code (outermost
    interceptor: token refusals included)."""
    credentials = server_credentials(settings)  # first: bad TLS files fail before anything runs
    guards = {ADMIN_SERVICE_NAME: admin_guard(settings.admin_token)}
    if settings.api_token:
        guards[SERVICE_NAME] = Guard("API", settings.api_token)
    size = settings.max_message_bytes
    # Triage and admin calls; health, reflection and token refusals are not counted.
    limiter = limiter or Limiter.from_settings(settings)
    interceptors: list[grpc.ServerInterceptor] = [TokenInterceptor(guards)]
    if metrics is not None:
        interceptors.insert(0, MetricsInterceptor(metrics))
    server = grpc.server(
        ThreadPoolExecutor(max_workers=limiter.threads, thread_name_prefix="triage-rpc"),
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", size),
            ("grpc.max_send_message_length", size),
            ("grpc.so_reuseport", 1 if settings.reuse_port else 0),
        ],
        # An outer bound on calls accepted at all (running or waiting for a thread), health
        # checks included: grpc refuses the rest with RESOURCE_EXHAUSTED before the pool.
        maximum_concurrent_rpcs=4 * limiter.threads,
    )
    _add_service("TriageService", TriageServicer(service, feedback), server, limiter)
    if admin is None:
        store = policy_store or PolicyStore(settings.policy_dir, settings.policy_file)
        admin = AdminServicer(service, settings, store)
    _add_service("AdminService", admin, server, limiter)

    health_servicer = health_servicer or health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    mark_serving(health_servicer, service.ready)
    service.on_model_change(lambda _model: mark_serving(health_servicer, True))

    reflection.enable_server_reflection(
        (SERVICE_NAME, ADMIN_SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), server
    )
    port = _bind(server, settings, credentials)
    _log_transport(settings)
    return server, port


def serve_forever(
    server: grpc.Server,
    settings: Settings,
    stop_event: threading.Event | None = None,
    health_servicer: health.HealthServicer | None = None,
) -> None:
    """Start `server` and block until SIGTERM/SIGINT (main thread only) or `stop_event`; then
    report NOT_SERVING on `health_servicer` (the one given to build_server), drain in-flight
    calls for up to settings.grace_seconds and return."""
    stop = stop_event or threading.Event()
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():

        def on_signal(signum: int, _frame: FrameType | None) -> None:
            log.info("received %s, shutting down", signal.Signals(signum).name)
            stop.set()

        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, on_signal)
    try:
        server.start()
        while not stop.wait(0.5):  # a timed wait keeps the main thread responsive to signals
            pass
    finally:
        if health_servicer is not None:
            health_servicer.enter_graceful_shutdown()  # load balancers stop sending new calls
        server.stop(settings.grace_seconds).wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("server stopped")
