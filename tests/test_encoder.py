"""The shipped multilingual encoder (the real distilled table, not a stand-in) and the
familiarity judgement built on it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from training.dataset import load_dataset
from training.evaluation import evaluate
from triage.bundle import load_bundle
from triage.domain import Band, Ticket
from triage.encoder import DEFAULT_ENCODER, shared_encoder
from triage.errors import BundleIntegrityError
from triage.familiarity import Familiarity
from triage.text import TextPipeline


def _embed(text_pipeline: TextPipeline, texts: list[tuple[str, str]]) -> np.ndarray:
    processed = text_pipeline.process([t for _, t in texts], [code for code, _ in texts])
    return shared_encoder(DEFAULT_ENCODER).encode([p.lemmas for p in processed])


def test_encoder_is_shared_and_normalised(text_pipeline: TextPipeline) -> None:
    encoder = shared_encoder(DEFAULT_ENCODER)
    assert shared_encoder(DEFAULT_ENCODER) is encoder  # loaded once per process
    assert len(encoder) > 30_000 and encoder.dim == 256
    vectors = _embed(text_pipeline, [("en", "My parcel never arrived"), ("en", "qqq zzzx")])
    assert vectors.dtype == np.float32
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()  # no known word: the zero vector, not noise
    assert len(encoder.rows(("qqq", "zzzx", "parcel"))) == 1  # only known lemmas count


def test_encoder_places_meaning_before_wording(text_pipeline: TextPipeline) -> None:
    """Texts that share no word but mean the same are closer than texts about other things:
    what TF-IDF features cannot do."""
    refund, money_back, hours, password = _embed(
        text_pipeline,
        [
            ("en", "I want a refund for the broken headphones"),
            ("en", "please return my money, the earphones are damaged"),
            ("en", "what time do your stores open on sunday"),
            ("en", "I forgot my password and cannot log in"),
        ],
    )
    assert refund @ money_back > refund @ hours
    assert refund @ money_back > refund @ password


def test_unknown_encoder_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=DEFAULT_ENCODER):
        shared_encoder("no-such-encoder")


def _cluster(rng: np.random.Generator, centre: np.ndarray, n: int, spread: float) -> np.ndarray:
    points = centre + spread * rng.normal(size=(n, centre.size))
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_familiarity_scores_far_points_as_novel() -> None:
    rng = np.random.default_rng(0)
    centre = np.eye(16)[0]
    familiarity = Familiarity(max_reference=300, max_calibration=300).fit(
        _cluster(rng, centre, 600, 0.1)
    )
    near = _cluster(rng, centre, 200, 0.1)
    far = _cluster(rng, np.eye(16)[1], 50, 0.1)
    near_sim, far_sim = familiarity.similarity(near), familiarity.similarity(far)
    near_ood, far_ood = familiarity.ood_score(near_sim), familiarity.ood_score(far_sim)
    # a conformal p-value: about 10 % of exchangeable points score above 0.9
    assert 0.02 < np.mean(near_ood >= 0.9) < 0.25
    assert np.all(far_ood > 0.99)
    assert np.all(familiarity.temper(far_sim) < familiarity.temper(near_sim).min())
    assert np.all(familiarity.temper(near_sim) <= 1.0)
    zero = familiarity.similarity(np.zeros((1, 16), dtype=np.float32))
    assert zero[0] == 0.0 and familiarity.ood_score(zero)[0] > 0.99


def test_model_reports_novelty_and_tempers_the_unfamiliar(tiny_model) -> None:  # type: ignore[no-untyped-def]
    typical = Ticket(
        id="a",
        subject="Refund",
        body="Hello, I returned the headphones two weeks ago and still have no refund. "
        "Can you check order ORD-123456?",
    )
    odd = Ticket(id="b", body="Photosynthesis converts light into chemical energy in leaves.")
    gibberish = Ticket(id="c", body="xqzv blorf wuggle zzzt")
    results = tiny_model.predict([typical, odd, gibberish])
    scores = [r.novelty.score for r in results]
    assert scores[0] < scores[1] and scores[0] < scores[2]
    assert results[2].novelty.unfamiliar and results[2].novelty.similarity == 0.0
    assert all(p.band is Band.MANUAL for p in results[2].predictions.values())
    # tempered: the unfamiliar ticket's confidences are flatter than the typical ticket's
    assert results[2].predictions["topic"].confidence < results[0].predictions["topic"].confidence
    # single and batch judgements agree
    assert [tiny_model.predict([t])[0].novelty for t in (typical, odd, gibberish)] == [
        r.novelty for r in results
    ]


def test_bundle_trained_with_another_encoder_table_is_refused(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Features from another table would mean nothing to the heads: refuse, naming both."""
    copy = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle"))
    state = json.loads((copy / "featurizer.json").read_text())
    assert state["params"]["encoder"] == {"json": DEFAULT_ENCODER}
    state["learned"]["encoder_sha256_"] = {"json": "0" * 64}
    (copy / "featurizer.json").write_text(json.dumps(state))
    sums = (copy / "SHA256SUMS").read_text().splitlines()
    digest = hashlib.sha256((copy / "featurizer.json").read_bytes()).hexdigest()
    (copy / "SHA256SUMS").write_text(
        "".join(
            f"{digest}  featurizer.json\n" if line.endswith("featurizer.json") else line + "\n"
            for line in sums
        )
    )
    with pytest.raises(BundleIntegrityError, match="encoder e5-static.v1.*000000000000"):
        load_bundle(copy)


def test_evaluation_scores_the_confidences_the_server_answers(tiny_model, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    data = load_dataset(corpus / "test.jsonl")
    rows = [i for i, label in enumerate(data.labels["topic"]) if label]
    evaluation = evaluate(tiny_model, data).heads["topic"]
    served = [r.predictions["topic"].confidence for r in tiny_model.predict(data.tickets)]
    np.testing.assert_allclose(evaluation.confidence, [served[i] for i in rows], atol=1e-9)
