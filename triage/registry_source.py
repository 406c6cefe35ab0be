"""A model source in the MLflow Model Registry: `models:/NAME@ALIAS` (re-resolved on every
reload, so a moved alias is picked up) or `models:/NAME/VERSION` (pinned). Bundles are
downloaded once per version into a cache directory and verified by `load_bundle` like any other.
MLflow is imported here only, so serving a local directory never pays for it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mlflow.environment_variables import MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR
from mlflow.exceptions import MlflowException

import triage.lifecycle.registry as registry
from triage.errors import ModelNotFound
from triage.model_source import ModelOrigin

_SQL_STORES = (
    "mlflow.store.model_registry.sqlalchemy_store",
    "mlflow.store.tracking.sqlalchemy_store",
)


def _fresh_connections_after_fork() -> None:
    """In a forked process (a worker of `serve --workers`), drop the database connections the
    parent opened to a database-backed registry without closing them (SQLAlchemy's way after a
    fork): parent and child must not share one connection. MLflow keeps its engines per
    database URI in a class attribute (`_engine_map`, private: read defensively)."""
    for name in _SQL_STORES:
        module = sys.modules.get(name)
        store = getattr(module, "SqlAlchemyStore", None)
        for engine in list(getattr(store, "_engine_map", {}).values()):
            engine.dispose(close=False)


os.register_at_fork(after_in_child=_fresh_connections_after_fork)


class RegistrySource:
    def __init__(self, uri: str, cache_dir: Path) -> None:
        registry.parse_uri(uri)  # ConfigError on anything but models:/NAME@ALIAS or /VERSION
        # MLflow's download progress bars would interleave with the server's JSON log lines.
        MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR.set("false")
        self.uri = uri
        self.cache_dir = Path(cache_dir)

    @property
    def description(self) -> str:
        return self.uri

    def resolve(self) -> ModelOrigin:
        try:
            ref = registry.resolve(self.uri)
        except MlflowException as exc:  # an unreachable or failing registry; ModelNotFound passes
            raise ModelNotFound(f"{self.uri}: registry answered {_first_line(exc)}") from None
        return ModelOrigin(
            source=self.uri,
            identity=f"{ref.name}/{ref.version}",
            registry_name=ref.name,
            registry_version=ref.version,
            registry_alias=ref.alias,
        )

    def fetch(self, origin: ModelOrigin) -> Path:
        ref = registry.ModelRef(
            origin.registry_name, origin.registry_version, origin.registry_alias
        )
        try:
            return registry.fetch_bundle(ref, self.cache_dir)
        except MlflowException as exc:
            raise ModelNotFound(
                f"{self.uri}: version {ref.version} could not be downloaded: {_first_line(exc)}"
            ) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
