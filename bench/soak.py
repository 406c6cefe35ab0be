"""Soak (issue 10; not a test): `make bench-soak`.

    .venv/bin/python bench/soak.py [--seconds 120] [--threads 6] [--model DIR] [--data FILE]

Starts `triage serve` as a subprocess (free port, admin token, a tmp policy store, the default
model), then runs mixed concurrent load for --seconds: Triage, TriageStream (batches of 10),
SearchArticles and SuggestAnswer from several client threads, SetPolicy every 20 s and
ReloadContent every 20 s (there is no model-reload RPC yet, so none is exercised). The server's
RSS is sampled every 2 s. At the end, long TriageStream calls are started and the server gets
SIGTERM while they are in flight: they must all complete OK and the process must exit 0 within
its grace period. Every call has a deadline; any non-OK call counts as failed.

Writes bench/results/soak.json and bench/results/soak.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.rpc.converters import ticket_to_proto  # noqa: E402
from triage.v1 import triage_pb2 as pb  # noqa: E402
from triage.v1 import triage_pb2_grpc as pb_grpc  # noqa: E402

TOKEN = "soak-admin-token"
AUTH = (("authorization", f"Bearer {TOKEN}"),)
POLICY = (ROOT / "data" / "policy.yaml").read_text(encoding="utf-8")
DEADLINE = 30.0
GRACE = 10.0
STREAM_BATCH = 10
DRAIN_STREAMS = 4
DRAIN_BATCH = 20  # small enough to finish within the grace period on a loaded 2-core machine
QUERIES = (
    "reset my password",
    "refund for a double charge",
    "wachtwoord vergeten",
    "factura dubla",
    "Lieferung verspätet",
    "annuler ma commande",
    "how do I export my data",
)
FALLBACK_TEXTS = (
    ("Invoice charged twice", "My invoice for March was charged twice. Please refund one."),
    ("Cannot log in", "Since this morning the login page says my password is wrong."),
    ("Factuur", "Ik heb twee keer betaald voor dezelfde bestelling, graag terugbetalen."),
    ("Comanda", "Comanda mea nu a ajuns nici dupa doua saptamani, vreau banii inapoi."),
    ("Kündigung", "Ich möchte meinen Vertrag kündigen, der Service ist unzumutbar."),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def swap_mb(pid: int) -> float:
    """Swapped-out memory of `pid` in MB (0 where /proc does not say): RSS alone can fall when
    the machine is short of memory and pages go to swap."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmSwap:"):
                return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return 0.0


def rss_mb(pid: int) -> float:
    """Resident set size of `pid` in MB (psutil when installed, else /proc/<pid>/status)."""
    try:
        import psutil  # type: ignore[import-untyped]

        return float(psutil.Process(pid).memory_info().rss) / 1e6
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no RSS for pid {pid}")


def load_tickets(data: Path, limit: int = 2000) -> list[pb.Ticket]:
    if data.is_file():
        from training.dataset import load_dataset

        return [ticket_to_proto(t) for t in load_dataset(data).tickets[:limit]]
    return [
        pb.Ticket(id=f"T-{i}", subject=s, body=b, channel=pb.CHANNEL_EMAIL)
        for i, (s, b) in enumerate(FALLBACK_TEXTS)
    ]


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, rpc: str, call: Callable[[], object]) -> bool:
        started = time.perf_counter()
        try:
            call()
            ok, problem = True, ""
        except grpc.RpcError as exc:
            ok, problem = False, f"{exc.code().name}: {exc.details()}"  # type: ignore[attr-defined]
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latencies[rpc].append(elapsed)
            if not ok:
                self.failures.append({"rpc": rpc, "error": problem, "at_ms": elapsed})
        return ok


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


