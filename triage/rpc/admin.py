"""AdminService over gRPC: the escalation policy (get, validate, set, simulate, reload) and the
suggestion content (reload). Every call needs `authorization: Bearer <settings.admin_token>`;
with no token configured, admin is off (UNAUTHENTICATED), never open."""

from __future__ import annotations

import threading

import grpc

from triage.errors import AdminAuthDenied, AdminAuthMissing, InvalidTicket, PolicyValidationError
from triage.escalation.policy import PolicyStore, policy_problems
from triage.escalation.simulate import LabelledTicket, read_history
from triage.rpc import converters
from triage.rpc.auth import Metadata, check_bearer, token_digest
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


def check_token(metadata: Metadata, expected: str) -> None:
    """Raise AdminAuthMissing / AdminAuthDenied unless the metadata carries the admin token."""
    if not expected:
        raise AdminAuthMissing(
            "admin calls are disabled: the server has no admin token (set TRIAGE_ADMIN_TOKEN)"
        )
    check_bearer(metadata, token_digest(expected), "admin", AdminAuthMissing, AdminAuthDenied)


class AdminServicer(pb_grpc.AdminServiceServicer):
    def __init__(self, service: TriageService, settings: Settings, store: PolicyStore) -> None:
        self._service = service
        self._settings = settings
        self._store = store
        self._synced = False
        self._sync_lock = threading.Lock()

    def _authorise(self, context: grpc.ServicerContext) -> None:
        check_token(context.invocation_metadata(), self._settings.admin_token)
        with self._sync_lock:  # first admin use: serve what the store says is current
            if not self._synced:
                if self._service.policy.version.version != self._store.current().version.version:
                    self._service.use_policy(self._store.current())
                self._synced = True

    def GetPolicy(
        self, request: pb.GetPolicyRequest, context: grpc.ServicerContext
    ) -> pb.GetPolicyResponse:
        with call_scope(context, self._service, "GetPolicy"):
            self._authorise(context)
            active = self._store.get(request.version) if request.version else self._store.current()
            return pb.GetPolicyResponse(
                version=version_to_proto(active.version),
                yaml=active.policy.yaml_text,
                history=[version_to_proto(v) for v in self._store.history()],
            )

    def ValidatePolicy(
        self, request: pb.ValidatePolicyRequest, context: grpc.ServicerContext
    ) -> pb.ValidatePolicyResponse:
        with call_scope(context, self._service, "ValidatePolicy"):
            self._authorise(context)
            problems = policy_problems(request.yaml)
            return pb.ValidatePolicyResponse(valid=not problems, errors=problems_to_proto(problems))

    def SetPolicy(
        self, request: pb.SetPolicyRequest, context: grpc.ServicerContext
    ) -> pb.SetPolicyResponse:
        with call_scope(context, self._service, "SetPolicy"):
            self._authorise(context)
            active = self._store.set(request.yaml, request.author, request.comment)
            self._service.use_policy(active)
            return pb.SetPolicyResponse(version=version_to_proto(active.version))

    def ReloadPolicy(
        self, request: pb.ReloadPolicyRequest, context: grpc.ServicerContext
    ) -> pb.PolicyVersion:
        with call_scope(context, self._service, "ReloadPolicy"):
            self._authorise(context)
            active = self._store.current()
            self._service.use_policy(active)
            return version_to_proto(active.version)

    def ReloadContent(
        self, request: pb.ReloadContentRequest, context: grpc.ServicerContext
    ) -> pb.ReloadContentResponse:
        with call_scope(context, self._service, "ReloadContent"):
            self._authorise(context)
            status = self._service.reload_content()
            return pb.ReloadContentResponse(
                summary=status.summary, unknown_topics=status.unknown_topics
            )

    def SimulatePolicy(
        self, request: pb.SimulatePolicyRequest, context: grpc.ServicerContext
    ) -> pb.SimulatePolicyResponse:
        with call_scope(context, self._service, "SimulatePolicy"):
            self._authorise(context)
            which = request.WhichOneof("history")
            if which == "dataset_path":
                history = read_history(request.dataset_path)
            elif which == "tickets":
                history = [
                    LabelledTicket(
                        converters.ticket_from_proto(t.ticket, f"tickets[{i}].ticket"),
                        t.escalated,
                        t.queue,
                    )
                    for i, t in enumerate(request.tickets.tickets)
                ]
            else:
                raise InvalidTicket("history", "give dataset_path or tickets")
            if not history:
                raise InvalidTicket("tickets", "is empty")
            if len(history) > MAX_SIMULATION_TICKETS:
                raise InvalidTicket("tickets", f"more than {MAX_SIMULATION_TICKETS} tickets")
            report = self._service.simulate_policy(request.yaml, history)
            return simulation_to_proto(report)


__all__ = ["AdminServicer", "PolicyValidationError", "check_token"]
