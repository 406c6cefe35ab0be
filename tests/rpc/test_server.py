"""Health follows the model, UNAVAILABLE before one is loaded, graceful shutdown on SIGTERM."""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import replace

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.domain import Ticket, TriageResult
from triage.rpc.server import SERVICE_NAME, build_server, serve_forever
from triage.service import Predictor, TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def health_of(channel: grpc.Channel) -> dict[str, int]:
    stub = health_pb2_grpc.HealthStub(channel)
    return {
        name: stub.Check(health_pb2.HealthCheckRequest(service=name), timeout=5).status
        for name in ("", SERVICE_NAME)
    }


def test_unavailable_and_not_serving_until_a_model_is_set(tiny_model: Predictor) -> None:
    service = TriageService(SETTINGS)
    with running_server(service) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        assert health_of(channel) == {"": NOT_SERVING, SERVICE_NAME: NOT_SERVING}
        watch = health_pb2_grpc.HealthStub(channel).Watch(
            health_pb2.HealthCheckRequest(service=SERVICE_NAME), timeout=5
        )
        assert next(watch).status == NOT_SERVING
        for call in (
            lambda: stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=5),
            lambda: stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=5),
        ):
            with pytest.raises(grpc.RpcError) as err:
                call()
            assert err.value.code() is grpc.StatusCode.UNAVAILABLE
            assert "no model is loaded" in err.value.details()

        service.use_model(tiny_model)

        assert next(watch).status == SERVING  # watchers hear it too, not only Check
        watch.cancel()
        assert health_of(channel) == {"": SERVING, SERVICE_NAME: SERVING}
        assert stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=5).model_version


def test_port_zero_binds_a_real_port(tiny_model: Predictor) -> None:
    server, port = build_server(TriageService(SETTINGS, tiny_model), SETTINGS)
    try:
        assert port > 0
    finally:
        server.stop(None)


def test_sigterm_drains_in_flight_calls_then_returns(
    tiny_model: Predictor, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = replace(SETTINGS, grace_seconds=5.0)
    service = TriageService(settings, tiny_model)
    started = threading.Event()
    real_triage = service.triage

    def slow_triage(ticket: Ticket) -> TriageResult:
        started.set()
        time.sleep(0.5)
        return real_triage(ticket)

    monkeypatch.setattr(service, "triage", slow_triage)
    server, port = build_server(service, settings)
    previous = signal.getsignal(signal.SIGTERM)

    def client() -> None:
        with grpc.insecure_channel(f"{settings.host}:{port}") as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            try:
                future = stub.Triage.future(
                    pb.TriageRequest(ticket=make_ticket()), wait_for_ready=True, timeout=10
                )
                started.wait(5)
            finally:  # always, so serve_forever below cannot block the test run
                os.kill(os.getpid(), signal.SIGTERM)
            results.append(future.result())

    results: list[pb.TriageResponse] = []
    thread = threading.Thread(target=client)
    thread.start()
    serve_forever(server, settings)  # in the main thread, so it owns SIGTERM
    thread.join(10)
    assert [r.ticket_id for r in results] == ["T-1"]  # the in-flight call finished
    assert signal.getsignal(signal.SIGTERM) is previous  # handlers restored
    with grpc.insecure_channel(f"{settings.host}:{port}") as channel:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.TriageServiceStub(channel).Triage(
                pb.TriageRequest(ticket=make_ticket()), timeout=1
            )
    assert err.value.code() is grpc.StatusCode.UNAVAILABLE


def test_stop_event_stops_serve_forever_from_another_thread(tiny_model: Predictor) -> None:
    server, port = build_server(TriageService(SETTINGS, tiny_model), SETTINGS)
    stop = threading.Event()
    thread = threading.Thread(target=serve_forever, args=(server, SETTINGS, stop))
    thread.start()
    with grpc.insecure_channel(f"{SETTINGS.host}:{port}") as channel:
        grpc.channel_ready_future(channel).result(timeout=5)
        assert health_of(channel)[""] == SERVING
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
