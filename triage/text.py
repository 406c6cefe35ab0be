"""Text pipeline shared by training and serving: language identification, normalisation
(quoted replies and signatures stripped; personal data (triage.pii), URLs, order ids and numbers to
placeholders) and spaCy tokens + lookup lemmas. Computed once per ticket; every head reads it.

Lemmas are spaCy's lookup lemmatiser's (spacy-lookups-data tables), read from packed tables
(`LookupLemmas`, triage.lemma_table) rather than through spaCy's `Lemmatizer` pipe: the same
lemmas (tested against the pipe on every 7th table entry in four casings; all of them were
compared once), loaded in milliseconds instead of seconds and in a seventh of the memory of
dicts (spaCy's pipe re-hashes every entry into its own table and Bloom filter besides)."""

from __future__ import annotations

import gc
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from lingua import ConfidenceValue, Language, LanguageDetector, LanguageDetectorBuilder

from triage.cache import BoundedCache
from triage.domain import SUPPORTED_LANGUAGES, LanguageGuess
from triage.lemma_table import lemma_table
from triage.pattern_cache import blank_pipeline
from triage.pii import mask_entities
from triage.spacy_import import spacy
from triage.validation import supported_hint

Token = tuple[str, bool, int, int]
"""What `TextPipeline.tokens` gives per token: lemma, is a word, start, end."""

_LINGUA = {
    "en": Language.ENGLISH,
    "nl": Language.DUTCH,
    "ro": Language.ROMANIAN,
    "de": Language.GERMAN,
    "fr": Language.FRENCH,
}

