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
from mlflow.exceptions import MlflowException
from mlflow.utils.mlflow_tags import MLFLOW_RUN_NOTE

from training.evaluation import Evaluation, save_confusion_png
from triage.lifecycle.registry import tracking_uri

EXPERIMENT_KIND_TAG = "mlflow.experimentKind"
CLASSIC_ML_KIND = "custom_model_development"
"""MLflow 3's UI opens an experiment by its kind: without this tag it may guess GenAI and show
traces; "custom_model_development" (the UI's ExperimentKind.CUSTOM_MODEL_DEVELOPMENT) opens on
the runs table."""


def _artifact_root(uri: str) -> str | None:
    """Artifacts of a SQLite store live in `mlruns/` beside the database file; other stores
    (a tracking server) choose their own."""
    if uri.startswith("sqlite:///"):
        return (Path(uri.removeprefix("sqlite:///")).parent / "mlruns").resolve().as_uri()
    return None


@contextmanager
def start_run(experiment: str, run_name: str, tags: dict[str, str] | None = None) -> Iterator[Run]:
    uri = tracking_uri()
    mlflow.set_tracking_uri(uri)
    found = mlflow.get_experiment_by_name(experiment)
    if found is None:
        try:
            mlflow.create_experiment(
                experiment,
                artifact_location=_artifact_root(uri),
                tags={EXPERIMENT_KIND_TAG: CLASSIC_ML_KIND},
            )
        except MlflowException as exc:  # another run created it meanwhile: use theirs
            if exc.error_code != "RESOURCE_ALREADY_EXISTS":
                raise
    elif EXPERIMENT_KIND_TAG not in found.tags:  # made before the tag was set: mark it now
        mlflow.MlflowClient().set_experiment_tag(
            found.experiment_id, EXPERIMENT_KIND_TAG, CLASSIC_ML_KIND
        )
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=run_name, tags=tags) as run:
        yield run


def describe_run(text: str) -> None:
    """The run's description, shown at the top of its page in the MLflow UI."""
    mlflow.set_tag(MLFLOW_RUN_NOTE, text)


def log_params(params: dict[str, Any]) -> None:
    mlflow.log_params({k: str(v)[:500] for k, v in params.items()})


def log_metrics(metrics: dict[str, float]) -> None:
    mlflow.log_metrics(metrics)


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
