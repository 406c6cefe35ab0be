"""The knowledge base's query vector (CharQuery, issue 13) equals scikit-learn's
TfidfVectorizer.transform: same columns, same float32 values, same scores."""

from __future__ import annotations

import numpy as np

from triage.suggest.index import LexicalIndex

DOCUMENTS = [
    "refund double charge invoice payment",
    "password reset link login account locked",
    "parcel delivery late tracking courier",
    "terugbetaling factuur dubbel betaald",
    "livraison colis retard suivi",
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


def test_char_query_equals_sklearn_transform() -> None:
    index = LexicalIndex([d.split() for d in DOCUMENTS])
    assert index.char is not None
    for query in QUERIES:
        expected = index.char.transform([query])
        expected.sort_indices()
        for _ in range(2):  # the second time from the word cache
            found = index._char_query(query)
            assert found.data.dtype == expected.data.dtype
            assert np.array_equal(found.indices, expected.indices), query
            assert np.array_equal(found.data, expected.data), query
            assert np.array_equal(
                (found @ index.char_matrix).toarray(), (expected @ index.char_matrix).toarray()
            )
