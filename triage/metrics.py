"""Prometheus metrics (`TRIAGE_METRICS_PORT`): what the service does and how its traffic drifts.

Counters are incremented on the request threads (cheap: a dict lookup and an add under a lock);
what other parts already count (the shadow scorer's report, the model and policy in force, the
drift window) is read at scrape time by a collector instead of being counted twice.

One endpoint per process, each with its own registry: prometheus_client's multiprocess mode
cannot serve scrape-time collectors (shadow, drift, versions) or Info metrics, and needs a shared
directory wiped at each start. Several server processes each serve their own port; Prometheus
scrapes each as a target (its `instance` label tells them apart) and `sum by (...)` adds them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    start_http_server,
)
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    InfoMetricFamily,
    Metric,
)

from triage.domain import AnswerSuggestion, Ticket, TriageResult
from triage.drift import DriftMonitor
from triage.service import Predictor, TriageService
from triage.settings import Settings
from triage.shadow import ShadowScorer

log = logging.getLogger(__name__)
# No `*_created` series: they double every counter in a scrape and no dashboard here reads them.
disable_created_metrics()

NO_FLAG = "none"
"""The `flag` of an escalation decided on risk alone, with no flag raised."""


class Metrics:
    """Every triage_* metric of one server process, in its own registry."""

    def __init__(self, settings: Settings, service: TriageService) -> None:
        self.registry = CollectorRegistry()
        self.service = service
        self.shadow: ShadowScorer | None = None
        r = self.registry
        self.requests = Counter(
            "triage_requests",
            "RPCs finished, by method and status code",
            ["rpc", "code"],
            registry=r,
        )
        self.latency = Histogram(
            "triage_request_seconds",
            "RPC duration (a stream: open to close), by method and status code",
            ["rpc", "code"],
            registry=r,
        )
        self.stream_messages = Counter(
            "triage_stream_messages",
            "Responses sent on streaming RPCs (one per ticket), by method",
            ["rpc"],
            registry=r,
        )
        self.predictions = Counter(
            "triage_predictions",
            "Predictions served (Triage, TriageStream, SuggestAnswer), by head, label and band",
            ["head", "label", "band"],
            registry=r,
        )
        self.decisions = Counter(
            "triage_escalation_decisions",
            "Escalation decisions, by outcome",
            ["escalate"],
            registry=r,
        )
        self.escalations = Counter(
            "triage_escalations",
            "Escalated tickets by raised flag (one per flag; `none`: escalated on risk alone)",
            ["flag"],
            registry=r,
        )
        self.handovers = Counter(
            "triage_handovers",
            "SuggestAnswer hand-overs to a human, by reason",
            ["reason"],
            registry=r,
        )
        self.feedback_received = Counter(
            "triage_feedback", "Agents' labels received in feedback, by head", ["head"], registry=r
        )
        self.feedback_compared = Counter(
            "triage_feedback_compared",
            "Feedback labels whose served prediction is known, by head",
            ["head"],
            registry=r,
        )
        self.feedback_agreed = Counter(
            "triage_feedback_agreed",
            "Feedback labels equal to the served prediction, by head (live accuracy = "
            "agreed / compared)",
            ["head"],
            registry=r,
        )
        self.drift = DriftMonitor(
            settings.drift_window, settings.drift_min_tickets, settings.drift_psi_threshold
        )
        self.drift.reset(_meta(service.current_model()))
        service.on_model_change(lambda model: self.drift.reset(_meta(model)))
        service.observe(self.observe)
        service.on_answer(self.answer)
        r.register(_ScrapeTime(self))

    # --- on request threads: increments only ---

    def observe(self, tickets: Sequence[Ticket], results: Sequence[TriageResult]) -> None:
        """Every judged batch (TriageService.observe)."""
        for result in results:
            for head, p in result.predictions.items():
                self.predictions.labels(head, p.label, p.band.value).inc()
            escalation = result.escalation
            if escalation is None:
                continue
            self.decisions.labels(str(escalation.escalate).lower()).inc()
            if escalation.escalate:
                raised = [f.code for f in escalation.flags if f.raised] or [NO_FLAG]
                for flag in raised:
                    self.escalations.labels(flag).inc()
        self.drift.add(results)

    def answer(self, answer: AnswerSuggestion) -> None:
        """Every SuggestAnswer result (TriageService.on_answer)."""
        if answer.handover:
            self.handovers.labels(answer.handover_reason.value).inc()

    def feedback(
        self, head_labels_given: Mapping[str, str], served_labels: Mapping[str, str] | None
    ) -> None:
        """One acknowledged feedback record: the agent's label per head, and what was served
        for that ticket per head when known (None: not known, counted as received only)."""
        for head, label in head_labels_given.items():
            self.feedback_received.labels(head).inc()
            if served_labels is not None and head in served_labels:
                self.feedback_compared.labels(head).inc()
                if served_labels[head] == label:
                    self.feedback_agreed.labels(head).inc()

    def rpc_done(self, rpc: str, code: str, seconds: float) -> None:
        self.requests.labels(rpc, code).inc()
        self.latency.labels(rpc, code).observe(seconds)

    def stream_message(self, rpc: str) -> None:
        self.stream_messages.labels(rpc).inc()


def _meta(model: Predictor | None) -> Mapping[str, Any] | None:
    meta = getattr(model, "meta", None)  # TriageModel's meta.json; other predictors have none
    return meta if isinstance(meta, Mapping) else None


class _ScrapeTime:
    """Read at each scrape: model and policy versions, the drift window, the shadow's report."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Iterable[Metric]:
        service = self._metrics.service
        model = InfoMetricFamily("triage_model", "The model serving new requests")
        if service.model_version:
            model.add_metric([], {"version": service.model_version})
        yield model
        policy = InfoMetricFamily("triage_policy", "The escalation policy in force")
        policy.add_metric([], {"version": service.policy.version.version})
        yield policy
        yield from _drift(self._metrics.drift)
        if self._metrics.shadow is not None:
            yield from _shadow(self._metrics.shadow)


