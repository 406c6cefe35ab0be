"""Tests of data/generate_tickets.py: real runs of the CLI and the importable functions."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "generate_tickets.py"
ROW_KEYS = {
    "id", "subject", "body", "channel", "language", "customer_id", "customer_name",
    "customer_segment", "customer_plan", "customer_vip", "previous_contacts", "reopen_count",
    "created_at", "sla_due_at", "tags", "order_id", "topic", "priority", "tier", "sentiment",
    "escalated", "queue", "phrasing_id",
}  # fmt: skip
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _load_generator() -> ModuleType:
    # data/ is not a package; load the script by path, as the Makefile runs it.
    spec = importlib.util.spec_from_file_location("generate_tickets", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return gen.generate(1000, 13)


@pytest.fixture(scope="module")
def many_rows() -> list[dict[str, Any]]:
    return gen.generate(3000, 5)


def _run_cli(out: Path, *args: str) -> None:
    cmd = [sys.executable, str(SCRIPT), "--n", "1000", "--out", str(out), *args]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def _files(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in
            ("train.jsonl", "test.jsonl", "manifest.json")}  # fmt: skip


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    _run_cli(tmp_path / "a", "--seed", "7")
    _run_cli(tmp_path / "b", "--seed", "7")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_different_seed_gives_different_files(tmp_path: Path) -> None:
    _run_cli(tmp_path / "a", "--seed", "7")
    _run_cli(tmp_path / "b", "--seed", "8")
    assert _files(tmp_path / "a")["train.jsonl"] != _files(tmp_path / "b")["train.jsonl"]


def test_cli_split_holds_out_whole_phrasings(tmp_path: Path) -> None:
    _run_cli(tmp_path)
    train = _read_jsonl(tmp_path / "train.jsonl")
    test = _read_jsonl(tmp_path / "test.jsonl")
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(train) + len(test) == 1000
    assert not {r["phrasing_id"] for r in train} & {r["phrasing_id"] for r in test}
    assert 0.1 < len(test) / 1000 < 0.35
    assert manifest["n"] == 1000 and manifest["seed"] == 13
    assert manifest["splits"]["train"]["rows"] == len(train)
    assert sum(manifest["splits"]["test"]["language"].values()) == len(test)


def test_split_holds_out_about_a_fifth_of_each_group() -> None:
    held = gen.held_out_phrasings(0.2, 13)
    for (topic, lang), ids in gen.phrasing_catalogue().items():
        n_held = len(held & set(ids))
        assert n_held >= (2 if len(ids) >= 8 else 1), (topic, lang)
        assert n_held < len(ids)


def test_split_is_seeded() -> None:
    assert gen.held_out_phrasings(0.2, 1) == gen.held_out_phrasings(0.2, 1)
    assert gen.held_out_phrasings(0.2, 1) != gen.held_out_phrasings(0.2, 2)


def test_split_function_keeps_every_row_once(rows: list[dict[str, Any]]) -> None:
    train, test = gen.split(rows, 0.2, 13)
    assert len(train) + len(test) == len(rows)
    assert not {r["phrasing_id"] for r in train} & {r["phrasing_id"] for r in test}


def test_catalogue_has_enough_core_phrasings() -> None:
    catalogue = gen.phrasing_catalogue()
    assert len(gen.TOPICS) >= 12
    assert all(len(ids) >= 8 for ids in catalogue.values())
    assert sum(len(ids) for ids in catalogue.values()) >= 500


def test_rows_have_the_schema(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == ROW_KEYS
        assert re.fullmatch(r"T\d{6}", row["id"])
        assert row["body"].strip()
        assert ISO_UTC.match(row["created_at"]) and ISO_UTC.match(row["sla_due_at"])
        assert row["sla_due_at"] > row["created_at"]
        assert isinstance(row["customer_vip"], bool) and isinstance(row["escalated"], bool)
        assert row["previous_contacts"] >= 0 and row["reopen_count"] >= 0
        assert all(isinstance(tag, str) for tag in row["tags"])
    assert len({r["id"] for r in rows}) == len(rows)


def test_label_values_are_valid(rows: list[dict[str, Any]]) -> None:
    allowed = {
        "channel": {"email", "chat", "phone", "web", "social"},
        "language": {"en", "nl", "ro", "de", "fr"},
        "customer_segment": {"consumer", "smb", "enterprise"},
        "customer_plan": {"free", "basic", "pro", "enterprise"},
        "priority": {"low", "normal", "high", "urgent"},
        "tier": {"L1", "L2", "L3"},
        "sentiment": {"negative", "neutral", "positive"},
        "topic": set(gen.TOPICS),
        "queue": set(gen.QUEUES),
    }
    for field, values in allowed.items():
        assert {r[field] for r in rows} <= values, field
    escalated = sum(r["escalated"] for r in rows) / len(rows)
    assert 0.08 < escalated < 0.25


def test_all_languages_and_topics_present(rows: list[dict[str, Any]]) -> None:
    languages = [r["language"] for r in rows]
    assert {lang: languages.count(lang) > 120 for lang in gen.LANGUAGES} == dict.fromkeys(
        gen.LANGUAGES, True
    )
    assert len({r["topic"] for r in rows}) >= 12


def test_romanian_uses_comma_below_diacritics(rows: list[dict[str, Any]]) -> None:
    text = " ".join(r["subject"] + " " + r["body"] for r in rows if r["language"] == "ro")
    assert "ș" in text and "ț" in text and "ă" in text
    assert "ş" not in text and "ţ" not in text  # cedilla forms are wrong for Romanian


def test_text_has_realistic_noise(rows: list[dict[str, Any]]) -> None:
    bodies = [r["body"] for r in rows]
    assert sum("\n> " in b for b in bodies) >= 20  # quoted earlier replies
    assert sum(bool(re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", b)) for b in bodies) >= 50
    assert sum(bool(r["order_id"]) and r["order_id"] in r["body"] for r in rows) >= 100
    assert sum("!!!" in b for b in bodies) >= 50
    assert sum("http" in b for b in bodies) >= 20
    chats = [r for r in rows if r["channel"] == "chat"]
    assert all(r["subject"] == "" and "\n" not in r["body"] for r in chats)
    emails = [r for r in rows if r["channel"] == "email"]
    assert all(r["subject"] and "\n\n" in r["body"] for r in emails)


def test_priority_follows_metadata(many_rows: list[dict[str, Any]]) -> None:
    rows = many_rows

    def high_share(subset: list[dict[str, Any]]) -> float:
        return sum(r["priority"] in ("high", "urgent") for r in subset) / len(subset)

    vip = [r for r in rows if r["customer_vip"]]
    non_vip = [r for r in rows if not r["customer_vip"]]
    assert high_share(vip) > high_share(non_vip) + 0.05
    outage = [r for r in rows if r["topic"] in ("outage", "security_incident")]
    questions = [r for r in rows if r["topic"] in ("feature_request", "product_question")]
    assert high_share(outage) > high_share(questions) + 0.3


def test_escalation_follows_legal_threats(many_rows: list[dict[str, Any]]) -> None:
    rows = many_rows
    lawyer = [r for r in rows if "lawyer" in r["body"] or "Anwalt" in r["body"]]
    rest = [r for r in rows if r not in lawyer]
    assert lawyer
    assert sum(r["escalated"] for r in lawyer) / len(lawyer) > sum(
        r["escalated"] for r in rest
    ) / len(rest)


def test_generate_is_deterministic() -> None:
    assert gen.generate(300, 3) == gen.generate(300, 3)
    assert gen.generate(300, 3) != gen.generate(300, 4)


@pytest.mark.parametrize("book", ["IMPACT", "DEPTH"])
def test_impact_and_depth_phrasebooks_are_complete(book: str) -> None:
    levels = gen.PRIORITIES if book == "IMPACT" else gen.TIERS
    phrasebook = getattr(gen.P, book)
    assert tuple(phrasebook) == levels
    known_slots = {"error_code", "browser", "os", "app_version"}
    for level in levels:
        assert set(phrasebook[level]) == set(gen.LANGUAGES), level
        for lang, phrases in phrasebook[level].items():
            assert len(set(phrases)) >= 6, (level, lang)
            for phrase in phrases:
                assert set(gen.SLOT_RE.findall(phrase)) <= known_slots, phrase
                assert "ş" not in phrase and "ţ" not in phrase, phrase


def _share_with(rows: list[dict[str, Any]], phrases: set[str]) -> float:
    hits = [any(p in r["subject"] + "\n" + r["body"] for p in phrases) for r in rows]
    return sum(hits) / len(hits)


def _all_phrases(book: dict[str, dict[str, tuple[str, ...]]], level: str) -> set[str]:
    # Slots are filled per ticket, so match on the text before the first slot.
    return {p.split("{")[0] for phrases in book[level].values() for p in phrases}


def test_text_states_the_impact_of_the_priority(many_rows: list[dict[str, Any]]) -> None:
    by_label = {p: [r for r in many_rows if r["priority"] == p] for p in gen.PRIORITIES}
    urgent_phrases = _all_phrases(gen.P.IMPACT, "urgent")
    low_phrases = _all_phrases(gen.P.IMPACT, "low")
    assert _share_with(by_label["urgent"], urgent_phrases) > 0.15
    assert _share_with(by_label["urgent"], urgent_phrases) > 4 * _share_with(
        by_label["low"], urgent_phrases
    )
    assert _share_with(by_label["low"], low_phrases) > 0.5
    assert _share_with(by_label["low"], low_phrases) > 4 * _share_with(
        by_label["urgent"], low_phrases
    )
    # Still noisy: not every ticket states its impact, and the label is not a copy of the text.
    any_impact = {p for level in gen.PRIORITIES for p in _all_phrases(gen.P.IMPACT, level)}
    assert 0.5 < _share_with(many_rows, any_impact) < 0.85
    stated_urgent = [r for r in many_rows if _share_with([r], urgent_phrases)]
    assert 0.3 < sum(r["priority"] == "urgent" for r in stated_urgent) / len(stated_urgent) < 0.97


def test_text_states_the_depth_of_the_tier(many_rows: list[dict[str, Any]]) -> None:
    by_label = {t: [r for r in many_rows if r["tier"] == t] for t in gen.TIERS}
    l1_phrases = _all_phrases(gen.P.DEPTH, "L1")
    l3_phrases = _all_phrases(gen.P.DEPTH, "L3")
    assert _share_with(by_label["L3"], l3_phrases) > 0.4
    assert _share_with(by_label["L3"], l3_phrases) > 4 * _share_with(by_label["L1"], l3_phrases)
    assert _share_with(by_label["L1"], l1_phrases) > 4 * _share_with(by_label["L3"], l1_phrases)
    stated_l3 = [r for r in many_rows if _share_with([r], l3_phrases)]
    assert 0.5 < sum(r["tier"] == "L3" for r in stated_l3) / len(stated_l3) < 0.99


def test_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        gen.split([], 1.5, 13)
    cmd = [sys.executable, str(SCRIPT), "--test-fraction", "1.0", "--out", str(tmp_path)]
    assert subprocess.run(cmd, capture_output=True).returncode == 2
