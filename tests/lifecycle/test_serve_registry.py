"""Serving from the Model Registry of a real `mlflow server` on loopback: `models:/NAME@champion`
is resolved, downloaded, verified and served; ReloadModel and polling follow the alias; a
version signed with another key is refused while the old one serves on; and a reload under load
fails no call."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import mlflow
import pytest

from tests.rpc.conftest import SETTINGS
from tests.rpc.reloading import ADMIN_TOKEN, AUTH, Load, running_app, served_version, versioned_copy
from tests.suggest.test_serve_reload import _Lines
from tests.test_cli import TRIAGE
from triage.lifecycle import registry as reg
from triage.settings import Settings
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

KEY = "serving-test-key"


@pytest.fixture(scope="module")
def signed(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Bundles va..vc signed with KEY, and vbad signed with another key."""
    root = tmp_path_factory.mktemp("signed")
    made = {v: versioned_copy(tiny_model_dir, root / v, v, KEY) for v in ("va", "vb", "vc")}
    made["vbad"] = versioned_copy(tiny_model_dir, root / "vbad", "vbad", "another-key")
    return made


NAME = "serving-registry-tests"


@pytest.fixture(scope="module")
def registered(
    mlflow_server: str, signed: dict[str, Path], text_pipeline: TextPipeline
) -> Iterator[dict[str, str]]:
    """Each bundle registered once as a version of NAME: registry version by bundle version."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MLFLOW_TRACKING_URI", mlflow_server)
        reg.client()  # mlflow's global tracking URI -> the test server, before the run starts
        mlflow.set_experiment("serving-tests")  # not an experiment id cached from another store
        out = {}
        for version, bundle in signed.items():
            key = "another-key" if version == "vbad" else KEY
            with mlflow.start_run():
                out[version] = reg.register_bundle(bundle, NAME, key, text_pipeline).version
        yield out


@pytest.fixture
def versions(registry: str, registered: dict[str, str]) -> dict[str, str]:
    """champion -> va at the start of every test."""
    reg.set_alias(NAME, "champion", registered["va"])
    return registered


def _settings(tmp_path: Path, name: str, **changes: object) -> Settings:
    return replace(
        SETTINGS,
        model_uri=f"models:/{name}@champion",
        model_cache_dir=tmp_path / "cache",
        model_key=KEY,
        admin_token=ADMIN_TOKEN,
        policy_dir=tmp_path / "policy",
        max_workers=8,
        **changes,  # type: ignore[arg-type]
    )


def test_serve_champion_then_reload_a_moved_alias_and_refuse_a_bad_version(
    tmp_path: Path,
    versions: dict[str, str],
    text_pipeline: TextPipeline,
) -> None:
    with running_app(_settings(tmp_path, NAME), text_pipeline) as app:
        with grpc.insecure_channel(app.target) as channel:
            triage, admin = pb_grpc.TriageServiceStub(channel), pb_grpc.AdminServiceStub(channel)
            info = triage.GetModelInfo(pb.GetModelInfoRequest(), timeout=10)
            assert (info.version, info.source) == ("va", f"models:/{NAME}@champion")
            assert (info.registry_name, info.registry_version, info.registry_alias) == (
                NAME,
                versions["va"],
                "champion",
            )
            same = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
            assert (same.changed, same.new_version) == (False, "va")

            reg.set_alias(NAME, "champion", versions["vb"])
            moved = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
            assert (moved.changed, moved.old_version, moved.new_version) == (True, "va", "vb")
            assert (moved.registry_version, moved.registry_alias) == (versions["vb"], "champion")
            assert served_version(triage) == "vb"
            assert triage.GetModelInfo(pb.GetModelInfoRequest()).registry_version == versions["vb"]

            reg.set_alias(NAME, "champion", versions["vbad"])
            with pytest.raises(grpc.RpcError) as err:
                admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
            assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
            details = err.value.details()
            assert details.startswith(f"model not reloaded from models:/{NAME}@champion (")
            assert "signature" in details and details.endswith("version vb serves on")
            assert served_version(triage) == "vb"
            info = triage.GetModelInfo(pb.GetModelInfoRequest())
            assert (info.version, info.registry_version) == ("vb", versions["vb"])


def test_polling_follows_the_alias(
    tmp_path: Path,
    versions: dict[str, str],
    text_pipeline: TextPipeline,
) -> None:
    settings = _settings(tmp_path, NAME, model_poll_seconds=0.2)
    with running_app(settings, text_pipeline) as app:
        with grpc.insecure_channel(app.target) as channel:
            triage = pb_grpc.TriageServiceStub(channel)
            reg.set_alias(NAME, "champion", versions["vc"])
            deadline = time.monotonic() + 30
            while served_version(triage) != "vc":
                assert time.monotonic() < deadline, "the poller never followed the alias"
                time.sleep(0.05)


def test_reload_under_load_while_the_alias_moves_twice_and_a_bad_version_is_tried(
    tmp_path: Path,
    versions: dict[str, str],
    text_pipeline: TextPipeline,
) -> None:
    with running_app(_settings(tmp_path, NAME), text_pipeline) as app:
        with grpc.insecure_channel(app.target) as channel:
            admin = pb_grpc.AdminServiceStub(channel)
            load = Load(app.target).start()
            load.seen("va")

            def move(to: str) -> grpc.RpcError | tuple[float, float]:
                reg.set_alias(NAME, "champion", versions[to])
                asked = time.monotonic()
                try:
                    reply = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=120)
                except grpc.RpcError as exc:
                    return exc
                assert reply.new_version == to
                return asked, time.monotonic()

            b = move("vb")
            assert isinstance(b, tuple)
            first_b = load.seen("vb")
            bad = move("vbad")
            assert isinstance(bad, grpc.RpcError)
            assert bad.code() is grpc.StatusCode.FAILED_PRECONDITION
            time.sleep(0.3)
            c = move("vc")
            assert isinstance(c, tuple)
            first_c = load.seen("vc")
            time.sleep(0.3)
            calls = load.stop()
    assert [call for call in calls if call.error] == []
    assert len(calls) > 20 and {call.method for call in calls} == {"Triage", "SuggestAnswer"}
    for call in calls:  # a call that started after a swap completed carries the new version
        if call.started > c[1]:
            assert call.version == "vc", call
        elif b[1] < call.started < c[0]:
            assert call.version == "vb", call
    print(
        "\nregistry reload window (ReloadModel sent -> first response from the new version): "
        f"{first_b - b[0]:.3f} s, {first_c - c[0]:.3f} s; calls {len(calls)}, failed 0"
    )


def test_triage_serve_model_uri_serves_the_champion_and_fails_clearly_on_an_unknown_alias(
    tmp_path: Path, registry: str, versions: dict[str, str]
) -> None:
    env = {
        **os.environ,
        "TRIAGE_MODEL_KEY": KEY,
        "TRIAGE_MODEL_CACHE_DIR": str(tmp_path / "cache"),
        "TRIAGE_POLICY_DIR": str(tmp_path / "policy"),
    }
    missing = subprocess.run(
        [*TRIAGE, "serve", "--model", f"models:/{NAME}@nobody", "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[-1] == (
        f"triage serve: cannot load model from models:/{NAME}@nobody: "
        f"models:/{NAME}@nobody: not in the model registry at {registry}"
    )
    process = subprocess.Popen(
        [*TRIAGE, "serve", "--model", f"models:/{NAME}@champion", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        lines = _Lines(process.stderr)
        target = re.search(r"listening on (\S+:\d+)", lines.wait_for("listening on"))
        assert target is not None
        lines.wait_for(r"loaded; serving", timeout=120)
        with grpc.insecure_channel(target.group(1)) as channel:
            info = pb_grpc.TriageServiceStub(channel).GetModelInfo(pb.GetModelInfoRequest())
        assert (info.version, info.registry_name, info.registry_version) == (
            "va",
            NAME,
            versions["va"],
        )
    finally:
        process.kill()
        process.wait()