def _drift(monitor: DriftMonitor) -> Iterable[Metric]:
    state = monitor.state()
    yield GaugeMetricFamily(
        "triage_drift_reference",
        "1 when the served model has a drift reference (bundles trained before have none)",
        value=float(state.has_reference),
    )
    yield GaugeMetricFamily(
        "triage_drift_window_tickets",
        "Tickets in the drift window (TRIAGE_DRIFT_WINDOW at most)",
        value=state.tickets,
    )
    psi = GaugeMetricFamily(
        "triage_drift_psi",
        "Population stability index of the window against the training reference, by signal "
        "(label, confidence: per head; language: head empty); absent below "
        "TRIAGE_DRIFT_MIN_TICKETS or without a reference",
        labels=["signal", "head"],
    )
    for (signal, head), value in sorted(state.psi.items()):
        psi.add_metric([signal, head], value)
    yield psi


def _shadow(scorer: ShadowScorer) -> Iterable[Metric]:
    report = scorer.report()
    if report is None:
        return
    info = InfoMetricFamily("triage_shadow_model", "The shadow (challenger) model")
    info.add_metric([], {"version": report.model_version, "source": report.source})
    yield info
    for name, value, what in (
        ("scored", report.scored, "Tickets the shadow model judged"),
        ("dropped", report.dropped, "Tickets dropped: the shadow queue was full"),
        ("failed", report.failed, "Tickets whose shadow judgement failed"),
    ):
        yield CounterMetricFamily(f"triage_shadow_{name}", what, value=value)
    compared = CounterMetricFamily(
        "triage_shadow_compared",
        "Shadow answers compared with served ones, by head",
        labels=["head"],
    )
    agreed = CounterMetricFamily(
        "triage_shadow_agreed", "Shadow answers equal to the served ones, by head", labels=["head"]
    )
    for head in report.heads:
        compared.add_metric([head.head], head.compared)
        agreed.add_metric([head.head], head.agreed)
    yield compared
    yield agreed


class MetricsEndpoint:
    """`/metrics` over HTTP on settings.host, in a daemon thread."""

    def __init__(self, metrics: Metrics, host: str, port: int) -> None:
        self._server: WSGIServer
        self._server, self._thread = start_http_server(port, host, metrics.registry)
        self.port: int = self._server.server_port
        log.info("metrics on http://%s:%d/metrics", host, self.port)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
