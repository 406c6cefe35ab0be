import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Channel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANNEL_UNSPECIFIED: _ClassVar[Channel]
    CHANNEL_EMAIL: _ClassVar[Channel]
    CHANNEL_CHAT: _ClassVar[Channel]
    CHANNEL_PHONE: _ClassVar[Channel]
    CHANNEL_WEB: _ClassVar[Channel]
    CHANNEL_SOCIAL: _ClassVar[Channel]

class AuthorRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AUTHOR_ROLE_UNSPECIFIED: _ClassVar[AuthorRole]
    AUTHOR_ROLE_CUSTOMER: _ClassVar[AuthorRole]
    AUTHOR_ROLE_AGENT: _ClassVar[AuthorRole]
    AUTHOR_ROLE_SYSTEM: _ClassVar[AuthorRole]

class HandoverReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HANDOVER_REASON_UNSPECIFIED: _ClassVar[HandoverReason]
    HANDOVER_REASON_LOW_CONFIDENCE: _ClassVar[HandoverReason]
    HANDOVER_REASON_OUT_OF_SCOPE: _ClassVar[HandoverReason]
    HANDOVER_REASON_HUMAN_REQUESTED: _ClassVar[HandoverReason]
    HANDOVER_REASON_NEGATIVE_SENTIMENT: _ClassVar[HandoverReason]
    HANDOVER_REASON_ESCALATION_RISK: _ClassVar[HandoverReason]

class AnswerSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ANSWER_SOURCE_UNSPECIFIED: _ClassVar[AnswerSource]
    ANSWER_SOURCE_ARTICLE: _ClassVar[AnswerSource]
    ANSWER_SOURCE_MACRO: _ClassVar[AnswerSource]

