"""The promotion gate of the Model Registry: evaluate a candidate version and the `champion` on
the same held-out data (training.evaluation.evaluate, as `triage evaluate` does), compare them
head by head, move `champion` only when the candidate is no worse beyond a tolerance anywhere and
better somewhere, log the comparison as an MLflow run; and roll `champion` back to `previous`.

Aliases of a registered model NAME:
- `champion`: the version that serves (`models:/NAME@champion`).
- `previous`: the champion before the last move (promotion, forced or not, or rollback), so a
  rollback is one command and a second rollback swaps back.
- `challenger`: the last candidate that was evaluated and not promoted; set when evaluation
  starts, removed when that candidate is promoted (what `serve --shadow` can follow)."""

from __future__ import annotations

import getpass
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import mlflow
from mlflow.exceptions import MlflowException

from training import tracking
from training.dataset import Dataset
from training.evaluation import Evaluation, evaluate
from triage.bundle import load_bundle
from triage.errors import ConfigError, ModelNotFound
from triage.lifecycle import registry
from triage.lifecycle.registry import ModelRef
from triage.settings import Settings

CHAMPION, PREVIOUS, CHALLENGER = "champion", "previous", "challenger"
EXPERIMENT = "triage-promote"
DEFAULT_TOLERANCE = 0.005
REFUSED = 1
"""Exit status of `triage promote` when the gate refuses (2 stays for usage errors)."""

HIGHER_IS_BETTER = {"accuracy": True, "macro_f1": True, "ece": False}
"""The metrics the gate compares, per head, and which way is better."""
_EPS = 1e-12  # float noise is neither better nor worse

FORCED_BY, FORCED_REASON, FORCED_AT = "triage.forced_by", "triage.forced_reason", "triage.forced_at"


@dataclass(frozen=True)
class Row:
    head: str
    metric: str
    champion: float | None
    candidate: float | None
    verdict: str
    """better | equal | within tolerance | WORSE | MISSING (champion's head the candidate lacks)
    | new head (only the candidate has it: not compared) | first (no champion yet)."""

    @property
    def delta(self) -> float | None:
        if self.champion is None or self.candidate is None:
            return None
        return self.candidate - self.champion

    @property
    def blocks(self) -> bool:
        return self.verdict in ("WORSE", "MISSING")


@dataclass
class Comparison:
    rows: list[Row]
    tolerance: float
    champion_version: str | None
    candidate_version: str

    @property
    def blocking(self) -> list[Row]:
        return [r for r in self.rows if r.blocks]

    @property
    def improved(self) -> bool:
        return any(r.verdict == "better" for r in self.rows)

    @property
    def passed(self) -> bool:
        return self.champion_version is None or (not self.blocking and self.improved)

    def reason(self) -> str:
        """One line: why the gate refuses (the first blocking head and metric), or passes."""
        cand, champ = f"candidate {self.candidate_version}", f"champion {self.champion_version}"
        if self.champion_version is None:
            return f"{cand} becomes the first champion"
        blocking = self.blocking
        if blocking:
            first = blocking[0]
            if first.verdict == "MISSING":
                why = f"{cand} has no {first.head} head ({champ} has one)"
            else:
                assert first.champion is not None and first.candidate is not None
                why = (
                    f"{cand} is worse than {champ} on {first.head} {first.metric}: "
                    f"{first.candidate:.4f} vs {first.champion:.4f} "
                    f"(tolerance {self.tolerance:g}, {_better_way(first.metric)} is better)"
                )
            more = len(blocking) - 1
            return why + (f"; also blocked by {more} more head/metric" if more else "")
        if not self.improved:
            return f"{cand} is not better than {champ} on any head and metric"
        return (
            f"{cand} is no worse than {champ} beyond {self.tolerance:g} and better on "
            + ", ".join(f"{r.head} {r.metric}" for r in self.rows if r.verdict == "better")
        )

    def to_json(self) -> dict[str, object]:
        return {
            "champion_version": self.champion_version,
            "candidate_version": self.candidate_version,
            "tolerance": self.tolerance,
            "passed": self.passed,
            "reason": self.reason(),
            "rows": [
                {
                    "head": r.head,
                    "metric": r.metric,
                    "champion": r.champion,
                    "candidate": r.candidate,
                    "delta": r.delta,
                    "verdict": r.verdict,
                }
                for r in self.rows
            ],
        }


