from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from triage.pii import EMAIL, NUMBER, ORDER, URL, mask_entities
from triage.text import shouting_ratio, strip_quoted_and_signature


def test_quoted_reply_and_signature_are_stripped() -> None:
    text = (
        "Hello,\nmy parcel never arrived.\nPlease help.\n\nBest regards,\nAnna Jansen\n\n"
        "On Mon, 3 Mar 2026, Support wrote:\n> We shipped it yesterday.\n"
    )
    assert strip_quoted_and_signature(text) == "Hello,\nmy parcel never arrived.\nPlease help."


@pytest.mark.parametrize(
    "text",
    [
        "Mijn pakket is niet aangekomen.\nMet vriendelijke groet,\nJan",
        "Coletul meu nu a ajuns.\nCu stimă,\nIoana",
        "Mein Paket ist nicht angekommen.\nMit freundlichen Grüßen\nJonas",
        "Mon colis n'est pas arrivé.\nCordialement,\nLéa",
    ],
)
def test_sign_offs_in_every_language(text: str) -> None:
    assert strip_quoted_and_signature(text) == text.splitlines()[0]


def test_quoted_lines_dropped_but_body_kept() -> None:
    text = "> old answer\nStill broken after your fix.\n> more old text"
    assert strip_quoted_and_signature(text) == "Still broken after your fix."


def test_entities_become_typed_placeholders() -> None:
    masked = mask_entities(
        "Order ORD-482913 and #10482913, mail anna.b@example.com, "
        "see https://x.io/a?b=1, paid 49.99"
    )
    assert masked.count(ORDER) == 2
    assert EMAIL in masked and URL in masked and NUMBER in masked
    assert "482913" not in masked and "example.com" not in masked


def test_shouting_ratio() -> None:
    assert shouting_ratio("THIS IS UNACCEPTABLE fix it") > 0.5
    assert shouting_ratio("this is fine") == 0.0
    assert shouting_ratio("") == 0.0


def test_lemmas_unify_inflected_forms(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    first, second = text_pipeline.process(
        ["The orders were charged", "ORDER CHARGED"], ["en", "en"]
    )
    assert {"order", "charge"} <= set(first.lemmas)
    assert {"order", "charge"} <= set(second.lemmas)  # ALL-CAPS words are lemmatised too


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "My package still has not arrived and nobody answers my emails"),
        ("nl", "Mijn pakket is nog steeds niet aangekomen en niemand reageert"),
        ("ro", "Coletul meu încă nu a ajuns și nimeni nu îmi răspunde"),
        ("de", "Mein Paket ist immer noch nicht angekommen und niemand antwortet"),
        ("fr", "Mon colis n'est toujours pas arrivé et personne ne répond"),
    ],
)
def test_language_detection(text_pipeline, code: str, text: str) -> None:  # type: ignore[no-untyped-def]
    guess = text_pipeline.detect_language(text)
    assert guess.code == code
    assert 0.5 < guess.confidence <= 1.0


def test_supported_hint_wins_and_unsupported_hint_is_ignored(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Mein Paket ist nicht angekommen"
    assert text_pipeline.detect_language(text, "fr").code == "fr"
    assert text_pipeline.detect_language(text, "FR-be").code == "fr"
    assert text_pipeline.detect_language(text, "ja").code == "de"


def test_process_is_batch_invariant(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """The same per text whatever the batch: small batches and large ones (which lingua
    detects in one parallel call) alike."""
    from triage.text import PARALLEL_DETECTION_MIN

    texts = ["Ich kann mich nicht anmelden", "I cannot log in", "Je ne peux pas me connecter"]
    texts += ["Nu pot să mă conectez", "Mijn pakket is niet aangekomen", "ok", "", "12345"]
    texts += [f"{text} (ticket {i})" for i, text in enumerate(texts)]
    assert len(texts) >= PARALLEL_DETECTION_MIN
    alone = [text_pipeline.process([t])[0] for t in texts]
    assert text_pipeline.process(texts[:3]) == alone[:3]
    assert text_pipeline.process(texts) == alone


def test_cached_token_lemmas_equal_spacy_pipeline_lemmas(  # type: ignore[no-untyped-def]
    text_pipeline, spacy_lemmas, corpus
) -> None:
    """`process` lemmatises from cached per-token entries; it must equal running spaCy's own
    pipeline (tokenizer + lookup lemmatiser pipe) and reading the Token objects."""
    from training.dataset import load_dataset
    from triage.model import ticket_text

    texts = [ticket_text(t) for t in load_dataset(corpus / "test.jsonl").tickets[:300]]
    texts += [text.upper() for text in texts[:50]]
    for processed in text_pipeline.process(texts):
        code = processed.language.code
        doc = spacy_lemmas.nlp[code](processed.normalised)
        words = [token for token in doc if not (token.is_punct or token.is_space)]
        expected = tuple(spacy_lemmas.lemma(code, token) for token in words)
        assert processed.lemmas == expected
        assert [(s, e) for _, _, s, e in text_pipeline.tokens(code, processed.normalised)] == [
            (t.idx, t.idx + len(t.text)) for t in doc
        ]


@pytest.mark.parametrize("code", ["en", "nl", "ro", "de", "fr"])
def test_tokens_from_cached_chunks_equal_spacy_tokens_in_any_spacing(  # type: ignore[no-untyped-def]
    text_pipeline, code: str
) -> None:
    """`tokens` cuts text into chunks and caches each chunk's tokens; whatever the whitespace
    (runs of spaces, line breaks, tabs, no-break and ideographic spaces, leading and trailing),
    the result is spaCy's tokenizer on the whole text, the second time (from the cache) too."""
    import random

    rng = random.Random(7)
    parts = ["help", "me.", "Hi,", "(order", "#123)", "don't", "z.B.", "l'adresse", "?!", "..."]
    parts += [" ", "  ", "\n", "\n\n", " \n", "\n ", "\t", "\r\n", "\u00a0", "\u2009", "\u3000"]
    # Special cases of several tokens (emoticons, abbreviations): spaCy matches them across a
    # single space too, and such a match can block another ("( :P" keeps ":" and "P" apart).
    parts += ["(", ")", ":", "=)", ":P", ":D", ":(", "(:", "8)", "o.O", "'s", "e.g.", "a.m."]
    texts = ["thanks ( =)ok", "great ( :P:D", "It failed again:( (see log)", " \n(  :P"]
    texts += [
        "".join(rng.choice(parts) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 25)))
        for _ in range(600)
    ]
    for text in texts + texts:
        expected = [(t.idx, t.idx + len(t.text)) for t in text_pipeline.nlp(code).tokenizer(text)]
        assert [(s, e) for _, _, s, e in text_pipeline.tokens(code, text)] == expected, repr(text)


