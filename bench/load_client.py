"""The client side of `bench/load.py`: one process driving gRPC calls with asyncio.

A client process is started once (spawned, so no grpc state is inherited) and then takes jobs
over a pipe: which target and RPC, how many concurrent callers, when to start and for how
long. Requests are pre-serialised bytes and responses are not parsed, so the clients spend as
little of the shared CPU as they can: what is measured is the server.

Every caller has a connection of its own (a local subchannel pool per channel): helpdesk
backends run many instances, and a server with several worker processes (SO_REUSEPORT) only
spreads load by connection."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import grpc

SERVICE = "/triage.v1.TriageService/"
STREAM_BATCH = 100
"""Tickets per TriageStream call; a caller opens the next call when one ends."""
STREAM_WINDOW = 16
"""Tickets a stream caller has sent and not yet had answered, at most."""


@dataclass(frozen=True)
class Job:
    target: str
    rpc: str
    """Triage, SuggestAnswer or TriageStream."""
    callers: int
    """Concurrent callers in this process (streams, for TriageStream)."""
    start_at: float
    """time.monotonic() at which to start (the same clock in every process on Linux)."""
    seconds: float
    rate: float = 0.0
    """Open loop: this many calls a second from this process, on a fixed schedule, latency
    counted from the scheduled time (no coordinated omission); 0: closed loop."""
    offset: int = 0
    """Where this process starts in the request list (so processes send different tickets)."""


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, code: str) -> None:
        self.errors[code] = self.errors.get(code, 0) + 1


def _channel(target: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(target, options=[("grpc.use_local_subchannel_pool", 1)])


async def _unary_caller(
    channel: grpc.aio.Channel, job: Job, requests: list[bytes], index: int, out: Outcome
) -> None:
    call = channel.unary_unary(SERVICE + job.rpc)
    end = job.start_at + job.seconds
    i = job.offset + index * 7919  # spread callers over the list
    while (now := time.monotonic()) < end:
        request = requests[i % len(requests)]
        i += 1
        try:
            await call(request, timeout=30)
        except grpc.aio.AioRpcError as exc:
            out.error(exc.code().name)
            continue
        if now >= job.start_at:  # calls started before the start are warm-up
            out.latencies_ms.append((time.monotonic() - now) * 1000)


async def _stream_caller(
    channel: grpc.aio.Channel, job: Job, requests: list[bytes], index: int, out: Outcome
) -> None:
    call_factory = channel.stream_stream(SERVICE + job.rpc)
    end = job.start_at + job.seconds
    i = job.offset + index * 7919
    while time.monotonic() < end:
        window = asyncio.Semaphore(STREAM_WINDOW)
        sent: list[float] = []
        over = asyncio.Event()

        async def send(
            first: int, sent: list[float], window: asyncio.Semaphore, over: asyncio.Event
        ):  # type: ignore[no-untyped-def]
            for k in range(STREAM_BATCH):
                await window.acquire()
                if over.is_set() or time.monotonic() >= end:
                    return
                sent.append(time.monotonic())
                yield requests[(first + k) % len(requests)]

        call = call_factory(send(i, sent, window, over), timeout=60)
        i += STREAM_BATCH
        answered = 0
        try:
            async for _ in call:
                now = time.monotonic()
                if sent[answered] >= job.start_at and now <= end:
                    out.latencies_ms.append((now - sent[answered]) * 1000)
                answered += 1
                window.release()
        except grpc.aio.AioRpcError as exc:
            out.error(exc.code().name)
        finally:  # a sender waiting for room in the window ends now
            over.set()
            window.release()


async def _paced(channel_count: int, job: Job, requests: list[bytes], out: Outcome) -> None:
    """Open loop at job.rate calls a second over `channel_count` connections."""
    channels = [_channel(job.target) for _ in range(channel_count)]
    calls = [c.unary_unary(SERVICE + job.rpc) for c in channels]
    await _warm(calls, requests)
    interval = 1.0 / job.rate
    pending: set[asyncio.Task[None]] = set()

    async def one(k: int, scheduled: float) -> None:
        try:
            await calls[k % len(calls)](requests[(job.offset + k) % len(requests)], timeout=30)
        except grpc.aio.AioRpcError as exc:
            out.error(exc.code().name)
            return
        out.latencies_ms.append((time.monotonic() - scheduled) * 1000)

    k = 0
    while (scheduled := job.start_at + k * interval) < job.start_at + job.seconds:
        delay = scheduled - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(k, scheduled))
        pending.add(task)
        task.add_done_callback(pending.discard)
        k += 1
    if pending:
        await asyncio.wait(pending)
    for channel in channels:
        await channel.close()


async def _warm(calls: list[grpc.aio.UnaryUnaryMultiCallable], requests: list[bytes]) -> None:
    """Connect every channel before the clock starts."""
    await asyncio.gather(*(call(requests[0], timeout=30) for call in calls), return_exceptions=True)


async def _run(job: Job, requests: list[bytes]) -> Outcome:
    out = Outcome()
    if job.rate > 0:
        await _paced(max(1, job.callers), job, requests, out)
        return out
    channels = [_channel(job.target) for _ in range(job.callers)]
    warm_rpc = "Triage" if job.rpc == "TriageStream" else job.rpc
    await _warm([c.unary_unary(SERVICE + warm_rpc) for c in channels], requests)
    caller = _stream_caller if job.rpc == "TriageStream" else _unary_caller
    await asyncio.gather(*(caller(c, job, requests, i, out) for i, c in enumerate(channels)))
    for channel in channels:
        await channel.close()
    return out


def serve_jobs(connection: Connection, requests: dict[str, list[bytes]]) -> None:
    """The client process: run each Job received, send back its Outcome; None ends it."""
    while (job := connection.recv()) is not None:
        source = requests["Triage" if job.rpc == "TriageStream" else job.rpc]
        connection.send(asyncio.run(_run(job, source)))
