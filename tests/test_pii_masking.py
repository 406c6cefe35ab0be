"""The masker (triage.pii) on its own: true positives per kind and language, checksum failures
and ordinary numbers left alone, and placeholders that stay one stable lemma in every language."""

from __future__ import annotations

import re
import sys
import time

import pytest

from triage.features import frequent_keys
from triage.pii import (
    KINDS,
    caseless,
    feature_placeholder,
    iban_valid,
    luhn_valid,
    mask_customer_name,
    mask_entities,
    redact,
)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # e-mail
        ("Please write to anna.b+billing@example.co.uk today", "EMAIL", "anna.b+billing@"),
        # phones: international and national formats
        ("Call me on +31 6 1234 5678 please", "PHONE", "1234 5678"),
        ("Bel me op 06-12345678 of later", "PHONE", "12345678"),
        ("Mijn vaste nummer is 020 123 4567.", "PHONE", "123 4567"),
        ("Sunați-mă la 0721 234 567 vă rog", "PHONE", "234 567"),
        ("Tel. +40 721 234 567, mulțumesc", "PHONE", "721 234"),
        ("Rufen Sie mich unter 0151 23456789 an", "PHONE", "23456789"),
        ("Festnetz (030) 1234567, danke", "PHONE", "1234567"),
        ("Mobil 0171/1234567 bitte", "PHONE", "1234567"),
        ("Appelez le 06 12 34 56 78 merci", "PHONE", "34 56 78"),
        ("Fixe : 01.23.45.67.89", "PHONE", "45.67.89"),
        ("Ring 07700 900123 after five", "PHONE", "900123"),
        ("Call (555) 123-4567 or 555-123-4567", "PHONE", "123-4567"),
        ("Call 0044 20 7946 0958 from abroad", "PHONE", "7946 0958"),
        # IBANs, with and without spaces, every language's own country
        ("Refund to NL91 ABNA 0417 1643 00 please", "IBAN", "0417 1643"),
        ("IBAN: NL91ABNA0417164300.", "IBAN", "ABNA0417164300"),
        ("Contul meu RO49 AAAA 1B31 0075 9384 0000 vă rog", "IBAN", "1B31"),
        ("Konto DE89 3704 0044 0532 0130 00 bitte", "IBAN", "0532 0130"),
        ("Mon IBAN FR14 2004 1010 0505 0001 3M02 606 merci", "IBAN", "3M02"),
        ("lowercase gb82 west 1234 5698 7654 32 too", "IBAN", "5698"),
        # cards: spaces, dashes, none; Visa, Mastercard, Amex
        ("card 4111 1111 1111 1111 exp 12/27", "CARD", "1111 1111"),
        ("card 5500-0000-0000-0004 thanks", "CARD", "0000-0004"),
        ("card 4111111111111111.", "CARD", "4111111111111111"),
        ("amex 3782 822463 10005", "CARD", "822463"),
        # IPv4
        ("blocked from 192.168.10.200 again", "IP", "192.168"),
        # secrets after a keyword: the value goes, the keyword stays
        ("my password is hunter2!", "SECRET", "hunter2"),
        ("password: letmein", "SECRET", "letmein"),
        ("PIN 4821 does not work", "SECRET", "4821"),
        ("mijn wachtwoord is Geheim123", "SECRET", "Geheim123"),
        ("wachtwoord: zomer", "SECRET", "zomer"),
        ("parola mea este Soare2024", "SECRET", "Soare2024"),
        ("Mein Passwort lautet Sommer#24", "SECRET", "Sommer#24"),
        ("mon mot de passe : azerty", "SECRET", "azerty"),
        ("code PIN 9911", "SECRET", "9911"),
    ],
)
def test_personal_data_becomes_a_typed_placeholder(text: str, kind: str, value: str) -> None:
    shown = redact(text)
    assert f"<{kind}>" in shown and value not in shown, shown
    features = mask_entities(text)
    assert feature_placeholder(kind) in features and value not in features, features


