"""AdminService over gRPC: the escalation policy (get, validate, set, simulate, reload), the
suggestion content (reload) and the model (reload from its source). Every call needs
`authorization: Bearer <settings.admin_token>`, checked by the server's token interceptor
(`admin_guard`, rpc/auth.py) before the call takes a concurrency slot or its request is parsed;
with no token configured, admin is off (UNAUTHENTICATED), never open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import grpc

from triage.errors import (
    AdminAuthDenied,
    AdminAuthMissing,
    InvalidTicket,
    PolicyValidationError,
    ReloadFailed,
)
from triage.escalation.datasets import LabelledTicket, read_history, resolve_dataset
from triage.escalation.policy import (
    HISTORY_LIMIT,
    MAX_POLICY_BYTES,
    PolicyStore,
    PolicyVersion,
    policy_problems,
    valid_version_name,
)
from triage.reload import ModelManager
from triage.rpc import converters
from triage.rpc.auth import Guard
from triage.rpc.policy_converters import (
    problems_to_proto,
    simulation_to_proto,
    version_to_proto,
)
from triage.rpc.servicer import call_scope
from triage.service import TriageService
from triage.settings import Settings
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

MAX_SIMULATION_TICKETS = 100_000
RESPONSE_MARGIN = 4096
"""Bytes kept free in a GetPolicy response for its version and framing."""

AdminChange = Literal["policy", "model", "content"]
"""What a successful admin call changed: the sibling workers of `serve --workers` redo it."""


def check_yaml_size(text: str, field: str = "yaml") -> None:
    """Refused before parsing: the limit is part of the policy format (policy.MAX_POLICY_BYTES)."""
    size = len(text.encode("utf-8"))
    if size > MAX_POLICY_BYTES:
        raise InvalidTicket(field, f"is {size} bytes, over the limit of {MAX_POLICY_BYTES} bytes")


def check_version_name(version: str) -> None:
    if version and not valid_version_name(version):  # never echoed: it is client text
        raise InvalidTicket("version", "must be empty or a version name like v3")


def bounded_history(versions: list[PolicyVersion], budget: int) -> list[pb.PolicyVersion]:
    """The newest versions (oldest first) whose encoding fits in `budget` bytes."""
    out: list[pb.PolicyVersion] = []
    for version in reversed(versions):
        message = version_to_proto(version)
        budget -= message.ByteSize() + 4  # tag and length prefix
        if budget < 0:
            break
        out.append(message)
    return out[::-1]


def admin_guard(token: str) -> Guard:
    """What every AdminService call must present: AdminAuthMissing / AdminAuthDenied otherwise,
    and AdminAuthMissing for every call when the server has no admin token."""
    return Guard(
        "admin",
        token,
        off="admin calls are disabled: the server has no admin token (set TRIAGE_ADMIN_TOKEN)",
        missing=AdminAuthMissing,
        denied=AdminAuthDenied,
    )


class AdminServicer(pb_grpc.AdminServiceServicer):
    def __init__(
        self,
        service: TriageService,
        settings: Settings,
        store: PolicyStore,
        models: ModelManager | None = None,
    ) -> None:
        """`models`: what ReloadModel reloads (None: a model handed in, nothing to reload)."""
        self._service = service
        self._settings = settings
        self._store = store
        self._models = models
        self._listeners: list[Callable[[AdminChange], None]] = []

    def on_change(self, listener: Callable[[AdminChange], None]) -> None:
        """Call `listener(what)` after every admin call that changed what this process serves
        (a policy set or re-read, a model swapped, content re-read), on the request's thread:
        it must only hand the news on, never block."""
        self._listeners.append(listener)

    def _changed(self, what: AdminChange) -> None:
        for listener in self._listeners:
            listener(what)

    def ReloadModel(
        self, request: pb.ReloadModelRequest, context: grpc.ServicerContext
    ) -> pb.ReloadModelResponse:
        with call_scope(context, self._service, "ReloadModel"):
            if self._models is None:
                raise ReloadFailed(
                    "this server was given its model in-process; no source to reload"
                )
            outcome = self._models.reload(wait=False)
            if outcome.changed:
                self._changed("model")
            origin = outcome.origin
            return pb.ReloadModelResponse(
                changed=outcome.changed,
                old_version=outcome.old_version,
                new_version=outcome.new_version,
                source=origin.source,
                registry_name=origin.registry_name,
                registry_version=origin.registry_version,
                registry_alias=origin.registry_alias,
                load_seconds=outcome.seconds,
            )

    def GetPolicy(
        self, request: pb.GetPolicyRequest, context: grpc.ServicerContext
    ) -> pb.GetPolicyResponse:
        with call_scope(context, self._service, "GetPolicy"):
            check_version_name(request.version)
            active = self._store.get(request.version) if request.version else self._store.current()
            budget = (
                self._settings.max_message_bytes
                - len(active.policy.yaml_text.encode("utf-8"))
                - RESPONSE_MARGIN
            )
            return pb.GetPolicyResponse(
                version=version_to_proto(active.version),
                yaml=active.policy.yaml_text,
                history=bounded_history(self._store.history(HISTORY_LIMIT), budget),
            )

    def ValidatePolicy(
        self, request: pb.ValidatePolicyRequest, context: grpc.ServicerContext
    ) -> pb.ValidatePolicyResponse:
        with call_scope(context, self._service, "ValidatePolicy"):
            check_yaml_size(request.yaml)
            problems = policy_problems(request.yaml)
            return pb.ValidatePolicyResponse(valid=not problems, errors=problems_to_proto(problems))

    def SetPolicy(
        self, request: pb.SetPolicyRequest, context: grpc.ServicerContext
    ) -> pb.SetPolicyResponse:
        with call_scope(context, self._service, "SetPolicy"):
            check_yaml_size(request.yaml)
            active = self._store.set(request.yaml, request.author, request.comment)
            self._service.use_policy(active)
            self._changed("policy")
            return pb.SetPolicyResponse(version=version_to_proto(active.version))

    def ReloadPolicy(
        self, request: pb.ReloadPolicyRequest, context: grpc.ServicerContext
    ) -> pb.PolicyVersion:
        with call_scope(context, self._service, "ReloadPolicy"):
            active = self._store.current()
            self._service.use_policy(active)
            self._changed("policy")
            return version_to_proto(active.version)

    def ReloadContent(
        self, request: pb.ReloadContentRequest, context: grpc.ServicerContext
    ) -> pb.ReloadContentResponse:
        with call_scope(context, self._service, "ReloadContent"):
            status = self._service.reload_content()
            self._changed("content")
            return pb.ReloadContentResponse(
                summary=status.summary, unknown_topics=status.unknown_topics
            )

    def SimulatePolicy(
        self, request: pb.SimulatePolicyRequest, context: grpc.ServicerContext
    ) -> pb.SimulatePolicyResponse:
        with call_scope(context, self._service, "SimulatePolicy"):
            check_yaml_size(request.yaml)
            which = request.WhichOneof("history")
            if which == "dataset_path":
                path = resolve_dataset(self._settings.simulation_dir, request.dataset_path)
                history = read_history(
                    path,
                    self._settings,
                    max_bytes=self._settings.simulation_max_bytes,
                    max_rows=MAX_SIMULATION_TICKETS,
                    follow_symlinks=False,
                )
            elif which == "tickets":
                history = [self._labelled(i, t) for i, t in enumerate(request.tickets.tickets)]
            else:
                raise InvalidTicket("history", "give dataset_path or tickets")
            if not history:
                raise InvalidTicket("tickets", "is empty")
            if len(history) > MAX_SIMULATION_TICKETS:
                raise InvalidTicket("tickets", f"more than {MAX_SIMULATION_TICKETS} tickets")
            report = self._service.simulate_policy(request.yaml, history)
            return simulation_to_proto(report)

    def _labelled(self, i: int, item: pb.LabelledTicket) -> LabelledTicket:
        limit = self._settings.max_id_bytes
        if len(item.queue.encode("utf-8")) > limit:
            raise InvalidTicket(f"tickets[{i}].queue", f"is over the limit of {limit} bytes")
        ticket = converters.ticket_from_proto(item.ticket, f"tickets[{i}].ticket")
        return LabelledTicket(ticket, item.escalated, item.queue)


__all__ = ["AdminServicer", "PolicyValidationError", "admin_guard"]