@pytest.mark.parametrize("code", ["en", "nl", "ro", "de", "fr"])
def test_lookup_lemmas_equal_spacy_lemmatizer_on_its_tables(  # type: ignore[no-untyped-def]
    text_pipeline, spacy_lemmas, code: str
) -> None:
    """Every 7th entry of the language's lemma table, as written, in capitals, capitalised and
    lowercased (the table's own words, so hits, misses and the ALL-CAPS fallback are all met):
    the packed table's lemmas equal spaCy's lemmatiser pipe's."""
    from spacy.tokens import Doc
    from spacy.util import load_language_data, registry

    table = load_language_data(registry.lookups.get(code)["lemma_lookup"])
    keys = [key for key in list(table)[::7] if key]
    words = [w for key in keys for w in (key, key.upper(), key.capitalize(), key.lower())]
    nlp = spacy_lemmas.nlp[code]
    doc = nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=words))
    differ = [
        (token.text, spacy_lemmas.lemma(code, token), text_pipeline.lemma(code, token.text))
        for token in doc
        if spacy_lemmas.lemma(code, token) != text_pipeline.lemma(code, token.text)
    ]
    assert not differ, differ[:10]
    assert len(words) > 20_000


def _detect_in_new_pipeline(texts: list[str], inherited: Any, answer: Connection) -> None:
    from triage.text import TextPipeline

    batch = inherited.detect_languages(texts * 2, [""] * len(texts) * 2)  # a batch call's size
    answer.send(([TextPipeline().detect_language(text) for text in texts], batch))


