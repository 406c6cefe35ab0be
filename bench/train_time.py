"""Training time (issue 13; not a test): `make bench-train-time`.

    .venv/bin/python bench/train_time.py [--run BUILDER=SIZES ...] [--fresh]

For each run (default: tfidf_linear.v3 at 20k, 100k and 300k tickets, tfidf_embed.v1 at 20k and
100k), generates the default corpus of that size into bench/out/corpora/<size>/ when missing
(data/generate_tickets.py --n N: seeded, about 80 % train / 20 % test), then times the real CLI
as a subprocess:

    triage train --data train.jsonl --test-data test.jsonl --column-map group=part_group
                 --builder BUILDER --out bench/out/train-time/<builder>-<size> --no-progress

with MLflow pointed at a scratch store (bench/out/train-time/mlruns.db), so mlruns/ is left
alone. Measured per run: wall time, CPU time (user + system of the trainer and the workers it
forks), the largest peak RSS of any one of those processes (getrusage), and the peak of their
summed PSS (sampled from /proc every 0.5 s: shared copy-on-write pages counted once); from
them seconds per 1,000 tickets and the growth exponent between consecutive sizes (the slope of
log time over log size: 1.0 is linear). The held-out metrics of each bundle are kept too.
TRIAGE_TRAIN_WORKERS is passed through.

Results merge into bench/results/train_time.json by (builder, size), so sizes can be run in
separate sittings (--fresh drops the earlier ones); bench/results/train_time.md is rewritten
from all of them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CORPORA = OUT / "corpora"
SCRATCH = OUT / "train-time"
RESULTS = ROOT / "bench" / "results"
DEFAULT_RUNS = ("tfidf_linear.v3=20k,100k,300k", "tfidf_embed.v1=20k,100k")
HEADS = ("topic", "priority", "tier", "sentiment", "queue", "escalation")
SAMPLE_SECONDS = 0.5


def tickets(size: str) -> int:
    """'20k' -> 20000, '1500' -> 1500."""
    text = size.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def parse_run(spec: str) -> tuple[str, list[str]]:
    builder, sep, sizes = spec.partition("=")
    if not sep or not builder or not sizes:
        raise SystemExit(f"train_time.py: --run: expected BUILDER=SIZE,SIZE..., got {spec!r}")
    return builder, [s.strip() for s in sizes.split(",") if s.strip()]


def corpus(size: str) -> Path:
    """bench/out/corpora/<size>/, generated when its manifest is missing."""
    folder = CORPORA / size
    if not (folder / "manifest.json").is_file():
        print(f"generating the {size} corpus in {folder} ...", flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "data" / "generate_tickets.py"), "--out", str(folder)]
            + ["--n", str(tickets(size))],
            check=True,
        )
    return folder


def _tree(root: int) -> list[int]:
    """`root` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process tree until stopped; `peak_kb` is the largest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_SECONDS):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))


def _relative(path: Path) -> str:
    """`path` as the command line shows it: relative to the repository (the runs' cwd)."""
    return os.path.relpath(path, ROOT)


def triage_command() -> list[str]:
    script = Path(sys.executable).parent / "triage"
    if script.is_file():
        return [_relative(script)]
    return [_relative(Path(sys.executable)), "-m", "triage.cli"]


def run_one(builder: str, size: str) -> dict[str, Any]:
    folder = corpus(size)
    out = SCRATCH / f"{builder}-{size}"
    shutil.rmtree(out, ignore_errors=True)
    command = triage_command() + [
        "train",
        "--data",
        _relative(folder / "train.jsonl"),
        "--test-data",
        _relative(folder / "test.jsonl"),
        "--column-map",
        "group=part_group",
        "--builder",
        builder,
        "--out",
        _relative(out),
        "--name",
        f"train-time-{builder}-{size}",
        "--experiment",
        "train-time",
        "--no-progress",
    ]
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{SCRATCH / 'mlruns.db'}"}
    print(f"{builder} on {size}: {' '.join(command)}", flush=True)
    log = SCRATCH / f"{builder}-{size}.log"
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=sink, stderr=sink)
        memory = TreeMemory(process.pid)
        memory.start()
        # wait4: this child's own usage, which includes the workers it forked and waited for
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    memory.stopped.set()
    memory.join()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = log.read_text(encoding="utf-8")[-4000:]
        raise SystemExit(f"triage train failed ({code}); the end of {log}:\n{tail}")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    n_train, n_test = int(meta["n_train"]), int(meta["n_test"])
    return {
        "builder": builder,
        "size": size,
        "tickets": n_train + n_test,
        "n_train": n_train,
        "n_test": n_test,
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "s_per_1k_tickets": round(wall / (n_train + n_test) * 1000, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),  # the largest single process
        "peak_tree_pss_mb": round(memory.peak_kb / 1024),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "metrics": {
            head: {k: round(float(m[k]), 4) for k in ("accuracy", "macro_f1", "ece") if k in m}
            for head, m in meta["metrics"].items()
            if head in HEADS
        },
        "workers": os.environ.get("TRIAGE_TRAIN_WORKERS", "0 (one per core)"),
        "git_commit": meta.get("git_commit", ""),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(command),
    }


