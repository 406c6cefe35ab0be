"""Bounded concurrency (security review findings 4 and 7): a cap on calls and on streams with
RESOURCE_EXHAUSTED past it, health answered while the cap is reached, idle streams closed, a
lifetime for every stream, deadlines honoured, server streams that follow a slow reader instead
of running ahead of it, and slots and reader threads given back however a call ends."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.domain import Ticket, TriageResult
from triage.rpc.limits import EXEMPT_THREADS, Limiter
from triage.rpc.server import build_server
from triage.service import Predictor, TriageService
from triage.settings import Settings
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

REQUEST = pb.TriageRequest(ticket=make_ticket())
SMALL_WINDOW = [("grpc.http2.lookahead_bytes", 1024), ("grpc.http2.bdp_probe", 0)]


def healthy(channel: grpc.Channel) -> bool:
    reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=2)
    return reply.status == health_pb2.HealthCheckResponse.SERVING


@contextmanager
def hanging_stream(stub: pb_grpc.TriageServiceStub) -> Iterator[grpc.Future]:
    """A TriageStream that sends one ticket, reads its answer and never half-closes."""
    release = threading.Event()

    def requests() -> Iterator[pb.TriageRequest]:
        yield REQUEST
        release.wait(30)

    call = stub.TriageStream(requests(), timeout=30)
    next(call)  # the server holds the stream now
    try:
        yield call
    finally:
        release.set()
        call.cancel()


@contextmanager
def counted_server(service: TriageService, settings: Settings) -> Iterator[tuple[str, Limiter]]:
    """A running server and the limiter whose counters it uses."""
    limiter = Limiter.from_settings(settings)
    server, port = build_server(service, settings, limiter=limiter)
    server.start()
    try:
        yield f"{settings.host}:{port}", limiter
    finally:
        server.stop(None).wait()


def settles(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    """`check()` holds within `seconds` (slots are given back by grpc's end-of-call callbacks,
    which may run just after the client has its status)."""
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


def stream_threads() -> int:
    """Stream reader and stream timer threads alive in this process."""
    return sum(t.name.startswith("triage-stream") for t in threading.enumerate())


def refused(call: object) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as err:
        if isinstance(call, Iterator):
            next(call)
        else:
            call()  # type: ignore[operator]
    return err.value


def test_calls_past_the_cap_get_resource_exhausted_at_once(
    tiny_model: Predictor, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = replace(SETTINGS, max_concurrent=2)
    service = TriageService(settings, tiny_model)
    entered, release = threading.Semaphore(0), threading.Event()
    real_triage = service.triage

    def held_triage(ticket: Ticket) -> TriageResult:
        if ticket.id == "HOLD":
            entered.release()
            release.wait(20)
        return real_triage(ticket)

    monkeypatch.setattr(service, "triage", held_triage)
    with running_server(service, settings) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        held = [
            stub.Triage.future(pb.TriageRequest(ticket=make_ticket(id="HOLD")), timeout=20)
            for _ in range(2)
        ]
        try:
            assert entered.acquire(timeout=10) and entered.acquire(timeout=10)
            err = refused(lambda: stub.Triage(REQUEST, timeout=5))
            assert err.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
            assert err.details() == "server busy: 2 calls in progress; retry later"
            assert healthy(channel)  # health is not counted and has threads of its own
        finally:
            release.set()
        assert [f.result().ticket_id for f in held] == ["HOLD", "HOLD"]
        assert stub.Triage(REQUEST, timeout=5).ticket_id == "T-1"  # slots given back


def test_hanging_streams_hold_at_most_half_the_slots(tiny_model: Predictor) -> None:
    """Finding 4: streams that never half-close took every thread, health included."""
    settings = replace(SETTINGS, max_concurrent=4)
    with running_server(TriageService(settings, tiny_model), settings) as target:
        with grpc.insecure_channel(target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            with hanging_stream(stub), hanging_stream(stub):
                err = refused(stub.TriageStream(iter([REQUEST]), timeout=5))
                assert err.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
                assert err.details() == "server busy: 2 streams open; retry later"
                assert stub.Triage(REQUEST, timeout=5).ticket_id == "T-1"
                assert healthy(channel)
            time.sleep(0.2)  # the cancelled streams give their slots back
            assert [r.ticket_id for r in stub.TriageStream(iter([REQUEST]), timeout=5)] == ["T-1"]


def test_idle_stream_is_closed_with_a_clear_status(tiny_model: Predictor) -> None:
    settings = replace(SETTINGS, max_concurrent=2, stream_idle_seconds=0.5)
    with running_server(TriageService(settings, tiny_model), settings) as target:
        with grpc.insecure_channel(target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            with hanging_stream(stub) as call:
                err = refused(call)
            assert err.code() is grpc.StatusCode.DEADLINE_EXCEEDED
            assert err.details() == (
                "stream idle: no request for 0.5 s (TRIAGE_STREAM_IDLE_SECONDS); "
                "send the next ticket sooner or half-close the stream"
            )
            # its slot is free again: the one stream allowed (2 // 2) opens
            assert [r.ticket_id for r in stub.TriageStream(iter([REQUEST]), timeout=5)] == ["T-1"]


def test_expired_deadlines_end_calls_and_the_server_serves_on(tiny_model: Predictor) -> None:
    settings = replace(SETTINGS, max_body_bytes=64 * 1024)  # the production limit
    with running_server(TriageService(settings, tiny_model), settings) as target:
        with grpc.insecure_channel(target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            grpc.channel_ready_future(channel).result(timeout=5)
            for attempt in range(20):
                # ~40 KB of words no cache has seen: far longer than 1 ms to triage anywhere
                body = " ".join(f"refund{attempt}x{i}" for i in range(3000))
                long = pb.TriageRequest(ticket=make_ticket(body=body))
                err = refused(lambda long=long: stub.Triage(long, timeout=0.001))
                assert err.code() is grpc.StatusCode.DEADLINE_EXCEEDED
                # the client's own timer, or the server's refusal to start it
                assert err.details() in (
                    "Deadline Exceeded",
                    "deadline passed before the call started",
                )
            many = iter([REQUEST] * 10_000)
            err = refused(lambda: list(stub.TriageStream(many, timeout=0.3)))
            assert err.code() is grpc.StatusCode.DEADLINE_EXCEEDED
            assert stub.Triage(REQUEST, timeout=5).ticket_id == "T-1"


def test_a_slow_reader_holds_the_server_back(
    tiny_model: Predictor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync server blocks on each write once the client's flow-control window is full: it
    does not triage (and buffer) the rest of a long stream while the client is not reading."""
    service = TriageService(SETTINGS, tiny_model)
    consumed = 0
    real_triage = service.triage_many

    def counted(tickets: Sequence[Ticket]) -> list[TriageResult]:
        nonlocal consumed
        consumed += len(tickets)
        return real_triage(tickets)

    monkeypatch.setattr(service, "triage_many", counted)
    total = 2000
    # A fixed receive window: with BDP probing on, grpc grows it while the reader keeps up
    # (how far depends on the machine's timing), which would make the bound below a guess.
    fixed_window = [("grpc.http2.bdp_probe", 0)]
    with (
        running_server(service) as target,
        grpc.insecure_channel(target, options=fixed_window) as channel,
    ):
        responses = pb_grpc.TriageServiceStub(channel).TriageStream(
            iter([REQUEST] * total), timeout=60
        )
        read = sum(1 for _ in zip(range(5), responses, strict=False))
        time.sleep(1.0)  # the client pauses
        ahead = consumed - read
        # bounded by the transport window (about 60 answers here), not by the stream
        assert ahead < total // 2, f"server ran {ahead} tickets ahead of the reader"
        read += sum(1 for _ in responses)
    assert read == consumed == total