def _better_way(metric: str) -> str:
    return "higher" if HIGHER_IS_BETTER[metric] else "lower"


def _verdict(metric: str, champion: float, candidate: float, tolerance: float) -> str:
    gain = candidate - champion if HIGHER_IS_BETTER[metric] else champion - candidate
    if gain > _EPS:
        return "better"
    if gain >= -_EPS:
        return "equal"
    return "within tolerance" if gain >= -tolerance - _EPS else "WORSE"


def compare(
    champion: Evaluation | None,
    candidate: Evaluation,
    tolerance: float,
    champion_version: str | None,
    candidate_version: str,
) -> Comparison:
    """Row per head and compared metric, the champion's heads first. A head only the champion
    has blocks (the candidate would drop a prediction callers rely on); a head only the
    candidate has is reported and not compared."""
    rows: list[Row] = []
    if champion is None:
        for head, ev in candidate.heads.items():
            rows += [Row(head, m, None, ev.metrics[m], "first") for m in HIGHER_IS_BETTER]
        return Comparison(rows, tolerance, None, candidate_version)
    for head, old in champion.heads.items():
        new = candidate.heads.get(head)
        for m in HIGHER_IS_BETTER:
            if new is None:
                rows.append(Row(head, m, old.metrics[m], None, "MISSING"))
            else:
                verdict = _verdict(m, old.metrics[m], new.metrics[m], tolerance)
                rows.append(Row(head, m, old.metrics[m], new.metrics[m], verdict))
    for head, new in candidate.heads.items():
        if head not in champion.heads:
            rows += [Row(head, m, None, new.metrics[m], "new head") for m in HIGHER_IS_BETTER]
    return Comparison(rows, tolerance, champion_version, candidate_version)


def format_comparison(comparison: Comparison) -> str:
    champ = f"v{comparison.champion_version}" if comparison.champion_version else "(none)"
    cand = f"v{comparison.candidate_version}"

    def cell(value: float | None, signed: bool = False) -> str:
        return "-" if value is None else f"{value:+.4f}" if signed else f"{value:.4f}"

    lines = [
        f"{'head':<11} {'metric':<9} {'champion ' + champ:>14} {'candidate ' + cand:>14} "
        f"{'delta':>8}  verdict"
    ]
    for r in comparison.rows:
        lines.append(
            f"{r.head:<11} {r.metric:<9} {cell(r.champion):>14} {cell(r.candidate):>14} "
            f"{cell(r.delta, signed=True):>8}  {r.verdict}"
        )
    return "\n".join(lines)


@dataclass
class Outcome:
    decision: str
    """promoted | first-champion | forced | refused"""
    comparison: Comparison
    run_id: str
    champion: str
    """The version behind `champion` afterwards."""
    previous: str | None
    """The version behind `previous` afterwards."""

    @property
    def moved(self) -> bool:
        return self.decision != "refused"


def check_model(name: str) -> None:
    """ModelNotFound (one line) for a name the registry does not know."""
    try:
        registry.client().get_registered_model(name)
    except MlflowException as exc:
        raise ModelNotFound(
            f"{name}: no such registered model at {registry.tracking_uri().split('@')[-1]}"
        ) from exc


def resolve_candidate(name: str, version: str) -> tuple[ModelRef, str | None]:
    """The candidate's ref and the champion's version (None without one); a candidate that is
    the champion already is a usage error."""
    check_model(name)
    candidate = registry.resolve(f"{registry.URI_PREFIX}{name}/{version}")
    champion = registry.alias_version(name, CHAMPION)
    if champion == candidate.version:
        raise ConfigError(f"--candidate: version {version} is already the champion of {name}")
    return candidate, champion


def _evaluate_version(
    ref: ModelRef, data: Dataset, settings: Settings, threshold: float
) -> Evaluation:
    bundle = registry.fetch_bundle(ref, settings.model_cache_dir)
    model = load_bundle(bundle, key=settings.model_key)  # as `triage evaluate` loads a bundle
    return evaluate(model, data, escalation_threshold=threshold)


