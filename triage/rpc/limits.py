"""Bounded concurrency for the triage and admin RPCs (security review findings 4 and 7).

- At most `max_calls` of them run at once and at most `max_streams` of those are streams; past
  either cap a call is refused at once with RESOURCE_EXHAUSTED instead of queueing without end.
  The server's thread pool has EXEMPT_THREADS more threads than `max_calls`, so health checks,
  reflection and refusals always find a free thread.
- A call whose deadline has already passed when a thread picks it up is not started.
- A stream's requests are read by a helper thread one message ahead (so grpc's flow control
  still holds the client back): a client that sends nothing for `idle_seconds` gets
  DEADLINE_EXCEEDED, and a stream whose client has gone (cancel, deadline) stops between tickets.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

import grpc

from triage.rpc.status import IdleStream
from triage.settings import Settings

EXEMPT_THREADS = 4
"""Threads beyond the call cap: health, reflection and refusals never wait for a busy server."""

Behaviour = Callable[[Any, grpc.ServicerContext], Any]

_END = object()  # the client half-closed


class Limiter:
    def __init__(self, max_calls: int, max_streams: int, idle_seconds: float) -> None:
        if max_calls < 1 or not 1 <= max_streams <= max_calls or idle_seconds <= 0:
            raise ValueError(
                f"limits: need 1 <= streams ({max_streams}) <= calls ({max_calls}) and "
                f"idle seconds ({idle_seconds}) > 0"
            )
        self.max_calls = max_calls
        self.max_streams = max_streams
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self.calls = 0
        self.streams = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Limiter:
        """Calls: settings.max_concurrent (max_workers when 0); streams: half of them, so
        streams that hold their threads for long can never starve unary calls."""
        calls = settings.max_concurrent or settings.max_workers
        return cls(calls, max(1, calls // 2), settings.stream_idle_seconds)

    @property
    def threads(self) -> int:
        """Size of the server's thread pool."""
        return self.max_calls + EXEMPT_THREADS

    def wrap(
        self, behaviour: Behaviour, client_streaming: bool, server_streaming: bool
    ) -> Behaviour:
        """`behaviour` admitted under the caps; a client stream's requests are paced."""
        streaming = client_streaming or server_streaming

        def limited(request: Any, context: grpc.ServicerContext) -> Any:
            self._admit(context, streaming)
            if client_streaming:
                request = _Paced(request, context, self.idle_seconds)
            return behaviour(request, context)

        return limited

    def _admit(self, context: grpc.ServicerContext, streaming: bool) -> None:
        if context.time_remaining() <= 0:
            context.abort(
                grpc.StatusCode.DEADLINE_EXCEEDED, "deadline passed before the call started"
            )
        with self._lock:
            if self.calls >= self.max_calls:
                refused = f"server busy: {self.max_calls} calls in progress; retry later"
            elif streaming and self.streams >= self.max_streams:
                refused = f"server busy: {self.max_streams} streams open; retry later"
            else:
                refused = ""
                self.calls += 1
                self.streams += streaming
        if refused:
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, refused)
        released = threading.Event()

        def release() -> None:  # once, when the RPC ends however it ends
            if not released.is_set():
                released.set()
                with self._lock:
                    self.calls -= 1
                    self.streams -= streaming

        if not context.add_callback(release):
            release()


class _Paced:
    """A client stream's requests, read by a helper thread at most one message ahead: the
    handler can then give up on a client that sends nothing (`idle_seconds`), which a blocking
    read of grpc's request iterator cannot. It stops when the call is no longer active."""

    def __init__(
        self, requests: Iterator[Any], context: grpc.ServicerContext, idle_seconds: float
    ) -> None:
        self._requests = requests
        self._context = context
        self._idle = idle_seconds
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=1)
        self._reader: threading.Thread | None = None

    def __iter__(self) -> _Paced:
        return self

    def __next__(self) -> Any:
        if self._reader is None:
            self._reader = threading.Thread(target=self._read, name="triage-stream", daemon=True)
            self._reader.start()
        if not self._context.is_active():  # cancelled or past its deadline: stop the work
            raise StopIteration
        try:
            item = self._queue.get(timeout=self._idle)
        except queue.Empty:
            raise IdleStream(self._idle) from None
        if item is _END:
            raise StopIteration
        if isinstance(item, BaseException):
            raise item
        return item

    def _read(self) -> None:
        try:
            for request in self._requests:
                if not self._put(request):
                    return
            self._put(_END)
        except Exception as exc:  # the call ended under the reader (cancel, deadline, abort)
            self._put(exc)

    def _put(self, item: object) -> bool:
        """Hand `item` over, waiting while the handler is busy; False once the call is over."""
        while self._context.is_active():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False
