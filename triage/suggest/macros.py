"""Canned responses: macros ranked for a ticket (predicted topic first, words second) and
rendered with the placeholders the ticket can fill; the rest are listed, never left as {braces}."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from triage.domain import CannedResponse, Ticket
from triage.suggest.content import Macro
from triage.suggest.index import LexicalIndex

FALLBACK_LANGUAGE = "en"
TOPIC_WEIGHT = 0.7
GENERIC_PRIOR = 0.12
"""Topic fit of a macro with no topics (acknowledgements and the like)."""
MIN_SCORE = 0.05

_PLACEHOLDER_RE = re.compile(r"\{\s*([a-z_]+)\s*\}")
# Order ids as customers write them: ORD-482913, #48291, or a bare run of 6+ digits.
_ORDER_ID_RE = re.compile(r"(?:#|\b[A-Z]{2,5}-?)\d{4,}\b|\b\d{6,}\b")


def ticket_values(ticket: Ticket) -> dict[str, str]:
    """The placeholder values a ticket can provide."""
    values = {"ticket_id": ticket.id.strip(), "customer_name": ticket.customer.name.strip()}
    match = _ORDER_ID_RE.search(f"{ticket.subject}\n{ticket.body}")
    values["order_id"] = match.group(0).lstrip("#") if match else ""
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

    def ranked(
        self, scores: np.ndarray, language: str, limit: int, chatbot_only: bool = False
    ) -> list[tuple[int, float]]:
        allowed = np.asarray([m.chatbot or not chatbot_only for m in self.macros], dtype=bool)
        for lang in dict.fromkeys((language, FALLBACK_LANGUAGE)):
            rows = np.flatnonzero((self.languages == lang) & allowed & (scores >= MIN_SCORE))
            if rows.size:
                order = rows[np.argsort(-scores[rows], kind="stable")][:limit]
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
        for row, score in self.ranked(self.scores(lemmas, topic_probs), language, limit):
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
