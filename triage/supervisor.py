"""The parent of `triage serve --workers N`: holds the port, loads the model once, forks N worker
processes (triage.worker) that each serve the whole app on it with SO_REUSEPORT, and keeps them
running.

- Forked after the load: the supervisor loads the model (and its suggestion content) before it
  starts any worker, and every worker serves those very objects, sharing their memory pages
  with the supervisor and its siblings until one writes to a page (copy on write; the load
  leaves them out of the garbage collector's sight, see triage.reload). So N workers start in
  one load, and each adds its private pages rather than a whole model. This parent
  never imports grpc (grpc allows no fork once a server or channel exists) and starts no
  Python thread; each worker starts its grpc server after the fork. Signals are handled from
  before the load (a SIGTERM meanwhile: nothing is forked, exit 0).
- A worker inherits the parent's descriptors: first thing, it closes the supervisor's ends of
  the links (its own too, or it would not see EOF when the supervisor dies), the signal
  wake-up socket and the port reservation, takes back the default SIGTERM and drops the
  supervisor's log handler for its own. Every model it loads later shares the supervisor's
  text pipeline (spaCy, lingua) when it reads the same languages.
- SIGTERM/SIGINT: every worker drains its calls (settings.grace_seconds) and exits; the parent
  returns 0 when all exited cleanly. SIGHUP: every worker re-reads the suggestion content.
- A worker that dies is logged (exit code or signal) and replaced after a back-off that grows
  while replacements keep dying young. A replacement serves the supervisor's model (checking
  the source once), or, once the model or the content changed, loads the current ones itself,
  before it binds the port, so no connection reaches it before it can answer; its siblings
  serve meanwhile. A first load that fails is a failure of the whole server, before any worker
  starts: `failure` says why. So is a worker's death before every worker has served (the
  others are stopped).
- An admin change in one worker (policy, model, content) is relayed to every other one, which
  redoes it from the same shared source (triage.worker describes the messages).
- Workers watch their link to the parent: killed with SIGKILL, it leaves no orphans serving."""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import signal
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Protocol

from triage import worker
from triage.errors import ConfigError
from triage.ports import PortReservation, address, check_port_free
from triage.settings import Settings

if TYPE_CHECKING:
    from triage.service import Served
    from triage.text import TextPipeline

log = logging.getLogger("triage.supervisor")

STOP_MARGIN = 10.0
"""Seconds past settings.grace_seconds a stopping worker may take before it is killed."""
FIRST_BACKOFF = 0.5
"""Seconds before a dead worker is replaced; doubled for every replacement that died young."""
MAX_BACKOFF = 30.0
STABLE_SECONDS = 60.0
"""A worker that lived this long died of something new: its replacement starts at once."""


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. a container's cpuset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count(requested: int) -> int:
    """settings.workers resolved: 0 means one per usable core."""
    return requested if requested > 0 else usable_cores()


@dataclass
class Worker:
    index: int
    process: BaseProcess | None = None
    link: Connection | None = None
    started: float = 0.0
    serving: bool = False
    last_words: str = ""
    """`failed TEXT` or `error TEXT`, sent just before it exited."""
    died_young: int = 0
    """Replacements in a row that died before STABLE_SECONDS."""
    restart_at: float | None = None


