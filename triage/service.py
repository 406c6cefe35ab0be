"""The use cases, free of grpc: triage one ticket or many, describe the model, swap models."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from triage.domain import (
    AnswerSuggestion,
    Article,
    AuthorRole,
    ModelInfo,
    ThreadMessage,
    Ticket,
    TriageResult,
)
from triage.errors import ModelUnavailable
from triage.features import TicketInput
from triage.settings import Settings
from triage.suggest import requests as suggest_requests
from triage.suggest.engine import Suggester, load_suggester
from triage.text import TextPipeline
from triage.validation import validate_ticket


class Predictor(Protocol):
    """What the service needs of a loaded model (implemented by `triage.model.TriageModel`)."""

    @property
    def version(self) -> str: ...

    def inputs(self, tickets: Sequence[Ticket]) -> list[TicketInput]: ...

    def predict_inputs(self, inputs: Sequence[TicketInput]) -> list[TriageResult]: ...

    def info(self) -> ModelInfo: ...

    @property
    def text(self) -> TextPipeline: ...


class TriageService:
    def __init__(self, settings: Settings, model: Predictor | None = None) -> None:
        self.settings = settings
        self._model = model
        self._swap_lock = threading.Lock()
        self._listeners: list[Callable[[Predictor], None]] = []
        self._suggester: Suggester | None = None

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
        results = model.predict_inputs(inputs)
        suggester = self._suggester  # one read, like the model
        if suggester is not None:
            results = [suggester.add_to(i, r) for i, r in zip(inputs, results, strict=True)]
        return results

    def model_info(self) -> ModelInfo:
        return self._current().info()

    # --- suggestions (routing, macros, knowledge base, chatbot answers) ---

    def reload_content(self, text: TextPipeline | None = None) -> str:
        """Load, validate and index settings.content_dir with `text` (default: the current
        model's text pipeline), then swap it in; on a ContentError the old content stays in
        service. Returns a summary."""
        suggester = load_suggester(self.settings.content_dir, text or self._current().text)
        with self._swap_lock:
            self._suggester = suggester
        return suggester.summary

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
        result = model.predict_inputs(inputs)[0]
        customer_turns = [m.text for m in conversation if m.author_role is AuthorRole.CUSTOMER]
        return suggester.answer(inputs[0], result, customer_turns)
