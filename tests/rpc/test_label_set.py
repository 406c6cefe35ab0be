"""Conformal label sets over a real server: the default model (tfidf_embed.v1) sends them."""

from __future__ import annotations

from tests.rpc.conftest import make_ticket
from triage.domain import HEADS, Prediction
from triage.rpc.converters import prediction_to_proto
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc


def test_label_sets_come_back_over_grpc(stub: pb_grpc.TriageServiceStub) -> None:
    response = stub.Triage(pb.TriageRequest(ticket=make_ticket()), timeout=5)
    for head in HEADS:
        prediction = getattr(response, head)
        assert prediction.label_set, head
        assert prediction.label_set[0] == prediction.label  # most probable first
        assert len(set(prediction.label_set)) == len(prediction.label_set)


def test_an_empty_set_converts_to_an_empty_field() -> None:
    assert list(prediction_to_proto(Prediction("a", 0.9)).label_set) == []
    both = prediction_to_proto(Prediction("a", 0.6, label_set=("a", "b")))
    assert list(both.label_set) == ["a", "b"]
