"""A shadow (challenger) model scored on live traffic off the response path. Every judged
batch is handed over through a bounded queue (full: the batch is dropped and counted, the
request never waits) to one worker thread, which judges it with the challenger as the service
would (same policy, same routing content) and counts agreement with the served answers per
head and the challenger's own label mix. Ops read it in GetModelInfo before promoting."""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter
from collections.abc import Sequence

from triage.bundle import load_bundle
from triage.domain import ShadowHead, ShadowReport, Ticket, TriageResult
from triage.errors import TriageError
from triage.model_source import ModelOrigin, ModelSource
from triage.reload import freeze_loaded
from triage.service import Predictor, TriageService
from triage.settings import Settings

log = logging.getLogger(__name__)

ESCALATED = "escalated"
"""The head name under which the escalation decisions are compared."""
_STOP = None


def _labels(result: TriageResult) -> dict[str, str]:
    labels = {name: p.label for name, p in result.predictions.items()}
    if result.escalation is not None:
        labels[ESCALATED] = str(result.escalation.escalate).lower()
    return labels


class ShadowScorer:
    def __init__(
        self, settings: Settings, service: TriageService, source: ModelSource, queue_size: int
    ) -> None:
        self.settings = settings
        self.service = service
        self.source = source
        self._queue: queue.Queue[tuple[list[Ticket], list[TriageResult]] | None] = queue.Queue(
            maxsize=queue_size
        )
        self._lock = threading.Lock()  # guards the counters and the model/origin pair
        self._model: Predictor | None = None
        self._origin: ModelOrigin | None = None
        self._reset()
        self._worker = threading.Thread(target=self._run, name="shadow", daemon=True)

    def _reset(self) -> None:
        self._scored = self._dropped = self._failed = 0
        self._compared: Counter[str] = Counter()
        self._agreed: Counter[str] = Counter()
        self._mix: dict[str, Counter[str]] = {}

    def load(self) -> bool:
        """Resolve the source and load what it points at, unless that is loaded already; the
        counts start again for a new model. True when a model was (re)loaded. Errors
        (TriageError, OSError) propagate: the caller logs them, the previous shadow stays."""
        origin = self.source.resolve()
        if self._origin is not None and origin.identity == self._origin.identity:
            return False
        served = self.service.current_model()
        text = served.text if served is not None else None
        model = load_bundle(
            self.source.fetch(origin),
            text,  # the serving pipeline: the routing content is indexed with it
            coverage=self.settings.conformal_coverage,
            ood_threshold=self.settings.ood_threshold,
            key=self.settings.model_key,
        )
        with self._lock:
            self._model, self._origin = model, origin
            self._reset()
        freeze_loaded()
        log.info("shadow model %s from %s", model.version, origin.source)
        return True

    def refresh(self) -> None:
        """`load`, logging a failure instead of raising (the poller and ReloadModel call it)."""
        try:
            self.load()
        except (TriageError, OSError) as exc:
            log.error("shadow model not reloaded from %s: %s", self.source.description, exc)

    def start(self) -> None:
        self.service.observe(self.observe)
        self._worker.start()

    def stop(self) -> None:
        try:
            self._queue.put_nowait(_STOP)
        except queue.Full:  # the worker is busy; it is a daemon and ends with the process
            return
        self._worker.join(timeout=5)

    def observe(self, tickets: Sequence[Ticket], results: Sequence[TriageResult]) -> None:
        """On the request's thread: hand over, never wait."""
        try:
            self._queue.put_nowait((list(tickets), list(results)))
        except queue.Full:
            with self._lock:
                self._dropped += len(tickets)

    def drain(self, timeout: float) -> bool:
        """Wait until every handed-over batch is judged (tests, benchmarks); False on timeout."""
        done = threading.Event()

        def wait() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                self._judge(*item)
            finally:
                self._queue.task_done()

    def _judge(self, tickets: list[Ticket], served: list[TriageResult]) -> None:
        with self._lock:
            model = self._model
        if model is None:
            return
        try:
            shadow = self.service.judge_unobserved(model, tickets)
        except Exception as exc:  # never let the worker die; the responses were not affected
            log.error("shadow judgement failed: %s", type(exc).__name__)
            with self._lock:
                self._failed += len(tickets)
            return
        with self._lock:
            if model is not self._model:  # reloaded meanwhile: these counts belong to the old one
                return
            self._scored += len(tickets)
            for ours, theirs in zip(served, shadow, strict=True):
                mine, other = _labels(ours), _labels(theirs)
                for head, label in other.items():
                    self._mix.setdefault(head, Counter())[label] += 1
                    if head in mine:
                        self._compared[head] += 1
                        self._agreed[head] += mine[head] == label

    def report(self) -> ShadowReport | None:
        with self._lock:
            model, origin = self._model, self._origin
            if model is None or origin is None:
                return None
            heads = tuple(
                ShadowHead(head, self._compared[head], self._agreed[head], dict(mix))
                for head, mix in self._mix.items()
            )
            return ShadowReport(
                source=origin.source,
                model_version=model.version,
                registry_name=origin.registry_name,
                registry_version=origin.registry_version,
                registry_alias=origin.registry_alias,
                scored=self._scored,
                dropped=self._dropped,
                failed=self._failed,
                heads=heads,
            )
