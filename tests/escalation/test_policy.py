"""Policy validation (errors name the key and the line), overrides, and the versioned store."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.errors import PolicyNotFound, PolicyValidationError
from triage.escalation.policy import PolicyStore, parse_policy, policy_problems
from triage.settings import PROJECT_ROOT

DEFAULT = PROJECT_ROOT / "data" / "policy.yaml"
TEXT = DEFAULT.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_default_policy_is_valid() -> None:
    policy = parse_policy(TEXT)
    assert policy.threshold == 0.5
    assert policy.flags["LEGAL_THREAT"].escalate
    assert [r.name for r in policy.rules] == ["security-incident-needs-l3", "urgent-needs-l2"]


def test_segment_and_queue_overrides() -> None:
    policy = parse_policy(TEXT)
    assert policy.resolve().threshold == 0.5
    enterprise = policy.resolve(segment="Enterprise")
    assert enterprise.threshold == 0.4 and enterprise.flags["CHURN_RISK"].escalate
    assert not policy.resolve(segment="smb").flags["CHURN_RISK"].escalate
    assert policy.resolve(segment="enterprise", queue="security").threshold == 0.3


@pytest.mark.parametrize(
    ("old", "new", "key", "needle", "message"),
    [
        (
            "threshold: 0.5\n",
            "threshold: 1.5\n",
            "escalation.threshold",
            "threshold: 1.5",
            "between 0 and 1",
        ),
        (
            "ANGRY_CUSTOMER: {threshold: 0.6,",
            "ANGRY_CUSTOMER: {threshold: high,",
            "flags.ANGRY_CUSTOMER.threshold",
            "ANGRY_CUSTOMER",
            "must be a number",
        ),
        (
            "  VIP_CUSTOMER: {threshold: 0.5, escalate: false}\n",
            "  VIP_CUSTOMER: {threshold: 0.5, escalate: false}\n"
            "  BORED_CUSTOMER: {threshold: 0.5}\n",
            "flags.BORED_CUSTOMER",
            "BORED_CUSTOMER",
            "unknown key",
        ),
        (
            "at_least: L3",
            "at_least: L9",
            "rules[0].then.at_least",
            "at_least: L9",
            "unknown value 'L9'",
        ),
        (
            "tier: {auto: 0.85, suggest: 0.55}",
            "tier: {auto: 0.5, suggest: 0.55}",
            "bands.tier.suggest",
            "tier: {auto: 0.5",
            "must not be above auto",
        ),
        (
            "rule_min: 0.55}",
            "rule_min: 1.2}",
            "bands.priority.rule_min",
            "rule_min: 1.2",
            "between 0 and 1",
        ),
        (
            "      threshold: 0.3\n",
            "      threshold: -1\n",
            "overrides.queues.security.threshold",
            "threshold: -1",
            "between",
        ),
    ],
)
def test_validation_errors_name_the_key_and_line(
    old: str, new: str, key: str, needle: str, message: str
) -> None:
    text = TEXT.replace(old, new, 1)
    assert text != TEXT
    problems = policy_problems(text)
    assert [(p.key, p.line) for p in problems] == [(key, _line_of(text, needle))]
    assert message in problems[0].message
    with pytest.raises(PolicyValidationError, match=rf"{key.replace('[', '.').replace(']', '.')}"):
        parse_policy(text)


def test_broken_yaml_and_missing_sections_are_reported() -> None:
    [problem] = policy_problems("escalation:\n  threshold: [0.5\n")
    assert problem.line >= 2 and "not valid YAML" in problem.message
    keys = {p.key for p in policy_problems("escalation: {threshold: 0.5}\n")}
    assert {"flags", "bands"} <= keys


def test_store_seeds_versions_and_audits(tmp_path: Path) -> None:
    store = PolicyStore(tmp_path / "policy", DEFAULT)
    assert not (tmp_path / "policy").exists()  # no I/O before first use
    first = store.current()
    assert first.version.version == "v1" and first.version.author == "system"
    second = store.set(
        TEXT.replace("threshold: 0.5\n", "threshold: 0.6\n", 1), "ops@example", "stricter"
    )
    assert second.version.version == "v2" and second.policy.threshold == 0.6
    assert store.current().version.version == "v2"
    assert [v.version for v in store.history()] == ["v1", "v2"]
    assert store.get("v1").policy.threshold == 0.5
    audit = store.audit()
    assert [(e["action"], e["version"], e["previous"]) for e in audit] == [
        ("seed", "v1", ""),
        ("set", "v2", "v1"),
    ]
    assert audit[1]["author"] == "ops@example" and audit[1]["comment"] == "stricter"
    # A new store on the same directory (a restart) serves the same version.
    assert PolicyStore(tmp_path / "policy", DEFAULT).current().version.version == "v2"


def test_an_invalid_policy_changes_nothing(tmp_path: Path) -> None:
    store = PolicyStore(tmp_path, DEFAULT)
    store.current()
    with pytest.raises(PolicyValidationError):
        store.set("escalation: {threshold: 2}\n", "ops")
    assert [v.version for v in store.history()] == ["v1"]
    assert len(store.audit()) == 1
    with pytest.raises(PolicyNotFound):
        store.get("v9")
