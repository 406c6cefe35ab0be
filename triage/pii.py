"""Personal data masked with typed placeholders: the one implementation, used where ticket text
enters processing (`mask_entities`, via triage.text) and for text that is written out
(`redact`; logs, reports and MLflow hold no ticket text) and for text kept for retraining
(`mask_for_storage`: stored feedback).

Masked: e-mail addresses, URLs, IBANs (mod-97 checked), payment card numbers (13-19 digits,
Luhn checked), IPv4 addresses, phone numbers (international `+`/`00` and national trunk-`0`
formats of EN/NL/RO/DE/FR, US `(555) 123-4567`), secrets after a keyword (password, PIN,
wachtwoord, parola, Passwort, mot de passe...: the value, not the keyword) and the customer's own
name. Dates, prices and order numbers without a leading 0 or `+` are left alone; a checksum
that fails leaves the digits to the order/number rules of `mask_entities`.

Two renderings of the same placeholders: feature text gets plain lowercase words
(`emailtoken`), which every spaCy tokenizer keeps whole and no lemmatiser changes; display text
gets `<EMAIL>`."""

from __future__ import annotations

import re
from collections.abc import Callable

EMAIL_KIND, URL_KIND, IBAN_KIND, CARD_KIND = "EMAIL", "URL", "IBAN", "CARD"
IP_KIND, PHONE_KIND, SECRET_KIND, NAME_KIND = "IP", "PHONE", "SECRET", "NAME"
KINDS = (EMAIL_KIND, URL_KIND, IBAN_KIND, CARD_KIND, IP_KIND, PHONE_KIND, SECRET_KIND, NAME_KIND)


def feature_placeholder(kind: str) -> str:
    """`EMAIL` -> `emailtoken`: a plain word, so tokenizers and lemmatisers keep it whole."""
    return f"{kind.lower()}token"


def display_placeholder(kind: str) -> str:
    return f"<{kind}>"


# The feature placeholders the rest of the code names (triage.encoder embeds some of them).
URL, EMAIL, ORDER, NUMBER = "urltoken", "emailtoken", "ordertoken", "numtoken"
PLACEHOLDERS = frozenset({*(feature_placeholder(k) for k in KINDS), ORDER, NUMBER})

Render = Callable[[str], str]

_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Bounded parts (RFC 5321: local part <= 64, labels <= 63): an unbounded local part made a long
# run of word characters and dots quadratic (16 KB took seconds).
_EMAIL_RE = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
# Order/invoice/ticket ids: a digit run of 5+ (optionally behind '#' or a short prefix like ORD-).
_ORDER_RE = re.compile(r"(?:#|\b[A-Z]{2,5}-?)\d{4,}\b|\b\d{6,}\b")
_NUMBER_RE = re.compile(r"\b\d+(?:[.,]\d+)*\b")

# --- secrets: the value after a keyword ---------------------------------------------------
_SECRET_KEYWORDS = (
    r"pass(?:word|wd|code|phrase)|pwd|pin(?:[ -]?code)?|pincode|wachtwoord|toegangscode|"
    r"parol[aă]|passwort|kennwort|geheimzahl|mot de passe|mdp|code (?:pin|secret|d'accès)|"
    r"cod(?:ul)? pin"
)
# keyword, Romanian's possessive, an optional verb, then the value: after ':' or '=' anything,
# else only what looks like a secret, so "password reset" and "my password is not accepted"
# keep their words
_SECRET_RE = re.compile(
    rf"\b(?:{_SECRET_KEYWORDS})\b(?:\s+mea\b)?"
    r"(?:\s+(?:is|was|este|era|e|ist|lautet|war|est|était|wordt)\b)?"
    r"[ \t]*(?P<strong>[:=])?[ \t]*(?P<value>[^\s]{1,128})",
    re.IGNORECASE,
)
_SECRET_TRAILING = ".,;!?)\"'"


def _looks_secret(value: str) -> bool:
    """Digits, symbols or inner capitals: not an ordinary word."""
    return (
        any(c.isdigit() for c in value)
        or any(not c.isalnum() for c in value)
        or any(c.isupper() for c in value[1:])
    )


