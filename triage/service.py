"""The use cases, free of grpc: triage one ticket or many, describe the model, swap models."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from triage.domain import ModelInfo, Ticket, TriageResult
from triage.errors import ModelUnavailable
from triage.features import TicketInput
from triage.settings import Settings
from triage.validation import validate_ticket


class Predictor(Protocol):
    """What the service needs of a loaded model (implemented by `triage.model.TriageModel`)."""

    @property
    def version(self) -> str: ...

    def inputs(self, tickets: Sequence[Ticket]) -> list[TicketInput]: ...

    def predict_inputs(self, inputs: Sequence[TicketInput]) -> list[TriageResult]: ...

    def info(self) -> ModelInfo: ...


class TriageService:
    def __init__(self, settings: Settings, model: Predictor | None = None) -> None:
        self.settings = settings
        self._model = model
        self._swap_lock = threading.Lock()
        self._listeners: list[Callable[[Predictor], None]] = []

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
        return model.predict_inputs(inputs)

    def model_info(self) -> ModelInfo:
        return self._current().info()
