"""Shared fixtures: a small corpus from the project's own generator, one real MLflow store, one
tiny model trained in tmp (session-scoped: training is the slow part)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.settings import PROJECT_ROOT

GENERATOR = PROJECT_ROOT / "data" / "generate_tickets.py"
CORPUS_SIZE = 1500


def generate_corpus(out: Path, n: int = CORPUS_SIZE, seed: int = 5) -> Path:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--n", str(n), "--seed", str(seed), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory with train.jsonl / test.jsonl (held-out phrasings)."""
    return generate_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session", autouse=True)
def mlflow_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Every test run logs to its own SQLite MLflow store, never the project's."""
    uri = f"sqlite:///{tmp_path_factory.mktemp('mlflow') / 'mlflow.db'}"
    previous = os.environ.get("MLFLOW_TRACKING_URI")
    os.environ["MLFLOW_TRACKING_URI"] = uri
    yield uri
    if previous is None:
        os.environ.pop("MLFLOW_TRACKING_URI", None)
    else:
        os.environ["MLFLOW_TRACKING_URI"] = previous


@pytest.fixture(scope="session")
def text_pipeline():  # type: ignore[no-untyped-def]
    from triage.text import TextPipeline

    return TextPipeline()


@pytest.fixture(scope="session")
def spacy_lemmas():  # type: ignore[no-untyped-def]
    from tests.spacy_lemmas import SpacyLemmas

    return SpacyLemmas()


@pytest.fixture(scope="session")
def tiny_training(corpus: Path, text_pipeline, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The result of `training.pipeline.train` on the small corpus."""
    from training.pipeline import train

    return train(
        corpus / "train.jsonl",
        tmp_path_factory.mktemp("models") / "tiny",
        test_path=corpus / "test.jsonl",
        column_map={"group": "phrasing_id"},
        show_progress=False,
        text=text_pipeline,
    )


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_training) -> Path:  # type: ignore[no-untyped-def]
    return Path(tiny_training.bundle_dir)


@pytest.fixture(scope="session")
def tiny_model(tiny_model_dir: Path, text_pipeline):  # type: ignore[no-untyped-def]
    """A loaded `triage.model.TriageModel` (implements `triage.service.Predictor`)."""
    from triage.bundle import load_bundle

    return load_bundle(tiny_model_dir, text_pipeline)
