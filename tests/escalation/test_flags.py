"""Lemma-matched text flags: raised with evidence offsets into the original subject/body in
every language; inflected forms match; hard negatives do not."""

from __future__ import annotations

import pytest

from tests.escalation.conftest import LABELLED_FLAGS, labelled_sentences
from triage.domain import Ticket

ROWS = labelled_sentences()


def test_the_labelled_set_has_50_sentences_per_language_with_hard_negatives() -> None:
    for language in ("en", "nl", "ro", "de", "fr"):
        rows = [r for r in ROWS if r[0] == language]
        assert len(rows) >= 50
        assert sum(1 for r in rows if not r[1]) >= 15
        for flag in LABELLED_FLAGS:
            assert sum(1 for r in rows if flag in r[1]) >= 8


@pytest.mark.parametrize("language", ["en", "nl", "ro", "de", "fr"])
def test_every_labelled_sentence_gets_exactly_its_flags(flagger, language: str) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in ROWS if r[0] == language]
    prefix = "Hello,\n\n"  # the sentence sits inside the body: offsets must account for it
    tickets = [Ticket(subject="Ticket 42", body=prefix + sentence) for _, _, sentence in rows]
    results = flagger.match(tickets, [language] * len(rows))
    wrong = []
    for (_, expected, sentence), ticket, found in zip(rows, tickets, results, strict=True):
        got = {code for code in found.spans if code in LABELLED_FLAGS}
        if got != expected:
            wrong.append((sentence, sorted(expected), sorted(got)))
        for code in got:
            for span in found.spans[code]:
                assert span.field == "body"
                assert ticket.body[span.start : span.end] == span.text
                assert span.start >= len(prefix) and span.text in sentence
    assert not wrong


@pytest.mark.parametrize(
    ("language", "subject", "body", "code", "text"),
    [
        ("en", "We will SUE you", "Nothing else.", "LEGAL_THREAT", "SUE"),
        ("en", "Refund", "Our account was hacked last night.", "SECURITY_INCIDENT", "hacked"),
        (
            "en",
            "Again",
            "I have already contacted you twice.",
            "REPEAT_CONTACT",
            "already contacted",
        ),
        ("en", "Bad", "This is absolutely unacceptable.", "ANGRY_CUSTOMER", "unacceptable"),
        (
            "nl",
            "Opzegging",
            "Ik wil mijn abonnement opzeggen.",
            "CHURN_RISK",
            "abonnement opzeggen",
        ),
        ("nl", "Lek", "Er is een datalek bij jullie.", "SECURITY_INCIDENT", "datalek"),
        ("nl", "Klacht", "Dit is echt onacceptabel.", "ANGRY_CUSTOMER", "onacceptabel"),
        ("ro", "Cont", "Contul meu a fost spart ieri.", "SECURITY_INCIDENT", "spart"),
        ("ro", "Factura", "Voi apela la avocații mei.", "LEGAL_THREAT", "avocații"),
        ("ro", "Factura", "Este absolut inacceptabil.", "ANGRY_CUSTOMER", "inacceptabil"),
        ("de", "Konto", "Mein Konto wurde gehackt.", "SECURITY_INCIDENT", "gehackt"),
        (
            "de",
            "Rechnung",
            "Ich melde das der Datenschutzbehörde.",
            "REGULATOR_MENTION",
            "Datenschutzbehörde",
        ),
        ("de", "Rechnung", "Das ist eine Unverschämtheit.", "ANGRY_CUSTOMER", "Unverschämtheit"),
        ("fr", "Compte", "Mon compte a été piraté.", "SECURITY_INCIDENT", "piraté"),
        ("fr", "Facture", "J'ai saisi la CNIL.", "REGULATOR_MENTION", "CNIL"),
        (
            "fr",
            "Facture",
            "Je vous ai déjà contactés trois fois.",
            "REPEAT_CONTACT",
            "déjà contactés",
        ),
        ("fr", "Facture", "Je suis furieux.", "ANGRY_CUSTOMER", "furieux"),
        ("nl", "Weer", "Ik heb al drie keer gebeld.", "REPEAT_CONTACT", "al drie keer gebeld"),
        ("ro", "Iar", "V-am mai contactat de trei ori.", "REPEAT_CONTACT", "mai contactat"),
        ("de", "Wieder", "Ich habe mich schon dreimal gemeldet.", "REPEAT_CONTACT", "schon"),
    ],
)
def test_flag_evidence_points_at_the_text(  # type: ignore[no-untyped-def]
    flagger, language: str, subject: str, body: str, code: str, text: str
) -> None:
    ticket = Ticket(subject=subject, body=body)
    found = flagger.match([ticket], [language])[0]
    spans = found.spans[code]
    assert any(s.text.startswith(text) or text in s.text for s in spans)
    for span in spans:
        assert getattr(ticket, span.field)[span.start : span.end] == span.text


def test_inflected_forms_match_and_lookalikes_do_not(flagger) -> None:  # type: ignore[no-untyped-def]
    positives = ["We are suing you.", "They sued us.", "My lawyers know.", "Our attorneys agree."]
    negatives = ["There is an issue.", "Tissues arrived.", "We pursue a refund.", "Legal name?"]
    found = flagger.match([Ticket(body=t) for t in positives + negatives], ["en"] * 8)
    assert all("LEGAL_THREAT" in f.spans for f in found[:4])
    assert not any(f.spans for f in found[4:])


def test_offsets_are_code_points_after_non_ascii_text(flagger) -> None:  # type: ignore[no-untyped-def]
    ticket = Ticket(
        subject="Ärger über Rechnung", body="Grüße! Ich werde einen Anwalt einschalten."
    )
    span = flagger.match([ticket], ["de"])[0].spans["LEGAL_THREAT"][0]
    assert (span.field, ticket.body[span.start : span.end]) == ("body", "Anwalt")
