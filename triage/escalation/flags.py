"""Text flags: lemma patterns, one set per language, built from `patterns.TEXT_FLAGS` with the
TextPipeline's own loaded pipelines (nothing new is loaded).

They run over the ORIGINAL subject and body (not the masked text the heads read) so the
evidence offsets point into what the client sent. Matching is a small pure-Python matcher over
the pipeline's cached token lemmas (`TextPipeline.tokens`): it finds every match, like spaCy's
`Matcher`, and keeps the same ones as `spacy.util.filter_spans`, without building a Doc and its
Token objects per field (a test pins it to spaCy's Matcher on generated tickets)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triage.domain import EvidenceSpan, Ticket
from triage.escalation.patterns import TEXT_FLAGS, Patterns
from triage.text import TextPipeline

FLAG_CODES: tuple[str, ...] = (
    "SLA_BREACH_RISK",
    "CHURN_RISK",
    "LEGAL_THREAT",
    "SECURITY_INCIDENT",
    "REGULATOR_MENTION",
    "VIP_CUSTOMER",
    "REPEAT_CONTACT",
    "ANGRY_CUSTOMER",
)
"""Every flag code the policy knows, in response order."""

_RO_FOLD = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})  # cedilla -> comma below


def _fold(lemma: str) -> str:
    return lemma.translate(_RO_FOLD)


@dataclass(frozen=True)
class TextMatches:
    """Text flag code -> evidence spans (subject first, then body, in reading order)."""

    spans: dict[str, tuple[EvidenceSpan, ...]]

    def count(self, code: str) -> int:
        return len(self.spans.get(code, ()))


Slot = frozenset[str] | int
"""A pattern slot: the folded lemmas one token may have, or up to N arbitrary tokens."""


@dataclass(frozen=True)
class Rule:
    flag: str
    slots: tuple[Slot, ...]
    """Starts and ends with a word slot."""


def _ends(slots: Sequence[Slot], norms: Sequence[str], position: int) -> set[int]:
    """Every token index where `slots` can end when they start at `position`."""
    positions = {position}
    for slot in slots:
        if isinstance(slot, int):
            positions = {p + k for p in positions for k in range(slot + 1) if p + k <= len(norms)}
        else:
            positions = {p + 1 for p in positions if p < len(norms) and norms[p] in slot}
        if not positions:
            break
    return positions


def filter_spans(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spacy.util.filter_spans` on (start, end) token pairs: the longest (then first) spans
    that share no boundary token with a span kept before, in reading order."""
    kept, seen = [], set[int]()
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    return sorted(kept)


class TextFlagger:
    """Matches the text flags of `patterns` in tickets; pure, so thread-safe after construction."""

    def __init__(self, text: TextPipeline, patterns: Patterns = TEXT_FLAGS) -> None:
        self.text = text
        self.codes = tuple(patterns)
        # language -> first word -> rules starting with it (a token starts few or no rules)
        self.rules: dict[str, dict[str, list[Rule]]] = {}
        for code in text.languages:
            by_first: dict[str, list[Rule]] = {}
            for flag, per_language in patterns.items():
                for spec in per_language.get(code, ()):
                    rule = Rule(flag, self._compile(code, spec))
                    first, last = rule.slots[0], rule.slots[-1]
                    if isinstance(first, int) or isinstance(last, int):
                        raise ValueError(f"{flag} pattern {spec!r}: starts or ends with a gap")
                    for word in first:
                        by_first.setdefault(word, []).append(rule)
            self.rules[code] = by_first

    def _lemma(self, code: str, word: str) -> str:
        return "".join(_fold(lemma) for lemma, _, _, _ in self.text.tokens(code, word))

    def _compile(self, code: str, spec: str) -> tuple[Slot, ...]:
        slots: list[Slot] = []
        for slot in spec.split():
            if slot.startswith("*"):
                slots.append(int(slot[1:]))
                continue
            slots.append(
                frozenset(
                    w for alt in slot.split("|") for w in (alt.lower(), self._lemma(code, alt))
                )
            )
        return tuple(slots)

    def spans(self, code: str, text: str) -> dict[str, list[tuple[int, int]]]:
        """Flag -> kept (start, end) character spans of `text` in reading order."""
        tokens = self.text.tokens(code, text)
        norms = [_fold(lemma) for lemma, _, _, _ in tokens]
        by_first = self.rules[code]
        found: dict[str, set[tuple[int, int]]] = {}
        for i, norm in enumerate(norms):
            for rule in by_first.get(norm, ()):
                for end in _ends(rule.slots[1:], norms, i + 1):
                    found.setdefault(rule.flag, set()).add((i, end))
        return {
            flag: [(tokens[start][2], tokens[end - 1][3]) for start, end in filter_spans(pairs)]
            for flag, pairs in sorted(found.items(), key=lambda kv: min(kv[1]))
        }

    def match(self, tickets: Sequence[Ticket], languages: Sequence[str]) -> list[TextMatches]:
        """One TextMatches per ticket; `languages` are the detected codes (from the inputs)."""
        out: list[TextMatches] = []
        for ticket, code in zip(tickets, languages, strict=True):
            if code not in self.rules:
                out.append(TextMatches({}))
                continue
            found: dict[str, list[EvidenceSpan]] = {}
            for field, value in (("subject", ticket.subject), ("body", ticket.body)):
                if not value:
                    continue
                for flag, spans in self.spans(code, value).items():
                    found.setdefault(flag, []).extend(
                        EvidenceSpan(field, begin, end, value[begin:end]) for begin, end in spans
                    )
            out.append(TextMatches({k: tuple(v) for k, v in found.items()}))
        return out
