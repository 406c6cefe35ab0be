"""Suggestions over a real server on port 0: Triage carries routing, macros and articles;
SearchArticles and SuggestAnswer, their errors and hand-overs; content reload."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import grpc
import pytest

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from tests.suggest.conftest import copy_content
from triage.errors import ContentError
from triage.service import Predictor, TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_content(tmp_path_factory.mktemp("content") / "data")


@pytest.fixture(scope="module")
def suggest_server(tiny_model: Predictor, content: Path) -> Iterator[tuple[str, TriageService]]:
    service = TriageService(replace(SETTINGS, content_dir=content), tiny_model)
    service.reload_content()
    with running_server(service) as target:
        yield target, service


@pytest.fixture(scope="module")
def stub(suggest_server: tuple[str, TriageService]) -> Iterator[pb_grpc.TriageServiceStub]:
    with grpc.insecure_channel(suggest_server[0]) as channel:
        yield pb_grpc.TriageServiceStub(channel)


def test_triage_carries_routing_macros_and_articles(stub: pb_grpc.TriageServiceStub) -> None:
    ticket = make_ticket(
        id="T-77",
        subject="Dubbel betaald",
        body="Hallo, ik ben twee keer afgeschreven voor bestelling ORD-48291. Graag geld terug.",
        language_hint="nl",
        customer=pb.Customer(id="C-1", name="Sanne de Vries"),
    )
    response = stub.Triage(pb.TriageRequest(ticket=ticket))
    assert response.routing and response.routing[0].reason
    assert [r.score for r in response.routing] == sorted(
        (r.score for r in response.routing), reverse=True
    )
    assert any("works in Dutch" in r.reason for r in response.routing)
    assert response.canned_responses and response.articles
    assert all(a.language == "nl" for a in response.articles)
    for macro in response.canned_responses:
        assert "{" not in macro.text and "}" not in macro.text
        assert "agent_name" in macro.missing_fields
    rendered = " ".join(m.text for m in response.canned_responses)
    assert "Sanne de Vries" in rendered


def test_routing_reasons_name_the_tier_the_response_carries(
    stub: pb_grpc.TriageServiceStub,
) -> None:
    # A security incident: the policy's rule lifts the tier to L3 after routing ran once.
    ticket = make_ticket(
        subject="Account hacked",
        body="Someone hacked my account and changed my password, unauthorized login from abroad.",
    )
    response = stub.Triage(pb.TriageRequest(ticket=ticket))
    rules = [r.rule for r in response.escalation.rules_applied]
    assert "security-incident-needs-l3" in rules and response.tier.label == "L3"
    tiers = [r.reason for r in response.routing if "tier" in r.reason]
    assert tiers and all("L3" in reason for reason in tiers), tiers
    assert not any("at tier L1" in r.reason or "at tier L2" in r.reason for r in response.routing)


def test_search_articles(stub: pb_grpc.TriageServiceStub) -> None:
    response = stub.SearchArticles(pb.SearchArticlesRequest(query="I forgot my password", limit=2))
    assert len(response.articles) <= 2
    assert response.articles[0].id == "password-reset.en"
    assert response.articles[0].url.startswith("https://") and response.articles[0].snippet
    fr = stub.SearchArticles(
        pb.SearchArticlesRequest(query="résilier mon abonnement", language="fr")
    )
    assert fr.articles[0].id == "cancel-subscription.fr" and not fr.articles[0].fallback


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (pb.SearchArticlesRequest(query=""), "query: must not be empty"),
        (pb.SearchArticlesRequest(query="   "), "query: must not be empty"),
        (pb.SearchArticlesRequest(query="refund " * 2000), "query: is 14000 bytes, over the limit"),
        (pb.SearchArticlesRequest(query="refund", limit=51), "limit: must be between 0"),
        (pb.SearchArticlesRequest(query="refund", language="xx"), "language: 'xx' is not one of"),
    ],
)
def test_search_articles_invalid(
    stub: pb_grpc.TriageServiceStub, request_: pb.SearchArticlesRequest, field: str
) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.SearchArticles(request_)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith(field)


def _answer(stub: pb_grpc.TriageServiceStub, text: str, *turns: str) -> pb.SuggestAnswerResponse:
    conversation = [
        pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text=turn) for turn in turns
    ]
    return stub.SuggestAnswer(pb.SuggestAnswerRequest(text=text, conversation=conversation))


def test_suggest_answer_answers_a_covered_question(stub: pb_grpc.TriageServiceStub) -> None:
    answer = _answer(stub, "How do I reset my password? I forgot it")
    assert not answer.handover and answer.handover_reason == pb.HANDOVER_REASON_UNSPECIFIED
    assert answer.source_id.startswith("password-reset") and answer.answer
    assert 0.5 <= answer.confidence <= 1.0 and answer.language == "en"
    ticket = make_ticket(subject="Paket", body="Wo ist mein Paket? Es ist nicht angekommen.")
    by_ticket = stub.SuggestAnswer(pb.SuggestAnswerRequest(ticket=ticket))
    assert not by_ticket.handover and by_ticket.source_id == "track-delivery.de"
    assert by_ticket.source == pb.ANSWER_SOURCE_ARTICLE and by_ticket.url


@pytest.mark.parametrize(
    ("text", "turns", "reason"),
    [
        ("I want to talk to a human", (), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("Ik wil een medewerker spreken", (), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("Vreau să vorbesc cu un operator", (), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("Ich möchte mit einem Mitarbeiter sprechen", (), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("Je veux parler à un conseiller", (), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("ok thanks", ("let me speak to a real person",), pb.HANDOVER_REASON_HUMAN_REQUESTED),
        ("xkqzv wplmt qqrzz", (), pb.HANDOVER_REASON_OUT_OF_SCOPE),
        ("what is the weather in paris tomorrow", (), pb.HANDOVER_REASON_OUT_OF_SCOPE),
    ],
)
def test_suggest_answer_hands_over(
    stub: pb_grpc.TriageServiceStub, text: str, turns: tuple[str, ...], reason: int
) -> None:
    answer = _answer(stub, text, *turns)
    assert answer.handover and answer.handover_reason == reason
    assert answer.answer == ""


def test_suggest_answer_hands_over_on_escalation_risk(stub: pb_grpc.TriageServiceStub) -> None:
    answer = _answer(stub, "Someone hacked my account and stole money, I will sue you")
    assert answer.handover and answer.handover_reason in (
        pb.HANDOVER_REASON_ESCALATION_RISK,
        pb.HANDOVER_REASON_NEGATIVE_SENTIMENT,
    )


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (pb.SuggestAnswerRequest(), "text: is required"),
        (pb.SuggestAnswerRequest(text=" "), "ticket.subject: a ticket needs"),
        (pb.SuggestAnswerRequest(text="x" * 3000), "ticket.body: is 3000 bytes"),
        (
            pb.SuggestAnswerRequest(text="hello", conversation=[pb.ThreadMessage(text="y" * 3000)]),
            "conversation[0].text: is 3000 bytes",
        ),
    ],
)
def test_suggest_answer_invalid(
    stub: pb_grpc.TriageServiceStub, request_: pb.SuggestAnswerRequest, field: str
) -> None:
    with pytest.raises(grpc.RpcError) as err:
        stub.SuggestAnswer(request_)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert err.value.details().startswith(field)


def test_without_content_suggestions_are_unavailable(tiny_model: Predictor) -> None:
    service = TriageService(SETTINGS, tiny_model)
    with running_server(service) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        assert not stub.Triage(pb.TriageRequest(ticket=make_ticket())).articles
        with pytest.raises(grpc.RpcError) as err:
            stub.SearchArticles(pb.SearchArticlesRequest(query="refund"))
        assert err.value.code() is grpc.StatusCode.UNAVAILABLE


def test_reload_picks_up_an_edit_and_a_broken_edit_keeps_the_old_content(
    tiny_model: Predictor, tmp_path: Path
) -> None:
    content = copy_content(tmp_path / "data")
    service = TriageService(replace(SETTINGS, content_dir=content), tiny_model)
    service.reload_content()
    with running_server(service) as target, grpc.insecure_channel(target) as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        query = pb.SearchArticlesRequest(query="gift card voucher balance")
        before = [a.id for a in stub.SearchArticles(query).articles]
        assert "gift-cards.en" not in before
        (content / "kb" / "en" / "gift-cards.md").write_text(
            "---\nid: gift-cards.en\ntitle: Gift cards and vouchers\nlanguage: en\n"
            "topics: [billing]\nurl: https://help.example.com/en/gift-cards\n---\n\n"
            "Check your gift card voucher balance under Account > Gift cards.\n",
            encoding="utf-8",
        )
        assert service.reload_content().summary.startswith("47 articles")
        assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"

        routing = content / "routing.yaml"
        routing.write_text(routing.read_text("utf-8").replace("[L1, L2]", "[L1, L9]", 1), "utf-8")
        with pytest.raises(ContentError, match=r"routing.yaml:\d+: queue 'billing'"):
            service.reload_content()
        assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"  # old content serves
        assert stub.Triage(pb.TriageRequest(ticket=make_ticket())).routing


def test_admin_reload_content_reports_unknown_topics_and_refuses_a_broken_edit(
    tiny_model: Predictor, tmp_path: Path
) -> None:
    content = copy_content(tmp_path / "data")
    settings = replace(SETTINGS, content_dir=content, admin_token="tok", policy_dir=tmp_path / "p")
    service = TriageService(settings, tiny_model)
    assert service.reload_content().unknown_topics == ()  # the shipped content fits the model
    auth = (("authorization", "Bearer tok"),)
    with running_server(service, settings) as target, grpc.insecure_channel(target) as channel:
        admin = pb_grpc.AdminServiceStub(channel)
        search = pb_grpc.TriageServiceStub(channel).SearchArticles
        query = pb.SearchArticlesRequest(query="warp drive calibration")
        (content / "kb" / "en" / "warp.md").write_text(
            "---\nid: warp.en\ntitle: Warp drive calibration\nlanguage: en\n"
            "topics: [warp_drive]\nurl: https://help.example.com/en/warp\n---\n\n"
            "Calibrate the warp drive before every jump.\n",
            encoding="utf-8",
        )
        with pytest.raises(grpc.RpcError) as err:
            admin.ReloadContent(pb.ReloadContentRequest())
        assert err.value.code() is grpc.StatusCode.UNAUTHENTICATED
        reply = admin.ReloadContent(pb.ReloadContentRequest(), metadata=auth)
        assert reply.summary.startswith("47 articles") and list(reply.unknown_topics) == [
            "warp_drive"
        ]
        assert search(query).articles[0].id == "warp.en"

        (content / "macros" / "en.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
        with pytest.raises(grpc.RpcError) as err:
            admin.ReloadContent(pb.ReloadContentRequest(), metadata=auth)
        assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION
        assert "en.yaml:" in (err.value.details() or "")
        assert search(query).articles[0].id == "warp.en"  # the previous content serves on
