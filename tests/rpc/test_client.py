"""The CLI's client: JSON-ready dicts, and clean errors with the status code name."""

from __future__ import annotations

import json
import re

import pytest

from triage.domain import Channel, Ticket
from triage.errors import ConfigError
from triage.rpc.client import Connection, TriageClientError, classify, model_info
from triage.service import Predictor, TriageService


def test_classify_returns_a_json_ready_dict(server: tuple[str, TriageService]) -> None:
    ticket = Ticket(
        id="cli-1", subject="Invoice", body="I was charged twice.", channel=Channel.EMAIL
    )
    answer = classify(server[0], ticket, timeout=5)
    json.dumps(answer)
    assert answer["ticket_id"] == "cli-1"
    assert {"label", "confidence", "alternatives", "evidence"} <= set(answer["topic"])
    assert set(answer["language"]) == {"code", "confidence"}


def test_model_info_returns_a_dict(
    server: tuple[str, TriageService], tiny_model: Predictor
) -> None:
    info = model_info(server[0], timeout=5)
    json.dumps(info)
    assert info["version"] == tiny_model.version
    assert info["created_at"].endswith("Z")


def test_errors_carry_the_code_name_and_details(server: tuple[str, TriageService]) -> None:
    with pytest.raises(TriageClientError) as err:
        classify(server[0], Ticket(id="cli-2"), timeout=5)
    assert err.value.code == "INVALID_ARGUMENT"
    assert err.value.details.startswith("ticket.subject: ")
    assert str(err.value).startswith("INVALID_ARGUMENT: ticket.subject: ")


def test_unreachable_server_is_unavailable() -> None:
    with pytest.raises(TriageClientError) as err:
        classify("127.0.0.1:1", Ticket(body="x"), timeout=2)
    assert err.value.code == "UNAVAILABLE"


@pytest.mark.parametrize("target", ["10.0.0.7:50051", "triage.example:443", "[2001:db8::1]:50051"])
def test_a_token_is_never_sent_in_clear_text_off_this_machine(target: str) -> None:
    with pytest.raises(
        ConfigError, match=rf"refusing to send the API token in clear text to {re.escape(target)}"
    ):
        Connection(target, token="s3cret").channel()


@pytest.mark.parametrize("target", ["127.0.0.1:50051", "localhost:50051", "[::1]:50051"])
def test_a_token_may_go_in_clear_text_to_this_machine(target: str) -> None:
    Connection(target, token="s3cret").channel().close()
