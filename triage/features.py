"""One sparse feature vector per ticket, shared by every head: word 1-2-grams over lemmas,
character 2-5-grams over the lemma text, and one-hot metadata (channel, segment, VIP, history,
tone signals). The SLA due time is left out on purpose: helpdesks derive it from the priority
we predict, so it would leak the label."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import scipy.sparse as sp

from triage.domain import Ticket
from triage.encoder import StaticEncoder, shared_encoder
from triage.familiarity import Familiarity
from triage.text import ProcessedText
from triage.tfidf import (
    CharGramCounts,
    FittedKeys,
    FittedTfidf,
    WordNgrams,
    fit_char_tfidf,
    tfidf_values,
)


@dataclass(frozen=True)
class TicketInput:
    """What the featuriser reads: the ticket's metadata, its processed text and, for models
    with an encoder, its embedding (computed once, with the text, by `TriageModel.inputs`)."""

    ticket: Ticket
    text: ProcessedText
    embedding: np.ndarray | None = field(default=None, compare=False)


def with_embeddings(
    items: Sequence[TicketInput], encoder: StaticEncoder | None
) -> list[TicketInput]:
    """`items` carrying their embeddings, so featurising and novelty read them instead of
    encoding again (unchanged without an encoder)."""
    if encoder is None:
        return list(items)
    vectors = embeddings(items, encoder)
    return [replace(item, embedding=v) for item, v in zip(items, vectors, strict=True)]


def embeddings(items: Sequence[TicketInput], encoder: StaticEncoder) -> np.ndarray:
    """(n, dim) embeddings of `items`: the ones they carry, the others encoded now."""
    missing = [i for i, item in enumerate(items) if item.embedding is None]
    out = np.zeros((len(items), encoder.dim), dtype=np.float32)
    if missing:
        out[missing] = encoder.encode([items[i].text.lemmas for i in missing])
    for i, item in enumerate(items):
        if item.embedding is not None:
            out[i] = item.embedding
    return out


def _bucket(value: float, edges: Sequence[float], labels: Sequence[str]) -> str:
    for edge, label in zip(edges, labels, strict=False):
        if value <= edge:
            return label
    return labels[-1]


def metadata_features(item: TicketInput) -> dict[str, float]:
    """Categorical facts as `name=value` one-hot keys; readable, so they can serve as evidence."""
    ticket, text = item.ticket, item.text
    features = {
        f"channel={ticket.channel.value}": 1.0,
        f"language={text.language.code}": 1.0,
        f"vip={'yes' if ticket.customer.vip else 'no'}": 1.0,
        f"previous_contacts={_bucket(ticket.previous_contacts, [0, 1, 2, 4], ['0', '1', '2', '3-4', '5+'])}": 1.0,  # noqa: E501
        f"reopened={_bucket(ticket.reopen_count, [0, 1], ['0', '1', '2+'])}": 1.0,
        f"shouting={_bucket(text.shouting, [0.05, 0.3], ['none', 'some', 'lots'])}": 1.0,
        f"exclamations={_bucket(text.exclamations, [0, 1, 3], ['0', '1', '2-3', '4+'])}": 1.0,
        f"length={_bucket(len(text.lemmas), [12, 40, 120], ['short', 'medium', 'long', 'very long'])}": 1.0,  # noqa: E501
    }
    if ticket.customer.segment:
        features[f"segment={ticket.customer.segment.lower()}"] = 1.0
    if ticket.customer.plan:
        features[f"plan={ticket.customer.plan.lower()}"] = 1.0
    return features


def frequent_keys(rows: Sequence[dict[str, float]], min_df: int) -> list[dict[str, float]]:
    """`rows` without the keys seen in fewer than `min_df` of them. Metadata values are free
    text (segment, plan): like rare words, a rare one would make the fitted vocabulary a record
    of who was in the training data, so it is left out (transform ignores unknown keys)."""
    counts = Counter(key for row in rows for key in row)
    return [{k: v for k, v in row.items() if counts[k] >= min_df} for row in rows]


class TicketFeaturizer:
    """Fits the three vocabularies on training tickets and maps tickets to one CSR matrix; with
    an `encoder` (a table name, see triage.encoder), the ticket's embedding times
    `embedding_weight` is appended as dense columns, and the training embeddings are kept as the
    reference of `familiarity_` (how like the training data a ticket is).

    `min_df` applies to all three vocabularies: a word, character n-gram or metadata value
    seen in fewer than `min_df` training tickets is not learned, so the bundle does not record
    one customer's rare strings and evidence cannot echo them (personal data is masked before,
    by triage.pii; this catches what masking misses).

    Follows scikit-learn's estimator rules (parameters stored unchanged, learned state ends in
    `_`), but reads `TicketInput`s rather than arrays. Fitting uses scikit-learn's vectorizers
    (imported then, not at serving); what is kept of them is their plain fitted state
    (triage.tfidf), which is all `transform` reads.
    """

    def __init__(
        self,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] = (2, 5),
        min_df: int = 3,
        max_char_features: int = 200_000,
        encoder: str = "",
        embedding_weight: float = 1.0,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_char_features = max_char_features
        self.encoder = encoder
        self.embedding_weight = embedding_weight

    def shared_encoder(self) -> StaticEncoder | None:
        """The process-wide encoder this featuriser was fitted with (None without one); refuses
        a table that differs from the one it was fitted on."""
        if not self.encoder:
            return None
        encoder = shared_encoder(self.encoder)
        fitted = getattr(self, "encoder_sha256_", encoder.sha256)
        if encoder.sha256 != fitted:
            raise ValueError(
                f"encoder {self.encoder}: the installed table ({encoder.sha256[:12]}) is not "
                f"the one the model was trained with ({fitted[:12]})"
            )
        return encoder

    def fit(self, items: Sequence[TicketInput], y: object = None) -> TicketFeaturizer:
        self._fit(items)
        return self

    def fit_transform(self, items: Sequence[TicketInput], y: object = None) -> sp.csr_matrix:
        """`fit(items).transform(items)`, each text block computed once (training's path)."""
        blocks = self._fit(items)
        encoder = self.shared_encoder()
        if encoder is not None:
            blocks.append(sp.csr_matrix(self.embedding_weight * embeddings(items, encoder)))
        matrix = sp.hstack(blocks, format="csr", dtype=np.float32)
        matrix.sort_indices()  # fitting leaves them unsorted; transform's are sorted
        return matrix

    def _fit(self, items: Sequence[TicketInput]) -> list[sp.csr_matrix]:
        """Fits every part; returns the word, character and metadata blocks of `items`."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer

        word = TfidfVectorizer(
            analyzer=WordNgrams(self.word_ngrams),  # input is already tokenised and lemmatised
            min_df=self.min_df,
            sublinear_tf=True,
            dtype=np.float32,
        )
        char = TfidfVectorizer(  # not fitted: its parameters are what the bundle records
            analyzer="char_wb",
            ngram_range=self.char_ngrams,
            min_df=self.min_df,
            max_features=self.max_char_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        meta = DictVectorizer(dtype=np.float32)
        lemma_lists = [item.text.lemmas for item in items]
        metadata = [metadata_features(item) for item in items]
        # scikit-learn's char_wb fit, bit for bit, in a fraction of its time (see fit_char_tfidf)
        char_fitted, char_block = fit_char_tfidf(
            [" ".join(lemmas) for lemmas in lemma_lists],
            self.char_ngrams,
            self.min_df,
            self.max_char_features,
        )
        blocks = [
            word.fit_transform(lemma_lists),
            char_block,
            meta.fit(frequent_keys(metadata, self.min_df)).transform(metadata),
        ]
        self.word_, self.char_, self.meta_ = (
            FittedTfidf.of(word),
            replace(char_fitted, params=char.get_params(deep=False)),
            FittedKeys.of(meta),
        )
        names = [f"word:{name}" for name in word.get_feature_names_out()]
        names += [f"char:{name}" for name in self.char_.vocabulary_]  # in column order
        names += [f"meta:{name}" for name in meta.get_feature_names_out()]
        if self.encoder:
            encoder = shared_encoder(self.encoder)
            self.encoder_sha256_ = encoder.sha256
            self.familiarity_ = Familiarity().fit(embeddings(items, encoder))
            names += [f"emb:{i}" for i in range(encoder.dim)]
        self.feature_names_ = np.asarray(names, dtype=object)
        # Character n-grams are unreadable as evidence; words and metadata are not.
        self.explainable_ = np.array([not n.startswith("char:") for n in names])
        return blocks

    def transform(self, items: Sequence[TicketInput]) -> sp.csr_matrix:
        return FastTicketTransform(self)(items)


class FastTicketTransform:
    """`TicketFeaturizer.transform`: what scikit-learn's vectorizers would compute, without them
    (nor their per-call input validation, which costs more than the arithmetic for one ticket).
    Built once from a fitted featuriser (at model load); it reads the same analyzers,
    vocabularies and idf and repeats sklearn's float32 operations (sorted columns, sublinear tf,
    idf, the same L2 routine per block), so the matrix equals theirs exactly; a test pins it on
    real tickets."""

    def __init__(self, featurizer: TicketFeaturizer) -> None:
        word, char, meta = featurizer.word_, featurizer.char_, featurizer.meta_
        self._word_analyze = word.analyzer()
        self._word_vocab: dict[str, int] = word.vocabulary_
        self._char_vocab: dict[str, int] = char.vocabulary_
        self._char_offset = len(self._word_vocab)
        self._char_counts = CharGramCounts(char, self._char_offset)
        self._meta_vocab: dict[str, int] = meta.vocabulary_
        self._meta_offset = self._char_offset + len(self._char_vocab)
        self.n_features = self._meta_offset + len(self._meta_vocab)
        self._encoder = featurizer.shared_encoder()
        self._embedding_weight = np.float32(featurizer.embedding_weight)
        # idf of every column (1 for metadata, whose values are put back after the arithmetic)
        self._idf = np.concatenate(
            [word.idf_, char.idf_, np.ones(len(self._meta_vocab), word.idf_.dtype)]
        )

    def _word_columns(self, lemmas: Sequence[str]) -> list[int]:
        vocabulary = self._word_vocab
        return [vocabulary[g] for g in self._word_analyze(lemmas) if g in vocabulary]

    def __call__(self, items: Sequence[TicketInput]) -> sp.csr_matrix:
        # Each ticket is three blocks (word, char, metadata) of sorted columns with their
        # counts. Every entry is keyed by its block and column, so one np.unique over the batch
        # sorts and counts them all; the arithmetic then runs once, one block per normaliser
        # "row".
        width = self.n_features
        columns: list[int] = []
        lengths: list[int] = []
        meta_keys: list[int] = []
        meta_values: list[float] = []
        for row, item in enumerate(items):
            lemmas = item.text.lemmas
            for block in (self._word_columns(lemmas), self._char_counts.columns(" ".join(lemmas))):
                columns += block
                lengths.append(len(block))
            # DictVectorizer: known keys only, values as given.
            meta = {
                self._meta_vocab[k] + self._meta_offset: v
                for k, v in metadata_features(item).items()
                if k in self._meta_vocab
            }
            columns += meta
            lengths.append(len(meta))
            meta_keys += [(3 * row + 2) * width + column for column in meta]
            meta_values += meta.values()
        blocks = np.arange(len(lengths), dtype=np.int64) * width
        keys = np.array(columns, dtype=np.int64) + np.repeat(blocks, lengths)
        keys, counts = np.unique(keys, return_counts=True)
        block_of, indices = np.divmod(keys, width)
        indices = indices.astype(np.int32)
        bounds = np.searchsorted(block_of, np.arange(len(lengths) + 1)).astype(np.int32)
        data = tfidf_values(counts, self._idf[indices], bounds)
        data[np.searchsorted(keys, meta_keys)] = meta_values
        sparse = sp.csr_matrix(
            (data, indices, bounds[::3].copy()), shape=(len(items), self.n_features)
        )
        if self._encoder is None:
            return sparse
        dense = sp.csr_matrix(self._embedding_weight * embeddings(items, self._encoder))
        return sp.hstack([sparse, dense], format="csr", dtype=np.float32)
