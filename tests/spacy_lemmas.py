"""The reference the text pipeline's lemmas are tested against: spaCy's own lookup lemmatiser
pipe (`Lemmatizer`, mode "lookup", spacy-lookups-data tables), read as triage.text read it before
its lemmas moved to plain dicts (`LookupLemmas`)."""

from __future__ import annotations

import spacy
from spacy.tokens import Token

from triage.domain import SUPPORTED_LANGUAGES


class SpacyLemmas:
    def __init__(self) -> None:
        self.nlp = {code: self._lemmatising(code) for code in SUPPORTED_LANGUAGES}
        self._tables = {
            code: nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
            for code, nlp in self.nlp.items()
        }

    @staticmethod
    def _lemmatising(code: str) -> spacy.language.Language:
        nlp = spacy.blank(code)
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()  # loads the lookup table from spacy-lookups-data
        return nlp

    def lemma(self, code: str, token: Token) -> str:
        """A token of `self.nlp[code]`'s lowercased lemma, the ALL-CAPS fallback included."""
        lemma = token.lemma_ or token.text
        if lemma == token.text and token.is_upper:
            table = self._tables[code]
            found = table.get(token.lower_) or table.get(token.text.capitalize()) or lemma
            lemma = found[0] if isinstance(found, list) else found
        return lemma.lower()
