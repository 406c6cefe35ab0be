"""A real server on port 0 serving the session's tiny model (tests/conftest.py: `tiny_model`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import grpc
import pytest

from triage.rpc.server import build_server
from triage.service import Predictor, TriageService
from triage.settings import Settings
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

# Small limits so the size tests send small messages.
SETTINGS = Settings(
    port=0,
    max_body_bytes=2048,
    max_subject_bytes=128,
    max_message_bytes=64 * 1024,
    max_workers=4,
    grace_seconds=0,
)


def make_ticket(**fields: object) -> pb.Ticket:
    """A valid ticket; keyword arguments replace its fields."""
    values: dict[str, object] = {
        "id": "T-1",
        "subject": "Invoice charged twice",
        "body": "Hello, my invoice for March was charged twice. Please refund one payment.",
        "channel": pb.CHANNEL_EMAIL,
        "customer": pb.Customer(id="C-7", segment="smb", plan="pro"),
    }
    values.update(fields)
    return pb.Ticket(**values)  # type: ignore[arg-type]


@contextmanager
def running_server(service: TriageService, settings: Settings = SETTINGS) -> Iterator[str]:
    """Start a server for `service`; yields its target (host:port); stops it on exit."""
    server, port = build_server(service, settings)
    server.start()
    try:
        yield f"{settings.host}:{port}"
    finally:
        server.stop(None).wait()


@pytest.fixture(scope="module")
def server(tiny_model: Predictor) -> Iterator[tuple[str, TriageService]]:
    """(target, service) of a server with the tiny model loaded, shared by a test module."""
    service = TriageService(SETTINGS, tiny_model)
    with running_server(service) as target:
        yield target, service


@pytest.fixture(scope="module")
def channel(server: tuple[str, TriageService]) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(server[0]) as ch:
        yield ch


@pytest.fixture(scope="module")
def stub(channel: grpc.Channel) -> pb_grpc.TriageServiceStub:
    return pb_grpc.TriageServiceStub(channel)
