"""Load benchmark (issue 13; not a test): `make bench-load`.

    .venv/bin/python bench/load.py --model DIR --label NAME [--workers N] [--levels 1,2,4,8,16,32]
        [--seconds 3] [--clients 2] [--data FILE.jsonl]

In one run, side by side: (a) `bench/echo_server.py`, a do-nothing TriageService on the same
gRPC stack (the floor no Python gRPC service can beat here) and (b) `triage serve --model DIR`
as `make serve` starts it (state in a scratch folder). Both get the same load from --clients
client processes (`bench/load_client.py`, asyncio, one connection per caller, loopback only),
for each RPC (Triage, SuggestAnswer, TriageStream) at each concurrency level, echo then triage
at each level. Requests are the tickets of the default data's test split (all languages).

Reported per RPC and level: requests (tickets) per second and p50/p90/p99/max latency, each
as a ratio to the echo floor at the same level; Triage at half of its best throughput, paced
(open loop: latency from the scheduled send time); health-check latency while triage is under
load; the server's peak RSS per process and time from process start to SERVING; median
in-process compute per ticket by stage (bench/stages.py). Writes
bench/results/load-NAME.{md,json}. Numbers are from one run on a shared machine: compare
rows of one run, not runs of different days.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_client import Job, Outcome, serve_jobs  # noqa: E402
from bench.stages import stage_split  # noqa: E402
from training.dataset import load_dataset  # noqa: E402
from triage.rpc.converters import ticket_to_proto  # noqa: E402
from triage.v1 import triage_pb2 as pb  # noqa: E402

RPCS = ("Triage", "SuggestAnswer", "TriageStream")
SETTLE_SECONDS = 1.0
"""Between sending a job and its clock starting: clients connect and warm up meanwhile."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summary(outcomes: list[Outcome], seconds: float) -> dict[str, Any]:
    latencies = sorted(x for o in outcomes for x in o.latencies_ms)
    errors: dict[str, int] = {}
    for outcome in outcomes:
        for code, n in outcome.errors.items():
            errors[code] = errors.get(code, 0) + n
    return {
        "per_second": round(len(latencies) / seconds, 1),
        "p50": round(percentile(latencies, 0.50), 3),
        "p90": round(percentile(latencies, 0.90), 3),
        "p99": round(percentile(latencies, 0.99), 3),
        "max": round(latencies[-1], 3) if latencies else float("nan"),
        "calls": len(latencies),
        "errors": errors,
    }


class Clients:
    """Client processes, started once and given one job per level."""

    def __init__(self, count: int, requests: dict[str, list[bytes]]) -> None:
        context = multiprocessing.get_context("spawn")  # no grpc state inherited
        self.pipes: list[Connection] = []
        self.processes = []
        for _ in range(count):
            ours, theirs = context.Pipe()
            process = context.Process(target=serve_jobs, args=(theirs, requests), daemon=True)
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)

    def run(self, target: str, rpc: str, concurrency: int, seconds: float, rate: float = 0.0):  # type: ignore[no-untyped-def]
        """`concurrency` callers spread over the processes (or `rate` calls a second, paced)."""
        used = min(concurrency, len(self.pipes))
        start_at = time.monotonic() + SETTLE_SECONDS
        for i in range(used):
            callers = concurrency // used + (i < concurrency % used)
            # Paced, process i starts i/rate later: the processes' schedules interleave, so
            # calls arrive evenly spaced, not `used` at the same instant.
            begin = start_at + (i / rate if rate else 0.0)
            job = Job(target, rpc, callers, begin, seconds, rate / used, offset=i * 104729)
            self.pipes[i].send(job)
        return [self.pipes[i].recv() for i in range(used)]

    def close(self) -> None:
        for pipe in self.pipes:
            try:
                pipe.send(None)
            except OSError:  # that client is gone already
                pass
        for process in self.processes:
            process.join(timeout=10)