class Soak:
    def __init__(self, target: str, tickets: list[pb.Ticket], seed: int) -> None:
        self.channel = grpc.insecure_channel(target)
        self.triage = pb_grpc.TriageServiceStub(self.channel)
        self.admin = pb_grpc.AdminServiceStub(self.channel)
        self.tickets = tickets
        self.stats = Stats()
        self.stop_new = threading.Event()
        self.seed = seed

    def _batch(self, rng: random.Random, n: int) -> Iterator[pb.TriageRequest]:
        for _ in range(n):
            yield pb.TriageRequest(ticket=rng.choice(self.tickets))

    def one_call(self, rng: random.Random) -> None:
        t, s = self.triage, self.stats
        pick = rng.random()
        if pick < 0.40:
            req = pb.TriageRequest(ticket=rng.choice(self.tickets))
            s.record("Triage", lambda: t.Triage(req, timeout=DEADLINE))
        elif pick < 0.55:
            batch = list(self._batch(rng, STREAM_BATCH))
            s.record("TriageStream", lambda: list(t.TriageStream(iter(batch), timeout=DEADLINE)))
        elif pick < 0.80:
            q = pb.SearchArticlesRequest(query=rng.choice(QUERIES), limit=5)
            s.record("SearchArticles", lambda: t.SearchArticles(q, timeout=DEADLINE))
        else:
            ticket = rng.choice(self.tickets)
            a = pb.SuggestAnswerRequest(text=ticket.body or ticket.subject)
            s.record("SuggestAnswer", lambda: t.SuggestAnswer(a, timeout=DEADLINE))

    def client(self, index: int) -> None:
        rng = random.Random(self.seed + index)
        while not self.stop_new.is_set():
            self.one_call(rng)

    def admin_loop(self, every: float) -> None:
        """SetPolicy at 0, 20, 40 s...; ReloadContent halfway between."""
        n = 0
        while not self.stop_new.wait(every / 2):
            if n % 2 == 0:
                threshold = 0.5 if (n // 2) % 2 else 0.55
                yaml = POLICY.replace("threshold: 0.5\n", f"threshold: {threshold}\n", 1)
                req = pb.SetPolicyRequest(yaml=yaml, author="soak", comment=f"soak change {n}")
                self.stats.record(
                    "SetPolicy",
                    lambda req=req: self.admin.SetPolicy(req, metadata=AUTH, timeout=DEADLINE),
                )
            else:
                self.stats.record(
                    "ReloadContent",
                    lambda: self.admin.ReloadContent(
                        pb.ReloadContentRequest(), metadata=AUTH, timeout=DEADLINE
                    ),
                )
            n += 1


def wait_serving(channel: grpc.Channel, process: subprocess.Popen[bytes], limit: float) -> None:
    stub = health_pb2_grpc.HealthStub(channel)
    until = time.monotonic() + limit
    while time.monotonic() < until:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode} before serving")
        try:
            status = stub.Check(health_pb2.HealthCheckRequest(), timeout=2).status
            if status == health_pb2.HealthCheckResponse.SERVING:
                return
        except grpc.RpcError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"server not SERVING after {limit:.0f} s")


