"""Batching changes timing, never answers (issue 13): over a real server, a ticket triaged
alone, triaged among many concurrent calls (micro-batched), and sent in a TriageStream (scored
in the batches the client's tickets arrive in) gets the same response; so does SuggestAnswer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

import grpc
import pytest
from google.protobuf.message import Message

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from tests.suggest.conftest import copy_content
from triage.service import Predictor, TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

BODIES = [
    ("en", "My invoice for March was charged twice, please refund one payment."),
    ("en", "I cannot log in since the update, the password reset link is broken!!"),
    ("nl", "Mijn pakket is nog steeds niet aangekomen, waar blijft mijn bestelling?"),
    ("de", "Ich möchte mein Abonnement kündigen und mein Konto löschen."),
    ("fr", "Bonjour, la facture est fausse, on m'a facturé deux fois ce mois-ci."),
    ("ro", "Comanda mea nu a ajuns, vă rog să verificați livrarea urgent."),
    ("en", "THIS IS THE THIRD TIME I WRITE. Nobody answers and the app keeps crashing."),
    ("en", "Thanks a lot, the new dashboard works great for our team."),
]
TICKETS = [
    make_ticket(id=f"T-{i}", subject=f"case {i}", body=body, language_hint=lang if i % 2 else "")
    for i, (lang, body) in enumerate(BODIES * 3)
]


@pytest.fixture(scope="module")
def batching_server(
    tiny_model: Predictor, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[pb_grpc.TriageServiceStub, TriageService]]:
    content = copy_content(tmp_path_factory.mktemp("content") / "data")
    settings = replace(SETTINGS, content_dir=content, max_workers=len(TICKETS), max_batch=8)
    service = TriageService(settings, tiny_model)
    service.reload_content()
    with running_server(service, settings) as target, grpc.insecure_channel(target) as channel:
        yield pb_grpc.TriageServiceStub(channel), service


def concurrently(calls: list[Callable[[], Message]]) -> list[Message]:
    """Every call at once from its own thread; the responses in call order."""
    out: list[Message | None] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(i: int) -> None:
        start.wait()
        out[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(r is not None for r in out)
    return out  # type: ignore[return-value]


def alone(stub: pb_grpc.TriageServiceStub) -> list[pb.TriageResponse]:
    return [stub.Triage(pb.TriageRequest(ticket=t), timeout=30) for t in TICKETS]


def test_concurrent_triage_calls_are_batched_and_answer_as_alone(
    batching_server: tuple[pb_grpc.TriageServiceStub, TriageService],
) -> None:
    stub, service = batching_server
    expected = alone(stub)
    batcher = service._triage_batcher
    for _ in range(3):  # batches form from timing: a few rounds make one certain
        calls = [lambda t=t: stub.Triage(pb.TriageRequest(ticket=t), timeout=30) for t in TICKETS]
        assert concurrently(calls) == expected
    assert batcher.largest > 1, "no two concurrent calls were scored together"


def test_stream_answers_equal_unary_answers(
    batching_server: tuple[pb_grpc.TriageServiceStub, TriageService],
) -> None:
    stub, _ = batching_server
    requests = [pb.TriageRequest(ticket=t) for t in TICKETS]
    assert list(stub.TriageStream(iter(requests), timeout=30)) == alone(stub)


def test_concurrent_suggest_answer_calls_answer_as_alone(
    batching_server: tuple[pb_grpc.TriageServiceStub, TriageService],
) -> None:
    stub, service = batching_server
    requests = [pb.SuggestAnswerRequest(ticket=t) for t in TICKETS]
    expected = [stub.SuggestAnswer(r, timeout=30) for r in requests]
    for _ in range(3):
        calls = [lambda r=r: stub.SuggestAnswer(r, timeout=30) for r in requests]
        assert concurrently(calls) == expected
    assert service._answer_batcher.largest > 1
