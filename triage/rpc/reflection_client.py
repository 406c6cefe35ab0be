"""`triage list` and `triage call`: any RPC of any server with reflection, requests and responses
as JSON, so the README works without grpcurl.

Types are built from the descriptors the server sends (a private descriptor pool and
message_factory), never from triage.v1's generated code: the client calls what the server
offers, whichever version or service that is."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message
from grpc_reflection.v1alpha import reflection_pb2 as rpb
from grpc_reflection.v1alpha import reflection_pb2_grpc as rpb_grpc

from triage.errors import TriageError
from triage.rpc.client import Connection, TriageClientError

ADMIN_SERVICE = "triage.v1.AdminService"
"""Its methods are sent the admin token instead of the API token."""


class RequestError(TriageError):
    """A call the client cannot make: an unknown service or method, JSON that does not parse, a
    field the request message does not have. The message says which and where."""


@dataclass(frozen=True)
class Method:
    """A method as the server's reflection describes it."""

    service: str
    name: str
    descriptor: MethodDescriptor

    @property
    def path(self) -> str:
        return f"/{self.service}/{self.name}"

    def signature(self) -> str:
        """`Name (stream In) returns (Out)`, as in the .proto."""
        d = self.descriptor
        into = ("stream " if d.client_streaming else "") + d.input_type.full_name
        out = ("stream " if d.server_streaming else "") + d.output_type.full_name
        return f"{self.name} ({into}) returns ({out})"


class Reflection:
    """The server's reflection service over `channel`; each question gets `timeout` seconds and
    carries `connection`'s token (for servers that guard reflection too)."""

    def __init__(self, channel: grpc.Channel, connection: Connection, timeout: float) -> None:
        self._stub = rpb_grpc.ServerReflectionStub(channel)
        self._connection = connection
        self._timeout = timeout
        self.pool = descriptor_pool.DescriptorPool()  # private: no clash with compiled types
        self._added: set[str] = set()

    def _ask(self, request: rpb.ServerReflectionRequest, what: str) -> rpb.ServerReflectionResponse:
        request_id = uuid.uuid4().hex
        try:
            responses = self._stub.ServerReflectionInfo(
                iter([request]),
                timeout=self._timeout,
                metadata=self._connection.metadata(request_id),
            )
            response = next(responses, None)
        except grpc.RpcError as exc:
            code, details = exc.code(), exc.details()  # type: ignore[attr-defined]
            if code == grpc.StatusCode.UNIMPLEMENTED:
                raise RequestError("the server does not offer reflection") from None
            raise TriageClientError(code.name, details or "", request_id) from None
        if response is None:
            raise RequestError(f"the server's reflection did not answer about {what}")
        if response.HasField("error_response"):
            error = response.error_response
            if error.error_code == grpc.StatusCode.NOT_FOUND.value[0]:
                raise KeyError(what)
            raise RequestError(f"reflection refused {what}: {error.error_message}")
        return response

    def services(self) -> list[str]:
        response = self._ask(rpb.ServerReflectionRequest(list_services=""), "the service list")
        return sorted(s.name for s in response.list_services_response.service)

    def service(self, name: str) -> ServiceDescriptor:
        try:
            return self.pool.FindServiceByName(name)
        except KeyError:
            pass
        try:
            response = self._ask(rpb.ServerReflectionRequest(file_containing_symbol=name), name)
        except KeyError:
            offered = ", ".join(self.services())
            raise RequestError(f"unknown service {name}; the server offers: {offered}") from None
        self._add(response.file_descriptor_response.file_descriptor_proto)
        return self.pool.FindServiceByName(name)

    def methods(self, service: str) -> list[Method]:
        return [Method(service, m.name, m) for m in self.service(service).methods]

    def method(self, name: str) -> Method:
        """`pkg.Service/Method`, `/pkg.Service/Method` or `pkg.Service.Method`."""
        service, method = split_method(name)
        descriptor = self.service(service).methods_by_name.get(method)
        if descriptor is None:
            known = ", ".join(m.name for m in self.methods(service))
            raise RequestError(f"unknown method {method} in {service}; its methods: {known}")
        return Method(service, method, descriptor)

    def message_class(self, full_name: str) -> type[Message]:
        return message_factory.GetMessageClass(self.pool.FindMessageTypeByName(full_name))

    def _add(self, serialized: Any) -> None:
        """Add the files a reflection answer carries, each after its dependencies (fetched by
        name when the answer left them out, e.g. sent before)."""
        files: dict[str, descriptor_pb2.FileDescriptorProto] = {}
        for data in serialized:
            proto = descriptor_pb2.FileDescriptorProto.FromString(data)
            files[proto.name] = proto

        def add(name: str) -> None:
            if name in self._added:
                return
            proto = files.get(name)
            if proto is None:
                try:
                    response = self._ask(rpb.ServerReflectionRequest(file_by_filename=name), name)
                except KeyError:
                    raise RequestError(f"the server's reflection does not know {name}") from None
                for data in response.file_descriptor_response.file_descriptor_proto:
                    fetched = descriptor_pb2.FileDescriptorProto.FromString(data)
                    files.setdefault(fetched.name, fetched)
                proto = files[name]
            for dependency in proto.dependency:
                add(dependency)
            self.pool.Add(proto)
            self._added.add(name)

        for name in list(files):
            add(name)


