"""A real MLflow tracking server with a Model Registry on loopback (SQLite backend, artifacts
served by the server from tmp), and tiny models registered in it through `triage train
--register`."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.lifecycle.registry import ModelRef, parse_uri

SERVER_START_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"mlflow server exited {process.returncode}: {log.read_text()[-2000:]}"
            )
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(
        f"mlflow server not healthy in {SERVER_START_SECONDS} s: {log.read_text()[-2000:]}"
    )


@pytest.fixture(scope="session")
def mlflow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URI of a running `mlflow server` (one per test session)."""
    root = tmp_path_factory.mktemp("mlflow-server")
    port = _free_port()
    log = root / "server.log"
    mlflow = Path(sys.executable).with_name("mlflow")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(mlflow),
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--backend-store-uri",
                f"sqlite:///{root / 'mlflow.db'}",
                "--artifacts-destination",
                str(root / "artifacts"),
                "--workers",
                "1",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def registry(mlflow_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """MLflow (and every `triage` subprocess) talks to the test server during the test."""
    monkeypatch.setenv("MLFLOW_TRACKING_URI", mlflow_server)
    return mlflow_server


_names = itertools.count()


@pytest.fixture
def model_name(registry: str, request: pytest.FixtureRequest) -> str:
    """A registered model name no other test uses."""
    return f"{request.node.name.replace('[', '-').replace(']', '')[:40]}-{next(_names)}"


def first_rows(source: Path, out: Path, n: int) -> Path:
    """The first `n` rows of a JSONL dataset, as a dataset of its own (smaller: faster to train)."""
    with source.open(encoding="utf-8") as lines:
        out.write_text("".join(line for i, line in enumerate(lines) if i < n), encoding="utf-8")
    return out


def train_and_register(
    corpus: Path,
    out: Path,
    name: str,
    *,
    seed: int = 13,
    builder: str = "tfidf_linear.v2",
    data: Path | None = None,
    extra: tuple[str, ...] = (),
) -> ModelRef:
    """`triage train ... --register NAME` as a user runs it; the new version's ref. The fast
    builder keeps it to seconds; `data` replaces the corpus's train.jsonl."""
    command = [
        str(Path(sys.executable).with_name("triage")),
        "train",
        "--data",
        str(data or corpus / "train.jsonl"),
        "--test-data",
        str(corpus / "test.jsonl"),
        "--column-map",
        "group=phrasing_id",
        "--out",
        str(out),
        "--builder",
        builder,
        "--seed",
        str(seed),
        "--register",
        name,
        "--no-progress",
        *extra,
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0, done.stderr[-3000:]
    uri = done.stdout.strip().splitlines()[-1].removeprefix("registered as ")
    found_name, version, _ = parse_uri(uri)
    return ModelRef(found_name, version)