class HealthProbe:
    """Health checks every 50 ms on a connection of their own, while `running`."""

    def __init__(self, target: str) -> None:
        self._stub = health_pb2_grpc.HealthStub(grpc.insecure_channel(target))
        self._running = threading.Event()
        self._stop = threading.Event()
        self.latencies_ms: list[float] = []
        self.failures = 0
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while not self._stop.wait(0.05):
            if not self._running.is_set():
                continue
            started = time.perf_counter()
            try:
                self._stub.Check(health_pb2.HealthCheckRequest(), timeout=5)
                self.latencies_ms.append((time.perf_counter() - started) * 1000)
            except grpc.RpcError:
                self.failures += 1

    def during(self) -> HealthProbe:
        self.latencies_ms, self.failures = [], 0
        self._running.set()
        return self

    def pause(self) -> dict[str, Any]:
        self._running.clear()
        ordered = sorted(self.latencies_ms)
        return {
            "checks": len(ordered),
            "p99_ms": round(percentile(ordered, 0.99), 3),
            "max_ms": round(ordered[-1], 3) if ordered else None,
            "failures": self.failures,
        }


def wait_serving(target: str, process: subprocess.Popen[bytes], limit: float) -> None:
    """Until a health check answers SERVING (polled every 10 ms)."""
    stub = health_pb2_grpc.HealthStub(grpc.insecure_channel(target))
    until = time.monotonic() + limit
    while time.monotonic() < until:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode} before serving")
        try:
            if stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status == (
                health_pb2.HealthCheckResponse.SERVING
            ):
                return
        except grpc.RpcError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"server not SERVING after {limit:.0f} s")


def memory_mb(pid: int) -> dict[str, dict[str, float]]:
    """Memory of `pid` and of each of its descendants, in MB: `peak_rss` (VmHWM; it counts
    pages a forked worker shares with its supervisor in full), `pss` (shared pages divided
    among the processes sharing them) and `private` (pages no other process maps), read now."""
    out: dict[str, dict[str, float]] = {"peak_rss": {}, "pss": {}, "private": {}}
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        kb = {
            line.split(":")[0]: int(line.split()[1])
            for line in (status + rollup).splitlines()
            if line.endswith(" kB")
        }
        if "VmHWM" not in kb or "Pss" not in kb:  # exiting
            continue
        name = str(current)
        out["peak_rss"][name] = round(kb["VmHWM"] / 1024, 1)
        out["pss"][name] = round(kb["Pss"] / 1024, 1)
        private = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
        out["private"][name] = round(private / 1024, 1)
        pending.extend(int(c) for c in children)
    return out


def requests_from(data: Path, limit: int) -> tuple[list[Any], dict[str, list[bytes]]]:
    tickets = load_dataset(data).tickets[:limit]
    protos = [ticket_to_proto(t) for t in tickets]
    return tickets, {
        "Triage": [pb.TriageRequest(ticket=t).SerializeToString() for t in protos],
        "SuggestAnswer": [pb.SuggestAnswerRequest(ticket=t).SerializeToString() for t in protos],
    }


