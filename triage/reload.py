"""Loading the served model from its source, first at start and again on reload: resolve,
fetch, load (hashes and signature verified, warmed up), rebuild the suggester with the new text
pipeline, then swap one reference. Any failure before the swap leaves the old model serving."""

from __future__ import annotations

import gc
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from triage.bundle import META, load_bundle
from triage.errors import (
    BundleIntegrityError,
    ContentError,
    ReloadFailed,
    ReloadInProgress,
    TriageError,
)
from triage.escalation.policy import PolicyStore, initial_policy
from triage.model_source import ModelOrigin, ModelSource, model_source
from triage.service import Served, TriageService
from triage.settings import Settings
from triage.suggest.engine import ContentStatus
from triage.text import SUPPORTED_LANGUAGES, TextPipeline

log = logging.getLogger(__name__)
app_log = logging.getLogger("triage")
"""The logger `first_load` and `log_content` wrote to when they lived in triage.app."""


@dataclass(frozen=True)
class ReloadOutcome:
    changed: bool
    old_version: str
    new_version: str
    origin: ModelOrigin
    seconds: float
    """Resolve + fetch + load + warm-up + suggester, until the swap."""


class ModelManager:
    """Owns the served model's lifecycle for one TriageService. One load at a time: a reload
    asked for while another runs waits for it (then usually finds nothing changed), unless the
    caller passes `wait=False`, which raises ReloadInProgress instead."""

    def __init__(
        self,
        settings: Settings,
        service: TriageService,
        source: ModelSource,
        on_content: Callable[[ContentStatus, str], None] | None = None,
        text: TextPipeline | None = None,
        preloaded: Served | None = None,
    ) -> None:
        """`text`: a loaded pipeline loads may share while no model serves (tests; a forked
        worker: its supervisor's). `preloaded`: what the first load serves instead of loading
        (a forked worker: its supervisor's `load_once`)."""
        self.settings = settings
        self.service = service
        self.source = source
        self._on_content = on_content
        self._text = text
        self._preloaded = preloaded
        self._lock = threading.Lock()
        self.origin: ModelOrigin | None = None
        self.followers: list[Callable[[], None]] = []
        """Called after every reload, whatever its outcome (the shadow model follows its own
        source at the same moments)."""
        self.refused = ""
        """Identity of the last model refused by verification (the poller does not retry it)."""

    def load(self) -> ReloadOutcome:
        """The first load: errors propagate as they are (the caller stops the server)."""
        with self._lock:
            if self._preloaded is not None:
                return self._adopt(self._preloaded)
            return self._reload(force=True)

    def _adopt(self, served: Served) -> ReloadOutcome:
        assert served.origin is not None
        self._preloaded = None  # later loads read the source
        self.service.use_model(served.model, served.origin, served.suggester)
        self.origin = served.origin
        log.info(
            "model %s from %s in service (loaded before this worker forked)",
            served.model.version,
            served.origin.source,
        )
        return ReloadOutcome(True, "", served.model.version, served.origin, 0.0)

    def reload(self, wait: bool = True, retry_refused: bool = True) -> ReloadOutcome:
        """Re-resolve the source; load and swap in what it points at unless that is the model
        already serving (then `changed` is False and nothing is loaded). ReloadFailed naming
        the reason when it cannot be loaded or verified: the old model serves on. With
        `retry_refused` False (the poller), a model that failed verification last time is not
        tried again until the source points elsewhere: it would fail every interval."""
        if not self._lock.acquire(blocking=wait):
            raise ReloadInProgress("a model reload is already running; try again when it ends")
        try:
            return self._reload(force=False, retry_refused=retry_refused)
        except (TriageError, OSError) as exc:
            serving = self.service.model_version or "none"
            log.error(
                "model not reloaded from %s, %s serves on: %s",
                self.source.description,
                serving,
                exc,
            )
            raise ReloadFailed(
                f"model not reloaded from {self.source.description} ({exc}); "
                f"version {serving} serves on"
            ) from exc
        finally:
            self._lock.release()
            for follow in self.followers:
                follow()

    def _reload(self, force: bool, retry_refused: bool = True) -> ReloadOutcome:
        started = time.perf_counter()
        old_version = self.service.model_version
        origin = self.source.resolve()
        if not force and self.origin is not None and origin.identity == self.origin.identity:
            return ReloadOutcome(False, old_version, old_version, self.origin, 0.0)
        if not retry_refused and origin.identity == self.refused:
            return ReloadOutcome(False, old_version, old_version, self.origin or origin, 0.0)
        bundle = self.source.fetch(origin)
        log.info("loading model from %s", bundle)
        try:
            model = load_bundle(
                bundle,
                self._shared_text(bundle),
                coverage=self.settings.conformal_coverage,
                ood_threshold=self.settings.ood_threshold,
                key=self.settings.model_key,
            )
        except BundleIntegrityError:
            self.refused = origin.identity
            raise
        suggester = None
        try:  # suggestions are optional: the model serves on without them
            suggester, status = self.service.build_content(model)
            if self._on_content is not None:
                self._on_content(status, "loaded")
        except ContentError as exc:
            log.error("suggestion content not loaded: %s", exc)
        seconds = time.perf_counter() - started
        self.service.use_model(model, origin, suggester)
        self.origin = origin
        freeze_loaded()
        log.info("model %s from %s in service (%.2f s)", model.version, origin.source, seconds)
        return ReloadOutcome(True, old_version, model.version, origin, seconds)

    def _shared_text(self, bundle: Path) -> TextPipeline | None:
        """The serving model's text pipeline when the new bundle reads the same languages
        (loading spaCy and the language detector again costs seconds and memory); None lets
        load_bundle build one. meta.json is read unverified here, only to choose; load_bundle
        verifies it."""
        current = self.service.current_model()
        text = current.text if current is not None else self._text
        if text is None:
            return None
        try:
            meta = json.loads((bundle / META).read_text(encoding="utf-8"))
            languages = tuple(meta.get("languages") or SUPPORTED_LANGUAGES)
        except (OSError, ValueError, AttributeError):
            return None
        return text if languages == tuple(text.languages) else None


