"""The decision under a policy: thresholds, forced flags, overrides, bands, consistency rules,
SLA breach risk."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from triage.domain import Band, Customer, EvidenceSpan, LabelScore, Prediction, Ticket
from triage.escalation.engine import Signals, decide
from triage.escalation.flags import TextMatches
from triage.escalation.policy import candidate_policy
from triage.settings import PROJECT_ROOT

POLICY = candidate_policy((PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8"))
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _signals(risk: float | None = 0.1, spans: dict | None = None, **ticket: object) -> Signals:
    return Signals(Ticket(body="x", **ticket), TextMatches(spans or {}), risk)  # type: ignore[arg-type]


def _flag(escalation, code):  # type: ignore[no-untyped-def]
    return next(f for f in escalation.flags if f.code == code)


def test_risk_threshold_decides_and_every_flag_is_reported() -> None:
    low, _ = decide(_signals(0.2), POLICY, NOW)
    high, _ = decide(_signals(0.7), POLICY, NOW)
    assert (low.escalate, high.escalate) == (False, True)
    assert len(low.flags) == 8 and not any(f.raised for f in low.flags)
    assert "risk 0.70 >= threshold 0.50" in high.reason


def test_a_raised_escalating_flag_forces_escalation() -> None:
    span = EvidenceSpan("body", 0, 6, "lawyer")
    escalation, _ = decide(_signals(0.05, {"LEGAL_THREAT": (span,)}), POLICY, NOW)
    flag = _flag(escalation, "LEGAL_THREAT")
    assert flag.raised and flag.score == 0.8 and flag.evidence == (span,)
    assert escalation.escalate and escalation.band is Band.AUTO
    # CHURN_RISK does not escalate on its own... except for enterprise customers.
    churn = {"CHURN_RISK": (EvidenceSpan("body", 0, 6, "cancel"),)}
    assert not decide(_signals(0.05, churn), POLICY, NOW)[0].escalate
    enterprise = _signals(0.05, churn, customer=Customer(segment="enterprise"))
    assert decide(enterprise, POLICY, NOW)[0].escalate


def test_segment_override_changes_the_threshold() -> None:
    escalation, _ = decide(_signals(0.45, customer=Customer(segment="enterprise")), POLICY, NOW)
    assert escalation.threshold == 0.4 and escalation.escalate


def test_metadata_flags_name_their_fields() -> None:
    escalation, _ = decide(
        _signals(0.1, customer=Customer(vip=True), previous_contacts=2, reopen_count=1), POLICY, NOW
    )
    vip, repeat = _flag(escalation, "VIP_CUSTOMER"), _flag(escalation, "REPEAT_CONTACT")
    assert vip.raised and vip.evidence[0].field == "customer.vip"
    assert repeat.raised and repeat.score == 0.75
    assert {e.field for e in repeat.evidence} == {"previous_contacts", "reopen_count"}


def test_sla_breach_risk_grows_as_the_due_time_nears() -> None:
    def score(hours_left: float) -> float:
        s = _signals(0.1, sla_due_at=NOW + timedelta(hours=hours_left))
        s = Signals(s.ticket, s.matches, s.risk, priority="high")  # window 6 h for high
        return _flag(decide(s, POLICY, NOW)[0], "SLA_BREACH_RISK").score

    assert score(12) == 0.0 and score(3) == 0.5 and score(-1) == 1.0
    s = Signals(
        Ticket(body="x", sla_due_at=NOW + timedelta(hours=1)), TextMatches({}), 0.1, priority="high"
    )
    escalation, _ = decide(s, POLICY, NOW)
    assert _flag(escalation, "SLA_BREACH_RISK").raised and escalation.escalate


def _prediction(label: str, confidence: float, **others: float) -> Prediction:
    alternatives = tuple(LabelScore(k, v) for k, v in others.items())
    return Prediction(label, confidence, alternatives)


def test_bands_per_head_and_consistency_rules_are_visible() -> None:
    preds = {
        "topic": _prediction("billing", 0.95, refund=0.05),
        "priority": _prediction("urgent", 0.7, high=0.3),
        "tier": _prediction("L1", 0.5, L2=0.3, L3=0.2),
    }
    escalation, out = decide(_signals(0.1), POLICY, NOW, preds)
    assert out["topic"].band is Band.AUTO and out["priority"].band is Band.SUGGEST
    assert out["tier"].label == "L2" and out["tier"].confidence == 0.3
    assert out["tier"].band is Band.MANUAL  # imposed by a rule, and 0.3 is below suggest
    assert [(r.rule, r.head, r.from_label, r.to_label) for r in escalation.rules_applied] == [
        ("urgent-needs-l2", "tier", "L1", "L2")
    ]
    security = {"SECURITY_INCIDENT": (EvidenceSpan("body", 0, 6, "hacked"),)}
    escalation, out = decide(_signals(0.1, security), POLICY, NOW, preds)
    assert out["tier"].label == "L3"
    assert [r.rule for r in escalation.rules_applied] == ["security-incident-needs-l3"]


def test_an_unsure_prediction_overrules_no_other_head() -> None:
    # The case: `urgent` at 0.27, tied with `low`, must not lift an L1 at 0.70.
    preds = {
        "priority": _prediction("urgent", 0.27, low=0.27, normal=0.26, high=0.2),
        "tier": _prediction("L1", 0.7, L2=0.2, L3=0.1),
    }
    escalation, out = decide(_signals(0.1), POLICY, NOW, preds)
    assert out["tier"].label == "L1" and escalation.rules_applied == ()
    # At the band's rule_min (0.55 for priority) the rule fires.
    preds["priority"] = _prediction("urgent", 0.55, high=0.45)
    escalation, out = decide(_signals(0.1), POLICY, NOW, preds)
    assert out["tier"].label == "L2"
    assert [r.rule for r in escalation.rules_applied] == ["urgent-needs-l2"]
    # Without rule_min, the head's `suggest` limit is the minimum.
    text = POLICY.policy.yaml_text.replace(", rule_min: 0.55}", "}").replace(
        "priority: {auto: 0.85, suggest: 0.55", "priority: {auto: 0.85, suggest: 0.6"
    )
    without = candidate_policy(text)
    assert without.policy.band_limits("priority").rule_confidence == 0.6
    escalation, out = decide(_signals(0.1), without, NOW, preds)
    assert out["tier"].label == "L1" and escalation.rules_applied == ()


def test_without_an_escalation_model_the_flags_decide() -> None:
    escalation, _ = decide(_signals(None), POLICY, NOW)
    assert not escalation.escalate and escalation.risk == 0.0 and escalation.band is Band.MANUAL
