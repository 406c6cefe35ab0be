"""Helpers for the tests that run the app `serve` runs: the app itself on port 0, bundles under
other version names, a tampered bundle, and client threads that call Triage and SuggestAnswer
non-stop, recording every call."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc

from tests.rpc.conftest import make_ticket
from triage.app import App, build_app
from triage.bundle import META, _write_manifest, verify_bundle
from triage.settings import Settings
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

ADMIN_TOKEN = "reload-admin"
AUTH = (("authorization", f"Bearer {ADMIN_TOKEN}"),)


@contextmanager
def running_app(
    settings: Settings, text: TextPipeline, metrics_port: int | None = None
) -> Iterator[App]:
    """`build_app(settings)` started with its model loaded (sharing `text`), stopped on exit."""
    app = build_app(settings, text=text, metrics_port=metrics_port)
    app.start(wait_loaded=True)
    try:
        yield app
    finally:
        app.stop(None)


def served_version(stub: pb_grpc.TriageServiceStub) -> str:
    """The model_version a Triage call answers with now."""
    return stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=10).model_version


def versioned_copy(bundle: Path, out: Path, version: str, key: str = "") -> Path:
    """`bundle` under another version name: the same fitted weights, meta.json's version
    changed, hashed (and signed with `key`) again, so it is a whole bundle of its own. Training
    a model per version would cost tens of seconds each; a reload only needs another version."""
    shutil.copytree(bundle, out)
    meta = json.loads((out / META).read_text(encoding="utf-8"))
    meta["version"] = version
    (out / META).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    _write_manifest(out, key)
    verify_bundle(out, key)
    return out


def tamper(bundle: Path) -> Path:
    """Change one byte of meta.json after it was hashed: load_bundle must refuse it."""
    meta = bundle / META
    meta.write_text(meta.read_text(encoding="utf-8").replace('"version": "', '"version": "x'))
    return bundle


def repoint(link: Path, target: Path) -> None:
    """Point the symlink `link` at `target` atomically (rename over it), as deploys do."""
    tmp = link.with_name(link.name + ".new")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    tmp.replace(link)


@dataclass(frozen=True)
class Call:
    method: str
    started: float
    ended: float
    version: str
    error: str


@dataclass
class Load:
    """`threads` clients calling Triage and SuggestAnswer in turn until `stop()`."""

    target: str
    threads: int = 4
    calls: list[Call] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _workers: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> Load:
        for i in range(self.threads):
            worker = threading.Thread(target=self._run, args=(i,), daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def stop(self) -> list[Call]:
        self._stop.set()
        for worker in self._workers:
            worker.join(30)
        return sorted(self.calls, key=lambda c: c.started)

    def _run(self, i: int) -> None:
        with grpc.insecure_channel(self.target) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            n = 0
            while not self._stop.is_set():
                n += 1
                ticket = make_ticket(id=f"T-{i}-{n}")
                if n % 2:
                    self._call("Triage", stub.Triage, pb.TriageRequest(ticket=ticket))
                else:
                    self._call(
                        "SuggestAnswer", stub.SuggestAnswer, pb.SuggestAnswerRequest(ticket=ticket)
                    )

    def _call(self, method: str, send: Callable[..., Any], request: object) -> None:
        started = time.monotonic()
        try:
            version, error = str(send(request, timeout=30).model_version), ""
        except grpc.RpcError as exc:
            version, error = "", f"{exc.code().name}: {exc.details()}"
        with self._lock:
            self.calls.append(Call(method, started, time.monotonic(), version, error))

    def seen(self, version: str, timeout: float = 30) -> float:
        """Wait until a call answered by `version` ended; its end time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                ends = [c.ended for c in self.calls if c.version == version]
            if ends:
                return min(ends)
            time.sleep(0.005)
        raise AssertionError(f"no call was answered by {version} within {timeout} s")
