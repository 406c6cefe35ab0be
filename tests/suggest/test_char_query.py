"""The knowledge base's character TF-IDF (fit_char_tfidf and CharQuery, no scikit-learn) equals
scikit-learn's TfidfVectorizer: same vocabulary and idf, same matrix, same query vectors and
scores."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from triage.suggest.index import LexicalIndex

DOCUMENTS = [
    "refund double charge invoice payment",
    "password reset link login account locked",
    "parcel delivery late tracking courier",
    "terugbetaling factuur dubbel betaald",
    "livraison colis retard suivi",
    "Ré-inscription ÉTÉ straße refund refund",
]
QUERIES = [
    "my refund for the double charge",
    "Login LOCKED, reset link broken!!",
    "colis en retard, où est ma livraison ?",
    "",
    "xyz qqq",
    "refund " * 40,
    "ÀÉÎ üñ çà",
]


def test_index_and_queries_equal_sklearn() -> None:
    index = LexicalIndex([d.split() for d in DOCUMENTS])
    assert index.char is not None
    sklearn = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32
    )
    matrix = sklearn.fit_transform([" ".join(d.split()) for d in DOCUMENTS]).T.tocsr()
    assert index.char.vocabulary_ == sklearn.vocabulary_
    assert index.char.idf_.dtype == sklearn.idf_.dtype
    np.testing.assert_array_equal(index.char.idf_, sklearn.idf_)
    for ours, theirs in [(index.char_matrix, matrix)]:
        np.testing.assert_array_equal(ours.indptr, theirs.indptr)
        np.testing.assert_array_equal(ours.indices, theirs.indices)
        np.testing.assert_array_equal(ours.data, theirs.data)
    for query in QUERIES:
        expected = sklearn.transform([query])
        expected.sort_indices()
        for _ in range(2):  # the second time from the word cache
            found = index._char_query(query)
            assert found.data.dtype == expected.data.dtype
            assert np.array_equal(found.indices, expected.indices), query
            assert np.array_equal(found.data, expected.data), query
            assert np.array_equal(
                (found @ index.char_matrix).toarray(), (expected @ matrix).toarray()
            )
