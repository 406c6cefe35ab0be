"""Canned responses: macros ranked for a ticket (predicted topic first, words second) and
rendered with the placeholders the ticket can fill; the rest are listed, never left as {braces}."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from triage.domain import CannedResponse, Ticket
from triage.suggest.content import Macro
from triage.suggest.index import RELATIVE_MIN, LexicalIndex, best_rows

FALLBACK_LANGUAGE = "en"
TOPIC_WEIGHT = 0.7
GENERIC_PRIOR = 0.12
"""Topic fit of a macro with no topics (acknowledgements and the like)."""
MIN_SCORE = 0.05
"""Floor for any macro (the chatbot's lexical-only candidates included)."""
SUGGEST_MIN_SCORE = 0.15
"""Canned responses for agents score at least this (topic-weighted): a macro on a topic at
about 0.2 probability, or one the words match, not a generic one by default."""

_PLACEHOLDER_RE = re.compile(r"\{\s*([a-z_]+)\s*\}")
# Id-like tokens: ORD-482913, INV-2024-0042, #48291, 48291734.
_ID_RE = re.compile(r"(?<![\w-])(#|[A-Za-z]{2,6}-?)?(\d{4,}(?:-\d{3,})*)\b(?![-/.,]\d)")
# What fills {order_id}: a token with an order prefix, or one the ticket calls an order at most
# three words before it (same sentence); a token an invoice, receipt, customer, phone or IBAN
# word names is never an order id, whatever its shape.
_ORDER_PREFIX_RE = re.compile(r"^(ord|order|bes|best|cmd|com|bst)", re.IGNORECASE)
_ORDER_WORD_RE = re.compile(
    r"\b(orders?|bestell\w*|bestelling\w*|commandes?|comand\w*)\b(?:\W+\w+){0,3}?\W*$",
    re.IGNORECASE,
)
_OTHER_WORD_RE = re.compile(
    r"\b(invoices?|factu\w*|rechnung\w*|receipts?|quittung|bon|credit\s*note|customer|client|"
    r"kunde\w*|klant\w*|account|konto|phone|tel\w*|iban|ticket|case)\b",
    re.IGNORECASE,
)
_OTHER_PREFIX_RE = re.compile(
    r"^(inv|re|rg|fa|fac|fact|fakt|rcpt|cn|cust|cus|kd|tel|tkt)-?$", re.IGNORECASE
)
_CONTEXT_CHARS = 30
_CLAUSE_END_RE = re.compile(r"[;!?\n]|\.\s+(?=[A-Z])")


def order_id(text: str) -> str:
    """The first order id in `text`, or "" (see _ORDER_PREFIX_RE and _ORDER_WORD_RE)."""
    for match in _ID_RE.finditer(text):
        prefix, before = (
            match.group(1) or "",
            text[max(0, match.start() - _CONTEXT_CHARS) : match.start()],
        )
        if _OTHER_PREFIX_RE.match(prefix):
            continue
        words = _CLAUSE_END_RE.split(before)[-1]  # the same sentence only
        named_other = _OTHER_WORD_RE.search(words)
        named_order = _ORDER_WORD_RE.search(words)
        if named_other and (named_order is None or named_other.start() > named_order.start()):
            continue
        if named_order or _ORDER_PREFIX_RE.match(prefix):
            return match.group(0).lstrip("#")
    return ""


def ticket_values(ticket: Ticket) -> dict[str, str]:
    """The placeholder values a ticket can provide, each only from a value of its kind."""
    values = {"ticket_id": ticket.id.strip(), "customer_name": ticket.customer.name.strip()}
    values["order_id"] = order_id(f"{ticket.subject}\n{ticket.body}")
    return {k: v for k, v in values.items() if v}


def render(text: str, values: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """Fill placeholders; a missing one becomes `[name]` and is returned in the missing list."""
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        value = values.get(name)
        if value:
            return value
        if name not in missing:
            missing.append(name)
        return f"[{name}]"

    return _PLACEHOLDER_RE.sub(fill, text), tuple(missing)


class MacroLibrary:
    def __init__(self, macros: Sequence[Macro], lemmas: Sequence[Sequence[str]]) -> None:
        self.macros = tuple(macros)
        self.index = LexicalIndex(lemmas, char_ngrams=False)
        self.languages = np.asarray([m.language for m in self.macros])

    def scores(
        self, lemmas: Sequence[str], topic_probs: Mapping[str, float] | None = None
    ) -> np.ndarray:
        probs = topic_probs or {}
        topic_fit = np.asarray(
            [
                sum(probs.get(t, 0.0) for t in m.topics) if m.topics else GENERIC_PRIOR
                for m in self.macros
            ]
        )
        return TOPIC_WEIGHT * np.minimum(topic_fit, 1.0) + (1 - TOPIC_WEIGHT) * self.index.scores(
            lemmas
        )

    def established(self, topic_probs: Mapping[str, float] | None) -> np.ndarray:
        """Per macro: whether the ticket establishes what its promise depends on (always, for a
        macro without `requires`)."""
        probs = topic_probs or {}
        return np.asarray(
            [
                m.requires is None
                or sum(probs.get(t, 0.0) for t in m.requires.topics) >= m.requires.confidence
                for m in self.macros
            ],
            dtype=bool,
        )

    def ranked(
        self,
        scores: np.ndarray,
        language: str,
        limit: int,
        chatbot_only: bool = False,
        min_score: float = MIN_SCORE,
        relative: float = RELATIVE_MIN,
        topic_probs: Mapping[str, float] | None = None,
    ) -> list[tuple[int, float]]:
        """The best macros in `language` (else English). A macro whose required facts the
        ticket does not establish never ranks first: it comes after the established ones, and
        not at all without one. `min_score`/`relative`: see best_rows."""
        allowed = np.asarray([m.chatbot or not chatbot_only for m in self.macros], dtype=bool)
        established = self.established(topic_probs)
        for lang in dict.fromkeys((language, FALLBACK_LANGUAGE)):
            rows = np.flatnonzero((self.languages == lang) & allowed)
            rows = rows[scores[rows] >= min_score]
            if not rows.size:
                continue
            order = best_rows(rows[established[rows]], scores, limit, min_score, relative)
            if order.size:
                later = rows[~established[rows]]
                later = later[scores[later] >= relative * scores[order[0]]]
                later = later[np.argsort(-scores[later], kind="stable")]
                order = np.concatenate([order, later])[:limit]
            return [(int(r), float(scores[r])) for r in order]
        return []

    def suggest(
        self,
        ticket: Ticket,
        lemmas: Sequence[str],
        language: str,
        limit: int,
        topic_probs: Mapping[str, float] | None = None,
    ) -> list[CannedResponse]:
        values = ticket_values(ticket)
        out = []
        scores = self.scores(lemmas, topic_probs)
        ranked = self.ranked(
            scores, language, limit, min_score=SUGGEST_MIN_SCORE, topic_probs=topic_probs
        )
        for row, score in ranked:
            macro = self.macros[row]
            text, missing = render(macro.text, values)
            out.append(
                CannedResponse(
                    id=macro.id,
                    title=macro.title,
                    text=text,
                    score=round(score, 6),
                    language=macro.language,
                    missing_fields=missing,
                )
            )
        return out
