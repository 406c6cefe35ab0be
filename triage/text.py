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
import json
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from lingua import ConfidenceValue, Language, LanguageDetector, LanguageDetectorBuilder

from triage.cache import BoundedCache
from triage.domain import SUPPORTED_LANGUAGES, LanguageGuess
from triage.env_cache import DIRECTORY, write_atomically
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
_CHUNK_CACHE_SIZE = 20_000
"""Per language and generation (triage.cache): the words, with their punctuation, that tickets
use, with room to spare."""
_CHUNK_CACHE_CHARS = 32
_CHUNK_CACHE_TOKENS = 4
"""Only chunks of at most this many characters and tokens are kept (a word and its punctuation
are): each entry then costs at most about 0.7 KB, and a language's cache at most about 28 MB
whatever text it is fed."""

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


def _segments(
    text: str, start: int, end: int, joins: frozenset[tuple[str, str]]
) -> Iterator[tuple[int, str]]:
    """text[start:end] (no run longer than MAX_RUN) in pieces of at most _SEGMENT characters,
    cut at a single space between two words, which spaCy tokenises the same either way unless
    the characters on either side are one of `joins` (see `special_case_joins`)."""
    while end - start > _SEGMENT:
        found = _WORD_GAP_RE.finditer(text, start + MAX_RUN, start + _SEGMENT)
        cuts = [gap for gap in found if (text[gap.start() - 1], text[gap.end()]) not in joins]
        cut = cuts[-1].end() if cuts else start + _SEGMENT
        yield start, text[start:cut]
        start = cut
    if start < end:
        yield start, text[start:end]


