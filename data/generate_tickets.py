"""Seeded generator of a synthetic multilingual helpdesk ticket corpus (standard library only).

    python data/generate_tickets.py --out DIR [--n 20000] [--seed 13] [--test-fraction 0.2]

writes ``train.jsonl``, ``test.jsonl`` and ``manifest.json``. The same ``--n``/``--seed`` give
byte-identical files: all randomness comes from one ``random.Random(seed)``, iteration is over
tuples and sorted keys, and JSON is written with sorted keys.

A ticket is built in three steps: draw the hidden state (topic, language, channel, customer,
sentiment and the cues the customer will write), write the text from that state, then derive the
labels from the state with plausible rules plus label noise. The held-out split keeps whole core
phrasings out of training, so test scores measure generalisation to unseen wording.
See data/README.md for the schema.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

GENERATOR_VERSION = "tickets.v2"


def _load_phrases() -> ModuleType:
    """Import the sibling ``phrases.py`` whether this file runs as a script, as ``data.…`` or by
    path (tests load it by path; ``data/`` is not a regular package)."""
    try:
        from . import phrases  # type: ignore[attr-defined]

        return phrases  # type: ignore[no-any-return]
    except ImportError:
        pass
    spec = importlib.util.spec_from_file_location(
        "_ticket_phrases", Path(__file__).with_name("phrases.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


P = _load_phrases()

LANGUAGES: tuple[str, ...] = P.LANGUAGES
TOPICS: tuple[str, ...] = tuple(P.CORE)
CHANNELS: tuple[str, ...] = ("email", "chat", "phone", "web", "social")
PRIORITIES: tuple[str, ...] = ("low", "normal", "high", "urgent")
TIERS: tuple[str, ...] = ("L1", "L2", "L3")
SENTIMENTS: tuple[str, ...] = ("negative", "neutral", "positive")
SEGMENTS: tuple[str, ...] = ("consumer", "smb", "enterprise")
PLANS: tuple[str, ...] = ("free", "basic", "pro", "enterprise")

ROW_KEYS: tuple[str, ...] = (
    "id", "subject", "body", "channel", "language", "customer_id", "customer_name",
    "customer_segment", "customer_plan", "customer_vip", "previous_contacts", "reopen_count",
    "created_at", "sla_due_at", "tags", "order_id", "topic", "priority", "tier", "sentiment",
    "escalated", "queue", "phrasing_id",
)  # fmt: skip

# Mix of a mid-size webshop with a SaaS side: how often each topic is raised.
TOPIC_WEIGHTS: dict[str, float] = {
    "billing": 10, "refund": 9, "account_access": 9, "shipping_delivery": 10,
    "technical_bug": 10, "outage": 5, "cancellation": 7, "feature_request": 6,
    "security_incident": 3, "privacy_gdpr": 4, "product_question": 9, "complaint": 8,
    "order_change": 6,
}  # fmt: skip
CHANNEL_WEIGHTS: dict[str, float] = {"email": 35, "chat": 25, "web": 18, "phone": 10, "social": 12}

QUEUE_BY_TOPIC: dict[str, str] = {
    "billing": "billing", "refund": "billing", "shipping_delivery": "logistics",
    "order_change": "logistics", "technical_bug": "tech-support", "outage": "tech-support",
    "security_incident": "security", "privacy_gdpr": "privacy", "account_access": "accounts",
    "cancellation": "retention", "complaint": "retention", "feature_request": "product",
    "product_question": "product",
}  # fmt: skip
QUEUES: tuple[str, ...] = tuple(sorted(set(QUEUE_BY_TOPIC.values())))

# Priors over (low, normal, high, urgent) before text and metadata raise the priority.
PRIORITY_PRIOR: dict[str, tuple[float, ...]] = {
    "billing": (0.2, 0.6, 0.18, 0.02), "refund": (0.15, 0.6, 0.22, 0.03),
    "account_access": (0.1, 0.55, 0.3, 0.05), "shipping_delivery": (0.2, 0.6, 0.18, 0.02),
    "technical_bug": (0.15, 0.55, 0.25, 0.05), "outage": (0.0, 0.1, 0.45, 0.45),
    "cancellation": (0.3, 0.55, 0.13, 0.02), "feature_request": (0.7, 0.28, 0.02, 0.0),
    "security_incident": (0.0, 0.1, 0.4, 0.5), "privacy_gdpr": (0.2, 0.6, 0.18, 0.02),
    "product_question": (0.6, 0.38, 0.02, 0.0), "complaint": (0.1, 0.55, 0.3, 0.05),
    "order_change": (0.25, 0.6, 0.14, 0.01),
}  # fmt: skip
# Priors over (L1, L2, L3).
TIER_PRIOR: dict[str, tuple[float, ...]] = {
    "billing": (0.85, 0.13, 0.02), "refund": (0.88, 0.1, 0.02),
    "account_access": (0.7, 0.27, 0.03), "shipping_delivery": (0.88, 0.1, 0.02),
    "technical_bug": (0.15, 0.7, 0.15), "outage": (0.0, 0.6, 0.4),
    "cancellation": (0.85, 0.13, 0.02), "feature_request": (0.6, 0.35, 0.05),
    "security_incident": (0.0, 0.2, 0.8), "privacy_gdpr": (0.2, 0.65, 0.15),
    "product_question": (0.9, 0.09, 0.01), "complaint": (0.75, 0.2, 0.05),
    "order_change": (0.88, 0.1, 0.02),
}  # fmt: skip
# Priors over (negative, neutral, positive).
SENTIMENT_PRIOR: dict[str, tuple[float, ...]] = {
    "billing": (0.45, 0.45, 0.1), "refund": (0.5, 0.4, 0.1), "account_access": (0.4, 0.5, 0.1),
    "shipping_delivery": (0.5, 0.4, 0.1), "technical_bug": (0.4, 0.5, 0.1),
    "outage": (0.7, 0.28, 0.02), "cancellation": (0.45, 0.45, 0.1),
    "feature_request": (0.05, 0.5, 0.45), "security_incident": (0.5, 0.48, 0.02),
    "privacy_gdpr": (0.3, 0.65, 0.05), "product_question": (0.05, 0.55, 0.4),
    "complaint": (0.9, 0.1, 0.0), "order_change": (0.1, 0.6, 0.3),
}  # fmt: skip
# How often a ticket of this topic carries an order number.
ORDER_RATE: dict[str, float] = {
    "refund": 0.9, "shipping_delivery": 0.95, "order_change": 0.95, "billing": 0.4,
    "complaint": 0.5, "security_incident": 0.2, "product_question": 0.1,
}  # fmt: skip

# Share of labels replaced by a random other value: annotators disagree in real data too.
LABEL_NOISE: dict[str, float] = {"priority": 0.09, "tier": 0.08, "sentiment": 0.06, "queue": 0.05}
# How often the text states the drawn impact (base priority) and technical depth (tier). The
# rest of the tickets leave the level unsaid, so text alone never fixes the label.
IMPACT_RATE = 0.75
DEPTH_RATE = 0.7

# Hours until the SLA is due, by priority, scaled down for bigger and VIP customers.
SLA_HOURS: dict[str, float] = {"urgent": 4, "high": 8, "normal": 24, "low": 72}
SEGMENT_SLA_FACTOR: dict[str, float] = {"consumer": 1.0, "smb": 0.75, "enterprise": 0.5}

CORPUS_START = datetime(2026, 1, 5, tzinfo=UTC)
CORPUS_DAYS = 120
# English fragments that non-English writers drop into their text.
ENGLISH_TAILS: tuple[str, ...] = ("Thanks!", "Please help!", "Thx.", "Any update?", "Sorry!")
SLOT_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    first_name: str
    email: str
    segment: str
    plan: str
    vip: bool
    company: str


@dataclass
class Draft:
    """Hidden state of one ticket: what the customer means, before words and labels."""

    topic: str
    language: str
    channel: str
    customer: Customer
    created_at: datetime
    phrasing_index: int
    sentiment: str
    previous_contacts: int
    reopen_count: int
    has_order: bool
    urgent_cue: bool
    legal_cue: bool
    churn_cue: bool
    repeat_cue: bool
    # Filled in by _row before the text is written: the priority level whose impact sentence
    # (IMPACT) and the tier whose depth sentence (DEPTH) the text carries, or "" for none.
    impact: str = ""
    depth: str = ""


# --------------------------------------------------------------------------------------------
# Catalogue of core phrasings and the held-out split
# --------------------------------------------------------------------------------------------


def phrasing_id(topic: str, language: str, index: int) -> str:
    return f"{topic}.{language}.{index:02d}"


def phrasing_catalogue() -> dict[tuple[str, str], list[str]]:
    """(topic, language) -> ids of its core phrasings, in catalogue order."""
    return {
        (topic, lang): [phrasing_id(topic, lang, i) for i in range(len(P.CORE[topic][lang]))]
        for topic in TOPICS
        for lang in LANGUAGES
    }


def held_out_phrasings(test_fraction: float, seed: int, extra_ids: Iterable[str] = ()) -> set[str]:
    """A seeded ~test_fraction of the phrasings of every (topic, language) group.

    At least one per group (two when the group has 8 or more), never all of a group, so every
    topic/language pair stays learnable. ``extra_ids`` adds phrasings unknown to the catalogue
    (rows from an older catalogue), grouped by their id prefix.
    """
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"test_fraction must be in [0, 1), got {test_fraction}")
    if test_fraction == 0.0:
        return set()
    groups: dict[str, set[str]] = {}
    for ids in phrasing_catalogue().values():
        for pid in ids:
            groups.setdefault(pid.rsplit(".", 1)[0], set()).add(pid)
    for pid in extra_ids:
        groups.setdefault(pid.rsplit(".", 1)[0], set()).add(pid)
    # A separate stream so the split does not depend on how many tickets were generated.
    rng = random.Random(f"split:{seed}")
    held: set[str] = set()
    for key in sorted(groups):
        ids = sorted(groups[key])
        k = max(2 if len(ids) >= 8 else 1, round(test_fraction * len(ids)))
        k = min(k, len(ids) - 1)
        held.update(rng.sample(ids, k))
    return held


def split(
    rows: Sequence[dict[str, Any]], test_fraction: float, seed: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split by phrasing, not by row: every row of a held-out phrasing goes to test."""
    held = held_out_phrasings(test_fraction, seed, sorted({r["phrasing_id"] for r in rows}))
    train = [r for r in rows if r["phrasing_id"] not in held]
    test = [r for r in rows if r["phrasing_id"] in held]
    return train, test


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _pick(rng: random.Random, options: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(options, weights=weights, k=1)[0]


def _pick_weighted(rng: random.Random, table: dict[str, float]) -> str:
    return _pick(rng, tuple(table), tuple(table.values()))


def _with_noise(rng: random.Random, label: str, labels: Sequence[str], rate: float) -> str:
    if rng.random() >= rate:
        return label
    return rng.choice([x for x in labels if x != label])


# German spells umlauts out in addresses (Jürgen -> juergen); other languages drop the accent.
GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _ascii_fold(text: str, lang: str = "") -> str:
    """'Ștefănescu' -> 'stefanescu', 'Groß' -> 'gross', for e-mail local parts."""
    if lang == "de":
        text = text.translate(GERMAN_FOLD)
    text = text.replace("ß", "ss").replace("'", "")
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9-]", "", kept.lower())


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


