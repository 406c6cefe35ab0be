"""The suggestion engine: content loaded and indexed once (all I/O and lemmatisation happen in
`load_suggester`), then pure lookups for Triage, SearchArticles and SuggestAnswer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from triage.domain import AnswerSource, AnswerSuggestion, Article, TriageResult
from triage.features import TicketInput
from triage.suggest.answer import AnswerPolicy, Candidate
from triage.suggest.content import Content, load_content
from triage.suggest.kb import KnowledgeBase, document_text
from triage.suggest.macros import MacroLibrary, render, ticket_values
from triage.suggest.routing import Router, probabilities
from triage.text import TextPipeline

MAX_ARTICLES = 3
MAX_MACROS = 3


@dataclass(frozen=True)
class ContentStatus:
    summary: str
    """What is in service, e.g. "46 articles, 30 macros, 12 queues"."""
    unknown_topics: tuple[str, ...]
    """Topics the content names that the model does not predict: never matched by topic."""


@dataclass(frozen=True)
class Suggester:
    content: Content
    kb: KnowledgeBase
    macros: MacroLibrary
    router: Router
    policy: AnswerPolicy = AnswerPolicy()

    @property
    def summary(self) -> str:
        c = self.content
        return f"{len(c.articles)} articles, {len(c.macros)} macros, {len(c.queues)} queues"

    def route(self, item: TicketInput, result: TriageResult) -> TriageResult:
        """`result` with routing targets only (what escalation reads: the first queue)."""
        routing = self.router.route(
            result.predictions, item.text.language.code, item.ticket.created_at
        )
        return replace(result, routing=tuple(routing))

    def add_to(self, item: TicketInput, result: TriageResult) -> TriageResult:
        """`result` with routing targets, canned responses and articles."""
        lemmas, language = item.text.lemmas, item.text.language.code
        topics = probabilities(result.predictions.get("topic"))
        return replace(
            self.route(item, result),
            canned_responses=tuple(
                self.macros.suggest(item.ticket, lemmas, language, MAX_MACROS, topics)
            ),
            # BM25 + topic prior only: char n-grams cost ~0.7 ms per ticket body.
            articles=tuple(self.kb.search(lemmas, language, MAX_ARTICLES, topics, char=False)),
        )

    def reroute(self, item: TicketInput, result: TriageResult) -> TriageResult:
        """`result` routed again when a consistency rule changed a prediction after routing,
        so that the reasons name the tier and topic the response carries."""
        if result.escalation is None or not result.escalation.rules_applied:
            return result
        return self.route(item, result)

    def search(self, lemmas: Sequence[str], language: str, limit: int) -> list[Article]:
        return self.kb.search(lemmas, language, limit)

    def answer(
        self, item: TicketInput, result: TriageResult, conversation: Sequence[str]
    ) -> AnswerSuggestion:
        lemmas, language = item.text.lemmas, item.text.language.code
        candidates: list[Candidate] = []
        topics = probabilities(result.predictions.get("topic"))
        # Lexical scores only: the topic prior ranks well but would make off-topic text look
        # answerable, and the confidence must say whether the words match.
        kb_scores = self.kb.scores(lemmas)
        for row, score, _fallback in self.kb.ranked(kb_scores, language, 2, relative=0.0):
            doc = self.kb.articles[row]
            text = self.kb.summaries[row]
            candidates.append(Candidate(AnswerSource.ARTICLE, doc.id, text, score, doc.url))
        values = ticket_values(item.ticket)
        macro_scores = self.macros.index.scores(lemmas)
        # The answer policy weighs the margin to the runner-up: no relative cut here.
        ranked = self.macros.ranked(
            macro_scores, language, 2, chatbot_only=True, relative=0.0, topic_probs=topics
        )
        for row, score in ranked:
            macro = self.macros.macros[row]
            text, missing = render(macro.text, values)
            if not missing:
                candidates.append(Candidate(AnswerSource.MACRO, macro.id, text, score))
        candidates.sort(key=lambda c: -c.score)
        text = f"{item.ticket.subject}\n{item.ticket.body}"
        return self.policy.decide(
            text,
            conversation,
            lemmas,
            self.kb.index.coverage(lemmas, language),
            candidates,
            language,
            result.predictions.get("sentiment"),
            escalate=result.escalation is not None and result.escalation.escalate,
            unfamiliar=result.novelty is not None and result.novelty.unfamiliar,
        )


def build_suggester(content: Content, text: TextPipeline) -> Suggester:
    """Index `content` with the same text pipeline that processes tickets."""
    articles, macros = content.articles, content.macros
    article_text = text.process(
        [document_text(a) for a in articles], [a.language for a in articles]
    )
    macro_text = text.process(
        [f"{m.title}\n{m.text}" for m in macros], [m.language for m in macros]
    )
    return Suggester(
        content=content,
        kb=KnowledgeBase(articles, [p.lemmas for p in article_text]),
        macros=MacroLibrary(macros, [p.lemmas for p in macro_text]),
        router=Router(content.queues),
    )


def load_suggester(directory: Path, text: TextPipeline) -> Suggester:
    """Load, validate and index the content under `directory` (ContentError on any problem)."""
    return build_suggester(load_content(directory), text)
