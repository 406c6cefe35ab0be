"""`triage list` and `triage call` against a real server: types come from its reflection only."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tests.rpc.conftest import SETTINGS, running_server
from triage.cli import main
from triage.service import Predictor, TriageService

TOKEN = "s3cret-admin"
TRIAGE = "triage.v1.TriageService/Triage"
TICKET = {"id": "T-1", "subject": "Invoice charged twice", "body": "Please refund one payment."}


@pytest.fixture(scope="module")
def target(tiny_model: Predictor, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    policy_dir = tmp_path_factory.mktemp("state") / "policy"
    settings = replace(SETTINGS, admin_token=TOKEN, policy_dir=policy_dir)
    with running_server(TriageService(settings, tiny_model), settings) as address:
        yield address


@pytest.fixture(autouse=True)
def no_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TRIAGE_API_TOKEN", "TRIAGE_ADMIN_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_service_and_its_methods(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "list", "--target", target)
    assert code == 0
    lines = out.splitlines()
    for service in ("triage.v1.TriageService", "triage.v1.AdminService", "grpc.health.v1.Health"):
        assert service in lines
    assert "  Triage (triage.v1.TriageRequest) returns (triage.v1.TriageResponse)" in lines
    assert (
        "  TriageStream (stream triage.v1.TriageRequest) returns (stream triage.v1.TriageResponse)"
        in lines
    )
    assert any(line.startswith("  GetPolicy (") for line in lines)


def test_call_triage_prints_the_response_with_proto_field_names(
    target: str, capsys: pytest.CaptureFixture[str], tiny_model: Predictor
) -> None:
    request = json.dumps({"ticket": {**TICKET, "language_hint": "en"}})
    code, out, _ = cli(capsys, "call", TRIAGE, request, "--target", target)
    assert code == 0
    response = json.loads(out)
    assert response["ticket_id"] == "T-1"
    assert response["topic"]["label"]
    assert response["model_version"] == tiny_model.version


def test_call_reads_stdin_and_the_leading_slash_form(
    target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"ticket": TICKET})))
    code, out, _ = cli(capsys, "call", f"/{TRIAGE}", "-", "--target", target)
    assert code == 0 and json.loads(out)["ticket_id"] == "T-1"


def test_call_any_service_the_server_reflects(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "call", "grpc.health.v1.Health/Check", "--target", target)
    assert code == 0 and json.loads(out) == {"status": "SERVING"}


def test_admin_calls_send_the_admin_token(
    target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    method = "triage.v1.AdminService/GetPolicy"
    code, out, _ = cli(capsys, "call", method, "--target", target, "--admin-token", TOKEN)
    assert code == 0
    policy = json.loads(out)
    assert policy["version"]["version"] and "thresholds" in policy["yaml"]
    for version in policy["history"]:  # a Timestamp built from reflection prints as RFC 3339
        assert version["created_at"].endswith("Z")
    monkeypatch.setenv("TRIAGE_ADMIN_TOKEN", TOKEN)  # the variable works as well as the flag
    code, out, _ = cli(capsys, "call", method, "--target", target)
    assert code == 0 and json.loads(out)["version"]["version"]
    monkeypatch.delenv("TRIAGE_ADMIN_TOKEN")
    code, out, err = cli(capsys, "call", method, "--target", target)
    assert code == 2 and out == ""
    assert err.startswith("triage call: UNAUTHENTICATED: ") and err.count("\n") == 1


@pytest.mark.parametrize("form", ["lines", "array"])
def test_a_stream_prints_one_json_per_line(
    target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    requests = [{"ticket": {**TICKET, "id": f"S-{i}"}} for i in (1, 2)]
    text = "\n".join(map(json.dumps, requests)) if form == "lines" else json.dumps(requests)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    method = "triage.v1.TriageService/TriageStream"
    code, out, _ = cli(capsys, "call", method, "-", "--target", target)
    assert code == 0
    assert [json.loads(line)["ticket_id"] for line in out.splitlines()] == ["S-1", "S-2"]


@pytest.mark.parametrize(
    ("method", "request_json", "message"),
    [
        (
            "triage.v1.TriageService/Nope",
            "{}",
            "unknown method Nope in triage.v1.TriageService; its methods: Triage, TriageStream",
        ),
        ("no.Such/Call", "{}", "unknown service no.Such; the server offers: grpc.health.v1"),
        ("Triage", "{}", "method 'Triage': expected SERVICE/METHOD"),
        (TRIAGE, '{"ticket": {"id": 1,}}', "bad JSON at line 1 column 21: Expecting property"),
        (TRIAGE, '{"ticket": {"id": "a"}}\n{"ticket": {}}', "2 JSON values for a method that"),
        (TRIAGE, '{"ticket": {"colour": "red"}}', 'has no field named "colour"'),
        (TRIAGE, "[1]", "expected a JSON object, got int"),
        (
            TRIAGE,
            '{"ticket": {"id": "x"}}',
            "INVALID_ARGUMENT: ticket.subject: a ticket needs a subject or a body",
        ),
    ],
)
def test_errors_are_one_line_and_exit_non_zero(
    target: str, capsys: pytest.CaptureFixture[str], method: str, request_json: str, message: str
) -> None:
    code, out, err = cli(capsys, "call", method, request_json, "--target", target)
    assert code == 2 and out == ""
    assert err.startswith("triage call: ") and err.count("\n") == 1
    assert message in err


def test_a_server_that_is_not_there_is_unavailable(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "list", "--target", "127.0.0.1:1", "--timeout", "5")
    assert code == 2 and err.startswith("triage list: UNAVAILABLE: ")
