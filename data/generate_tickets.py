"""Seeded generator of a synthetic multilingual helpdesk ticket corpus (standard library only).

    python data/generate_tickets.py --out DIR [--n 20000] [--seed 13] [--test-fraction 0.2]

writes ``train.jsonl``, ``test.jsonl`` and ``manifest.json``. The same ``--n``/``--seed`` give
byte-identical files: all randomness comes from ``random.Random`` streams seeded from the seed,
iteration is over tuples and sorted keys, and JSON is written with sorted keys.

A ticket is built in three steps: draw the hidden state (topic, language, core phrasing and its
kind, channel, customer, sentiment and the cues the customer will write), write the text from that
state, then derive the labels from the state with plausible rules plus label noise. The sentiment
follows the kind of the core phrasing (a problem report, a grievance, a request, praise or
criticism), as an annotator would label what the customer wrote, and no line of the text
contradicts it.

The split has two worlds. Every reusable phrase pool (core phrasings, subjects, impact, depth,
tone, cue, context and boilerplate lines) is split per (pool, key, language) into a train part
and a held-out part. A ticket whose core phrasing is held out belongs to the test world and draws
every other sentence from held-out parts too; a train-world ticket draws only from train parts.
So no sentence of any pool is shared between train and test, and test scores measure
generalisation to wording never seen in training.

The train part of every pool is split once more, into three *part groups* (g0, g1, g2). A
train-world ticket belongs to the group of its core phrasing and draws every other part from that
group's share of each pool, so a model calibrated out-of-fold with folds grouped by ``part_group``
is scored on wording its training folds never saw. See data/README.md for the schema.
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
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

GENERATOR_VERSION = "tickets.v5"
# Share of every pool held out for test; the CLI default, and generate()'s.
DEFAULT_TEST_FRACTION = 0.2
# The part groups of the train world (see part_groups), and the part_group of test-world rows.
PART_GROUPS: tuple[str, ...] = ("g0", "g1", "g2")
TEST_GROUP = "test"


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
    "escalated", "queue", "phrasing_id", "part_group",
)  # fmt: skip

# Mix of a mid-size webshop with a SaaS side: how often each topic is raised.
TOPIC_WEIGHTS: dict[str, float] = {
    "billing": 10, "refund": 9, "account_access": 9, "shipping_delivery": 10,
    "technical_bug": 10, "outage": 5, "cancellation": 7, "feature_request": 6,
    "security_incident": 3, "privacy_gdpr": 4, "product_question": 9, "complaint": 8,
    "order_change": 6, "other": 7,
}  # fmt: skip
CHANNEL_WEIGHTS: dict[str, float] = {"email": 35, "chat": 25, "web": 18, "phone": 10, "social": 12}

QUEUE_BY_TOPIC: dict[str, str] = {
    "billing": "billing", "refund": "billing", "shipping_delivery": "logistics",
    "order_change": "logistics", "technical_bug": "tech-support", "outage": "tech-support",
    "security_incident": "security", "privacy_gdpr": "privacy", "account_access": "accounts",
    "cancellation": "retention", "complaint": "retention", "feature_request": "product",
    "product_question": "product", "other": "general",
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
    "order_change": (0.25, 0.6, 0.14, 0.01), "other": (0.55, 0.4, 0.05, 0.0),
}  # fmt: skip
# Priors over (L1, L2, L3).
TIER_PRIOR: dict[str, tuple[float, ...]] = {
    "billing": (0.85, 0.13, 0.02), "refund": (0.88, 0.1, 0.02),
    "account_access": (0.7, 0.27, 0.03), "shipping_delivery": (0.88, 0.1, 0.02),
    "technical_bug": (0.15, 0.7, 0.15), "outage": (0.0, 0.6, 0.4),
    "cancellation": (0.85, 0.13, 0.02), "feature_request": (0.6, 0.35, 0.05),
    "security_incident": (0.0, 0.2, 0.8), "privacy_gdpr": (0.2, 0.65, 0.15),
    "product_question": (0.9, 0.09, 0.01), "complaint": (0.75, 0.2, 0.05),
    "order_change": (0.88, 0.1, 0.02), "other": (0.95, 0.05, 0.0),
}  # fmt: skip
# What a core phrasing does (phrases.CORE_KINDS, one letter per phrasing); the sentiment follows
# it the way an annotator labels what the customer wrote.
KINDS: dict[str, str] = {
    "p": "problem", "g": "grievance", "r": "request", "+": "praise", "-": "criticism",
}  # fmt: skip
FEEDBACK_KINDS: frozenset[str] = frozenset({"praise", "criticism"})
# Priors over (negative, neutral, positive) by kind. A problem report is negative even without an
# angry word, neutral when told calmly and factually, now and then positive when told with thanks;
# a plain question or request is neutral, or positive with thanks; feedback has its polarity.
KIND_SENTIMENT: dict[str, tuple[float, ...]] = {
    "problem": (0.7, 0.22, 0.08), "grievance": (1.0, 0.0, 0.0), "request": (0.0, 0.82, 0.18),
    "praise": (0.0, 0.0, 1.0), "criticism": (1.0, 0.0, 0.0),
}  # fmt: skip
# A customer who has written two or more times before about it has lost some patience.
CHASED_SENTIMENT: dict[str, tuple[float, ...]] = {
    "problem": (0.88, 0.1, 0.02), "request": (0.25, 0.65, 0.1),
}  # fmt: skip
# Feedback is neither urgent nor technical, whatever its topic's priors say.
FEEDBACK_PRIORITY_PRIOR: dict[str, tuple[float, ...]] = {
    "praise": (0.75, 0.25, 0.0, 0.0), "criticism": (0.25, 0.6, 0.15, 0.0),
}  # fmt: skip
FEEDBACK_TIER_PRIOR: tuple[float, ...] = (0.95, 0.05, 0.0)
# How often a ticket of this topic carries an order number.
ORDER_RATE: dict[str, float] = {
    "refund": 0.9, "shipping_delivery": 0.95, "order_change": 0.95, "billing": 0.4,
    "complaint": 0.5, "security_incident": 0.2, "product_question": 0.1, "other": 0.03,
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
SLOT_RE = re.compile(r"\{(\w+)\}")

# Pools split between the train and the test world (CORE is split by held_out_phrasings).
# Keyed pools have one phrasebook per topic or level; the others only vary by language.
KEYED_POOLS: tuple[str, ...] = ("SUBJECTS", "IMPACT", "DEPTH")
FLAT_POOLS: tuple[str, ...] = (
    "GENERIC_SUBJECTS", "GREETINGS", "CHAT_GREETINGS", "SIGNOFFS", "FOOTERS", "JOB_TITLES",
    "QUOTE_HEADERS", "AGENT_LINES", "ANGRY", "IRONY", "LETDOWN", "SNAPS", "SHOUTS", "NEUTRAL",
    "POSITIVE", "URGENCY", "IMPLIED_URGENCY", "LEGAL", "CHURN", "REPEAT", "ORDER_CONTEXT",
    "CONTEXT", "RAMBLE", "MIXED", "PRAISE_SUBJECTS", "CRITICISM_SUBJECTS", "VERDICT_GOOD",
    "VERDICT_BAD",
)  # fmt: skip
# Not split, shared by both worlds: slot values (products, features, error codes, months,
# browsers), people and companies, subject prefixes ("Re: "), the web-form field label and the
# phone-transcript prefix (structure, not wording), and the word-level CASUAL and CODE_SWITCH
# substitutions. A split pool with a single entry would be shared too; none has one.
# Topics whose urgent customers say so plainly (URGENCY) rather than with a deadline story
# (IMPLIED_URGENCY): "my shop opens in an hour" reads oddly under a GDPR request.
CALM_TOPICS: frozenset[str] = frozenset(
    {"privacy_gdpr", "feature_request", "product_question", "cancellation", "other"}
)
_CASUAL_RE: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    lang: tuple((re.compile(pattern), repl) for pattern, repl in pairs)
    for lang, pairs in P.CASUAL.items()
}
_SWITCH_RE: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    lang: tuple((re.compile(pattern), repl) for pattern, repl in pairs)
    for lang, pairs in P.CODE_SWITCH.items()
}
# (pool, key, language, world) -> indexes of the phrases that world may use; the worlds are the
# part groups of the train world (PART_GROUPS) and the test world (TEST_GROUP).
Menu = dict[tuple[str, str, str, str], tuple[int, ...]]


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
    kind: str
    sentiment: str
    previous_contacts: int
    reopen_count: int
    has_order: bool
    urgent_cue: bool
    legal_cue: bool
    churn_cue: bool
    repeat_cue: bool
    # The world of the split the ticket belongs to: TEST_GROUP when its core phrasing is held
    # out, else the part group of its core phrasing; and which parts of each pool it may use.
    world: str
    menu: Menu = field(repr=False)
    # Filled in by _row before the text is written: the priority level whose impact sentence
    # (IMPACT) and the tier whose depth sentence (DEPTH) the text carries, or "" for none.
    impact: str = ""
    depth: str = ""
    # Ids of the pool entries the text was written from (see part_id), for checks of the split.
    parts: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Catalogue of core phrasings and the held-out split
# --------------------------------------------------------------------------------------------


def phrasing_id(topic: str, language: str, index: int) -> str:
    return f"{topic}.{language}.{index:02d}"


def phrasing_kind(topic: str, index: int) -> str:
    """Kind of a core phrasing (problem, grievance, request, praise, criticism); the tuples of a
    topic are parallel across languages, so the kind does not depend on the language."""
    return KINDS[P.CORE_KINDS[topic].replace(" ", "")[index]]


def phrasing_catalogue() -> dict[tuple[str, str], list[str]]:
    """(topic, language) -> ids of its core phrasings, in catalogue order."""
    return {
        (topic, lang): [phrasing_id(topic, lang, i) for i in range(len(P.CORE[topic][lang]))]
        for topic in TOPICS
        for lang in LANGUAGES
    }


def _check_fraction(test_fraction: float) -> None:
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"test_fraction must be in [0, 1), got {test_fraction}")


def held_out_phrasings(test_fraction: float, seed: int, extra_ids: Iterable[str] = ()) -> set[str]:
    """A seeded ~test_fraction of the phrasings of every (topic, language) group.

    At least one per group (two when the group has 8 or more), never all of a group, so every
    topic/language pair stays learnable. ``extra_ids`` adds phrasings unknown to the catalogue
    (rows from an older catalogue), grouped by their id prefix.
    """
    _check_fraction(test_fraction)
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


def part_id(pool: str, key: str, language: str, index: int) -> str:
    """Id of one entry of a phrase pool: ``ANGRY.en.03``, ``IMPACT.urgent.fr.05``,
    ``CORE.billing.nl.02`` (the core phrasing ``billing.nl.02``)."""
    return f"{pool}.{key}.{language}.{index:02d}" if key else f"{pool}.{language}.{index:02d}"


def pool_catalogue() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(pool, key, language) -> phrases of every split pool but CORE; key "" for flat pools."""
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for pool in KEYED_POOLS:
        for key, book in getattr(P, pool).items():
            for lang in LANGUAGES:
                out[(pool, key, lang)] = book[lang]
    for pool in FLAT_POOLS:
        for lang in LANGUAGES:
            out[(pool, "", lang)] = getattr(P, pool)[lang]
    return out