def growth(runs: list[dict[str, Any]]) -> None:
    """Adds `growth_exponent` (log-log slope of wall time against the previous size) per
    builder, sizes in order."""
    by_builder: dict[str, list[dict[str, Any]]] = {}
    for r in runs:
        by_builder.setdefault(r["builder"], []).append(r)
    for rows in by_builder.values():
        rows.sort(key=lambda r: r["tickets"])
        rows[0]["growth_exponent"] = None
        for prev, cur in zip(rows, rows[1:], strict=False):
            ratio = math.log(cur["tickets"] / prev["tickets"])
            cur["growth_exponent"] = round(math.log(cur["wall_s"] / prev["wall_s"]) / ratio, 2)


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Training time (`make bench-train-time`)",
        "",
        f"Machine: {report['machine']}. Every run is one `triage train` of the default corpus "
        "of that size (80 % train, 20 % held out; generated by data/generate_tickets.py --n), "
        "through the real CLI, MLflow to a scratch store. The machine is shared with other work "
        "(load average before/after each run below): wall times are indicative, CPU time "
        "(trainer and its forked workers) is the steadier measure of work.",
        "",
        "| builder | size | train / test | wall s | CPU s | s per 1k tickets | growth exponent "
        "| peak RSS MB (one process) | peak PSS MB (all) | load before/after |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in report["runs"]:
        exponent = "-" if r.get("growth_exponent") is None else f"{r['growth_exponent']:.2f}"
        lines.append(
            f"| {r['builder']} | {r['size']} | {r['n_train']} / {r['n_test']} | {r['wall_s']:.0f} "
            f"| {r['cpu_s']:.0f} | {r['s_per_1k_tickets']:.2f} | {exponent} | {r['peak_rss_mb']} "
            f"| {r['peak_tree_pss_mb']} | {r['load_average_before']} / {r['load_average_after']} |"
        )
    lines += [
        "",
        "Growth exponent: slope of log(wall time) over log(tickets) from the previous size of "
        "the same builder (1.0 = linear).",
        "",
        "Held-out accuracy / macro-F1 / ECE of each bundle:",
        "",
        "| builder | size | " + " | ".join(HEADS) + " |",
        "| --- | --- | " + " | ".join("---" for _ in HEADS) + " |",
    ]
    for r in report["runs"]:
        cells = []
        for head in HEADS:
            m = r["metrics"].get(head)
            cells.append(
                f"{m['accuracy']:.3f} / {m['macro_f1']:.3f} / {m['ece']:.3f}" if m else "-"
            )
        lines.append(f"| {r['builder']} | {r['size']} | " + " | ".join(cells) + " |")
    if report.get("notes"):  # written by hand into the JSON, kept across runs
        lines += ["", "Notes:", ""] + [f"- {note}" for note in report["notes"]]
    lines += ["", "Commands:", ""] + [f"    {r['command']}" for r in report["runs"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--run",
        action="append",
        metavar="BUILDER=SIZES",
        help=f"builder and sizes, e.g. tfidf_linear.v2=20k,100k (default: {' '.join(DEFAULT_RUNS)}"
        ")",
    )
    parser.add_argument("--fresh", action="store_true", help="drop earlier results first")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    SCRATCH.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "train_time.json"
    kept = {} if args.fresh or not path.is_file() else json.loads(path.read_text())
    earlier, notes = kept.get("runs", []), kept.get("notes", [])
    runs = {(r["builder"], r["size"]): r for r in earlier}
    for spec in args.run or DEFAULT_RUNS:
        builder, sizes = parse_run(spec)
        for size in sizes:
            result = run_one(builder, size)
            runs[(builder, size)] = result
            print(
                f"  {result['wall_s']:.0f} s wall, {result['cpu_s']:.0f} s CPU, "
                f"peak RSS {result['peak_rss_mb']} MB",
                flush=True,
            )
            report = {
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, shared",
                "runs": sorted(runs.values(), key=lambda r: (r["builder"], r["tickets"])),
                "notes": notes,
            }
            growth(report["runs"])
            path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
            (args.out / "train_time.md").write_text(markdown(report), encoding="utf-8")
    print(f"wrote {path} and {args.out / 'train_time.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