def _fill(template: str, slots: dict[str, str]) -> str:
    return SLOT_RE.sub(lambda m: slots[m.group(1)], template)


def _format_number(value: float, lang: str) -> str:
    whole, frac = f"{value:,.2f}".split(".")
    if lang == "en":
        return f"{whole}.{frac}"
    sep = " " if lang == "fr" else "."
    return f"{whole.replace(',', sep)},{frac}"


def _amount(rng: random.Random, lang: str) -> str:
    value = rng.choice((9.99, 14.95, 19.99, 29.0, 49.99, 59.0, 89.9, 129.95, 249.0, 1299.0))
    number = _format_number(value, lang)
    formats = {
        "en": ("€" + number, "£" + number, "EUR " + number),
        "nl": ("€ " + number, "€" + number, number + " euro"),
        "ro": (_format_number(value * 5, lang) + " lei", number + " EUR", number + " euro"),
        "de": (number + " €", number + " EUR", number + " Euro"),
        "fr": (number + " €", number + " euros", number + " EUR"),
    }
    return rng.choice(formats[lang])


def _date(moment: datetime, lang: str, with_year: bool = False) -> str:
    month = P.MONTHS[lang][moment.month - 1]
    year = f" {moment.year}" if with_year else ""
    if lang == "en":
        return f"{month} {moment.day}" + (f", {moment.year}" if with_year else "")
    if lang == "de":
        return f"{moment.day}. {month}{year}"
    return f"{moment.day} {month}{year}"


