"""A loaded model: the text pipeline, the featuriser and the heads. `predict` is pure and
batch-first: text is processed once and featurised once per ticket, then every head reads the
same vector."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import scipy.sparse as sp

from triage.domain import (
    DEFAULT_OOD_THRESHOLD,
    ESCALATION_HEAD,
    Band,
    HeadInfo,
    ModelInfo,
    Novelty,
    Prediction,
    Ticket,
    TriageResult,
)
from triage.escalation.engine import Escalator, Signals
from triage.escalation.risk import EscalationHead
from triage.features import (
    FastTicketTransform,
    TicketFeaturizer,
    TicketInput,
    embeddings,
    with_embeddings,
)
from triage.heads import Head, HeadStack
from triage.pii import mask_customer_name
from triage.text import TextPipeline


def ticket_text(ticket: Ticket) -> str:
    """The text the model reads: subject line, then body, the customer's name masked (the rest
    of the personal data is masked by the text pipeline)."""
    text = f"{ticket.subject}\n{ticket.body}" if ticket.subject else ticket.body
    return mask_customer_name(text, ticket.customer.name)


Annotate = Callable[[TicketInput, TriageResult], TriageResult]
"""Adds to a result before escalation is judged (the suggester's routing: its first queue is the
queue the policy's per-queue overrides read)."""


@dataclass(frozen=True)
class Analysis:
    """Everything one pass over a batch yields, for every caller: triage, chatbot answers and
    the policy simulator all judge escalation from the same signals."""

    inputs: list[TicketInput]
    """Per ticket: the ticket, its processed text (language, lemmas) and embedding."""
    features: sp.csr_matrix
    """The shared feature matrix every head read."""
    results: list[TriageResult]
    """Head predictions (annotated), not yet judged by an escalation policy."""
    signals: list[Signals]
    """What the escalation policy decides from (flags, risk, queue...)."""


class TriageModel:
    def __init__(
        self,
        text: TextPipeline,
        featurizer: TicketFeaturizer,
        heads: dict[str, Head],
        meta: dict[str, Any],
        ood_threshold: float = DEFAULT_OOD_THRESHOLD,
    ) -> None:
        self.text = text
        self.featurizer = featurizer
        # Loaded once per process and shared by every model and head (None: no encoder).
        self.encoder = featurizer.shared_encoder()
        self.familiarity = getattr(featurizer, "familiarity_", None)
        self.ood_threshold = ood_threshold
        # featurizer.transform, built once: its cache of words' n-gram columns lives with the model
        self._transform = FastTicketTransform(featurizer)
        # The escalation head is stored in the bundle like the others but reads extra features
        # (see triage.escalation.risk), so it is kept apart from the classification heads.
        self.heads = {name: head for name, head in heads.items() if name != ESCALATION_HEAD}
        self.escalation_head: EscalationHead | None = heads.get(ESCALATION_HEAD)  # type: ignore[assignment]
        self._stack = HeadStack(self.heads)
        self.meta = meta
        # The escalation flag matchers are compiled against this text pipeline's spaCy vocab,
        # so they live (and are swapped) with the model; building them takes ~30 ms.
        self.escalator = Escalator(text)

    @property
    def version(self) -> str:
        return str(self.meta["version"])

    def inputs(self, tickets: Sequence[Ticket]) -> list[TicketInput]:
        processed = self.text.process(
            [ticket_text(t) for t in tickets], [t.language_hint for t in tickets]
        )
        items = [TicketInput(t, p) for t, p in zip(tickets, processed, strict=True)]
        return with_embeddings(items, self.encoder)  # once per ticket

    def novelty(self, inputs: Sequence[TicketInput]) -> tuple[list[Novelty], np.ndarray] | None:
        """Each ticket's novelty and the factor its heads' confidences are tempered by; None
        for a model without an encoder."""
        if self.familiarity is None or self.encoder is None:
            return None
        similarity = self.familiarity.similarity(embeddings(inputs, self.encoder))
        scores = self.familiarity.ood_score(similarity)
        found = [
            Novelty(round(float(score), 6), round(float(sim), 6), bool(score >= self.ood_threshold))
            for score, sim in zip(scores, similarity, strict=True)
        ]
        return found, self.familiarity.temper(similarity)

    def analyse(
        self,
        tickets: Sequence[Ticket],
        annotate: Annotate | None = None,
        queues: Sequence[str] | None = None,
    ) -> Analysis:
        """Text processed once, features computed once, every head predicted, then the
        escalation signals. `annotate` runs on each result before the signals are taken (routing
        decides the queue); `queues` names each ticket's queue outright (recorded history)."""
        inputs = self.inputs(tickets)
        features = self.features(inputs)
        results = self.predict_inputs(inputs, features)
        if annotate is not None:
            results = [annotate(i, r) for i, r in zip(inputs, results, strict=True)]
        signals = self.escalator.signals(inputs, results, self, queues=queues, features=features)
        return Analysis(inputs, features, results, signals)

    def predict(self, tickets: Sequence[Ticket]) -> list[TriageResult]:
        return self.predict_inputs(self.inputs(tickets))

    def features(self, inputs: Sequence[TicketInput]) -> sp.csr_matrix:
        """The shared feature matrix every head reads."""
        return self._transform(inputs)

    def predict_inputs(
        self, inputs: Sequence[TicketInput], features: sp.csr_matrix | None = None
    ) -> list[TriageResult]:
        """Predict from already processed tickets. Callers that also need the processed text or
        the features (suggestions, escalation) compute them once and pass them in."""
        if not inputs:
            return []
        features = self.features(inputs) if features is None else features
        names, explainable = self.featurizer.feature_names_, self.featurizer.explainable_
        judged = self.novelty(inputs)
        novelty, temper = judged if judged is not None else ([None] * len(inputs), None)
        per_head = self._stack.predictions(features, names, explainable, temper)
        return [
            TriageResult(
                ticket_id=item.ticket.id,
                language=item.text.language,
                predictions={
                    name: _manual_if_unfamiliar(preds[i], novelty[i])
                    for name, preds in per_head.items()
                },
                model_version=self.version,
                novelty=novelty[i],
            )
            for i, item in enumerate(inputs)
        ]

    def escalation_risk(
        self,
        inputs: Sequence[TicketInput],
        extras: Sequence[dict[str, float]],
        features: sp.csr_matrix | None = None,
    ) -> np.ndarray | None:
        """Calibrated escalation probabilities, or None when the bundle has no escalation head."""
        if self.escalation_head is None or not inputs:
            return None
        features = self.features(inputs) if features is None else features
        return self.escalation_head.risk(features, extras)

    def _all_heads(self) -> dict[str, Head | EscalationHead]:
        extra = {} if self.escalation_head is None else {ESCALATION_HEAD: self.escalation_head}
        return {**self.heads, **extra}

    def info(self) -> ModelInfo:
        metrics = self.meta.get("metrics", {})
        return ModelInfo(
            name=str(self.meta["name"]),
            version=self.version,
            created_at=str(self.meta["created_at"]),
            heads=tuple(
                HeadInfo(
                    name,
                    head.labels,
                    {k: float(v) for k, v in metrics.get(name, {}).items() if _is_number(v)},
                )
                for name, head in self._all_heads().items()
            ),
            languages=tuple(self.text.languages),
            mlflow_run_id=str(self.meta.get("mlflow_run_id", "")),
            data_fingerprint=str(self.meta.get("data_fingerprint", "")),
        )


def _manual_if_unfamiliar(prediction: Prediction, novelty: Novelty | None) -> Prediction:
    """A ticket unlike anything the model learned from is left to a human, whatever its
    confidence (the policy's bands apply to the others)."""
    if novelty is None or not novelty.unfamiliar:
        return prediction
    return replace(prediction, band=Band.MANUAL)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
