"""Bounded concurrency for the triage and admin RPCs (security review findings 4 and 7).

- At most `max_calls` of them run at once and at most `max_streams` of those are streams; past
  either cap a call is refused at once with RESOURCE_EXHAUSTED instead of queueing without end.
  Health checks, reflection and token refusals are not counted, and the server's thread pool
  has EXEMPT_THREADS more threads than `max_calls` for them. They are not beyond every bound:
  grpc's maximum_concurrent_rpcs (server.py) counts all calls, health included, so under a
  flood past that outer bound a health check gets RESOURCE_EXHAUSTED like any other call.
- A call whose deadline has already passed when a thread picks it up is not started.
- A stream's requests are read by a helper thread at most READ_AHEAD messages ahead (so grpc's
  flow control still holds the client back, and the handler can score the tickets already
  read as one batch): a client that sends nothing for `idle_seconds` gets
  DEADLINE_EXCEEDED, and a stream whose client has gone (cancel, deadline) stops between tickets.
- A stream lives at most `stream_seconds`, whatever its client does: the next read past that
  ends it with DEADLINE_EXCEEDED, and a stream still running CUT_GRACE_SECONDS later (its
  handler blocked on a write to a client that does not read) is cancelled by a timer. Without
  this, a client dripping tickets just inside the idle time, or one that never reads its
  answers, keeps a stream slot for ever.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import grpc

from triage.rpc.status import IdleStream, StreamTooLong
from triage.settings import Settings

log = logging.getLogger(__name__)

EXEMPT_THREADS = 4
"""Threads beyond the call cap: health, reflection and refusals never wait for a busy server."""

CUT_GRACE_SECONDS = 5.0
"""How long past its lifetime a stream may take to end by itself before it is cancelled (never
more than the lifetime itself, so short test lifetimes stay short)."""


Behaviour = Callable[[Any, grpc.ServicerContext], Any]

_END = object()  # the client half-closed

READ_AHEAD = 16
"""Requests of one stream read and not yet handled, at most (memory: READ_AHEAD times the
largest message, per stream)."""


class Limiter:
    def __init__(
        self, max_calls: int, max_streams: int, idle_seconds: float, stream_seconds: float
    ) -> None:
        if (
            max_calls < 1
            or not 1 <= max_streams <= max_calls
            or min(idle_seconds, stream_seconds) <= 0
        ):
            raise ValueError(
                f"limits: need 1 <= streams ({max_streams}) <= calls ({max_calls}) and "
                f"idle ({idle_seconds}) and stream ({stream_seconds}) seconds > 0"
            )
        self.max_calls = max_calls
        self.max_streams = max_streams
        self.idle_seconds = idle_seconds
        self.stream_seconds = stream_seconds
        self._lock = threading.Lock()
        self.calls = 0
        self.streams = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Limiter:
        """Calls: settings.max_concurrent (max_workers when 0); streams: half of them, so
        streams that hold their threads for long can never starve unary calls."""
        calls = settings.max_concurrent or settings.max_workers
        return cls(
            calls, max(1, calls // 2), settings.stream_idle_seconds, settings.max_stream_seconds
        )

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
            if streaming:
                ends = time.monotonic() + self.stream_seconds
                self._cut_later(context)
                if client_streaming:
                    request = _Paced(request, context, self.idle_seconds, ends, self.stream_seconds)
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

    def _cut_later(self, context: grpc.ServicerContext) -> None:
        """Cancel the call if it is still running a little after its lifetime: the fallback for
        a handler that never reads again because it is blocked writing to a client that does
        not read (the client then sees CANCELLED). The timer goes when the call ends."""
        after = self.stream_seconds + min(CUT_GRACE_SECONDS, self.stream_seconds)

        def cut() -> None:
            if context.is_active():
                log.warning("stream cancelled: still open %.3g s after it started", after)
                context.cancel()

        timer = threading.Timer(after, cut)
        timer.name, timer.daemon = "triage-stream-cut", True
        timer.start()
        if not context.add_callback(timer.cancel):
            timer.cancel()


class _Paced:
    """A client stream's requests, read by a helper thread at most READ_AHEAD messages ahead: the
    handler can then give up on a client that sends nothing (`idle_seconds`) or on a stream
    past its lifetime (`ends`, a time.monotonic() value), which a blocking read of grpc's
    request iterator cannot. It stops as soon as the call is no longer active."""

    def __init__(
        self,
        requests: Iterator[Any],
        context: grpc.ServicerContext,
        idle_seconds: float,
        ends: float,
        lifetime: float,
    ) -> None:
        self._requests = requests
        self._context = context
        self._idle = idle_seconds
        self._ends = ends
        self._lifetime = lifetime
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD)
        self._held: object = None
        """The end marker or a reader error met by next_batch, for the next read."""
        self._reader: threading.Thread | None = None
        # The call ending (cancel, deadline) wakes a handler waiting for the next request at
        # once, instead of after idle_seconds, so its pool thread is free again.
        context.add_callback(self._wake)

    def _wake(self) -> None:
        try:
            self._queue.put_nowait(_END)
        except queue.Full:  # the handler has a request to take, then sees the call is over
            pass

    def __iter__(self) -> _Paced:
        return self

    def next_batch(self, limit: int) -> list[Any]:
        """The next request (waiting for it as `next` does) and the ones already read behind
        it, `limit` at most; [] when the stream has ended."""
        try:
            batch = [next(self)]
        except StopIteration:
            return []
        while len(batch) < limit and self._held is None:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is _END or isinstance(item, BaseException):
                self._held = item  # ends or fails the next read, after this batch
            else:
                batch.append(item)
        return batch

    def __next__(self) -> Any:
        if self._held is not None:
            item, self._held = self._held, _END
            if isinstance(item, BaseException):
                raise item
            raise StopIteration
        if self._reader is None:
            self._reader = threading.Thread(target=self._read, name="triage-stream", daemon=True)
            self._reader.start()
        if not self._context.is_active():  # cancelled or past its deadline: stop the work
            raise StopIteration
        left = self._ends - time.monotonic()
        if left <= 0:
            raise StreamTooLong(self._lifetime)
        wait = min(self._idle, left)
        try:
            item = self._queue.get(timeout=wait)
        except queue.Empty:
            if wait < self._idle:  # the lifetime ran out first
                raise StreamTooLong(self._lifetime) from None
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