def _mask_secrets(text: str, render: Render) -> str:
    def replace(match: re.Match[str]) -> str:
        value = match.group("value").rstrip(_SECRET_TRAILING)
        if not value or (not match.group("strong") and not _looks_secret(value)):
            return match.group(0)
        start = match.start("value") - match.start()
        whole = match.group(0)
        return whole[:start] + render(SECRET_KIND) + whole[start + len(value) :]

    return _SECRET_RE.sub(replace, text)


# --- IBAN: country code, check digits, then the country's length, mod-97 == 1 ---------------
_IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "TR": 26, "UA": 29,
}  # fmt: skip
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}")


def iban_valid(candidate: str) -> bool:
    """ISO 13616 check: letters to numbers, the first four characters moved to the end, mod 97."""
    compact = re.sub(r"[ -]", "", candidate).upper()
    if not (15 <= len(compact) <= 34 and compact.isalnum() and compact[:2].isalpha()):
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _prefix_ends(span: str, separators: str) -> list[int]:
    """Offsets in `span` where a candidate may end: before a separator, and at its end."""
    return [i for i, c in enumerate(span) if c in separators] + [len(span)]


def _mask_ibans(text: str, render: Render) -> str:
    def replace(match: re.Match[str]) -> str:
        span = match.group(0)
        # The pattern may run on into the next word ("NL91 ABNA 0417 1643 00 please"):
        # try the longest prefix that ends at a separator or the span's end and checks out.
        for end in sorted(_prefix_ends(span, " -"), reverse=True):
            if iban_valid(span[:end]):
                return render(IBAN_KIND) + span[end:]
        return span

    return _IBAN_RE.sub(replace, text)


# --- payment cards: 13-19 digits, spaces or dashes between, Luhn ---------------------------
_CARD_RE = re.compile(r"(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)")


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _mask_cards(text: str, render: Render) -> str:
    def replace(match: re.Match[str]) -> str:
        span = match.group(0)
        groups = re.split(r"[ -]", span)
        # Cards group their digits by 4-6 (dates by 2): only leading groups of 3+ can be one.
        usable = next((i for i, g in enumerate(groups) if len(g) < 3), len(groups))
        for count in range(usable, 0, -1):  # the longest run of groups that checks out
            digits = "".join(groups[:count])
            if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn_valid(digits):
                end = len(digits) + count - 1  # one separator between groups
                return render(CARD_KIND) + span[end:]
        return span

    return _CARD_RE.sub(replace, text)


# --- IPv4 ---------------------------------------------------------------------------------
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4_RE = re.compile(rf"(?<![\w.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\w]|\.\d)")

# --- phone numbers --------------------------------------------------------------------------
# International: + or 00, a country code, then digits with the usual separators.
_INTL_PHONE_RE = re.compile(r"(?<![\w+#])(?:\+|00)[1-9][\d ().\-/]{6,22}\d(?!\w)")
# National: a trunk 0 (NL 06-12345678, RO 0721 234 567, DE 0151 23456789 / (030) 1234567,
# FR 06 12 34 56 78, UK 07700 900123).
_NATIONAL_PHONE_RE = re.compile(r"(?<![\w+#.,/-])(?:\(0\d{1,4}\)|0\d)[\d ().\-/]{5,20}\d(?!\w)")
_US_PHONE_RE = re.compile(r"(?<![\w.-])(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w-])")
# A date inside a candidate ("01.02.2024 10") means it is not a phone number.
_DATE_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:19|20)\d\d")


def _phone_digits_ok(span: str, international: bool) -> bool:
    digits = re.sub(r"\D", "", span)
    if _DATE_RE.search(span):
        return False
    if international:
        return 8 <= len(digits) - (2 if span.startswith("00") else 0) <= 15
    return 9 <= len(digits) <= 12


def _mask_phones(text: str, render: Render) -> str:
    def international(match: re.Match[str]) -> str:
        span = match.group(0)
        return render(PHONE_KIND) if _phone_digits_ok(span, True) else span

    def national(match: re.Match[str]) -> str:
        span = match.group(0)
        return render(PHONE_KIND) if _phone_digits_ok(span, False) else span

    text = _INTL_PHONE_RE.sub(international, text)
    text = _NATIONAL_PHONE_RE.sub(national, text)
    return _US_PHONE_RE.sub(render(PHONE_KIND), text)