def held_out_parts(test_fraction: float, seed: int) -> set[str]:
    """Ids of the held-out entries of every split pool except CORE (see held_out_phrasings).

    A seeded ~test_fraction of each (pool, key, language) group, at least one and never all, so
    each world has its own non-empty part. Each group has its own random stream: adding a pool
    or a key leaves the split of the others as it was.
    """
    _check_fraction(test_fraction)
    held: set[str] = set()
    if test_fraction == 0.0:
        return held
    for (pool, key, lang), phrases in sorted(pool_catalogue().items()):
        if len(phrases) < 2:
            continue  # a single entry is shared by both worlds
        k = min(len(phrases) - 1, max(1, round(test_fraction * len(phrases))))
        rng = random.Random(f"parts:{seed}:{pool}:{key}:{lang}")
        held.update(part_id(pool, key, lang, i) for i in rng.sample(range(len(phrases)), k))
    return held


def _deal(indexes: Sequence[int], stream: str) -> dict[int, str]:
    """Deal the entries of one train part into PART_GROUPS: a seeded shuffle, then round-robin
    from a seeded first group, so the groups differ in size by one at most and no group is always
    the one that gets the extra entry."""
    rng = random.Random(stream)
    order = list(indexes)
    rng.shuffle(order)
    start = rng.randrange(len(PART_GROUPS))
    return {i: PART_GROUPS[(start + pos) % len(PART_GROUPS)] for pos, i in enumerate(order)}


