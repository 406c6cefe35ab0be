"""The port a `serve --workers` supervisor holds: refused to servers that do not share on
purpose, open to its workers (SO_REUSEPORT), and never handed a connection itself."""

from __future__ import annotations

import socket

import pytest

from triage.errors import ConfigError
from triage.ports import PortReservation, check_port_free


def test_a_held_port_is_busy_for_others_and_shared_with_workers() -> None:
    held = PortReservation("127.0.0.1", 0)
    try:
        with pytest.raises(ConfigError, match=f"^port {held.port} is already in use$"):
            check_port_free("127.0.0.1", held.port)
        with socket.socket() as other, pytest.raises(OSError):  # as grpc binds by default
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            other.bind(("127.0.0.1", held.port))
        with socket.socket() as worker:  # as grpc binds with TRIAGE_REUSE_PORT
            worker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            worker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            worker.bind(("127.0.0.1", held.port))
            worker.listen()
            worker.settimeout(5)
            for _ in range(20):  # every connection goes to the worker, none to the holder
                with socket.create_connection(("127.0.0.1", held.port), timeout=5):
                    accepted, _ = worker.accept()
                    accepted.close()
    finally:
        held.close()
    check_port_free("127.0.0.1", held.port)  # released


def test_a_busy_port_cannot_be_held() -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(ConfigError, match=f"^cannot listen on 127.0.0.1:{port}: "):
            PortReservation("127.0.0.1", port)
