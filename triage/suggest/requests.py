"""Rules for suggestion requests (SearchArticles, SuggestAnswer), checked before any work."""

from __future__ import annotations

from collections.abc import Sequence

from triage.domain import SUPPORTED_LANGUAGES, ThreadMessage
from triage.errors import InvalidTicket
from triage.settings import Settings
from triage.validation import check_time

DEFAULT_LIMIT = 5
MAX_LIMIT = 50


def validate_search(query: str, language: str, limit: int, settings: Settings) -> None:
    if not query.strip():
        raise InvalidTicket("query", "must not be empty")
    size = len(query.encode("utf-8"))
    if size > settings.max_query_bytes:
        raise InvalidTicket(
            "query", f"is {size} bytes, over the limit of {settings.max_query_bytes} bytes"
        )
    code = language.strip().lower()
    if code and code not in SUPPORTED_LANGUAGES:
        raise InvalidTicket(
            "language", f"{language[:16]!r} is not one of {', '.join(SUPPORTED_LANGUAGES)}"
        )
    if not 0 <= limit <= MAX_LIMIT:
        raise InvalidTicket("limit", f"must be between 0 (default {DEFAULT_LIMIT}) and {MAX_LIMIT}")


def validate_conversation(conversation: Sequence[ThreadMessage], settings: Settings) -> None:
    if len(conversation) > settings.max_thread_messages:
        raise InvalidTicket(
            "conversation",
            f"has {len(conversation)} messages, over {settings.max_thread_messages}",
        )
    for i, message in enumerate(conversation):
        size = len(message.text.encode("utf-8"))
        if size > settings.max_body_bytes:
            raise InvalidTicket(
                f"conversation[{i}].text",
                f"is {size} bytes, over the limit of {settings.max_body_bytes} bytes",
            )
        check_time(f"conversation[{i}].sent_at", message.sent_at)
