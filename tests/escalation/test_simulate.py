"""The what-if simulator, checked against a hand computation on a small history."""

from __future__ import annotations

from datetime import UTC, datetime

from triage.domain import Customer, EvidenceSpan, Ticket
from triage.escalation.engine import Signals
from triage.escalation.flags import TextMatches
from triage.escalation.policy import candidate_policy
from triage.escalation.simulate import simulate, sweep
from triage.settings import PROJECT_ROOT

TEXT = (PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8")
CURRENT = candidate_policy(TEXT)
CANDIDATE = candidate_policy(
    TEXT.replace("threshold: 0.5\n", "threshold: 0.3\n", 1).replace(
        "VIP_CUSTOMER: {threshold: 0.5, escalate: false}",
        "VIP_CUSTOMER: {threshold: 0.5, escalate: true}",
    )
)
LEGAL = {"LEGAL_THREAT": (EvidenceSpan("body", 0, 6, "lawyer"),)}


def _s(day: int, risk: float, vip: bool = False, legal: bool = False) -> Signals:
    ticket = Ticket(
        body="x", customer=Customer(vip=vip), created_at=datetime(2026, 1, day, 9, tzinfo=UTC)
    )
    return Signals(ticket, TextMatches(LEGAL if legal else {}), risk)


# ticket: (day, risk, vip, legal), recorded outcome
HISTORY = [
    (_s(1, 0.9), True),  # both policies escalate (risk)
    (_s(1, 0.4), True),  # candidate only (0.4 >= 0.3)
    (_s(1, 0.35), False),  # candidate only
    (_s(2, 0.1, vip=True), False),  # candidate only (VIP escalates)
    (_s(2, 0.1, legal=True), True),  # both (legal)
    (_s(2, 0.2), True),  # neither
    (_s(3, 0.05), False),  # neither
]


def test_simulation_matches_a_hand_computation() -> None:
    signals = [s for s, _ in HISTORY]
    outcomes = [o for _, o in HISTORY]
    report = simulate(signals, outcomes, CANDIDATE, CURRENT)
    # Candidate escalates tickets 0,1,2,3,4: 5 escalations, 3 of them recorded (0,1,4).
    # Recorded: 0,1,4,5 -> 4. Precision 3/5, recall 3/4. Current escalates 0,4: changed 1,2,3.
    assert (report.tickets, report.recorded) == (7, 4)
    o = report.overall
    assert (o.escalations, o.true_positives, o.changed) == (5, 3, 3)
    assert (o.precision, o.recall) == (0.6, 0.75)
    assert report.per_day == (("2026-01-01", 3), ("2026-01-02", 2))
    flags = {f.code: f for f in report.flags}
    legal, vip = flags["LEGAL_THREAT"], flags["VIP_CUSTOMER"]
    assert (legal.escalations, legal.true_positives, legal.precision, legal.recall) == (
        1,
        1,
        1.0,
        0.25,
    )
    assert (vip.escalations, vip.true_positives, vip.precision, vip.changed) == (1, 0, 0.0, 0)
    assert report.current_version == CURRENT.version.version


def test_threshold_sweep() -> None:
    signals = [s for s, _ in HISTORY]
    outcomes = [o for _, o in HISTORY]
    rows = {r.code: r for r in sweep(signals, outcomes, CURRENT, [0.0, 0.5, 0.95])}
    # 0.0: everything escalates; 0.5: tickets 0 and 4; 0.95: only the legal one.
    assert (rows["0.00"].escalations, rows["0.00"].recall) == (7, 1.0)
    assert (rows["0.50"].escalations, rows["0.50"].precision) == (2, 1.0)
    assert (rows["0.95"].escalations, rows["0.95"].recall) == (1, 0.25)


def test_report_headers_name_the_policy_changes_are_counted_against() -> None:
    from triage.escalation.report import format_report

    signals = [s for s, _ in HISTORY]
    outcomes = [o for _, o in HISTORY]
    report = simulate(signals, outcomes, CANDIDATE, CURRENT)
    text = format_report(report, sweep(signals, outcomes, CANDIDATE, [0.3, 0.5]))
    first, sweep_part = text.split("threshold sweep", 1)
    assert f"differ from the current policy {CURRENT.version.version}" in first
    assert first.splitlines()[2].split()[-2:] == ["vs", "current"]
    assert "vs candidate" not in first and "vs current" not in sweep_part
    assert "differ from the candidate as written" in sweep_part
    header, at_03, at_05 = sweep_part.splitlines()[1:4]
    assert header.split()[-2:] == ["vs", "candidate"]
    # the candidate (0.3) against itself changes nothing; at 0.5 tickets 1 and 2 stop escalating
    assert at_03.split()[0] == "0.30" and at_03.split()[-1] == "0"
    assert at_05.split()[0] == "0.50" and at_05.split()[-1] == "2"


def test_sweep_plot_marks_the_current_and_candidate_thresholds() -> None:
    import matplotlib.pyplot as plt

    from triage.escalation.report import sweep_figure

    signals = [s for s, _ in HISTORY]
    outcomes = [o for _, o in HISTORY]
    rows = sweep(signals, outcomes, CANDIDATE, [0.1, 0.3, 0.5, 0.7])
    fig = sweep_figure(
        rows,
        len(signals),
        current_threshold=CURRENT.policy.threshold,
        candidate_threshold=CANDIDATE.policy.threshold,
    )
    try:
        vertical = {
            line.get_label(): float(line.get_xdata()[0])
            for line in fig.axes[0].lines
            if len(set(line.get_xdata())) == 1
        }
        assert vertical == {"current policy (0.50)": 0.5, "candidate policy (0.30)": 0.3}
        (legend,) = fig.legends
        shown = [t.get_text() for t in legend.get_texts()]
        assert {"current policy (0.50)", "candidate policy (0.30)", "precision", "recall"} <= set(
            shown
        )
        assert "escalations" in shown
    finally:
        plt.close(fig)
