"""Fitted TF-IDF vocabularies and their arithmetic, without scikit-learn.

Training fits scikit-learn's TfidfVectorizer and DictVectorizer; what serving reads of them is
plain data (vocabulary, idf, a few parameters), kept here in small classes, so a serving process
never imports scikit-learn (1.5 s and 200 MB of imports: it pulls in pandas, pyarrow and
scipy.stats). The arithmetic repeats scikit-learn's float32 steps (sublinear tf, idf, the same
L2 routine), so the vectors are equal to its own; tests pin every piece to scikit-learn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from triage.lru import LRUCache

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


_WORD_CACHE_SIZE = 100_000


class CharGramCounts:
    """Column counts of a fitted `char_wb` vectorizer's n-grams in a text, as scikit-learn's
    transform counts them. char_wb n-grams never cross a space, so a text's are the
    concatenation of its words'; words repeat across tickets, so each word's columns (plus
    `offset`) are cached."""

    def __init__(self, vectorizer: FittedTfidf, offset: int = 0) -> None:
        self._analyze = vectorizer.analyzer()
        self._vocabulary: dict[str, int] = vectorizer.vocabulary_
        self._offset = offset
        self._columns: LRUCache[str, list[int]] = LRUCache(_WORD_CACHE_SIZE)

    def __call__(self, text: str) -> Counter[int]:
        words = text.lower().split()
        known = self._columns.get_many(set(words))
        vocabulary, offset = self._vocabulary, self._offset
        new = {
            word: [vocabulary[g] + offset for g in self._analyze(word) if g in vocabulary]
            for word in set(words) - known.keys()
        }
        self._columns.put_many(new)
        known.update(new)
        return Counter(column for word in words for column in known[word])


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
        squares = (data * data).astype(np.float64)  # squared in float32, summed in double
        sums[filled] = np.add.reduceat(squares, bounds[:-1][filled])
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    data[:] = data / np.repeat(norms, lengths)


def fit_char_tfidf(
    documents: Sequence[str], ngram_range: tuple[int, int]
) -> tuple[FittedTfidf, sp.csr_matrix]:
    """`TfidfVectorizer(analyzer="char_wb", ngram_range=..., sublinear_tf=True,
    dtype=np.float32).fit_transform(documents)` (every n-gram kept), and the fitted vectorizer.
    Each row's entries are in the order scikit-learn leaves them (by first appearance in the
    documents, then renumbered to sorted n-grams), so the L2 sums and the matrix are its own."""
    first_seen: dict[str, int] = {}
    columns: list[int] = []
    counts: list[int] = []
    bounds = [0]
    for document in documents:
        row = Counter(
            first_seen.setdefault(g, len(first_seen)) for g in char_wb_ngrams(document, ngram_range)
        )
        ordered = sorted(row)
        columns += ordered
        counts += [row[c] for c in ordered]
        bounds.append(len(columns))
    if not first_seen:
        raise ValueError("empty vocabulary: the documents hold no characters")
    vocabulary = {gram: i for i, gram in enumerate(sorted(first_seen))}
    renumber = np.empty(len(first_seen), dtype=np.int32)
    for gram, seen in first_seen.items():
        renumber[seen] = vocabulary[gram]
    indices = renumber[np.array(columns, dtype=np.int64)]
    # idf as TfidfTransformer computes it: smoothed, in float32
    df = np.bincount(indices, minlength=len(vocabulary)).astype(np.float32) + 1.0
    idf = np.full_like(df, len(documents) + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    row_bounds = np.array(bounds, dtype=np.int32)
    data = tfidf_values(np.array(counts), idf[indices], row_bounds)
    params = {**SUPPORTED_TFIDF, "analyzer": "char_wb", "ngram_range": ngram_range}
    matrix = sp.csr_matrix((data, indices, row_bounds), shape=(len(documents), len(vocabulary)))
    return FittedTfidf(params, vocabulary, idf), matrix