class Supervisor:
    def __init__(
        self, settings: Settings, count: int, hint: Callable[[int], str] | None = None
    ) -> None:
        """`hint(port)`: the line logged once every worker serves (the CLI's "try: ...")."""
        self.settings = settings
        self.hint = hint
        self.port = 0
        self.failure: str | None = None
        """Why the server failed before any worker served (the first model load, mostly)."""
        self._context = multiprocessing.get_context("fork")
        self._workers = [Worker(i) for i in range(count)]
        self._preloaded: Served | None = None
        """The model the supervisor loaded, which new workers serve; None once a worker changed
        the model or the content, or after a SIGHUP (a replacement then loads the current
        ones itself)."""
        self._text: TextPipeline | None = None
        """The first model's text pipeline, which every worker's loads share."""
        self._held: list[_Closable] = []
        """What a forked worker closes first: the wake-up socket, the port reservation."""
        self._worker_settings = settings
        self._served = False
        self._stopping = False
        self._deadline = math.inf
        self._clean = True
        self._error: str | None = None

    def run(self) -> int:
        """Serve until SIGTERM/SIGINT or a failure at start; 0 when every worker exited
        cleanly, else 1 (`failure` says why when none ever served). ConfigError when the port
        is in use (unless settings.reuse_port) or cannot be bound, when no escalation policy
        can be read, or when the workers could not start their servers (their one line)."""
        host, port = self.settings.host, self.settings.port
        if not self.settings.reuse_port:
            check_port_free(host, port)  # the port as a whole: a second server is refused
        reservation = PortReservation(host, port)
        try:
            self.port = reservation.port
            self._worker_settings = replace(self.settings, port=self.port, reuse_port=True)
            log.info(
                "listening on %s with %d workers", address(host, self.port), len(self._workers)
            )
            with _wake_on_signals() as wake:  # from the start: the load takes seconds
                if self._load():
                    self._held = [wake, reservation]
                    self._signalled(wake)  # what arrived during the load: SIGTERM starts nothing
                    if not self._stopping:
                        for one in self._workers:
                            self._start(one)
                    while not self._stopping or any(w.process is not None for w in self._workers):
                        self._step(wake)
        finally:
            for one in self._workers:  # only after an error of our own: stop them the hard way
                if one.process is not None:
                    one.process.kill()
                    one.process.join()
            reservation.close()
        if self._error is not None:
            raise ConfigError(self._error)
        return 0 if self._clean and self.failure is None else 1

    def _load(self) -> bool:
        """The model the workers will serve, loaded here once; False (with `failure` or
        `_error` set, as a worker's first load would) when it cannot be."""
        from triage.cli import one_blas_thread  # scikit-learn, spaCy: only when serving
        from triage.reload import load_once

        one_blas_thread()  # as each worker does: no BLAS thread pool busy at the fork
        try:
            self._preloaded = load_once(self._worker_settings)
        except ConfigError as exc:  # the escalation policy
            self._error = str(exc)
            return False
        except Exception as exc:  # logged by first_load
            self.failure = str(exc)
            return False
        self._text = self._preloaded.model.text
        return True

    def _start(self, one: Worker) -> None:
        ours, theirs = self._context.Pipe()
        metrics = self.settings.metrics_port + one.index if self.settings.metrics_port else None
        links = [ours, *(w.link for w in self._workers if w.link is not None)]
        run = partial(
            worker.run,
            one.index,
            self._worker_settings,
            metrics,
            self._served,  # a replacement has its model before it binds: siblings serve meanwhile
            theirs,
            self._preloaded,
            self._text,
        )
        process = self._context.Process(
            target=_forked_worker,
            args=([*links, *self._held], run),
            name=f"triage-worker-{one.index}",
        )
        with _ignored(signal.SIGINT, signal.SIGHUP):  # inherited until its server handles them
            process.start()
        theirs.close()
        one.process, one.link, one.started = process, ours, time.monotonic()
        one.serving, one.last_words, one.restart_at = False, "", None
        log.info("worker %d started (pid %s)", one.index, process.pid)

    def _step(self, wake: socket.socket) -> None:
        """Wait for a signal, a message, a worker's exit or the next timer, and handle it."""
        now = time.monotonic()
        timers = [w.restart_at for w in self._workers if w.restart_at is not None]
        timeout = max(0.0, min([*timers, self._deadline]) - now)
        links = {w.link: w for w in self._workers if w.link is not None}
        exits = {w.process.sentinel: w for w in self._workers if w.process is not None}
        ready = wait([wake, *links, *exits], None if math.isinf(timeout) else timeout)
        if wake in ready:
            self._signalled(wake)
        for link, one in links.items():
            if link in ready:
                self._read(one)
        for sentinel, one in exits.items():
            if sentinel in ready:
                self._exited(one)
        now = time.monotonic()
        for one in self._workers:
            if one.restart_at is not None and one.restart_at <= now:
                self._start(one)
        if now >= self._deadline:
            self._kill_stragglers()

    def _signalled(self, wake: socket.socket) -> None:
        try:
            signals = wake.recv(64)
        except BlockingIOError:
            return
        for number in signals:
            if number == signal.SIGHUP:
                log.info("received SIGHUP, every worker re-reads the suggestion content")
                self._preloaded = None  # its content is stale: replacements load their own
                self._tell(self._workers, "content")
            else:
                log.info("received %s, stopping the workers", signal.Signals(number).name)
                self._stop()

    def _read(self, one: Worker) -> None:
        """Every message the worker has sent."""
        while one.link is not None and one.link.poll():
            try:
                message = one.link.recv_bytes().decode("utf-8")
            except (EOFError, OSError):  # it is exiting; its exit is handled by its sentinel
                one.link.close()
                one.link = None
                return
            kind, _, text = message.partition(" ")
            if kind == "serving":
                self._serving(one)
            elif kind in ("failed", "error"):
                one.last_words = message
            elif kind == "changed" and text in worker.CHANGES:
                if text in ("model", "content"):
                    self._preloaded = None  # stale: replacements load the current state
                others = [w for w in self._workers if w is not one]
                log.info("worker %d changed the %s; relaying to the others", one.index, text)
                self._tell(others, text)

    def _tell(self, workers: list[Worker], what: str) -> None:
        for one in workers:
            if one.link is None:  # starting later: it reads the current state itself
                continue
            try:
                one.link.send_bytes(what.encode("utf-8"))
            except OSError:  # exiting: its replacement reads the current state itself
                pass

    def _serving(self, one: Worker) -> None:
        one.serving = True
        if self._served:
            log.info("worker %d serving", one.index)
            return
        if all(w.serving for w in self._workers):
            self._served = True
            log.info("%d workers serving", len(self._workers))
            if self.hint is not None:
                log.info("%s", self.hint(self.port))

    def _exited(self, one: Worker) -> None:
        process = one.process
        assert process is not None
        process.join()
        self._read(one)  # its last words, sent before it exited
        if one.link is not None:
            one.link.close()
        one.process, one.link, one.serving = None, None, False
        how = _how(process.exitcode)
        kind, _, text = one.last_words.partition(" ")
        now = time.monotonic()
        if self._stopping:
            clean = process.exitcode in (0, -signal.SIGTERM)  # SIGTERM'd before its handler
            self._clean = self._clean and clean
            (log.info if clean else log.error)("worker %d (pid %s) %s", one.index, process.pid, how)
            return
        if not self._served:  # at start: a failure, not a restart loop
            if kind == "error":
                self._error = text
            else:
                self.failure = text if kind == "failed" else f"worker {one.index} {how}"
            log.error("worker %d (pid %s) %s before serving; stopping", one.index, process.pid, how)
            self._stop()
            return
        one.died_young = one.died_young + 1 if now - one.started < STABLE_SECONDS else 0
        delay = min(MAX_BACKOFF, FIRST_BACKOFF * 2**one.died_young)
        why = f" ({kind}: {text})" if kind else ""
        log.error(
            "worker %d (pid %s) %s%s; replacing it in %.1f s",
            one.index,
            process.pid,
            how,
            why,
            delay,
        )
        one.restart_at = now + delay

    def _stop(self) -> None:
        """SIGTERM to every worker (again on a second signal); no more replacements."""
        if not self._stopping:
            self._stopping = True
            self._deadline = time.monotonic() + self.settings.grace_seconds + STOP_MARGIN
        for one in self._workers:
            one.restart_at = None
            if one.process is not None:
                one.process.terminate()

    def _kill_stragglers(self) -> None:
        for one in self._workers:
            if one.process is not None:
                log.error(
                    "worker %d (pid %s) did not stop in time; killing it",
                    one.index,
                    one.process.pid,
                )
                one.process.kill()
        self._deadline = math.inf


