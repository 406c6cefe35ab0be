"""The escalation policy: a YAML file ops own. `parse_policy` validates it with errors that
name the key and the line; `PolicyStore` keeps every version on disk with author, time and an
audit log. A parsed `Policy` is immutable, so swapping one reference is a complete hot reload."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from triage.domain import FIXED_LABELS, HEADS
from triage.errors import PolicyNotFound, PolicyValidationError
from triage.escalation.flags import FLAG_CODES

BAND_HEADS: tuple[str, ...] = (*HEADS, "escalation")
PRIORITIES: tuple[str, ...] = FIXED_LABELS["priority"]


@dataclass(frozen=True)
class Problem:
    key: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.key or '<root>'} (line {self.line}): {self.message}"


@dataclass(frozen=True)
class FlagRule:
    threshold: float
    escalate: bool


@dataclass(frozen=True)
class BandLimits:
    auto: float
    suggest: float


@dataclass(frozen=True)
class Override:
    threshold: float | None = None
    flags: dict[str, dict[str, Any]] = field(default_factory=dict)
    """flag code -> partial FlagRule fields."""


@dataclass(frozen=True)
class ConsistencyRule:
    name: str
    when_flag: str = ""
    when_head: str = ""
    when_label: str = ""
    head: str = ""
    label: str = ""
    at_least: str = ""


@dataclass(frozen=True)
class Resolved:
    """The policy as it applies to one ticket (overrides folded in)."""

    threshold: float
    flags: dict[str, FlagRule]


@dataclass(frozen=True)
class Policy:
    threshold: float
    flags: dict[str, FlagRule]
    sla_window_hours: dict[str, float]
    bands: dict[str, BandLimits]
    segments: dict[str, Override]
    queues: dict[str, Override]
    rules: tuple[ConsistencyRule, ...]
    yaml_text: str = ""

    def band_limits(self, head: str) -> BandLimits:
        return self.bands.get(head) or self.bands["default"]

    def resolve(self, segment: str = "", queue: str = "") -> Resolved:
        threshold, flags = self.threshold, dict(self.flags)
        for override in (self.segments.get(segment.lower()), self.queues.get(queue.lower())):
            if override is None:
                continue
            if override.threshold is not None:
                threshold = override.threshold
            for code, values in override.flags.items():
                base = flags[code]
                flags[code] = FlagRule(
                    float(values.get("threshold", base.threshold)),
                    bool(values.get("escalate", base.escalate)),
                )
        return Resolved(threshold, flags)

    def with_threshold(self, threshold: float) -> Policy:
        """The same policy with another global threshold (what the simulator sweeps)."""
        return replace(self, threshold=threshold)


# --- parsing with line numbers -------------------------------------------------------------


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, key: str, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(Problem(key, line, message))

    def mapping(
        self, key: str, node: yaml.Node, allowed: tuple[str, ...] | None = None
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(key, node, "must be a mapping")
            return
        seen: set[str] = set()
        for key_node, value in node.value:
            name = str(key_node.value)
            path = f"{key}.{name}" if key else name
            if name in seen:
                self.fail(path, key_node, "duplicate key")
                continue
            seen.add(name)
            if allowed is not None and name not in allowed:
                self.fail(path, key_node, f"unknown key (known: {', '.join(allowed)})")
                continue
            yield name, key_node, value

    def number(self, key: str, node: yaml.Node, low: float = 0.0, high: float = 1.0) -> float:
        value: Any = None
        if isinstance(node, yaml.ScalarNode):
            try:
                value = float(node.value)
            except ValueError:
                value = None
        if (
            value is None
            or isinstance(node, yaml.ScalarNode)
            and node.value.lower()
            in (
                "true",
                "false",
            )
        ):
            self.fail(key, node, "must be a number")
            return low
        if not low <= value <= high:
            self.fail(key, node, f"must be between {low:g} and {high:g}, got {value:g}")
        return value

    def boolean(self, key: str, node: yaml.Node) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        self.fail(key, node, "must be true or false")
        return False

    def string(self, key: str, node: yaml.Node, choices: tuple[str, ...] = ()) -> str:
        if not isinstance(node, yaml.ScalarNode) or not node.value:
            self.fail(key, node, "must be a non-empty string")
            return ""
        if choices and node.value not in choices:
            self.fail(key, node, f"unknown value {node.value!r} (known: {', '.join(choices)})")
        return str(node.value)


_TOP = ("escalation", "flags", "sla_window_hours", "bands", "overrides", "rules", "description")


def parse_policy(text: str) -> Policy:
    """The validated policy; raises PolicyValidationError listing every problem found."""
    problems = policy_problems(text)
    if problems:
        raise PolicyValidationError(problems)
    policy = _build(text, _Checker())
    assert policy is not None
    return policy


def policy_problems(text: str) -> list[Problem]:
    """Every problem in `text` (empty when the policy is valid)."""
    checker = _Checker()
    _build(text, checker)
    return checker.problems


def _build(text: str, c: _Checker) -> Policy | None:
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        c.problems.append(Problem("", line, f"not valid YAML: {getattr(exc, 'problem', exc)}"))
        return None
    if root is None:
        c.problems.append(Problem("", 1, "the policy is empty"))
        return None
    sections = {name: (k, v) for name, k, v in c.mapping("", root, _TOP)}
    for required in ("escalation", "flags", "bands"):
        if required not in sections:
            c.fail(required, root, "is required")

    threshold = 0.5
    if "escalation" in sections:
        for name, _k, v in c.mapping("escalation", sections["escalation"][1], ("threshold",)):
            threshold = c.number(f"escalation.{name}", v)

    flags: dict[str, FlagRule] = {}
    if "flags" in sections:
        for code, _k, v in c.mapping("flags", sections["flags"][1], FLAG_CODES):
            values = {"threshold": 0.5, "escalate": False}
            for name, _kk, vv in c.mapping(f"flags.{code}", v, ("threshold", "escalate")):
                key = f"flags.{code}.{name}"
                values[name] = c.number(key, vv) if name == "threshold" else c.boolean(key, vv)
            flags[code] = FlagRule(float(values["threshold"]), bool(values["escalate"]))
        node = sections["flags"][1]
        for code in FLAG_CODES:
            if code not in flags and isinstance(node, yaml.MappingNode):
                c.fail(f"flags.{code}", node, "is missing (every flag needs a threshold)")

    windows = {"low": 24.0, "normal": 12.0, "high": 6.0, "urgent": 2.0}
    if "sla_window_hours" in sections:
        for name, _k, v in c.mapping(
            "sla_window_hours", sections["sla_window_hours"][1], PRIORITIES
        ):
            windows[name] = c.number(f"sla_window_hours.{name}", v, 0.0, 24.0 * 365)

    bands: dict[str, BandLimits] = {}
    if "bands" in sections:
        for head, _k, v in c.mapping("bands", sections["bands"][1], ("default", *BAND_HEADS)):
            limits = {"auto": 0.9, "suggest": 0.6}
            for name, _kk, vv in c.mapping(f"bands.{head}", v, ("auto", "suggest")):
                limits[name] = c.number(f"bands.{head}.{name}", vv)
            if limits["suggest"] > limits["auto"]:
                c.fail(f"bands.{head}.suggest", v, "must not be above auto")
            bands[head] = BandLimits(limits["auto"], limits["suggest"])
        if "default" not in bands:
            c.fail("bands.default", sections["bands"][1], "is required")

    segments: dict[str, Override] = {}
    queues: dict[str, Override] = {}
    if "overrides" in sections:
        kinds = c.mapping("overrides", sections["overrides"][1], ("segments", "queues"))
        for kind, _k, v in kinds:
            target = segments if kind == "segments" else queues
            for name, _kk, vv in c.mapping(f"overrides.{kind}", v):
                target[name.lower()] = _override(c, f"overrides.{kind}.{name}", vv)

    rules: list[ConsistencyRule] = []
    if "rules" in sections:
        node = sections["rules"][1]
        if not isinstance(node, yaml.SequenceNode):
            c.fail("rules", node, "must be a list")
        else:
            for i, item in enumerate(node.value):
                rules.append(_rule(c, f"rules[{i}]", item, flags))
    if c.problems:
        return None
    return Policy(
        threshold=threshold,
        flags=flags,
        sla_window_hours=windows,
        bands=bands,
        segments=segments,
        queues=queues,
        rules=tuple(rules),
        yaml_text=text,
    )


def _override(c: _Checker, key: str, node: yaml.Node) -> Override:
    threshold: float | None = None
    flags: dict[str, dict[str, Any]] = {}
    for name, _k, v in c.mapping(key, node, ("threshold", "flags")):
        if name == "threshold":
            threshold = c.number(f"{key}.threshold", v)
            continue
        for code, _kk, vv in c.mapping(f"{key}.flags", v, FLAG_CODES):
            values: dict[str, Any] = {}
            for field_name, _kkk, vvv in c.mapping(
                f"{key}.flags.{code}", vv, ("threshold", "escalate")
            ):
                path = f"{key}.flags.{code}.{field_name}"
                values[field_name] = (
                    c.number(path, vvv) if field_name == "threshold" else c.boolean(path, vvv)
                )
            flags[code] = values
    return Override(threshold, flags)


def _rule(c: _Checker, key: str, node: yaml.Node, flags: dict[str, FlagRule]) -> ConsistencyRule:
    parts = {name: v for name, _k, v in c.mapping(key, node, ("name", "when", "then"))}
    for required in ("name", "when", "then"):
        if required not in parts:
            c.fail(f"{key}.{required}", node, "is required")
    name = c.string(f"{key}.name", parts["name"]) if "name" in parts else ""
    rule: dict[str, str] = {"name": name}
    if "when" in parts:
        when = {
            n: v for n, _k, v in c.mapping(f"{key}.when", parts["when"], ("flag", "head", "label"))
        }
        if "flag" in when:
            rule["when_flag"] = c.string(f"{key}.when.flag", when["flag"], FLAG_CODES)
        elif "head" in when and "label" in when:
            head = c.string(f"{key}.when.head", when["head"], HEADS)
            rule["when_head"] = head
            rule["when_label"] = c.string(
                f"{key}.when.label", when["label"], FIXED_LABELS.get(head, ())
            )
        else:
            c.fail(f"{key}.when", parts["when"], "needs `flag`, or `head` and `label`")
    if "then" in parts:
        then = {
            n: v
            for n, _k, v in c.mapping(f"{key}.then", parts["then"], ("head", "label", "at_least"))
        }
        head = c.string(f"{key}.then.head", then["head"], HEADS) if "head" in then else ""
        if "head" not in then:
            c.fail(f"{key}.then.head", parts["then"], "is required")
        labels = FIXED_LABELS.get(head, ())
        if "at_least" in then:
            if head and head not in FIXED_LABELS:
                c.fail(f"{key}.then.at_least", then["at_least"], f"head {head} has no order")
            rule["at_least"] = c.string(f"{key}.then.at_least", then["at_least"], labels)
        elif "label" in then:
            rule["label"] = c.string(f"{key}.then.label", then["label"], labels)
        else:
            c.fail(f"{key}.then", parts["then"], "needs `label` or `at_least`")
        rule["head"] = head
    return ConsistencyRule(**rule)


# --- the versioned store -------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyVersion:
    version: str
    author: str
    created_at: datetime
    comment: str
    sha256: str


@dataclass(frozen=True)
class ActivePolicy:
    """A policy with the version it was stored under: what a request reads in one go."""

    policy: Policy
    version: PolicyVersion


def builtin_policy(path: Path) -> ActivePolicy:
    """The policy file itself, unversioned (used when no store is configured, e.g. in tests)."""
    text = Path(path).read_text(encoding="utf-8")
    policy = parse_policy(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    created = datetime.fromtimestamp(Path(path).stat().st_mtime, UTC)
    return ActivePolicy(
        policy, PolicyVersion(f"file-{digest[:8]}", "file", created, str(path), digest)
    )


def _atomic_write(path: Path, text: str) -> None:
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, path)


class PolicyStore:
    """Versions on disk: `versions/v<N>.yaml` + `v<N>.json` (author, time, comment, sha256),
    `CURRENT` naming the version in force, and `audit.log` (one JSON line per change). The first
    use seeds version v1 from `seed` (the default policy file). No I/O happens before first use."""

    def __init__(self, root: Path, seed: Path) -> None:
        self.root = Path(root)
        self.seed = Path(seed)
        self._lock = threading.Lock()

    @property
    def audit_path(self) -> Path:
        return self.root / "audit.log"

    def _versions_dir(self) -> Path:
        return self.root / "versions"

    def _ensure(self) -> None:
        if (self.root / "CURRENT").is_file():
            return
        self._versions_dir().mkdir(parents=True, exist_ok=True)
        self._store(
            self.seed.read_text(encoding="utf-8"), "system", f"seeded from {self.seed}", "seed"
        )

    def _store(self, text: str, author: str, comment: str, action: str) -> ActivePolicy:
        policy = parse_policy(text)
        numbers = [int(p.stem[1:]) for p in self._versions_dir().glob("v*.json")]
        version = f"v{max(numbers, default=0) + 1}"
        meta = PolicyVersion(
            version, author, datetime.now(UTC), comment, hashlib.sha256(text.encode()).hexdigest()
        )
        _atomic_write(self._versions_dir() / f"{version}.yaml", text)
        _atomic_write(self._versions_dir() / f"{version}.json", json.dumps(_meta_json(meta)) + "\n")
        previous = self._current_name()
        _atomic_write(self.root / "CURRENT", version + "\n")
        entry = {**_meta_json(meta), "action": action, "previous": previous}
        with self.audit_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, sort_keys=True) + "\n")
        return ActivePolicy(policy, meta)

    def _current_name(self) -> str:
        path = self.root / "CURRENT"
        return path.read_text().strip() if path.is_file() else ""

    def current(self) -> ActivePolicy:
        with self._lock:
            self._ensure()
            return self.get(self._current_name())

    def get(self, version: str) -> ActivePolicy:
        yaml_path = self._versions_dir() / f"{version}.yaml"
        meta_path = self._versions_dir() / f"{version}.json"
        if not version or "/" in version or not yaml_path.is_file() or not meta_path.is_file():
            raise PolicyNotFound(f"policy version {version!r} does not exist")
        meta = _meta_from_json(json.loads(meta_path.read_text()))
        return ActivePolicy(parse_policy(yaml_path.read_text(encoding="utf-8")), meta)

    def set(self, text: str, author: str, comment: str = "") -> ActivePolicy:
        """Validate and store a new version and make it current; invalid text changes nothing."""
        parse_policy(text)  # raises before anything is written
        with self._lock:
            self._ensure()
            return self._store(text, author or "unknown", comment, "set")

    def history(self) -> list[PolicyVersion]:
        with self._lock:
            self._ensure()
            metas = [
                _meta_from_json(json.loads(p.read_text()))
                for p in self._versions_dir().glob("v*.json")
            ]
        return sorted(metas, key=lambda m: int(m.version[1:]))

    def audit(self) -> list[dict[str, Any]]:
        if not self.audit_path.is_file():
            return []
        return [json.loads(line) for line in self.audit_path.read_text().splitlines() if line]


def _meta_json(meta: PolicyVersion) -> dict[str, Any]:
    return {
        "version": meta.version,
        "author": meta.author,
        "created_at": meta.created_at.isoformat(),
        "comment": meta.comment,
        "sha256": meta.sha256,
    }


def _meta_from_json(data: dict[str, Any]) -> PolicyVersion:
    return PolicyVersion(
        str(data["version"]),
        str(data["author"]),
        datetime.fromisoformat(data["created_at"]),
        str(data.get("comment", "")),
        str(data["sha256"]),
    )


def candidate_policy(text: str) -> ActivePolicy:
    """An unsaved policy (what ValidatePolicy and SimulatePolicy judge)."""
    policy = parse_policy(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    version = PolicyVersion(f"candidate-{digest[:8]}", "", datetime.now(UTC), "", digest)
    return ActivePolicy(policy, version)
