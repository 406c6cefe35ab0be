"""The use cases, free of grpc: triage one ticket or many, describe the model, swap models."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from triage.batching import MicroBatcher
from triage.domain import (
    AnswerSuggestion,
    Article,
    AuthorRole,
    ModelInfo,
    ShadowReport,
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
from triage.model import Analysis, Annotate
from triage.model_source import ModelOrigin
from triage.settings import Settings
from triage.suggest import requests as suggest_requests
from triage.suggest.engine import ContentStatus, Suggester, load_suggester
from triage.text import TextPipeline
from triage.validation import validate_ticket


class Predictor(Protocol):
    """What the service needs of a loaded model (implemented by `triage.model.TriageModel`)."""

    @property
    def version(self) -> str: ...

    def analyse(
        self,
        tickets: Sequence[Ticket],
        annotate: Annotate | None = None,
        queues: Sequence[str] | None = None,
    ) -> Analysis: ...

    def info(self) -> ModelInfo: ...

    @property
    def text(self) -> TextPipeline: ...

    @property
    def escalator(self) -> Escalator: ...


Observer = Callable[[Sequence[Ticket], Sequence[TriageResult]], None]
"""Sees each judged batch (see TriageService.observe)."""


@dataclass(frozen=True)
class Served:
    """What new requests are served with, swapped as one reference: a request reads it once
    and finishes with that model and that suggester even if a reload swaps them meanwhile."""

    model: Predictor
    origin: ModelOrigin | None = None
    """Where the model came from (None: handed over in-process, as tests do)."""
    suggester: Suggester | None = None
    """Routing, macros and articles indexed with this model's text pipeline (None: no content)."""