def tokenizer_pieces(
    text: str, joins: frozenset[tuple[str, str]] = frozenset()
) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text` in order, each piece safe to hand to spaCy's tokenizer
    (see MAX_RUN); a text without long runs of at most _SEGMENT characters is one piece."""
    start = 0
    for run in _LONG_RUN_RE.finditer(text):
        yield from _segments(text, start, run.start(), joins)
        for i in range(run.start(), run.end(), RUN_CHUNK):
            yield i, text[i : min(i + RUN_CHUNK, run.end())]
        start = run.end()
    yield from _segments(text, start, len(text), joins)


_RUN_RE = re.compile(r"\S+(?: \S+)*|\s+")
"""Words joined by single spaces, or a whitespace run: where spaCy's tokens break at space."""


def special_case_joins(
    code: str, nlp: spacy.language.Language, directory: Path | None = None
) -> frozenset[tuple[str, str]]:
    """(last character, first character) of two tokens that follow each other inside one of
    the tokenizer's special cases (":P" is ":" then "P" to its affix rules). spaCy matches
    special cases over token texts, across single spaces too, and such a match, though it is
    then dropped, can block an overlapping one ("( :P" keeps ":" and "P" apart). Two chunks
    whose facing characters form such a pair are therefore tokenized together.
    Computing them tokenizes every rule (0.12 s for the five languages), so they are kept in
    the environment (triage.env_cache) per spaCy version, like the lemma tables."""
    path = (directory or DIRECTORY) / f"joins-{code}-{version('spacy')}.json"
    try:
        return frozenset((a, b) for a, b in json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass  # computed and written below
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (typed as any callable)
    # the same affix rules without special cases, as spaCy tokenizes a case for its matcher
    plain = spacy.tokenizer.Tokenizer(
        nlp.vocab,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    pairs: set[tuple[str, str]] = set()
    for case in tokenizer.rules:
        words = [token.text for token in plain(case)]
        pairs.update((left[-1], right[0]) for left, right in zip(words, words[1:], strict=False))
    write_atomically(path, lambda handle: handle.write(json.dumps(sorted(pairs)).encode()))
    return frozenset(pairs)


def _joined(chunks: list[str], joins: frozenset[tuple[str, str]]) -> list[str]:
    """`chunks` (cut at single spaces) with those that face each other across a pair of
    `joins` put back together."""
    out = chunks[:1]
    for chunk in chunks[1:]:
        if (out[-1][-1], chunk[0]) in joins:
            out[-1] += " " + chunk
        else:
            out.append(chunk)
    return out


def _chunks(piece: str, joins: frozenset[tuple[str, str]]) -> Iterator[tuple[int, str]]:
    """(offset, chunk) of `piece` cut where spaCy's tokens break at whitespace, so each chunk
    tokenizes alone as in place: at a single space between two words (unless a special case
    may span it, see `special_case_joins`), and around the whitespace that becomes tokens (a
    run's leading space dropped after a word: spaCy records it as the word's trailing space).
    Special cases never span a whitespace token."""
    start = 0
    for chunk in _joined(_WORD_GAP_RE.split(piece), joins):
        if (" " not in chunk and chunk.isprintable()) or chunk.isspace():
            yield start, chunk  # no whitespace (the one kind isprintable lets through is " ")
        else:
            for run in _RUN_RE.finditer(chunk):
                at, part = start + run.start(), run.group()
                if run.start() and part[0] == " ":
                    at, part = at + 1, part[1:]
                if part:
                    yield at, part
        start += len(chunk) + 1


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
        self._joins = {code: special_case_joins(code, nlp) for code, nlp in self._nlp.items()}
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
        (mostly a word and its punctuation, see `_chunks`) one after the other. A chunk's
        tokens, lemmas included, depend on its text alone: they are cached per language, and
        spaCy runs only on chunks not seen lately, once per run of them."""
        nlp = self._nlp[code]  # one read: a rebuild may swap it meanwhile
        cached = self._chunk_cache[code].get
        joins = self._joins[code]
        out: list[Token] = []
        tokenized = False
        for offset, piece in tokenizer_pieces(text, joins):
            chunks = list(_chunks(piece, joins))
            found = [cached(chunk) for _, chunk in chunks]
            if None in found:
                self._tokenize_missing(nlp, code, piece, chunks, found)
                tokenized = True
            for (start, _), tokens in zip(chunks, found, strict=True):
                at = offset + start  # inline: this loop runs for every word served
                out += [(lemma, keep, s + at, e + at) for lemma, keep, s, e in tokens or ()]
            if len(out) >= MAX_TOKENS:
                del out[MAX_TOKENS:]
                break
        if tokenized:
            self._shed_strings(code, nlp)
        return out

    def _tokenize_missing(
        self,
        nlp: spacy.language.Language,
        code: str,
        piece: str,
        chunks: Sequence[tuple[int, str]],
        found: list[tuple[Token, ...] | None],
    ) -> None:
        """Fill the gaps (None) of `found`, the tokens of `chunks` of `piece`: each run of
        missing chunks is tokenized in one spaCy call (the text from its first chunk to its
        last: cut where `_chunks` cuts, it tokenizes as in place), its tokens dealt out to
        its chunks, and short chunks cached."""
        lemmas, cache = self._lemmas[code], self._chunk_cache[code]
        first = 0
        while first < len(chunks):
            if found[first] is not None:
                first += 1
                continue
            last = first
            while last + 1 < len(chunks) and found[last + 1] is None:
                last += 1
            begin = chunks[first][0]
            doc = nlp.tokenizer(piece[begin : chunks[last][0] + len(chunks[last][1])])
            tokens = iter(doc)
            token = next(tokens, None)
            for n in range(first, last + 1):
                start, chunk = chunks[n]
                start -= begin
                mine: list[Token] = []
                while token is not None and token.idx < start + len(chunk):
                    s = token.idx - start
                    word = not (token.is_punct or token.is_space)
                    mine.append((lemmas.lemma(token.text), word, s, s + len(token.text)))
                    token = next(tokens, None)
                found[n] = entry = tuple(mine)
                if len(chunk) <= _CHUNK_CACHE_CHARS and len(entry) <= _CHUNK_CACHE_TOKENS:
                    cache.put(chunk, entry)
            first = last + 1

    def lemma(self, code: str, word: str) -> str:
        """The lowercased lookup lemma of the token `word` of language `code`, as it appears
        in `ProcessedText.lemmas`."""
        return self._lemmas[code].lemma(word)

    def nlp(self, code: str) -> spacy.language.Language:
        """The loaded spaCy pipeline of language `code` (a tokenizer: no pipes)."""
        return self._nlp[code]
