from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage.settings import Settings


def test_defaults_env_and_flags_in_that_order() -> None:
    assert Settings.from_env({}).port == 50051
    env = {"TRIAGE_PORT": "6000", "TRIAGE_HOST": "0.0.0.0", "TRIAGE_MAX_BODY_BYTES": "100"}
    settings = Settings.from_env(env)
    assert (settings.port, settings.host, settings.max_body_bytes) == (6000, "0.0.0.0", 100)
    assert Settings.from_env(env, port=7000, model_dir=Path("m")).port == 7000
    assert Settings.from_env(env, port=None).port == 6000  # an absent flag does not override


def test_malformed_variable_is_named() -> None:
    with pytest.raises(ValueError, match="TRIAGE_PORT"):
        Settings.from_env({"TRIAGE_PORT": "fifty"})


def test_ood_threshold_setting() -> None:
    assert Settings().ood_threshold == 0.99
    assert Settings.from_env({"TRIAGE_OOD_THRESHOLD": "0.95"}).ood_threshold == 0.95
    assert Settings.from_env({"TRIAGE_OOD_THRESHOLD": "1"}).ood_threshold == 1.0  # off
    for bad in ("0", "1.5", "-0.1"):
        with pytest.raises(ValueError, match="TRIAGE_OOD_THRESHOLD"):
            Settings.from_env({"TRIAGE_OOD_THRESHOLD": bad})


def test_workers_zero_means_one_per_usable_core() -> None:
    from triage.supervisor import worker_count

    assert Settings.from_env({}).workers == 1
    assert Settings.from_env({"TRIAGE_WORKERS": "3"}).workers == 3
    assert worker_count(Settings.from_env({"TRIAGE_WORKERS": "0"}).workers) == len(
        os.sched_getaffinity(0)
    )
