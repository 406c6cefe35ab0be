"""The escalation head: present when the data records `escalated`, calibrated maths pinned to
scikit-learn, single and batch equal, and the risk reaches every result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer

from triage.domain import ESCALATION_HEAD, Ticket
from triage.escalation.risk import escalation_extras
from triage.service import TriageService
from triage.settings import Settings

TICKETS = [
    Ticket(subject="Refund", body="I was charged twice, please refund me."),
    Ticket(body="My account was hacked and I will call my lawyer!", previous_contacts=3),
    Ticket(body="Ik wil mijn abonnement opzeggen.", language_hint="nl"),
]


def _extras(model, inputs):  # type: ignore[no-untyped-def]
    matches = model.escalator.flagger.match(
        [i.ticket for i in inputs], [i.text.language.code for i in inputs]
    )
    return [escalation_extras(i.ticket, m) for i, m in zip(inputs, matches, strict=True)]


def test_fast_risk_equals_the_calibrated_classifier(tiny_model, tiny_training) -> None:  # type: ignore[no-untyped-def]
    """The numpy path is pinned to the classifier of the head as trained; the head as stored in
    the bundle computes the very same risks."""
    head = tiny_training.model.escalation_head
    assert head is not None and ESCALATION_HEAD not in tiny_model.heads
    inputs = tiny_model.inputs(TICKETS)
    extras = _extras(tiny_model, inputs)
    features = tiny_model.featurizer.transform(inputs)
    # The classifier's input as training builds it: shared features, then the extras' columns.
    vectorizer = DictVectorizer()
    vectorizer.feature_names_ = head.extras
    vectorizer.vocabulary_ = {name: i for i, name in enumerate(head.extras)}
    filled = vectorizer.transform([head.complete(values) for values in extras])
    matrix = sp.hstack([features, filled], format="csr", dtype=np.float64)
    expected = head.classifier.predict_proba(matrix)[:, 1]
    assert list(head.classifier.classes_) == ["no", "yes"]
    np.testing.assert_allclose(head.risk(features, extras), expected, rtol=1e-9, atol=1e-12)
    stored = tiny_model.escalation_head
    assert stored.classifier is None
    np.testing.assert_array_equal(stored.risk(features, extras), head.risk(features, extras))


def test_single_and_batch_risk_are_equal(tiny_model) -> None:  # type: ignore[no-untyped-def]
    service = TriageService(Settings(), tiny_model)
    batch = [r.escalation.risk for r in service.triage_many(TICKETS)]
    single = [service.triage(t).escalation.risk for t in TICKETS]
    assert batch == single
    assert all(0.0 < r < 1.0 for r in batch)
    assert batch[1] > batch[0]  # legal threat, security incident, repeat contact


def test_model_info_lists_the_escalation_head(tiny_model) -> None:  # type: ignore[no-untyped-def]
    heads = {h.name: h for h in tiny_model.info().heads}
    assert heads[ESCALATION_HEAD].labels == ("no", "yes")
    assert 0.5 < heads[ESCALATION_HEAD].metrics["roc_auc"] <= 1.0


def test_unknown_sla_window_reads_as_a_typical_one(tiny_model) -> None:  # type: ignore[no-untyped-def]
    """Training data always has timestamps; a chatbot message has none. Its unknown window is
    filled with the training median, not read as a zero-hour (most urgent) window."""
    head = tiny_model.escalation_head
    assert head.sla_window_fill is not None and head.sla_window_fill > 0
    created = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    median = timedelta(hours=float(np.expm1(head.sla_window_fill)))
    text = "How do I reset my password? I forgot it"
    service = TriageService(Settings(), tiny_model)
    unknown, typical, immediate = (
        r.escalation.risk
        for r in service.triage_many(
            [
                Ticket(body=text),
                Ticket(body=text, created_at=created, sla_due_at=created + median),
                Ticket(body=text, created_at=created, sla_due_at=created),
            ]
        )
    )
    assert unknown == pytest.approx(typical, abs=1e-6) and typical < immediate
