"""The default content loads; broken files are refused with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.errors import ContentError
from triage.suggest.content import load_content, load_macros_file, load_routing
from triage.suggest.kb import family

from .conftest import DATA


def test_default_content_is_big_enough_and_in_five_languages() -> None:
    content = load_content(DATA)
    assert len(content.articles) >= 40
    assert len(content.macros) >= 30
    for kind in (content.articles, content.macros):
        assert {item.language for item in kind} == {"en", "nl", "ro", "de", "fr"}
    assert any("nl" in q.languages and len(q.languages) <= 2 for q in content.queues)
    assert all(family(a) != a.id for a in content.articles)  # translations share a stem


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_routing_table_errors_name_file_and_line(content_dir: Path) -> None:
    path = content_dir / "routing.yaml"
    _replace(
        path,
        "    tiers: [L1, L2]\n    languages: [en, de, fr]\n    hours: {days: mon-sat",
        "    tiers: [L1, L4]\n    languages: [en, de, fr]\n    hours: {days: mon-sat",
    )
    with pytest.raises(ContentError) as err:
        load_routing(path)
    message = str(err.value)
    assert f"{path}:" in message and "'L4' is not one of L1, L2, L3" in message
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "L4" in text)
    assert f"routing.yaml:{line}: queue 'accounts': 'tiers'" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("languages: [en, de, fr]", "languages: [en, xx]", "'xx' is not one of"),
        ("    languages: [en, de, fr]\n", "", "'languages' must list at least one"),
        ('{days: mon-fri, start: "08:00"', '{days: mon-fri, start: "8 am"', "'start'"),
        ("timezone: Europe/Berlin", "timezone: Mars/Olympus", "not an IANA time zone"),
        ("  - name: accounts", "  - name: billing", "queue name 'billing' is used twice"),
        ("queues:", "queues: [", "not valid YAML"),
    ],
)
def test_routing_table_validation(content_dir: Path, old: str, new: str, expected: str) -> None:
    path = content_dir / "routing.yaml"
    _replace(path, old, new)
    with pytest.raises(ContentError, match="routing.yaml") as err:
        load_routing(path)
    assert expected in str(err.value)
    if "used twice" not in expected:
        assert "routing.yaml:" in str(err.value)  # a line number follows the file


def test_yaml_syntax_error_reports_its_line(content_dir: Path) -> None:
    path = content_dir / "routing.yaml"
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if "- name: product" in t)
    text[line - 1] = "  - name: product: bad: [unclosed"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match=rf"routing.yaml:{line}: not valid YAML"):
        load_routing(path)


def test_macro_with_unknown_placeholder_names_file_and_line(content_dir: Path) -> None:
    path = content_dir / "macros" / "nl.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if "- id: refund-started.nl" in t)
    _replace(path, "bestelling {order_id} in gang", "bestelling {order_number} in gang")
    with pytest.raises(
        ContentError, match=rf"nl.yaml:{line}: unknown placeholder {{order_number}}"
    ):
        load_macros_file(path)


def test_chatbot_macro_must_not_have_placeholders(content_dir: Path) -> None:
    path = content_dir / "macros" / "en.yaml"
    _replace(path, "open the login page, click", "open the login page, {customer_name}, click")
    with pytest.raises(ContentError, match="chatbot macro must not use placeholders"):
        load_macros_file(path)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("requires: {topics: [refund], confidence: 1.5}", "'confidence' must be a number above 0"),
        ("requires: {topics: [], confidence: 0.7}", "'topics' must name at least one topic"),
        ("requires: {topic: refund}", "unknown key 'topic'"),
    ],
)
def test_macro_requirements_are_validated(content_dir: Path, new: str, message: str) -> None:
    path = content_dir / "macros" / "en.yaml"
    old = "requires: {topics: [refund], confidence: 0.7}"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if old in t)
    _replace(path, old, new)
    with pytest.raises(ContentError, match=rf"en.yaml:{line}: macros\[1\].requires: {message}"):
        load_macros_file(path)


def test_macro_requirements_load() -> None:
    macros = {m.id: m for m in load_macros_file(DATA / "macros" / "en.yaml")}
    refund = macros["refund-started.en"].requires
    assert refund is not None and (refund.topics, refund.confidence) == (("refund",), 0.7)
    assert macros["acknowledge.en"].requires is None


def test_article_front_matter_errors_name_file_and_line(content_dir: Path) -> None:
    path = content_dir / "kb" / "de" / "password-reset.md"
    _replace(path, "language: de", "language: deutsch")
    with pytest.raises(ContentError, match=r"password-reset.md:4: front matter: 'language'"):
        load_content(content_dir)
    _replace(path, "language: deutsch", "language: de\nauthor: me")
    with pytest.raises(ContentError, match=r"password-reset.md:5: .*unknown key 'author'"):
        load_content(content_dir)


def test_duplicate_article_ids_are_refused(content_dir: Path) -> None:
    copy = content_dir / "kb" / "en" / "copy.md"
    copy.write_text((content_dir / "kb" / "en" / "password-reset.md").read_text("utf-8"), "utf-8")
    with pytest.raises(ContentError, match="article id 'password-reset.en' is used twice"):
        load_content(content_dir)
