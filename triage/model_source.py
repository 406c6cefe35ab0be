"""Where the served model comes from: a bundle directory on disk, or (see registry_source) a
version in the MLflow Model Registry. A source is asked again on every reload, so a moved
symlink, a rewritten directory or a moved alias is picked up without a restart."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from triage.bundle import SUMS
from triage.errors import BundleIntegrityError
from triage.settings import Settings


@dataclass(frozen=True)
class ModelOrigin:
    """One answer of a source: which model it points at now."""

    source: str
    """What the operator configured: a bundle directory, or a `models:/NAME@ALIAS` URI."""
    identity: str
    """Equal identities mean the same model: a reload with an unchanged identity does nothing."""
    registry_name: str = ""
    registry_version: str = ""
    registry_alias: str = ""
    """Empty when pinned by version or served from a directory."""


class ModelSource(Protocol):
    @property
    def description(self) -> str:
        """For log lines and error messages: the directory or the URI."""
        ...

    def resolve(self) -> ModelOrigin:
        """Which model the source points at now (cheap: no bundle is read)."""
        ...

    def fetch(self, origin: ModelOrigin) -> Path:
        """The bundle directory of `origin`, ready for `load_bundle` (which verifies it)."""
        ...


class LocalDirSource:
    """A bundle directory. Its identity is the real path (a symlink may be repointed, the usual
    atomic way to deploy) plus the digest of its SHA256SUMS (the bundle may be rewritten in
    place): either change means another model."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    @property
    def description(self) -> str:
        return str(self.directory)

    def resolve(self) -> ModelOrigin:
        real = self.directory.resolve()
        try:
            sums = (real / SUMS).read_bytes()
        except OSError as exc:
            raise BundleIntegrityError(
                f"bundle {self.directory}: cannot read {SUMS}: {exc.strerror or exc}"
            ) from None
        digest = hashlib.sha256(sums).hexdigest()[:16]
        return ModelOrigin(source=str(self.directory), identity=f"{real}#{digest}")

    def fetch(self, origin: ModelOrigin) -> Path:
        return Path(origin.identity.rsplit("#", 1)[0])


def model_source(settings: Settings) -> ModelSource:
    """The source `serve` loads from: settings.model_uri (a registered model) when set, else
    the bundle directory settings.model_dir."""
    return source_for(settings.model_uri or str(settings.model_dir), settings)


def source_for(where: str, settings: Settings) -> ModelSource:
    """A `models:/` URI (registry) or a bundle directory."""
    if where.startswith("models:/"):
        from triage.registry_source import RegistrySource  # imports mlflow: only when used

        return RegistrySource(where, settings.model_cache_dir)
    return LocalDirSource(Path(where))