def canned_responses(target: str, requests: dict[str, list[bytes]], folder: Path) -> None:
    """The echo server's answers: the triage server's own response of median size."""
    with grpc.insecure_channel(target) as channel:
        for rpc, sample in requests.items():
            call = channel.unary_unary(f"/triage.v1.TriageService/{rpc}")
            answers = sorted((call(r, timeout=30) for r in sample[:25]), key=len)
            (folder / f"{rpc}.bin").write_bytes(answers[len(answers) // 2])


def start_triage(
    args: argparse.Namespace, port: int, scratch: Path
) -> tuple[subprocess.Popen[bytes], float]:
    env = {
        **os.environ,
        "TRIAGE_POLICY_DIR": str(scratch / "policy"),
        "TRIAGE_FEEDBACK_URL": f"sqlite:///{scratch / 'feedback.db'}",
        "PYTHONWARNINGS": "ignore",
    }
    command = [str(ROOT / ".venv" / "bin" / "triage"), "serve", "--model", str(args.model)]
    command += ["--port", str(port)]
    if args.workers != 1:
        command += ["--workers", str(args.workers)]
    started = time.monotonic()
    log = (scratch / "triage-serve.log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    wait_serving(f"127.0.0.1:{port}", process, 180)
    if args.workers != 1:  # health answers from the first worker up; wait for all of them
        until = time.monotonic() + 180
        while b"workers serving" not in (scratch / "triage-serve.log").read_bytes():
            if time.monotonic() > until or process.poll() is not None:
                raise SystemExit("the workers did not all start serving")
            time.sleep(0.01)
    return process, time.monotonic() - started


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 3) if floor and floor == floor else None


def measure(args: argparse.Namespace) -> dict[str, Any]:
    load_before = round(os.getloadavg()[0], 2)
    tickets, requests = requests_from(args.data, args.tickets)
    levels = [int(x) for x in args.levels.split(",")]
    results: dict[str, Any] = {
        "model": str(args.model),
        "label": args.label,
        "workers": args.workers,
        "client_processes": args.clients,
        "seconds_per_level": args.seconds,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared",
        "tickets": len(tickets),
        "rpcs": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        triage_port, echo_port = free_port(), free_port()
        server, start_seconds = start_triage(args, triage_port, scratch)
        results["start_to_serving_s"] = round(start_seconds, 2)
        targets = {"echo": f"127.0.0.1:{echo_port}", "triage": f"127.0.0.1:{triage_port}"}
        canned_responses(targets["triage"], requests, scratch)
        echo = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "echo_server.py"), "--port", str(echo_port)]
            + ["--responses", str(scratch), "--workers", str(max(1, args.workers))]
        )
        clients = Clients(args.clients, requests)
        probe = HealthProbe(targets["triage"])
        try:
            wait_serving_echo(targets["echo"])
            for rpc in RPCS:
                rows = []
                for level in levels:
                    row: dict[str, Any] = {"concurrency": level}
                    for name, target in targets.items():
                        if name == "triage":
                            probe.during()
                        row[name] = summary(
                            clients.run(target, rpc, level, args.seconds), args.seconds
                        )
                        if name == "triage":
                            row["health_during_triage"] = probe.pause()
                    row["ratio"] = {
                        k: ratio(row["triage"][k], row["echo"][k])
                        for k in ("per_second", "p50", "p90", "p99", "max")
                    }
                    rows.append(row)
                    print(format_row(rpc, row), flush=True)
                results["rpcs"][rpc] = {"levels": rows}
            results["half_load"] = half_load(clients, targets, results, args)
        finally:
            memory = memory_mb(server.pid)
            results["peak_rss_mb"], results["pss_mb"] = memory["peak_rss"], memory["pss"]
            results["private_mb"] = memory["private"]
            clients.close()
            for process in (server, echo):
                process.terminate()
                process.wait(timeout=30)
    results["stages_ms"] = stage_split(args.model, tickets[: args.stage_tickets])
    results["load_before"], results["load_after"] = load_before, round(os.getloadavg()[0], 2)
    return results


def wait_serving_echo(target: str) -> None:
    with grpc.insecure_channel(target) as channel:
        grpc.channel_ready_future(channel).result(timeout=60)


def half_load(
    clients: Clients, targets: dict[str, str], results: dict[str, Any], args: argparse.Namespace
) -> dict[str, Any]:
    """Triage paced at half of its best closed-loop throughput, on both servers."""
    best = max(row["triage"]["per_second"] for row in results["rpcs"]["Triage"]["levels"])
    rate = best / 2
    out: dict[str, Any] = {"rate_per_second": round(rate, 1)}
    for name, target in targets.items():
        out[name] = summary(
            clients.run(target, "Triage", 32, args.seconds, rate=rate), args.seconds
        )
    print(
        f"Triage paced at {rate:.0f}/s: triage p50 {out['triage']['p50']:.2f} ms, "
        f"p99 {out['triage']['p99']:.2f} ms; echo p99 {out['echo']['p99']:.2f} ms",
        flush=True,
    )
    return out


def format_row(rpc: str, row: dict[str, Any]) -> str:
    t, e, r = row["triage"], row["echo"], row["ratio"]
    return (
        f"{rpc:13} c={row['concurrency']:<3} echo {e['per_second']:8.0f}/s p99 {e['p99']:7.2f} ms"
        f" | triage {t['per_second']:8.0f}/s p50 {t['p50']:7.2f} p99 {t['p99']:7.2f} ms"
        f" | ratio {r['per_second']}  errors {t['errors'] or ''}{e['errors'] or ''}"
    )


