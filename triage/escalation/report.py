"""`triage policy validate | simulate`: the ops side of the policy, offline. Simulation loads a
bundle, replays labelled history under the candidate policy, prints the per-flag report and a
threshold sweep table, and writes a PNG of escalations / precision / recall against the
threshold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from triage.escalation.datasets import read_history
from triage.escalation.policy import candidate_policy, policy_problems
from triage.escalation.simulate import (
    SimulationReport,
    Stats,
    history_signals,
    simulate,
    sweep,
)

SWEEP = tuple(round(0.05 * i, 2) for i in range(1, 20))


def validate_file(path: Path) -> list[str]:
    """Problems of the policy file as `FILE:LINE: key: message` lines (empty when valid)."""
    problems = policy_problems(Path(path).read_text(encoding="utf-8"))
    return [f"{path}:{p.line}: {p.key or '<root>'}: {p.message}" for p in problems]


def _row(s: Stats) -> str:
    return (
        f"{s.code:<18} {s.escalations:>7} {s.true_positives:>5} {s.precision:>9.3f} "
        f"{s.recall:>7.3f} {s.changed:>8}"
    )


def format_report(report: SimulationReport, rows: Sequence[Stats]) -> str:
    header = f"{'':<18} {'escal.':>7} {'TP':>5} {'precision':>9} {'recall':>7} {'changed':>8}"
    lines = [
        f"{report.tickets} tickets, {report.recorded} recorded escalations; "
        f"changes counted against the policy {report.current_version}",
        "",
        header,
        _row(report.overall),
        *(_row(s) for s in report.flags),
    ]
    if report.per_day:
        days = [n for _, n in report.per_day]
        lines += [
            "",
            f"escalations per day: {len(days)} days, mean {sum(days) / len(days):.1f}, "
            f"max {max(days)} ({max(report.per_day, key=lambda d: d[1])[0]})",
        ]
    lines += ["", "threshold sweep (global risk threshold; flags as in the policy):", header]
    lines += [_row(s) for s in rows]
    return "\n".join(lines)


def plot_sweep(rows: Sequence[Stats], tickets: int, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    thresholds = [float(s.code) for s in rows]
    fig, left = plt.subplots(figsize=(7, 4))
    left.plot(thresholds, [s.precision for s in rows], marker="o", label="precision")
    left.plot(thresholds, [s.recall for s in rows], marker="s", label="recall")
    left.set_xlabel("risk threshold")
    left.set_ylabel("precision / recall")
    left.set_ylim(0, 1.02)
    right = left.twinx()
    right.plot(
        thresholds, [s.escalations for s in rows], color="grey", linestyle="--", label="escalations"
    )
    right.set_ylabel(f"escalations (of {tickets} tickets)")
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    left.legend(handles=handles, loc="center right")
    left.set_title("What the escalation threshold would do")
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def simulate_file(
    policy_path: Path,
    data_path: Path,
    model_dir: Path,
    current_path: Path,
    plot_path: Path | None = None,
    thresholds: Sequence[float] = SWEEP,
    model_key: str = "",
) -> tuple[str, SimulationReport, list[Stats]]:
    """`model_key` (settings.model_key) checks the bundle's signature."""
    from triage.bundle import load_bundle

    candidate = candidate_policy(Path(policy_path).read_text(encoding="utf-8"))
    current = candidate_policy(Path(current_path).read_text(encoding="utf-8"))
    label = f"{Path(current_path).name} ({current.version.sha256[:8]})"
    current = replace(current, version=replace(current.version, version=label))
    history = read_history(data_path)
    model = load_bundle(model_dir, key=model_key)
    signals = history_signals(model, history)
    outcomes = [h.escalated for h in history]
    report = simulate(signals, outcomes, candidate, current)
    rows = sweep(signals, outcomes, candidate, thresholds)
    if plot_path is not None:
        plot_sweep(rows, report.tickets, plot_path)
    return format_report(report, rows), report, rows
