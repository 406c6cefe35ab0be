"""Model bundles on disk: one directory per version holding the fitted components, `meta.json`,
`SHA256SUMS` (the manifest: every other file and its SHA-256) and, when a model key is set,
`SIGNATURE` (HMAC-SHA256 of the manifest's bytes under that key).

Loading, in this order, before anything is deserialised: refuse a bundle from an earlier
version (joblib, i.e. pickle); check the signature when a key is set (a hash list alone detects
corruption, not tampering: whoever can write the bundle can rewrite it); check that the files
are exactly those listed, with their hashes. Then the components are read in formats that cannot
run code (see triage.persist)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import platform
import shutil
import tempfile
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from triage.domain import (
    DEFAULT_COVERAGE,
    DEFAULT_OOD_THRESHOLD,
    HEADS,
    SUPPORTED_LANGUAGES,
    Ticket,
    check_coverage,
)
from triage.errors import BundleIntegrityError, ModelNotFound
from triage.escalation.risk import EscalationHead
from triage.features import TicketFeaturizer
from triage.heads import Head
from triage.model import TriageModel
from triage.persist import UnsafeComponent, load_featurizer, load_head, save_featurizer, save_head
from triage.text import TextPipeline, collection_paused

log = logging.getLogger(__name__)

FORMAT = 3
"""meta.json `format`: 3 = featuriser as JSON + npz, heads as npz; 2 (still read) had heads as
skops; 1 was joblib."""
READABLE_FORMATS = (2, 3)
META = "meta.json"
SUMS = "SHA256SUMS"
SIGNATURE = "SIGNATURE"
FEATURIZER_STATE = "featurizer.json"
FEATURIZER_ARRAYS = "featurizer.npz"
_SCHEME = "hmac-sha256"
_MAX_SIGNATURE_BYTES = 1024

LIBRARIES = (
    "scikit-learn",
    "spacy",
    "spacy-lookups-data",
    "lingua-language-detector",
    "numpy",
    "scipy",
    "skops",
    "mlflow",
)
"""Recorded in meta.json `libraries` (with python)."""
CHECKED_LIBRARIES = ("scikit-learn", "spacy", "numpy", "scipy", "skops")
"""Those whose major.minor at load is compared with the bundle's (a warning when they differ)."""


def _head_file(name: str, bundle_format: int = FORMAT) -> str:
    return f"head_{name}.skops" if bundle_format == 2 else f"head_{name}.npz"


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = package_version(name)
        except PackageNotFoundError:
            versions[name] = ""
    return versions


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _signature(manifest: bytes, key: str) -> str:
    return hmac.new(key.encode("utf-8"), manifest, hashlib.sha256).hexdigest()


def _write_manifest(bundle_dir: Path, key: str) -> None:
    """SHA256SUMS over every file there (but itself and SIGNATURE), then SIGNATURE if `key`."""
    names = sorted(p.name for p in bundle_dir.iterdir() if p.name not in (SUMS, SIGNATURE))
    manifest = "".join(f"{_sha256(bundle_dir / name)}  {name}\n" for name in names).encode()
    (bundle_dir / SUMS).write_bytes(manifest)
    (bundle_dir / SIGNATURE).unlink(missing_ok=True)
    if key:
        (bundle_dir / SIGNATURE).write_text(f"{_SCHEME} {_signature(manifest, key)}\n")


