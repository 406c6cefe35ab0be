"""Proto <-> domain for escalation, bands and the AdminService's policy messages."""

from __future__ import annotations

from datetime import UTC

from google.protobuf.timestamp_pb2 import Timestamp

from triage import domain
from triage.escalation.policy import PolicyVersion, Problem
from triage.escalation.simulate import SimulationReport, Stats
from triage.v1 import triage_pb2 as pb

# Paired by name (AUTO <-> BAND_AUTO), so a value added on one side only fails at import.
BAND_OUT = {b: pb.Band.Value(f"BAND_{b.name}") for b in domain.Band}


def escalation_to_proto(e: domain.Escalation | None) -> pb.Escalation | None:
    if e is None:
        return None
    return pb.Escalation(
        risk=e.risk,
        escalate=e.escalate,
        band=BAND_OUT[e.band],
        threshold=e.threshold,
        reason=e.reason,
        flags=[
            pb.EscalationFlag(
                code=f.code,
                score=f.score,
                threshold=f.threshold,
                raised=f.raised,
                reason=f.reason,
                evidence=[
                    pb.EvidenceSpan(field=s.field, start=s.start, end=s.end, text=s.text)
                    for s in f.evidence
                ],
            )
            for f in e.flags
        ],
        rules_applied=[
            pb.RuleApplied(rule=r.rule, head=r.head, from_label=r.from_label, to_label=r.to_label)
            for r in e.rules_applied
        ],
    )


def version_to_proto(v: PolicyVersion) -> pb.PolicyVersion:
    ts = Timestamp()
    created = v.created_at if v.created_at.tzinfo else v.created_at.replace(tzinfo=UTC)
    ts.FromDatetime(created)
    return pb.PolicyVersion(
        version=v.version, author=v.author, created_at=ts, comment=v.comment, sha256=v.sha256
    )


def problems_to_proto(problems: list[Problem]) -> list[pb.PolicyError]:
    return [pb.PolicyError(key=p.key, line=p.line, message=p.message) for p in problems]


def _stats(s: Stats) -> pb.SimulationStats:
    return pb.SimulationStats(
        code=s.code,
        escalations=s.escalations,
        true_positives=s.true_positives,
        precision=s.precision,
        recall=s.recall,
        changed=s.changed,
    )


def simulation_to_proto(r: SimulationReport) -> pb.SimulatePolicyResponse:
    return pb.SimulatePolicyResponse(
        tickets=r.tickets,
        recorded_escalations=r.recorded,
        overall=_stats(r.overall),
        flags=[_stats(s) for s in r.flags],
        per_day=[pb.DayCount(day=d, escalations=n) for d, n in r.per_day],
        current_policy_version=r.current_version,
    )
