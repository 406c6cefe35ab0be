"""Content fixtures: a copy of the project's default content in tmp, so tests can edit it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from triage.settings import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"


def copy_content(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA / "kb", out / "kb")
    shutil.copytree(DATA / "macros", out / "macros")
    shutil.copy(DATA / "routing.yaml", out / "routing.yaml")
    return out


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture(scope="session")
def suggester(text_pipeline):  # type: ignore[no-untyped-def]
    from triage.suggest.engine import load_suggester

    return load_suggester(DATA, text_pipeline)