def split_method(name: str) -> tuple[str, str]:
    """(service, method) of `pkg.Service/Method`, `/pkg.Service/Method` or `pkg.Service.Method`."""
    full = name.strip().lstrip("/")
    service, sep, method = full.rpartition("/")
    if not sep:
        service, _, method = full.rpartition(".")
    if not service or not method:
        raise RequestError(f"method {name!r}: expected SERVICE/METHOD, e.g. pkg.Service/Call")
    return service, method


def list_methods(connection: Connection, timeout: float = 10.0) -> dict[str, list[Method]]:
    """Every service the server's reflection lists, with its methods."""
    with connection.channel() as channel:
        reflection = Reflection(channel, connection, timeout)
        return {name: reflection.methods(name) for name in reflection.services()}


def _json_values(text: str) -> list[Any]:
    """The JSON values in `text`: one, several one after another (JSON lines), or an array's
    items. A syntax error names its line and column."""
    decoder = json.JSONDecoder()
    values: list[Any] = []
    position = 0
    try:
        while True:
            while position < len(text) and text[position].isspace():
                position += 1
            if position == len(text):
                break
            value, position = decoder.raw_decode(text, position)
            values.append(value)
    except json.JSONDecodeError as exc:
        raise RequestError(f"bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if len(values) == 1 and isinstance(values[0], list):
        return values[0]
    return values


def _parse(values: list[Any], message: type[Message], streaming: bool) -> list[Message]:
    if not streaming and len(values) > 1:
        raise RequestError(f"{len(values)} JSON values for a method that takes one request")
    requests = []
    for index, value in enumerate(values or [{}]):
        where = f"request {index + 1}: " if streaming else ""
        if not isinstance(value, dict):
            raise RequestError(f"{where}expected a JSON object, got {type(value).__name__}")
        try:
            requests.append(json_format.ParseDict(value, message()))
        except json_format.ParseError as exc:
            raise RequestError(where + " ".join(str(exc).split())) from None
    return requests


def _to_dict(message: Message) -> dict[str, Any]:
    # As `triage classify` prints: proto field names, zeros and empty lists included.
    return json_format.MessageToDict(
        message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )


@dataclass
class Responses:
    """What `call` returns: iterate for the responses (dicts, as they come); `streaming` says
    whether the method streams them. Iterating to the end (or an error) closes the channel."""

    streaming: bool
    _responses: Iterator[dict[str, Any]]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._responses


def call(
    connection: Connection,
    method_name: str,
    request_json: str,
    timeout: float = 10.0,
    admin_token: str = "",
) -> Responses:
    """Call `method_name` with the request(s) in `request_json` (an object; for a client stream
    an array or JSON lines; empty means `{}`). The method is looked up and the JSON parsed
    before this returns (RequestError); the call itself runs as the responses are read.
    AdminService methods carry `admin_token` instead of the connection's token."""
    if split_method(method_name)[0] == ADMIN_SERVICE:
        connection = replace(connection, token=admin_token)
    channel = connection.channel()
    try:
        reflection = Reflection(channel, connection, timeout)
        method = reflection.method(method_name)
        d = method.descriptor
        request_type = reflection.message_class(d.input_type.full_name)
        response_type = reflection.message_class(d.output_type.full_name)
        requests = _parse(_json_values(request_json), request_type, d.client_streaming)
    except BaseException:
        channel.close()
        raise
    shape = (
        "stream" if d.client_streaming else "unary",
        "stream" if d.server_streaming else "unary",
    )
    rpc = getattr(channel, "_".join(shape))(
        method.path,
        request_serializer=request_type.SerializeToString,
        response_deserializer=response_type.FromString,
    )
    payload = iter(requests) if d.client_streaming else requests[0]

    def responses() -> Iterator[dict[str, Any]]:
        request_id = uuid.uuid4().hex
        try:
            result = rpc(payload, timeout=timeout, metadata=connection.metadata(request_id))
            if d.server_streaming:
                for response in result:
                    yield _to_dict(response)
            else:
                yield _to_dict(result)
        except grpc.RpcError as exc:
            code, details = exc.code(), exc.details()  # type: ignore[attr-defined]
            raise TriageClientError(code.name, details or "", request_id) from None
        finally:
            channel.close()

    return Responses(d.server_streaming, responses())
