"""Plain dataclasses shared by every layer (no grpc, no sklearn)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

HEADS: tuple[str, ...] = ("topic", "priority", "tier", "sentiment")
"""The classification heads, in the order the contract lists them."""

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "nl", "ro", "de", "fr")
"""ISO 639-1 codes of the languages the text pipeline handles."""

# Fixed label sets: the contract names them, so a dataset with other labels is refused.
FIXED_LABELS: dict[str, tuple[str, ...]] = {
    "priority": ("low", "normal", "high", "urgent"),
    "tier": ("L1", "L2", "L3"),
    "sentiment": ("negative", "neutral", "positive"),
}

DEFAULT_COVERAGE = 0.9
"""Coverage of the conformal label sets unless TRIAGE_CONFORMAL_COVERAGE says otherwise."""

DEFAULT_OOD_THRESHOLD = 0.99
"""Novelty score from which a ticket counts as unfamiliar unless TRIAGE_OOD_THRESHOLD says
otherwise."""


def check_coverage(coverage: float) -> float:
    """`coverage` as a float, or ValueError unless it is strictly between 0 and 1."""
    coverage = float(coverage)
    if not 0.0 < coverage < 1.0:
        raise ValueError(f"conformal coverage must be strictly between 0 and 1, got {coverage}")
    return coverage


class Channel(StrEnum):
    UNSPECIFIED = "unspecified"
    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"
    WEB = "web"
    SOCIAL = "social"


class Band(StrEnum):
    """What the policy's bands say to do with a prediction."""

    UNSPECIFIED = "unspecified"
    AUTO = "auto"
    SUGGEST = "suggest"
    MANUAL = "manual"


class AuthorRole(StrEnum):
    UNSPECIFIED = "unspecified"
    CUSTOMER = "customer"
    AGENT = "agent"
    SYSTEM = "system"


@dataclass(frozen=True)
class Customer:
    id: str = ""
    segment: str = ""
    plan: str = ""
    vip: bool = False
    name: str = ""
    """How canned responses address the customer ({customer_name}); may be empty."""


@dataclass(frozen=True)
class ThreadMessage:
    author_role: AuthorRole
    text: str
    sent_at: datetime | None = None


@dataclass(frozen=True)
class Ticket:
    id: str = ""
    subject: str = ""
    body: str = ""
    channel: Channel = Channel.UNSPECIFIED
    language_hint: str = ""
    customer: Customer = field(default_factory=Customer)
    created_at: datetime | None = None
    sla_due_at: datetime | None = None
    previous_contacts: int = 0
    reopen_count: int = 0
    tags: tuple[str, ...] = ()
    thread: tuple[ThreadMessage, ...] = ()


@dataclass(frozen=True)
class LabelScore:
    label: str
    confidence: float


