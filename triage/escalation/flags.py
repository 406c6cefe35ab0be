"""Text flags: spaCy `Matcher`s over lowercased lookup lemmas, one per language, built from
`patterns.TEXT_FLAGS` with the TextPipeline's own loaded pipelines (nothing new is loaded).

They run over the ORIGINAL subject and body (not the masked text the heads read) so the
evidence offsets point into what the client sent."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

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


class TextFlagger:
    """Matches the text flags of `patterns` in tickets; thread-safe after construction."""

    def __init__(self, text: TextPipeline, patterns: Patterns = TEXT_FLAGS) -> None:
        self.text = text
        self.codes = tuple(patterns)
        self._lock = threading.Lock()  # Matcher objects are not documented as thread-safe
        self._matchers: dict[str, Matcher] = {}
        for code in text.languages:
            nlp = text.nlp(code)
            matcher = Matcher(nlp.vocab)
            for flag, per_language in patterns.items():
                rules = [self._compile(code, spec) for spec in per_language.get(code, ())]
                if rules:
                    matcher.add(flag, rules)
            self._matchers[code] = matcher

    def _lemma(self, code: str, word: str) -> str:
        doc = self.text.nlp(code)(word)
        return "".join(_fold(self.text.token_lemma(code, t)) for t in doc)

    def _compile(self, code: str, spec: str) -> list[dict[str, object]]:
        pattern: list[dict[str, object]] = []
        for slot in spec.split():
            if slot.startswith("*"):
                pattern.append({"OP": f"{{0,{int(slot[1:])}}}"})
                continue
            words = {w for alt in slot.split("|") for w in (alt.lower(), self._lemma(code, alt))}
            pattern.append({"NORM": {"IN": sorted(words)}})
        return pattern

    def _prepare(self, code: str, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = _fold(self.text.token_lemma(code, token))
        return doc

    def match(self, tickets: Sequence[Ticket], languages: Sequence[str]) -> list[TextMatches]:
        """One TextMatches per ticket; `languages` are the detected codes (from the inputs)."""
        out: list[TextMatches] = []
        for ticket, code in zip(tickets, languages, strict=True):
            if code not in self._matchers:
                out.append(TextMatches({}))
                continue
            nlp = self.text.nlp(code)
            found: dict[str, list[EvidenceSpan]] = {}
            for field, value in (("subject", ticket.subject), ("body", ticket.body)):
                if not value:
                    continue
                doc = self._prepare(code, nlp(value))
                with self._lock:
                    matches = self._matchers[code](doc)
                by_flag: dict[str, list] = {}
                for match_id, start, end in matches:
                    by_flag.setdefault(nlp.vocab.strings[match_id], []).append(doc[start:end])
                for flag, spans in by_flag.items():
                    for span in sorted(filter_spans(spans), key=lambda s: s.start):
                        begin = span.start_char
                        finish = span.end_char
                        found.setdefault(flag, []).append(
                            EvidenceSpan(field, begin, finish, value[begin:finish])
                        )
            out.append(TextMatches({k: tuple(v) for k, v in found.items()}))
        return out
