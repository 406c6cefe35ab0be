"""What-if: replay labelled history under a candidate policy and compare with the recorded
`escalated` outcome and with the policy in force. Signals are computed once per ticket; each
policy (or threshold in a sweep) only re-runs the cheap `decide`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from triage.domain import Ticket
from triage.escalation.datasets import LabelledTicket
from triage.escalation.engine import Signals, decide
from triage.escalation.flags import FLAG_CODES
from triage.escalation.policy import ActivePolicy

OVERALL = "OVERALL"


@dataclass(frozen=True)
class Stats:
    code: str
    escalations: int
    true_positives: int
    precision: float
    recall: float
    changed: int


@dataclass(frozen=True)
class SimulationReport:
    tickets: int
    recorded: int
    overall: Stats
    flags: tuple[Stats, ...]
    per_day: tuple[tuple[str, int], ...]
    current_version: str


def _ratio(a: int, b: int) -> float:
    return round(a / b, 6) if b else 0.0


def _stats(code: str, decided: list[bool], outcome: Sequence[bool], before: list[bool]) -> Stats:
    n = sum(decided)
    tp = sum(d and o for d, o in zip(decided, outcome, strict=True))
    changed = sum(a != b for a, b in zip(decided, before, strict=True))
    return Stats(code, n, tp, _ratio(tp, n), _ratio(tp, sum(outcome)), changed)


def reference_time(ticket: Ticket) -> datetime:
    """History is judged as it stood when the ticket arrived (its created_at)."""
    created = ticket.created_at or datetime.now(UTC)
    return created if created.tzinfo else created.replace(tzinfo=UTC)


def _decisions(
    signals: Sequence[Signals], active: ActivePolicy
) -> tuple[list[bool], dict[str, list[bool]]]:
    overall: list[bool] = []
    flags: dict[str, list[bool]] = {code: [] for code in FLAG_CODES}
    for s in signals:
        escalation, _ = decide(s, active, reference_time(s.ticket))
        overall.append(escalation.escalate)
        for flag in escalation.flags:
            flags[flag.code].append(flag.raised)
    return overall, flags


def simulate(
    signals: Sequence[Signals],
    outcomes: Sequence[bool],
    candidate: ActivePolicy,
    current: ActivePolicy,
) -> SimulationReport:
    new_overall, new_flags = _decisions(signals, candidate)
    old_overall, old_flags = _decisions(signals, current)
    days: Counter[str] = Counter()
    for s, escalate in zip(signals, new_overall, strict=True):
        if escalate and s.ticket.created_at is not None:
            days[reference_time(s.ticket).date().isoformat()] += 1
    return SimulationReport(
        tickets=len(signals),
        recorded=sum(outcomes),
        overall=_stats(OVERALL, new_overall, outcomes, old_overall),
        flags=tuple(
            _stats(code, new_flags[code], outcomes, old_flags[code]) for code in FLAG_CODES
        ),
        per_day=tuple(sorted(days.items())),
        current_version=current.version.version,
    )


def sweep(
    signals: Sequence[Signals],
    outcomes: Sequence[bool],
    candidate: ActivePolicy,
    thresholds: Iterable[float],
) -> list[Stats]:
    """Overall stats for the candidate with its global threshold set to each value (code is the
    threshold, formatted); `changed` is against the candidate itself."""
    base, _ = _decisions(signals, candidate)
    out = []
    for threshold in thresholds:
        variant = ActivePolicy(candidate.policy.with_threshold(threshold), candidate.version)
        decided, _ = _decisions(signals, variant)
        out.append(_stats(f"{threshold:.2f}", decided, outcomes, base))
    return out


HISTORY_BATCH = 256


def history_signals(model: Any, history: Sequence[LabelledTicket]) -> list[Signals]:
    """Signals of labelled tickets under `model` (a TriageModel), in batches; the recorded queue
    stands in for routing."""
    out: list[Signals] = []
    for start in range(0, len(history), HISTORY_BATCH):
        chunk = history[start : start + HISTORY_BATCH]
        analysis = model.analyse([h.ticket for h in chunk], queues=[h.queue for h in chunk])
        out.extend(analysis.signals)
    return out