@dataclass(frozen=True)
class Evidence:
    term: str
    weight: float


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float
    alternatives: tuple[LabelScore, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    band: Band = Band.UNSPECIFIED
    """Set by the escalation policy's bands (UNSPECIFIED until a policy has judged it)."""
    label_set: tuple[str, ...] = ()
    """Conformal prediction set, most probable first: the labels that together contain the true
    one with the configured coverage (TRIAGE_CONFORMAL_COVERAGE); never empty for a head with
    conformal calibration, empty for one trained without it (tfidf_linear.v1)."""


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    confidence: float


@dataclass(frozen=True)
class RoutingTarget:
    queue: str
    score: float
    reason: str


@dataclass(frozen=True)
class CannedResponse:
    id: str
    title: str
    text: str
    """Placeholders filled; unfilled ones appear as [name] and are listed in missing_fields."""
    score: float
    language: str
    missing_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    url: str
    snippet: str
    score: float
    language: str
    fallback: bool = False
    """True when it stands in (in English) for an article missing in the wanted language."""


class HandoverReason(StrEnum):
    UNSPECIFIED = "unspecified"
    LOW_CONFIDENCE = "low_confidence"
    OUT_OF_SCOPE = "out_of_scope"
    HUMAN_REQUESTED = "human_requested"
    NEGATIVE_SENTIMENT = "negative_sentiment"
    ESCALATION_RISK = "escalation_risk"


class AnswerSource(StrEnum):
    UNSPECIFIED = "unspecified"
    ARTICLE = "article"
    MACRO = "macro"


@dataclass(frozen=True)
class AnswerSuggestion:
    """What a chatbot gets: the best answer, or a hand-over to a human and why."""

    answer: str
    source_id: str
    confidence: float
    handover: bool
    handover_reason: HandoverReason = HandoverReason.UNSPECIFIED
    source: AnswerSource = AnswerSource.UNSPECIFIED
    language: str = ""
    url: str = ""
    escalation: Escalation | None = None
    """The escalation judgement behind the hand-over (the same one Triage gives the ticket)."""
    model_version: str = ""
    policy_version: str = ""


@dataclass(frozen=True)
class Novelty:
    """How unlike the model's training data a ticket is (models with an encoder only)."""

    score: float
    """Out-of-distribution score in [0, 1]: 0.99 = less familiar than 99 % of training tickets."""
    similarity: float
    """Cosine similarity of the ticket's embedding to its nearest training ticket."""
    unfamiliar: bool
    """score >= the server's threshold: predictions go to the manual band, chatbots hand over."""


@dataclass(frozen=True)
class TriageResult:
    ticket_id: str
    language: LanguageGuess
    predictions: dict[str, Prediction]
    """Head name -> prediction; a head the model lacks is absent."""
    model_version: str
    escalation: Escalation | None = None
    """Escalation risk, decision and flags (None when no policy judged this result)."""
    policy_version: str = ""
    """Version of the escalation policy the result was decided under."""
    routing: tuple[RoutingTarget, ...] = ()
    canned_responses: tuple[CannedResponse, ...] = ()
    articles: tuple[Article, ...] = ()
    novelty: Novelty | None = None
    """None when the model has no encoder to judge it."""


@dataclass(frozen=True)
class HeadInfo:
    name: str
    labels: tuple[str, ...]
    metrics: dict[str, float]


@dataclass(frozen=True)
class ShadowHead:
    """How a shadow model's answers for one head compare with the served model's."""

    head: str
    compared: int
    agreed: int
    labels: dict[str, int]
    """The shadow model's own label mix on those tickets."""

    @property
    def agreement(self) -> float:
        return self.agreed / self.compared if self.compared else 0.0


@dataclass(frozen=True)
class ShadowReport:
    """A challenger scored on live traffic off the response path, since it was loaded."""

    source: str
    model_version: str
    registry_name: str
    registry_version: str
    registry_alias: str
    scored: int
    """Tickets the shadow model judged."""
    dropped: int
    """Tickets not judged because the shadow queue was full (the response path never waits)."""
    failed: int
    """Tickets whose shadow judgement raised (logged; the response was unaffected)."""
    heads: tuple[ShadowHead, ...]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    created_at: str
    heads: tuple[HeadInfo, ...]
    languages: tuple[str, ...]
    mlflow_run_id: str
    data_fingerprint: str
    source: str = ""
    """Where the model was loaded from: its bundle directory or its `models:/` URI."""
    registry_name: str = ""
    registry_version: str = ""
    registry_alias: str = ""
    shadow: ShadowReport | None = None
    """The challenger scored beside this model, when the server runs one."""


QUEUE_HEAD = "queue"
"""Bundle name of the learned queue head, trained when the data has a `queue` column; not one of
HEADS (the response carries routing targets instead), it is blended into routing."""

ESCALATION_HEAD = "escalation"
"""Bundle name of the binary escalation head (not one of HEADS: it is not a classification field
of the response but feeds `Escalation.risk`)."""


@dataclass(frozen=True)
class EvidenceSpan:
    """Text that raised a flag (`field` "subject"/"body", character offsets into the original
    field, end exclusive) or a metadata field ("customer.vip"; offsets 0)."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EscalationFlag:
    code: str
    score: float
    threshold: float
    raised: bool
    reason: str
    evidence: tuple[EvidenceSpan, ...] = ()


@dataclass(frozen=True)
class RuleApplied:
    rule: str
    head: str
    from_label: str
    to_label: str


@dataclass(frozen=True)
class Escalation:
    risk: float
    escalate: bool
    band: Band
    flags: tuple[EscalationFlag, ...]
    threshold: float
    rules_applied: tuple[RuleApplied, ...] = ()
    reason: str = ""