# "On Mon, 3 Mar 2026, Support wrote:" and its siblings: everything after it is quoted history.
_QUOTE_HEADER_RE = re.compile(
    r"^\s*(?:(?:on|op|am|le|în|in)\b.{0,120}\b(?:wrote|schreef|schrieb|a écrit|a scris)\s?:"
    r"|-{2,}\s*(?:original message|oorspronkelijk bericht|mesaj original|ursprüngliche nachricht|"
    r"message d'origine)\s*-{2,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNOFF_RE = re.compile(
    r"^\s*(?:--\s*|(?:best|kind|warm)?\s*regards,?|best,|cheers,?|"
    r"(?:many )?thanks(?: again| in advance)?,|thank you,|"
    r"(?:alvast )?bedankt,?|mvg,?|mulțumesc(?: anticipat)?,?|merci(?: d'avance)?,?|"
    r"(?:freundliche )?grüße,?|danke(?: und gruß)?,?|lg,?|"
    r"met vriendelijke groet(?:en)?,?|vriendelijke groet(?:en)?,?|groet(?:en|jes)?,?|"
    r"cu (?:stimă|respect|drag),?|toate cele bune,?|o zi (?:bună|frumoasă),?|"
    r"mit freundlichen grüßen,?|viele grüße,?|beste grüße,?|liebe grüße,?|"
    r"cordialement,?|bien (?:à vous|cordialement),?|salutations,?|bonne journée,?|"
    r"sent from my \w+.*|verzonden (?:vanaf|met) .*|trimis de pe .*|gesendet von .*|"
    r"envoyé de mon .*)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CHUNK_CACHE_SIZE = 25_000
"""Per language and generation (triage.cache): the words, with their punctuation, that tickets
use, with room to spare."""
_CHUNK_CACHE_MAX = 64  # longer chunks are not kept (never words: runs of lines, hostile text)

# Bounded work per text (security review finding 3). spaCy's tokenizer strips prefixes and
# suffixes from a whitespace-free span one at a time, re-scanning the rest each time: quadratic in
# the span's length (16 KB of "?!" took 39 s). So no span longer than MAX_RUN characters reaches
# it whole: longer runs (never words; at most a long URL in the raw text the flags read) are cut
# into RUN_CHUNK-character pieces, and other text into segments of at most _SEGMENT characters,
# cut between two words. Pieces are tokenised in order until MAX_TOKENS tokens are read; the rest
# of the text is ignored (64 KB of real words is about 14,000 tokens).
MAX_RUN = 128
RUN_CHUNK = 16
MAX_TOKENS = 16_384
_SEGMENT = 4096
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_WORD_GAP_RE = re.compile(r"(?<=\S) (?=\S)")  # one space between two words: a neutral cut

# Bounded memory (finding 5): every novel token string is interned in the pipeline's vocab
# (StringStore, lexemes) and the tokenizer's own cache, for good. Once a language's StringStore
# holds STRINGS_HEADROOM more strings than when it was built, its pipeline is rebuilt (tens of
# ms) and swapped in as one reference.
STRINGS_HEADROOM = 50_000

DETECT_CHARS = 4096
"""Language identification reads at most this many leading characters: lingua's work grows
faster than linearly with a long word (64 KB of letters took 2.4 s), and a few hundred characters
settle the language (real tickets are shorter than this)."""
PARALLEL_DETECTION_MIN = 8
"""Batches of at least this many texts are detected by lingua's batch call (see
`TextPipeline._confidences`); below it, the batch call costs more CPU than one call per text."""
_SIGNATURE_MAX_LINES = 5  # a sign-off further from the end than this is body text, not a footer


def strip_quoted_and_signature(text: str) -> str:
    """The customer's own new words: quoted replies and the closing signature removed."""
    header = _QUOTE_HEADER_RE.search(text)
    if header:
        text = text[: header.start()]
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    for i, line in enumerate(lines):
        if i > 0 and len(lines) - i <= _SIGNATURE_MAX_LINES and _SIGNOFF_RE.match(line):
            lines = lines[:i]
            break
    return "\n".join(lines).strip()


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """text[start:end] (no run longer than MAX_RUN) in pieces of at most _SEGMENT characters,
    cut at a single space between two words, which spaCy tokenises the same either way."""
    while end - start > _SEGMENT:
        cuts = list(_WORD_GAP_RE.finditer(text, start + MAX_RUN, start + _SEGMENT))
        cut = cuts[-1].end() if cuts else start + _SEGMENT
        yield start, text[start:cut]
        start = cut
    if start < end:
        yield start, text[start:end]


def tokenizer_pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text` in order, each piece safe to hand to spaCy's tokenizer
    (see MAX_RUN); a text without long runs of at most _SEGMENT characters is one piece."""
    start = 0
    for run in _LONG_RUN_RE.finditer(text):
        yield from _segments(text, start, run.start())
        for i in range(run.start(), run.end(), RUN_CHUNK):
            yield i, text[i : min(i + RUN_CHUNK, run.end())]
        start = run.end()
    yield from _segments(text, start, len(text))


_RUN_RE = re.compile(r"\S+|\s+")


def _whitespace_parts(chunk: str) -> Iterator[tuple[int, str]]:
    """(offset, part) of `chunk` cut where spaCy's tokenizer cuts it first: into whitespace-free
    spans and whitespace runs, a run's leading space dropped after a span (spaCy records it as
    the span's trailing space, not as a token), so each part tokenizes alone as in place."""
    for run in _RUN_RE.finditer(chunk):
        start, part = run.start(), run.group()
        if start and part[0] == " ":
            start, part = start + 1, part[1:]
        if part:
            yield start, part


def _shifted(tokens: Sequence[Token], offset: int) -> Sequence[Token]:
    if not offset:
        return tokens
    return [(lemma, keep, start + offset, end + offset) for lemma, keep, start, end in tokens]


def shouting_ratio(text: str) -> float:
    """Share of words of 3+ letters written in capitals: ALL-CAPS anger survives lowercasing."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", text)]
    return sum(w.isupper() for w in words) / len(words) if words else 0.0


@dataclass(frozen=True)
class ProcessedText:
    language: LanguageGuess
    normalised: str
    """Subject and body without quoted history and signature, personal data masked
    (triage.pii.mask_entities), case kept."""
    lemmas: tuple[str, ...]
    """Lowercased lookup lemmas, punctuation dropped."""
    shouting: float
    exclamations: int


_forked = False
"""True in a process forked from another (a worker of `serve --workers`): see `_detector`."""


def _note_fork() -> None:
    global _forked
    _forked = True


os.register_at_fork(after_in_child=_note_fork)


def _detector(languages: Sequence[str]) -> LanguageDetector:
    """lingua's detector for `languages`, its models loaded now, except in a forked process:
    lingua loads preloaded models on its global thread pool, whose threads a fork does not copy,
    so a forked process that asked for them would wait forever. There models load on first use
    instead (one at a time, on the calling thread), if the parent had not loaded them already:
    its loaded models are shared by every detector. Same models, so the same answers."""
    builder = LanguageDetectorBuilder.from_languages(*(_LINGUA[code] for code in languages))
    if not _forked:
        builder = builder.with_preloaded_language_models()
    return builder.build()


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector off meanwhile, for the whole process (nested: on again
    when the outermost pause ends).
    For loading: the millions of objects a load allocates (lemma tables, vocabularies) live on,
    and the collector scanning them again and again as they pile up cost about a second of a
    seven-second start-up."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class LookupLemmas:
    """spaCy's lookup lemmatiser of one language (`Lemmatizer` in mode "lookup") on a packed
    table (triage.lemma_table): a word's lemma is its table entry (the first one where the
    table lists several), or the word itself."""

    _LOWERCASED_KEYS = frozenset({"nl"})
    """Languages whose lemmatiser looks up the lowercased word (spaCy's DutchLemmatizer: its
    table has lowercase keys only)."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.table = lemma_table(code)
        self._lowercase = code in self._LOWERCASED_KEYS

    def spacy_lemma(self, word: str) -> str:
        """What spaCy's lookup lemmatiser sets as the token's `lemma_`."""
        key = word.lower() if self._lowercase else word
        found = self.table.get(key)
        return key if found is None else found

    def lemma(self, word: str) -> str:
        """The lowercased lemma `ProcessedText.lemmas` holds: spaCy's, and for an ALL-CAPS word
        the table misses as written, the entry of its lowercased or capitalised form (anger in
        capitals keeps its lemma)."""
        lemma = self.spacy_lemma(word) or word
        if lemma == word and word.isupper():
            lemma = self.table.get(word.lower()) or self.table.get(word.capitalize()) or lemma
        return lemma.lower()


class TextPipeline:
    """Loads the language detector, and per supported language a blank spaCy pipeline (its
    tokenizer) and its lookup lemmas; `process` is then pure and batch-first."""

    def __init__(self, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> None:
        self.languages = tuple(languages)
        with collection_paused():
            self._detector = _detector(self.languages)
            self._nlp = {code: blank_pipeline(code) for code in self.languages}
            self._lemmas = {code: LookupLemmas(code) for code in self.languages}
        # Strings a fresh pipeline holds: the vocab may grow STRINGS_HEADROOM past it.
        self._baseline = {code: len(nlp.vocab.strings) for code, nlp in self._nlp.items()}
        self._rebuilding = threading.Lock()
        self.rebuilds = 0
        """How many times a pipeline was rebuilt to shed interned strings (for tests, benches)."""
        # chunk -> its tokens: see `tokens`.
        self._chunk_cache: dict[str, BoundedCache[str, tuple[Token, ...]]] = {
            code: BoundedCache(_CHUNK_CACHE_SIZE) for code in self.languages
        }

    def _shed_strings(self, code: str, nlp: spacy.language.Language) -> None:
        """Swap in a fresh pipeline for `code` once `nlp`'s vocab has grown past its headroom.
        One thread rebuilds; the others go on with the old pipeline meanwhile."""
        if len(nlp.vocab.strings) <= self._baseline[code] + STRINGS_HEADROOM:
            return
        if not self._rebuilding.acquire(blocking=False):
            return
        try:
            if self._nlp[code] is nlp:  # not already replaced by another thread
                self._nlp[code] = spacy.blank(code)
                self.rebuilds += 1
        finally:
            self._rebuilding.release()

    def detect_language(self, text: str, hint: str = "") -> LanguageGuess:
        return self.detect_languages([text], [hint])[0]

    def detect_languages(self, texts: Sequence[str], hints: Sequence[str]) -> list[LanguageGuess]:
        """Each text's language: its hint when the hint names a supported language, else
        lingua's most confident guess (the first language, at confidence 0, when it has none)."""
        hinted = [supported_hint(hint) for hint in hints]
        unknown = [
            text[:DETECT_CHARS]
            for text, code in zip(texts, hinted, strict=True)
            if code not in self.languages
        ]
        found = iter(self._confidences(unknown))
        return [
            LanguageGuess(code, 1.0) if code in self.languages else self._best(next(found))
            for code in hinted
        ]

    def _confidences(self, texts: list[str]) -> list[list[ConfidenceValue]]:
        # lingua's batch call runs on its thread pool without the GIL: for a batch as fast in
        # CPU and faster in time, and the request threads run meanwhile. Not in a forked
        # process, whose copy of that pool has no threads (see `_detector`).
        if len(texts) >= PARALLEL_DETECTION_MIN and not _forked:
            return self._detector.compute_language_confidence_values_in_parallel(texts)
        return [self._detector.compute_language_confidence_values(text) for text in texts]

    def _best(self, values: Sequence[ConfidenceValue]) -> LanguageGuess:
        if not values or values[0].value == 0.0:
            return LanguageGuess(self.languages[0], 0.0)
        best = values[0]
        # Rounded: lingua's last digits vary between calls, and equal input must give equal output.
        return LanguageGuess(best.language.iso_code_639_1.name.lower(), round(best.value, 6))

    def process(
        self, texts: Sequence[str], hints: Sequence[str] | None = None
    ) -> list[ProcessedText]:
        hints = hints if hints is not None else [""] * len(texts)
        cleaned = [strip_quoted_and_signature(text) for text in texts]
        languages = self.detect_languages(cleaned, hints)
        masked = [mask_entities(clean) for clean in cleaned]
        lemmas = [
            tuple(lemma for lemma, keep, _, _ in self.tokens(lang.code, text) if keep)
            for lang, text in zip(languages, masked, strict=True)
        ]
        return [
            ProcessedText(lang, text, lem, shouting_ratio(clean), clean.count("!"))
            for lang, text, lem, clean in zip(languages, masked, lemmas, cleaned, strict=True)
        ]

    def tokens(self, code: str, text: str) -> list[Token]:
        """(lowercased lookup lemma, is a word (not punctuation or space), start, end) for each
        spaCy token of `text`, offsets into `text`; at most MAX_TOKENS, see MAX_RUN for how
        hostile text is bounded.
        spaCy's tokenizer splits text at whitespace first and cuts each whitespace-free span
        without looking at its neighbours, so the tokens of a text are those of its chunks
        (mostly a word and its punctuation) one after the other. A chunk's tokens, lemmas
        included, depend on its text alone: they are cached per language, and spaCy runs only
        on chunks not seen lately."""
        nlp = self._nlp[code]  # one read: a rebuild may swap it meanwhile
        out: list[Token] = []
        tokenized = False
        cached = self._chunk_cache[code].get
        for offset, piece in tokenizer_pieces(text):
            for chunk in _WORD_GAP_RE.split(piece):  # cut at a single space between two words
                found = cached(chunk)
                if found is None:
                    found = self._tokens_of_chunk(nlp, code, chunk)
                    tokenized = True
                if offset:  # inline: this loop runs for every word served
                    out += [(lemma, keep, s + offset, e + offset) for lemma, keep, s, e in found]
                else:
                    out += found
                offset += len(chunk) + 1
            if len(out) >= MAX_TOKENS:
                del out[MAX_TOKENS:]
                break
        if tokenized:
            self._shed_strings(code, nlp)
        return out

    def _tokens_of_chunk(
        self, nlp: spacy.language.Language, code: str, chunk: str
    ) -> tuple[Token, ...]:
        """A chunk's tokens, cached when it is short. A chunk of words and whitespace (a word,
        a blank line and the next word) is cut into parts, each looked up or tokenized on its
        own: new chunks of known words, as line breaks make them, cost no spaCy call."""
        if chunk.isspace() or chunk.split() == [chunk]:  # one run: one spaCy call
            lemmas = self._lemmas[code]
            found = tuple(
                (lemmas.lemma(t.text), not (t.is_punct or t.is_space), t.idx, t.idx + len(t.text))
                for t in nlp.tokenizer(chunk)
            )
        else:
            parts: list[Token] = []
            for start, part in _whitespace_parts(chunk):
                known = self._chunk_cache[code].get(part)
                if known is None:
                    known = self._tokens_of_chunk(nlp, code, part)
                parts += _shifted(known, start)
            found = tuple(parts)
        if len(chunk) <= _CHUNK_CACHE_MAX:
            self._chunk_cache[code].put(chunk, found)
        return found

    def lemma(self, code: str, word: str) -> str:
        """The lowercased lookup lemma of the token `word` of language `code`, as it appears
        in `ProcessedText.lemmas`."""
        return self._lemmas[code].lemma(word)

    def nlp(self, code: str) -> spacy.language.Language:
        """The loaded spaCy pipeline of language `code` (a tokenizer: no pipes)."""
        return self._nlp[code]
