"""Text pipeline shared by training and serving: language identification, normalisation
(quoted replies and signatures stripped; personal data (triage.pii), URLs, order ids and numbers to
placeholders) and spaCy tokens + lookup lemmas. Computed once per ticket; every head reads it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

from triage.domain import SUPPORTED_LANGUAGES, LanguageGuess

# Masking lives in triage.pii (one implementation); its names re-exported for existing callers.
from triage.pii import EMAIL as EMAIL
from triage.pii import NUMBER as NUMBER
from triage.pii import ORDER as ORDER
from triage.pii import URL as URL
from triage.pii import mask_entities
from triage.validation import supported_hint

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
_TOKEN_CACHE_SIZE = 200_000
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


def normalise(text: str) -> str:
    return mask_entities(strip_quoted_and_signature(text))


def shouting_ratio(text: str) -> float:
    """Share of words of 3+ letters written in capitals: ALL-CAPS anger survives lowercasing."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", text)]
    return sum(w.isupper() for w in words) / len(words) if words else 0.0


@dataclass(frozen=True)
class ProcessedText:
    language: LanguageGuess
    normalised: str
    """Subject and body after `normalise`, case kept."""
    lemmas: tuple[str, ...]
    """Lowercased lookup lemmas, punctuation dropped."""
    shouting: float
    exclamations: int


class TextPipeline:
    """Loads the language detector and one blank spaCy pipeline with a lookup lemmatiser per
    supported language; `process` is then pure and batch-first."""

    def __init__(self, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> None:
        self.languages = tuple(languages)
        self._detector: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*(_LINGUA[code] for code in self.languages))
            .with_preloaded_language_models()
            .build()
        )
        self._nlp = {code: self._blank_with_lemmatizer(code) for code in self.languages}
        # Lookup tables, to lemmatise ALL-CAPS words the case-sensitive lookup misses.
        self._lemma_tables = {
            code: nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
            for code, nlp in self._nlp.items()
        }
        # spaCy orth id -> (lemma, is a word, length): see `tokens`.
        self._token_cache: dict[str, dict[int, tuple[str, bool, int]]] = {
            code: {} for code in self.languages
        }

    @staticmethod
    def _blank_with_lemmatizer(code: str) -> spacy.language.Language:
        nlp = spacy.blank(code)
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()  # loads the lookup table from spacy-lookups-data
        return nlp

    def detect_language(self, text: str, hint: str = "") -> LanguageGuess:
        code = supported_hint(hint)
        if code in self.languages:
            return LanguageGuess(code, 1.0)
        values = self._detector.compute_language_confidence_values(text)
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
        languages = [
            self.detect_language(clean, hint) for clean, hint in zip(cleaned, hints, strict=True)
        ]
        masked = [mask_entities(clean) for clean in cleaned]
        lemmas = [
            tuple(lemma for lemma, keep, _, _ in self.tokens(lang.code, text) if keep)
            for lang, text in zip(languages, masked, strict=True)
        ]
        return [
            ProcessedText(lang, text, lem, shouting_ratio(clean), clean.count("!"))
            for lang, text, lem, clean in zip(languages, masked, lemmas, cleaned, strict=True)
        ]

    def tokens(self, code: str, text: str) -> list[tuple[str, bool, int, int]]:
        """(lowercased lookup lemma, is a word (not punctuation or space), start, end) for each
        spaCy token of `text`, offsets into `text`. Only the tokenizer runs and no Token objects
        are built: a token's lemma depends on its text alone, so it is cached per language."""
        doc = self._nlp[code].tokenizer(text)
        if not len(doc):
            return []
        cache = self._token_cache[code]
        out = []
        for orth, start in doc.to_array([ORTH, IDX]).tolist():
            entry = cache.get(orth)
            if entry is None:
                entry = self._token_entry(code, self._nlp[code].vocab.strings[orth])
                if len(cache) >= _TOKEN_CACHE_SIZE:
                    cache.clear()  # crude bound; refills with the current tokens
                cache[orth] = entry
            lemma, keep, length = entry
            out.append((lemma, keep, start, start + length))
        return out

    def _token_entry(self, code: str, text: str) -> tuple[str, bool, int]:
        # A one-token Doc through the language's own lemmatiser: in lookup mode the lemma
        # depends on the token's text alone, so this equals lemmatising it in context.
        nlp = self._nlp[code]
        token = nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=[text]))[0]
        return self.token_lemma(code, token), not (token.is_punct or token.is_space), len(text)

    def token_lemma(self, code: str, token: spacy.tokens.Token) -> str:
        """A lemmatised token's lowercased lookup lemma, as it appears in `ProcessedText.lemmas`."""
        lemma = token.lemma_ or token.text
        if lemma == token.text and token.is_upper:
            table = self._lemma_tables[code]
            found = table.get(token.lower_) or table.get(token.text.capitalize()) or lemma
            lemma = found[0] if isinstance(found, list) else found  # some tables store lists
        return lemma.lower()

    def nlp(self, code: str) -> spacy.language.Language:
        """The loaded spaCy pipeline of language `code`."""
        return self._nlp[code]
