"""From a triaged ticket to an escalation decision under a policy. `signals` gathers what does
not depend on the policy (risk, lemma matches, tone, predicted labels) once; `decide` is pure
and cheap, so the simulator can replay one history under many policies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import scipy.sparse as sp

from triage.domain import (
    FIXED_LABELS,
    Band,
    Escalation,
    EscalationFlag,
    EvidenceSpan,
    LabelScore,
    Prediction,
    RuleApplied,
    Ticket,
    TriageResult,
)
from triage.escalation.flags import FLAG_CODES, TextFlagger, TextMatches
from triage.escalation.policy import ActivePolicy, BandLimits, Policy
from triage.escalation.risk import escalation_extras
from triage.features import TicketInput
from triage.text import TextPipeline

TEXT_FLAG_SCORE = 0.8
"""Score of a text flag with one matching phrase; each further phrase closes the gap to 1."""

_REASONS = {
    "CHURN_RISK": "cancel or leave intent",
    "LEGAL_THREAT": "legal threat",
    "SECURITY_INCIDENT": "security incident",
    "REGULATOR_MENTION": "regulator or data-protection complaint",
}


@dataclass(frozen=True)
class Signals:
    """Everything about one ticket the policy judges, computed once."""

    ticket: Ticket
    matches: TextMatches
    risk: float | None
    """Calibrated escalation probability; None when the model has no escalation head."""
    shouting: float = 0.0
    exclamations: int = 0
    p_negative: float | None = None
    priority: str = ""
    queue: str = ""


def band_for(confidence: float, limits: BandLimits) -> Band:
    if confidence >= limits.auto:
        return Band.AUTO
    if confidence >= limits.suggest:
        return Band.SUGGEST
    return Band.MANUAL


MAX_EVIDENCE_SPANS = 5
"""Evidence spans answered per flag (the score and reason still count every phrase): a body of
thousands of matching phrases must not make a response of hundreds of KB."""
MAX_EVIDENCE_CHARS = 200
"""Longest evidence text answered; offsets still point at the whole span in the ticket."""


def bounded_evidence(spans: Sequence[EvidenceSpan]) -> tuple[EvidenceSpan, ...]:
    """At most MAX_EVIDENCE_SPANS text spans (the first ones), each cut to MAX_EVIDENCE_CHARS;
    metadata evidence (a few fixed fields) is always kept."""
    out, texts = [], 0
    for span in spans:
        if span.field in ("subject", "body"):
            texts += 1
            if texts > MAX_EVIDENCE_SPANS:
                continue
            span = replace(span, text=span.text[:MAX_EVIDENCE_CHARS])
        out.append(span)
    return tuple(out)


def _text_score(n: int) -> float:
    return 0.0 if n == 0 else round(1.0 - (1.0 - TEXT_FLAG_SCORE) ** n, 4)


def _fmt_hours(hours: float) -> str:
    return f"{hours:.1f} h"


def flag_values(
    s: Signals, policy: Policy, now: datetime
) -> dict[str, tuple[float, str, tuple[EvidenceSpan, ...]]]:
    """code -> (score, reason, evidence) under `policy` (only SLA windows matter here)."""
    t, out = s.ticket, {}
    for code, what in _REASONS.items():
        spans = s.matches.spans.get(code, ())
        reason = f"{what}: {len(spans)} phrase(s)" if spans else f"no {what} phrase"
        out[code] = (_text_score(len(spans)), reason, spans)

    if t.customer.vip:
        out["VIP_CUSTOMER"] = (1.0, "VIP customer", (EvidenceSpan("customer.vip", 0, 0, "true"),))
    else:
        out["VIP_CUSTOMER"] = (0.0, "not a VIP customer", ())

    contacts = t.previous_contacts + t.reopen_count
    spans = s.matches.spans.get("REPEAT_CONTACT", ())
    evidence = list(spans)
    if t.previous_contacts:
        evidence.append(EvidenceSpan("previous_contacts", 0, 0, str(t.previous_contacts)))
    if t.reopen_count:
        evidence.append(EvidenceSpan("reopen_count", 0, 0, str(t.reopen_count)))
    score = max(min(1.0, contacts / 4), 0.6 if spans else 0.0)
    reason = f"{t.previous_contacts} previous contact(s), reopened {t.reopen_count} time(s)"
    if spans:
        reason += f"; the text says so ({len(spans)} phrase(s))"
    out["REPEAT_CONTACT"] = (round(score, 4), reason, tuple(evidence))

    angry = s.matches.spans.get("ANGRY_CUSTOMER", ())
    cue = 1.0 if (angry or s.shouting >= 0.3 or s.exclamations >= 3) else 0.0
    p_neg = s.p_negative if s.p_negative is not None else (0.5 if angry else 0.0)
    evidence = list(angry)
    if s.p_negative is not None:
        evidence.append(EvidenceSpan("sentiment", 0, 0, f"negative {s.p_negative:.2f}"))
    if s.shouting >= 0.3:
        evidence.append(EvidenceSpan("shouting", 0, 0, f"{s.shouting:.2f}"))
    score = round(min(1.0, 0.6 * p_neg + 0.4 * cue), 4)
    reason = f"negative sentiment {p_neg:.2f}" + (
        "; angry words, capitals or exclamation marks" if cue else ""
    )
    out["ANGRY_CUSTOMER"] = (score, reason, tuple(evidence))

    if t.sla_due_at is None:
        out["SLA_BREACH_RISK"] = (0.0, "no SLA due time", ())
    else:
        due = t.sla_due_at if t.sla_due_at.tzinfo else t.sla_due_at.replace(tzinfo=UTC)
        left = (due - now).total_seconds() / 3600
        window = policy.sla_window_hours.get(s.priority or "normal", 12.0)
        score = 1.0 if left <= 0 else max(0.0, 1.0 - left / window) if window > 0 else 0.0
        kind = s.priority or "normal"
        reason = (
            f"SLA overdue by {_fmt_hours(-left)}"
            if left <= 0
            else f"{_fmt_hours(left)} left; at-risk window for {kind} tickets is "
            f"{_fmt_hours(window)}"
        )
        out["SLA_BREACH_RISK"] = (
            round(score, 4),
            reason,
            (EvidenceSpan("sla_due_at", 0, 0, due.isoformat()),),
        )
    return {
        code: (score, reason, bounded_evidence(ev)) for code, (score, reason, ev) in out.items()
    }


def decide(
    s: Signals,
    active: ActivePolicy,
    now: datetime,
    predictions: dict[str, Prediction] | None = None,
) -> tuple[Escalation, dict[str, Prediction]]:
    """The escalation under `active`, and the predictions with bands and consistency rules."""
    policy = active.policy
    resolved = policy.resolve(s.ticket.customer.segment, s.queue)
    values = flag_values(s, policy, now)
    flags = []
    forced = []
    for code in FLAG_CODES:
        score, reason, evidence = values[code]
        rule = resolved.flags[code]
        raised = score >= rule.threshold and score > 0
        flags.append(EscalationFlag(code, score, rule.threshold, raised, reason, evidence))
        if raised and rule.escalate:
            forced.append(code)
    risk = s.risk
    by_risk = risk is not None and risk >= resolved.threshold
    escalate = by_risk or bool(forced)
    parts = []
    if risk is not None:
        parts.append(
            f"risk {risk:.2f} {'>=' if by_risk else '<'} threshold {resolved.threshold:.2f}"
        )
    if forced:
        parts.append("raised: " + ", ".join(forced) + " (escalate by policy)")
    if forced:
        band = Band.AUTO
    elif risk is not None:
        band = band_for(max(risk, 1 - risk), policy.band_limits("escalation"))
    else:
        band = Band.MANUAL  # no model and no escalating flag: a human judges
    raised_codes = {f.code for f in flags if f.raised}
    preds, applied = _consistency(policy, dict(predictions or {}), raised_codes)
    preds = {
        head: replace(
            p,
            band=band_for(p.confidence, policy.band_limits(head))
            if p.band is Band.UNSPECIFIED
            else p.band,
        )
        for head, p in preds.items()
    }
    escalation = Escalation(
        risk=round(risk, 6) if risk is not None else 0.0,
        escalate=escalate,
        band=band,
        flags=tuple(flags),
        threshold=resolved.threshold,
        rules_applied=tuple(applied),
        reason="; ".join(parts) if parts else "no escalation model and no escalating flag",
    )
    return escalation, preds


def _consistency(
    policy: Policy, preds: dict[str, Prediction], raised: set[str]
) -> tuple[dict[str, Prediction], list[RuleApplied]]:
    applied = []
    for rule in policy.rules:
        if rule.when_flag:
            hit = rule.when_flag in raised
        else:
            # Only a confident prediction overrules another head: `urgent` at 0.27, tied with
            # `low`, must not lift a tier predicted L1 at 0.70.
            current = preds.get(rule.when_head)
            hit = (
                current is not None
                and current.label == rule.when_label
                and current.confidence >= policy.band_limits(rule.when_head).rule_confidence
            )
        target = preds.get(rule.head)
        if not hit or target is None:
            continue
        new = rule.label or target.label
        if rule.at_least:
            order = FIXED_LABELS[rule.head]
            if order.index(target.label) < order.index(rule.at_least):
                new = rule.at_least
        if new == target.label:
            continue
        scores = {a.label: a.confidence for a in target.alternatives}
        scores[target.label] = target.confidence
        alternatives = tuple(
            LabelScore(label, conf)
            for label, conf in sorted(scores.items(), key=lambda kv: -kv[1])
            if label != new
        )
        # Imposed by a rule, not by the model: never applied automatically.
        confidence = scores.get(new, 0.0)
        band = Band.SUGGEST if confidence >= policy.band_limits(rule.head).suggest else Band.MANUAL
        # The conformal set is the model's statement, so it is kept; the imposed label is put
        # first. A superset of a conformal set covers at least as often; an empty set (a model
        # without conformal calibration) stays empty.
        label_set = (
            (new, *(label for label in target.label_set if label != new))
            if target.label_set
            else ()
        )
        preds[rule.head] = Prediction(
            new, confidence, alternatives, target.evidence, band, label_set
        )
        applied.append(RuleApplied(rule.name, rule.head, target.label, new))
    return preds, applied


def negative_probability(result: TriageResult) -> float | None:
    """The sentiment head's probability of `negative` (None when the model has no such head)."""
    sentiment = result.predictions.get("sentiment")
    if sentiment is None:
        return None
    scores = {a.label: a.confidence for a in sentiment.alternatives}
    scores[sentiment.label] = sentiment.confidence
    return scores.get("negative", 0.0)


