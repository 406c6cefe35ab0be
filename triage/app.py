"""The composition root of `triage serve`: settings -> model source, policy, service, servers,
health, model loading and reload. `cli.cmd_serve` parses arguments and calls `build_app`; tests
build the same app (with a model they trained) and talk to it on port 0."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from grpc_health.v1 import health

from triage.errors import ConfigError, ReloadInProgress, TriageError
from triage.escalation.policy import PolicyStore, initial_policy
from triage.feedback import FeedbackService
from triage.metrics import Metrics, MetricsEndpoint
from triage.model_source import ModelSource, model_source, source_for
from triage.reload import ModelManager, first_load, log_content
from triage.rpc.admin import AdminServicer
from triage.rpc.limits import Limiter
from triage.rpc.server import build_server, serve_forever
from triage.service import Predictor, Served, TriageService
from triage.settings import Settings
from triage.shadow import ShadowScorer
from triage.text import TextPipeline

if TYPE_CHECKING:
    from triage.feedback_store import FeedbackStore

log = logging.getLogger("triage")


class App:
    """Everything `serve` runs. Health says NOT_SERVING (and triage calls get UNAVAILABLE)
    until a model is loaded; `serve_forever` loads it in the background so health answers
    meanwhile."""

    def __init__(
        self,
        settings: Settings,
        service: TriageService,
        policies: PolicyStore,
        models: ModelManager | None,
        limiter: Limiter | None = None,
        shadow: ShadowScorer | None = None,
        feedback: FeedbackService | None = None,
        metrics: Metrics | None = None,
        metrics_port: int = 0,
    ) -> None:
        """`metrics`: served on `metrics_port` (0: a free one) from `start`/`serve_forever`."""
        self.settings = settings
        self.metrics = metrics
        self._metrics_port = metrics_port
        self._endpoint: MetricsEndpoint | None = None
        self.feedback = feedback
        self.shadow = shadow
        self.service = service
        self.policies = policies
        self.models = models
        self.health = health.HealthServicer()
        self.admin = AdminServicer(service, settings, policies, models)
        self.server, self.port = build_server(
            service,
            settings,
            policies,
            limiter,
            health_servicer=self.health,
            admin=self.admin,
            feedback=feedback,
            metrics=metrics,
        )
        self.stop_event = threading.Event()
        self._closing = threading.Event()  # ends the poller
        self.failure: BaseException | None = None
        """Why the first load failed (serve_forever then returns early)."""
        self.hint: Callable[[int], str] | None = None
        """The line logged once serving, given the port (the CLI's "try: ..." hint)."""

    @property
    def metrics_port(self) -> int:
        """The bound port of `/metrics`; 0 while it is not served."""
        return self._endpoint.port if self._endpoint is not None else 0

    def _start_metrics(self) -> None:
        """ConfigError when the port cannot be bound (before the gRPC server starts)."""
        if self.metrics is None or self._endpoint is not None:
            return
        try:
            self._endpoint = MetricsEndpoint(self.metrics, self.settings.host, self._metrics_port)
        except OSError as exc:
            raise ConfigError(
                f"cannot serve metrics on {self.settings.host}:{self._metrics_port} "
                f"(TRIAGE_METRICS_PORT): {exc.strerror or exc}"
            ) from None

    def _stop_metrics(self) -> None:
        if self._endpoint is not None:
            self._endpoint.stop()
            self._endpoint = None

    @property
    def target(self) -> str:
        return f"{self.settings.host}:{self.port}"

    def load(self) -> None:
        """Load the model from its source and serve it (blocking), unless build_app loaded it
        already. On failure, records it in `failure`, stops the server and re-raises."""
        if self.models is None or self.models.origin is not None:
            return
        try:
            first_load(self.models)
        except Exception as exc:
            self._fail(exc)
            raise

    def _fail(self, exc: BaseException) -> None:
        self.failure = exc
        self.stop_event.set()

    def _start_shadow(self) -> None:
        """After the served model: the shadow shares its text pipeline. A shadow that cannot
        be loaded is logged and tried again at the next reload; serving goes on without it."""
        if self.shadow is not None:
            self.shadow.refresh()
            self.shadow.start()

    def _load_in_background(self) -> None:
        try:
            self.load()
        except Exception:  # logged and recorded by load
            return
        self._start_shadow()
        log.info("escalation policy %s", self.service.policy.version.version)
        log.info("model %s loaded; serving", self.service.model_version)
        if self.hint is not None:
            log.info("%s", self.hint(self.port))
        self._start_polling()

    def _start_polling(self) -> None:
        every = self.settings.model_poll_seconds
        if self.models is None or every <= 0:
            return
        poller = threading.Thread(target=self._poll, args=(self.models, every), name="model-poll")
        poller.daemon = True
        poller.start()

    def _poll(self, models: ModelManager, every: float) -> None:
        """ReloadModel's path, every `every` seconds until stopped; a failure is logged (by
        ModelManager) and the model in service stays."""
        log.info("checking %s for a new model every %g s", models.source.description, every)
        while not self._closing.wait(every):
            try:
                models.reload(wait=False, retry_refused=False)
            except ReloadInProgress:  # a ReloadModel call is at it already
                continue
            except TriageError:  # logged with its reason; the old model serves on
                continue
            except Exception:  # never let the poller die silently
                log.exception("model poll failed")

    def reload_content(self) -> None:
        try:
            log_content(self.service.reload_content(), "reloaded")
        except TriageError as exc:
            log.error("suggestion content kept as it was: %s", exc)

    def start(self, wait_loaded: bool = False) -> None:
        """Start serving; the model loads in the background (see `load`), or first when
        `wait_loaded` (then a failed load raises and nothing is started)."""
        if wait_loaded and self.models is not None:
            self.load()
            self._start_metrics()
            self._start_shadow()
            self.server.start()
            self._start_polling()
            return
        self._start_metrics()
        self.server.start()
        self._spawn_loader()

    def _spawn_loader(self) -> None:
        if self.models is not None:
            loader = threading.Thread(target=self._load_in_background, name="model-loader")
            loader.daemon = True
            loader.start()

    def stop(self, grace: float | None = None) -> None:
        self._closing.set()
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()
        self._stop_metrics()
        if self.shadow is not None:
            self.shadow.stop()
        if self.feedback is not None:
            self.feedback.close()

    def serve_forever(self, announce: bool = True) -> None:
        """Serve until SIGTERM/SIGINT, `stop_event` or a failed first load, then drain and
        return. SIGHUP re-reads the suggestion content (data/kb, data/macros,
        data/routing.yaml). `announce`: log the listening address (a worker of
        `serve --workers` leaves that to its supervisor)."""
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGHUP"):
            signal.signal(
                signal.SIGHUP,
                lambda _s, _f: threading.Thread(target=self.reload_content, daemon=True).start(),
            )
        if announce:
            log.info("listening on %s:%d", self.settings.host, self.port)
        self._start_metrics()
        self._spawn_loader()
        try:
            serve_forever(self.server, self.settings, self.stop_event, self.health)
        finally:
            self._closing.set()
            self._stop_metrics()
            if self.shadow is not None:
                self.shadow.stop()


def build_app(
    settings: Settings,
    *,
    model: Predictor | None = None,
    source: ModelSource | None = None,
    limiter: Limiter | None = None,
    text: TextPipeline | None = None,
    metrics_port: int | None = None,
    load_first: bool = False,
    preloaded: Served | None = None,
) -> App:
    """The app for `settings`: the policy store's current version in force before anything is
    served; the model from `source` (default: the settings' model source), loaded by
    `App.serve_forever` / `App.load`, or `model` already loaded (tests), then no source.
    `text`: a loaded text pipeline for the first load to share (tests; later loads share the
    serving model's when the languages match).
    `metrics_port`: serve Prometheus metrics there (0: a free port, see App.metrics_port);
    default settings.metrics_port, where 0 means no metrics at all.
    `load_first`: load the model (raising as `first_load`) before the server is built, which
    binds the port: a worker of `serve --workers` replacing a dead one takes connections only
    once it can answer them (health is SERVING from the start).
    `preloaded`: what the first load serves instead of loading from the source (a worker of
    `serve --workers`, forked after its supervisor loaded the model)."""
    policies = PolicyStore(settings.policy_dir, settings.policy_file)
    service = TriageService(settings, model, initial_policy(settings, policies))
    port = settings.metrics_port if metrics_port is None else metrics_port
    metrics = None
    if metrics_port is not None or settings.metrics_port:
        metrics = Metrics(settings, service)  # before the first load: it sees its reference
    models = None
    if model is None:
        models = ModelManager(
            settings, service, source or model_source(settings), log_content, text, preloaded
        )
    shadow = None
    if settings.shadow_model:  # scored off the response path (see triage.shadow)
        shadow_source = source_for(settings.shadow_model, settings)
        shadow = ShadowScorer(settings, service, shadow_source, settings.shadow_queue)
        service.shadow_report = shadow.report
        if models is not None:
            models.followers.append(shadow.refresh)
        if metrics is not None:
            metrics.shadow = shadow
    feedback = feedback_service(settings, service)
    if metrics is not None:  # live accuracy: each stored correction against what was served
        feedback.on_feedback(lambda record, served: metrics.feedback(record.labels, served))
    if load_first and models is not None:
        first_load(models)
    return App(settings, service, policies, models, limiter, shadow, feedback, metrics, port)


def feedback_service(settings: Settings, service: TriageService) -> FeedbackService:
    """Corrections stored in settings.feedback_url (none: SubmitFeedback answers
    FAILED_PRECONDITION), checked against the serving model's labels, and a memory of the
    tickets served recently so a correction may name only the ticket id."""

    def known_labels() -> dict[str, tuple[str, ...]]:
        model = service.current_model()
        return {} if model is None else {h.name: h.labels for h in model.info().heads}

    def open_store() -> FeedbackStore:
        from triage.feedback_store import FeedbackStore  # SQLAlchemy, for this only

        return FeedbackStore(settings.feedback_url)

    opener = open_store if settings.feedback_url else None
    feedback = FeedbackService(settings, opener, known_labels)
    service.observe(feedback.served.observe)
    return feedback
