"""The gRPC port at socket level, without grpc: the exclusive "port in use" probe of every
server, and the port a `serve --workers` supervisor holds for its workers (it imports no grpc,
so it stays small)."""

from __future__ import annotations

import errno
import socket
from typing import Any

from triage.errors import ConfigError

_RESERVE_TRIES = 5
"""Port 0 on a host with several addresses (localhost: 127.0.0.1 and ::1): the free port of
the first may be taken on another; a new one is drawn this many times."""


def address(host: str, port: int) -> str:
    """host:port, with brackets around an IPv6 host."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def _addresses(host: str, port: int) -> list[tuple[int, int, int, tuple[Any, ...]]]:
    """(family, type, proto, sockaddr) of every address grpc would bind for host:port."""
    found = socket.getaddrinfo(
        host.strip("[]") or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )
    return [(family, kind, proto, sockaddr) for family, kind, proto, _, sockaddr in found]


def check_port_free(host: str, port: int) -> None:
    """ConfigError `port P is already in use` when something listens on host:port. Probed with
    a plain socket first, so the message is exact (grpc's bind failure does not say why) and no
    grpc core error line is printed. SO_REUSEADDR, as grpc sets it: a port whose old connections
    linger in TIME_WAIT is free. Other bind errors are left to grpc's own bind."""
    if port == 0:
        return
    try:
        addresses = _addresses(host, port)
    except socket.gaierror:
        return  # grpc's bind names no reason either; the server's bind reports it
    for family, kind, proto, sockaddr in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(sockaddr)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    raise ConfigError(f"port {port} is already in use") from None


class PortReservation:
    """host:port bound with SO_REUSEPORT and never listened on, for the life of a multi-worker
    server. Workers bind the same port with SO_REUSEPORT and the kernel spreads connections
    over the sockets that listen, so this one gets none; while it is held, a process that does
    not ask for SO_REUSEPORT cannot take the port, not even while every worker restarts. Port 0
    draws one free port for all workers (`port`). ConfigError when it cannot be bound.

    Without SO_REUSEADDR: with it, a server that sets only SO_REUSEADDR (grpc's default) could
    bind and listen next to a socket that does not listen. Only when connections of an earlier
    server without SO_REUSEPORT linger in TIME_WAIT is it set (or the bind would fail): until
    workers listen, the port is then not held against such a server."""

    def __init__(self, host: str, port: int) -> None:
        self._sockets: list[socket.socket] = []
        for _ in range(_RESERVE_TRIES):
            try:
                self.port = self._bind_all(host, port)
                return
            except OSError as exc:
                self.close()
                if port == 0 and exc.errno == errno.EADDRINUSE:
                    continue  # another address of the host has the drawn port: draw again
                raise ConfigError(
                    f"cannot listen on {address(host, port)}: {exc.strerror or exc}"
                ) from None
        raise ConfigError(f"cannot listen on {address(host, port)}: no port free on every address")

    def _bind_all(self, host: str, port: int) -> int:
        try:
            addresses = _addresses(host, port)
        except socket.gaierror as exc:
            raise ConfigError(
                f"cannot listen on {address(host, port)}: TRIAGE_HOST is not an address of "
                f"this machine ({exc.strerror})"
            ) from None
        for family, kind, proto, sockaddr in addresses:
            where = (sockaddr[0], port, *sockaddr[2:])
            for reuse_address in (False, True):
                held = socket.socket(family, kind, proto)
                self._sockets.append(held)
                held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, int(reuse_address))
                try:
                    held.bind(where)
                    break
                except OSError as exc:
                    self._sockets.pop().close()
                    if reuse_address or port == 0 or exc.errno != errno.EADDRINUSE:
                        raise
            port = held.getsockname()[1]  # port 0: the others take the first one's
        return port

    def close(self) -> None:
        for held in self._sockets:
            held.close()
        self._sockets.clear()
