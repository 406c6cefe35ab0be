"""Start-up and memory of `triage serve`, side by side with another checkout (issue 13; not a
test).

    .venv/bin/python bench/startup.py --model DIR [--runs 4] [--workers N]
        [--compare NAME=CHECKOUT:BUNDLE ...]

Starts `triage serve --model DIR` --runs times (and, with --compare, the server of another
checkout of this project on its own bundle, alternating with ours run by run, so both meet the
same moments of a shared machine) and reports, per run, the seconds from spawn to a SERVING
health answer and each process's peak RSS; writes bench/results/startup.{md,json}. To compare
with an older commit:

    git worktree add /tmp/old COMMIT
    .venv/bin/python bench/startup.py --model bench/out/fast-model \\
        --compare old=/tmp/old:bench/out/fast-model-old
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import free_port, memory_mb, wait_serving  # noqa: E402


def one_start(checkout: Path, bundle: Path, workers: int) -> tuple[float, list[float]]:
    """(seconds to SERVING, peak RSS MB of each process) of one `triage serve` of `checkout`."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="startup-") as scratch:
        env = {
            **os.environ,
            "PYTHONPATH": str(checkout),
            "TRIAGE_POLICY_DIR": f"{scratch}/policy",
            "PYTHONWARNINGS": "ignore",
        }
        command = [sys.executable, "-m", "triage.cli", "serve", "--model", str(bundle)]
        command += ["--port", str(port), "--workers", str(workers)]
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_serving(f"127.0.0.1:{port}", process, 180)
            seconds = time.monotonic() - started
            time.sleep(1.0)  # the workers of a pool come up after the first answers
            peaks = list(memory_mb(process.pid)["peak_rss"].values())
        finally:
            process.terminate()
            process.wait(60)
    return seconds, peaks


def compared_checkouts(model: Path, specs: list[str]) -> dict[str, tuple[Path, Path]]:
    """Name -> (checkout, bundle): this checkout with `model`, then each NAME=CHECKOUT:BUNDLE
    of `--compare` (BUNDLE relative to CHECKOUT, or absolute)."""
    checkouts = {"this checkout": (ROOT, model.resolve())}
    for spec in specs:
        name, _, where = spec.partition("=")
        checkout, _, bundle = where.partition(":")
        checkouts[name] = (Path(checkout).resolve(), Path(checkout, bundle).resolve())
    return checkouts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=CHECKOUT:BUNDLE")
    args = parser.parse_args()
    servers = compared_checkouts(args.model, args.compare)
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in servers}
    lines = []
    for run in range(1, args.runs + 1):
        for name, (checkout, bundle) in servers.items():
            seconds, peaks = one_start(checkout, bundle, args.workers)
            runs[name].append({"seconds": round(seconds, 2), "peak_rss_mb": peaks})
            rss = ", ".join(f"{mb:.0f}" for mb in peaks)
            lines.append(f"| {run} | {name} | {seconds:.2f} | {rss} |")
            print(f"run {run} {name:>14}: {seconds:5.2f} s to SERVING, peak RSS {rss} MB")
    command = " ".join(["python", "bench/startup.py", *sys.argv[1:]])
    out = ROOT / "bench" / "results"
    (out / "startup.json").write_text(json.dumps({"command": command, "runs": runs}, indent=2))
    (out / "startup.md").write_text(
        "# Start-up and memory of `triage serve`, side by side\n\n"
        f"`{command}` on {platform.machine()}, {os.cpu_count()} cores, shared; "
        f"{args.workers} worker(s). Runs alternate between the servers.\n\n"
        "| run | server | seconds to SERVING | peak RSS MB per process |\n|---:|---|---:|---|\n"
        + "\n".join(lines)
        + "\n"
    )


if __name__ == "__main__":
    main()
