"""Durable storage of agents' corrections (SQLAlchemy Core: SQLite or PostgreSQL, no SQL built
from strings). A write returns only after its transaction is committed, which on SQLite means
fsynced to the WAL (`synchronous=FULL`): an acknowledged correction survives a crash."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from triage.errors import FeedbackStoreError
from triage.feedback import FeedbackRecord

log = logging.getLogger(__name__)

_META = sa.MetaData()
FEEDBACK = sa.Table(
    "feedback",
    _META,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    # SHA-256 of (ticket id, agent id, labels): the idempotency key.
    sa.Column("feedback_id", sa.String(64), nullable=False, unique=True),
    sa.Column("ticket_id", sa.String(256), nullable=False, index=True),
    sa.Column("agent_id", sa.String(256), nullable=False),
    sa.Column("labels", sa.JSON, nullable=False),  # head -> label, `escalated` as yes/no
    sa.Column("ticket", sa.JSON, nullable=False),  # a dataset row (records.row_to_ticket)
    sa.Column("model_version", sa.String(256), nullable=False),
    sa.Column("served", sa.JSON, nullable=True),  # what the model answered, when remembered
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("flags", sa.JSON, nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA synchronous=FULL")  # fsync the WAL on every commit
    cursor.execute("PRAGMA busy_timeout=10000")  # several server processes share one file
    cursor.close()


def create_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL + synchronous=FULL and their folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def safe_url(url: str) -> str:
    """`url` without its password (for logs and MLflow)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is reported elsewhere; never echo it
        return "(unparsable URL)"


class FeedbackStore:
    """Opened lazily (the first write or read creates the table), shared by request threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._open_lock = threading.Lock()
        # SQLite has one writer at a time anyway: queueing here beats spinning on busy_timeout.
        self._write_lock = threading.Lock()

    def _opened(self) -> Engine:
        with self._open_lock:
            if self._engine is None:
                try:
                    engine = create_engine(self.url)
                    _META.create_all(engine)
                except Exception as exc:
                    log.error("feedback store %s cannot be opened: %s", safe_url(self.url), exc)
                    raise FeedbackStoreError(
                        "the feedback store cannot be opened; see the server log"
                    ) from None
                self._engine = engine
            return self._engine

    def insert(self, record: FeedbackRecord) -> bool:
        """Store `record` unless its feedback_id is stored already; True when it was written.
        Returns after the commit."""
        engine = self._opened()
        values = {
            "feedback_id": record.feedback_id,
            "ticket_id": record.ticket_id,
            "agent_id": record.agent_id,
            "labels": record.labels,
            "ticket": record.ticket,
            "model_version": record.model_version,
            "served": record.served,
            "reason": record.reason,
            "flags": list(record.flags),
            "decided_at": record.decided_at,
            "received_at": record.received_at,
        }
        insert: Any
        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        statement = insert(FEEDBACK).values(**values).on_conflict_do_nothing()
        try:
            with self._write_lock, engine.begin() as connection:
                result = connection.execute(statement)
        except sa.exc.SQLAlchemyError as exc:
            log.error("feedback store write failed: %s", type(exc).__name__)
            raise FeedbackStoreError(
                "the feedback store cannot be written; see the server log"
            ) from None
        return bool(result.rowcount)

    def records(self) -> Iterator[FeedbackRecord]:
        """Every stored correction, oldest first (by decision time, then arrival)."""
        engine = self._opened()
        query = sa.select(FEEDBACK).order_by(FEEDBACK.c.decided_at, FEEDBACK.c.seq)
        with engine.connect() as connection:
            for row in connection.execute(query).mappings():
                yield FeedbackRecord(
                    feedback_id=row["feedback_id"],
                    ticket_id=row["ticket_id"],
                    agent_id=row["agent_id"],
                    labels=dict(row["labels"]),
                    ticket=dict(row["ticket"]),
                    model_version=row["model_version"],
                    reason=row["reason"],
                    flags=tuple(row["flags"]),
                    decided_at=_utc(row["decided_at"]),
                    received_at=_utc(row["received_at"]),
                    served=None if row["served"] is None else dict(row["served"]),
                )

    def close(self) -> None:
        with self._open_lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
