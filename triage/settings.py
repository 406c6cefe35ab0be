"""The one settings object. Read from the environment (prefix TRIAGE_) in exactly one place,
`Settings.from_env`, then passed down; no other module reads the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from triage.domain import DEFAULT_COVERAGE, DEFAULT_OOD_THRESHOLD, check_coverage

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    """Interface the gRPC server binds to (TRIAGE_HOST)."""
    port: int = 50051
    """TCP port of the gRPC server; 0 picks a free one (TRIAGE_PORT)."""
    model_dir: Path = PROJECT_ROOT / "models" / "default"
    """Bundle directory served when none is given on the command line (TRIAGE_MODEL_DIR)."""
    max_workers: int = 32
    """Threads serving RPCs concurrently (TRIAGE_MAX_WORKERS). Concurrent Triage and
    SuggestAnswer calls wait for their batch (see max_batch) on these threads, so there are
    enough for the concurrency a busy helpdesk backend brings."""
    max_message_bytes: int = 1024 * 1024
    """Largest gRPC message the server accepts; bigger ones get RESOURCE_EXHAUSTED."""
    max_body_bytes: int = 64 * 1024
    """Largest ticket body, in UTF-8 bytes (TRIAGE_MAX_BODY_BYTES)."""
    max_subject_bytes: int = 1024
    """Largest ticket subject, in UTF-8 bytes."""
    max_id_bytes: int = 256
    """Largest ticket/customer id and other short string fields, in UTF-8 bytes."""
    max_tags: int = 64
    """Most free tags on one ticket."""
    max_thread_messages: int = 100
    """Most earlier messages in a ticket's thread."""
    max_count: int = 100_000
    """Upper bound for previous_contacts and reopen_count (anything higher is a client bug)."""
    content_dir: Path = PROJECT_ROOT / "data"
    """Suggestion content: kb/ (Markdown articles), macros/ (YAML) and routing.yaml
    (TRIAGE_CONTENT_DIR); re-read on SIGHUP."""
    max_query_bytes: int = 4096
    """Largest SearchArticles query, in UTF-8 bytes."""
    grace_seconds: float = 10.0
    """How long SIGTERM waits for in-flight calls before the server exits."""
    admin_token: str = field(default="", repr=False)  # a credential: kept out of repr()
    """Bearer token AdminService calls must present (TRIAGE_ADMIN_TOKEN); empty refuses every
    admin call with UNAUTHENTICATED. Plain triage calls never need it."""
    policy_file: Path = PROJECT_ROOT / "data" / "policy.yaml"
    """Default escalation policy: seeds the store's first version (TRIAGE_POLICY_FILE)."""
    policy_dir: Path = PROJECT_ROOT / "state" / "policy"
    """Versioned escalation policy store with its audit log (TRIAGE_POLICY_DIR)."""
    conformal_coverage: float = DEFAULT_COVERAGE
    """Coverage of every head's conformal label set (TRIAGE_CONFORMAL_COVERAGE), strictly
    between 0 and 1: the share of tickets whose true label the set should contain. Higher
    coverage means larger sets; heads trained without conformal calibration answer none."""
    ood_threshold: float = DEFAULT_OOD_THRESHOLD
    """Novelty score (TriageResponse.novelty.score, models with an encoder) from which a ticket
    counts as unfamiliar (TRIAGE_OOD_THRESHOLD): its predictions go to the manual band and
    SuggestAnswer hands it over as OUT_OF_SCOPE. 0.99 = less familiar than 99 % of training
    tickets; 1 turns it off."""
    # admin surface
    simulation_dir: str = ""
    """Directory SimulatePolicy may read `dataset_path` files from, relative to it
    (TRIAGE_SIMULATION_DIR); empty (the default) refuses every server-side dataset path."""
    simulation_max_bytes: int = 32 * 1024 * 1024
    """Largest dataset SimulatePolicy reads from simulation_dir, in bytes
    (TRIAGE_SIMULATION_MAX_BYTES); larger files get RESOURCE_EXHAUSTED before they are read."""
    # bundles
    model_key: str = field(default="", repr=False)
    """Secret for bundle signatures (TRIAGE_MODEL_KEY): `triage train` signs the bundles it
    writes (HMAC-SHA256 of SHA256SUMS, in SIGNATURE) and every load refuses a bundle that is
    unsigned or signed under another key. Empty: bundles are not signed and signatures are not
    checked (the hash list still is). Never logged."""
    # transport and credentials (issue 10)
    tls_cert: str = ""
    """PEM server certificate chain (TRIAGE_TLS_CERT); with tls_key it turns TLS on. Empty (the
    default): plaintext, for local development only."""
    tls_key: str = ""
    """PEM private key of tls_cert, unencrypted (TRIAGE_TLS_KEY)."""
    tls_client_ca: str = ""
    """PEM CA certificate(s) client certificates must chain to (TRIAGE_TLS_CLIENT_CA); set, the
    server requires a client certificate (mutual TLS). Needs tls_cert and tls_key."""
    api_token: str = field(default="", repr=False)  # a credential: kept out of repr()
    """Bearer token every TriageService call must present (TRIAGE_API_TOKEN); empty: triage calls
    are open. Health and reflection stay open either way; admin calls need admin_token."""
    # resources (issue 10)
    max_concurrent: int = 0
    """Most triage and admin calls in progress at once (TRIAGE_MAX_CONCURRENT; 0: max_workers);
    past it, and past half of it for streams, calls get RESOURCE_EXHAUSTED at once. Health
    checks are not counted and have threads of their own, so a server busy with triage calls
    still answers them; only a flood past grpc's outer bound on accepted calls (4 times the
    thread pool, health included) gets RESOURCE_EXHAUSTED for them too."""
    stream_idle_seconds: float = 30.0
    """A TriageStream whose client sends nothing for this long is ended with DEADLINE_EXCEEDED
    (TRIAGE_STREAM_IDLE_SECONDS), so idle streams cannot hold the server's threads."""
    max_stream_seconds: float = 300.0
    """Longest a stream may stay open, whatever its client does (TRIAGE_MAX_STREAM_SECONDS):
    past it the stream ends with DEADLINE_EXCEEDED, or is cancelled a few seconds later if it
    is stuck writing to a client that does not read. Must be > 0."""
    # personal data and logs
    log_format: str = "json"
    """Server log lines (TRIAGE_LOG_FORMAT): `json`, one object per line with request id, model
    and policy versions (default), or `text` for reading by eye."""
    # cli: exclusive port binding
    reuse_port: bool = False
    """Let several server processes share one port on purpose (TRIAGE_REUSE_PORT=1, SO_REUSEPORT;
    the kernel spreads connections over them). Off: a port already in use is an error."""
    # serving from the model registry, reload (issue 11 part 3)
    model_uri: str = ""
    """A registered model to serve instead of model_dir (TRIAGE_MODEL_URI): `models:/NAME@ALIAS`
    (follows the alias on reload) or `models:/NAME/VERSION`. The registry is the one
    MLFLOW_TRACKING_URI names."""
    model_cache_dir: Path = PROJECT_ROOT / "state" / "models"
    """Where registered bundles are downloaded to, one folder per name and version, reused when
    present (TRIAGE_MODEL_CACHE_DIR)."""
    model_poll_seconds: float = 0.0
    """Check the model source this often and reload when it points at another model, e.g. a
    moved alias (TRIAGE_MODEL_POLL_SECONDS); 0 (default) = off, reload with ReloadModel."""
    # shadow challenger (issue 11 part 4)
    shadow_model: str = ""
    """A second model scored on live traffic off the response path (TRIAGE_SHADOW_MODEL): a
    bundle directory or `models:/NAME@challenger`; empty = none. Re-resolved with the served
    model (ReloadModel, polling)."""
    shadow_queue: int = 64
    """Batches waiting for the shadow model at most (TRIAGE_SHADOW_QUEUE); more are dropped
    and counted, so the shadow never slows a response."""
    # feedback (issue 12)
    feedback_url: str = f"sqlite:///{PROJECT_ROOT / 'state' / 'feedback.db'}"
    """Where SubmitFeedback stores agents' corrections (TRIAGE_FEEDBACK_URL), a SQLAlchemy URL:
    `sqlite:///state/feedback.db` (a path relative to the working directory; WAL, synchronous
    FULL) or `postgresql+psycopg://user:pass@host/db` (the `postgres` extra). Empty: feedback
    is off (SubmitFeedback answers FAILED_PRECONDITION). Opened on the first correction."""
    feedback_keep_raw_text: bool = False
    """Store the ticket text and reason as sent (TRIAGE_FEEDBACK_KEEP_RAW_TEXT=1). Off (the
    default), e-mails, phones, IBANs, cards, secrets and the customer's name are masked before
    anything is written, as the features see them. On, the database holds personal data: its
    copies, backups and exports need the care of the helpdesk's own ticket store."""
    feedback_cache_size: int = 10_000
    """Recently triaged tickets remembered by id (TRIAGE_FEEDBACK_CACHE_SIZE), so feedback may
    send only the ticket id; the oldest is forgotten first. Held in memory only."""
    # metrics and drift (issue 12)
    metrics_port: int = 0
    """Port of the Prometheus endpoint `/metrics` on the server's host (TRIAGE_METRICS_PORT);
    0 (default) = off. One endpoint per server process."""
    drift_window: int = 1000
    """Drift is measured over the last this many judged tickets (TRIAGE_DRIFT_WINDOW)."""
    drift_min_tickets: int = 200
    """No drift is reported before the window holds this many tickets
    (TRIAGE_DRIFT_MIN_TICKETS, at most drift_window): fewer give noisy PSI values."""
    drift_psi_threshold: float = 0.2
    """PSI from which a drift signal is logged as a warning, once per crossing
    (TRIAGE_DRIFT_PSI_THRESHOLD, > 0)."""
    # throughput (issue 13)
    max_batch: int = 32
    """Most tickets scored in one pass (TRIAGE_MAX_BATCH, >= 1): concurrent Triage calls, and
    SuggestAnswer calls, are scored together (triage.batching), as are the tickets a
    TriageStream has already sent; 1 scores every ticket alone. Answers do not change."""
    # multi-process serving (issue 13)
    workers: int = 1
    """Server processes sharing the port (TRIAGE_WORKERS, `serve --workers`): 1 (the default)
    serves in the `serve` process itself; N > 1 starts N worker processes, each loading the
    model, under a supervising parent (triage.supervisor); 0 = one per usable core. What a
    process remembers (feedback ticket ids, metrics, the shadow model) is per worker."""
    # training time (issue 13)
    train_workers: int = 0
    """Processes `triage train` spreads text processing and head fitting over
    (TRIAGE_TRAIN_WORKERS); 0 (default) = one per core, 1 = all in the trainer's process (each
    worker holds a copy of what its fits need: fewer use less memory on large data)."""

    def __post_init__(self) -> None:
        try:
            check_coverage(self.conformal_coverage)
        except ValueError as exc:
            raise ValueError(f"TRIAGE_CONFORMAL_COVERAGE: {exc}") from None
        if not 0.0 < self.ood_threshold <= 1.0:
            raise ValueError(f"TRIAGE_OOD_THRESHOLD: must be in (0, 1], got {self.ood_threshold}")
        check_transport(self)
        if self.max_concurrent < 0:
            raise ValueError(f"TRIAGE_MAX_CONCURRENT: must be >= 0, got {self.max_concurrent}")
        if self.stream_idle_seconds <= 0:
            raise ValueError(
                f"TRIAGE_STREAM_IDLE_SECONDS: must be > 0, got {self.stream_idle_seconds}"
            )
        if self.max_stream_seconds <= 0:
            raise ValueError(
                f"TRIAGE_MAX_STREAM_SECONDS: must be > 0, got {self.max_stream_seconds:g}"
            )
        if self.shadow_queue < 1:
            raise ValueError(f"TRIAGE_SHADOW_QUEUE: must be >= 1, got {self.shadow_queue}")
        if self.model_poll_seconds < 0:
            raise ValueError(
                "TRIAGE_MODEL_POLL_SECONDS: must be >= 0 (0 = off), "
                f"got {self.model_poll_seconds:g}"
            )
        if self.feedback_cache_size < 0:
            raise ValueError(
                f"TRIAGE_FEEDBACK_CACHE_SIZE: must be >= 0, got {self.feedback_cache_size}"
            )
        if self.feedback_url and not self.feedback_url.startswith(("sqlite:", "postgresql")):
            raise ValueError(
                "TRIAGE_FEEDBACK_URL: expected sqlite:///PATH or postgresql+psycopg://..., "
                f"got a {self.feedback_url.partition(':')[0]!r} URL"
            )
        if self.log_format not in ("json", "text"):
            raise ValueError(f"TRIAGE_LOG_FORMAT: expected json or text, got {self.log_format!r}")
        check_metrics(self)
        if self.max_batch < 1:
            raise ValueError(f"TRIAGE_MAX_BATCH: must be >= 1, got {self.max_batch}")
        if self.workers < 0:
            raise ValueError(
                f"TRIAGE_WORKERS: must be >= 0 (0 = one per usable core), got {self.workers}"
            )
        if self.train_workers < 0:
            raise ValueError(
                f"TRIAGE_TRAIN_WORKERS: must be >= 0 (0 = one per core), got {self.train_workers}"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, overridden by TRIAGE_<FIELD> variables, overridden by explicit keywords
        (command-line flags). Unknown or malformed values raise ValueError naming the variable."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"TRIAGE_{f.name.upper()}")
            if raw is None:
                continue
            default = getattr(cls, f.name)
            try:
                values[f.name] = _flag(raw) if isinstance(default, bool) else type(default)(raw)
            except ValueError as exc:
                raise ValueError(f"TRIAGE_{f.name.upper()}: cannot read {raw!r}: {exc}") from exc
        settings = cls(**values)
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def _flag(raw: str) -> bool:
    """A boolean variable: bool("0") would be True."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("expected 1/true/yes/on or 0/false/no/off")


def check_transport(settings: Settings) -> None:
    """ValueError naming the variable for TLS settings that cannot work together, and for a
    token that metadata cannot carry. The files themselves are read when the server is built."""
    if bool(settings.tls_cert) != bool(settings.tls_key):
        unset = "TRIAGE_TLS_KEY" if settings.tls_cert else "TRIAGE_TLS_CERT"
        raise ValueError(
            f"{unset}: TRIAGE_TLS_CERT and TRIAGE_TLS_KEY go together; {unset} is unset"
        )
    if settings.tls_client_ca and not settings.tls_cert:
        raise ValueError(
            "TRIAGE_TLS_CLIENT_CA: mutual TLS needs TLS: set TRIAGE_TLS_CERT and TRIAGE_TLS_KEY too"
        )
    token = settings.api_token
    # What an `authorization` header can carry: printable ASCII, no spaces (never shown here).
    if token and not (token.isascii() and token.isprintable() and " " not in token):
        raise ValueError("TRIAGE_API_TOKEN: use printable ASCII without spaces")


def check_metrics(settings: Settings) -> None:
    """ValueError naming the variable for metrics and drift settings out of range."""
    if not 0 <= settings.metrics_port <= 65535:
        raise ValueError(
            f"TRIAGE_METRICS_PORT: must be 0 (off) to 65535, got {settings.metrics_port}"
        )
    if settings.drift_window < 1:
        raise ValueError(f"TRIAGE_DRIFT_WINDOW: must be >= 1, got {settings.drift_window}")
    if not 1 <= settings.drift_min_tickets <= settings.drift_window:
        raise ValueError(
            "TRIAGE_DRIFT_MIN_TICKETS: must be from 1 to TRIAGE_DRIFT_WINDOW "
            f"({settings.drift_window}), got {settings.drift_min_tickets}"
        )
    if settings.drift_psi_threshold <= 0:
        raise ValueError(
            f"TRIAGE_DRIFT_PSI_THRESHOLD: must be > 0, got {settings.drift_psi_threshold:g}"
        )
