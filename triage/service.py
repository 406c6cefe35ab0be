"""The use cases, free of grpc: triage one ticket or many, describe the model, swap models."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

import scipy.sparse as sp

from triage.domain import (
    AnswerSuggestion,
    Article,
    AuthorRole,
    ModelInfo,
    ThreadMessage,
    Ticket,
    TriageResult,
)
from triage.errors import InvalidTicket, ModelUnavailable
from triage.escalation.datasets import LabelledTicket
from triage.escalation.engine import Escalator
from triage.escalation.policy import (
    ActivePolicy,
    builtin_policy,
    candidate_policy,
    version_number,
)
from triage.escalation.simulate import SimulationReport, history_signals, simulate
from triage.features import TicketInput
from triage.settings import Settings
from triage.suggest import requests as suggest_requests
from triage.suggest.engine import ContentStatus, Suggester, load_suggester
from triage.text import TextPipeline
from triage.validation import validate_ticket


class Predictor(Protocol):
    """What the service needs of a loaded model (implemented by `triage.model.TriageModel`)."""

    @property
    def version(self) -> str: ...

    def inputs(self, tickets: Sequence[Ticket]) -> list[TicketInput]: ...

    def features(self, inputs: Sequence[TicketInput]) -> sp.csr_matrix: ...

    def predict_inputs(
        self, inputs: Sequence[TicketInput], features: sp.csr_matrix | None = None
    ) -> list[TriageResult]: ...

    def info(self) -> ModelInfo: ...

    @property
    def text(self) -> TextPipeline: ...

    @property
    def escalator(self) -> Escalator: ...


class TriageService:
    def __init__(self, settings: Settings, model: Predictor | None = None) -> None:
        self.settings = settings
        self._model = model
        self._swap_lock = threading.Lock()
        self._listeners: list[Callable[[Predictor], None]] = []
        self._suggester: Suggester | None = None
        self._policy: ActivePolicy | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        """Current time for SLA breach risk (tests replace it)."""

    @property
    def ready(self) -> bool:
        return self._model is not None

    @property
    def model_version(self) -> str:
        """Version of the model serving new requests; "" while none is loaded."""
        model = self._model
        return model.version if model is not None else ""

    def on_model_change(self, listener: Callable[[Predictor], None]) -> None:
        """Call `listener(model)` after every `use_model` (the rpc layer keeps health in sync)."""
        self._listeners.append(listener)

    def use_model(self, model: Predictor) -> None:
        """Serve `model` from the next request on; callers already running keep the old one."""
        with self._swap_lock:
            self._model = model
        for listener in list(self._listeners):
            listener(model)

    def _current(self) -> Predictor:
        model = self._model  # one read: a request uses one model even if a swap happens meanwhile
        if model is None:
            raise ModelUnavailable("no model is loaded yet; try again shortly")
        return model

    def triage(self, ticket: Ticket) -> TriageResult:
        return self.triage_many([ticket])[0]

    def triage_many(self, tickets: Sequence[Ticket]) -> list[TriageResult]:
        model = self._current()
        for ticket in tickets:
            validate_ticket(ticket, self.settings)
        inputs = model.inputs(tickets)  # language, normalised text, lemmas: once per ticket
        features = model.features(inputs)  # one vector per ticket, for every head
        results = model.predict_inputs(inputs, features)
        suggester = self._suggester  # one read, like the model
        if suggester is not None:
            results = [suggester.add_to(i, r) for i, r in zip(inputs, results, strict=True)]
        results = self._escalate(model, inputs, results, features)
        if suggester is not None:  # the policy's rules may have changed the tier routed by
            results = [suggester.reroute(i, r) for i, r in zip(inputs, results, strict=True)]
        return results

    # --- escalation policy (risk, flags, bands, consistency rules) ---

    @property
    def policy(self) -> ActivePolicy:
        """The escalation policy deciding new requests (the settings' file until one is set)."""
        active = self._policy
        if active is None:
            with self._swap_lock:
                if self._policy is None:
                    self._policy = builtin_policy(self.settings.policy_file)
                active = self._policy
        return active

    def use_policy(self, active: ActivePolicy) -> None:
        """Decide from the next request on under `active` (one reference swap: requests already
        running finish under the policy they started with). An older stored version than the one
        in force is ignored: two concurrent SetPolicy calls may reach here out of order."""
        with self._swap_lock:
            current = self._policy
            if current is None or version_number(active.version.version) >= version_number(
                current.version.version
            ):
                self._policy = active

    def _escalate(
        self,
        model: Predictor,
        inputs: Sequence[TicketInput],
        results: list[TriageResult],
        features: sp.csr_matrix,
    ) -> list[TriageResult]:
        active = self.policy  # one read per request
        escalator = model.escalator
        signals = escalator.signals(inputs, results, model, features=features)
        return escalator.apply(results, signals, active, self.clock())

    def simulate_policy(
        self, candidate_yaml: str, history: Sequence[LabelledTicket]
    ) -> SimulationReport:
        """What `candidate_yaml` (empty: the policy in force) would do on labelled history."""
        current = self.policy
        candidate = current
        if candidate_yaml.strip():
            candidate = candidate_policy(candidate_yaml)
        for i, item in enumerate(history):
            try:
                validate_ticket(item.ticket, self.settings)
            except InvalidTicket as exc:
                raise InvalidTicket(f"tickets[{i}].{exc.field}", exc.problem) from exc
        signals = history_signals(self._current(), history)
        return simulate(signals, [h.escalated for h in history], candidate, current)

    def model_info(self) -> ModelInfo:
        return self._current().info()

    # --- suggestions (routing, macros, knowledge base, chatbot answers) ---

    def reload_content(self, model: Predictor | None = None) -> ContentStatus:
        """Load, validate and index settings.content_dir with `model`'s text pipeline (default:
        the serving model), then swap it in; on a ContentError the old content stays in
        service. Topics the model does not know are reported, not refused: content written
        for the default model still serves a custom one by language and words."""
        model = model or self._current()
        suggester = load_suggester(self.settings.content_dir, model.text)
        topic_labels = next((h.labels for h in model.info().heads if h.name == "topic"), ())
        with self._swap_lock:
            self._suggester = suggester
        return ContentStatus(suggester.summary, suggester.content.unknown_topics(topic_labels))

    def _current_suggester(self) -> Suggester:
        suggester = self._suggester
        if suggester is None:
            raise ModelUnavailable("no suggestion content is loaded yet; try again shortly")
        return suggester

    def search_articles(self, query: str, language: str = "", limit: int = 0) -> list[Article]:
        suggest_requests.validate_search(query, language, limit, self.settings)
        model, suggester = self._current(), self._current_suggester()
        processed = model.text.process([query], [language])[0]
        limit = limit or suggest_requests.DEFAULT_LIMIT
        return suggester.search(processed.lemmas, processed.language.code, limit)

    def suggest_answer(
        self, ticket: Ticket, conversation: Sequence[ThreadMessage] = ()
    ) -> AnswerSuggestion:
        """The chatbot's next move for the customer's latest message (`ticket`)."""
        validate_ticket(ticket, self.settings)
        suggest_requests.validate_conversation(conversation, self.settings)
        model, suggester = self._current(), self._current_suggester()
        inputs = model.inputs([ticket])
        features = model.features(inputs)
        result = self._escalate(model, inputs, model.predict_inputs(inputs, features), features)[0]
        customer_turns = [m.text for m in conversation if m.author_role is AuthorRole.CUSTOMER]
        return suggester.answer(inputs[0], result, customer_turns)
