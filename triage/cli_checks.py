"""Checks of command-line inputs, run before any slow work (importing the training stack, loading
a model, calling a server). Each raises ConfigError with one line naming the flag and the
problem, which `triage.cli.main` prints as `triage <command>: <problem>` (exit status 2)."""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from triage.errors import ConfigError

_SUMS = "SHA256SUMS"  # triage.bundle.SUMS, not imported: that module loads the model stack
_SCHEMES = ("dns:", "unix:", "unix-abstract:", "ipv4:", "ipv6:", "vsock:")


def _named(flag: str, path: Path) -> str:
    return f"{flag}: {path}" if flag else str(path)


def input_file(flag: str, path: Path) -> Path:
    """A readable regular file; `flag` is empty for a positional argument."""
    where = _named(flag, path)
    if not path.exists():
        raise ConfigError(f"{where}: no such file")
    if path.is_dir():
        raise ConfigError(f"{where}: is a directory, not a file")
    if not path.is_file():
        raise ConfigError(f"{where}: is not a regular file")
    if not os.access(path, os.R_OK):
        raise ConfigError(f"{where}: cannot be read (permission denied)")
    return path


def bundle_dir(flag: str, path: Path) -> Path:
    """A directory that looks like a model bundle (its files are verified when it is loaded)."""
    where = _named(flag, path)
    if not path.exists():
        raise ConfigError(f"{where}: no such directory (train a model with `triage train`)")
    if not path.is_dir():
        raise ConfigError(f"{where}: is a file, not a model bundle directory")
    if not (path / _SUMS).is_file():
        raise ConfigError(f"{where}: is not a model bundle (it has no {_SUMS})")
    return path


def _creatable(flag: str, path: Path) -> None:
    """The nearest existing folder above a path still to be written is a writable folder."""
    above = next(p for p in path.absolute().parents if p.exists())
    if not above.is_dir():
        raise ConfigError(f"{flag}: {path}: {above} is a file, not a directory")
    if not os.access(above, os.W_OK):
        raise ConfigError(f"{flag}: {path}: {above} is not writable")


def new_bundle_dir(flag: str, path: Path) -> Path:
    """Where training writes a bundle: it replaces a bundle there, never another folder."""
    if not path.exists():
        _creatable(flag, path)
    elif not path.is_dir():
        raise ConfigError(f"{flag}: {path}: is a file, not a directory")
    if path.is_dir() and any(path.iterdir()) and not (path / _SUMS).is_file():
        raise ConfigError(
            f"{flag}: {path}: exists and is not a model bundle (training would replace it); "
            "choose a new directory"
        )
    return path


def output_file(flag: str, path: Path) -> Path:
    if path.is_dir():
        raise ConfigError(f"{flag}: {path}: is a directory; give a file name")
    if not path.exists():
        _creatable(flag, path)
    return path


def output_dir(flag: str, path: Path) -> Path:
    if not path.exists():
        _creatable(flag, path)
    elif not path.is_dir():
        raise ConfigError(f"{flag}: {path}: is a file, not a directory")
    return path


def positive(flag: str, value: float) -> float:
    if not value > 0 or math.isinf(value):  # `not >` also refuses NaN
        raise ConfigError(f"{flag}: must be > 0, got {value:g}")
    return value


def not_negative(flag: str, value: int, high: int | None = None) -> int:
    if value < 0:
        raise ConfigError(f"{flag}: must be >= 0, got {value}")
    if high is not None and value > high:
        raise ConfigError(f"{flag}: must be at most {high}, got {value}")
    return value


def fraction(flag: str, value: float) -> float:
    if not 0 < value < 1:
        raise ConfigError(f"{flag}: must be between 0 and 1 (exclusive), got {value:g}")
    return value


def port(flag: str, value: int | None) -> None:
    if value is not None and not 0 <= value <= 65535:
        raise ConfigError(f"{flag}: must be between 0 and 65535 (0 picks a free one), got {value}")


def metrics_ports(first: int, workers: int, grpc_port: int) -> None:
    """TRIAGE_METRICS_PORT under `serve --workers`: worker i serves metrics on first + i."""
    if not first:
        return
    last = first + workers - 1
    ports = f"TRIAGE_METRICS_PORT: {workers} workers serve metrics on ports {first}-{last}"
    if last > 65535:
        raise ConfigError(f"{ports}, past 65535")
    if first <= grpc_port <= last:
        raise ConfigError(f"{ports}, which include the gRPC port {grpc_port}")


def target(flag: str, value: str) -> str:
    """HOST:PORT (or [IPv6]:PORT); a gRPC URI such as dns:///host:port or unix:/path as is."""
    if "://" in value or value.startswith(_SCHEMES):
        return value
    host, sep, number = value.rpartition(":")
    if not sep or not host or not number.isdigit() or not 0 < int(number) <= 65535:
        raise ConfigError(f"{flag}: expected HOST:PORT, got {value!r}")
    return value


_MODEL_URI = re.compile(r"models:/[^/@]+(?:/\d+|@[A-Za-z0-9_-]+)")  # as lifecycle.registry


def model_uri(flag: str, value: str) -> str:
    """`models:/NAME@ALIAS` or `models:/NAME/VERSION`, checked without importing mlflow (the
    registry itself is asked at load)."""
    if not _MODEL_URI.fullmatch(value):
        raise ConfigError(
            f"{flag}: {value!r} is not a registered model URI "
            "(expected models:/NAME@ALIAS or models:/NAME/VERSION)"
        )
    return value


_MODEL_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def model_name(flag: str, value: str) -> str:
    """A registered model name: letters, digits, `_`, `.` and `-` (what a models:/ URI carries)."""
    if not value or len(value) > 256 or not set(value) <= _MODEL_NAME_CHARS:
        raise ConfigError(f"{flag}: {value!r} is not a model name (letters, digits, _ . -)")
    return value


def feedback_url(flag: str, url: str) -> str:
    """A feedback store URL: `sqlite:///PATH` naming an existing file (reading must not create
    an empty store by mistake), or `postgresql...`."""
    if url.startswith("postgresql"):
        return url
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        raise ConfigError(
            f"{flag}: expected sqlite:///PATH or postgresql+psycopg://..., got {url!r}"
        )
    input_file(flag, Path(url[len(prefix) :]))
    return url