@pytest.mark.parametrize(
    "text",
    [
        "order 12345678 arrived broken",
        "ticket #0123456789 is still open",  # an id behind '#', not a phone number
        "invoice ORD-0048291 was charged twice",
        "delivered on 12.03.2024 at 10:30",
        "dates 2024-03-12 and 2024-03-13 and 01/02/2024 10:45",
        "total € 1.234,56 or 1,234.56 USD, 49.99 each",
        "version 1.2.3 of the app, build 2024.03.1",
        "card 4111 1111 1111 1112 was declined",  # Luhn fails
        "iban NL91ABNA0417164301 typo",  # mod-97 fails
        "1111 1111 1111 1111 looks like a card but is one repeated digit",
        "I need a password reset, my password is not accepted",  # no secret-looking value
        "pin the issue to the top",
        "300.400.500.600 is not an address",
    ],
)
def test_ordinary_text_and_failed_checksums_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_checksums() -> None:
    assert iban_valid("NL91ABNA0417164300") and iban_valid("nl91 abna 0417 1643 00")
    assert not iban_valid("NL91ABNA0417164301")  # one digit off
    assert not iban_valid("NL91ABNA041716430")  # too short for NL
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert not luhn_valid("4111 1111")


def test_iban_followed_by_words_and_card_followed_by_digits() -> None:
    assert redact("NL91 ABNA 0417 1643 00 2024 refund") == "<IBAN> 2024 refund"
    assert redact("4111 1111 1111 1111 2027") == "<CARD> 2027"


def test_customer_name_whole_and_parts() -> None:
    text = "I am Jan de Vries. JAN DE VRIES again; Jan wrote, de klant"
    assert redact(text, name="Jan de Vries") == "I am <NAME>. <NAME> again; <NAME> wrote, de klant"
    assert "jan" not in mask_customer_name("Jan here", "Jan").lower()
    assert mask_customer_name("unchanged", "") == "unchanged"
    assert mask_customer_name("Jan", "x" * 300) == "Jan"  # not a name: not a 300-char regex


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("İVAN ÇELİK wrote", "Ivan Çelik"),  # dotted capital I: casefolds to i and a dot
        ("ivan çelik wrote", "İvan Çelİk"),
        ("IVAN wrote", "ıvan"),  # dotless i
        ("ſtefan wrote", "Stefan"),  # long s
        ("Kai wrote", "kai"),  # Kelvin sign
        ("STRAẞE wrote", "straße"),
        ("ΟΔΥΣΣΕΑΣ wrote", "Οδυσσεας"),  # final sigma
    ],
)
def test_a_name_written_in_any_case_is_masked(text: str, name: str) -> None:
    assert redact(text, name=name) == "<NAME> wrote"


def test_caseless_folds_whatever_ignorecase_matches_alike() -> None:
    """The name's pattern is compiled only when the caseless name is in the caseless text: that
    must hold whenever re.IGNORECASE would match, so characters re matches must fold alike."""
    checked = 0
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        variants = {char.lower(), char.upper(), char.casefold(), char.title(), char.swapcase()}
        variants |= {v.upper() for v in variants} | {v.lower() for v in variants}
        for other in variants - {char}:
            if len(other) == 1 and re.fullmatch(re.escape(char), other, re.IGNORECASE):
                assert caseless(char) == caseless(other), (hex(code), other)
                checked += 1
    assert checked > 2000


def test_feature_placeholders_are_one_stable_lemma_in_every_language(text_pipeline) -> None:  # type: ignore[no-untyped-def]
    words = [feature_placeholder(kind) for kind in KINDS]
    for code in text_pipeline.languages:
        [processed] = text_pipeline.process([" ".join(words).upper()], [code])
        assert processed.lemmas == tuple(words), code


def test_rare_metadata_values_are_not_learned() -> None:
    rows = [{"segment=acme": 1.0, "vip=no": 1.0}] * 2 + [{"vip=no": 1.0, "segment=smb": 1.0}] * 3
    kept = frequent_keys(rows, 3)
    assert all("segment=acme" not in row for row in kept)
    assert kept[-1] == {"vip=no": 1.0, "segment=smb": 1.0}


@pytest.mark.parametrize(
    "text",
    ["1-" * 32768, "a.b" * 21845 + "@", "1." * 32768, "0 " * 32768, "+1 " * 21845, "NL91 " * 13107],
)
def test_masking_a_hostile_64_kb_body_takes_linear_time(text: str) -> None:
    # The e-mail pattern before this module took 98 s on "1-" * 32768 (unbounded local part).
    started = time.perf_counter()
    mask_entities(text)
    assert time.perf_counter() - started < 5.0
