"""The featuriser's transform (FastTicketTransform, no scikit-learn) equals what scikit-learn's
own vectorizers compute from the same fitted state, and what training's fit_transform gave; its
character fit (fit_char_tfidf) equals scikit-learn's fit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer

from training.dataset import load_dataset
from triage.encoder import DEFAULT_ENCODER
from triage.features import (
    FastTicketTransform,
    TicketFeaturizer,
    TicketInput,
    embeddings,
    metadata_features,
)
from triage.model import ticket_text
from triage.text import TextPipeline
from triage.tfidf import FittedTfidf, char_wb_ngrams, fit_char_tfidf


def _inputs(path: Path, text: TextPipeline, n: int) -> list[TicketInput]:
    tickets = load_dataset(path).tickets[:n]
    processed = text.process([ticket_text(t) for t in tickets], [t.language_hint for t in tickets])
    return [TicketInput(t, p) for t, p in zip(tickets, processed, strict=True)]


def _sklearn_tfidf(fitted: FittedTfidf) -> TfidfVectorizer:
    vectorizer = TfidfVectorizer(**fitted.params)
    vectorizer.vocabulary_ = fitted.vocabulary_
    vectorizer.idf_ = fitted.idf_
    return vectorizer


def sklearn_transform(featurizer: TicketFeaturizer, items: list[TicketInput]) -> sp.csr_matrix:
    """What scikit-learn's vectorizers holding the featuriser's fitted state compute."""
    lemma_lists = [item.text.lemmas for item in items]
    meta = DictVectorizer(**featurizer.meta_.params)
    meta.feature_names_ = featurizer.meta_.feature_names_
    meta.vocabulary_ = featurizer.meta_.vocabulary_
    blocks = [
        _sklearn_tfidf(featurizer.word_).transform(lemma_lists),
        _sklearn_tfidf(featurizer.char_).transform([" ".join(lemmas) for lemmas in lemma_lists]),
        meta.transform([metadata_features(item) for item in items]),
    ]
    encoder = featurizer.shared_encoder()
    if encoder is not None:
        blocks.append(sp.csr_matrix(featurizer.embedding_weight * embeddings(items, encoder)))
    return sp.hstack(blocks, format="csr", dtype=np.float32)


def _assert_same(got: sp.csr_matrix, expected: sp.csr_matrix) -> None:
    assert got.shape == expected.shape and got.dtype == expected.dtype == np.float32
    assert got.has_sorted_indices  # same column order: the heads sum in the same order
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_array_equal(got.data, expected.data)


@pytest.mark.parametrize("encoder", ["", DEFAULT_ENCODER])
def test_transform_equals_sklearn_transform(corpus: Path, text_pipeline, encoder: str) -> None:  # type: ignore[no-untyped-def]
    train = _inputs(corpus / "train.jsonl", text_pipeline, 800)
    featurizer = TicketFeaturizer(encoder=encoder)
    trained = featurizer.fit_transform(train)
    fast = FastTicketTransform(featurizer)
    _assert_same(fast(train), trained)  # serving's vectors are those training fitted on
    items = _inputs(corpus / "test.jsonl", text_pipeline, 300)
    expected = sklearn_transform(featurizer, items)
    singles = [(fast([item]), expected[i : i + 1]) for i, item in enumerate(items[:50])]
    for got, rows in [(featurizer.transform(items), expected), *singles]:
        _assert_same(got, rows)
    assert fast([]).shape == (0, expected.shape[1])


TEXTS = [
    "Refund  for the DOUBLE charge!!",
    "a bb ccc dddd eeeee ffffff",
    "ÀÉÎ üñ çà ΣΊΣΥΦΟΣ straße İstanbul",
    " \t\n ",
    "",
    "tab\tseparated\nlines\r\nand\u00a0nbsp\u2003em",
    "x",
]


@pytest.mark.parametrize("ngram_range", [(2, 5), (3, 5), (1, 1)])
def test_char_wb_ngrams_equal_sklearn_analyzer(ngram_range: tuple[int, int]) -> None:
    analyze = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    for text in TEXTS:
        assert char_wb_ngrams(text, ngram_range) == analyze(text), text


def _sklearn_char_fit(
    documents: list[str], min_df: int, max_features: int | None
) -> tuple[TfidfVectorizer, sp.csr_matrix]:
    vectorizer = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=min_df,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    return vectorizer, vectorizer.fit_transform(documents)


@pytest.mark.parametrize(
    ("min_df", "max_features", "tickets"),
    [(1, None, 300), (3, None, 800), (3, 3000, 800), (2, 40, 800), (1, 7, 0), (2, 3, 0)],
)
def test_char_fit_equals_sklearn_fit(  # type: ignore[no-untyped-def]
    corpus: Path, text_pipeline, min_df: int, max_features: int | None, tickets: int
) -> None:
    """Vocabulary, idf and the matrix, entry for entry in scikit-learn's order (which sets the
    float sums of each row's norm); the pruning to `max_features` breaks ties as it does (the
    short texts alone have many n-grams of equal count)."""
    items = _inputs(corpus / "train.jsonl", text_pipeline, tickets) if tickets else []
    documents = [" ".join(item.text.lemmas) for item in items] + TEXTS * 2
    sklearn, expected = _sklearn_char_fit(documents, min_df, max_features)
    fitted, matrix = fit_char_tfidf(documents, (2, 5), min_df, max_features)
    assert fitted.vocabulary_ == sklearn.vocabulary_
    assert fitted.idf_.dtype == sklearn.idf_.dtype
    np.testing.assert_array_equal(fitted.idf_, sklearn.idf_)
    assert matrix.shape == expected.shape and matrix.dtype == expected.dtype
    np.testing.assert_array_equal(matrix.indptr, expected.indptr)
    np.testing.assert_array_equal(matrix.indices, expected.indices)
    np.testing.assert_array_equal(matrix.data, expected.data)


def test_featurizer_fit_equals_sklearn_fit(corpus: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """The featuriser's character block, vocabulary and recorded parameters are those of
    scikit-learn's own fit with the featuriser's settings."""
    items = _inputs(corpus / "train.jsonl", text_pipeline, 600)
    featurizer = TicketFeaturizer(max_char_features=5000)
    matrix = featurizer.fit_transform(items)
    documents = [" ".join(item.text.lemmas) for item in items]
    sklearn, expected = _sklearn_char_fit(documents, featurizer.min_df, 5000)
    assert featurizer.char_.params == sklearn.get_params(deep=False)
    assert featurizer.char_.vocabulary_ == sklearn.vocabulary_
    np.testing.assert_array_equal(featurizer.char_.idf_, sklearn.idf_)
    expected.sort_indices()
    words = len(featurizer.word_.vocabulary_)
    char_block = matrix[:, words : words + expected.shape[1]]
    _assert_same(char_block, expected)
    char_names = featurizer.feature_names_[words : words + expected.shape[1]]
    assert list(char_names) == [f"char:{n}" for n in sklearn.get_feature_names_out()]


def test_unsupported_vectorizer_settings_are_refused() -> None:
    fitted = FittedTfidf.of(
        TfidfVectorizer(analyzer="char_wb", sublinear_tf=True, dtype=np.float32).fit(["ab"])
    )
    with pytest.raises(ValueError, match="unsupported TF-IDF settings: sublinear_tf"):
        FittedTfidf({**fitted.params, "sublinear_tf": False}, fitted.vocabulary_, fitted.idf_)
    with pytest.raises(ValueError, match="analyzer"):
        FittedTfidf({**fitted.params, "analyzer": "word"}, fitted.vocabulary_, fitted.idf_)