def _order_id(rng: random.Random) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"ORD-{rng.randrange(100000, 1000000)}"
    if style == 1:
        return f"#{rng.randrange(10000000, 11000000)}"
    if style == 2:
        return f"ORD{rng.randrange(100000, 1000000)}"
    if style == 3:
        return f"A-2026-{rng.randrange(10000, 100000)}"
    return f"SO-{rng.randrange(1000000, 10000000)}"


def _url(rng: random.Random, phishing: bool = False) -> str:
    token = "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                    for _ in range(8))  # fmt: skip
    if phishing:  # look-alike domains, as in real phishing reports
        return rng.choice((
            f"http://helpdesk-invoices.example.net/pay?id={token}",
            f"https://secure-helpdesk.example.org/login/{token}",
        ))  # fmt: skip
    return rng.choice((
        f"https://shop.helpdesk.example/account/orders/{rng.randrange(10000, 99999)}",
        f"https://help.helpdesk.example/articles/{rng.randrange(100, 999)}",
        "https://status.helpdesk.example",
        f"https://imgur.com/a/{token}",
        f"https://drive.google.com/file/d/{token}/view",
    ))  # fmt: skip


# --------------------------------------------------------------------------------------------
# Customers
# --------------------------------------------------------------------------------------------


def _email(rng: random.Random, first: str, last: str, lang: str, company_domain: str) -> str:
    f, ln = _ascii_fold(first, lang), _ascii_fold(last, lang)
    if company_domain:
        local = rng.choice((f"{f}.{ln}", f"{f[0]}.{ln}", f))
        return f"{local}@{company_domain}"
    local = rng.choice((f"{f}.{ln}", f"{f}{ln}", f"{f[0]}{ln}", f"{f}.{ln}{rng.randrange(1, 99)}",
                        f"{f}{rng.randrange(70, 100)}"))  # fmt: skip
    return f"{local}@{rng.choice(P.MAIL_PROVIDERS[lang])}"


