"""Limits of the policy format and the policy store's behaviour with concurrent writers and
killed writers (security review findings 9, 13, 14, 15)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from triage.errors import InvalidTicket, PolicyNotFound
from triage.escalation import policy as policy_module
from triage.escalation.policy import (
    HISTORY_LIMIT,
    MAX_POLICY_BYTES,
    MAX_RULES,
    PolicyStore,
    parse_policy,
    policy_problems,
)
from triage.service import TriageService
from triage.settings import PROJECT_ROOT, Settings

DEFAULT = PROJECT_ROOT / "data" / "policy.yaml"
POLICY = DEFAULT.read_text(encoding="utf-8")
RULE = """
  - name: r{i}
    when: {{flag: LEGAL_THREAT}}
    then: {{head: tier, at_least: L2}}"""


def with_rules(n: int) -> str:
    base = re.sub(r"(?ms)^rules:.*?(?=^\S|\Z)", "", POLICY)
    return base.rstrip("\n") + "\nrules:" + "".join(RULE.format(i=i) for i in range(n)) + "\n"


def test_rule_count_is_limited() -> None:  # finding #14
    assert len(parse_policy(with_rules(MAX_RULES)).rules) == MAX_RULES
    problems = policy_problems(with_rules(MAX_RULES + 1))
    assert [(p.key, p.message) for p in problems] == [
        ("rules", f"has {MAX_RULES + 1} rules, over the limit of {MAX_RULES}")
    ]


def test_size_nesting_and_aliases_are_refused_before_composing() -> None:  # finding #13
    big = POLICY + "#" * MAX_POLICY_BYTES
    assert [str(p) for p in policy_problems(big)] == [
        f"<root> (line 0): is {len(big)} bytes, over the limit of {MAX_POLICY_BYTES} bytes"
    ]
    # `[` x 50,000 was a RecursionError (INTERNAL) in yaml's recursive composer.
    [deep] = policy_problems("[" * 50_000)  # libyaml may refuse it first, with its own words
    assert deep.line == 1 and deep.message in (
        "nested deeper than 12 levels",
        "not valid YAML: exceeded maximum nesting depth",
    )
    nested = "escalation:\n  threshold: " + "[" * 20 + "]" * 20 + "\n"
    assert policy_problems(nested)[0].message == "nested deeper than 12 levels"
    aliases = POLICY.replace("escalation:", "escalation: &e", 1) + "description: *e\n"
    assert policy_problems(aliases)[0].message == (
        "anchors and aliases (&name, *name) are not allowed"
    )


def test_yaml_tags_never_construct_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = POLICY.replace(
        "threshold: 0.", f'threshold: !!python/object/apply:os.system ["touch {marker}"]\n  #', 1
    )
    assert any("must be a number" in p.message for p in policy_problems(hostile))
    assert not marker.exists()
    # Safe loaders only, everywhere in the runtime package.
    unsafe = re.compile(
        r"yaml\.(unsafe_load|full_load|load_all)\(|Loader=yaml\.(Full|Unsafe)?Loader\b"
    )
    for path in (PROJECT_ROOT / "triage").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not unsafe.search(text), path
        for call in re.findall(r"yaml\.(?:load|compose|parse)\([^)]*\)", text):
            assert re.search(r"Loader=(yaml\.SafeLoader|_Loader|_SAFE_LOADER)\)", call), call
    assert policy_module._SAFE_LOADER in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None))


def test_author_comment_and_version_names_are_limited(tmp_path: Path) -> None:  # finding #14
    store = PolicyStore(tmp_path / "policy", DEFAULT)
    with pytest.raises(InvalidTicket, match=r"^author: is 257 bytes, over the limit of 256 bytes$"):
        store.set(POLICY, "a" * 257)
    with pytest.raises(InvalidTicket, match=r"^comment: is 4097 bytes, over the limit of 4096"):
        store.set(POLICY, "ops", "c" * 4097)
    with pytest.raises(PolicyNotFound) as info:
        store.get("v" + "1" * 100_000)  # finding #13: was ENAMETOOLONG -> INTERNAL
    assert str(info.value) == "policy version does not exist (names look like v3)"
    assert [v.version for v in store.history()] == ["v1"]


def test_history_is_bounded_and_cuts_oversized_entries(tmp_path: Path) -> None:  # finding #14
    store = PolicyStore(tmp_path / "policy", DEFAULT)
    for i in range(5):
        store.set(POLICY, "ops", f"change {i}")
    assert [v.version for v in store.history(3)] == ["v4", "v5", "v6"]  # newest, oldest first
    assert len(store.history()) == 6 and HISTORY_LIMIT == 50  # what GetPolicy asks for
    # A store written before the limits: three 400 KB comments broke GetPolicy for good.
    meta = tmp_path / "policy" / "versions" / "v3.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "comment": "x" * 400_000}))
    assert len(next(v for v in store.history() if v.version == "v3").comment) == 4096


def _assert_consistent(root: Path) -> list[str]:
    """Every audited version has its files, nothing else does, CURRENT is the last one, and
    no temp file is left. Returns the audited versions in order."""
    store = PolicyStore(root, DEFAULT)
    current = store.current()  # first use recovers
    audited = [e["version"] for e in store.audit()]
    assert audited == [f"v{i}" for i in range(1, len(audited) + 1)]  # distinct, no gaps
    files = {p.name for p in (root / "versions").iterdir()}
    assert files == {f"{v}.{ext}" for v in audited for ext in ("yaml", "json")}
    assert current.version.version == audited[-1]
    assert not [p for p in root.rglob(".*") if p.name != ".lock"]
    for version in audited:
        assert store.get(version).policy.threshold > 0
    return audited


WRITER = """
import sys
from pathlib import Path
from triage.escalation.policy import PolicyStore
store = PolicyStore(Path(sys.argv[1]), Path(sys.argv[2]))
text = Path(sys.argv[2]).read_text()
count = int(sys.argv[3])
i = 0
while count < 0 or i < count:
    print(store.set(text, "proc", f"p{i}").version.version, flush=True)
    i += 1
