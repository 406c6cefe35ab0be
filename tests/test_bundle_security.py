"""Bundles an attacker has written to: payloads that would run on load (finding 1 of the security
review), signatures, files that do not match the manifest, and library-version drift."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.feature_extraction import DictVectorizer

from triage.bundle import load_bundle, save_bundle, sign_bundle
from triage.errors import BundleIntegrityError
from triage.escalation.risk import EscalationHead
from triage.persist import load_head
from triage.settings import Settings

KEY = "correct horse battery staple"


class _OpenForWriting:
    """Unpickling this creates (truncates) `path`: the classic pickle payload."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.path), "w"))


def pickle_payload(marker: Path) -> bytes:
    return pickle.dumps(_OpenForWriting(marker))


def skops_payload(marker: Path) -> bytes:
    """A skops archive whose top node calls builtins.open(marker, "w") when constructed."""
    args = json.loads(
        zipfile.ZipFile(io.BytesIO(sio.dumps((str(marker), "w")))).read("schema.json")
    )
    schema = {
        "__class__": "open",
        "__module__": "builtins",
        "__loader__": "ConstructorFromReduceNode",
        "content": {k: v for k, v in args.items() if k not in ("protocol", "_skops_version")},
        "protocol": args["protocol"],
        "_skops_version": args["_skops_version"],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("schema.json", json.dumps(schema))
    return out.getvalue()


def npz_payload(marker: Path) -> bytes:
    """An .npz whose `coef` is a pickled object array that opens `marker` when unpickled."""
    out = io.BytesIO()
    np.savez(out, kind=np.asarray("head"), coef=np.array([_OpenForWriting(marker)], dtype=object))
    return out.getvalue()


def test_the_payloads_are_live(tmp_path: Path) -> None:
    """What the tests below plant really runs when deserialised naively."""
    pickle.loads(pickle_payload(tmp_path / "by-pickle"))
    sio.loads(skops_payload(tmp_path / "by-skops"), trusted=["builtins.open"])
    np.load(io.BytesIO(npz_payload(tmp_path / "by-npz")), allow_pickle=True)["coef"]
    assert all((tmp_path / f"by-{kind}").exists() for kind in ("pickle", "skops", "npz"))


def resum(bundle: Path) -> None:
    """Rewrite SHA256SUMS over the files as they are now, as an attacker can (SIGNATURE, if any,
    is left as it was: without the key it cannot be redone)."""
    names = sorted(p.name for p in bundle.iterdir() if p.name not in ("SHA256SUMS", "SIGNATURE"))
    (bundle / "SHA256SUMS").write_text(
        "".join(f"{hashlib.sha256((bundle / n).read_bytes()).hexdigest()}  {n}\n" for n in names)
    )


@pytest.fixture
def bundle(tiny_model_dir: Path, tmp_path: Path) -> Path:
    """A signed copy of the tiny bundle."""
    copy = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle"))
    sign_bundle(copy, KEY)
    return copy


def as_format_2(bundle: Path, trained_escalation: EscalationHead) -> None:
    """Rewrite `bundle` as the previous version wrote it: every head a skops file, the
    escalation head holding its fitted classifier and DictVectorizer."""
    for path in sorted(bundle.glob("head_*.npz")):
        head = load_head(path)
        if isinstance(head, EscalationHead):
            legacy = EscalationHead.__new__(EscalationHead)
            legacy.__dict__.update(
                classifier=trained_escalation.classifier,
                extras=DictVectorizer().fit([dict.fromkeys(head.extras, 1.0)]),
                sla_window_fill=head.sla_window_fill,
            )
            head = legacy
        sio.dump(head, path.with_suffix(".skops"))
        path.unlink()
    meta = json.loads((bundle / "meta.json").read_text())
    (bundle / "meta.json").write_text(json.dumps({**meta, "format": 2}))
    resum(bundle)


@pytest.fixture
def format_2_bundle(tiny_model_dir: Path, tiny_training, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A signed copy of the tiny bundle in format 2 (heads as skops files)."""
    copy = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle-v2"))
    as_format_2(copy, tiny_training.model.escalation_head)
    sign_bundle(copy, KEY)
    return copy


def test_a_format_2_bundle_still_loads_and_answers_the_same(  # type: ignore[no-untyped-def]
    format_2_bundle: Path, tiny_model, text_pipeline
) -> None:
    from triage.domain import Ticket

    old = load_bundle(format_2_bundle, text_pipeline, key=KEY)
    assert old.escalation_head is not None and old.escalation_head.extras
    tickets = [
        Ticket(body="I was charged twice, refund me now or I call my lawyer!", previous_contacts=2),
        Ticket(body="Ik kan niet inloggen, wachtwoord vergeten.", language_hint="nl"),
        Ticket(body="Le colis n'est jamais arrivé."),
    ]
    assert old.predict(tickets) == tiny_model.predict(tickets)


@pytest.mark.parametrize(
    ("target", "payload", "refusal"),
    [
        ("head_topic.npz", pickle_payload, "head_topic.npz: not a head .*pickled"),
        ("head_topic.npz", npz_payload, "head_topic.npz: not a head .*allow_pickle=False"),
        ("head_topic.npz", lambda marker: b"", "head_topic.npz: not a head .*EOFError"),
        ("featurizer.npz", pickle_payload, "featurizer.npz: unreadable"),
        ("featurizer.json", pickle_payload, "featurizer.json: not JSON"),
        ("head_topic.skops", pickle_payload, "head_topic.skops: not a skops file"),
        (
            "head_topic.skops",
            skops_payload,
            "head_topic.skops: names untrusted types builtins.open",
        ),
    ],
)
def test_a_planted_payload_never_runs(  # type: ignore[no-untyped-def]
    request, tmp_path: Path, text_pipeline, target: str, payload, refusal: str
) -> None:
    """Finding 1: a model file replaced by a payload and SHA256SUMS recomputed. With a key the
    signature refuses it before any file is read; without one the formats refuse it (a skops
    head in a format-2 bundle)."""
    bundle = request.getfixturevalue("format_2_bundle" if ".skops" in target else "bundle")
    marker = tmp_path / "payload-ran"
    (bundle / target).write_bytes(payload(marker))
    resum(bundle)
    with pytest.raises(
        BundleIntegrityError, match=f"bundle {re.escape(str(bundle))}: signature does not match"
    ):
        load_bundle(bundle, text_pipeline, key=KEY)
    with pytest.raises(
        BundleIntegrityError, match=f"bundle {re.escape(str(bundle))}: refused {refusal}"
    ):
        load_bundle(bundle, text_pipeline)
    assert not marker.exists()


def test_the_server_refuses_a_tampered_bundle(bundle: Path, tmp_path: Path) -> None:
    """`triage serve` with TRIAGE_MODEL_KEY set exits non-zero naming the bundle; the payload
    never runs and the key is never printed."""
    marker = tmp_path / "payload-ran"
    (bundle / "head_topic.npz").write_bytes(pickle_payload(marker))
    resum(bundle)
    env = {
        **os.environ,
        "TRIAGE_MODEL_KEY": KEY,
        "TRIAGE_POLICY_DIR": str(tmp_path / "policy-state"),
    }
    out = subprocess.run(
        [sys.executable, "-m", "triage.cli", "serve", "--model", str(bundle), "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    assert f"bundle {bundle}: signature does not match" in out.stderr
    assert KEY not in out.stderr + out.stdout
    assert not marker.exists()


def test_signatures(bundle: Path, tmp_path: Path, text_pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    assert load_bundle(bundle, text_pipeline, key=KEY).version  # correctly signed
    with pytest.raises(
        BundleIntegrityError, match=f"bundle {re.escape(str(bundle))}: signature does not match"
    ):
        load_bundle(bundle, text_pipeline, key="another key")
    with caplog.at_level(logging.WARNING, logger="triage.bundle"):
        load_bundle(bundle, text_pipeline)  # no key: the hashes are checked, not the signature
    assert f"bundle {bundle} is signed, but no model key is set" in caplog.text
    (bundle / "SIGNATURE").unlink()
    with pytest.raises(
        BundleIntegrityError, match=f"bundle {re.escape(str(bundle))} is not signed"
    ):
        load_bundle(bundle, text_pipeline, key=KEY)
    assert KEY not in caplog.text


def test_save_bundle_signs_with_a_key(tiny_model, tmp_path: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    heads = {**tiny_model.heads, "escalation": tiny_model.escalation_head}
    out = save_bundle(tmp_path / "signed", tiny_model.featurizer, heads, tiny_model.meta, key=KEY)
    assert (out / "SIGNATURE").read_text().startswith("hmac-sha256 ")
    assert KEY not in "".join(p.read_text(errors="replace") for p in out.iterdir())
    assert load_bundle(out, text_pipeline, key=KEY).version == tiny_model.version
    unsigned = save_bundle(tmp_path / "unsigned", tiny_model.featurizer, heads, tiny_model.meta)
    assert not (unsigned / "SIGNATURE").exists()


def test_the_key_is_a_setting_never_shown() -> None:
    settings = Settings.from_env({"TRIAGE_MODEL_KEY": KEY})
    assert settings.model_key == KEY and KEY not in repr(settings)
    assert Settings.from_env({}).model_key == ""


def test_files_must_match_the_manifest(bundle: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """(Unlisted files are covered in test_training.) A listed file that is gone refuses the
    bundle; so does a bundle from the joblib era, without unpickling it."""
    (bundle / "head_tier.npz").unlink()
    with pytest.raises(BundleIntegrityError, match="file head_tier.npz is missing"):
        load_bundle(bundle, text_pipeline)


def test_a_joblib_bundle_is_refused_unread(bundle: Path, tmp_path: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "payload-ran"
    (bundle / "featurizer.joblib").write_bytes(pickle_payload(marker))
    resum(bundle)
    with pytest.raises(
        BundleIntegrityError, match="joblib.*never loaded; retrain with this version"
    ):
        load_bundle(bundle, text_pipeline, key=KEY)
    assert not marker.exists()


def test_a_featurizer_naming_another_class_is_refused(bundle: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    state = json.loads((bundle / "featurizer.json").read_text())
    state["object"] = "Popen"
    (bundle / "featurizer.json").write_text(json.dumps(state))
    resum(bundle)
    with pytest.raises(BundleIntegrityError, match="featurizer.json: .*unknown class 'Popen'"):
        load_bundle(bundle, text_pipeline)


@pytest.mark.parametrize("heads", [None, ["topic"], "topic"])
def test_a_meta_without_a_table_of_heads_is_refused(bundle: Path, heads, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """A hash-consistent meta.json with no (or a malformed) `heads` table is a clean refusal, not
    a KeyError that would leave `triage serve` up but never serving."""
    meta = json.loads((bundle / "meta.json").read_text())
    meta["heads"] = heads
    (bundle / "meta.json").write_text(json.dumps(meta))
    resum(bundle)
    with pytest.raises(BundleIntegrityError, match="meta.json has no table of heads"):
        load_bundle(bundle, text_pipeline)


def test_library_drift_is_logged_naming_both_versions(  # type: ignore[no-untyped-def]
    bundle: Path, text_pipeline, caplog
) -> None:
    from importlib.metadata import version

    meta = json.loads((bundle / "meta.json").read_text())
    assert {"scikit-learn", "spacy", "numpy", "scipy", "skops"} <= set(meta["libraries"])
    meta["libraries"].update({"scikit-learn": "0.24.2", "spacy": "2.3.0"})
    (bundle / "meta.json").write_text(json.dumps(meta))
    resum(bundle)
    sign_bundle(bundle, KEY)
    with caplog.at_level(logging.WARNING, logger="triage.bundle"):
        load_bundle(bundle, text_pipeline, key=KEY)
    assert (
        f"bundle {bundle} was trained with scikit-learn 0.24.2, running {version('scikit-learn')}"
        in caplog.text
    )
    assert f"was trained with spacy 2.3.0, running {version('spacy')}" in caplog.text
    assert "numpy" not in caplog.text  # same major.minor: nothing to say


def test_triage_sign(  # type: ignore[no-untyped-def]
    tiny_model_dir: Path, tmp_path: Path, text_pipeline, monkeypatch, capsys
) -> None:
    from triage.cli import main

    target = Path(shutil.copytree(tiny_model_dir, tmp_path / "bundle"))
    monkeypatch.delenv("TRIAGE_MODEL_KEY", raising=False)
    assert main(["sign", "--model", str(target)]) == 2
    assert "set TRIAGE_MODEL_KEY" in capsys.readouterr().err
    monkeypatch.setenv("TRIAGE_MODEL_KEY", KEY)
    assert main(["sign", "--model", str(target)]) == 0
    assert load_bundle(target, text_pipeline, key=KEY).version
    (target / "meta.json").write_text("{}")  # a bundle that no longer matches is not signed
    assert main(["sign", "--model", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"bundle {target}: meta.json does not match its SHA-256" in err and KEY not in err


def test_fitted_state_the_format_does_not_know_is_refused_at_save(  # type: ignore[no-untyped-def]
    tiny_model, tmp_path: Path
) -> None:
    """A new kind of learned state cannot be dropped from bundles silently (nor half-written)."""
    featurizer = copy.copy(tiny_model.featurizer)
    featurizer.rare_terms_ = {"nl91abna0417164300"}
    with pytest.raises(TypeError, match="featurizer.rare_terms_: a set cannot be stored"):
        save_bundle(tmp_path / "bundle", featurizer, {}, {})
    assert list(tmp_path.iterdir()) == []


def test_a_head_for_another_featuriser_is_refused(bundle: Path, text_pipeline) -> None:  # type: ignore[no-untyped-def]
    """Well-formed weights of the wrong width (another model's head): refused at load, naming
    the file, rather than failing every prediction."""
    with np.load(bundle / "head_topic.npz") as stored:
        fields = {name: stored[name] for name in stored.files}
    fields["coef"] = fields["coef"][:, :-1]
    np.savez(bundle / "head_topic.npz", **fields)
    resum(bundle)
    with pytest.raises(BundleIntegrityError, match="refused head_topic.npz: weights for"):
        load_bundle(bundle, text_pipeline)
