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


class Channel(StrEnum):
    UNSPECIFIED = "unspecified"
    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"
    WEB = "web"
    SOCIAL = "social"


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


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    confidence: float


@dataclass(frozen=True)
class TriageResult:
    ticket_id: str
    language: LanguageGuess
    predictions: dict[str, Prediction]
    """Head name -> prediction; a head the model lacks is absent."""
    model_version: str


@dataclass(frozen=True)
class HeadInfo:
    name: str
    labels: tuple[str, ...]
    metrics: dict[str, float]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    created_at: str
    heads: tuple[HeadInfo, ...]
    languages: tuple[str, ...]
    mlflow_run_id: str
    data_fingerprint: str
