"""In-process compute per ticket of a Triage call, side by side with another checkout (issue 13;
not a test).

    .venv/bin/python bench/compute.py --model DIR [--runs 3] [--compare NAME=CHECKOUT:BUNDLE ...]

Each run starts a fresh interpreter on a checkout's code (PYTHONPATH), loads the bundle and the
suggestion content as `triage serve` does, warms it on --warm test-split tickets (the token and
word caches of a serving process), then scores --tickets others: one at a time (the median
milliseconds of a call) and in batches of 16 (milliseconds per ticket). Runs alternate between
the checkouts, so both meet the same moments of a shared machine, and each run reports a digest
of its answers: equal digests mean equal answers. Writes bench/results/compute.{md,json}. To
compare with an older commit:

    git worktree add /tmp/old COMMIT
    .venv/bin/python bench/compute.py --model bench/out/fast-model \\
        --compare old=/tmp/old:$PWD/bench/out/fast-model   # the same bundle, the old code
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 16


def measure(bundle: Path, data: Path, warm: int, count: int) -> dict[str, object]:
    """Run in a checkout's interpreter: imports its `triage` (PYTHONPATH), not this one's."""
    from datetime import UTC, datetime

    from training.dataset import load_dataset
    from triage.bundle import load_bundle
    from triage.service import TriageService
    from triage.settings import Settings

    tickets = load_dataset(data).tickets[: warm + count]
    model = load_bundle(bundle, key=Settings.from_env().model_key)
    service = TriageService(Settings())
    service.clock = lambda: datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # the same business hours
    suggester, _ = service.build_content(model)
    service.use_model(model, None, suggester)
    service.triage_many(tickets[:warm])
    timed = tickets[warm:]
    alone, answers = [], []
    cpu = time.process_time()
    for ticket in timed:
        started = time.perf_counter()
        answers += service.triage_many([ticket])
        alone.append((time.perf_counter() - started) * 1000)
    alone_cpu = (time.process_time() - cpu) * 1000 / len(timed)
    started, cpu = time.perf_counter(), time.process_time()
    batched = []
    for i in range(0, len(timed), BATCH):
        batched += service.triage_many(timed[i : i + BATCH])
    per_ticket = (time.perf_counter() - started) * 1000 / len(timed)
    batch_cpu = (time.process_time() - cpu) * 1000 / len(timed)
    digest = hashlib.sha256("\n".join(map(repr, answers + batched)).encode()).hexdigest()
    return {
        "alone_median_ms": round(statistics.median(alone), 3),
        "alone_cpu_ms_per_ticket": round(alone_cpu, 3),
        "batch16_ms_per_ticket": round(per_ticket, 3),
        "batch16_cpu_ms_per_ticket": round(batch_cpu, 3),
        "answers_sha256": digest[:16],
    }


def one_run(checkout: Path, bundle: Path, args: argparse.Namespace) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONWARNINGS": "ignore"}
    spec = [str(bundle), str(args.data.resolve()), str(args.warm), str(args.tickets)]
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", *spec]
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{checkout}: {done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", type=int, default=400)
    parser.add_argument("--tickets", type=int, default=800)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "generated" / "test.jsonl")
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=CHECKOUT:BUNDLE")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # here only: a --measure run imports its checkout's code
    from bench.startup import compared_checkouts

    checkouts = compared_checkouts(args.model, args.compare)
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in checkouts}
    lines = []
    for run in range(1, args.runs + 1):
        for name, (checkout, bundle) in checkouts.items():
            found = one_run(checkout, bundle, args)
            runs[name].append(found)
            alone, batched = found["alone_median_ms"], found["batch16_ms_per_ticket"]
            alone_cpu, batch_cpu = (
                found["alone_cpu_ms_per_ticket"],
                found["batch16_cpu_ms_per_ticket"],
            )
            lines.append(
                f"| {run} | {name} | {alone} | {alone_cpu} | {batched} | {batch_cpu} "
                f"| {found['answers_sha256']} |"
            )
            print(
                f"run {run} {name:>14}: alone {alone} ms ({alone_cpu} CPU), "
                f"batch of {BATCH} {batched} ms/ticket ({batch_cpu} CPU)"
            )
    command = " ".join(["python", "bench/compute.py", *sys.argv[1:]])
    out = ROOT / "bench" / "results"
    (out / "compute.json").write_text(json.dumps({"command": command, "runs": runs}, indent=2))
    (out / "compute.md").write_text(
        "# In-process compute per ticket of a Triage call, side by side\n\n"
        f"`{command}` on {platform.machine()}, {os.cpu_count()} cores, shared; {args.warm} "
        f"test-split tickets to warm, then {args.tickets} others, one at a time (median ms of a "
        f"call, and CPU ms per ticket) and in batches of {BATCH} (ms and CPU ms per ticket; "
        "CPU counts every thread of the process). Runs alternate between the checkouts; equal "
        "digests mean equal answers.\n\n"
        f"| run | checkout | alone, median ms | alone, CPU ms | batches of {BATCH}, ms "
        f"| batches of {BATCH}, CPU ms | answers digest |\n|---:|---|---:|---:|---:|---:|---|\n"
        + "\n".join(lines)
        + "\n"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        bundle, data, warm, count = sys.argv[2:6]
        print(json.dumps(measure(Path(bundle), Path(data), int(warm), int(count))))
    else:
        main()
