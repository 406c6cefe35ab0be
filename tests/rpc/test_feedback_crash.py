"""Durable before acknowledged: `triage serve` is SIGKILLed in the middle of a burst of
SubmitFeedback calls; every acknowledged correction is in the database afterwards, and the
database passes SQLite's integrity check."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import grpc

from tests.rpc.conftest import make_ticket
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

THREADS = 6
KILL_AFTER_ACKS = 120


def test_sigkill_mid_burst_loses_no_acknowledged_feedback(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "feedback.db"
    env = {
        **os.environ,
        "TRIAGE_POLICY_DIR": str(tmp_path / "policy"),
        "TRIAGE_FEEDBACK_URL": f"sqlite:///{db}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "triage.cli",
            "serve",
            "--model",
            str(tiny_model_dir),
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        target = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not target:
            match = re.search(r"listening on (\S+:\d+)", process.stderr.readline())
            target = match.group(1) if match else ""
        assert target, "server did not report its address"
        # Keep reading the log so a full pipe never blocks the server.
        threading.Thread(target=process.stderr.read, daemon=True).start()

        acked: list[str] = []
        lock = threading.Lock()
        enough = threading.Event()

        def burst(worker: int) -> None:
            with grpc.insecure_channel(target) as channel:
                stub = pb_grpc.TriageServiceStub(channel)
                for n in range(10_000):
                    ticket_id = f"W{worker}-{n}"
                    request = pb.FeedbackRequest(
                        ticket_id=ticket_id,
                        ticket=make_ticket(id=ticket_id),
                        labels={"topic": "billing", "priority": "high"},
                        agent_id=f"agent-{worker}",
                    )
                    try:
                        stub.SubmitFeedback(request, timeout=10, wait_for_ready=n == 0)
                    except grpc.RpcError:
                        return  # the server is gone
                    with lock:
                        acked.append(ticket_id)
                        if len(acked) >= KILL_AFTER_ACKS:
                            enough.set()

        workers = [threading.Thread(target=burst, args=(w,)) for w in range(THREADS)]
        for w in workers:
            w.start()
        assert enough.wait(60), f"only {len(acked)} acknowledged"
        process.send_signal(signal.SIGKILL)  # mid-burst: every worker has a call in flight
        process.wait(10)
        for w in workers:
            w.join(30)
        with lock:
            acknowledged = set(acked)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    # Opened directly, as the restarted server would (SQLite recovers the WAL on open).
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        found = {row[0] for row in connection.execute("SELECT ticket_id FROM feedback")}
    with capsys.disabled():
        print(
            f"\nSIGKILL mid-burst: {len(acknowledged)} acknowledged, "
            f"{len(acknowledged & found)} of them found, {len(found)} rows stored"
        )
    assert acknowledged <= found
    assert len(found) - len(acknowledged) <= THREADS  # at most the calls in flight at the kill