def test_limits_from_settings() -> None:
    limiter = Limiter.from_settings(Settings(max_workers=8))
    assert (limiter.max_calls, limiter.max_streams) == (8, 4)
    assert limiter.threads == 8 + EXEMPT_THREADS
    assert Limiter.from_settings(Settings(max_concurrent=1)).max_streams == 1
    with pytest.raises(ValueError, match="TRIAGE_MAX_CONCURRENT"):
        Settings(max_concurrent=-1)
    with pytest.raises(ValueError, match="TRIAGE_STREAM_IDLE_SECONDS"):
        Settings.from_env({"TRIAGE_STREAM_IDLE_SECONDS": "0"})
    settings = Settings.from_env({"TRIAGE_MAX_STREAM_SECONDS": "2.5"})
    assert Limiter.from_settings(settings).stream_seconds == 2.5
    assert Settings().max_stream_seconds == 300.0
    with pytest.raises(ValueError, match="TRIAGE_MAX_STREAM_SECONDS: must be > 0, got 0$"):
        Settings(max_stream_seconds=0)


def test_a_drip_fed_stream_ends_at_its_lifetime(tiny_model: Predictor) -> None:
    """A ticket every 0.3 s never trips the 0.5 s idle timer; the 1 s lifetime ends it."""
    settings = replace(SETTINGS, max_concurrent=2, stream_idle_seconds=0.5, max_stream_seconds=1.0)
    stop = threading.Event()

    def drip() -> Iterator[pb.TriageRequest]:
        while not stop.is_set():
            yield REQUEST
            stop.wait(0.3)

    answers = 0
    with counted_server(TriageService(settings, tiny_model), settings) as (target, limiter):
        with grpc.insecure_channel(target) as channel:
            started = time.monotonic()
            call = pb_grpc.TriageServiceStub(channel).TriageStream(drip(), timeout=30)
            with pytest.raises(grpc.RpcError) as err:
                for _ in call:
                    answers += 1
            elapsed = time.monotonic() - started
            stop.set()
            assert err.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
            assert err.value.details() == (
                "stream too long: open for more than 1 s (TRIAGE_MAX_STREAM_SECONDS); "
                "open a new stream for more tickets"
            )
            assert answers >= 3 and elapsed >= 1.0
            assert settles(lambda: (limiter.calls, limiter.streams) == (0, 0))


