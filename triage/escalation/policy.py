"""The escalation policy: a YAML file ops own. `parse_policy` validates it with errors that
name the key and the line; `PolicyStore` keeps every version on disk with author, time and an
audit log. A parsed `Policy` is immutable, so swapping one reference is a complete hot reload."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from triage.domain import FIXED_LABELS, HEADS
from triage.errors import (
    ConfigError,
    InvalidTicket,
    PolicyNotFound,
    PolicyValidationError,
    TriageError,
)
from triage.escalation.flags import FLAG_CODES
from triage.settings import Settings

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
    rule_min: float | None = None
    """Lowest confidence at which a prediction of this head triggers a consistency rule
    (`when: {head, label}`); None: the `suggest` limit (a prediction too unsure to suggest
    must not overrule another head)."""

    @property
    def rule_confidence(self) -> float:
        return self.suggest if self.rule_min is None else self.rule_min


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

# Limits of the format: a policy is a page of YAML an ops team writes, applied to every request.
MAX_POLICY_BYTES = 128 * 1024
"""Largest policy text, in UTF-8 bytes (the default policy is about 2 KB)."""
MAX_RULES = 500
"""Most consistency rules: each request runs every rule (8,000 rules doubled Triage p50)."""
MAX_OVERRIDES = 1000
"""Most overrides of each kind (segments, queues)."""
# libyaml's safe loader when PyYAML has it (about 10x faster on a large policy), else Python's.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 12
"""Deepest nesting of mappings and lists (the schema needs 6); checked on parser events, which
are not recursive, before the recursive composer runs."""


def _shape_problems(text: str) -> list[Problem]:
    """Size, nesting depth and aliases, checked before the tree is built: `[` x 50,000 would
    exhaust Python's recursion limit in yaml's composer, and aliases let a few lines expand to
    an enormous tree when walked."""
    size = len(text.encode("utf-8"))
    if size > MAX_POLICY_BYTES:
        return [Problem("", 0, f"is {size} bytes, over the limit of {MAX_POLICY_BYTES} bytes")]
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                return [Problem("", line, "anchors and aliases (&name, *name) are not allowed")]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1
                    return [Problem("", line, f"nested deeper than {MAX_DEPTH} levels")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return []  # _build reports it with its line
    return []


def parse_policy(text: str) -> Policy:
    """The validated policy; raises PolicyValidationError listing every problem found."""
    checker = _Checker()
    policy = _build(text, checker)
    if policy is None or checker.problems:
        raise PolicyValidationError(checker.problems)
    return policy


def policy_problems(text: str) -> list[Problem]:
    """Every problem in `text` (empty when the policy is valid)."""
    checker = _Checker()
    _build(text, checker)
    return checker.problems


def _build(text: str, c: _Checker) -> Policy | None:
    shape = _shape_problems(text)
    if shape:
        c.problems.extend(shape)
        return None
    try:
        # A safe loader: composing never constructs objects, and tags like !!python/object are
        # only ever read as node text here; still, no loader that could construct one is used.
        # Its composer recurses, so _shape_problems bounded the depth first.
        root = yaml.compose(text, Loader=_SAFE_LOADER)
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
            limits: dict[str, float] = {"auto": 0.9, "suggest": 0.6}
            for name, _kk, vv in c.mapping(f"bands.{head}", v, ("auto", "suggest", "rule_min")):
                limits[name] = c.number(f"bands.{head}.{name}", vv)
            if limits["suggest"] > limits["auto"]:
                c.fail(f"bands.{head}.suggest", v, "must not be above auto")
            bands[head] = BandLimits(limits["auto"], limits["suggest"], limits.get("rule_min"))
        if "default" not in bands:
            c.fail("bands.default", sections["bands"][1], "is required")

    segments: dict[str, Override] = {}
    queues: dict[str, Override] = {}
    if "overrides" in sections:
        kinds = c.mapping("overrides", sections["overrides"][1], ("segments", "queues"))
        for kind, _k, v in kinds:
            target = segments if kind == "segments" else queues
            if isinstance(v, yaml.MappingNode) and len(v.value) > MAX_OVERRIDES:
                c.fail(f"overrides.{kind}", v, f"has {len(v.value)} entries, over {MAX_OVERRIDES}")
                continue
            for name, _kk, vv in c.mapping(f"overrides.{kind}", v):
                target[name.lower()] = _override(c, f"overrides.{kind}.{name}", vv)

    rules: list[ConsistencyRule] = []
    if "rules" in sections:
        node = sections["rules"][1]
        if not isinstance(node, yaml.SequenceNode):
            c.fail("rules", node, "must be a list")
        elif len(node.value) > MAX_RULES:
            c.fail("rules", node, f"has {len(node.value)} rules, over the limit of {MAX_RULES}")
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


TMP_PREFIX = ".tmp-"
LOCK_NAME = ".lock"
MAX_AUTHOR_BYTES = 256
MAX_COMMENT_BYTES = 4096
HISTORY_LIMIT = 50
"""Most versions GetPolicy lists (the newest); older ones are read one by one by version."""
MAX_VERSION_BYTES = 16
_VERSION_RE = re.compile(r"v[1-9][0-9]{0,8}")
_AUDIT_TAIL_BYTES = 64 * 1024
"""Enough for the last audit entry: author and comment are bounded, JSON escapes at most 6x."""


def valid_version_name(version: str) -> bool:
    return len(version) <= MAX_VERSION_BYTES and _VERSION_RE.fullmatch(version) is not None


def _check_size(field: str, value: str, limit: int) -> None:
    size = len(value.encode("utf-8"))
    if size > limit:
        raise InvalidTicket(field, f"is {size} bytes, over the limit of {limit} bytes")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never a part; a kill leaves at most a TMP_PREFIX
    file, which the next writer removes."""
    fd, scratch = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _append_durably(path: Path, line: str) -> None:
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        data = line.encode("utf-8")
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        _fsync_dir(path.parent)


