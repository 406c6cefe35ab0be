"""Model bundles on disk: one directory per version holding the fitted components (joblib),
`meta.json` and `SHA256SUMS`. Loading verifies every hash *before* unpickling anything, so a
corrupted or tampered file is refused instead of executed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import joblib

from triage.domain import (
    DEFAULT_COVERAGE,
    DEFAULT_OOD_THRESHOLD,
    HEADS,
    SUPPORTED_LANGUAGES,
    Ticket,
    check_coverage,
)
from triage.errors import BundleIntegrityError, ModelNotFound
from triage.features import TicketFeaturizer
from triage.heads import Head
from triage.model import TriageModel
from triage.text import TextPipeline

META = "meta.json"
SUMS = "SHA256SUMS"
FEATURIZER = "featurizer.joblib"


def _head_file(name: str) -> str:
    return f"head_{name}.joblib"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save_bundle(
    out_dir: Path, featurizer: TicketFeaturizer, heads: dict[str, Head], meta: dict[str, Any]
) -> Path:
    """Write the bundle into a scratch directory next to `out_dir`, then move it into place, so a
    reader never sees half a bundle. An existing bundle at `out_dir` is replaced."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    joblib.dump(featurizer, scratch / FEATURIZER)
    for name, head in heads.items():
        joblib.dump(head, scratch / _head_file(name))
    meta = {**meta, "heads": {name: list(head.labels) for name, head in heads.items()}}
    (scratch / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    sums = {p.name: _sha256(p) for p in sorted(scratch.iterdir())}
    (scratch / SUMS).write_text("".join(f"{digest}  {name}\n" for name, digest in sums.items()))
    if out_dir.exists():
        shutil.rmtree(out_dir)
    os.replace(scratch, out_dir)
    return out_dir


def verify_bundle(bundle_dir: Path) -> dict[str, Any]:
    """Check every file against SHA256SUMS and return the parsed meta.json."""
    bundle_dir = Path(bundle_dir)
    if not (bundle_dir / SUMS).is_file():
        raise ModelNotFound(f"no model bundle at {bundle_dir} (missing {SUMS})")
    expected: dict[str, str] = {}
    for line in (bundle_dir / SUMS).read_text().splitlines():
        digest, _, name = line.partition("  ")
        expected[name] = digest
    # Every file is listed and every listed file is there: nothing unlisted is ever unpickled.
    unlisted = sorted({p.name for p in bundle_dir.iterdir()} - set(expected) - {SUMS})
    if unlisted:
        raise BundleIntegrityError(
            f"bundle {bundle_dir}: {', '.join(unlisted)} not listed in {SUMS}"
        )
    for required in (META, FEATURIZER):
        if required not in expected:
            raise BundleIntegrityError(f"bundle {bundle_dir}: {required} is not listed in {SUMS}")
    for name, digest in expected.items():
        path = bundle_dir / name
        if "/" in name or not path.is_file():
            raise BundleIntegrityError(f"bundle {bundle_dir}: file {name} is missing")
        if _sha256(path) != digest:
            raise BundleIntegrityError(f"bundle {bundle_dir}: {name} does not match its SHA-256")
    meta: dict[str, Any] = json.loads((bundle_dir / META).read_text())
    for name in meta.get("heads", {}):
        if _head_file(name) not in expected:
            raise BundleIntegrityError(f"bundle {bundle_dir}: head {name} has no verified file")
    return meta


def load_bundle(
    bundle_dir: Path,
    text: TextPipeline | None = None,
    coverage: float = DEFAULT_COVERAGE,
    ood_threshold: float = DEFAULT_OOD_THRESHOLD,
) -> TriageModel:
    """Verify, load and warm up a bundle. `text` lets callers share one loaded TextPipeline;
    `coverage` is what the heads' conformal label sets cover (settings.conformal_coverage);
    `ood_threshold` the novelty from which a ticket is unfamiliar (settings.ood_threshold)."""
    check_coverage(coverage)  # before any I/O: a bad setting is not a bad bundle
    bundle_dir = Path(bundle_dir)
    meta = verify_bundle(bundle_dir)
    featurizer = joblib.load(bundle_dir / FEATURIZER)
    # Contract heads first, in contract order (meta.json stores them sorted by name).
    names = sorted(meta["heads"], key=lambda n: (HEADS.index(n) if n in HEADS else len(HEADS), n))
    heads = {name: joblib.load(bundle_dir / _head_file(name)) for name in names}
    for head in heads.values():
        if isinstance(head, Head):  # not the escalation head
            head.set_coverage(coverage)
    text = text or TextPipeline(meta.get("languages") or SUPPORTED_LANGUAGES)
    try:
        model = TriageModel(text, featurizer, heads, meta, ood_threshold)
    except ValueError as exc:  # the encoder table differs from the one trained with
        raise BundleIntegrityError(f"bundle {bundle_dir}: {exc}") from None
    _warm_up(model)
    return model


def _warm_up(model: TriageModel) -> None:
    """One prediction per language, so the first real request does not pay for lazy setup."""
    model.predict([Ticket(body="warm up", language_hint=code) for code in model.text.languages])
