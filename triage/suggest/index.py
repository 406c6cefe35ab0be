"""A small lexical retriever over lemmas: BM25 on lemma unigrams and bigrams plus TF-IDF cosine
on character 3-5-grams of the lemma text. Built once at load; a query is two sparse products."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from triage.pii import EMAIL, NUMBER, ORDER, URL
from triage.spacy_import import spacy
from triage.tfidf import CharGramCounts, FittedTfidf, fit_char_tfidf, tfidf_values

K1 = 1.2
B = 0.75
DENSE_LIMIT = 4_000_000
"""Largest terms x documents matrix kept dense (32 MB of float64)."""
CHAR_WEIGHT = 0.35
"""Share of the character n-gram cosine in the combined score (the rest is normalised BM25)."""


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for `language` (empty for a language spaCy lacks)."""
    try:
        words = spacy.util.get_lang_class(language).Defaults.stop_words
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in words) | {URL, EMAIL, ORDER, NUMBER}


def content_lemmas(lemmas: Sequence[str], language: str) -> list[str]:
    """The lemmas that carry meaning: stop words and placeholders dropped."""
    stops = stop_words(language)
    return [lemma for lemma in lemmas if lemma not in stops and any(c.isalpha() for c in lemma)]


def terms(lemmas: Sequence[str]) -> list[str]:
    """Unigrams and bigrams of a lemma sequence."""
    return [*lemmas, *(f"{a} {b}" for a, b in zip(lemmas, lemmas[1:], strict=False))]


class LexicalIndex:
    """`documents` are lemma sequences (a field is boosted by repeating it)."""

    def __init__(self, documents: Sequence[Sequence[str]], char_ngrams: bool = True) -> None:
        self.size = len(documents)
        vocabulary: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        lengths = np.zeros(self.size, dtype=np.float64)
        for row, doc in enumerate(documents):
            counts: dict[int, int] = {}
            doc_terms = terms(doc)
            lengths[row] = len(doc_terms)
            for term in doc_terms:
                col = vocabulary.setdefault(term, len(vocabulary))
                counts[col] = counts.get(col, 0) + 1
            for col, tf in counts.items():
                rows.append(row)
                cols.append(col)
                tfs.append(tf)
        self.vocabulary = vocabulary
        n_terms = len(vocabulary)
        tf_matrix = sp.csr_matrix(
            (np.asarray(tfs, dtype=np.float64), (rows, cols)), shape=(self.size, n_terms)
        )
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=n_terms)
        self.idf = np.log(1.0 + (self.size - df + 0.5) / (df + 0.5))
        avg = lengths.mean() if self.size else 1.0
        norm = K1 * (1 - B + B * lengths / max(avg, 1e-9))
        coo = tf_matrix.tocoo()
        data = self.idf[coo.col] * coo.data * (K1 + 1) / (coo.data + norm[coo.row])
        weights = sp.csr_matrix((data, (coo.row, coo.col)), shape=tf_matrix.shape).T.tocsr()
        # (n_terms, n_docs): a query's scores are a sum of rows. Dense when small (a KB of tens
        # of articles): summing numpy rows is ~50x faster than slicing a sparse matrix.
        self.weights: np.ndarray | sp.csr_matrix = (
            weights.toarray() if weights.shape[0] * weights.shape[1] <= DENSE_LIMIT else weights
        )
        self.char: FittedTfidf | None = None
        if char_ngrams and self.size:
            self.char, matrix = fit_char_tfidf([" ".join(d) for d in documents], (3, 5))
            self.char_matrix = matrix.T.tocsr()
            self._char_query = CharQuery(self.char)

    def coverage(self, lemmas: Sequence[str], language: str) -> float:
        """Share of the query's content lemmas (no stop words) the index knows: gibberish,
        foreign and off-topic text score low; a message of stop words only scores 0."""
        content = content_lemmas(lemmas, language)
        if not content:
            return 0.0
        return sum(lemma in self.vocabulary for lemma in content) / len(content)

    def scores(self, lemmas: Sequence[str], char: bool = True) -> np.ndarray:
        """One score per document in [0, ~1]: normalised BM25 blended with char-gram cosine
        (`char=False`: BM25 alone, for the latency-bound Triage path)."""
        out = np.zeros(self.size, dtype=np.float64)
        if not self.size or not lemmas:
            return out
        cols = sorted({self.vocabulary[t] for t in terms(lemmas) if t in self.vocabulary})
        if cols:
            bm25 = np.asarray(self.weights[cols].sum(axis=0)).ravel()
            best_possible = float(self.idf[cols].sum()) * (K1 + 1) / 2
            share = 1 - CHAR_WEIGHT if char and self.char is not None else 1.0
            out += share * np.minimum(bm25 / best_possible, 1.0)
        if char and self.char is not None:
            query = self._char_query(" ".join(lemmas))
            out += CHAR_WEIGHT * np.asarray((query @ self.char_matrix).todense()).ravel()
        return out


class CharQuery:
    """`TfidfVectorizer.transform` of one query, without scikit-learn: the same analyzer,
    vocabulary and idf, and the same float32 steps (sorted columns, sublinear tf, idf, L2), so
    the vector is equal; a test pins it."""

    def __init__(self, vectorizer: FittedTfidf) -> None:
        self._counts = CharGramCounts(vectorizer)
        self._idf = vectorizer.idf_
        self._size = len(vectorizer.vocabulary_)

    def __call__(self, text: str) -> sp.csr_matrix:
        counts = self._counts(text)
        columns = np.array(sorted(counts), dtype=np.int32)
        counted = np.array([counts[c] for c in columns.tolist()])
        data = tfidf_values(counted, self._idf[columns], np.array([0, columns.size]))
        return sp.csr_matrix((data, columns, [0, data.size]), shape=(1, self._size))


RELATIVE_MIN = 0.5
"""A suggestion below this share of the best one's score is not shown: the third article on a
delivery ticket was often password reset, far behind the first (bench/suggest.py measures what
this costs in recall on BankFAQs)."""


def best_rows(
    rows: np.ndarray, scores: np.ndarray, limit: int, min_score: float, relative: float
) -> np.ndarray:
    """The best of `rows` by score, at most `limit`, each scoring at least `min_score` and at
    least `relative` times the best one (ties keep row order)."""
    rows = rows[scores[rows] >= min_score]
    if not rows.size:
        return rows
    order = rows[np.argsort(-scores[rows], kind="stable")][:limit]
    return order[scores[order] >= relative * scores[order[0]]]
