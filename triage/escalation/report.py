"""`triage policy validate | simulate`: the ops side of the policy, offline. Simulation loads a
bundle, replays labelled history under the candidate policy, prints the per-flag report and a
threshold sweep table, and writes a PNG of escalations / precision / recall against the
threshold."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from triage.escalation.datasets import read_history
from triage.escalation.policy import candidate_policy, policy_problems
from triage.escalation.simulate import (
    SimulationReport,
    Stats,
    history_signals,
    simulate,
    sweep,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SWEEP = tuple(round(0.05 * i, 2) for i in range(1, 20))


def validate_file(path: Path) -> list[str]:
    """Problems of the policy file as `FILE:LINE: key: message` lines (empty when valid)."""
    problems = policy_problems(Path(path).read_text(encoding="utf-8"))
    return [f"{path}:{p.line}: {p.key or '<root>'}: {p.message}" for p in problems]


CHANGED_WIDTH = 12


def _row(s: Stats) -> str:
    return (
        f"{s.code:<18} {s.escalations:>7} {s.true_positives:>5} {s.precision:>9.3f} "
        f"{s.recall:>7.3f} {s.changed:>{CHANGED_WIDTH}}"
    )


def _header(changed: str) -> str:
    """The table header; `changed` names the policy the changed decisions are counted against."""
    return (
        f"{'':<18} {'escal.':>7} {'TP':>5} {'precision':>9} {'recall':>7} "
        f"{changed:>{CHANGED_WIDTH}}"
    )


def format_report(report: SimulationReport, rows: Sequence[Stats]) -> str:
    """The candidate's report (changes against the current policy), then the sweep (changes
    against the candidate as written: the sweep varies only its threshold)."""
    lines = [
        f"{report.tickets} tickets, {report.recorded} recorded escalations; "
        f"'vs current' counts decisions that differ from the current policy "
        f"{report.current_version}",
        "",
        _header("vs current"),
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
    lines += [
        "",
        "threshold sweep (the candidate with its global risk threshold set to each value; "
        "'vs candidate' counts decisions that differ from the candidate as written):",
        _header("vs candidate"),
    ]
    lines += [_row(s) for s in rows]
    return "\n".join(lines)


def sweep_figure(
    rows: Sequence[Stats], tickets: int, *, current_threshold: float, candidate_threshold: float
) -> Figure:
    """Precision, recall and escalations against the threshold, with the current and the
    candidate policy's thresholds marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    thresholds = [float(s.code) for s in rows]
    fig, left = plt.subplots(figsize=(7, 4.6))
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
    # current solid and wide, candidate dotted on top: both stay visible when they coincide
    left.axvline(
        current_threshold,
        color="black",
        linewidth=2.5,
        alpha=0.5,
        label=f"current policy ({current_threshold:.2f})",
    )
    left.axvline(
        candidate_threshold,
        color="tab:red",
        linestyle=":",
        linewidth=2,
        label=f"candidate policy ({candidate_threshold:.2f})",
    )
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    # below the axes: inside, the legend would hide part of the curves
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    left.set_title("What the escalation threshold would do")
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    return fig


def plot_sweep(
    rows: Sequence[Stats],
    tickets: int,
    path: Path,
    *,
    current_threshold: float,
    candidate_threshold: float,
) -> Path:
    """`sweep_figure` as a PNG at `path`."""
    import matplotlib.pyplot as plt

    fig = sweep_figure(
        rows,
        tickets,
        current_threshold=current_threshold,
        candidate_threshold=candidate_threshold,
    )
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
        plot_sweep(
            rows,
            report.tickets,
            plot_path,
            current_threshold=current.policy.threshold,
            candidate_threshold=candidate.policy.threshold,
        )
    return format_report(report, rows), report, rows