def save_bundle(
    out_dir: Path,
    featurizer: TicketFeaturizer,
    heads: dict[str, Head],
    meta: dict[str, Any],
    key: str = "",
) -> Path:
    """Write the bundle into a scratch directory next to `out_dir`, then move it into place, so a
    reader never sees half a bundle. An existing bundle at `out_dir` is replaced. With `key`
    (settings.model_key) the manifest is signed."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        save_featurizer(featurizer, scratch / FEATURIZER_STATE, scratch / FEATURIZER_ARRAYS)
        for name, head in heads.items():
            save_head(head, scratch / _head_file(name))
        meta = {
            **meta,
            "format": FORMAT,
            "heads": {name: list(head.labels) for name, head in heads.items()},
        }
        (scratch / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        _write_manifest(scratch, key)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(scratch, out_dir)
    return out_dir


def sign_bundle(bundle_dir: Path, key: str) -> None:
    """(Re)sign an existing bundle under `key`, after checking it is whole. The files are
    verified against the manifest, not re-hashed into a new one: signing vouches for the bundle
    as it was written."""
    if not key:
        raise ValueError("no model key to sign with (TRIAGE_MODEL_KEY)")
    bundle_dir = Path(bundle_dir)
    verify_bundle(bundle_dir)  # no key: an earlier signature is not what is being vouched for
    manifest = (bundle_dir / SUMS).read_bytes()
    (bundle_dir / SIGNATURE).write_text(f"{_SCHEME} {_signature(manifest, key)}\n")


def _refuse_joblib(bundle_dir: Path) -> None:
    legacy = sorted(p.name for p in bundle_dir.iterdir() if p.name.endswith(".joblib"))
    if legacy:
        raise BundleIntegrityError(
            f"bundle {bundle_dir} was written by an earlier version as joblib (pickle) files "
            f"({', '.join(legacy)}), which are never loaded; retrain with this version"
        )


def _check_signature(bundle_dir: Path, manifest: bytes, key: str) -> None:
    path = bundle_dir / SIGNATURE
    if not key:
        if path.exists():
            log.warning(
                "bundle %s is signed, but no model key is set (TRIAGE_MODEL_KEY): "
                "signature not checked",
                bundle_dir,
            )
        return
    if not path.is_file():
        raise BundleIntegrityError(f"bundle {bundle_dir} is not signed (a model key is set)")
    with path.open("rb") as handle:
        found = handle.read(_MAX_SIGNATURE_BYTES).strip()
    expected = f"{_SCHEME} {_signature(manifest, key)}".encode()
    if not hmac.compare_digest(found, expected):
        raise BundleIntegrityError(
            f"bundle {bundle_dir}: signature does not match (signed with another key, or "
            "changed since it was signed)"
        )


def verify_bundle(bundle_dir: Path, key: str = "") -> dict[str, Any]:
    """Check the bundle before anything in it is deserialised and return its parsed meta.json:
    format, signature (when `key` is set), every file listed and matching its SHA-256."""
    bundle_dir = Path(bundle_dir)
    if not (bundle_dir / SUMS).is_file():
        raise ModelNotFound(f"no model bundle at {bundle_dir} (missing {SUMS})")
    _refuse_joblib(bundle_dir)
    manifest = (bundle_dir / SUMS).read_bytes()
    _check_signature(bundle_dir, manifest, key)
    expected: dict[str, str] = {}
    for line in manifest.decode("utf-8", errors="replace").splitlines():
        digest, _, name = line.partition("  ")
        expected[name] = digest
    # Every file is listed and every listed file is there: nothing unlisted is ever read.
    unlisted = sorted({p.name for p in bundle_dir.iterdir()} - set(expected) - {SUMS, SIGNATURE})
    if unlisted:
        raise BundleIntegrityError(
            f"bundle {bundle_dir}: {', '.join(unlisted)} not listed in {SUMS}"
        )
    for required in (META, FEATURIZER_STATE, FEATURIZER_ARRAYS):
        if required not in expected:
            raise BundleIntegrityError(f"bundle {bundle_dir}: {required} is not listed in {SUMS}")
    for name, digest in expected.items():
        path = bundle_dir / name
        if "/" in name or not path.is_file():
            raise BundleIntegrityError(f"bundle {bundle_dir}: file {name} is missing")
        if _sha256(path) != digest:
            raise BundleIntegrityError(f"bundle {bundle_dir}: {name} does not match its SHA-256")
    try:
        meta: dict[str, Any] = json.loads((bundle_dir / META).read_text(encoding="utf-8"))
    except (ValueError, RecursionError) as exc:
        raise BundleIntegrityError(f"bundle {bundle_dir}: {META} is unreadable: {exc}") from None
    if not isinstance(meta, dict) or meta.get("format") not in READABLE_FORMATS:
        found = meta.get("format", "none") if isinstance(meta, dict) else "none"
        raise BundleIntegrityError(
            f"bundle {bundle_dir} has format {found}, this version reads formats "
            f"{', '.join(map(str, READABLE_FORMATS))}; retrain with this version"
        )
    heads = meta.get("heads")
    if not isinstance(heads, dict):  # JSON object keys are always strings
        raise BundleIntegrityError(f"bundle {bundle_dir}: {META} has no table of heads")
    for name in heads:
        if _head_file(name, meta["format"]) not in expected:
            raise BundleIntegrityError(f"bundle {bundle_dir}: head {name} has no verified file")
    return meta


def _major_minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def warn_on_library_drift(bundle_dir: Path, meta: dict[str, Any]) -> None:
    """A bundle is read by other library versions than it was trained with: say so, naming both
    (the formats are data only, but numerics and tokenisation may differ)."""
    recorded = meta.get("libraries") or {}
    for name in CHECKED_LIBRARIES:
        trained = str(recorded.get(name, ""))
        try:
            running = package_version(name)
        except PackageNotFoundError:
            continue
        if trained and _major_minor(trained) != _major_minor(running):
            log.warning(
                "bundle %s was trained with %s %s, running %s", bundle_dir, name, trained, running
            )


def load_bundle(
    bundle_dir: Path,
    text: TextPipeline | None = None,
    coverage: float = DEFAULT_COVERAGE,
    ood_threshold: float = DEFAULT_OOD_THRESHOLD,
    key: str = "",
) -> TriageModel:
    """Verify, load and warm up a bundle. `text` lets callers share one loaded TextPipeline;
    `coverage` is what the heads' conformal label sets cover (settings.conformal_coverage);
    `ood_threshold` the novelty from which a ticket is unfamiliar (settings.ood_threshold);
    `key` (settings.model_key) makes a missing or wrong signature refuse the bundle."""
    check_coverage(coverage)  # before any I/O: a bad setting is not a bad bundle
    with collection_paused():
        return _load(Path(bundle_dir), text, coverage, ood_threshold, key)


def _load(
    bundle_dir: Path, text: TextPipeline | None, coverage: float, ood_threshold: float, key: str
) -> TriageModel:
    meta = verify_bundle(bundle_dir, key)
    warn_on_library_drift(bundle_dir, meta)
    # Contract heads first, in contract order (meta.json stores them sorted by name).
    names = sorted(meta["heads"], key=lambda n: (HEADS.index(n) if n in HEADS else len(HEADS), n))
    try:
        featurizer = load_featurizer(bundle_dir / FEATURIZER_STATE, bundle_dir / FEATURIZER_ARRAYS)
        heads = {name: load_head(bundle_dir / _head_file(name, meta["format"])) for name in names}
    except UnsafeComponent as exc:  # names the file
        raise BundleIntegrityError(f"bundle {bundle_dir}: refused {exc}") from None
    width = len(featurizer.feature_names_)
    for name, head in heads.items():
        expected = width + len(head.extras) if isinstance(head, EscalationHead) else width
        if head.coef.shape[0] != expected:  # else every prediction would fail
            raise BundleIntegrityError(
                f"bundle {bundle_dir}: refused {_head_file(name, meta['format'])}: weights for "
                f"{head.coef.shape[0]} features, the featuriser makes {expected}"
            )
        if isinstance(head, Head):  # not the escalation head
            head.set_coverage(coverage)
    text = text or TextPipeline(meta.get("languages") or SUPPORTED_LANGUAGES)
    try:
        model = TriageModel(text, featurizer, heads, meta, ood_threshold)  # type: ignore[arg-type]
    except ValueError as exc:  # the encoder table differs from the one trained with
        raise BundleIntegrityError(f"bundle {bundle_dir}: {exc}") from None
    _warm_up(model)
    return model


def _warm_up(model: TriageModel) -> None:
    """One prediction per language, so the first real request does not pay for lazy setup."""
    model.predict([Ticket(body="warm up", language_hint=code) for code in model.text.languages])