"""


def test_two_processes_get_distinct_versions(tmp_path: Path) -> None:  # finding #9
    root = tmp_path / "policy"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(root), str(DEFAULT), "10"],
        stdout=subprocess.PIPE,
        text=True,
    )
    mine: list[str] = []

    def writer(name: str) -> None:  # its own instance: only the file lock serialises them
        store = PolicyStore(root, DEFAULT)
        mine.extend(store.set(POLICY, name, "t").version.version for _ in range(5))

    threads = [threading.Thread(target=writer, args=(f"t{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out, _ = child.communicate(timeout=60)
    theirs = out.split()
    assert child.returncode == 0 and len(theirs) == 10 and len(mine) == 10
    assert len(set(mine) | set(theirs)) == 20  # 4 of 20 collided before the lock
    audited = _assert_consistent(root)
    assert set(audited) == {"v1", *mine, *theirs}
    authors = {e["version"]: e["author"] for e in PolicyStore(root, DEFAULT).audit()}
    assert all(authors[v] == "proc" for v in theirs)


def test_sigkill_during_set_policy_leaves_a_consistent_store(tmp_path: Path) -> None:  # finding #15
    root = tmp_path / "policy"
    for attempt in range(2):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root), str(DEFAULT), "-1"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        for _ in range(3 + attempt * 2):  # let it commit a few, then kill it mid-loop
            child.stdout.readline()
        time.sleep(0.01 * attempt)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        audited = _assert_consistent(root)
    assert len(audited) >= 6
    # and the store goes on from there
    assert PolicyStore(root, DEFAULT).set(POLICY, "ops").version.version == f"v{len(audited) + 1}"


def test_recovery_undoes_each_interrupted_step(tmp_path: Path) -> None:  # finding #15
    root = tmp_path / "policy"
    store = PolicyStore(root, DEFAULT)
    store.set(POLICY, "ops")  # v2
    versions = root / "versions"
    # killed after writing v3's files but before its audit line (the commit): never applied
    (versions / "v3.yaml").write_text(POLICY)
    (versions / "v3.json").write_text((versions / "v2.json").read_text().replace("v2", "v3"))
    (versions / ".tmp-abc").write_text("half")
    (root / ".tmp-def").write_text("half")
    with (root / "audit.log").open("a") as handle:
        handle.write('{"version": "v3", "auth')  # torn line
    fresh = PolicyStore(root, DEFAULT)
    assert fresh.current().version.version == "v2"
    assert _assert_consistent(root) == ["v1", "v2"]
    assert (root / "audit.log").read_text().endswith("}\n")
    # killed after the audit line but before CURRENT: the recorded version is the current one
    store.set(POLICY, "ops")  # v3
    (root / "CURRENT").write_text("v2\n")
    assert PolicyStore(root, DEFAULT).current().version.version == "v3"


def test_an_older_version_never_replaces_the_one_in_force(tmp_path: Path) -> None:
    """Two concurrent SetPolicy calls store v2 and v3 in order but may reach the service out of
    order: the server keeps deciding under v3."""
    store = PolicyStore(tmp_path / "store", DEFAULT)
    older, newer = store.set(POLICY, "ops"), store.set(POLICY, "ops")
    service = TriageService(Settings(policy_file=DEFAULT))
    service.use_policy(newer)
    service.use_policy(older)
    assert service.policy.version.version == newer.version.version == "v3"
