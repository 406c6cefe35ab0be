"""Loading and validating the content files: knowledge-base articles (Markdown with YAML front
matter), macros (YAML) and the routing table (YAML). Loading does all the I/O; every problem is a
ContentError naming the file and line, so an ops person can fix it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from triage.domain import FIXED_LABELS, SUPPORTED_LANGUAGES
from triage.errors import ContentError

PLACEHOLDERS: tuple[str, ...] = (
    "customer_name",
    "order_id",
    "ticket_id",
    "agent_name",
)
"""The placeholders a macro may use; a macro naming any other is refused at load."""

_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True)
class ArticleDoc:
    id: str
    title: str
    language: str
    topics: tuple[str, ...]
    url: str
    body: str
    """Markdown body, as written."""
    questions: tuple[str, ...] = ()
    """Optional example questions the article answers (front matter `questions`)."""


@dataclass(frozen=True)
class Requirement:
    """A fact a macro's promise depends on (`requires:` in the macro file): the predicted
    probability of `topics` (summed) must reach `confidence`, else the macro never ranks above
    one whose facts hold ("refund started" on a question about a fee promises a refund)."""

    topics: tuple[str, ...]
    confidence: float


@dataclass(frozen=True)
class Macro:
    id: str
    title: str
    language: str
    topics: tuple[str, ...]
    text: str
    placeholders: tuple[str, ...]
    """Placeholders in the text, in order of first use."""
    chatbot: bool = False
    """Safe to send to a customer as a chatbot answer (front matter `chatbot: true`)."""
    requires: Requirement | None = None


@dataclass(frozen=True)
class BusinessHours:
    timezone: str
    days: frozenset[int]
    """Weekday numbers, Monday = 0."""
    start: time
    end: time


@dataclass(frozen=True)
class Queue:
    name: str
    topics: tuple[str, ...]
    """Empty = any topic."""
    tiers: tuple[str, ...]
    """Empty = any tier."""
    languages: tuple[str, ...]
    hours: BusinessHours | None = None
    groups: tuple[str, ...] = ()
    """The `queue` labels of a learned queue head that this queue stands for (default: its
    name); a regional team may cover several."""


@dataclass(frozen=True)
class Content:
    articles: tuple[ArticleDoc, ...]
    macros: tuple[Macro, ...]
    queues: tuple[Queue, ...]
    directory: Path

    def unknown_topics(self, known: Iterable[str]) -> tuple[str, ...]:
        """Topics the content names that are not in `known` (the model's topic labels)."""
        named = {
            topic
            for topics in (
                *(a.topics for a in self.articles),
                *(m.topics for m in self.macros),
                *(m.requires.topics for m in self.macros if m.requires is not None),
                *(q.topics for q in self.queues),
            )
            for topic in topics
        }
        return tuple(sorted(named - set(known)))


class _LineDict(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings remember the line they start on."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {
        str(key.value): key.start_mark.line + 1 for key, _value in node.value if key.value
    }
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _yaml(text: str, where: Path, line_offset: int = 0) -> Any:
    try:
        value = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark is not None else line_offset + 1
        raise ContentError(f"{where}:{line}: not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ContentError(f"{where}: not valid YAML: {exc}") from None
    if isinstance(value, _LineDict) and line_offset:
        _shift_lines(value, line_offset)
    return value


def _shift_lines(value: Any, offset: int) -> None:
    if isinstance(value, _LineDict):
        value.line += offset
        value.key_lines = {k: line + offset for k, line in value.key_lines.items()}
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, list):
        for item in value:
            _shift_lines(item, offset)


class _Fields:
    """Typed access to one YAML mapping; errors name file, line and key."""

    def __init__(self, mapping: Any, where: Path, what: str, line: int = 1) -> None:
        if not isinstance(mapping, dict):
            raise ContentError(f"{where}:{line}: {what} must be a mapping of keys to values")
        self.mapping = mapping
        self.where = where
        self.line = getattr(mapping, "line", line)
        self.what = what

    def error(self, problem: str, key: str | None = None) -> ContentError:
        """An error at `key`'s line when the mapping has that key, else at the mapping's."""
        line = getattr(self.mapping, "key_lines", {}).get(key, self.line)
        return ContentError(f"{self.where}:{line}: {self.what}: {problem}")

    def check_keys(self, allowed: Iterable[str]) -> None:
        unknown = sorted(set(self.mapping) - set(allowed))
        if unknown:
            raise self.error(
                f"unknown key {unknown[0]!r} (known: {', '.join(sorted(allowed))})", unknown[0]
            )

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self.mapping.get(key)
        if value is None:
            if required:
                raise self.error(f"{key!r} is required")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.error(f"{key!r} must be text", key)
        text = str(value).strip()
        if required and not text:
            raise self.error(f"{key!r} must not be empty", key)
        return text

    def texts(self, key: str, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
        value = self.mapping.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"{key!r} must be a list of text", key)
        if allowed is not None:
            allowed = tuple(allowed)
            for v in value:
                if v not in allowed:
                    raise self.error(f"{key!r}: {v!r} is not one of {', '.join(allowed)}", key)
        return tuple(v.strip() for v in value)

    def flag(self, key: str) -> bool:
        value = self.mapping.get(key, False)
        if not isinstance(value, bool):
            raise self.error(f"{key!r} must be true or false", key)
        return value

    def language(self, key: str = "language") -> str:
        code = self.text(key)
        if code not in SUPPORTED_LANGUAGES:
            raise self.error(
                f"{key!r}: {code!r} is not one of {', '.join(SUPPORTED_LANGUAGES)}", key
            )
        return code

    def slug(self, key: str) -> str:
        value = self.text(key)
        if not _SLUG_RE.match(value):
            raise self.error(f"{key!r}: {value!r} must be lowercase letters, digits, . _ -", key)
        return value


# --- knowledge base -------------------------------------------------------------------------


def load_article(path: Path) -> ArticleDoc:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(f"{path}:1: an article starts with a '---' line and YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ContentError(f"{path}:1: the front matter has no closing '---' line") from None
    meta = _Fields(_yaml("\n".join(lines[1:end]), path, line_offset=1), path, "front matter", 2)
    meta.check_keys(("id", "title", "language", "topics", "url", "questions"))
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise ContentError(f"{path}:{end + 2}: the article has no text after the front matter")
    url = meta.text("url")
    if not url.startswith(("https://", "http://", "/")):
        raise meta.error(f"'url': {url!r} must start with https://, http:// or /", "url")
    return ArticleDoc(
        id=meta.slug("id"),
        title=meta.text("title"),
        language=meta.language(),
        topics=meta.texts("topics"),
        url=url,
        body=body,
        questions=meta.texts("questions"),
    )


def load_articles(directory: Path) -> tuple[ArticleDoc, ...]:
    if not directory.is_dir():
        raise ContentError(f"{directory}: the knowledge-base folder does not exist")
    articles = [load_article(p) for p in sorted(directory.rglob("*.md")) if p.name != "README.md"]
    _unique((a.id for a in articles), directory, "article id")
    return tuple(articles)


# --- macros -----------------------------------------------------------------------------------


def placeholders_in(text: str, where: Path, line: int) -> tuple[str, ...]:
    """The placeholders of a macro text, checked: known names, balanced braces."""
    names: list[str] = []
    for match in _PLACEHOLDER_RE.finditer(text):
        name = match.group(1).strip()
        if name not in PLACEHOLDERS:
            raise ContentError(
                f"{where}:{line}: unknown placeholder {{{name}}} "
                f"(known: {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"
            )
        if name not in names:
            names.append(name)
    if "{" in _PLACEHOLDER_RE.sub("", text) or "}" in _PLACEHOLDER_RE.sub("", text):
        raise ContentError(f"{where}:{line}: unbalanced '{{' or '}}' in the text")
    return tuple(names)


def load_macros_file(path: Path) -> list[Macro]:
    data = _yaml(path.read_text(encoding="utf-8"), path)
    if not isinstance(data, dict) or not isinstance(data.get("macros"), list):
        raise ContentError(f"{path}:1: expected a top-level 'macros:' list")
    out = []
    for i, item in enumerate(data["macros"]):
        fields = _Fields(item, path, f"macros[{i}]", getattr(data, "line", 1))
        fields.check_keys(("id", "title", "language", "topics", "text", "chatbot", "requires"))
        text = fields.text("text")
        placeholders = placeholders_in(text, path, fields.line)
        chatbot = fields.flag("chatbot")
        if chatbot and placeholders:
            raise fields.error(
                "a chatbot macro must not use placeholders (nobody fills them in)", "text"
            )
        out.append(
            Macro(
                id=fields.slug("id"),
                title=fields.text("title"),
                language=fields.language(),
                topics=fields.texts("topics"),
                text=text,
                placeholders=placeholders,
                chatbot=chatbot,
                requires=_requirement(fields, path),
            )
        )
    return out


DEFAULT_REQUIRED_CONFIDENCE = 0.7
"""`requires.confidence` when a macro leaves it out: above the topic band's `suggest` (0.6), since
the macro states the fact to the customer as settled."""


def _requirement(fields: _Fields, path: Path) -> Requirement | None:
    raw = fields.mapping.get("requires")
    if raw is None:
        return None
    req = _Fields(raw, path, f"{fields.what}.requires", fields.line)
    req.check_keys(("topics", "confidence"))
    topics = req.texts("topics")
    if not topics:
        raise req.error("'topics' must name at least one topic", "topics")
    confidence = req.mapping.get("confidence", DEFAULT_REQUIRED_CONFIDENCE)
    if (
        not isinstance(confidence, int | float)
        or isinstance(confidence, bool)
        or not 0 < confidence <= 1
    ):
        raise req.error(
            f"'confidence' must be a number above 0 and at most 1, got {confidence!r}", "confidence"
        )
    return Requirement(topics, float(confidence))


def load_macros(directory: Path) -> tuple[Macro, ...]:
    if not directory.is_dir():
        raise ContentError(f"{directory}: the macros folder does not exist")
    macros = [m for p in sorted(directory.glob("*.yaml")) for m in load_macros_file(p)]
    _unique((m.id for m in macros), directory, "macro id")
    return tuple(macros)


# --- routing table ----------------------------------------------------------------------------


def _hours(fields: _Fields, default_tz: str) -> BusinessHours | None:
    raw = fields.mapping.get("hours")
    if raw is None:
        return None
    hours = _Fields(raw, fields.where, f"{fields.what}.hours", fields.line)
    hours.check_keys(("timezone", "days", "start", "end"))
    tz = hours.text("timezone", required=False, default=default_tz)
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise hours.error(f"'timezone': {tz!r} is not an IANA time zone", "timezone") from None
    days_spec = hours.text("days", required=False, default="mon-fri").lower()
    days: set[int] = set()
    for part in days_spec.split(","):
        first, _, last = part.strip().partition("-")
        if first not in _DAYS or (last and last not in _DAYS):
            raise hours.error(
                f"'days': {days_spec!r} must look like mon-fri or mon,wed,sat", "days"
            )
        a, b = _DAYS[first], _DAYS[last or first]
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])

    def clock(key: str, default: str) -> time:
        value = hours.text(key, required=False, default=default)
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise hours.error(f"{key!r}: {value!r} must be HH:MM", key) from None

    start, end = clock("start", "09:00"), clock("end", "17:00")
    if start >= end:
        raise hours.error("'start' must be before 'end'")
    return BusinessHours(tz, frozenset(days), start, end)


