"""Novelty over a real server: every Triage response says how unlike the training data the
ticket is; an unfamiliar one is left to a human (BAND_MANUAL) and SuggestAnswer hands it over
as OUT_OF_SCOPE."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import grpc

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from tests.suggest.conftest import copy_content
from triage.bundle import load_bundle
from triage.service import TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

HEADS = ("topic", "priority", "tier", "sentiment")


def test_triage_reports_novelty(stub: pb_grpc.TriageServiceStub) -> None:
    familiar = stub.Triage(pb.TriageRequest(ticket=make_ticket()))
    odd = stub.Triage(pb.TriageRequest(ticket=make_ticket(subject="", body="zqxv wuggle blorft")))
    assert familiar.HasField("novelty") and odd.HasField("novelty")
    assert 0.0 <= familiar.novelty.score < odd.novelty.score <= 1.0
    assert 0.0 < familiar.novelty.similarity <= 1.0 and not familiar.novelty.unfamiliar
    assert odd.novelty.unfamiliar and odd.novelty.similarity == 0.0
    for head in HEADS:
        assert getattr(odd, head).band == pb.BAND_MANUAL


def test_unfamiliar_question_is_handed_over_as_out_of_scope(
    tiny_model_dir: Path,
    text_pipeline,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """The same covered question is answered under the default threshold and handed over when
    the threshold calls everything unfamiliar."""
    content = copy_content(tmp_path / "data")
    question = pb.SuggestAnswerRequest(text="How do I reset my password? I forgot it")
    answers = {}
    for threshold in (0.99, 0.001):
        model = load_bundle(tiny_model_dir, text_pipeline, ood_threshold=threshold)
        service = TriageService(replace(SETTINGS, content_dir=content), model)
        service.reload_content()
        with running_server(service) as target, grpc.insecure_channel(target) as channel:
            answers[threshold] = pb_grpc.TriageServiceStub(channel).SuggestAnswer(question)
    assert not answers[0.99].handover and answers[0.99].source_id.startswith("password-reset")
    assert answers[0.001].handover
    assert answers[0.001].handover_reason == pb.HANDOVER_REASON_OUT_OF_SCOPE
