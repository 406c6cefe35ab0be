"""Knowledge-base retrieval: ranked articles in the wanted language, else English ones marked as
fallback. Scores are lexical (LexicalIndex over lemmas, title counted twice, example questions
included) plus, when the caller has topic probabilities, a prior for articles on those topics."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from triage.domain import SUPPORTED_LANGUAGES, Article
from triage.suggest.content import ArticleDoc
from triage.suggest.index import RELATIVE_MIN, LexicalIndex, best_rows

FALLBACK_LANGUAGE = "en"
MIN_SCORE = 0.08
"""Articles scoring below this are not suggested (nothing relevant beats nothing)."""
TOPIC_WEIGHT = 0.25
"""How much the predicted topic's probability adds to an article filed under that topic."""
SNIPPET_CHARS = 240

_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARK_RE = re.compile(r"\*\*|__|`|^#+\s*|^>\s*", re.MULTILINE)


def plain_paragraphs(markdown: str) -> list[str]:
    """Markdown body -> plain-text paragraphs (headings dropped)."""
    out = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.splitlines() if not line.lstrip().startswith("#")]
        text = _MD_MARK_RE.sub("", _MD_LINK_RE.sub(r"\1", " ".join(lines)))
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            out.append(text)
    return out


def family(article: ArticleDoc) -> str:
    """Translations of one article share an id stem: password-reset.en, password-reset.nl."""
    suffix = f".{article.language}"
    return article.id[: -len(suffix)] if article.id.endswith(suffix) else article.id


def document_text(article: ArticleDoc) -> str:
    """What the index reads: the title twice (a cheap title boost), questions, then the body."""
    paragraphs = plain_paragraphs(article.body)
    return "\n".join([article.title, article.title, *article.questions, *paragraphs])


def _snippet(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


class KnowledgeBase:
    def __init__(self, articles: Sequence[ArticleDoc], lemmas: Sequence[Sequence[str]]) -> None:
        self.articles = tuple(articles)
        self.index = LexicalIndex(lemmas)
        self.languages = np.asarray([a.language for a in self.articles])
        families = [family(a) for a in self.articles]
        self._eligible: dict[str, np.ndarray] = {}
        """Language -> rows to consider: its own articles, plus English ones it has no
        translation of (marked as fallback)."""
        for lang in {*self.languages.tolist(), *SUPPORTED_LANGUAGES}:
            own = {f for f, a in zip(families, self.articles, strict=True) if a.language == lang}
            self._eligible[lang] = np.asarray(
                [
                    a.language == lang or (a.language == FALLBACK_LANGUAGE and f not in own)
                    for f, a in zip(families, self.articles, strict=True)
                ],
                dtype=bool,
            )
        self.summaries = [(plain_paragraphs(a.body) or [a.title])[0] for a in self.articles]
        self._topic_rows: dict[str, list[int]] = {}
        for row, article in enumerate(self.articles):
            for topic in article.topics:
                self._topic_rows.setdefault(topic, []).append(row)

    def scores(
        self,
        lemmas: Sequence[str],
        topic_probs: Mapping[str, float] | None = None,
        char: bool = True,
    ) -> np.ndarray:
        scores = self.index.scores(lemmas, char)
        for topic, p in (topic_probs or {}).items():
            rows = self._topic_rows.get(topic)
            if rows:
                scores[rows] += TOPIC_WEIGHT * p
        return scores

    def ranked(
        self, scores: np.ndarray, language: str, limit: int, relative: float = RELATIVE_MIN
    ) -> list[tuple[int, float, bool]]:
        """(row, score, fallback) of the best articles: in `language` where the KB has the
        article in it, else its English version (fallback=True); `relative`: see best_rows."""
        eligible = self._eligible.get(language, self._eligible[FALLBACK_LANGUAGE])
        order = best_rows(np.flatnonzero(eligible), scores, limit, MIN_SCORE, relative)
        return [(int(r), float(scores[r]), bool(self.languages[r] != language)) for r in order]

    def search(
        self,
        lemmas: Sequence[str],
        language: str,
        limit: int,
        topic_probs: Mapping[str, float] | None = None,
        char: bool = True,
    ) -> list[Article]:
        ranked = self.ranked(self.scores(lemmas, topic_probs, char), language, limit)
        return [self.article(row, score, fallback) for row, score, fallback in ranked]

    def article(self, row: int, score: float, fallback: bool) -> Article:
        doc = self.articles[row]
        return Article(
            id=doc.id,
            title=doc.title,
            url=doc.url,
            snippet=_snippet(self.summaries[row]),
            score=round(score, 6),
            language=doc.language,
            fallback=fallback,
        )