STREAM_LIMIT_NOTE = (
    " Streams past half of the server's RPC threads (16 of 32) are refused with"
    " RESOURCE_EXHAUSTED by design, so that streams cannot take every thread from unary callers;"
    " the aio client reports some refused streams as INTERNAL (the server logs no error)."
)


def markdown(results: dict[str, Any], command: str) -> str:
    lines = [
        f"# Load: `triage serve` ({results['label']}) next to the gRPC echo floor",
        "",
        f"`{command}` on {results['machine']}; {results['client_processes']} client processes, "
        f"{results['seconds_per_level']} s per level, {results['tickets']} test-split tickets; "
        f"server workers: {results['workers']}. One run: the ratios (triage / echo, same level, "
        "same run) are the figures to compare.",
        "",
        f"- Time from process start to SERVING: **{results['start_to_serving_s']} s**",
        "- Server peak RSS per process: **"
        + ", ".join(f"{mb:.0f} MB" for mb in results["peak_rss_mb"].values())
        + "** (with several workers: the supervisor first, then each worker; a forked worker's"
        " RSS counts the pages it shares with the supervisor)",
        "- At the end of the run, proportional set size (shared pages divided among their "
        "sharers) per process: "
        + ", ".join(f"{mb:.0f} MB" for mb in results["pss_mb"].values())
        + f", {sum(results['pss_mb'].values()):.0f} MB in all; private memory (pages no other "
        "process maps): " + ", ".join(f"{mb:.0f} MB" for mb in results["private_mb"].values()),
        f"- Load average of the machine before / after the run: {results['load_before']} / "
        f"{results['load_after']} (other work shares it)",
    ]
    half = results["half_load"]
    lines.append(
        f"- Triage paced at half its best throughput ({half['rate_per_second']}/s): p50 "
        f"{half['triage']['p50']} ms, p99 **{half['triage']['p99']} ms** (echo at the same "
        f"rate: p99 {half['echo']['p99']} ms)"
    )
    lines += ["", "In-process compute per ticket (median, one ticket at a time):", ""]
    lines += ["| stage | ms |", "|---|---:|"]
    lines += [f"| {name} | {ms:.3f} |" for name, ms in results["stages_ms"].items()]
    for rpc, data in results["rpcs"].items():
        unit = "tickets/s" if rpc == "TriageStream" else "calls/s"
        lines += ["", f"## {rpc}", ""]
        lines.append(
            f"| concurrency | echo {unit} | triage {unit} | ratio "
            "| triage p50 / p90 / p99 / max ms | ratio to echo p50 / p90 / p99 / max "
            "| health p99 / max ms during triage |"
        )
        lines.append("|---:|---:|---:|---:|---|---|---|")
        for row in data["levels"]:
            t, r, h = row["triage"], row["ratio"], row["health_during_triage"]
            lines.append(
                f"| {row['concurrency']} | {row['echo']['per_second']:.0f} | "
                f"{t['per_second']:.0f} | **{r['per_second']}** | {t['p50']} / {t['p90']} / "
                f"{t['p99']} / {t['max']} | {r['p50']} / {r['p90']} / {r['p99']} / {r['max']} | "
                f"{h['p99_ms']} / {h['max_ms']} |"
            )
        refused = [
            f"concurrency {row['concurrency']}: "
            + ", ".join(f"{n} {code}" for code, n in sorted(row["triage"]["errors"].items()))
            for row in data["levels"]
            if row["triage"]["errors"]
        ]
        if refused:
            lines += ["", f"Failed calls (triage; each retried at once): {'; '.join(refused)}."]
            if rpc == "TriageStream":
                lines[-1] += STREAM_LIMIT_NOTE
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "default")
    parser.add_argument("--label", default="default")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--levels", default="1,2,4,8,16,32")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--stage-tickets", type=int, default=300)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "generated" / "test.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    results = measure(args)
    command = "python bench/load.py " + " ".join(sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"load-{args.label}-w{args.workers}"
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    stem.with_suffix(".md").write_text(markdown(results, command))
    print(f"wrote {stem}.md and .json")


if __name__ == "__main__":
    main()