class Band(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BAND_UNSPECIFIED: _ClassVar[Band]
    BAND_AUTO: _ClassVar[Band]
    BAND_SUGGEST: _ClassVar[Band]
    BAND_MANUAL: _ClassVar[Band]
CHANNEL_UNSPECIFIED: Channel
CHANNEL_EMAIL: Channel
CHANNEL_CHAT: Channel
CHANNEL_PHONE: Channel
CHANNEL_WEB: Channel
CHANNEL_SOCIAL: Channel
AUTHOR_ROLE_UNSPECIFIED: AuthorRole
AUTHOR_ROLE_CUSTOMER: AuthorRole
AUTHOR_ROLE_AGENT: AuthorRole
AUTHOR_ROLE_SYSTEM: AuthorRole
HANDOVER_REASON_UNSPECIFIED: HandoverReason
HANDOVER_REASON_LOW_CONFIDENCE: HandoverReason
HANDOVER_REASON_OUT_OF_SCOPE: HandoverReason
HANDOVER_REASON_HUMAN_REQUESTED: HandoverReason
HANDOVER_REASON_NEGATIVE_SENTIMENT: HandoverReason
HANDOVER_REASON_ESCALATION_RISK: HandoverReason
ANSWER_SOURCE_UNSPECIFIED: AnswerSource
ANSWER_SOURCE_ARTICLE: AnswerSource
ANSWER_SOURCE_MACRO: AnswerSource
BAND_UNSPECIFIED: Band
BAND_AUTO: Band
BAND_SUGGEST: Band
BAND_MANUAL: Band

class Customer(_message.Message):
    __slots__ = ("id", "segment", "plan", "vip", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SEGMENT_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    VIP_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    segment: str
    plan: str
    vip: bool
    name: str
    def __init__(self, id: _Optional[str] = ..., segment: _Optional[str] = ..., plan: _Optional[str] = ..., vip: _Optional[bool] = ..., name: _Optional[str] = ...) -> None: ...

class ThreadMessage(_message.Message):
    __slots__ = ("author_role", "text", "sent_at")
    AUTHOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    author_role: AuthorRole
    text: str
    sent_at: _timestamp_pb2.Timestamp
    def __init__(self, author_role: _Optional[_Union[AuthorRole, str]] = ..., text: _Optional[str] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Ticket(_message.Message):
    __slots__ = ("id", "subject", "body", "channel", "language_hint", "customer", "created_at", "sla_due_at", "previous_contacts", "reopen_count", "tags", "thread")
    ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_HINT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    SLA_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_CONTACTS_FIELD_NUMBER: _ClassVar[int]
    REOPEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    THREAD_FIELD_NUMBER: _ClassVar[int]
    id: str
    subject: str
    body: str
    channel: Channel
    language_hint: str
    customer: Customer
    created_at: _timestamp_pb2.Timestamp
    sla_due_at: _timestamp_pb2.Timestamp
    previous_contacts: int
    reopen_count: int
    tags: _containers.RepeatedScalarFieldContainer[str]
    thread: _containers.RepeatedCompositeFieldContainer[ThreadMessage]
    def __init__(self, id: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., channel: _Optional[_Union[Channel, str]] = ..., language_hint: _Optional[str] = ..., customer: _Optional[_Union[Customer, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., sla_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., previous_contacts: _Optional[int] = ..., reopen_count: _Optional[int] = ..., tags: _Optional[_Iterable[str]] = ..., thread: _Optional[_Iterable[_Union[ThreadMessage, _Mapping]]] = ...) -> None: ...

class TriageRequest(_message.Message):
    __slots__ = ("ticket",)
    TICKET_FIELD_NUMBER: _ClassVar[int]
    ticket: Ticket
    def __init__(self, ticket: _Optional[_Union[Ticket, _Mapping]] = ...) -> None: ...

class Language(_message.Message):
    __slots__ = ("code", "confidence")
    CODE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    code: str
    confidence: float
    def __init__(self, code: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class LabelScore(_message.Message):
    __slots__ = ("label", "confidence")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    label: str
    confidence: float
    def __init__(self, label: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("term", "weight")
    TERM_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    term: str
    weight: float
    def __init__(self, term: _Optional[str] = ..., weight: _Optional[float] = ...) -> None: ...

class Prediction(_message.Message):
    __slots__ = ("label", "confidence", "alternatives", "evidence", "band", "label_set")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ALTERNATIVES_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    BAND_FIELD_NUMBER: _ClassVar[int]
    LABEL_SET_FIELD_NUMBER: _ClassVar[int]
    label: str
    confidence: float
    alternatives: _containers.RepeatedCompositeFieldContainer[LabelScore]
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    band: Band
    label_set: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, label: _Optional[str] = ..., confidence: _Optional[float] = ..., alternatives: _Optional[_Iterable[_Union[LabelScore, _Mapping]]] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., band: _Optional[_Union[Band, str]] = ..., label_set: _Optional[_Iterable[str]] = ...) -> None: ...

class TriageResponse(_message.Message):
    __slots__ = ("ticket_id", "language", "topic", "priority", "tier", "sentiment", "model_version", "routing", "canned_responses", "articles", "escalation", "policy_version", "novelty")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    TIER_FIELD_NUMBER: _ClassVar[int]
    SENTIMENT_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    CANNED_RESPONSES_FIELD_NUMBER: _ClassVar[int]
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_FIELD_NUMBER: _ClassVar[int]
    POLICY_VERSION_FIELD_NUMBER: _ClassVar[int]
    NOVELTY_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    language: Language
    topic: Prediction
    priority: Prediction
    tier: Prediction
    sentiment: Prediction
    model_version: str
    routing: _containers.RepeatedCompositeFieldContainer[RoutingTarget]
    canned_responses: _containers.RepeatedCompositeFieldContainer[CannedResponse]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    escalation: Escalation
    policy_version: str
    novelty: Novelty
    def __init__(self, ticket_id: _Optional[str] = ..., language: _Optional[_Union[Language, _Mapping]] = ..., topic: _Optional[_Union[Prediction, _Mapping]] = ..., priority: _Optional[_Union[Prediction, _Mapping]] = ..., tier: _Optional[_Union[Prediction, _Mapping]] = ..., sentiment: _Optional[_Union[Prediction, _Mapping]] = ..., model_version: _Optional[str] = ..., routing: _Optional[_Iterable[_Union[RoutingTarget, _Mapping]]] = ..., canned_responses: _Optional[_Iterable[_Union[CannedResponse, _Mapping]]] = ..., articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., escalation: _Optional[_Union[Escalation, _Mapping]] = ..., policy_version: _Optional[str] = ..., novelty: _Optional[_Union[Novelty, _Mapping]] = ...) -> None: ...

class Novelty(_message.Message):
    __slots__ = ("score", "similarity", "unfamiliar")
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    UNFAMILIAR_FIELD_NUMBER: _ClassVar[int]
    score: float
    similarity: float
    unfamiliar: bool
    def __init__(self, score: _Optional[float] = ..., similarity: _Optional[float] = ..., unfamiliar: _Optional[bool] = ...) -> None: ...

class GetModelInfoRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class HeadInfo(_message.Message):
    __slots__ = ("name", "labels", "metrics")
    class MetricsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    name: str
    labels: _containers.RepeatedScalarFieldContainer[str]
    metrics: _containers.ScalarMap[str, float]
    def __init__(self, name: _Optional[str] = ..., labels: _Optional[_Iterable[str]] = ..., metrics: _Optional[_Mapping[str, float]] = ...) -> None: ...

class ModelInfo(_message.Message):
    __slots__ = ("name", "version", "created_at", "heads", "languages", "mlflow_run_id", "data_fingerprint", "source", "registry_name", "registry_version", "registry_alias", "shadow")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    HEADS_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    MLFLOW_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_VERSION_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    SHADOW_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    created_at: _timestamp_pb2.Timestamp
    heads: _containers.RepeatedCompositeFieldContainer[HeadInfo]
    languages: _containers.RepeatedScalarFieldContainer[str]
    mlflow_run_id: str
    data_fingerprint: str
    source: str
    registry_name: str
    registry_version: str
    registry_alias: str
    shadow: ShadowInfo
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., heads: _Optional[_Iterable[_Union[HeadInfo, _Mapping]]] = ..., languages: _Optional[_Iterable[str]] = ..., mlflow_run_id: _Optional[str] = ..., data_fingerprint: _Optional[str] = ..., source: _Optional[str] = ..., registry_name: _Optional[str] = ..., registry_version: _Optional[str] = ..., registry_alias: _Optional[str] = ..., shadow: _Optional[_Union[ShadowInfo, _Mapping]] = ...) -> None: ...

class ShadowInfo(_message.Message):
    __slots__ = ("source", "model_version", "registry_name", "registry_version", "registry_alias", "scored", "dropped", "failed", "heads")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_VERSION_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    SCORED_FIELD_NUMBER: _ClassVar[int]
    DROPPED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    HEADS_FIELD_NUMBER: _ClassVar[int]
    source: str
    model_version: str
    registry_name: str
    registry_version: str
    registry_alias: str
    scored: int
    dropped: int
    failed: int
    heads: _containers.RepeatedCompositeFieldContainer[ShadowHead]
    def __init__(self, source: _Optional[str] = ..., model_version: _Optional[str] = ..., registry_name: _Optional[str] = ..., registry_version: _Optional[str] = ..., registry_alias: _Optional[str] = ..., scored: _Optional[int] = ..., dropped: _Optional[int] = ..., failed: _Optional[int] = ..., heads: _Optional[_Iterable[_Union[ShadowHead, _Mapping]]] = ...) -> None: ...

class ShadowHead(_message.Message):
    __slots__ = ("head", "compared", "agreed", "agreement", "labels")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    HEAD_FIELD_NUMBER: _ClassVar[int]
    COMPARED_FIELD_NUMBER: _ClassVar[int]
    AGREED_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    head: str
    compared: int
    agreed: int
    agreement: float
    labels: _containers.ScalarMap[str, int]
    def __init__(self, head: _Optional[str] = ..., compared: _Optional[int] = ..., agreed: _Optional[int] = ..., agreement: _Optional[float] = ..., labels: _Optional[_Mapping[str, int]] = ...) -> None: ...

class RoutingTarget(_message.Message):
    __slots__ = ("queue", "score", "reason")
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    queue: str
    score: float
    reason: str
    def __init__(self, queue: _Optional[str] = ..., score: _Optional[float] = ..., reason: _Optional[str] = ...) -> None: ...

class CannedResponse(_message.Message):
    __slots__ = ("id", "title", "text", "score", "language", "missing_fields")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    text: str
    score: float
    language: str
    missing_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., text: _Optional[str] = ..., score: _Optional[float] = ..., language: _Optional[str] = ..., missing_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("id", "title", "url", "snippet", "score", "language", "fallback")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FALLBACK_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    url: str
    snippet: str
    score: float
    language: str
    fallback: bool
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., url: _Optional[str] = ..., snippet: _Optional[str] = ..., score: _Optional[float] = ..., language: _Optional[str] = ..., fallback: _Optional[bool] = ...) -> None: ...

class SearchArticlesRequest(_message.Message):
    __slots__ = ("query", "language", "limit")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    query: str
    language: str
    limit: int
    def __init__(self, query: _Optional[str] = ..., language: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class SearchArticlesResponse(_message.Message):
    __slots__ = ("articles",)
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ...) -> None: ...

class SuggestAnswerRequest(_message.Message):
    __slots__ = ("text", "ticket", "conversation")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TICKET_FIELD_NUMBER: _ClassVar[int]
    CONVERSATION_FIELD_NUMBER: _ClassVar[int]
    text: str
    ticket: Ticket
    conversation: _containers.RepeatedCompositeFieldContainer[ThreadMessage]
    def __init__(self, text: _Optional[str] = ..., ticket: _Optional[_Union[Ticket, _Mapping]] = ..., conversation: _Optional[_Iterable[_Union[ThreadMessage, _Mapping]]] = ...) -> None: ...

class SuggestAnswerResponse(_message.Message):
    __slots__ = ("answer", "source_id", "confidence", "handover", "handover_reason", "source", "language", "url", "escalation", "model_version", "policy_version")
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    HANDOVER_FIELD_NUMBER: _ClassVar[int]
    HANDOVER_REASON_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    POLICY_VERSION_FIELD_NUMBER: _ClassVar[int]
    answer: str
    source_id: str
    confidence: float
    handover: bool
    handover_reason: HandoverReason
    source: AnswerSource
    language: str
    url: str
    escalation: Escalation
    model_version: str
    policy_version: str
    def __init__(self, answer: _Optional[str] = ..., source_id: _Optional[str] = ..., confidence: _Optional[float] = ..., handover: _Optional[bool] = ..., handover_reason: _Optional[_Union[HandoverReason, str]] = ..., source: _Optional[_Union[AnswerSource, str]] = ..., language: _Optional[str] = ..., url: _Optional[str] = ..., escalation: _Optional[_Union[Escalation, _Mapping]] = ..., model_version: _Optional[str] = ..., policy_version: _Optional[str] = ...) -> None: ...

class EvidenceSpan(_message.Message):
    __slots__ = ("field", "start", "end", "text")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    field: str
    start: int
    end: int
    text: str
    def __init__(self, field: _Optional[str] = ..., start: _Optional[int] = ..., end: _Optional[int] = ..., text: _Optional[str] = ...) -> None: ...

class EscalationFlag(_message.Message):
    __slots__ = ("code", "score", "threshold", "raised", "reason", "evidence")
    CODE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    RAISED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    code: str
    score: float
    threshold: float
    raised: bool
    reason: str
    evidence: _containers.RepeatedCompositeFieldContainer[EvidenceSpan]
    def __init__(self, code: _Optional[str] = ..., score: _Optional[float] = ..., threshold: _Optional[float] = ..., raised: _Optional[bool] = ..., reason: _Optional[str] = ..., evidence: _Optional[_Iterable[_Union[EvidenceSpan, _Mapping]]] = ...) -> None: ...

class RuleApplied(_message.Message):
    __slots__ = ("rule", "head", "from_label", "to_label")
    RULE_FIELD_NUMBER: _ClassVar[int]
    HEAD_FIELD_NUMBER: _ClassVar[int]
    FROM_LABEL_FIELD_NUMBER: _ClassVar[int]
    TO_LABEL_FIELD_NUMBER: _ClassVar[int]
    rule: str
    head: str
    from_label: str
    to_label: str
    def __init__(self, rule: _Optional[str] = ..., head: _Optional[str] = ..., from_label: _Optional[str] = ..., to_label: _Optional[str] = ...) -> None: ...

class Escalation(_message.Message):
    __slots__ = ("risk", "escalate", "band", "flags", "threshold", "rules_applied", "reason")
    RISK_FIELD_NUMBER: _ClassVar[int]
    ESCALATE_FIELD_NUMBER: _ClassVar[int]
    BAND_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    RULES_APPLIED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    risk: float
    escalate: bool
    band: Band
    flags: _containers.RepeatedCompositeFieldContainer[EscalationFlag]
    threshold: float
    rules_applied: _containers.RepeatedCompositeFieldContainer[RuleApplied]
    reason: str
    def __init__(self, risk: _Optional[float] = ..., escalate: _Optional[bool] = ..., band: _Optional[_Union[Band, str]] = ..., flags: _Optional[_Iterable[_Union[EscalationFlag, _Mapping]]] = ..., threshold: _Optional[float] = ..., rules_applied: _Optional[_Iterable[_Union[RuleApplied, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class PolicyVersion(_message.Message):
    __slots__ = ("version", "author", "created_at", "comment", "sha256")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    version: str
    author: str
    created_at: _timestamp_pb2.Timestamp
    comment: str
    sha256: str
    def __init__(self, version: _Optional[str] = ..., author: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., comment: _Optional[str] = ..., sha256: _Optional[str] = ...) -> None: ...

class GetPolicyRequest(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    def __init__(self, version: _Optional[str] = ...) -> None: ...

class GetPolicyResponse(_message.Message):
    __slots__ = ("version", "yaml", "history")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    YAML_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    version: PolicyVersion
    yaml: str
    history: _containers.RepeatedCompositeFieldContainer[PolicyVersion]
    def __init__(self, version: _Optional[_Union[PolicyVersion, _Mapping]] = ..., yaml: _Optional[str] = ..., history: _Optional[_Iterable[_Union[PolicyVersion, _Mapping]]] = ...) -> None: ...

class PolicyError(_message.Message):
    __slots__ = ("key", "line", "message")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    key: str
    line: int
    message: str
    def __init__(self, key: _Optional[str] = ..., line: _Optional[int] = ..., message: _Optional[str] = ...) -> None: ...

class ValidatePolicyRequest(_message.Message):
    __slots__ = ("yaml",)
    YAML_FIELD_NUMBER: _ClassVar[int]
    yaml: str
    def __init__(self, yaml: _Optional[str] = ...) -> None: ...

class ValidatePolicyResponse(_message.Message):
    __slots__ = ("valid", "errors")
    VALID_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    valid: bool
    errors: _containers.RepeatedCompositeFieldContainer[PolicyError]
    def __init__(self, valid: _Optional[bool] = ..., errors: _Optional[_Iterable[_Union[PolicyError, _Mapping]]] = ...) -> None: ...

class SetPolicyRequest(_message.Message):
    __slots__ = ("yaml", "author", "comment")
    YAML_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    yaml: str
    author: str
    comment: str
    def __init__(self, yaml: _Optional[str] = ..., author: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class SetPolicyResponse(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: PolicyVersion
    def __init__(self, version: _Optional[_Union[PolicyVersion, _Mapping]] = ...) -> None: ...

class ReloadPolicyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReloadModelRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReloadModelResponse(_message.Message):
    __slots__ = ("changed", "old_version", "new_version", "source", "registry_name", "registry_version", "registry_alias", "load_seconds")
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    OLD_VERSION_FIELD_NUMBER: _ClassVar[int]
    NEW_VERSION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_NAME_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_VERSION_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    LOAD_SECONDS_FIELD_NUMBER: _ClassVar[int]
    changed: bool
    old_version: str
    new_version: str
    source: str
    registry_name: str
    registry_version: str
    registry_alias: str
    load_seconds: float
    def __init__(self, changed: _Optional[bool] = ..., old_version: _Optional[str] = ..., new_version: _Optional[str] = ..., source: _Optional[str] = ..., registry_name: _Optional[str] = ..., registry_version: _Optional[str] = ..., registry_alias: _Optional[str] = ..., load_seconds: _Optional[float] = ...) -> None: ...

class ReloadContentRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReloadContentResponse(_message.Message):
    __slots__ = ("summary", "unknown_topics")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    UNKNOWN_TOPICS_FIELD_NUMBER: _ClassVar[int]
    summary: str
    unknown_topics: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[str] = ..., unknown_topics: _Optional[_Iterable[str]] = ...) -> None: ...

class LabelledTicket(_message.Message):
    __slots__ = ("ticket", "escalated", "queue")
    TICKET_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    ticket: Ticket
    escalated: bool
    queue: str
    def __init__(self, ticket: _Optional[_Union[Ticket, _Mapping]] = ..., escalated: _Optional[bool] = ..., queue: _Optional[str] = ...) -> None: ...

class SimulatePolicyRequest(_message.Message):
    __slots__ = ("yaml", "dataset_path", "tickets")
    YAML_FIELD_NUMBER: _ClassVar[int]
    DATASET_PATH_FIELD_NUMBER: _ClassVar[int]
    TICKETS_FIELD_NUMBER: _ClassVar[int]
    yaml: str
    dataset_path: str
    tickets: LabelledTickets
    def __init__(self, yaml: _Optional[str] = ..., dataset_path: _Optional[str] = ..., tickets: _Optional[_Union[LabelledTickets, _Mapping]] = ...) -> None: ...

class LabelledTickets(_message.Message):
    __slots__ = ("tickets",)
    TICKETS_FIELD_NUMBER: _ClassVar[int]
    tickets: _containers.RepeatedCompositeFieldContainer[LabelledTicket]
    def __init__(self, tickets: _Optional[_Iterable[_Union[LabelledTicket, _Mapping]]] = ...) -> None: ...

class SimulationStats(_message.Message):
    __slots__ = ("code", "escalations", "true_positives", "precision", "recall", "changed")
    CODE_FIELD_NUMBER: _ClassVar[int]
    ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    TRUE_POSITIVES_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    RECALL_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    code: str
    escalations: int
    true_positives: int
    precision: float
    recall: float
    changed: int
    def __init__(self, code: _Optional[str] = ..., escalations: _Optional[int] = ..., true_positives: _Optional[int] = ..., precision: _Optional[float] = ..., recall: _Optional[float] = ..., changed: _Optional[int] = ...) -> None: ...

class DayCount(_message.Message):
    __slots__ = ("day", "escalations")
    DAY_FIELD_NUMBER: _ClassVar[int]
    ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    day: str
    escalations: int
    def __init__(self, day: _Optional[str] = ..., escalations: _Optional[int] = ...) -> None: ...

class SimulatePolicyResponse(_message.Message):
    __slots__ = ("tickets", "recorded_escalations", "overall", "flags", "per_day", "current_policy_version")
    TICKETS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    PER_DAY_FIELD_NUMBER: _ClassVar[int]
    CURRENT_POLICY_VERSION_FIELD_NUMBER: _ClassVar[int]
    tickets: int
    recorded_escalations: int
    overall: SimulationStats
    flags: _containers.RepeatedCompositeFieldContainer[SimulationStats]
    per_day: _containers.RepeatedCompositeFieldContainer[DayCount]
    current_policy_version: str
    def __init__(self, tickets: _Optional[int] = ..., recorded_escalations: _Optional[int] = ..., overall: _Optional[_Union[SimulationStats, _Mapping]] = ..., flags: _Optional[_Iterable[_Union[SimulationStats, _Mapping]]] = ..., per_day: _Optional[_Iterable[_Union[DayCount, _Mapping]]] = ..., current_policy_version: _Optional[str] = ...) -> None: ...

class FeedbackRequest(_message.Message):
    __slots__ = ("ticket_id", "ticket", "labels", "escalated", "agent_id", "decided_at", "model_version", "reason")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FIELD_NUMBER: _ClassVar[int]
    AGENT_ID_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    MODEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    ticket: Ticket
    labels: _containers.ScalarMap[str, str]
    escalated: bool
    agent_id: str
    decided_at: _timestamp_pb2.Timestamp
    model_version: str
    reason: str
    def __init__(self, ticket_id: _Optional[str] = ..., ticket: _Optional[_Union[Ticket, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., escalated: _Optional[bool] = ..., agent_id: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., model_version: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class FeedbackResponse(_message.Message):
    __slots__ = ("feedback_id", "duplicate", "flags")
    FEEDBACK_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    feedback_id: str
    duplicate: bool
    flags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, feedback_id: _Optional[str] = ..., duplicate: _Optional[bool] = ..., flags: _Optional[_Iterable[str]] = ...) -> None: ...

class FeedbackSummary(_message.Message):
    __slots__ = ("received", "stored", "duplicates", "flagged")
    RECEIVED_FIELD_NUMBER: _ClassVar[int]
    STORED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_FIELD_NUMBER: _ClassVar[int]
    received: int
    stored: int
    duplicates: int
    flagged: int
    def __init__(self, received: _Optional[int] = ..., stored: _Optional[int] = ..., duplicates: _Optional[int] = ..., flagged: _Optional[int] = ...) -> None: ...