def _train_parts(test_fraction: float, seed: int) -> dict[tuple[str, str, str], tuple[int, ...]]:
    """(pool, key, language) -> indexes of its train part, for every split pool and CORE."""
    held = held_out_parts(test_fraction, seed)
    held_core = held_out_phrasings(test_fraction, seed)
    out: dict[tuple[str, str, str], tuple[int, ...]] = {}
    for (topic, lang), ids in sorted(phrasing_catalogue().items()):
        out[("CORE", topic, lang)] = tuple(i for i, pid in enumerate(ids) if pid not in held_core)
    for (pool, key, lang), phrases in sorted(pool_catalogue().items()):
        ids = [part_id(pool, key, lang, i) for i in range(len(phrases))]
        out[(pool, key, lang)] = tuple(i for i, pid in enumerate(ids) if pid not in held)
    return out


def part_groups(test_fraction: float, seed: int) -> dict[str, str]:
    """part_id -> part group (g0, g1, g2) of every entry of a train part, CORE included
    (``CORE.billing.nl.02``: the core phrasing ``billing.nl.02``); held-out entries have none.

    The train part of each (pool, key, language) is dealt into the groups on its own random
    stream, like held_out_parts: adding an entry changes the groups of its own pool part only.
    """
    _check_fraction(test_fraction)
    out: dict[str, str] = {}
    for (pool, key, lang), train in _train_parts(test_fraction, seed).items():
        dealt = _deal(train, f"groups:{seed}:{pool}:{key}:{lang}")
        out.update((part_id(pool, key, lang, i), group) for i, group in dealt.items())
    return out