def freeze_loaded() -> None:
    """Everything alive now, the model just loaded above all, out of the cyclic garbage
    collector's sight (after one last collection, so no garbage is kept). A full collection
    scans every tracked object: with a model loaded that is 124 ms (fast builder), a stall of
    every request whenever one runs (the longest in-process call: 131 ms -> 9 ms). And in
    `serve --workers` a collection in a worker would write to every object it scans, copying
    pages it shares with its supervisor (a worker's own memory: 143 -> 62 MB). A model dropped
    later is still freed by reference counting: it holds no cycles (gc.collect() finds none
    once one is dropped)."""
    gc.collect()
    gc.freeze()


def log_content(status: ContentStatus, what: str) -> None:
    app_log.info("suggestion content %s: %s", what, status.summary)
    if status.unknown_topics:
        app_log.warning(
            "suggestion content names topics the model does not predict (never matched by "
            "topic): %s",
            ", ".join(status.unknown_topics),
        )


def first_load(models: ModelManager) -> None:
    """`models.load()`, a failure logged before it is raised (the caller stops serving)."""
    source = models.source.description
    try:
        models.load()
    except (TriageError, OSError) as exc:
        app_log.error("cannot load model from %s: %s", source, exc)
        raise
    except Exception as exc:  # anything else would leave a server that never serves
        app_log.exception("cannot load model from %s: %s", source, type(exc).__name__)
        raise


def load_once(settings: Settings) -> Served:
    """The first load of `serve --workers`, in the supervisor before it forks its workers: they
    serve these very objects, sharing their memory pages (until written: copy on write) instead
    of each loading its own copy. Fails as `first_load` does, or with ConfigError when no
    escalation policy can be read."""
    # The policy as the app reads it, so an unreadable one fails as it does there (ConfigError)
    policy = initial_policy(settings, PolicyStore(settings.policy_dir, settings.policy_file))
    service = TriageService(settings, policy=policy)
    first_load(ModelManager(settings, service, model_source(settings), log_content))
    served = service.served
    assert served is not None
    return served
