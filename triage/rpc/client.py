"""A small client for the CLI: one call, a JSON-ready dict back, a clean error otherwise."""

from __future__ import annotations

import uuid
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

from triage.domain import Ticket
from triage.errors import TriageError
from triage.rpc.converters import ticket_to_proto
from triage.rpc.logs import REQUEST_ID_KEY
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc


class TriageClientError(TriageError):
    """A failed call: `code` is the gRPC status name (e.g. INVALID_ARGUMENT)."""

    def __init__(self, code: str, details: str, request_id: str) -> None:
        super().__init__(f"{code}: {details} (request id {request_id})")
        self.code = code
        self.details = details
        self.request_id = request_id


def _to_dict(message: Message) -> dict[str, Any]:
    # Every scalar and list is printed (zeros and empty lists too) so scripts see stable keys;
    # a head the model lacks is a message field with presence and stays absent.
    return json_format.MessageToDict(
        message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )


def _call(target: str, method: str, request: Message, timeout: float) -> dict[str, Any]:
    request_id = uuid.uuid4().hex  # sent along, so a failure can be found in the server log
    with grpc.insecure_channel(target) as channel:
        rpc = getattr(pb_grpc.TriageServiceStub(channel), method)
        try:
            response = rpc(request, timeout=timeout, metadata=((REQUEST_ID_KEY, request_id),))
        except grpc.RpcError as exc:
            # What a call raises is also a grpc.Call, which has code() and details().
            code, details = exc.code(), exc.details()  # type: ignore[attr-defined]
            raise TriageClientError(code.name, details or "", request_id) from None
    return _to_dict(response)


def classify(target: str, ticket: Ticket, timeout: float = 10.0) -> dict[str, Any]:
    """Triage `ticket` on the server at `target` (host:port); the TriageResponse as a dict."""
    request = pb.TriageRequest(ticket=ticket_to_proto(ticket))
    return _call(target, "Triage", request, timeout)


def model_info(target: str, timeout: float = 10.0) -> dict[str, Any]:
    """The served model's ModelInfo as a dict (created_at as an RFC 3339 string)."""
    return _call(target, "GetModelInfo", pb.GetModelInfoRequest(), timeout)