def group_fallbacks(test_fraction: float, seed: int) -> set[tuple[str, str, str]]:
    """(pool, key, language) whose train part has fewer entries than there are part groups: a
    group that got none of them draws from the whole train part instead (so those entries are
    shared between groups). Depends on the pool sizes and the fraction; none with the defaults."""
    _check_fraction(test_fraction)
    return {
        part
        for part, train in _train_parts(test_fraction, seed).items()
        if part[0] != "CORE" and len(train) < len(PART_GROUPS)
    }


def phrasing_groups(test_fraction: float, seed: int) -> dict[str, str]:
    """phrasing_id -> part_group of its rows: TEST_GROUP for a held-out core phrasing, else the
    part group of the core phrasing."""
    groups = part_groups(test_fraction, seed)
    return {
        pid: groups.get(part_id("CORE", topic, lang, i), TEST_GROUP)
        for (topic, lang), ids in phrasing_catalogue().items()
        for i, pid in enumerate(ids)
    }


def _menu(test_fraction: float, seed: int) -> Menu:
    held = held_out_parts(test_fraction, seed)
    groups = part_groups(test_fraction, seed)
    menu: Menu = {}
    for (pool, key, lang), phrases in pool_catalogue().items():
        ids = [part_id(pool, key, lang, i) for i in range(len(phrases))]
        train = tuple(i for i, pid in enumerate(ids) if pid not in held)
        test = tuple(i for i, pid in enumerate(ids) if pid in held)
        menu[(pool, key, lang, TEST_GROUP)] = test or train
        for group in PART_GROUPS:
            # An empty group (a train part smaller than PART_GROUPS) uses the whole train part.
            own = tuple(i for i in train if groups[ids[i]] == group)
            menu[(pool, key, lang, group)] = own or train
    return menu


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