def _customer(rng: random.Random, lang: str, customer_id: str) -> Customer:
    first = rng.choice(P.FIRST_NAMES[lang])
    last = rng.choice(P.LAST_NAMES[lang])
    segment = _pick(rng, SEGMENTS, (60, 28, 12))
    plan_weights = {
        "consumer": (35, 45, 20, 0),
        "smb": (0, 35, 55, 10),
        "enterprise": (0, 0, 25, 75),
    }
    plan = _pick(rng, PLANS, plan_weights[segment])
    vip = rng.random() < {"consumer": 0.03, "smb": 0.08, "enterprise": 0.35}[segment]
    company, domain = ("", "") if segment == "consumer" else rng.choice(P.COMPANIES[lang])
    name = f"{first} {last}"
    email = _email(rng, first, last, lang, domain)
    return Customer(customer_id, name, first, email, segment, plan, vip, company)


def _customer_pool(rng: random.Random, n: int) -> dict[str, list[Customer]]:
    """Customers per language; each writes several tickets, as in a real helpdesk."""
    per_lang = max(25, n // 60)
    numbers = rng.sample(range(100000, 1000000), per_lang * len(LANGUAGES))
    pool: dict[str, list[Customer]] = {}
    for li, lang in enumerate(LANGUAGES):
        ids = numbers[li * per_lang : (li + 1) * per_lang]
        pool[lang] = [_customer(rng, lang, f"C{num}") for num in ids]
    return pool


# --------------------------------------------------------------------------------------------
# Hidden state
# --------------------------------------------------------------------------------------------


def _created_at(rng: random.Random) -> datetime:
    day = rng.randrange(CORPUS_DAYS)
    hours = tuple(range(24))
    # Office hours dominate; nights are quiet but not empty.
    weights = tuple(3.0 if 8 <= h <= 18 else 1.0 if 19 <= h <= 22 else 0.3 for h in hours)
    hour = rng.choices(hours, weights=weights, k=1)[0]
    return CORPUS_START + timedelta(days=day, hours=hour, minutes=rng.randrange(60))


def _draft(rng: random.Random, pool: dict[str, list[Customer]]) -> Draft:
    lang = rng.choice(LANGUAGES)
    topic = _pick_weighted(rng, TOPIC_WEIGHTS)
    sentiment = _pick(rng, SENTIMENTS, SENTIMENT_PRIOR[topic])
    negative = sentiment == "negative"
    prev_weights = (55, 22, 11, 6, 3, 2, 1) if topic != "complaint" else (25, 25, 20, 12, 8, 6, 4)
    previous = rng.choices(range(7), weights=prev_weights, k=1)[0]
    urgent_rate = (0.4 if topic in ("outage", "security_incident") else 0.08) + 0.08 * negative
    legal_rate = 0.2 if topic == "complaint" else 0.1
    churn_rate = 0.0 if topic == "cancellation" else (0.3 if topic == "complaint" else 0.12)
    return Draft(
        topic=topic,
        language=lang,
        channel=_pick_weighted(rng, CHANNEL_WEIGHTS),
        customer=rng.choice(pool[lang]),
        created_at=_created_at(rng),
        phrasing_index=rng.randrange(len(P.CORE[topic][lang])),
        sentiment=sentiment,
        previous_contacts=previous,
        reopen_count=rng.choices(range(4), weights=(85, 11, 3, 1), k=1)[0],
        has_order=rng.random() < ORDER_RATE.get(topic, 0.1),
        urgent_cue=rng.random() < urgent_rate,
        legal_cue=negative and rng.random() < legal_rate,
        churn_cue=rng.random() < (churn_rate if negative else churn_rate / 4),
        repeat_cue=previous >= 2 and rng.random() < 0.5,
    )


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


def _slots(rng: random.Random, d: Draft, order_id: str) -> dict[str, str]:
    lang = d.language
    browser, system = rng.choice(P.BROWSER_SETUPS)
    app_version = f"{rng.randint(3, 5)}.{rng.randint(0, 19)}.{rng.randint(0, 9)}"
    return {
        "order_id": order_id,
        "product": rng.choice(P.PRODUCTS),
        "amount": _amount(rng, lang),
        "date": _date(d.created_at - timedelta(days=rng.randint(1, 21)), lang),
        "long_date": _date(d.created_at - timedelta(days=rng.randint(1, 10)), lang, True),
        "email": d.customer.email,
        "feature": rng.choice(P.FEATURES[lang]),
        "error_code": rng.choice(P.ERROR_CODES),
        "url": _url(rng, phishing=d.topic == "security_incident"),
        "customer_id": d.customer.id,
        "prev": str(d.previous_contacts),
        "nth": str(d.previous_contacts + 1),
        "browser": browser,
        "os": system,
        "app_version": app_version,
    }


def _exclaim(sentence: str, lang: str) -> str:
    """'It broke.' -> 'It broke!!!' (French puts a space before '!')."""
    stripped = sentence.rstrip(" .!")
    if stripped.endswith("?"):
        return stripped + "!!"
    return stripped + (" !!!" if lang == "fr" else "!!!")


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word) - 1)
    roll = rng.random()
    if roll < 0.45:  # swapped neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if roll < 0.8:  # dropped letter
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # doubled letter


