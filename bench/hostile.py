"""Hostile input on every RPC with a large budget (issue 10; not a test): `make bench-hostile`.

    .venv/bin/python bench/hostile.py [--cases 2000] [--model DIR] [--seed 0]

The harness of tests/rpc/test_hostile.py (tests/rpc/hostile.py) against `triage serve` run as a
subprocess with the production limits (Settings defaults), an admin token and a tmp policy store:
the adversarial catalogue of every RPC, then --cases random hypothesis messages per RPC, then
as many never-half-closing TriageStream calls as the server has worker threads while a health
check and a small Triage must still be answered. Failures are collected, not raised: every case
runs. Writes bench/results/hostile.md and hostile.json (cases per RPC, counts per status code,
every failure, server RSS at start and end).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed  # noqa: E402
from hypothesis import settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.soak import free_port, rss_mb, wait_serving  # noqa: E402
from tests.rpc.hostile import (  # noqa: E402
    RPCS,
    Case,
    HostileRunner,
    Rpc,
    explicit_cases,
    grouped_failures,
    random_metadata,
    random_requests,
    summary_lines,
    valid_ticket,
)
from triage.settings import Settings  # noqa: E402
from triage.v1 import triage_pb2 as pb  # noqa: E402

TOKEN = "hostile-bench-token"
AUTH = (("authorization", f"Bearer {TOKEN}"),)


def random_cases(runner: HostileRunner, rpc: Rpc, n: int, at_seed: int) -> None:
    metadata = random_metadata(AUTH) if rpc.admin else st.just(())

    @seed(at_seed)
    @hsettings(
        max_examples=n,
        deadline=None,
        database=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    @given(requests=random_requests(rpc), metadata=metadata)
    def one(requests: list[bytes], metadata: tuple[tuple[str, str], ...]) -> None:
        runner.run(Case(rpc, "random", lambda: requests, metadata))  # failures are collected

    one()


def silent_streams(runner: HostileRunner, n: int) -> dict[str, Any]:
    """`n` TriageStream calls that never half-close; is the server still answering meanwhile?"""
    rpc = next(r for r in RPCS if r.name == "TriageStream")
    one = pb.TriageRequest(ticket=valid_ticket()).SerializeToString()
    codes: list[str] = []
    cases = [Case(rpc, "silent stream", lambda: (one,), timeout=5.0, hold_open=True)] * n
    threads = [
        threading.Thread(target=lambda c=c: codes.append(runner.send(c)[0].name)) for c in cases
    ]
    for t in threads:
        t.start()
    time.sleep(1.5)
    runner.health_timeout = 2.0
    during = runner.alive()
    runner.health_timeout = 5.0
    for t in threads:
        t.join(20)
    return {"streams": n, "problem_while_open": during, "codes": codes, "after": runner.alive()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="random cases per RPC")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "default")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    port = free_port()
    env = {
        **os.environ,
        "TRIAGE_ADMIN_TOKEN": TOKEN,
        "TRIAGE_POLICY_DIR": str(tmp / "policy"),
        "TRIAGE_PORT": str(port),
    }
    settings = Settings.from_env(env)  # the limits the server applies
    command = [sys.executable, "-m", "triage.cli", "serve", "--model", str(args.model)]
    with open(tmp / "server.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stderr=log)
    runner = HostileRunner(f"127.0.0.1:{port}", admin_metadata=AUTH)
    started = time.perf_counter()
    try:
        wait_serving(runner.channel, process, 180)
        rss_start = rss_mb(process.pid)
        for rpc in RPCS:
            t0 = time.perf_counter()
            for case in explicit_cases(rpc, settings, AUTH if rpc.admin else (), 120.0):
                runner.run(case)
            random_cases(runner, rpc, args.cases, args.seed)
            print(
                f"{rpc}: done in {time.perf_counter() - t0:.0f} s, "
                f"{len(runner.failures)} failures so far",
                flush=True,
            )
        streams = silent_streams(runner, settings.max_workers)
        rss_end = rss_mb(process.pid) if process.poll() is None else None
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        runner.close()

    summary = runner.summary()
    summary.update(
        {
            "random_cases_per_rpc": args.cases,
            "seed": args.seed,
            "seconds": round(time.perf_counter() - started, 1),
            "limits": {
                "max_message_bytes": settings.max_message_bytes,
                "max_body_bytes": settings.max_body_bytes,
                "max_workers": settings.max_workers,
            },
            "silent_streams": streams,
            "server_rss_mb": {"start": round(rss_start, 1), "end": rss_end and round(rss_end, 1)},
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "hostile.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    (args.out / "hostile.md").write_text(to_markdown(summary), encoding="utf-8")
    print("\n".join(summary_lines(summary)))


def to_markdown(s: dict[str, Any]) -> str:
    codes = sorted(s["per_code"])
    lines = [
        "# Hostile input on every RPC",
        "",
        f"`bench/hostile.py --cases {s['random_cases_per_rpc']} --seed {s['seed']}` against "
        f"`triage serve` with the default limits (message {s['limits']['max_message_bytes']} B, "
        f"body {s['limits']['max_body_bytes']} B, {s['limits']['max_workers']} workers): the "
        "adversarial catalogue of tests/rpc/hostile.py plus random hypothesis messages per RPC. "
        f"{s['cases']} cases in {s['seconds']:.0f} s; **{len(s['failures'])} failures** (a "
        "failure: INTERNAL/UNKNOWN or another non-client code, or the server no longer answering "
        "health, a small Triage and GetPolicy after the case).",
        "",
        "| RPC | cases | " + " | ".join(codes) + " |",
        "|---|---:|" + "---:|" * len(codes),
    ]
    for rpc, row in s["per_rpc"].items():
        cells = " | ".join(str(row["codes"].get(c, "")) for c in codes)
        lines.append(f"| {rpc} | {row['cases']} | {cells} |")
    total = " | ".join(str(s["per_code"][c]) for c in codes)
    lines.append(f"| **all** | {s['cases']} | {total} |")
    st_ = s["silent_streams"]
    rss = s["server_rss_mb"]
    lines += [
        "",
        f"{st_['streams']} TriageStream calls that never half-close, open together: while open, "
        f"{st_['problem_while_open'] or 'health and Triage answered'}; they ended "
        f"{', '.join(sorted(set(st_['codes'])))}; "
        f"afterwards {st_['after'] or 'the server serves'}.",
        "",
        f"Server RSS: {rss['start']} MB at start, {rss['end']} MB at the end.",
    ]
    if s["failures"]:
        lines += ["", "## Failures", ""]
        lines += ["Grouped by problem (every case is in hostile.json):", ""]
        for problem, n, cases in grouped_failures(s["failures"]):
            lines.append(f"- **{n}x** {problem}; e.g. " + "; ".join(f"`{c}`" for c in cases))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
