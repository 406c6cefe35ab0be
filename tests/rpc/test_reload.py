"""AdminService.ReloadModel and polling on a bundle directory, through the app `serve` runs
(triage/app.py) on port 0: the source is a symlink repointed at another bundle, as a deploy
would do; a reload loads, verifies and swaps, and a bundle that fails verification leaves the
old model serving."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.rpc.conftest import SETTINGS
from tests.rpc.reloading import (
    ADMIN_TOKEN,
    AUTH,
    Load,
    repoint,
    running_app,
    served_version,
    tamper,
    versioned_copy,
)
from triage.app import App
from triage.settings import Settings
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

SERVING = health_pb2.HealthCheckResponse.SERVING


@pytest.fixture(scope="module")
def bundles(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bundles")
    made = {v: versioned_copy(tiny_model_dir, root / v, v) for v in ("va", "vb", "vc", "vbad")}
    tamper(made["vbad"])
    return made


@pytest.fixture
def link(bundles: dict[str, Path], tmp_path: Path) -> Path:
    link = tmp_path / "current"
    link.symlink_to(bundles["va"])
    return link


def _settings(tmp_path: Path, link: Path, **changes: object) -> Settings:
    return replace(
        SETTINGS,
        model_dir=link,
        admin_token=ADMIN_TOKEN,
        policy_dir=tmp_path / "policy",
        max_workers=8,
        **changes,  # type: ignore[arg-type]
    )


@pytest.fixture
def app(tmp_path: Path, link: Path, text_pipeline: TextPipeline) -> Iterator[App]:
    with running_app(_settings(tmp_path, link), text_pipeline) as app:
        yield app


def _stubs(channel: grpc.Channel) -> tuple[pb_grpc.TriageServiceStub, pb_grpc.AdminServiceStub]:
    return pb_grpc.TriageServiceStub(channel), pb_grpc.AdminServiceStub(channel)


def test_reload_model_follows_a_repointed_directory(
    app: App, link: Path, bundles: dict[str, Path]
) -> None:
    with grpc.insecure_channel(app.target) as channel:
        triage, admin = _stubs(channel)
        info = triage.GetModelInfo(pb.GetModelInfoRequest(), timeout=10)
        assert (info.version, info.source, info.registry_name) == ("va", str(link), "")

        same = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
        assert (same.changed, same.old_version, same.new_version) == (False, "va", "va")

        repoint(link, bundles["vb"])
        moved = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
        assert (moved.changed, moved.old_version, moved.new_version) == (True, "va", "vb")
        assert moved.source == str(link) and moved.load_seconds > 0
        assert served_version(triage) == "vb"
        answer = triage.SuggestAnswer(pb.SuggestAnswerRequest(text="where is my parcel"))
        assert answer.model_version == "vb"  # the suggester came with the new model
        health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
        assert health.status == SERVING


def test_a_bundle_that_fails_verification_is_refused_and_the_old_one_serves_on(
    app: App, link: Path, bundles: dict[str, Path]
) -> None:
    repoint(link, bundles["vbad"])
    with grpc.insecure_channel(app.target) as channel:
        triage, admin = _stubs(channel)
        with pytest.raises(grpc.RpcError) as err:
            admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
        assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
        details = err.value.details()
        assert f"model not reloaded from {link}" in details
        assert "meta.json" in details and "version va serves on" in details
        assert served_version(triage) == "va"
        assert triage.GetModelInfo(pb.GetModelInfoRequest()).version == "va"


def test_reload_model_needs_the_admin_token(app: App) -> None:
    with grpc.insecure_channel(app.target) as channel:
        with pytest.raises(grpc.RpcError) as err:
            _stubs(channel)[1].ReloadModel(pb.ReloadModelRequest(), timeout=10)
    assert err.value.code() is grpc.StatusCode.UNAUTHENTICATED
    assert (
        err.value.details() == "missing credential: send 'authorization: Bearer <token>' metadata"
    )


def test_a_second_reload_while_one_runs_is_aborted(app: App) -> None:
    assert app.models is not None
    with app.models._lock, grpc.insecure_channel(app.target) as channel:  # a reload "running"
        with pytest.raises(grpc.RpcError) as err:
            _stubs(channel)[1].ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=10)
    assert err.value.code() is grpc.StatusCode.ABORTED
    assert err.value.details() == "a model reload is already running; try again when it ends"


def test_polling_picks_up_a_repointed_directory(
    tmp_path: Path,
    link: Path,
    bundles: dict[str, Path],
    text_pipeline: TextPipeline,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = _settings(tmp_path, link, model_poll_seconds=0.1)
    with running_app(settings, text_pipeline) as app:
        with grpc.insecure_channel(app.target) as channel:
            triage = _stubs(channel)[0]
            repoint(link, bundles["vbad"])  # refused: logged once (not every poll), va serves on
            time.sleep(0.6)
            assert served_version(triage) == "va"
            refusals = [r for r in caplog.records if "model not reloaded" in r.getMessage()]
            assert len(refusals) == 1 and refusals[0].levelname == "ERROR"
            repoint(link, bundles["vb"])
            deadline = time.monotonic() + 30
            while served_version(triage) != "vb":
                assert time.monotonic() < deadline, "the poller never reloaded"
                time.sleep(0.05)


def test_reload_under_load_fails_no_call(app: App, link: Path, bundles: dict[str, Path]) -> None:
    with grpc.insecure_channel(app.target) as channel:
        admin = _stubs(channel)[1]
        load = Load(app.target).start()
        load.seen("va")

        def move(to: str) -> tuple[float, float]:
            repoint(link, bundles[to])
            asked = time.monotonic()
            reply = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=120)
            assert reply.new_version == to
            return asked, time.monotonic()

        asked_b, done_b = move("vb")
        first_b = load.seen("vb")
        repoint(link, bundles["vbad"])
        with pytest.raises(grpc.RpcError) as err:
            admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=120)
        assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
        time.sleep(0.3)
        asked_c, done_c = move("vc")
        first_c = load.seen("vc")
        time.sleep(0.3)
        calls = load.stop()
    assert [c for c in calls if c.error] == []
    assert len(calls) > 20 and {c.method for c in calls} == {"Triage", "SuggestAnswer"}
    for c in calls:  # a call that started after a swap completed carries the new version
        if c.started > done_c:
            assert c.version == "vc", c
        elif done_b < c.started < asked_c:
            assert c.version == "vb", c
    window = [first_b - asked_b, first_c - asked_c]
    print(
        f"\nreload window (ReloadModel sent -> first response from the new version): "
        f"{window[0]:.3f} s, {window[1]:.3f} s; calls {len(calls)}, failed 0"
    )