def version_number(version: str) -> int:
    """`v12` -> 12; anything else (the unversioned file policy) -> 0."""
    return int(version[1:]) if valid_version_name(version) else 0


class PolicyStore:
    """Versions on disk: `versions/v<N>.yaml` + `v<N>.json` (author, time, comment, sha256),
    `CURRENT` naming the version in force, and `audit.log` (one JSON line per change). The first
    use seeds version v1 from `seed` (the default policy file). No I/O happens before first use.

    Several processes may share one store: every write holds an flock on `.lock`, so version
    numbers are allocated once. A change commits when its audit line is fsync'd; `CURRENT`
    follows. Files are replaced atomically, so readers need no lock. After a kill, the next
    writer (or first use) removes temp files and versions the audit log never recorded, drops a
    torn last audit line, and points CURRENT at the last recorded version."""

    def __init__(self, root: Path, seed: Path) -> None:
        self.root = Path(root)
        self.seed = Path(seed)
        self._lock = threading.Lock()
        self._recovered = False

    @property
    def audit_path(self) -> Path:
        return self.root / "audit.log"

    def _versions_dir(self) -> Path:
        return self.root / "versions"

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """This thread alone among threads (threading.Lock) and processes (flock)."""
        with self._lock:
            self._versions_dir().mkdir(parents=True, exist_ok=True)
            fd = os.open(self.root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)  # closing releases the flock

    def _ensure(self) -> None:
        if self._recovered and (self.root / "CURRENT").is_file():
            return
        with self._exclusive():
            self._recover()
            if not (self.root / "CURRENT").is_file():
                text = self.seed.read_text(encoding="utf-8")
                self._store(text, parse_policy(text), "system", "seeded from the default", "seed")
            self._recovered = True

    def _recover(self) -> None:
        """Undo what a killed writer left (the caller holds the lock)."""
        for folder in (self.root, self._versions_dir()):
            for pattern in (f"{TMP_PREFIX}*", ".CURRENT-*", ".v*-*"):  # ours, and older names
                for scratch in folder.glob(pattern):
                    scratch.unlink(missing_ok=True)
        last = self._last_audited(repair=True)
        if last == 0 and (self.root / "CURRENT").is_file():
            return  # no audit log to judge by (deleted by hand?): trust CURRENT, delete nothing
        for path in self._versions_dir().glob("v*.*"):
            if path.suffix in (".yaml", ".json") and version_number(path.stem) > last:
                path.unlink()  # written, never recorded: the call that wrote it failed
        if last and self._current_name() != f"v{last}":
            _atomic_write(self.root / "CURRENT", f"v{last}\n")

    def _last_audited(self, repair: bool = False) -> int:
        """The version number of the last complete audit line (0: none); with `repair`, a torn
        last line (a write cut short) is truncated away."""
        path = self.audit_path
        if not path.is_file():
            return 0
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            start = max(0, size - _AUDIT_TAIL_BYTES)
            handle.seek(start)
            data = handle.read()
        pieces = data.split(b"\n")
        torn = pieces.pop()  # b"" when the file ends with a newline
        if torn and repair:
            os.truncate(path, size - len(torn))
        if start > 0 and pieces:
            pieces.pop(0)  # may begin mid-line
        for piece in reversed(pieces):
            try:
                entry = json.loads(piece)
            except ValueError:
                continue
            if isinstance(entry, dict) and valid_version_name(str(entry.get("version", ""))):
                return version_number(str(entry["version"]))
        return 0

    def _store(
        self, text: str, policy: Policy, author: str, comment: str, action: str
    ) -> ActivePolicy:
        """Write a new version and make it current (the caller holds the lock)."""
        numbers = [version_number(p.stem) for p in self._versions_dir().glob("v*.json")]
        version = f"v{max(*numbers, self._last_audited(), 0) + 1}"
        meta = PolicyVersion(
            version, author, datetime.now(UTC), comment, hashlib.sha256(text.encode()).hexdigest()
        )
        _atomic_write(self._versions_dir() / f"{version}.yaml", text)
        _atomic_write(self._versions_dir() / f"{version}.json", json.dumps(_meta_json(meta)) + "\n")
        previous = self._current_name()
        entry = {**_meta_json(meta), "action": action, "previous": previous}
        _append_durably(self.audit_path, json.dumps(entry, sort_keys=True) + "\n")  # the commit
        _atomic_write(self.root / "CURRENT", version + "\n")
        return ActivePolicy(policy, meta)

    def _current_name(self) -> str:
        path = self.root / "CURRENT"
        return path.read_text().strip() if path.is_file() else ""

    def current(self) -> ActivePolicy:
        self._ensure()
        return self._read(self._current_name())

    def get(self, version: str) -> ActivePolicy:
        """A recorded version; PolicyNotFound for any other name (the message echoes it only
        when it is a well-formed version name)."""
        self._ensure()
        if not valid_version_name(version):
            raise PolicyNotFound("policy version does not exist (names look like v3)")
        if version_number(version) > version_number(self._current_name()):
            raise PolicyNotFound(f"policy version {version} does not exist")
        return self._read(version)

    def _read(self, version: str) -> ActivePolicy:
        yaml_path = self._versions_dir() / f"{version}.yaml"
        meta_path = self._versions_dir() / f"{version}.json"
        if not valid_version_name(version) or not yaml_path.is_file() or not meta_path.is_file():
            raise PolicyNotFound(f"policy version {version} does not exist")
        meta = _meta_from_json(json.loads(meta_path.read_text()))
        return ActivePolicy(parse_policy(yaml_path.read_text(encoding="utf-8")), meta)

    def set(self, text: str, author: str, comment: str = "") -> ActivePolicy:
        """Validate and store a new version and make it current; invalid input changes nothing."""
        _check_size("author", author, MAX_AUTHOR_BYTES)
        _check_size("comment", comment, MAX_COMMENT_BYTES)
        policy = parse_policy(text)  # raises before anything is written
        self._ensure()
        with self._exclusive():
            self._recover()
            return self._store(text, policy, author or "unknown", comment, "set")

    def history(self, limit: int = HISTORY_LIMIT) -> list[PolicyVersion]:
        """The newest `limit` recorded versions, oldest first. Author and comment are cut to
        their limits (a store written before the limits may hold longer ones)."""
        self._ensure()
        newest = version_number(self._current_name())
        numbers = sorted(
            (
                n
                for n in (version_number(p.stem) for p in self._versions_dir().glob("v*.json"))
                if n
            ),
            reverse=True,
        )
        metas = []
        for n in [n for n in numbers if n <= newest][:limit]:
            try:
                meta = _meta_from_json(
                    json.loads((self._versions_dir() / f"v{n}.json").read_text())
                )
            except FileNotFoundError:
                continue
            metas.append(
                replace(
                    meta,
                    author=_cut(meta.author, MAX_AUTHOR_BYTES),
                    comment=_cut(meta.comment, MAX_COMMENT_BYTES),
                )
            )
        return metas[::-1]

    def audit(self) -> list[dict[str, Any]]:
        """Every complete audit entry (for tools and tests; the server never reads it whole)."""
        if not self.audit_path.is_file():
            return []
        out = []
        for line in self.audit_path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
        return out


def _cut(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


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


_log = logging.getLogger("triage")  # the logger these lines had in triage.app


def initial_policy(settings: Settings, store: PolicyStore) -> ActivePolicy:
    """The stored current version (it survives restarts); the settings' file when the store is
    unusable. ConfigError when neither can be read."""
    try:
        return store.current()
    except (TriageError, OSError) as exc:
        _log.error(
            "policy store %s unusable, serving %s: %s",
            settings.policy_dir,
            settings.policy_file,
            exc,
        )
    try:
        return builtin_policy(settings.policy_file)
    except (TriageError, OSError) as exc:
        raise ConfigError(f"escalation policy {settings.policy_file}: {exc}") from None