def test_a_forked_process_builds_a_pipeline_that_detects_alike(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """lingua preloads its models on a global thread pool that a fork does not copy: a
    TextPipeline built in a process forked after one was loaded (a worker of `serve --workers`
    loading another model) must neither wait forever nor detect otherwise; nor must a batch
    detected by the pipeline it inherited (lingua's batch call runs on that pool)."""
    texts = [
        "Ich kann mich seit gestern nicht mehr anmelden",
        "Mijn pakket is nog steeds niet aangekomen",
        "Nu pot să mă conectez la contul meu",
        "Je n'arrive plus à me connecter à mon compte",
        "My invoice was charged twice this month",
        "ok",
    ]
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    child = context.Process(target=_detect_in_new_pipeline, args=(texts, text_pipeline, theirs))
    child.start()
    theirs.close()
    child.join(120)
    hung = child.is_alive()
    if hung:
        child.kill()
    assert not hung, "building a TextPipeline in a forked process hangs"
    assert child.exitcode == 0
    assert ours.poll(10)
    alone = [text_pipeline.detect_language(text) for text in texts]
    assert ours.recv() == (alone, alone * 2)


# --- bounded work and memory (security review findings 3 and 5) ---

HOSTILE_BODIES = {
    "?! repeated": "?!" * 32768,
    "emoji run": "😀🔥👍🏽🎉" * 5000,
    "one long word": "abcdefghij" * 6553,
    "quotes": "'\"" * 32768,
    "zero-width joined": "a\u200b\u200d\ufeff" * 16384,
    "RTL overrides": "\u202eabc\u202d!?\u2066x\u2069" * 6553,
    "a.a.a": "a." * 32768,
    "! spaced": "! " * 32768,
}


@pytest.mark.parametrize("name", list(HOSTILE_BODIES))
def test_hostile_64kb_bodies_reach_spacy_in_bounded_pieces(text_pipeline, name: str) -> None:  # type: ignore[no-untyped-def]
    from triage.text import MAX_RUN, MAX_TOKENS, RUN_CHUNK, tokenizer_pieces

    body = HOSTILE_BODIES[name]
    pieces = list(tokenizer_pieces(body))
    assert "".join(piece for _, piece in pieces) == body  # nothing lost, in order
    assert all(body[at : at + len(piece)] == piece for at, piece in pieces)
    # spaCy's affix loop is quadratic in a whitespace-free span: none longer than MAX_RUN
    # reaches it whole, and a long run goes in RUN_CHUNK-character pieces.
    assert max(len(span) for _, piece in pieces for span in piece.split()) <= MAX_RUN
    assert all(len(piece) <= RUN_CHUNK for _, piece in pieces if len(piece.split()) == 1)
    processed = text_pipeline.process([body])[0]
    tokens = text_pipeline.tokens(processed.language.code, body)
    assert len(processed.lemmas) <= MAX_TOKENS and 0 < len(tokens) <= MAX_TOKENS
    assert all(0 <= start < end <= len(body) for _, _, start, end in tokens)


def test_long_ordinary_text_tokenises_as_spacy_does_in_one_piece(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """Cut into segments between words, a long ordinary text gives spaCy's tokens exactly."""
    from triage.text import tokenizer_pieces

    text = "My invoice was charged twice, please refund it! Thanks.\n" * 1000
    assert len(list(tokenizer_pieces(text))) > 10
    doc = text_pipeline.nlp("en")(text)
    assert [(s, e) for _, _, s, e in text_pipeline.tokens("en", text)] == [
        (t.idx, t.idx + len(t.text)) for t in doc
    ]


def test_the_token_cache_keeps_short_chunks_only(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """Hostile text of novel chunks fills the cache with small entries only (memory bound)."""
    from triage.text import _CHUNK_CACHE_CHARS, _CHUNK_CACHE_TOKENS

    text = " ".join(f"{i}" + "!?" * (i % 30) for i in range(3000))
    text_pipeline.tokens("de", text)
    cache = text_pipeline._chunk_cache["de"]
    entries = {**cache._old, **cache._recent}
    assert len(entries) <= 2 * cache.size
    assert all(len(k) <= _CHUNK_CACHE_CHARS for k in entries)
    assert all(len(v) <= _CHUNK_CACHE_TOKENS for v in entries.values())


def test_bounded_cache_keeps_what_is_read_and_forgets_the_rest() -> None:
    from triage.cache import BoundedCache

    cache: BoundedCache[int, str] = BoundedCache(2)
    cache.put(1, "a")
    cache.put(2, "b")
    cache.put(3, "c")  # the first generation (1, 2) is now the old one
    assert cache.get(1) == "a"  # read again: back in the recent generation (3, 1)
    cache.put(4, "d")  # (3, 1) old, 2 dropped
    assert len(cache) == 3
    assert [cache.get(k) for k in (1, 2, 3, 4)] == ["a", None, "c", "d"]
    with pytest.raises(ValueError):
        BoundedCache(0)


def test_vocab_stays_bounded_under_novel_words_and_lemmas_do_not_change(
    text_pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """spaCy interns every new token string for good; the pipeline is rebuilt past a headroom,
    and what it computes for ordinary text is the same before and after."""
    import random

    from triage.text import STRINGS_HEADROOM

    ordinary = [
        "The orders were charged twice, REFUND me now!",
        "Mijn pakket is nog steeds niet aangekomen",
        "Mein Paket ist nicht angekommen, bitte helfen Sie",
    ]
    before = text_pipeline.process(ordinary)
    headroom = 2000
    monkeypatch.setattr("triage.text.STRINGS_HEADROOM", headroom)
    rebuilds = text_pipeline.rebuilds
    rng = random.Random(0)
    baseline = text_pipeline._baseline["en"]
    peak = 0
    for _ in range(40):  # 40 x 500 = 20,000 novel words
        words = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(9)) for _ in range(500)]
        text_pipeline.process([" ".join(words)], ["en"])
        peak = max(peak, len(text_pipeline.nlp("en").vocab.strings))
    assert text_pipeline.rebuilds > rebuilds
    # the check runs after each text, so one text's new strings (500 words, their lemmas) over
    assert peak <= baseline + headroom + 2 * 500
    assert STRINGS_HEADROOM > headroom
    assert text_pipeline.process(ordinary) == before


def test_special_case_joins_are_kept_in_the_environment_and_rebuilt_when_unreadable(
    tmp_path: Path,
) -> None:
    from triage.spacy_import import spacy
    from triage.text import special_case_joins

    nlp = spacy.blank("en")
    fresh = special_case_joins("en", nlp, tmp_path)
    assert ("(", ":") in fresh and (":", "P") in fresh  # "(:" and ":P" are special cases
    [kept] = tmp_path.glob("joins-en-*.json")
    assert special_case_joins("en", nlp, tmp_path) == fresh
    kept.write_text("{not json", encoding="utf-8")
    assert special_case_joins("en", nlp, tmp_path) == fresh
