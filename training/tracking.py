"""MLflow logging for training runs. The default store is a SQLite file in the project
(`mlruns.db`, artifacts in `mlruns/`); MLFLOW_TRACKING_URI points it anywhere else."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import mlflow
from mlflow.entities import Run
from mlflow.environment_variables import MLFLOW_TRACKING_URI

from training.evaluation import Evaluation, save_confusion_png
from triage.settings import PROJECT_ROOT

DEFAULT_STORE = PROJECT_ROOT / "mlruns.db"


def _artifact_root(uri: str) -> str | None:
    """Artifacts of a SQLite store live in `mlruns/` beside the database file; other stores
    (a tracking server) choose their own."""
    if uri.startswith("sqlite:///"):
        return (Path(uri.removeprefix("sqlite:///")).parent / "mlruns").resolve().as_uri()
    return None


@contextmanager
def start_run(experiment: str, run_name: str, tags: dict[str, str] | None = None) -> Iterator[Run]:
    uri = MLFLOW_TRACKING_URI.get() if MLFLOW_TRACKING_URI.defined else f"sqlite:///{DEFAULT_STORE}"
    mlflow.set_tracking_uri(uri)
    if mlflow.get_experiment_by_name(experiment) is None:
        mlflow.create_experiment(experiment, artifact_location=_artifact_root(uri))
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=run_name, tags=tags) as run:
        yield run


def log_params(params: dict[str, Any]) -> None:
    mlflow.log_params({k: str(v)[:500] for k, v in params.items()})


def log_evaluation(evaluation: Evaluation) -> None:
    """Per-head metrics (and per language), per-class reports and a confusion matrix per head."""
    metrics: dict[str, float] = {}
    for name, head in evaluation.heads.items():
        metrics.update({f"{name}.{k}": v for k, v in head.metrics.items()})
        for lang, scores in head.per_language.items():
            metrics.update({f"{name}.{lang}.{k}": v for k, v in scores.items() if k != "n"})
    metrics.update({f"language_id.{k}": v for k, v in evaluation.language_id.items()})
    mlflow.log_metrics(metrics)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, head in evaluation.heads.items():
            save_confusion_png(head, folder / f"confusion_{name}.png")
            (folder / f"report_{name}.json").write_text(json.dumps(head.per_class, indent=2))
        (folder / "evaluation.json").write_text(json.dumps(evaluation.to_json(), indent=2))
        mlflow.log_artifacts(str(folder), artifact_path="evaluation")


def log_bundle(bundle_dir: Path) -> None:
    mlflow.log_artifacts(str(bundle_dir), artifact_path="bundle")


def log_report(report_dir: Path) -> None:
    """A report folder (`training.report.write_report`) as it is: documents and figures."""
    mlflow.log_artifacts(str(report_dir), artifact_path="report")
