"""Fitted TF-IDF vocabularies and their arithmetic, without scikit-learn.

Training fits scikit-learn's TfidfVectorizer and DictVectorizer; what serving reads of them is
plain data (vocabulary, idf, a few parameters), kept here in small classes, so a serving process
never imports scikit-learn (1.5 s and 200 MB of imports: it pulls in pandas, pyarrow and
scipy.stats). The arithmetic repeats scikit-learn's float32 steps (sublinear tf, idf, the same
L2 routine), so the vectors are equal to its own; tests pin every piece to scikit-learn."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import scipy.sparse as sp

from triage.cache import BoundedCache

SUPPORTED_TFIDF = {
    "binary": False,
    "dtype": np.float32,
    "lowercase": True,
    "norm": "l2",
    "preprocessor": None,
    "smooth_idf": True,
    "strip_accents": None,
    "sublinear_tf": True,
    "use_idf": True,
}
"""TfidfVectorizer parameters whose values the arithmetic here assumes (training's values)."""


class WordNgrams:
    """Picklable analyzer: contiguous n-grams of a lemma sequence, joined by spaces."""

    def __init__(self, ngram_range: tuple[int, int]) -> None:
        self.ngram_range = ngram_range

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        low, high = self.ngram_range
        return [
            " ".join(tokens[i : i + n])
            for n in range(low, high + 1)
            for i in range(len(tokens) - n + 1)
        ]


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's `analyzer="char_wb"` (lowercased): the character n-grams of each word
    padded with a space on both sides, never across words; a word shorter than n counts once."""
    low, high = ngram_range
    ngrams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            if size <= n:  # the whole padded word, once, then no longer n-grams
                ngrams.append(padded)
                break
            ngrams += [padded[i : i + n] for i in range(size - n + 1)]
    return ngrams


@dataclass(frozen=True, eq=False)
class FittedTfidf:
    """What transform reads of a fitted TfidfVectorizer: its parameters (what a bundle stores,
    and what the analyzer is rebuilt from), its vocabulary and its idf."""

    params: dict[str, Any]
    vocabulary_: dict[str, int]
    idf_: np.ndarray

    def __post_init__(self) -> None:
        unsupported = sorted(k for k, v in SUPPORTED_TFIDF.items() if self.params.get(k, v) != v)
        analyzer = self.params.get("analyzer")
        if not isinstance(analyzer, WordNgrams) and analyzer != "char_wb":
            unsupported.append("analyzer")
        if unsupported:
            raise ValueError(f"unsupported TF-IDF settings: {', '.join(unsupported)}")
        if self.idf_.shape != (len(self.vocabulary_),):
            raise ValueError("idf does not match the vocabulary")

    @classmethod
    def of(cls, vectorizer: Any) -> FittedTfidf:
        """From a fitted scikit-learn TfidfVectorizer."""
        return cls(vectorizer.get_params(deep=False), vectorizer.vocabulary_, vectorizer.idf_)

    def analyzer(self) -> Callable[[Any], list[str]]:
        analyzer = self.params["analyzer"]
        if isinstance(analyzer, WordNgrams):
            return analyzer
        low, high = self.params["ngram_range"]
        return lambda text: char_wb_ngrams(text, (int(low), int(high)))


@dataclass(frozen=True, eq=False)
class FittedKeys:
    """What transform reads of a fitted DictVectorizer: one column per key, in sorted order."""

    feature_names_: list[str]
    params: dict[str, Any]

    @property
    def vocabulary_(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.feature_names_)}

    @classmethod
    def of(cls, vectorizer: Any) -> FittedKeys:
        """From a fitted scikit-learn DictVectorizer."""
        return cls(list(vectorizer.feature_names_), vectorizer.get_params(deep=False))


_WORD_CACHE_SIZE = 50_000  # words per generation (triage.cache)


class CharGramCounts:
    """Column counts of a fitted `char_wb` vectorizer's n-grams in a text, as scikit-learn's
    transform counts them. char_wb n-grams never cross a space, so a text's are the
    concatenation of its words'; words repeat across tickets, so each word's columns (plus
    `offset`) are cached."""

    def __init__(self, vectorizer: FittedTfidf, offset: int = 0) -> None:
        self._analyze = vectorizer.analyzer()
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._offset = offset
        self._columns: BoundedCache[str, list[int]] = BoundedCache(_WORD_CACHE_SIZE)

    def __call__(self, text: str) -> Counter[int]:
        return Counter(self.columns(text))

    def columns(self, text: str) -> list[int]:
        """The column of every n-gram of `text` the vocabulary knows, repeats included."""
        per_word = []
        for word in text.lower().split():
            columns = self._columns.get(word)
            if columns is None:
                columns = self._word_columns(word)
                self._columns.put(word, columns)
            per_word.append(columns)
        return list(chain.from_iterable(per_word))

    def _word_columns(self, word: str) -> list[int]:
        vocabulary, offset = self._vocabulary, self._offset
        return [vocabulary[g] + offset for g in self._analyze(word) if g in vocabulary]


def tfidf_values(counts: np.ndarray, idf: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """scikit-learn's float32 TF-IDF of term counts: sublinear tf times idf (`idf` already
    indexed by the entries' columns), each block `bounds[i]:bounds[i+1]` (a row) L2-normalised."""
    data = np.array(counts, dtype=np.float32)
    np.log(data, out=data)
    data += 1.0
    data *= idf
    l2_normalize_blocks(data, bounds)
    return data


def l2_normalize_blocks(data: np.ndarray, bounds: np.ndarray) -> None:
    """L2-normalise each block `data[bounds[i]:bounds[i+1]]` in place the way sklearn's row
    normaliser does (float32 squares summed in double, each value divided in double, stored as
    float32), with public numpy only, not sklearn's private Cython helper."""
    lengths = np.diff(bounds)
    filled = lengths > 0
    sums = np.zeros(lengths.size)
    if data.size:
        squares = data * data  # squared in float32, summed in double
        sums[filled] = np.add.reduceat(squares, bounds[:-1][filled], dtype=np.float64)
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    # divided in double, stored in place (no double-sized copy of a training-sized block)
    np.divide(data, np.repeat(norms, lengths), out=data, casting="unsafe")


def fit_char_tfidf(
    documents: Sequence[str],
    ngram_range: tuple[int, int],
    min_df: int = 1,
    max_features: int | None = None,
) -> tuple[FittedTfidf, sp.csr_matrix]:
    """`TfidfVectorizer(analyzer="char_wb", ngram_range=..., min_df=..., max_features=...,
    sublinear_tf=True, dtype=np.float32).fit_transform(documents)`, and the fitted vectorizer,
    in a fraction of scikit-learn's time: char_wb n-grams never cross a space, so each distinct
    word is cut into n-grams once. Every step repeats scikit-learn's, so the vocabulary, idf and
    matrix are its own, bit for bit: n-grams are numbered by first appearance (the words of the
    documents in order), each row's entries stay in that order after renumbering to sorted
    n-grams (its L2 sums are taken in that order), and the same pruning keeps the same columns."""
    first_seen, counted = _char_gram_counts(documents, ngram_range)
    terms = sorted(first_seen)
    renumber = np.empty(len(terms), dtype=np.int32)
    renumber[[first_seen[term] for term in terms]] = np.arange(len(terms), dtype=np.int32)
    indices = renumber[counted.indices]
    values = counted.data
    row_bounds = counted.indptr.copy()  # int32, or int64 for over 2**31 entries
    kept = _kept_columns(indices, values, row_bounds, len(terms), min_df, max_features)
    if not kept.any():
        raise ValueError("After pruning, no terms remain. Try a lower min_df.")
    if not kept.all():
        entries = kept[indices]
        row_bounds -= np.searchsorted(np.flatnonzero(~entries), row_bounds).astype(row_bounds.dtype)
        indices = (np.cumsum(kept, dtype=np.int32) - 1)[indices[entries]]
        values = values[entries]
        terms = [term for term, keep in zip(terms, kept, strict=True) if keep]
    vocabulary = {term: i for i, term in enumerate(terms)}
    # idf as TfidfTransformer computes it: smoothed, in float32
    df = np.bincount(indices, minlength=len(vocabulary)).astype(np.float32) + 1.0
    idf = np.full_like(df, len(documents) + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = tfidf_values(values, idf[indices], row_bounds)
    params = {**SUPPORTED_TFIDF, "analyzer": "char_wb", "ngram_range": ngram_range}
    matrix = sp.csr_matrix((data, indices, row_bounds), shape=(len(documents), len(vocabulary)))
    return FittedTfidf(params, vocabulary, idf), matrix


def _char_gram_counts(
    documents: Sequence[str], ngram_range: tuple[int, int]
) -> tuple[dict[str, int], sp.csr_matrix]:
    """Every n-gram numbered by its first appearance, and each document's n-gram counts with
    its entries in that order (CountVectorizer's numbering and order): the document's word counts
    times each distinct word's n-gram counts, one sparse product."""
    first_seen: dict[str, int] = {}
    word_ids: dict[str, int] = {}
    word_grams = array("i")  # every distinct word's n-grams (first-appearance numbers), in turn
    word_bounds = [0]
    doc_words = array("i")
    doc_bounds = [0]
    for document in documents:
        words = document.lower().split()
        if not word_ids.keys() >= set(words):
            for word in words:  # in order: a new word's n-grams are numbered as they appear
                if word not in word_ids:
                    word_ids[word] = len(word_ids)
                    word_grams.extend(
                        first_seen.setdefault(g, len(first_seen))
                        for g in char_wb_ngrams(word, ngram_range)
                    )
                    word_bounds.append(len(word_grams))
        doc_words.extend(map(word_ids.__getitem__, words))
        doc_bounds.append(len(doc_words))
    if not first_seen:
        raise ValueError("empty vocabulary: the documents hold no characters")
    grams = sp.csr_matrix(
        (np.ones(len(word_grams), np.int32), np.frombuffer(word_grams, np.int32), word_bounds),
        shape=(len(word_ids), len(first_seen)),
    )
    words_in = sp.csr_matrix(
        (np.ones(len(doc_words), np.int32), np.frombuffer(doc_words, np.int32), doc_bounds),
        shape=(len(documents), len(word_ids)),
    )
    counted = (words_in @ grams).tocsr()
    counted.sort_indices()
    return first_seen, counted


def _kept_columns(
    indices: np.ndarray,
    counts: np.ndarray,
    bounds: np.ndarray,
    n_columns: int,
    min_df: int,
    max_features: int | None,
) -> np.ndarray:
    """CountVectorizer's pruning: the columns in at least `min_df` rows, then of those the
    `max_features` with the largest total count, chosen by the same float32 sums and the same
    argsort, so ties fall the same way."""
    kept = np.bincount(indices, minlength=n_columns) >= min_df
    if max_features is not None and kept.sum() > max_features:
        matrix = sp.csr_matrix(
            (counts.astype(np.float32), indices, bounds), shape=(bounds.size - 1, n_columns)
        )
        totals = np.asarray(matrix.sum(axis=0)).ravel()
        chosen = (-totals[kept]).argsort()[:max_features]
        limited = np.zeros(n_columns, dtype=bool)
        limited[np.where(kept)[0][chosen]] = True
        kept = limited
    return kept