def promote(
    candidate: ModelRef,
    champion_version: str | None,
    data: Dataset,
    data_path: Path,
    settings: Settings,
    *,
    threshold: float,
    tolerance: float = DEFAULT_TOLERANCE,
    force_reason: str | None = None,
) -> Outcome:
    """Evaluate, compare, log the MLflow run and move the aliases when the gate passes (or
    `force_reason` is given: then the candidate version records who forced it, when and why)."""
    name = candidate.name
    if champion_version is not None:  # under evaluation now; stays if not promoted
        registry.set_alias(name, CHALLENGER, candidate.version)
    new = _evaluate_version(candidate, data, settings, threshold)
    old = (
        None
        if champion_version is None
        else _evaluate_version(ModelRef(name, champion_version), data, settings, threshold)
    )
    comparison = compare(old, new, tolerance, champion_version, candidate.version)
    if champion_version is None:
        decision = "first-champion"
    elif comparison.passed:
        decision = "promoted"
    else:
        decision = "forced" if force_reason is not None else "refused"
    tags = {
        "triage.command": "promote",
        "triage.model_name": name,
        "triage.candidate_version": candidate.version,
        "triage.champion_version": champion_version or "",
        "triage.decision": decision,
        "triage.reason": comparison.reason()[:4000],
        "triage.data": str(data_path.resolve()),
    }
    run_name = f"promote {name} v{candidate.version} over " + (
        f"v{champion_version}" if champion_version else "no champion"
    )
    client = registry.client()
    with tracking.start_run(EXPERIMENT, run_name=run_name, tags=tags) as run:
        tracking.describe_run(f"{decision}: {comparison.reason()}")
        mlflow.log_params({"tolerance": tolerance, "data": str(data_path.resolve())})
        metrics = {
            f"{side}.{head}.{metric}": value
            for side, ev in (("candidate", new), ("champion", old))
            if ev is not None
            for head, h in ev.heads.items()
            for metric, value in h.metrics.items()
            if math.isfinite(value)
        }
        mlflow.log_metrics(metrics)
        mlflow.log_text(format_comparison(comparison) + "\n", "comparison.txt")
        mlflow.log_dict(comparison.to_json(), "comparison.json")
        if force_reason is not None:  # recorded even when the gate would have passed
            for key, value in (
                (FORCED_BY, getpass.getuser()),
                (FORCED_REASON, force_reason),
                (FORCED_AT, datetime.now(UTC).isoformat(timespec="seconds")),
            ):
                client.set_model_version_tag(name, candidate.version, key, value)
                mlflow.set_tag(key, value)
        previous = registry.alias_version(name, PREVIOUS)
        if decision != "refused":
            registry.set_alias(name, CHAMPION, candidate.version)
            if champion_version is not None:
                registry.set_alias(name, PREVIOUS, champion_version)
                previous = champion_version
            if registry.alias_version(name, CHALLENGER) == candidate.version:
                registry.delete_alias(name, CHALLENGER)
        client.set_model_version_tag(
            name, candidate.version, "triage.promote_run_id", run.info.run_id
        )
    return Outcome(
        decision=decision,
        comparison=comparison,
        run_id=run.info.run_id,
        champion=candidate.version if decision != "refused" else str(champion_version),
        previous=previous,
    )


def rollback(name: str) -> tuple[str, str | None, str]:
    """Move `champion` back to `previous` and `previous` to the champion it replaces (so a second
    rollback swaps back); (champion, previous, MLflow run id) afterwards. ConfigError when there
    is no `previous`."""
    check_model(name)
    target = registry.alias_version(name, PREVIOUS)
    if target is None:
        raise ConfigError(
            f"{name} has no `previous` version to roll back to (it is set when champion moves)"
        )
    current = registry.alias_version(name, CHAMPION)
    tags = {
        "triage.command": "promote --rollback",
        "triage.model_name": name,
        "triage.champion_version": target,
        "triage.replaced_version": current or "",
        "triage.decision": "rollback",
        "triage.by": getpass.getuser(),
    }
    with tracking.start_run(EXPERIMENT, f"rollback {name} to v{target}", tags) as run:
        registry.set_alias(name, CHAMPION, target)
        if current is None:
            registry.delete_alias(name, PREVIOUS)
        else:
            registry.set_alias(name, PREVIOUS, current)
    return target, current, run.info.run_id
