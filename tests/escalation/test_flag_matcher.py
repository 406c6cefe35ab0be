"""The pure-Python flag matcher finds exactly what spaCy's `Matcher` + `filter_spans` found
(the implementation it replaced) on real generated tickets, offsets included."""

from __future__ import annotations

from pathlib import Path

from spacy.matcher import Matcher
from spacy.util import filter_spans

from tests.escalation.conftest import labelled_sentences
from training.dataset import load_dataset
from triage.escalation.flags import TextFlagger, _fold
from triage.text import TextPipeline


def _spacy_spans(
    flagger: TextFlagger, matchers: dict[str, Matcher], code: str, text: str
) -> dict[str, list[tuple[int, int]]]:
    """The replaced implementation: a Doc per field, token norms set to folded lemmas (the
    lemmas themselves are tested against spaCy's lemmatiser in tests/test_text.py)."""
    pipeline: TextPipeline = flagger.text
    doc = pipeline.nlp(code)(text)
    for token in doc:
        token.norm_ = _fold(pipeline.lemma(code, token.text))
    by_flag: dict[str, list] = {}
    for match_id, start, end in matchers[code](doc):
        by_flag.setdefault(doc.vocab.strings[match_id], []).append(doc[start:end])
    return {
        flag: [(s.start_char, s.end_char) for s in filter_spans(spans)]
        for flag, spans in by_flag.items()
    }


def _spacy_matchers(flagger: TextFlagger) -> dict[str, Matcher]:
    matchers = {}
    for code, by_first in flagger.rules.items():
        matcher = Matcher(flagger.text.nlp(code).vocab)
        rules = {id(rule): rule for rules in by_first.values() for rule in rules}.values()
        for rule in rules:
            pattern: list[dict[str, object]] = [
                {"OP": f"{{0,{slot}}}"} if isinstance(slot, int) else {"NORM": {"IN": sorted(slot)}}
                for slot in rule.slots
            ]
            matcher.add(rule.flag, [pattern])
        matchers[code] = matcher
    return matchers


def test_same_spans_as_spacy_matcher(flagger: TextFlagger, corpus: Path) -> None:
    matchers = _spacy_matchers(flagger)
    data = load_dataset(corpus / "train.jsonl")
    languages = data.labels["language"]
    texts = [(lang, s) for lang, _, s in labelled_sentences()]
    texts += [
        (languages[i] or "en", field)
        for i, t in enumerate(data.tickets[:400])
        for field in (t.subject, t.body)
        if field
    ]
    texts += [(code, text.upper()) for code, text in texts[:200]]  # ALL-CAPS lemma fallback
    matched = 0
    for code, text in texts:
        expected = _spacy_spans(flagger, matchers, code, text)
        assert flagger.spans(code, text) == expected, (code, text)
        matched += bool(expected)
    assert matched > 100  # the comparison covers many matches, not only empty ones