def _draft(
    rng: random.Random, pool: dict[str, list[Customer]], worlds: dict[str, str], menu: Menu
) -> Draft:
    lang = rng.choice(LANGUAGES)
    topic = _pick_weighted(rng, TOPIC_WEIGHTS)
    index = rng.randrange(len(P.CORE[topic][lang]))
    kind = phrasing_kind(topic, index)
    feedback = kind in FEEDBACK_KINDS
    # Complaints about the service come after earlier contacts; a review usually does not.
    chasing = topic == "complaint" and kind == "grievance"
    prev_weights = (25, 25, 20, 12, 8, 6, 4) if chasing else (55, 22, 11, 6, 3, 2, 1)
    previous = rng.choices(range(7), weights=prev_weights, k=1)[0]
    if topic == "other" or kind == "praise":  # nobody chases an off-topic message or a thank-you
        previous = min(previous, 1)
    # Sentiment follows what the customer writes (the kind of the core phrasing), and chasing the
    # same problem or request for the third time wears the patience thin.
    prior = KIND_SENTIMENT[kind]
    if previous >= 2:
        prior = CHASED_SENTIMENT.get(kind, prior)
    sentiment = _pick(rng, SENTIMENTS, prior)
    negative = sentiment == "negative"
    urgent_rate = (0.4 if topic in ("outage", "security_incident") else 0.08) + 0.08 * negative
    urgent_rate = 0.02 if topic == "other" else urgent_rate
    legal_rate = 0.2 if topic == "complaint" else (0.02 if topic == "other" else 0.1)
    legal_rate = 0.03 if kind == "criticism" else legal_rate
    churn_rate = {"cancellation": 0.0, "complaint": 0.3, "other": 0.02}.get(topic, 0.12)
    # Cues never contradict the sentiment: only an unhappy customer threatens to leave or sue, and
    # a happy one does not complain about having written three times.
    repeat_rate = {"negative": 0.5, "neutral": 0.2}.get(sentiment, 0.0)
    return Draft(
        topic=topic,
        language=lang,
        channel=_pick_weighted(rng, CHANNEL_WEIGHTS),
        customer=rng.choice(pool[lang]),
        created_at=_created_at(rng),
        phrasing_index=index,
        kind=kind,
        sentiment=sentiment,
        previous_contacts=previous,
        reopen_count=rng.choices(range(4), weights=(85, 11, 3, 1), k=1)[0],
        has_order=rng.random() < ORDER_RATE.get(topic, 0.1),
        urgent_cue=not feedback and rng.random() < urgent_rate,
        legal_cue=negative and rng.random() < legal_rate,
        churn_cue=negative and rng.random() < churn_rate,
        repeat_cue=previous >= 2 and rng.random() < repeat_rate,
        world=worlds[phrasing_id(topic, lang, index)],
        menu=menu,
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


def _phrases(pool: str, key: str, lang: str) -> tuple[str, ...]:
    book = getattr(P, pool)
    return book[key][lang] if key else book[lang]


def _say(rng: random.Random, d: Draft, pool: str, key: str = "") -> str:
    """One phrase of ``pool`` from the ticket's world of the split, recorded in ``d.parts``."""
    index = rng.choice(d.menu[(pool, key, d.language, d.world)])
    d.parts.append(part_id(pool, key, d.language, index))
    return _phrases(pool, key, d.language)[index]


def _say_some(rng: random.Random, d: Draft, pool: str, k: int) -> list[str]:
    options = d.menu[(pool, "", d.language, d.world)]
    chosen = rng.sample(options, min(k, len(options)))
    d.parts.extend(part_id(pool, "", d.language, i) for i in chosen)
    return [_phrases(pool, "", d.language)[i] for i in chosen]


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


def _drop_accents(text: str, lang: str) -> str:
    """'Mulțumesc' -> 'Multumesc', 'Grüße' -> 'Gruesse': how people type without the layout."""
    if lang == "de":
        text = text.translate(GERMAN_FOLD).replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _casualise(rng: random.Random, text: str, lang: str, rate: float = 0.6) -> str:
    """Spelling as typed in a hurry: 'pls', 'k heb', 'jsuis', 'nich', Romanian without ș/ț."""
    for pattern, repl in _CASUAL_RE[lang]:
        if rng.random() < rate:
            text = pattern.sub(repl, text)
    if rng.random() < P.ACCENT_DROP_RATE[lang]:
        text = _drop_accents(text, lang)
    return text


def _code_switch(text: str, lang: str) -> str:
    """English words inside another language: 'mijn refund', 'le password', 'app-ul'."""
    for pattern, repl in _SWITCH_RE[lang]:
        text = pattern.sub(repl, text)
    return text


URL_END_RE = re.compile(r"https?://\S+$")


def _terminate(sentence: str) -> str:
    """A full stop after a colloquial core ('where is my package') that runs into a next one."""
    if not sentence or sentence[-1] in ".!?:)" or URL_END_RE.search(sentence):
        return sentence
    return sentence + "."


def _core_sentence(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    d.parts.append(part_id("CORE", d.topic, d.language, d.phrasing_index))
    core = _fill(P.CORE[d.topic][d.language][d.phrasing_index], slots)
    # Phone transcripts are typed by the agent, who does not shout.
    if d.sentiment == "negative" and d.channel != "phone":
        if rng.random() < 0.15:
            core = core.upper()
        if rng.random() < 0.3:
            core = _exclaim(core, d.language)
    return core


def _cue_sentences(rng: random.Random, d: Draft, slots: dict[str, str]) -> list[str]:
    """Sentences that carry urgency, repeat contact, legal threats and churn intent. Half of the
    urgency is implied ("my shop opens in an hour"), without a word like "urgent"."""
    out = []
    if d.repeat_cue:
        out.append(_fill(_say(rng, d, "REPEAT"), slots))
    if d.urgent_cue:
        implied = d.topic not in CALM_TOPICS and rng.random() < 0.5
        out.append(_say(rng, d, "IMPLIED_URGENCY" if implied else "URGENCY"))
    if d.churn_cue:
        out.append(_say(rng, d, "CHURN"))
    if d.legal_cue:
        out.append(_say(rng, d, "LEGAL"))
    return out


def _depth_sentences(rng: random.Random, d: Draft, slots: dict[str, str]) -> list[str]:
    """How technical the problem is (L1 how-to, L2 versions/error codes, L3 API/SSO/forensics)."""
    if not d.depth:
        return []
    return [_fill(_say(rng, d, "DEPTH", d.depth), slots)]


def _impact_sentences(rng: random.Random, d: Draft) -> list[str]:
    """How badly the problem hurts: 'no rush' (low) up to 'production is down' (urgent)."""
    if not d.impact:
        return []
    return [_say(rng, d, "IMPACT", d.impact)]


# How a negative ticket shows its mood: explicit anger, irony, quiet disappointment, a short
# snap, or nothing but the facts.
NEGATIVE_STYLES: dict[str, float] = {"ANGRY": 30, "IRONY": 20, "LETDOWN": 25, "SNAPS": 10, "": 15}
# The tone line of a one-line chat or post that is not just the point and a snap.
SHORT_NEGATIVE_STYLES: dict[str, float] = {"ANGRY": 1, "IRONY": 1, "LETDOWN": 1.5}
# A negative review ends on a verdict ("Would not recommend."), disappointment or anger, or on
# nothing; irony about automated replies would not fit it.
CRITICISM_STYLES: dict[str, float] = {"VERDICT_BAD": 45, "LETDOWN": 25, "ANGRY": 10, "": 20}
# How often a positive review ends on a verdict ("Highly recommend!"); the praise itself is the
# core phrasing.
VERDICT_GOOD_RATE = 0.5


def _tone_sentences(rng: random.Random, d: Draft) -> tuple[list[str], list[str]]:
    """(before core, after core) phrases that realise the sentiment; never a line that contradicts
    it. A positive problem or request always says its thanks or praise: without them it would read
    negative or neutral."""
    if d.kind == "praise":
        return [], [_say(rng, d, "VERDICT_GOOD")] if rng.random() < VERDICT_GOOD_RATE else []
    if d.sentiment == "negative":
        styles = CRITICISM_STYLES if d.kind == "criticism" else NEGATIVE_STYLES
        style = _pick_weighted(rng, styles)
        line = [_say(rng, d, style)] if style else []
        before, after = (line, []) if rng.random() < 0.3 else ([], line)
        if d.channel != "phone" and rng.random() < 0.2:
            after.append(_say(rng, d, "SHOUTS"))
        return before, after
    if d.sentiment == "positive":
        line = [_say(rng, d, "POSITIVE")]
        return (line, []) if rng.random() < 0.25 else ([], line)
    # Real customers are often plain: a question or the facts and nothing else.
    return [], [_say(rng, d, "NEUTRAL")] if rng.random() < 0.4 else []


def _context_sentences(rng: random.Random, d: Draft, slots: dict[str, str], core: str) -> list[str]:
    out: list[str] = []
    if d.has_order and slots["order_id"] not in core and rng.random() < 0.6:
        out.append(_fill(_say(rng, d, "ORDER_CONTEXT"), slots))
    if d.kind in FEEDBACK_KINDS:  # no "I already tried the chat" or "Please help!" in a review
        return out
    roll = rng.random()
    for _ in range(2 if roll < 0.08 else 1 if roll < 0.4 else 0):
        sentence = _fill(_say(rng, d, "CONTEXT"), slots)
        if sentence not in out:
            out.append(sentence)
    if rng.random() < (0.03 if d.language == "en" else 0.08):
        out.append(_say(rng, d, "MIXED"))
    return out


def _subject(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    lang = d.language
    if d.kind in FEEDBACK_KINDS:  # titled like a review, not "Question" or "Please help"
        pool = "PRAISE_SUBJECTS" if d.kind == "praise" else "CRITICISM_SUBJECTS"
        subject = _fill(_say(rng, d, pool), slots)
    elif rng.random() < 0.65:
        subject = _fill(_say(rng, d, "SUBJECTS", d.topic), slots)
    else:
        subject = _say(rng, d, "GENERIC_SUBJECTS")
    if d.sentiment == "negative" and rng.random() < 0.25:
        subject = _exclaim(subject.upper(), lang)
    if rng.random() < (0.5 if d.reopen_count or d.previous_contacts >= 2 else 0.08):
        subject = rng.choice(P.SUBJECT_PREFIXES[lang]) + subject
    return subject


def _signature(rng: random.Random, d: Draft) -> str:
    c = d.customer
    name = c.name if rng.random() < 0.6 else c.first_name
    lines = [_say(rng, d, "SIGNOFFS"), name]
    if c.company and rng.random() < 0.6:
        lines += [f"{_say(rng, d, 'JOB_TITLES')} | {c.company}"]
    if rng.random() < 0.2:
        lines += ["", _say(rng, d, "FOOTERS")]
    return "\n".join(lines)


def _quoted_reply(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    header = _fill(_say(rng, d, "QUOTE_HEADERS"), {"date": slots["long_date"]})
    lines = _say_some(rng, d, "AGENT_LINES", rng.randint(1, 3))
    return header + "\n" + "\n".join("> " + line for line in lines)


def _long_text(rng: random.Random, d: Draft, slots: dict[str, str]) -> tuple[str, str]:
    """E-mail and web form: subject, greeting, a paragraph or two, signature, maybe a quote.
    Some writers ramble: digressions before and after the point, several paragraphs."""
    lang = d.language
    core = _core_sentence(rng, d, slots)
    before, after = _tone_sentences(rng, d)
    sentences = before + [core] + _depth_sentences(rng, d, slots)
    sentences += _context_sentences(rng, d, slots, core) + _impact_sentences(rng, d)
    sentences += _cue_sentences(rng, d, slots) + after
    ramble_rate = 0.0 if d.kind == "praise" else 0.18 if d.channel == "email" else 0.08
    if rng.random() < ramble_rate:
        digressions = _say_some(rng, d, "RAMBLE", rng.randint(2, 4))
        sentences = digressions[:1] + sentences[:1] + digressions[1:-1] + sentences[1:]
        sentences.append(digressions[-1])
    sentences = [_terminate(s) for s in sentences]
    if rng.random() < 0.2:
        sentences = [_add_typos(rng, s, 0.05) for s in sentences]
    if rng.random() < 0.1:
        sentences = [_casualise(rng, s, lang) for s in sentences]
    if lang != "en" and rng.random() < 0.1:
        sentences = [_code_switch(s, lang) for s in sentences]
    if len(sentences) >= 6:
        third = len(sentences) // 3
        paragraphs = [sentences[:third], sentences[third : 2 * third], sentences[2 * third :]]
    else:
        cut = len(sentences) // 2 if len(sentences) >= 4 and rng.random() < 0.6 else len(sentences)
        paragraphs = [sentences[:cut], sentences[cut:]]
    parts = [" ".join(p) for p in paragraphs if p]
    if d.channel == "email" or rng.random() < 0.5:
        parts.insert(0, _say(rng, d, "GREETINGS"))
    if d.channel == "web" and d.has_order and rng.random() < 0.4:
        parts.insert(0, f"{P.WEB_ORDER_FIELD[lang]}: {slots['order_id']}")
    if d.channel == "email" or rng.random() < 0.4:
        parts.append(_signature(rng, d))
    quote_rate = 0.45 if d.reopen_count or d.previous_contacts else 0.12
    if d.channel == "email" and rng.random() < quote_rate:
        parts.append(_quoted_reply(rng, d, slots))
    return _subject(rng, d, slots), "\n\n".join(parts)


def _short_text(rng: random.Random, d: Draft, slots: dict[str, str]) -> str:
    """Chat, social and phone: one line, no subject, often sloppy; an angry chat or post is
    sometimes only the point and a snap ("still nothing. unbelievable.")."""
    lang = d.language
    core = _core_sentence(rng, d, slots)
    negative = d.sentiment == "negative" and d.channel != "phone"
    criticism = d.kind == "criticism"
    if negative and not criticism and rng.random() < 0.3:
        parts = [core, _say(rng, d, "SNAPS" if rng.random() < 0.6 else "IRONY")]
    else:
        parts = [core] + _depth_sentences(rng, d, slots) + _impact_sentences(rng, d)
        parts += _cue_sentences(rng, d, slots)
        if d.kind == "praise":
            if rng.random() < VERDICT_GOOD_RATE:
                parts.append(_say(rng, d, "VERDICT_GOOD"))
        elif negative and criticism:
            if rng.random() < 0.7:
                parts.append(_say(rng, d, _pick_weighted(rng, {"VERDICT_BAD": 2, "LETDOWN": 1})))
        elif negative:
            roll = rng.random()
            if roll < 0.2:
                parts.append(_say(rng, d, "SHOUTS"))
            elif roll < 0.75:
                parts.append(_say(rng, d, _pick_weighted(rng, SHORT_NEGATIVE_STYLES)))
        elif d.sentiment == "negative" and rng.random() < 0.5:  # on the phone, said calmly
            parts.append(_say(rng, d, _pick_weighted(rng, {"LETDOWN": 2, "ANGRY": 1})))
        elif d.sentiment == "positive":
            parts.append(_say(rng, d, "POSITIVE"))
    if lang != "en" and d.kind not in FEEDBACK_KINDS and rng.random() < 0.08:
        parts.append(_say(rng, d, "MIXED"))
    text = " ".join([_terminate(p) for p in parts[:-1]] + parts[-1:])
    if d.channel == "phone":
        return P.PHONE_PREFIX[lang] + text
    if rng.random() < 0.5:
        text = _casualise(rng, text, lang)
    if lang != "en" and rng.random() < 0.2:
        text = _code_switch(text, lang)
    if rng.random() < 0.45:
        text = _add_typos(rng, text, 0.06)
    if rng.random() < 0.3:
        text = text.rstrip(".")
    greeting = d.channel == "chat" and rng.random() < 0.3
    if (greeting or rng.random() < 0.4) and not text[:2].isupper():
        text = text[0].lower() + text[1:]
    if d.channel == "social":
        return ("@HelpDesk " if rng.random() < 0.6 else "") + text
    if greeting:
        text = f"{_say(rng, d, 'CHAT_GREETINGS')}, {text}"
    return text


# --------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------


def _base_priority(rng: random.Random, d: Draft) -> int:
    """Impact of the problem itself (0 low … 3 urgent), drawn from the topic prior (feedback: its
    own); the text states it most of the time (IMPACT), never in feedback."""
    prior = FEEDBACK_PRIORITY_PRIOR.get(d.kind, PRIORITY_PRIOR[d.topic])
    return rng.choices(range(4), weights=prior, k=1)[0]


def _true_priority(rng: random.Random, d: Draft, level: int) -> str:
    """The base impact raised by the urgency cue and by helpdesk policy (phone, VIP/enterprise,
    repeat contact), before label noise."""
    c = d.customer
    bump = int(d.urgent_cue)
    bump += d.channel == "phone" and rng.random() < 0.35
    bump += (c.vip or c.segment == "enterprise") and rng.random() < 0.45
    bump += d.previous_contacts >= 2 and rng.random() < 0.35
    # Policy raises an off-topic message (a job application from a VIP) by one level at most.
    return PRIORITIES[min(3, level + min(bump, 1 if d.topic == "other" else 2))]


def _true_tier(rng: random.Random, d: Draft, priority: str) -> str:
    """Support tier before label noise; the text states its technical depth most of the time."""
    prior = FEEDBACK_TIER_PRIOR if d.kind in FEEDBACK_KINDS else TIER_PRIOR[d.topic]
    level = rng.choices(range(3), weights=prior, k=1)[0]
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
    # An off-topic message states neither a technical depth nor more than a normal impact, and
    # feedback ("excellent, I'd recommend it") neither ("could you have a look?").
    calm = d.topic == "other" and base >= 2
    feedback = d.kind in FEEDBACK_KINDS
    if rng.random() < IMPACT_RATE and not (base == 0 and d.urgent_cue) and not calm:
        d.impact = "" if feedback else PRIORITIES[base]
    if rng.random() < DEPTH_RATE and d.topic != "other":
        d.depth = "" if feedback else tier
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
        "part_group": d.world,
    }


def generate_with_parts(
    n: int, seed: int, test_fraction: float = DEFAULT_TEST_FRACTION
) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """Like generate(), with the ids of the pool entries (part_id) each row was written from."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    worlds = phrasing_groups(test_fraction, seed)
    menu = _menu(test_fraction, seed)
    rng = random.Random(seed)
    pool = _customer_pool(rng, n)
    out = []
    for _ in range(n):
        draft = _draft(rng, pool, worlds, menu)
        row = _row(rng, draft)
        out.append((row, tuple(draft.parts)))
    # Stable sort: ties keep generation order, so the result stays deterministic.
    out.sort(key=lambda pair: pair[0]["created_at"])
    for i, (row, _) in enumerate(out, start=1):
        row["id"] = f"T{i:06d}"
    return out


def generate(
    n: int, seed: int, test_fraction: float = DEFAULT_TEST_FRACTION
) -> list[dict[str, Any]]:
    """``n`` tickets, ids T000001… in order of creation time; deterministic in (n, seed,
    test_fraction). A ticket whose core phrasing ``split(rows, test_fraction, seed)`` holds out
    is written only from held-out parts of every pool, the others only from the train parts of
    the part group (``part_group``, g0 to g2) of their core phrasing."""
    return [row for row, _ in generate_with_parts(n, seed, test_fraction)]


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _counts(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    fields = (
        "language", "topic", "channel", "priority", "tier", "sentiment", "queue", "part_group",
    )  # fmt: skip
    out: dict[str, Any] = {"rows": len(rows), "escalated": sum(bool(r["escalated"]) for r in rows)}
    for name in fields:
        out[name] = dict(sorted(Counter(r[name] for r in rows).items()))
    out["phrasings"] = len({r["phrasing_id"] for r in rows})
    return out


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def write_corpus(out: Path, n: int, seed: int, test_fraction: float) -> dict[str, Any]:
    """Generate, split and write the corpus; returns the manifest."""
    rows = generate(n, seed, test_fraction)
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
        "pool_parts": sum(len(phrases) for phrases in pool_catalogue().values()),
        "held_out_parts": sorted(held_out_parts(test_fraction, seed)),
        "part_groups": list(PART_GROUPS),
        "group_fallbacks": [
            ".".join(filter(None, part)) for part in sorted(group_fallbacks(test_fraction, seed))
        ],  # fmt: skip
        "splits": {"train": _counts(train), "test": _counts(test)},
    }
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8", newline="\n")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000, help="number of tickets (default 20000)")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--test-fraction", type=float, default=DEFAULT_TEST_FRACTION,
                        help="share of each phrase pool held out (default 0.2)")  # fmt: skip
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