def test_a_client_that_never_reads_is_cut_and_its_slot_comes_back(tiny_model: Predictor) -> None:
    """No deadline, thousands of tickets, no reads: the handler blocks writing (flow control)
    and never reads again, so only the lifetime timer can end the call."""
    settings = replace(SETTINGS, max_concurrent=2, max_stream_seconds=1.0)  # one stream slot
    before = stream_threads()
    with counted_server(TriageService(settings, tiny_model), settings) as (target, limiter):
        # A small receive window: the server is blocked on a write long before the lifetime.
        with grpc.insecure_channel(target, options=SMALL_WINDOW) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            call = stub.TriageStream(iter([REQUEST] * 5000))
            assert settles(lambda: limiter.streams == 1)
            err = refused(stub.TriageStream(iter([REQUEST]), timeout=5))
            assert err.code() is grpc.StatusCode.RESOURCE_EXHAUSTED  # the slot is held
            # cut at 1 s lifetime + 1 s grace
            assert settles(lambda: (limiter.calls, limiter.streams) == (0, 0), seconds=10)
            with pytest.raises(grpc.RpcError) as cut:
                for _ in call:  # what the transport had buffered, then the status
                    pass
            assert cut.value.code() is grpc.StatusCode.CANCELLED
            assert [r.ticket_id for r in stub.TriageStream(iter([REQUEST]), timeout=5)] == ["T-1"]
            assert settles(lambda: stream_threads() <= before)


def test_slots_and_reader_threads_come_back_however_calls_end(tiny_model: Predictor) -> None:
    settings = replace(SETTINGS, max_concurrent=4, stream_idle_seconds=0.5)
    bad = pb.TriageRequest(ticket=make_ticket(subject="x" * 200))  # over max_subject_bytes
    before = stream_threads()
    with counted_server(TriageService(settings, tiny_model), settings) as (target, limiter):
        with grpc.insecure_channel(target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            raw = channel.unary_unary("/triage.v1.TriageService/Triage")  # bytes as they are

            def given_back(ending: str) -> None:
                counts = lambda: (limiter.calls, limiter.streams)  # noqa: E731
                assert settles(lambda: counts() == (0, 0)), (ending, counts())
                assert settles(lambda: stream_threads() <= before), ending

            assert stub.Triage(REQUEST, timeout=5).ticket_id == "T-1"
            given_back("unary OK")
            assert len(list(stub.TriageStream(iter([REQUEST] * 3), timeout=5))) == 3
            given_back("stream OK")

            err = refused(lambda: stub.Triage(bad, timeout=5))
            assert err.code() is grpc.StatusCode.INVALID_ARGUMENT
            assert err.details().startswith("ticket.subject: ")
            given_back("unary INVALID_ARGUMENT")
            err = refused(lambda: list(stub.TriageStream(iter([REQUEST, bad]), timeout=5)))
            assert err.code() is grpc.StatusCode.INVALID_ARGUMENT
            assert err.details().startswith("request[1].ticket.subject: ")
            given_back("stream INVALID_ARGUMENT")

            err = refused(lambda: raw(b"\xff\xff", timeout=5))  # aborted before the servicer
            assert (err.code(), err.details()) == (
                grpc.StatusCode.INVALID_ARGUMENT,
                "request could not be parsed",
            )
            given_back("aborted")
            with hanging_stream(stub) as call:
                err = refused(call)
            assert err.code() is grpc.StatusCode.DEADLINE_EXCEEDED
            assert err.details().startswith("stream idle: no request for 0.5 s")
            given_back("idle close")

            with hanging_stream(stub):
                assert settles(lambda: limiter.streams == 1)
            given_back("client cancel")  # hanging_stream cancels on exit


def test_a_cancelled_stream_frees_its_handler_at_once(
    tiny_model: Predictor, caplog: pytest.LogCaptureFixture
) -> None:
    """The handler waiting for the next request wakes when the call ends, instead of holding
    its pool thread until the idle timer (30 s here) runs out."""
    caplog.set_level(logging.INFO, logger="triage.rpc.servicer")
    settings = replace(SETTINGS, max_concurrent=2)
    with counted_server(TriageService(settings, tiny_model), settings) as (target, limiter):
        with grpc.insecure_channel(target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            with hanging_stream(stub):
                pass
            ended = lambda: any(  # noqa: E731
                r.getMessage().startswith("TriageStream ") for r in caplog.records
            )
            # Well under the 30 s idle timer, with room for a loaded CI machine. The slot is
            # released just after the call's log line: wait for both, not for the line alone.
            freed = lambda: (limiter.calls, limiter.streams) == (0, 0)  # noqa: E731
            assert settles(lambda: ended() and freed(), seconds=10)