def _add_typos(rng: random.Random, text: str, rate: float) -> str:
    """Seeded typos in plain words only; ids, e-mails and URLs stay intact."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) >= 4 and word.isalpha() and rng.random() < rate:
            words[i] = _typo(rng, word)
    return " ".join(words)


def _core_sentence(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    core = _fill(P.CORE[d.topic][d.language][d.phrasing_index], slots)
    # Phone transcripts are typed by the agent, who does not shout.
    if d.sentiment == "negative" and d.channel != "phone":
        if rng.random() < 0.2:
            core = core.upper()
        if rng.random() < 0.35:
            core = _exclaim(core, d.language)
    return core


def _cue_sentences(rng: random.Random, d: Draft, slots: dict[str, str]) -> list[str]:
    """Sentences that carry urgency, repeat contact, legal threats and churn intent."""
    lang, out = d.language, []
    if d.repeat_cue:
        out.append(_fill(rng.choice(P.REPEAT[lang]), slots))
    if d.urgent_cue:
        out.append(rng.choice(P.URGENCY[lang]))
    if d.churn_cue:
        out.append(rng.choice(P.CHURN[lang]))
    if d.legal_cue:
        out.append(rng.choice(P.LEGAL[lang]))
    return out


def _depth_sentences(rng: random.Random, d: Draft, slots: dict[str, str]) -> list[str]:
    """How technical the problem is (L1 how-to, L2 versions/error codes, L3 API/SSO/forensics)."""
    if not d.depth:
        return []
    return [_fill(rng.choice(P.DEPTH[d.depth][d.language]), slots)]


def _impact_sentences(rng: random.Random, d: Draft) -> list[str]:
    """How badly the problem hurts: 'no rush' (low) up to 'production is down' (urgent)."""
    if not d.impact:
        return []
    return [rng.choice(P.IMPACT[d.impact][d.language])]


def _tone_sentences(rng: random.Random, d: Draft) -> tuple[list[str], list[str]]:
    """(before core, after core) phrases that realise the sentiment."""
    lang = d.language
    if d.sentiment == "negative":
        before = [rng.choice(P.ANGRY[lang])] if rng.random() < 0.35 else []
        after = [rng.choice(P.ANGRY[lang])] if not before and rng.random() < 0.4 else []
        if rng.random() < 0.3:
            after.append(rng.choice(P.SHOUTS[lang]))
        return before, after
    if d.sentiment == "positive":
        return [], [rng.choice(P.POSITIVE[lang])] if rng.random() < 0.85 else []
    return [], [rng.choice(P.NEUTRAL[lang])] if rng.random() < 0.6 else []


def _context_sentences(rng: random.Random, d: Draft, slots: dict[str, str], core: str) -> list[str]:
    templates = P.CONTEXT[d.language]
    out: list[str] = []
    if d.has_order and slots["order_id"] not in core and rng.random() < 0.6:
        out.append(_fill(templates[0], slots))
    for template in templates[1:]:
        if rng.random() < 0.07:
            out.append(_fill(template, slots))
    if d.language != "en" and rng.random() < 0.06:
        out.append(rng.choice(ENGLISH_TAILS))
    return out


def _subject(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    lang = d.language
    if rng.random() < 0.65:
        subject = _fill(rng.choice(P.SUBJECTS[d.topic][lang]), slots)
    else:
        subject = rng.choice(P.GENERIC_SUBJECTS[lang])
    if d.sentiment == "negative" and rng.random() < 0.25:
        subject = _exclaim(subject.upper(), lang)
    if rng.random() < (0.5 if d.reopen_count or d.previous_contacts >= 2 else 0.08):
        subject = rng.choice(P.SUBJECT_PREFIXES[lang]) + subject
    return subject


def _signature(rng: random.Random, d: Draft) -> str:
    lang, c = d.language, d.customer
    name = c.name if rng.random() < 0.6 else c.first_name
    lines = [rng.choice(P.SIGNOFFS[lang]), name]
    if c.company and rng.random() < 0.6:
        lines += [f"{rng.choice(P.JOB_TITLES[lang])} | {c.company}"]
    if rng.random() < 0.2:
        lines += ["", rng.choice(P.FOOTERS[lang])]
    return "\n".join(lines)


def _quoted_reply(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    lang = d.language
    header = _fill(rng.choice(P.QUOTE_HEADERS[lang]), {"date": slots["long_date"]})
    lines = rng.sample(P.AGENT_LINES[lang], rng.randint(1, 3))
    return header + "\n" + "\n".join("> " + line for line in lines)


def _long_text(rng: random.Random, d: Draft, slots: dict[str, str]) -> tuple[str, str]:
    """E-mail and web form: subject, greeting, a paragraph or two, signature, maybe a quote."""
    lang = d.language
    core = _core_sentence(rng, d, slots)
    before, after = _tone_sentences(rng, d)
    sentences = before + [core] + _depth_sentences(rng, d, slots)
    sentences += _context_sentences(rng, d, slots, core) + _impact_sentences(rng, d)
    sentences += _cue_sentences(rng, d, slots) + after
    if rng.random() < 0.2:
        sentences = [_add_typos(rng, s, 0.05) for s in sentences]
    cut = len(sentences) // 2 if len(sentences) >= 4 and rng.random() < 0.6 else len(sentences)
    paragraphs = [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
    parts = [p for p in paragraphs if p]
    if d.channel == "email" or rng.random() < 0.5:
        parts.insert(0, rng.choice(P.GREETINGS[lang]))
    if d.channel == "web" and d.has_order and rng.random() < 0.4:
        parts.insert(0, f"{P.WEB_ORDER_FIELD[lang]}: {slots['order_id']}")
    if d.channel == "email" or rng.random() < 0.4:
        parts.append(_signature(rng, d))
    quote_rate = 0.45 if d.reopen_count or d.previous_contacts else 0.12
    if d.channel == "email" and rng.random() < quote_rate:
        parts.append(_quoted_reply(rng, d, slots))
    return _subject(rng, d, slots), "\n\n".join(parts)


def _short_text(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    """Chat, social and phone: one line, no subject, often sloppy."""
    lang = d.language
    core = _core_sentence(rng, d, slots)
    parts = [core] + _depth_sentences(rng, d, slots) + _impact_sentences(rng, d)
    parts += _cue_sentences(rng, d, slots)
    if d.sentiment == "negative" and d.channel != "phone" and rng.random() < 0.25:
        parts.append(rng.choice(P.SHOUTS[lang]))
    elif d.sentiment == "positive" and rng.random() < 0.5:
        parts.append(rng.choice(P.POSITIVE[lang]))
    text = " ".join(parts)
    if d.channel == "phone":
        return P.PHONE_PREFIX[lang] + text
    if rng.random() < 0.45:
        text = _add_typos(rng, text, 0.05)
    greeting = d.channel == "chat" and rng.random() < 0.3
    if (greeting or rng.random() < 0.4) and not text[:2].isupper():
        text = text[0].lower() + text[1:]
    if d.channel == "social":
        return ("@HelpDesk " if rng.random() < 0.6 else "") + text
    if greeting:
        text = f"{rng.choice(P.CHAT_GREETINGS[lang])}, {text}"
    return text


# --------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------


def _base_priority(rng: random.Random, d: Draft) -> int:
    """Impact of the problem itself (0 low … 3 urgent), drawn from the topic prior; the text
    states it most of the time (IMPACT)."""
    return rng.choices(range(4), weights=PRIORITY_PRIOR[d.topic], k=1)[0]


def _true_priority(rng: random.Random, d: Draft, level: int) -> str:
    """The base impact raised by the urgency cue and by helpdesk policy (phone, VIP/enterprise,
    repeat contact), before label noise."""
    c = d.customer
    bump = int(d.urgent_cue)
    bump += d.channel == "phone" and rng.random() < 0.35
    bump += (c.vip or c.segment == "enterprise") and rng.random() < 0.45
    bump += d.previous_contacts >= 2 and rng.random() < 0.35
    return PRIORITIES[min(3, level + min(bump, 2))]


def _true_tier(rng: random.Random, d: Draft, priority: str) -> str:
    """Support tier before label noise; the text states its technical depth most of the time."""
    level = rng.choices(range(3), weights=TIER_PRIOR[d.topic], k=1)[0]
    enterprise = d.customer.segment == "enterprise"
    if enterprise and rng.random() < 0.3:
        level += 1
    if d.topic == "outage" and priority == "urgent" and rng.random() < 0.5:
        level = 2
    if d.topic == "technical_bug" and enterprise and rng.random() < 0.35:
        level = 2
    return TIERS[min(level, 2)]


def _escalation_probability(d: Draft, priority: str) -> float:
    """Logistic model of escalation; weights chosen for a ~15% positive rate."""
    c = d.customer
    z = -4.1
    z += {"low": -0.5, "normal": 0.0, "high": 0.9, "urgent": 1.8}[priority]
    z += 1.0 * (d.sentiment == "negative")
    z += 0.9 * c.vip + 0.6 * (c.segment == "enterprise")
    z += 0.35 * min(d.previous_contacts, 6) + 0.6 * min(d.reopen_count, 3)
    z += 2.2 * d.legal_cue + 1.3 * d.churn_cue
    return 1.0 / (1.0 + math.exp(-z))


def _sla_due(d: Draft, priority: str) -> datetime:
    hours = SLA_HOURS[priority] * SEGMENT_SLA_FACTOR[d.customer.segment]
    if d.customer.vip:
        hours /= 2
    return d.created_at + timedelta(minutes=round(hours * 60))


def _tags(rng: random.Random, d: Draft) -> list[str]:
    """Tags that helpdesk automations add from metadata (not from the topic)."""
    c = d.customer
    tags = {f"segment-{c.segment}"}
    if c.vip:
        tags.add("vip")
    if d.previous_contacts >= 2:
        tags.add("repeat-contact")
    if d.reopen_count:
        tags.add("reopened")
    if d.has_order:
        tags.add("has-order")
    if d.channel in ("chat", "social") and rng.random() < 0.4:
        tags.add("mobile-app")
    if d.channel == "web":
        tags.add("web-form")
    if d.language != "en" and rng.random() < 0.1:
        tags.add("needs-translation")
    return sorted(tags)


def _row(rng: random.Random, d: Draft) -> dict[str, Any]:
    order_id = _order_id(rng)
    slots = _slots(rng, d, order_id)
    # Labels are drawn before the text so that the text can reflect them: agents set priority
    # from the impact the customer describes and tier from how technical the problem is.
    base = _base_priority(rng, d)
    priority = _true_priority(rng, d, base)
    tier = _true_tier(rng, d, priority)
    # "No rush" next to "this is urgent" would contradict itself; such tickets state no impact.
    if rng.random() < IMPACT_RATE and not (base == 0 and d.urgent_cue):
        d.impact = PRIORITIES[base]
    if rng.random() < DEPTH_RATE:
        d.depth = tier
    if d.channel in ("email", "web"):
        subject, body = _long_text(rng, d, slots)
    else:
        subject, body = "", _short_text(rng, d, slots)
    has_order = d.has_order or order_id in body or order_id in subject
    d.has_order = has_order
    escalated = rng.random() < _escalation_probability(d, priority)
    c = d.customer
    return {
        "id": "",
        "subject": subject,
        "body": body,
        "channel": d.channel,
        "language": d.language,
        "customer_id": c.id,
        "customer_name": c.name,
        "customer_segment": c.segment,
        "customer_plan": c.plan,
        "customer_vip": c.vip,
        "previous_contacts": d.previous_contacts,
        "reopen_count": d.reopen_count,
        "created_at": _iso(d.created_at),
        "sla_due_at": _iso(_sla_due(d, priority)),
        "tags": _tags(rng, d),
        "order_id": order_id if has_order else "",
        "topic": d.topic,
        "priority": _with_noise(rng, priority, PRIORITIES, LABEL_NOISE["priority"]),
        "tier": _with_noise(rng, tier, TIERS, LABEL_NOISE["tier"]),
        "sentiment": _with_noise(rng, d.sentiment, SENTIMENTS, LABEL_NOISE["sentiment"]),
        "escalated": escalated,
        "queue": _with_noise(rng, QUEUE_BY_TOPIC[d.topic], QUEUES, LABEL_NOISE["queue"]),
        "phrasing_id": phrasing_id(d.topic, d.language, d.phrasing_index),
    }


def generate(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` tickets, ids T000001… in order of creation time; deterministic in (n, seed)."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    rng = random.Random(seed)
    pool = _customer_pool(rng, n)
    rows = [_row(rng, _draft(rng, pool)) for _ in range(n)]
    # Stable sort: ties keep generation order, so the result stays deterministic.
    rows.sort(key=lambda r: r["created_at"])
    for i, row in enumerate(rows, start=1):
        row["id"] = f"T{i:06d}"
    return rows


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _counts(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    fields = ("language", "topic", "channel", "priority", "tier", "sentiment", "queue")
    out: dict[str, Any] = {"rows": len(rows), "escalated": sum(bool(r["escalated"]) for r in rows)}
    for field in fields:
        out[field] = dict(sorted(Counter(r[field] for r in rows).items()))
    out["phrasings"] = len({r["phrasing_id"] for r in rows})
    return out


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def write_corpus(out: Path, n: int, seed: int, test_fraction: float) -> dict[str, Any]:
    """Generate, split and write the corpus; returns the manifest."""
    rows = generate(n, seed)
    train, test = split(rows, test_fraction, seed)
    out.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out / "train.jsonl", train)
    _write_jsonl(out / "test.jsonl", test)
    manifest = {
        "generator": GENERATOR_VERSION,
        "n": n,
        "seed": seed,
        "test_fraction": test_fraction,
        "core_phrasings": sum(len(ids) for ids in phrasing_catalogue().values()),
        "held_out_phrasings": sorted(held_out_phrasings(test_fraction, seed)),
        "splits": {"train": _counts(train), "test": _counts(test)},
    }
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8", newline="\n")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000, help="number of tickets (default 20000)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--test-fraction", type=float, default=0.2,
                        help="share of core phrasings held out for test (default 0.2)")  # fmt: skip
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    try:
        manifest = write_corpus(args.out, args.n, args.seed, args.test_fraction)
    except ValueError as exc:
        parser.error(str(exc))
    splits = manifest["splits"]
    print(f"wrote {splits['train']['rows']} train / {splits['test']['rows']} test tickets "
          f"to {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
