"""A small client for the CLI: one call, a JSON-ready dict back, a clean error otherwise."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

from triage.domain import Ticket
from triage.errors import ConfigError, TriageError
from triage.rpc.converters import ticket_to_proto
from triage.rpc.logs import REQUEST_ID_KEY
from triage.rpc.tls import channel_credentials, is_loopback
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


@dataclass(frozen=True)
class Connection:
    """Where and how to reach the server: plaintext unless a CA or a client certificate is given
    (then TLS; a client certificate and key for mutual TLS), with an optional bearer token."""

    target: str
    tls_ca: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_server_name: str = ""
    """Name to check the server certificate against instead of the target's host."""
    token: str = field(default="", repr=False)

    @property
    def tls(self) -> bool:
        return self.tls_ca is not None or self.tls_cert is not None or self.tls_key is not None

    def channel(self) -> grpc.Channel:
        if not self.tls:
            if self.tls_server_name:
                raise ConfigError("--tls-server-name needs TLS: give --tls-ca")
            if self.token and not is_loopback(self.target):
                raise ConfigError(
                    f"refusing to send the API token in clear text to {self.target}: "
                    "give --tls-ca (TLS), or call a server on this machine"
                )
            return grpc.insecure_channel(self.target)
        credentials = channel_credentials(self.tls_ca, self.tls_cert, self.tls_key)
        options = []
        if self.tls_server_name:
            options.append(("grpc.ssl_target_name_override", self.tls_server_name))
        return grpc.secure_channel(self.target, credentials, options=options)

    def metadata(self, request_id: str) -> tuple[tuple[str, str], ...]:
        auth = (("authorization", f"Bearer {self.token}"),) if self.token else ()
        return ((REQUEST_ID_KEY, request_id), *auth)


def _call(
    server: str | Connection, method: str, request: Message, timeout: float
) -> dict[str, Any]:
    connection = Connection(server) if isinstance(server, str) else server
    request_id = uuid.uuid4().hex  # sent along, so a failure can be found in the server log
    with connection.channel() as channel:
        rpc = getattr(pb_grpc.TriageServiceStub(channel), method)
        try:
            response = rpc(request, timeout=timeout, metadata=connection.metadata(request_id))
        except grpc.RpcError as exc:
            # What a call raises is also a grpc.Call, which has code() and details().
            code, details = exc.code(), exc.details()  # type: ignore[attr-defined]
            raise TriageClientError(code.name, details or "", request_id) from None
    return _to_dict(response)


def classify(server: str | Connection, ticket: Ticket, timeout: float = 10.0) -> dict[str, Any]:
    """Triage `ticket` on `server` (host:port, or a Connection); the TriageResponse as a dict."""
    request = pb.TriageRequest(ticket=ticket_to_proto(ticket))
    return _call(server, "Triage", request, timeout)


def model_info(server: str | Connection, timeout: float = 10.0) -> dict[str, Any]:
    """The served model's ModelInfo as a dict (created_at as an RFC 3339 string)."""
    return _call(server, "GetModelInfo", pb.GetModelInfoRequest(), timeout)
