"""Checks of `triage score`'s inputs, cheap enough to run before any slow import (mlflow,
pandas, pyspark): one-line ConfigErrors naming the flag, as triage.cli_checks."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

from triage.errors import ConfigError

INPUT_SUFFIXES = (".jsonl", ".ndjson", ".csv")
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".parquet")
PYSPARK_PIN = "pyspark==4.3.0"
"""What `pip install -e '.[spark]'` installs (pyproject.toml): Spark 4, which needs Java 17+."""

_MASTER = re.compile(
    r"local(\[(\*|\d+)(,\d+)?\])?|local-cluster\[\d+,\d+,\d+\]|yarn|(spark|k8s|mesos)://\S+"
)


def suffix(flag: str, path: str, allowed: tuple[str, ...]) -> str:
    found = Path(path).suffix.lower()
    if found not in allowed:
        raise ConfigError(
            f"{flag}: {path}: unsupported format {found or '(none)'!r} (use {', '.join(allowed)})"
        )
    return found


def batch_size(value: int) -> int:
    if value < 1:
        raise ConfigError(f"--batch-size: must be at least 1, got {value}")
    return value


def is_uri(path: str) -> bool:
    """hdfs://, s3a://, file://...: a location for Spark's file systems, not checked here."""
    return "://" in path


def spark_master(value: str) -> str:
    if not _MASTER.fullmatch(value):
        raise ConfigError(
            f"--spark: {value!r} is not a Spark master (local[2], local[*], spark://HOST:7077, "
            "yarn, k8s://https://HOST:443)"
        )
    return value


def spark_prerequisites() -> None:
    """pyspark importable and a Java runtime on PATH."""
    if importlib.util.find_spec("pyspark") is None:
        raise ConfigError(
            f"--spark: pyspark is not installed (pip install '{PYSPARK_PIN}', "
            "or pip install -e '.[spark]')"
        )
    if shutil.which("java") is None:
        raise ConfigError(
            "--spark: no Java runtime (`java` is not on PATH); Spark 4 needs Java 17 or newer "
            "(e.g. apt-get install openjdk-17-jre-headless)"
        )


def is_spark_output(out: str) -> bool:
    """A local directory an earlier Spark job wrote completely (it has _SUCCESS)."""
    return not is_uri(out) and (Path(out) / "_SUCCESS").is_file()


def spark_out(out: str) -> str:
    """A local OUT is new, or an earlier Spark output, which is replaced."""
    if not is_uri(out) and Path(out).exists() and not is_spark_output(out):
        raise ConfigError(
            f"--out: {out}: exists and is not an earlier Spark output (Spark writes a directory "
            "of part files at OUT); choose a new path"
        )
    return out


def quiet_mlflow() -> None:
    """spark_udf's advice against env_manager="local" does not apply: the choice is deliberate
    (executors run this package's environment)."""
    import logging

    logging.getLogger("mlflow.pyfunc").setLevel(logging.ERROR)