class _Closable(Protocol):
    def close(self) -> None: ...


def _forked_worker(inherited: list[_Closable], run: Callable[[], None]) -> None:
    """A worker's first steps after the fork, then `run()` (triage.worker.run): nothing of the
    supervisor's that would outlive it or act for it stays open (see the module's notes)."""
    wake_write = signal.set_wakeup_fd(-1)
    if wake_write != -1:
        os.close(wake_write)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for held in inherited:
        held.close()
    root = logging.getLogger()
    for handler in list(root.handlers):  # the supervisor's: worker.run sets up its own
        root.removeHandler(handler)
    run()


def _how(code: int | None) -> str:
    if code is not None and code < 0:
        return f"was killed by {signal.Signals(-code).name}"
    return f"exited with status {code}"


@contextmanager
def _wake_on_signals() -> Iterator[socket.socket]:
    """SIGTERM, SIGINT and SIGHUP arrive as their numbers on the yielded socket
    (signal.set_wakeup_fd), so they wake the supervisor's wait and are handled outside any
    signal handler. Main thread only."""
    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    previous_fd = signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
    wanted = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    previous = {sig: signal.signal(sig, lambda _s, _f: None) for sig in wanted}
    try:
        yield read
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(previous_fd)
        read.close()
        write.close()


@contextmanager
def _ignored(*signals: signal.Signals) -> Iterator[None]:
    """While a worker is forked: it inherits SIG_IGN, and Python keeps an ignored SIGINT
    ignored, so a Ctrl-C that reaches the whole process group cannot kill it half-started
    (its server installs its own handlers; the parent's SIGTERM stops it meanwhile)."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