# --- the customer's own name ----------------------------------------------------------------
_NAME_PART_MIN = 3  # "de", "van", "le" alone are not masked
_NAME_MAX = 200  # longer is not a name (and would cost a regex of that size per ticket)


def caseless(text: str) -> str:
    """`text` folded so that whatever `re.IGNORECASE` matches to a string folds to a substring of
    it: casefolded, with the dotted capital I (casefolded to i and a combining dot) and the
    dotless i, which re matches to i, as i. A test checks every cased character."""
    return text.casefold().replace("\u0307", "").replace("ı", "i")


def _mask_name(text: str, name: str, render: Render) -> str:
    """The whole name (any case, any spacing) and each part of 3+ letters as written. Most
    tickets do not contain the name: a pattern is compiled (about 0.1 ms for a name not seen
    lately) only when every part is in the text, caseless."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    if not parts or len(name) > _NAME_MAX:
        return text
    folded = caseless(text)
    if all(caseless(part) in folded for part in parts):
        whole = r"\s+".join(re.escape(p) for p in parts)
        text = re.sub(rf"(?<!\w){whole}(?!\w)", render(NAME_KIND), text, flags=re.IGNORECASE)
    for part in sorted({p for p in parts if len(p) >= _NAME_PART_MIN}, key=len, reverse=True):
        if part in text:
            text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", render(NAME_KIND), text)
    return text


# Cheap tests that let most tickets skip most patterns (Python's re tries every position).
_SECRET_HINTS = (
    *("pass", "pwd", "pin", "wachtwoord", "toegangscode", "parol", "kennwort", "geheim", "mdp"),
    "cod",
)


def mask_pii(text: str, render: Render = display_placeholder, name: str = "") -> str:
    """`text` with every kind of personal data replaced by `render(kind)`. Order matters: the
    customer's name, a secret's value (it may look like anything), then e-mails and URLs (they
    contain digits and dots), IBANs and cards (long digit runs) before IPs and phone numbers."""
    if name:
        text = _mask_name(text, name, render)
    lowered = text.lower()
    if any(hint in lowered for hint in _SECRET_HINTS):
        text = _mask_secrets(text, render)
    if "@" in text:  # the scan costs up to 64 steps a character; most tickets have no '@'
        text = _EMAIL_RE.sub(render(EMAIL_KIND), text)
    if "://" in text or "www." in lowered:
        text = _URL_RE.sub(render(URL_KIND), text)
    digits = sum(map(text.count, "0123456789"))
    if digits >= 4:  # the fewest an IPv4 address has; IBANs, cards and phones have 7+
        if digits >= 7:
            text = _mask_ibans(text, render)
            text = _mask_cards(text, render)
        text = _IPV4_RE.sub(render(IP_KIND), text)
        if digits >= 7:
            text = _mask_phones(text, render)
    return text


def redact(text: str, name: str = "") -> str:
    """For anything written out (logs, reports, stored feedback): `<EMAIL>`, `<IBAN>`..."""
    return mask_pii(text, display_placeholder, name)


def _spaced_word(kind: str) -> str:
    return f" {feature_placeholder(kind)} "


def mask_for_storage(text: str, name: str = "") -> str:
    """Text kept for retraining (stored feedback): personal data as the features' placeholder
    words (`emailtoken`), so featurising it again gives what serving saw; numbers and order ids
    are left for the features to mask when they read it."""
    return mask_pii(text, _spaced_word, name)


def mask_customer_name(text: str, name: str) -> str:
    """The feature text's rendering of `name` (`nametoken`), before `mask_entities` runs."""
    return _mask_name(text, name, _spaced_word) if name.strip() else text


def mask_entities(text: str, name: str = "") -> str:
    """The text the features read: personal data, then order ids and other numbers, become
    typed placeholder words (`emailtoken`, `ibantoken`, `ordertoken`, `numtoken`...)."""
    text = mask_pii(text, _spaced_word, name)
    text = _ORDER_RE.sub(f" {ORDER} ", text)
    return _NUMBER_RE.sub(f" {NUMBER} ", text)
