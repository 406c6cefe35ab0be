"""Transport and credentials over real servers: TLS, mutual TLS, the API token on every
TriageService RPC (health and reflection stay open), the CLI's client flags, clear start-up errors
for bad TLS settings, and no credential in any log line."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from tests.rpc.pki import Pki, make_pki
from triage.cli import main
from triage.domain import Ticket
from triage.errors import ConfigError
from triage.rpc.client import Connection, TriageClientError, model_info
from triage.rpc.server import SERVICE_NAME, build_server
from triage.service import Predictor, TriageService
from triage.settings import Settings
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

API_TOKEN = "api-7f3c9e1d5b2a"
ADMIN_TOKEN = "admin-4e8a2c6f0d1b"
WRONG_TOKENS = ("wrong-a9b8c7d6e5f4", API_TOKEN + "x", API_TOKEN[:-1])
CLI = [sys.executable, "-m", "triage.cli"]
SERVING = health_pb2.HealthCheckResponse.SERVING


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def tls_settings(pki: Pki, mutual: bool = False, **changes: object) -> Settings:
    values: dict[str, object] = {
        "tls_cert": str(pki.server_cert),
        "tls_key": str(pki.server_key),
        "tls_client_ca": str(pki.ca) if mutual else "",
    }
    return replace(SETTINGS, **{**values, **changes})  # type: ignore[arg-type]


def secure_channel(
    target: str, ca: Path, cert: Path | None = None, key: Path | None = None
) -> grpc.Channel:
    client = (key.read_bytes(), cert.read_bytes()) if cert and key else (None, None)
    return grpc.secure_channel(target, grpc.ssl_channel_credentials(ca.read_bytes(), *client))


def health(channel: grpc.Channel) -> int:
    request = health_pb2.HealthCheckRequest(service=SERVICE_NAME)
    return int(health_pb2_grpc.HealthStub(channel).Check(request, timeout=10).status)


def triage_once(channel: grpc.Channel, metadata: tuple[tuple[str, str], ...] = ()) -> str:
    request = pb.TriageRequest(ticket=make_ticket())
    reply = pb_grpc.TriageServiceStub(channel).Triage(request, timeout=10, metadata=metadata)
    return str(reply.ticket_id)


def failure(call: Callable[[], object]) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value.code(), info.value.details()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def tls_server(tiny_model: Predictor, pki: Pki) -> Iterator[str]:
    settings = tls_settings(pki)
    with running_server(TriageService(settings, tiny_model), settings) as target:
        yield target


@pytest.fixture(scope="module")
def mtls_server(tiny_model: Predictor, pki: Pki) -> Iterator[str]:
    settings = tls_settings(pki, mutual=True, api_token=API_TOKEN)
    with running_server(TriageService(settings, tiny_model), settings) as target:
        yield target


def test_tls_server_serves_triage_and_health(tls_server: str, pki: Pki) -> None:
    with secure_channel(tls_server, pki.ca) as channel:
        assert triage_once(channel) == "T-1"
        assert health(channel) == SERVING
    # The client module too, by the name in the certificate rather than the address.
    connection = Connection(tls_server, tls_ca=pki.ca, tls_server_name="triage.test")
    assert model_info(connection, timeout=10)["version"]


def test_plaintext_or_untrusting_clients_cannot_talk_to_a_tls_server(
    tls_server: str, pki: Pki
) -> None:
    with grpc.insecure_channel(tls_server) as channel:
        code, _ = failure(lambda: triage_once(channel))
        assert code is grpc.StatusCode.UNAVAILABLE
    with secure_channel(tls_server, pki.other_ca) as channel:  # does not trust our CA
        code, _ = failure(lambda: health(channel))
        assert code is grpc.StatusCode.UNAVAILABLE
    wrong_name = Connection(tls_server, tls_ca=pki.ca, tls_server_name="elsewhere.test")
    with pytest.raises(TriageClientError) as err:
        model_info(wrong_name, timeout=10)
    assert err.value.code == "UNAVAILABLE"


def test_mutual_tls_needs_a_client_certificate_from_the_configured_ca(
    mtls_server: str, pki: Pki
) -> None:
    auth = (("authorization", f"Bearer {API_TOKEN}"),)
    with secure_channel(mtls_server, pki.ca) as channel:  # no client certificate
        code, _ = failure(lambda: triage_once(channel, auth))
        assert code is grpc.StatusCode.UNAVAILABLE
    with secure_channel(mtls_server, pki.ca, pki.other_client_cert, pki.other_client_key) as ch:
        code, _ = failure(lambda: health(ch))
        assert code is grpc.StatusCode.UNAVAILABLE
    with secure_channel(mtls_server, pki.ca, pki.client_cert, pki.client_key) as channel:
        assert triage_once(channel, auth) == "T-1"
        assert health(channel) == SERVING  # health needs the certificate, not the token


# ---- API token: every TriageService RPC, over TLS, with both tokens set -------------------


@pytest.fixture(scope="module")
def token_server(tiny_model: Predictor, pki: Pki) -> Iterator[str]:
    settings = tls_settings(pki, api_token=API_TOKEN, admin_token=ADMIN_TOKEN)
    service = TriageService(settings, tiny_model)
    service.reload_content()  # SearchArticles and SuggestAnswer answer OK with the right token
    with running_server(service, settings) as target:
        yield target


@pytest.fixture(scope="module")
def token_channel(token_server: str, pki: Pki) -> Iterator[grpc.Channel]:
    with secure_channel(token_server, pki.ca) as channel:
        yield channel


def _stream(stub: pb_grpc.TriageServiceStub, metadata: tuple[tuple[str, str], ...]) -> object:
    requests = iter(
        [pb.TriageRequest(ticket=make_ticket()), pb.TriageRequest(ticket=make_ticket())]
    )
    return list(stub.TriageStream(requests, timeout=10, metadata=metadata))


RPCS: dict[str, Callable[[pb_grpc.TriageServiceStub, tuple[tuple[str, str], ...]], object]] = {
    "Triage": lambda s, m: s.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=10, metadata=m),
    "TriageStream": _stream,
    "SuggestAnswer": lambda s, m: s.SuggestAnswer(
        pb.SuggestAnswerRequest(text="How do I reset my password?"), timeout=10, metadata=m
    ),
    "SearchArticles": lambda s, m: s.SearchArticles(
        pb.SearchArticlesRequest(query="reset my password"), timeout=10, metadata=m
    ),
    "GetModelInfo": lambda s, m: s.GetModelInfo(pb.GetModelInfoRequest(), timeout=10, metadata=m),
}


@pytest.mark.parametrize("rpc", list(RPCS))
def test_api_token_on_every_triage_rpc_and_never_in_the_logs(
    rpc: str, token_channel: grpc.Channel, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    call, stub = RPCS[rpc], pb_grpc.TriageServiceStub(token_channel)

    for missing in ((), (("authorization", f"Basic {API_TOKEN}"),), (("authorization", "Bearer"),)):
        code, message = failure(lambda m=missing: call(stub, m))  # type: ignore[misc]
        assert code is grpc.StatusCode.UNAUTHENTICATED, rpc
        assert "'authorization: Bearer <token>'" in message
    for wrong in (*WRONG_TOKENS, ADMIN_TOKEN):  # the admin token is no API token
        code, message = failure(lambda w=wrong: call(stub, (("authorization", f"Bearer {w}"),)))  # type: ignore[misc]
        assert (code, message) == (grpc.StatusCode.PERMISSION_DENIED, "the API token is not valid")
    assert call(stub, (("authorization", f"Bearer {API_TOKEN}"),))
    assert call(stub, (("authorization", f"bearer  {API_TOKEN} "),))  # scheme case, spaces

    messages = [r.getMessage() for r in caplog.records]
    assert messages.count(f"{rpc} refused: UNAUTHENTICATED") == 3
    assert messages.count(f"{rpc} refused: PERMISSION_DENIED") == 4
    assert sum(m.startswith(f"{rpc} OK in ") for m in messages) == 2
    logged = caplog.text + "".join(str(r.__dict__) for r in caplog.records)
    for secret in (API_TOKEN, ADMIN_TOKEN, *WRONG_TOKENS):
        assert secret not in logged


def test_health_and_reflection_stay_open_and_admin_keeps_its_own_token(
    token_channel: grpc.Channel, caplog: pytest.LogCaptureFixture
) -> None:
    from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
        ProtoReflectionDescriptorDatabase,
    )

    caplog.set_level(logging.DEBUG)
    assert health(token_channel) == SERVING
    assert SERVICE_NAME in set(ProtoReflectionDescriptorDatabase(token_channel).get_services())
    admin = pb_grpc.AdminServiceStub(token_channel)
    code, _ = failure(lambda: admin.GetPolicy(pb.GetPolicyRequest(), timeout=10))
    assert code is grpc.StatusCode.UNAUTHENTICATED
    api_as_admin = (("authorization", f"Bearer {API_TOKEN}"),)
    code, message = failure(lambda: admin.GetPolicy(pb.GetPolicyRequest(), metadata=api_as_admin))
    assert (code, message) == (grpc.StatusCode.PERMISSION_DENIED, "the admin token is not valid")
    right = (("authorization", f"Bearer {ADMIN_TOKEN}"),)
    assert admin.GetPolicy(pb.GetPolicyRequest(), metadata=right, timeout=10).version.version
    # one interceptor checks both tokens, each refusal logged once without the token
    messages = [r.getMessage() for r in caplog.records]
    assert messages.count("GetPolicy refused: UNAUTHENTICATED") == 1
    assert messages.count("GetPolicy refused: PERMISSION_DENIED") == 1
    for secret in (API_TOKEN, ADMIN_TOKEN):
        assert secret not in caplog.text


# ---- bad TLS settings: a clear error naming the variable ----------------------------------


def _garbage(folder: Path) -> Path:
    path = folder / "garbage.pem"
    path.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    return path


def test_bad_tls_settings_name_the_variable(pki: Pki, tmp_path: Path) -> None:
    garbage = _garbage(tmp_path)
    half_set = [
        ({"TRIAGE_TLS_CERT": str(pki.server_cert)}, "TRIAGE_TLS_KEY: "),
        ({"TRIAGE_TLS_KEY": str(pki.server_key)}, "TRIAGE_TLS_CERT: "),
        ({"TRIAGE_TLS_CLIENT_CA": str(pki.ca)}, "TRIAGE_TLS_CLIENT_CA: mutual TLS needs TLS"),
        ({"TRIAGE_API_TOKEN": "two words"}, "TRIAGE_API_TOKEN: use printable ASCII"),
    ]
    for env, message in half_set:
        with pytest.raises(ValueError) as err:
            Settings.from_env(env)
        assert str(err.value).startswith(message)
    unusable = [
        ({"tls_cert": str(tmp_path / "none.crt")}, "TRIAGE_TLS_CERT: cannot read "),
        ({"tls_cert": str(garbage)}, "TRIAGE_TLS_CERT: "),
        ({"tls_key": str(garbage)}, "TRIAGE_TLS_KEY: "),
        ({"tls_key": str(pki.client_key)}, "TRIAGE_TLS_KEY: "),  # another certificate's key
        ({"tls_client_ca": str(garbage)}, "TRIAGE_TLS_CLIENT_CA: "),
        ({"tls_client_ca": str(tmp_path)}, "TRIAGE_TLS_CLIENT_CA: cannot read "),
    ]
    keys = {p.read_text() for p in (pki.server_key, pki.client_key)}
    for changes, message in unusable:
        settings = replace(tls_settings(pki, mutual=True), **changes)  # type: ignore[arg-type]
        with pytest.raises(ConfigError) as err:
            build_server(TriageService(settings), settings)
        assert str(err.value).startswith(message), str(err.value)
        assert "\n" not in str(err.value) and not any(k in str(err.value) for k in keys)


def test_an_encrypted_or_mismatched_key_is_refused_in_plain_words(pki: Pki, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pki.server_key.read_bytes(), None)
    encrypted = tmp_path / "encrypted.key"
    encrypted.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"passphrase"),
        )
    )
    for path, problem in (
        (encrypted, "is not an unencrypted PEM private key"),
        (pki.client_key, "is not the key of the TRIAGE_TLS_CERT certificate"),
    ):
        settings = tls_settings(pki, tls_key=str(path))
        with pytest.raises(ConfigError) as err:
            build_server(TriageService(settings), settings)
        assert str(err.value) == f"TRIAGE_TLS_KEY: {path} {problem}"


def test_triage_serve_prints_one_line_and_exits(pki: Pki, tmp_path: Path) -> None:
    missing = tmp_path / "none.crt"
    env = {"TRIAGE_TLS_CERT": str(missing), "TRIAGE_TLS_KEY": str(pki.server_key)}
    bundle = tmp_path / "bundle"  # passes serve's look at --model: the TLS files fail first
    bundle.mkdir()
    (bundle / "SHA256SUMS").touch()
    out = subprocess.run(
        [*CLI, "serve", "--port", "0", "--model", str(bundle)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert out.returncode == 2, out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert (
        last == f"triage serve: TRIAGE_TLS_CERT: cannot read {missing}: No such file or directory"
    )
    assert "Traceback" not in out.stderr


def test_settings_errors_are_one_cli_line(
    pki: Pki, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A half-set pair fails in Settings: the CLI turns that ValueError into one line too.
    monkeypatch.setenv("TRIAGE_TLS_CERT", str(pki.server_cert))
    monkeypatch.delenv("TRIAGE_TLS_KEY", raising=False)
    assert main(["info", "--target", "127.0.0.1:1"]) == 2
    assert capsys.readouterr().err == (
        "triage info: TRIAGE_TLS_KEY: TRIAGE_TLS_CERT and TRIAGE_TLS_KEY go together; "
        "TRIAGE_TLS_KEY is unset\n"
    )


def test_client_flags_that_cannot_work_are_named(pki: Pki, tmp_path: Path) -> None:
    cases = [
        (Connection("x:1", tls_cert=pki.client_cert), "--tls-cert and --tls-key go together"),
        (Connection("x:1", tls_server_name="a.test"), "--tls-server-name needs TLS"),
        (Connection("x:1", tls_ca=tmp_path / "none.pem"), "--tls-ca: cannot read "),
        (Connection("x:1", tls_ca=_garbage(tmp_path)), "--tls-ca: "),
        (
            Connection("x:1", tls_ca=pki.ca, tls_cert=pki.client_cert, tls_key=pki.server_key),
            "--tls-key: ",
        ),
    ]
    for connection, message in cases:
        with pytest.raises(ConfigError) as err:
            connection.channel()
        assert str(err.value).startswith(message)


# ---- the CLI's client flags against real TLS and mTLS servers ------------------------------


def test_cli_classify_and_info_over_tls_and_mtls(
    tls_server: str,
    mtls_server: str,
    pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("TRIAGE_API_TOKEN", raising=False)

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    ca = ("--tls-ca", str(pki.ca))
    client = ("--tls-cert", str(pki.client_cert), "--tls-key", str(pki.client_key))
    code, out, err = cli("info", "--target", tls_server, *ca)
    assert code == 0 and json.loads(out)["version"], err
    code, out, err = cli(
        "classify", "--target", mtls_server, *ca, *client, "--token", API_TOKEN,
        "--tls-server-name", "localhost", "--subject", "Refund", "I was charged twice.",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["topic"]["label"], err
    code, _, err = cli("info", "--target", mtls_server, *ca, *client, "--token", "nope-123")
    assert code == 2 and err.startswith("triage info: PERMISSION_DENIED: the API token is not")
    assert "nope-123" not in err
    for no_tls in ((*ca,), ("--timeout", "5")):  # no client certificate; plaintext
        code, _, err = cli("info", "--target", mtls_server, *no_tls)
        assert code == 2 and err.startswith("triage info: UNAVAILABLE: "), err
    code, _, err = cli("info", "--target", mtls_server, "--tls-cert", str(pki.client_cert))
    assert (code, err.strip()) == (2, "triage info: --tls-cert and --tls-key go together")
    monkeypatch.setenv("TRIAGE_API_TOKEN", API_TOKEN)  # the token's default
    code, out, err = cli("info", "--target", mtls_server, *ca, *client)
    assert code == 0 and json.loads(out)["version"], err


def test_client_module_sends_the_token(mtls_server: str, pki: Pki) -> None:
    base = Connection(mtls_server, tls_ca=pki.ca, tls_cert=pki.client_cert, tls_key=pki.client_key)
    with pytest.raises(TriageClientError) as err:
        model_info(base, timeout=10)
    assert err.value.code == "UNAUTHENTICATED"
    assert API_TOKEN not in repr(replace(base, token=API_TOKEN))
    assert model_info(replace(base, token=API_TOKEN), timeout=10)["version"]


def test_plaintext_default_still_needs_no_flags(server: tuple[str, TriageService]) -> None:
    assert model_info(server[0], timeout=10)["version"]
    ticket = Ticket(id="p-1", subject="Invoice", body="Charged twice.")
    from triage.rpc.client import classify

    assert classify(Connection(server[0]), ticket, timeout=10)["ticket_id"] == "p-1"


def test_start_up_line_names_the_mode_and_never_the_token(
    pki: Pki, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="triage.rpc.server")
    cases = [
        (replace(SETTINGS, api_token=API_TOKEN), "INFO", "transport: insecure; API token required"),
        (tls_settings(pki), "INFO", "transport: TLS; API token not required"),
        (tls_settings(pki, mutual=True), "INFO", "transport: mTLS; API token not required"),
        (
            replace(SETTINGS, host="0.0.0.0"),
            "WARNING",
            "transport: insecure (plaintext) on 0.0.0.0; API token not required",
        ),
    ]
    for settings, level, line in cases:
        caplog.clear()
        server, _ = build_server(TriageService(settings), settings)
        server.stop(None)
        transport = [r for r in caplog.records if r.getMessage().startswith("transport:")]
        assert [(r.levelname, r.getMessage()) for r in transport] == [(level, line)]
    assert API_TOKEN not in caplog.text
