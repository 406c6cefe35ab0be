"""One server per port: a second server on a busy port fails with one line instead of sharing it
(grpc's SO_REUSEPORT default), unless sharing is asked for (TRIAGE_REUSE_PORT)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.rpc.conftest import SETTINGS, running_server
from triage.cli import _serving_hint
from triage.errors import ConfigError
from triage.rpc.server import build_server
from triage.service import Predictor, TriageService
from triage.settings import Settings


def _serving(target: str) -> bool:
    with grpc.insecure_channel(target) as channel:
        response = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=10
        )
    return response.status == health_pb2.HealthCheckResponse.SERVING


def _port(target: str) -> int:
    return int(target.rsplit(":", 1)[1])


def test_a_second_server_on_a_busy_port_is_refused(tiny_model: Predictor) -> None:
    service = TriageService(SETTINGS, tiny_model)
    with running_server(service) as target:
        port = _port(target)
        with pytest.raises(ConfigError) as error:
            build_server(service, replace(SETTINGS, port=port))
        assert str(error.value) == f"port {port} is already in use"
        assert _serving(target)  # the first one keeps answering


def test_serve_on_a_busy_port_exits_with_one_line(
    tiny_model: Predictor, tiny_model_dir: Path, tmp_path: Path
) -> None:
    service = TriageService(SETTINGS, tiny_model)
    with running_server(service) as target:
        port = _port(target)
        env = {**os.environ, "TRIAGE_POLICY_DIR": str(tmp_path / "policy")}
        env.pop("TRIAGE_REUSE_PORT", None)
        second = subprocess.run(
            # An explicit bundle: a fresh clone has no models/default, which serve checks first.
            [sys.executable, "-m", "triage.cli", "serve", "--model", str(tiny_model_dir)]
            + ["--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert second.returncode == 2
        assert second.stderr == f"triage serve: port {port} is already in use\n"
        assert _serving(target)


def test_servers_share_a_port_only_when_asked(tiny_model: Predictor) -> None:
    sharing = replace(SETTINGS, reuse_port=True)
    service = TriageService(sharing, tiny_model)
    with running_server(service, sharing) as target:
        second, port = build_server(service, replace(sharing, port=_port(target)))
        assert port == _port(target)
        second.start()
        second.stop(None).wait()
        with pytest.raises(ConfigError, match=f"port {port} is already in use"):
            build_server(service, replace(SETTINGS, port=port))  # exclusive: refused


def test_a_host_that_is_not_ours_is_refused(tiny_model: Predictor) -> None:
    # 192.0.2.1 (TEST-NET-1) is on no interface: grpc's own bind fails, not the port probe.
    settings = replace(SETTINGS, host="192.0.2.1")
    with pytest.raises(ConfigError, match="cannot listen on 192.0.2.1:0: the port is in use or"):
        build_server(TriageService(settings, tiny_model), settings)


def test_reuse_port_reads_a_boolean_variable() -> None:
    assert Settings.from_env({"TRIAGE_REUSE_PORT": "1"}).reuse_port is True
    assert Settings.from_env({"TRIAGE_REUSE_PORT": "0"}).reuse_port is False
    assert Settings.from_env({}).reuse_port is False
    with pytest.raises(ValueError, match="TRIAGE_REUSE_PORT: cannot read 'maybe'"):
        Settings.from_env({"TRIAGE_REUSE_PORT": "maybe"})


def test_the_serving_line_names_the_address_to_call() -> None:
    hint = _serving_hint(Settings(host="0.0.0.0"), 50051)
    assert hint.startswith("serving on 127.0.0.1:50051 (plaintext); try: ")
    assert "classify --target 127.0.0.1:50051 'my order never arrived'" in hint
