"""One worker process of `triage serve --workers N` (its parent is triage.supervisor): the whole
app of a single-process `serve`, serving the model its supervisor loaded, bound with
SO_REUSEPORT to the port the supervisor holds, and linked to the supervisor by a pipe.

The link carries short messages, `KIND[ TEXT]`:
- worker -> supervisor: `serving` (the first model is loaded), `failed TEXT` (the first load
  failed, and why), `error TEXT` (the app could not start: a ConfigError's one line),
  `changed WHAT` (an admin call here changed the policy, the model or the content);
- supervisor -> worker: `policy`, `model` or `content`: redo a sibling's change here (re-read
  the policy store's current version, reload the model from its source, re-read the content).
  A redone change is not reported back, so news cannot echo between workers, and changes that
  arrive while one is being redone are merged (a burst of them is redone once).
A closed link means the supervisor is gone (even killed with SIGKILL): the worker drains its
calls and exits, so no orphan serves on."""

from __future__ import annotations

import logging
import os
import sys
import threading
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from triage.errors import ConfigError, TriageError
from triage.settings import Settings

if TYPE_CHECKING:
    from triage.app import App
    from triage.service import Served
    from triage.text import TextPipeline

log = logging.getLogger("triage.worker")

CHANGES = ("policy", "model", "content")
"""What the supervisor relays (triage.rpc.admin.AdminChange)."""
EXIT_ERROR = 2
"""Exit status of a worker whose app could not start (it sent `error TEXT` first)."""
EXIT_LOAD_FAILED = 3
"""Exit status of a worker whose first model load failed (it sent `failed TEXT` first)."""


class Relay:
    """The worker's end of the link to its supervisor."""

    def __init__(self, link: Connection) -> None:
        """Starts listening at once: the supervisor may go away while the model loads."""
        self._link = link
        self._send_lock = threading.Lock()
        self._state = threading.Condition()
        self._app: App | None = None
        self._pending: set[str] = set()
        self._loaded = threading.Event()
        threading.Thread(target=self._listen, name="supervisor-link", daemon=True).start()

    def send(self, kind: str, text: str = "") -> None:
        """Never raises: a supervisor that is gone is handled by `_listen`."""
        message = f"{kind} {text}" if text else kind
        with self._send_lock:
            try:
                self._link.send_bytes(message.encode("utf-8"))
            except OSError:
                pass

    def attach(self, app: App) -> None:
        """Report `app`'s first load, pass its admin changes on, redo the siblings' ones."""
        with self._state:
            self._app = app
        app.service.on_model_change(self._on_model)
        if app.service.ready:  # loaded by build_app (load_first)
            self._on_model(None)
        app.admin.on_change(lambda what: self.send("changed", what))
        threading.Thread(
            target=self._redo, args=(app,), name="sibling-changes", daemon=True
        ).start()

    def _on_model(self, _model: object) -> None:
        if not self._loaded.is_set():
            self._loaded.set()
            self.send("serving")

    def _listen(self) -> None:
        while True:
            try:
                what = self._link.recv_bytes().decode("utf-8")
            except (EOFError, OSError):
                break
            if what in CHANGES:
                with self._state:
                    self._pending.add(what)
                    self._state.notify()
        with self._state:
            app = self._app
        if app is None:  # nothing served yet: nothing to drain
            log.warning("supervisor gone before the server started; exiting")
            os._exit(0)
        log.warning("supervisor gone; draining and exiting")
        app.stop_event.set()

    def _redo(self, app: App) -> None:
        self._loaded.wait()  # the first load reads the current state anyway
        while True:
            with self._state:
                self._state.wait_for(lambda: bool(self._pending))
                changes = sorted(self._pending, key=CHANGES.index)
                self._pending.clear()
            for what in changes:
                log.info("redoing a sibling worker's %s change", what)
                try:
                    redo(app, what)
                except TriageError:  # logged where it failed; what serves here serves on
                    continue
                except Exception:  # never let this thread die silently
                    log.exception("redoing the %s change failed", what)


def redo(app: App, what: str) -> None:
    """What a sibling's admin call did, done here from the same shared sources."""
    if what == "policy":
        try:
            app.service.use_policy(app.policies.current())  # an older version is ignored
        except (TriageError, OSError) as exc:
            log.error("policy store %s unreadable, policy kept: %s", app.settings.policy_dir, exc)
    elif what == "model" and app.models is not None:
        app.models.reload()  # the same source: nothing is loaded if it is what serves here
    elif what == "content":
        app.reload_content()


def run(
    index: int,
    settings: Settings,
    metrics_port: int | None,
    load_first: bool,
    link: Connection,
    preloaded: Served | None = None,
    text: TextPipeline | None = None,
) -> None:
    """A worker's life (in the supervisor's forked process): serve until SIGTERM or the
    supervisor is gone; exit EXIT_LOAD_FAILED or EXIT_ERROR after telling it why.
    `load_first`: load the model before binding the port (a replacement: its siblings serve
    meanwhile); else bind first and answer health with NOT_SERVING while loading, as `serve`.
    `preloaded`: the supervisor's model, served instead of loading one; `text`: its text
    pipeline, which models loaded here share (see ModelManager)."""
    from triage.rpc.logs import configure_logging

    configure_logging(log_format=settings.log_format, worker=index)
    relay = Relay(link)
    log.info("worker started")
    from triage.app import build_app
    from triage.cli import one_blas_thread

    one_blas_thread()  # as `serve` does

    try:
        app = build_app(
            settings,
            metrics_port=metrics_port,
            load_first=load_first,
            preloaded=preloaded,
            text=text,
        )
    except ConfigError as exc:  # TLS files, the port, the policy file
        relay.send("error", str(exc))
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        if not load_first:
            raise
        relay.send("failed", str(exc))  # logged by first_load
        sys.exit(EXIT_LOAD_FAILED)
    if load_first and preloaded is not None:  # a replacement: the model poller may have moved on
        try:
            redo(app, "model")  # one resolve; loads only what the source points at now
        except TriageError:  # logged by the reload: the supervisor's model serves
            pass
    relay.attach(app)
    try:
        app.serve_forever(announce=False)
    except TriageError as exc:  # a ConfigError: the metrics port
        relay.send("error", str(exc))
        sys.exit(EXIT_ERROR)
    if app.failure is not None:  # logged by the app
        relay.send("failed", str(app.failure))
        sys.exit(EXIT_LOAD_FAILED)