class TriageService:
    def __init__(
        self,
        settings: Settings,
        model: Predictor | None = None,
        policy: ActivePolicy | None = None,
    ) -> None:
        """`policy`: the escalation policy in force (default: the settings' policy file; the
        app passes the policy store's current version)."""
        self.settings = settings
        self._served: Served | None = None if model is None else Served(model)
        self._swap_lock = threading.Lock()
        self._listeners: list[Callable[[Predictor], None]] = []
        self._observers: list[Observer] = []
        self._answer_observers: list[Callable[[AnswerSuggestion], None]] = []
        self.shadow_report: Callable[[], ShadowReport | None] = lambda: None
        """What GetModelInfo says of a shadow model (the app sets it when one runs)."""
        self._policy: ActivePolicy = policy or builtin_policy(settings.policy_file)
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        """Current time for SLA breach risk (tests replace it)."""
        # Concurrent calls are scored together (see triage.batching); one batcher per use case,
        # because Triage and SuggestAnswer annotate results differently.
        self._triage_batcher = MicroBatcher(self._triage_batch, settings.max_batch)
        self._answer_batcher = MicroBatcher(self._answer_batch, settings.max_batch)
        # One batch scored at a time, whoever brings it (a batcher's leader, a stream): threads
        # scoring side by side only contend for the GIL. 16 concurrent TriageStreams on one
        # process: 229-248 tickets/s with it against 147-208 without (4 s runs, alternating).
        self._scoring = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._served is not None

    @property
    def model_version(self) -> str:
        """Version of the model serving new requests; "" while none is loaded."""
        served = self._served
        return served.model.version if served is not None else ""

    def current_model(self) -> Predictor | None:
        served = self._served
        return served.model if served is not None else None

    @property
    def served(self) -> Served | None:
        """What new requests are served with; None while no model is loaded."""
        return self._served

    def on_model_change(self, listener: Callable[[Predictor], None]) -> None:
        """Call `listener(model)` after every `use_model` (the rpc layer keeps health in sync)."""
        self._listeners.append(listener)

    def observe(self, observer: Observer) -> None:
        """Call `observer(tickets, results)` after every Triage and SuggestAnswer judgement, on
        the request's thread: it must only hand the work off (e.g. to a bounded queue), never
        score there. The seam for scoring a second model off the response path."""
        self._observers.append(observer)

    def on_answer(self, observer: Callable[[AnswerSuggestion], None]) -> None:
        """Call `observer(answer)` after every SuggestAnswer, on the request's thread (cheap
        work only, as `observe`): metrics count hand-overs by reason."""
        self._answer_observers.append(observer)

    def use_model(
        self,
        model: Predictor,
        origin: ModelOrigin | None = None,
        suggester: Suggester | None = None,
    ) -> None:
        """Serve `model` (with `suggester`; None keeps the content in service) from the next
        request on; requests already running finish with the old one."""
        with self._swap_lock:
            if suggester is None and self._served is not None:
                suggester = self._served.suggester
            self._served = Served(model, origin, suggester)
        for listener in list(self._listeners):
            listener(model)

    def _serving(self) -> Served:
        served = self._served  # one read: a request uses one model even if a swap happens
        if served is None:
            raise ModelUnavailable("no model is loaded yet; try again shortly")
        return served

    def _current(self) -> Predictor:
        return self._serving().model

    def triage(self, ticket: Ticket) -> TriageResult:
        """One ticket, scored together with the others arriving meanwhile."""
        self._serving()
        validate_ticket(ticket, self.settings)
        return self._triage_batcher.submit(ticket)

    def triage_many(self, tickets: Sequence[Ticket]) -> list[TriageResult]:
        self._serving()
        for ticket in tickets:
            validate_ticket(ticket, self.settings)
        return self._triage_batch(tickets)

    def checked(self, ticket: Ticket) -> Ticket:
        """`ticket` once it is valid (InvalidTicket naming the field otherwise)."""
        validate_ticket(ticket, self.settings)
        return ticket

    def _triage_batch(self, tickets: Sequence[Ticket]) -> list[TriageResult]:
        served = self._serving()  # one read per batch: a batch is scored by one model
        model, suggester = served.model, served.suggester
        annotate = suggester.add_to if suggester else None
        with self._scoring:
            return self._judge(model, suggester, tickets, annotate)[1]

    def _judge(
        self,
        model: Predictor,
        suggester: Suggester | None,
        tickets: Sequence[Ticket],
        annotate: Annotate | None,
        observed: bool = True,
    ) -> tuple[list[TicketInput], list[TriageResult]]:
        """Predict, route (`annotate`), judge escalation under the policy in force, and route
        again where a consistency rule changed the tier routed by. Triage and SuggestAnswer both
        come through here, so they judge escalation the same way."""
        analysis: Analysis = model.analyse(tickets, annotate)
        active = self.policy  # one read per request
        results = model.escalator.apply(analysis.results, analysis.signals, active, self.clock())
        if suggester is not None:
            pairs = zip(analysis.inputs, results, strict=True)
            results = [suggester.reroute(i, r) for i, r in pairs]
        if observed:
            for observer in self._observers:
                observer(tickets, results)
        return analysis.inputs, results

    def judge_unobserved(self, model: Predictor, tickets: Sequence[Ticket]) -> list[TriageResult]:
        """`tickets` as `model` would judge them now, under the policy in force and routed by
        the serving content (when `model` shares the serving text pipeline: the content is
        indexed with it), seen by no observer: how a shadow model is scored."""
        served = self._served
        suggester = None
        if served is not None and served.suggester is not None and served.model.text is model.text:
            suggester = served.suggester
        annotate = suggester.route if suggester is not None else None
        return self._judge(model, suggester, tickets, annotate, observed=False)[1]

    # --- escalation policy (risk, flags, bands, consistency rules) ---

    @property
    def policy(self) -> ActivePolicy:
        """The escalation policy deciding new requests."""
        return self._policy

    def use_policy(self, active: ActivePolicy) -> None:
        """Decide from the next request on under `active` (one reference swap: requests already
        running finish under the policy they started with). An older stored version than the one
        in force is ignored: two concurrent SetPolicy calls may reach here out of order."""
        with self._swap_lock:
            current = self._policy
            if version_number(active.version.version) >= version_number(current.version.version):
                self._policy = active

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
        served = self._serving()
        info = replace(served.model.info(), shadow=self.shadow_report())
        origin = served.origin
        if origin is None:
            return info
        return replace(
            info,
            source=origin.source,
            registry_name=origin.registry_name,
            registry_version=origin.registry_version,
            registry_alias=origin.registry_alias,
        )

    # --- suggestions (routing, macros, knowledge base, chatbot answers) ---

    def build_content(self, model: Predictor) -> tuple[Suggester, ContentStatus]:
        """Load, validate and index settings.content_dir with `model`'s text pipeline
        (ContentError on any problem). Topics the model does not know are reported, not
        refused: content written for the default model still serves a custom one by language
        and words."""
        suggester = load_suggester(self.settings.content_dir, model.text)
        topic_labels = next((h.labels for h in model.info().heads if h.name == "topic"), ())
        return suggester, ContentStatus(
            suggester.summary, suggester.content.unknown_topics(topic_labels)
        )

    def reload_content(self) -> ContentStatus:
        """Re-read the content for the serving model and swap it in; on a ContentError the old
        content stays in service."""
        model = self._current()
        suggester, status = self.build_content(model)
        with self._swap_lock:
            served = self._served
            if served is not None and served.model is model:  # else a reload brought its own
                self._served = replace(served, suggester=suggester)
        return status

    def _current_suggester(self, served: Served) -> Suggester:
        if served.suggester is None:
            raise ModelUnavailable("no suggestion content is loaded yet; try again shortly")
        return served.suggester

    def search_articles(self, query: str, language: str = "", limit: int = 0) -> list[Article]:
        suggest_requests.validate_search(query, language, limit, self.settings)
        served = self._serving()
        model, suggester = served.model, self._current_suggester(served)
        processed = model.text.process([query], [language])[0]
        limit = limit or suggest_requests.DEFAULT_LIMIT
        return suggester.search(processed.lemmas, processed.language.code, limit)

    def suggest_answer(
        self, ticket: Ticket, conversation: Sequence[ThreadMessage] = ()
    ) -> AnswerSuggestion:
        """The chatbot's next move for the customer's latest message (`ticket`)."""
        validate_ticket(ticket, self.settings)
        suggest_requests.validate_conversation(conversation, self.settings)
        self._current_suggester(self._serving())
        suggester, item, result = self._answer_batcher.submit(ticket)
        customer_turns = [m.text for m in conversation if m.author_role is AuthorRole.CUSTOMER]
        answer = replace(
            suggester.answer(item, result, customer_turns),
            escalation=result.escalation,
            model_version=result.model_version,
            policy_version=result.policy_version,
        )
        for observer in self._answer_observers:
            observer(answer)
        return answer

    def _answer_batch(
        self, tickets: Sequence[Ticket]
    ) -> list[tuple[Suggester, TicketInput, TriageResult]]:
        """Judged as SuggestAnswer judges: routing only (no macros or articles to rank), since
        the queue is what escalation reads; each with the suggester that routed it."""
        served = self._serving()
        model, suggester = served.model, self._current_suggester(served)
        with self._scoring:
            inputs, results = self._judge(model, suggester, tickets, suggester.route)
        return [(suggester, i, r) for i, r in zip(inputs, results, strict=True)]
