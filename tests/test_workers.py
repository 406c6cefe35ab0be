"""`triage serve --workers 2` as a user runs it: a supervising process, two worker processes on
one port, real connections. One server serves the module's tests in order; the last stops it."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, get_args

import grpc
import pytest

from tests.rpc.conftest import SETTINGS, make_ticket
from tests.rpc.reloading import repoint, tamper, versioned_copy
from triage.app import build_app
from triage.errors import BundleIntegrityError, ConfigError
from triage.escalation.policy import PolicyStore
from triage.ports import check_port_free
from triage.rpc.admin import AdminChange
from triage.rpc.logs import WORKER_KEY
from triage.text import TextPipeline
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc
from triage.worker import CHANGES, Relay

SERVE = [sys.executable, "-m", "triage.cli", "serve"]
TOKEN = "workers-admin"
AUTH = (("authorization", f"Bearer {TOKEN}"),)
NOT_SHARED = [("grpc.use_local_subchannel_pool", 1)]
"""A channel of its own: every call below opens a new connection, which the kernel hands to
either worker."""


@dataclass
class Server:
    """A `triage serve` process and every JSON log line it wrote so far (read in a thread, so
    the pipe never fills)."""

    process: subprocess.Popen[str]
    lines: list[dict[str, Any]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def wait(self) -> int:
        """Its exit status, once it exited and its last line was read."""
        status = self.process.wait(timeout=120)
        self._reader.join(timeout=10)
        return status

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.text.append(line)
            if line.startswith("{"):
                self.lines.append(json.loads(line))

    def wait_for(
        self, found: Callable[[dict[str, Any]], bool], timeout: float = 60
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if found(line):
                    return line
            assert self.process.poll() is None, "".join(self.text)
            time.sleep(0.05)
        raise AssertionError(f"no such log line in:\n{''.join(self.text)}")

    def started(self) -> list[int]:
        """Pids of every worker the supervisor started, in order."""
        return [
            int(line["message"].rsplit("pid ", 1)[1].rstrip(")"))
            for line in list(self.lines)
            if line["logger"] == "triage.supervisor" and " started (pid " in line["message"]
        ]


def start(model: Path, tmp: Path, *args: str, **env: str) -> Server:
    environ = {
        **os.environ,
        "TRIAGE_POLICY_DIR": str(tmp / "policy"),
        "TRIAGE_FEEDBACK_URL": "",
        "TRIAGE_ADMIN_TOKEN": TOKEN,
        "TRIAGE_GRACE_SECONDS": "2",
        "TRIAGE_LOG_FORMAT": "json",
        **env,
    }
    environ.pop("TRIAGE_REUSE_PORT", None)
    process = subprocess.Popen(
        [*SERVE, "--model", str(model), *args], stderr=subprocess.PIPE, text=True, env=environ
    )
    return Server(process)


def ask(target: str) -> tuple[int, pb.TriageResponse]:
    """(pid of the worker that answered, its response) over a new connection."""
    with grpc.insecure_channel(target, options=NOT_SHARED) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        response, call = stub.Triage.with_call(pb.TriageRequest(ticket=make_ticket()), timeout=10)
    worker = dict(call.trailing_metadata())[WORKER_KEY]
    return int(worker.split("/")[1]), response


Answers = dict[int, pb.TriageResponse]
"""The last response of each worker, by pid."""


def answers_until(target: str, done: Callable[[Answers], bool]) -> Answers:
    """The last response of every worker that answered, once `done` says it is enough."""
    latest: Answers = {}
    deadline = time.monotonic() + 30
    while not done(latest):
        assert time.monotonic() < deadline, f"only these answered: {latest}"
        pid, response = ask(target)
        latest[pid] = response
    return latest


def key_is(key: str, value: object) -> Callable[[dict[str, Any]], bool]:
    """A test of log lines for Server.wait_for."""
    return lambda line: line.get(key) == value


def alive(pid: int) -> bool:
    """A zombie (exited, not yet reaped by whoever inherited it) counts as gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def free_ports(count: int) -> int:
    """The first of `count` consecutive ports free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as other:
                    other.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise AssertionError("no consecutive free ports")


@dataclass
class Pool:
    server: Server
    target: str
    port: int
    metrics: int
    current: Path
    """The symlink the server loads its model from."""


@pytest.fixture(scope="module")
def pool(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pool]:
    tmp = tmp_path_factory.mktemp("workers")
    current = tmp / "current"
    current.symlink_to(tiny_model_dir)
    metrics = free_ports(2)
    server = start(current, tmp, "--port", "0", "--workers", "2", TRIAGE_METRICS_PORT=str(metrics))
    listening = server.wait_for(lambda line: line["message"].startswith("listening on "))
    target = listening["message"].split()[2]
    server.wait_for(lambda line: line["message"] == "2 workers serving", timeout=120)
    yield Pool(server, target, int(target.rsplit(":", 1)[1]), metrics, current)
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def test_both_workers_answer_and_alike(pool: Pool) -> None:
    answers = answers_until(pool.target, lambda seen: len(seen) == 2)
    assert set(answers) == set(pool.server.started())  # the supervisor's workers, no other
    first, second = (a.SerializeToString(deterministic=True) for a in answers.values())
    assert first == second
    # Every line a worker logs names it; the supervisor's lines (its own, and those of the one
    # model load it does) are the only others.
    workers = {pid: index for index, pid in enumerate(pool.server.started())}
    for line in pool.server.lines:
        if "pid" in line:
            assert workers[line["pid"]] == line["worker"], line
        else:
            assert line["logger"] in ("triage.supervisor", "triage.reload", "triage"), line


def test_the_model_is_loaded_once_and_the_workers_fork_with_it(pool: Pool) -> None:
    supervisor = pool.server.process.pid
    loads = [line for line in pool.server.lines if line["message"].startswith("loading model")]
    assert loads and not [line for line in loads if "worker" in line]  # the supervisor's only
    adopted = [line for line in pool.server.lines if "before this worker forked" in line["message"]]
    assert sorted(line["worker"] for line in adopted[:2]) == [0, 1]
    for pid in pool.server.started()[:2]:  # forked: the parent is the supervisor itself
        parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]
        assert int(parent) == supervisor


TRAINING_ONLY = ("sklearn", "pandas", "pyarrow")
"""Compiled packages a server never loads: scikit-learn, and pandas and pyarrow, which it (and
skops and MLflow) import. Their imports took 2.2 s and 200 MB of every serving process."""


def test_the_server_maps_no_training_library(pool: Pool) -> None:
    """Serving reads a bundle's plain arrays: no process of a serving pool has loaded a compiled
    module of a training-only package (read from /proc/PID/maps)."""
    for pid in [pool.server.process.pid, *pool.server.started()[:2]]:
        mapped = Path(f"/proc/{pid}/maps").read_text()
        assert "site-packages/numpy/" in mapped  # what a compiled module's mapping looks like
        found = [name for name in TRAINING_ONLY if f"site-packages/{name}/" in mapped]
        assert not found, f"process {pid} loaded {found}"


def test_each_worker_serves_metrics_on_its_own_port(pool: Pool) -> None:
    for index in (0, 1):
        url = f"http://127.0.0.1:{pool.metrics + index}/metrics"
        line = pool.server.wait_for(key_is("message", f"metrics on {url}"))
        assert line["worker"] == index
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200


def test_a_policy_set_on_one_worker_reaches_the_other(pool: Pool) -> None:
    with grpc.insecure_channel(pool.target) as channel:
        admin = pb_grpc.AdminServiceStub(channel)
        current = admin.GetPolicy(pb.GetPolicyRequest(), metadata=AUTH, timeout=10)
        new = admin.SetPolicy(
            pb.SetPolicyRequest(yaml=current.yaml, author="test"), metadata=AUTH, timeout=10
        ).version.version
    assert new != current.version.version
    answers_until(
        pool.target,
        lambda seen: len(seen) == 2 and all(a.policy_version == new for a in seen.values()),
    )


def test_a_model_reloaded_on_one_worker_reaches_the_other(pool: Pool, tmp_path: Path) -> None:
    repoint(pool.current, versioned_copy(pool.current.resolve(), tmp_path / "next", "next-1"))
    with grpc.insecure_channel(pool.target) as channel:
        admin = pb_grpc.AdminServiceStub(channel)
        reloaded = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
        assert reloaded.changed and reloaded.new_version == "next-1"
        again = admin.ReloadModel(pb.ReloadModelRequest(), metadata=AUTH, timeout=60)
    assert not again.changed  # an unchanged source loads nothing, and is not relayed
    answers_until(
        pool.target,
        lambda seen: len(seen) == 2 and all(a.model_version == "next-1" for a in seen.values()),
    )
    relays = [line for line in pool.server.lines if "changed the model" in line["message"]]
    assert len(relays) == 1


def test_a_killed_worker_is_replaced_and_every_call_is_answered_meanwhile(pool: Pool) -> None:
    victim = pool.server.started()[1]
    os.kill(victim, signal.SIGKILL)
    pool.server.wait_for(lambda line: f"(pid {victim}) was killed by SIGKILL" in line["message"])
    serving = key_is("message", "worker 1 serving")
    calls = 0
    # The replacement loads its model before it binds the port: no connection reaches it early.
    while not any(serving(line) for line in list(pool.server.lines)):
        assert ask(pool.target)[0] != victim  # raises on any error (UNAVAILABLE, ...)
        calls += 1
        time.sleep(0.05)
    assert calls > 10
    replacement = pool.server.started()[-1]
    answers = answers_until(pool.target, lambda seen: replacement in seen)
    assert answers[replacement].model_version == "next-1"  # the source's model
    assert answers[replacement].policy_version != "v1"  # the store's current policy


def test_the_port_stays_refused_to_a_second_server(pool: Pool, tmp_path: Path) -> None:
    second = start(pool.current, tmp_path, "--port", str(pool.port), "--workers", "2")
    assert second.wait() == 2
    assert "".join(second.text) == f"triage serve: port {pool.port} is already in use\n"
    with pytest.raises(ConfigError, match=f"^port {pool.port} is already in use$"):
        check_port_free("127.0.0.1", pool.port)  # what a single-process serve checks


def test_sigterm_drains_every_worker_and_exits_0(pool: Pool) -> None:
    workers = pool.server.started()
    assert len(workers) == 3
    pool.server.process.send_signal(signal.SIGTERM)
    assert pool.server.wait() == 0
    assert not [pid for pid in workers if alive(pid)]


def test_a_bad_bundle_fails_at_start_as_with_one_worker(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    bad = tamper(Path(shutil.copytree(tiny_model_dir, tmp_path / "bad")))
    server = start(bad, tmp_path, "--port", "0", "--workers", "2")
    single = build_app(replace(SETTINGS, model_dir=bad, policy_dir=tmp_path / "policy"))
    with pytest.raises(BundleIntegrityError):
        single.load()  # what a single-process serve does first
    assert server.wait() == 1
    assert server.text[-1] == f"triage serve: cannot load model from {bad}: {single.failure}\n"
    assert not server.started()  # the supervisor's one load failed: no worker was started


def test_sigterm_while_the_supervisor_loads_starts_no_worker(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    server = start(tiny_model_dir, tmp_path, "--port", "0", "--workers", "2")
    server.wait_for(lambda line: line["message"].startswith("listening on "))
    server.process.send_signal(signal.SIGTERM)  # the model load takes seconds from here
    assert server.wait() == 0
    assert not server.started()


def test_an_unreadable_policy_fails_at_start_as_with_one_worker(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    server = start(
        tiny_model_dir,
        tmp_path,
        "--port",
        "0",
        "--workers",
        "2",
        TRIAGE_POLICY_FILE=str(missing),
        TRIAGE_POLICY_DIR=str(tmp_path / "no-store" / "x"),
    )
    assert server.wait() == 2
    assert server.text[-1].startswith(f"triage serve: escalation policy {missing}: ")
    assert not server.started()


def test_workers_stop_when_their_supervisor_is_killed(tiny_model_dir: Path, tmp_path: Path) -> None:
    server = start(tiny_model_dir, tmp_path, "--port", "0", "--workers", "2")
    for index in (0, 1):
        server.wait_for(key_is("worker", index))  # running our code
    workers = server.started()
    server.process.kill()
    deadline = time.monotonic() + 30
    while [pid for pid in workers if alive(pid)]:
        assert time.monotonic() < deadline, "orphaned workers run on"
        time.sleep(0.1)


def test_a_worker_redoes_its_siblings_changes_and_stops_without_its_supervisor(
    tiny_model_dir: Path, text_pipeline: TextPipeline, tmp_path: Path
) -> None:
    settings = replace(SETTINGS, model_dir=tiny_model_dir, policy_dir=tmp_path / "policy")
    supervisor, link = multiprocessing.Pipe()
    relay = Relay(link)
    app = build_app(settings, text=text_pipeline)
    relay.attach(app)
    app.start(wait_loaded=True)
    try:
        assert supervisor.recv_bytes() == b"serving"
        store = PolicyStore(settings.policy_dir, settings.policy_file)
        new = store.set(store.current().policy.yaml_text, "a sibling").version.version
        supervisor.send_bytes(b"policy")
        deadline = time.monotonic() + 10
        while app.service.policy.version.version != new:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert not supervisor.poll(0.3)  # redone, not reported back: no echo
        supervisor.close()
        assert app.stop_event.wait(10)  # serve_forever would drain and return
    finally:
        app.stop(None)


def test_the_relayed_changes_are_the_admin_changes() -> None:
    assert get_args(AdminChange) == CHANGES