def drain(soak: Soak, process: subprocess.Popen[bytes]) -> dict[str, Any]:
    """Start long streams, SIGTERM while they run; all must end OK and the process exit 0."""
    results: list[str] = []
    started = threading.Barrier(DRAIN_STREAMS + 1)

    def long_stream(i: int) -> None:
        batch = list(soak._batch(random.Random(i), DRAIN_BATCH))
        calls = soak.triage.TriageStream(iter(batch), timeout=DEADLINE + GRACE)
        answered = 0
        try:
            for _ in calls:
                answered += 1
                if answered == 1:
                    started.wait(10)  # in flight on the server: the first answer came back
            results.append("OK" if answered == DRAIN_BATCH else f"only {answered} answers")
        except grpc.RpcError as exc:
            results.append(f"{exc.code().name} after {answered} answers")  # type: ignore[attr-defined]
        except threading.BrokenBarrierError:
            results.append("never started")

    threads = [threading.Thread(target=long_stream, args=(i,)) for i in range(DRAIN_STREAMS)]
    for t in threads:
        t.start()
    started.wait(30)
    sent = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    for t in threads:
        t.join(DEADLINE + GRACE)
    try:
        code = process.wait(GRACE + 10)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
    return {
        "in_flight_at_sigterm": DRAIN_STREAMS,
        "tickets_per_stream": DRAIN_BATCH,
        "completed_ok": results.count("OK"),
        "results": results,
        "exit_code": code,
        "exit_seconds_after_sigterm": round(time.perf_counter() - sent, 2),
        "grace_seconds": GRACE,
        "drained": results.count("OK") == DRAIN_STREAMS and code == 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="load duration (default 120)")
    parser.add_argument("--threads", type=int, default=6, help="client threads (default 6)")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "default")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "generated" / "test.jsonl")
    parser.add_argument("--admin-every", type=float, default=20.0, help="SetPolicy period (s)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()

    tickets = load_tickets(args.data)
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="soak-"))
    env = {
        **os.environ,
        "TRIAGE_ADMIN_TOKEN": TOKEN,
        "TRIAGE_POLICY_DIR": str(tmp / "policy"),
        "TRIAGE_GRACE_SECONDS": str(GRACE),
        # Capacity sized to this load (every client thread may hold a stream, and streams get
        # half the slots), so a RESOURCE_EXHAUSTED here is a real failure, not the cap at work.
        "TRIAGE_MAX_CONCURRENT": str(max_concurrent(args.threads)),
    }
    log_path = tmp / "server.log"
    command = [sys.executable, "-m", "triage.cli", "serve", "--model", str(args.model)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen([*command, "--port", str(port)], env=env, stderr=log)
    target = f"127.0.0.1:{port}"
    soak = Soak(target, tickets, args.seed)
    try:
        t0 = time.perf_counter()
        wait_serving(soak.channel, process, 180)
        print(f"server pid {process.pid} serving {target} after {time.perf_counter() - t0:.1f} s")
        rss: list[tuple[float, float, float]] = []  # (seconds, RSS MB, swap MB)
        start = time.perf_counter()

        def sample() -> None:
            while process.poll() is None:
                try:
                    at = round(time.perf_counter() - start, 1)
                    rss.append((at, round(rss_mb(process.pid), 1), round(swap_mb(process.pid), 1)))
                except (OSError, RuntimeError):
                    return
                time.sleep(2.0)

        threading.Thread(target=sample, daemon=True).start()
        workers = [threading.Thread(target=soak.client, args=(i,)) for i in range(args.threads)]
        workers.append(threading.Thread(target=soak.admin_loop, args=(args.admin_every,)))
        for w in workers:
            w.start()
        while time.perf_counter() - start < args.seconds:
            time.sleep(1.0)
            done = sum(len(v) for v in soak.stats.latencies.values())
            print(f"\r{time.perf_counter() - start:5.0f} s  {done} calls", end="", flush=True)
        print()
        soak.stop_new.set()
        for w in workers:
            w.join(DEADLINE + 5)
        loaded_seconds = time.perf_counter() - start
        drained = drain(soak, process)
    finally:
        if process.poll() is None:
            process.kill()
        soak.channel.close()

    report = build_report(args, soak.stats, rss, drained, loaded_seconds, log_path)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "soak.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "soak.md").write_text(to_markdown(report), encoding="utf-8")
    print(to_markdown(report))
    if report["failed_calls"] or not drained["drained"]:
        sys.exit(1)


def build_report(
    args: argparse.Namespace,
    stats: Stats,
    rss: list[tuple[float, float, float]],
    drained: dict[str, Any],
    loaded_seconds: float,
    log_path: Path,
) -> dict[str, Any]:
    per_rpc = {
        rpc: {
            "calls": len(values),
            "failed": sum(1 for f in stats.failures if f["rpc"] == rpc),
            "p50_ms": round(percentile(values, 0.50), 1),
            "p99_ms": round(percentile(values, 0.99), 1),
            "max_ms": round(max(values), 1),
        }
        for rpc, values in sorted(stats.latencies.items())
    }
    values = [mb for _, mb, _ in rss]
    half = [mb for t, mb, _ in rss if t >= loaded_seconds / 2]
    return {
        "seconds": round(loaded_seconds, 1),
        "threads": args.threads,
        "max_concurrent": max_concurrent(args.threads),
        "model": str(args.model),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs (shared; numbers are indicative)",
        "stream_batch": STREAM_BATCH,
        "admin_every_seconds": args.admin_every,
        "model_reload": "not exercised: the server has no model-reload RPC yet",
        "total_calls": sum(r["calls"] for r in per_rpc.values()),
        "failed_calls": len(stats.failures),
        "per_rpc": per_rpc,
        "failures": stats.failures[:50],
        "rss_mb": {
            "start": values[0] if values else None,
            "peak": max(values) if values else None,
            "end": values[-1] if values else None,
            "second_half_min": min(half) if half else None,
            "second_half_max": max(half) if half else None,
            "swap_peak": max((sw for _, _, sw in rss), default=None),
            "samples_seconds_rss_swap": rss,
        },
        "drain": drained,
        "server_log_lines": len(log_path.read_text(errors="replace").splitlines()),
    }


def max_concurrent(threads: int) -> int:
    """Every client thread and every drain call may hold a stream, and streams get half the
    slots: capacity for the whole load."""
    return 2 * (threads + DRAIN_STREAMS)


def to_markdown(r: dict[str, Any]) -> str:
    rss, d = r["rss_mb"], r["drain"]
    lines = [
        "# Soak",
        "",
        f"`bench/soak.py --seconds {r['seconds']:.0f}`: {r['threads']} client threads of mixed "
        f"load on `triage serve` (model `{r['model']}`), SetPolicy and ReloadContent alternating "
        f"every {r['admin_every_seconds'] / 2:.0f} s "
        f"(each every {r['admin_every_seconds']:.0f} s). "
        f"{r['machine']}. Server capacity TRIAGE_MAX_CONCURRENT={r['max_concurrent']} (streams: "
        "half of it), sized to this load, so any RESOURCE_EXHAUSTED counts as a failure.",
        f"Model reload: {r['model_reload']}.",
        "",
        f"**{r['total_calls']} calls, {r['failed_calls']} failed.**",
        "",
        "| RPC | calls | failed | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for rpc, row in r["per_rpc"].items():
        lines.append(
            f"| {rpc} | {row['calls']} | {row['failed']} | {row['p50_ms']} | {row['p99_ms']} "
            f"| {row['max_ms']} |"
        )
    lines += [
        "",
        f"TriageStream calls carry {r['stream_batch']} tickets each.",
        "",
        f"Server RSS (MB): start {rss['start']}, peak {rss['peak']}, end {rss['end']}; "
        f"second half of the run between {rss['second_half_min']} and {rss['second_half_max']}. "
        f"Peak swapped out: {rss['swap_peak']} MB (other processes share the machine's memory).",
        "",
        f"SIGTERM drain: {d['in_flight_at_sigterm']} TriageStream calls of "
        f"{d['tickets_per_stream']} tickets in flight; {d['completed_ok']} completed OK "
        f"({', '.join(d['results'])}); exit code {d['exit_code']} "
        f"{d['exit_seconds_after_sigterm']} s after SIGTERM (grace {d['grace_seconds']:.0f} s): "
        f"{'drained' if d['drained'] else 'NOT drained'}.",
    ]
    if r["failures"]:
        lines += ["", "Failures (first 50):", ""]
        lines += [f"- {f['rpc']}: {f['error']}" for f in r["failures"]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