def load_routing(path: Path, topics: Iterable[str] | None = None) -> tuple[Queue, ...]:
    """The routing table; `topics`, when given, are the labels a queue may name."""
    if not path.is_file():
        raise ContentError(f"{path}: the routing table does not exist")
    data = _yaml(path.read_text(encoding="utf-8"), path)
    top = _Fields(data, path, "routing table")
    top.check_keys(("timezone", "queues"))
    default_tz = top.text("timezone", required=False, default="UTC")
    if not isinstance(data.get("queues"), list) or not data["queues"]:
        raise ContentError(f"{path}:{top.line}: expected a non-empty 'queues:' list")
    queues = []
    for i, item in enumerate(data["queues"]):
        fields = _Fields(item, path, f"queues[{i}]", top.line)
        fields.check_keys(("name", "topics", "tiers", "languages", "hours", "groups"))
        name = fields.slug("name")
        fields.what = f"queue {name!r}"
        languages = fields.texts("languages", SUPPORTED_LANGUAGES)
        if not languages:
            raise fields.error("'languages' must list at least one language", "languages")
        queues.append(
            Queue(
                name=name,
                topics=fields.texts("topics", topics),
                tiers=fields.texts("tiers", FIXED_LABELS["tier"]),
                languages=languages,
                hours=_hours(fields, default_tz),
                groups=fields.texts("groups") or (name,),
            )
        )
    _unique((q.name for q in queues), path, "queue name")
    return tuple(queues)


def _unique(values: Iterable[str], where: Path, what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ContentError(f"{where}: {what} {value!r} is used twice")
        seen.add(value)


def load_content(directory: Path, topics: Iterable[str] | None = None) -> Content:
    """Everything under `directory`: kb/, macros/ and routing.yaml."""
    directory = Path(directory)
    try:
        return Content(
            articles=load_articles(directory / "kb"),
            macros=load_macros(directory / "macros"),
            queues=load_routing(directory / "routing.yaml", topics),
            directory=directory,
        )
    except OSError as exc:
        raise ContentError(f"{directory}: cannot read content: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ContentError(f"{directory}: a content file is not UTF-8: {exc}") from exc
