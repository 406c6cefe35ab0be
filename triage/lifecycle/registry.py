"""The MLflow Model Registry: register a bundle as a pyfunc model version, resolve
`models:/NAME/VERSION` and `models:/NAME@ALIAS`, move aliases, fetch a version's bundle.

The store is MLflow's own choice: MLFLOW_TRACKING_URI (read by mlflow) when set, else the
project's SQLite store `mlruns.db`, whose registry needs no server."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mlflow
from mlflow.environment_variables import MLFLOW_TRACKING_URI
from mlflow.exceptions import MlflowException
from mlflow.models import ModelSignature
from mlflow.types import ColSpec, Schema

from triage.errors import ConfigError, ModelNotFound
from triage.lifecycle.pyfunc_model import (
    BUNDLE_ARTIFACT,
    INPUT_COLUMNS,
    output_columns,
)
from triage.settings import PROJECT_ROOT
from triage.text import TextPipeline

DEFAULT_STORE = PROJECT_ROOT / "mlruns.db"
URI_PREFIX = "models:/"
_URI = re.compile(r"models:/(?P<name>[^/@]+)(?:/(?P<version>\d+)|@(?P<alias>[A-Za-z0-9_-]+))")
_ENTRY = Path(__file__).with_name("pyfunc_entry.py")


@dataclass(frozen=True)
class ModelRef:
    """One registered model version; `alias` is how it was asked for ("" when by number)."""

    name: str
    version: str
    alias: str = ""

    @property
    def uri(self) -> str:
        return f"{URI_PREFIX}{self.name}/{self.version}"

    def __str__(self) -> str:
        asked = f"@{self.alias} = " if self.alias else ""
        return f"{self.name} {asked}version {self.version}"


def tracking_uri() -> str:
    if MLFLOW_TRACKING_URI.defined:
        return str(MLFLOW_TRACKING_URI.get())
    return f"sqlite:///{DEFAULT_STORE}"


def client() -> mlflow.MlflowClient:
    uri = tracking_uri()
    mlflow.set_tracking_uri(uri)  # log_model and download_artifacts read the global one
    mlflow.set_registry_uri(uri)
    return mlflow.MlflowClient(tracking_uri=uri, registry_uri=uri)


def is_registry_uri(text: str) -> bool:
    return text.startswith(URI_PREFIX)


def parse_uri(uri: str) -> tuple[str, str, str]:
    """(name, version, alias) of `models:/NAME/VERSION` or `models:/NAME@ALIAS`, one of the
    last two empty; ConfigError for anything else."""
    found = _URI.fullmatch(uri)
    if found is None:
        raise ConfigError(
            f"{uri!r} is not a model URI: use models:/NAME/VERSION or models:/NAME@ALIAS"
        )
    return found["name"], found["version"] or "", found["alias"] or ""


def resolve(uri: str) -> ModelRef:
    """The version `uri` means now (an alias may move); ModelNotFound for an unknown name,
    version or alias."""
    name, version, alias = parse_uri(uri)
    registry = client()
    try:
        if alias:
            found = registry.get_model_version_by_alias(name, alias)
        else:
            found = registry.get_model_version(name, version)
    except MlflowException as exc:
        raise ModelNotFound(f"{uri}: not in the model registry at {_where()}") from exc
    return ModelRef(name, str(found.version), alias)


def alias_version(name: str, alias: str) -> str | None:
    try:
        return str(client().get_model_version_by_alias(name, alias).version)
    except MlflowException:
        return None


def set_alias(name: str, alias: str, version: str) -> None:
    client().set_registered_model_alias(name, alias, version)


def delete_alias(name: str, alias: str) -> None:
    client().delete_registered_model_alias(name, alias)


def fetch_bundle(ref: ModelRef, cache_dir: Path) -> Path:
    """The bundle directory of `ref`'s version, downloaded once into cache_dir/NAME/VERSION.
    Nothing here is trusted: load_bundle checks hashes (and the signature) as for any bundle."""
    target = Path(cache_dir) / ref.name / ref.version
    if (target / "SHA256SUMS").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:  # whole or not at all
        try:
            local = mlflow.artifacts.download_artifacts(
                artifact_uri=f"{ref.uri}/artifacts/{BUNDLE_ARTIFACT}",
                dst_path=tmp,
                tracking_uri=tracking_uri(),
            )
        except MlflowException as exc:
            raise ModelNotFound(f"{ref}: its bundle cannot be downloaded: {exc.message}") from exc
        shutil.rmtree(target, ignore_errors=True)
        Path(local).rename(target)
    return target


def _where() -> str:
    uri = tracking_uri()
    return uri.split("@")[-1] if "@" in uri else uri  # never show credentials in a URI


def _signature(model: Any) -> ModelSignature:
    inputs = Schema(
        # all optional: `text`, or `subject` and `body` (pyfunc_model.tickets_from_frame checks)
        [ColSpec(kind, name, required=False) for name, kind in INPUT_COLUMNS.items()]
    )
    names = list(model.heads)
    has_escalation = model.escalation_head is not None
    outputs = Schema(
        [
            ColSpec(
                "double" if c.endswith("_confidence") or c == "escalation_risk" else "string", c
            )
            for c in output_columns(names, has_escalation)
        ]
    )
    return ModelSignature(inputs=inputs, outputs=outputs)


INPUT_EXAMPLE = {
    "text": ["My order never arrived and nobody answers my emails", "Ik kan niet inloggen"],
    "channel": ["email", "chat"],
}


def register_bundle(
    bundle_dir: Path, name: str, key: str = "", text: TextPipeline | None = None
) -> ModelRef:
    """Log `bundle_dir` as a pyfunc model into the active run and register it as a new
    version of `name`. The bundle is loaded first (with `key`, like serving), so a broken one is
    never registered, and to read its heads for the signature."""
    import pandas as pd

    from triage.bundle import load_bundle

    model = load_bundle(Path(bundle_dir), text=text, key=key)
    client()
    with tempfile.TemporaryDirectory() as tmp:  # MLflow stores an artifact under its folder name
        staged = shutil.copytree(bundle_dir, Path(tmp) / BUNDLE_ARTIFACT)
        info = mlflow.pyfunc.log_model(
            name="model",
            python_model=str(_ENTRY),
            artifacts={BUNDLE_ARTIFACT: str(staged)},
            signature=_signature(model),
            input_example=pd.DataFrame(INPUT_EXAMPLE),
            registered_model_name=name,
            pip_requirements=_requirements(),
        )
    version = str(info.registered_model_version)
    return ModelRef(name, version)


def _requirements() -> list[str]:
    """The libraries a bundle needs, pinned to what trained it (the triage package itself is
    not on PyPI: install it where the model is loaded)."""
    from triage.bundle import library_versions

    versions = library_versions()
    return [f"{lib}=={v}" for lib, v in versions.items() if lib != "python" and v]