def _queue_of(ticket: Ticket, result: TriageResult | None) -> str:
    for tag in ticket.tags:
        for prefix in ("queue:", "queue="):
            if tag.lower().startswith(prefix):
                return tag[len(prefix) :].strip()
    routing = getattr(result, "routing", ()) if result is not None else ()
    return str(getattr(routing[0], "queue", "")) if routing else ""


class Escalator:
    """Flags + risk + policy for a model's text pipeline (built once per pipeline)."""

    def __init__(self, text: TextPipeline) -> None:
        self.flagger = TextFlagger(text)

    def signals(
        self,
        inputs: Sequence[TicketInput],
        results: Sequence[TriageResult],
        model: object,
        queues: Sequence[str] | None = None,
        features: sp.csr_matrix | None = None,
    ) -> list[Signals]:
        """`model` is a TriageModel (anything with `escalation_risk(inputs, extras, features)`;
        without one, risk is None and the flags alone decide). `features`: the batch's shared
        feature matrix when the caller has it already."""
        tickets = [i.ticket for i in inputs]
        matches = self.flagger.match(tickets, [i.text.language.code for i in inputs])
        p_negs = [negative_probability(r) for r in results]
        risks: list[float | None] = [None] * len(inputs)
        risk_fn = getattr(model, "escalation_risk", None)
        if risk_fn is not None and len(inputs):
            extras = [
                escalation_extras(t, m, p) for t, m, p in zip(tickets, matches, p_negs, strict=True)
            ]
            found = risk_fn(inputs, extras, features)
            if found is not None:
                risks = [float(r) for r in found]
        out = []
        for i, (item, result) in enumerate(zip(inputs, results, strict=True)):
            p_neg = p_negs[i]
            priority = result.predictions.get("priority")
            out.append(
                Signals(
                    ticket=item.ticket,
                    matches=matches[i],
                    risk=risks[i],
                    shouting=item.text.shouting,
                    exclamations=item.text.exclamations,
                    p_negative=p_neg,
                    priority=priority.label if priority is not None else "",
                    queue=queues[i] if queues is not None else _queue_of(item.ticket, result),
                )
            )
        return out

    def apply(
        self,
        results: Sequence[TriageResult],
        signals: Sequence[Signals],
        active: ActivePolicy,
        now: datetime | None = None,
    ) -> list[TriageResult]:
        now = now or datetime.now(UTC)
        out = []
        for result, s in zip(results, signals, strict=True):
            escalation, preds = decide(s, active, now, result.predictions)
            out.append(
                replace(
                    result,
                    predictions=preds,
                    escalation=escalation,
                    policy_version=active.version.version,
                )
            )
        return out
