"""Bundle components on disk in formats whose loading cannot run code (no pickle anywhere).

- The featuriser is ours and is plain data once fitted: parameters, vocabularies and column
  names go to JSON, numeric arrays to an .npz read with `allow_pickle=False`. Callables (the
  word analyzer) are never stored: they are rebuilt from parameters, and only the classes named
  here are ever constructed.
- A head is plain arrays (weights, calibration, labels, conformal scores) in an .npz read with
  `allow_pickle=False`, checked field by field before the head is built.
- Heads of format-2 bundles went through skops: they are still read, through skops with an
  explicit allowlist (our head classes and the private scikit-learn calibration types they
  held; skops trusts the public estimators itself). A file naming any other type is refused
  before anything is constructed. skops is imported for such a file only: importing it imports
  every scikit-learn estimator (1 s and 100 MB), which a serving process otherwise never needs.

Why not skops for the featuriser too: it stores every dict entry as a JSON node, so the default
model's featuriser took 67 MB, 20 s to write and 5 s to read, against a few MB and a fraction of
a second here."""

from __future__ import annotations

import inspect
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from triage.escalation.risk import EscalationHead
from triage.familiarity import Familiarity
from triage.features import TicketFeaturizer
from triage.heads import Head
from triage.tfidf import FittedKeys, FittedTfidf, WordNgrams

TRUSTED_HEAD_TYPES = (
    "triage.heads.Head",
    "triage.escalation.risk.EscalationHead",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.calibration._TemperatureScaling",
)
"""Types a head file may name beyond those skops trusts by default. Each is rebuilt from its
attributes only (`__new__` + `__setstate__`); none runs code chosen by the file."""

_OURS: dict[str, type] = {"TicketFeaturizer": TicketFeaturizer, "Familiarity": Familiarity}
"""The only classes a featurizer.json may name."""

_JSON_SCALARS = (str, int, float, bool, type(None))


class UnsafeComponent(ValueError):
    """A component file that is malformed or names something outside the allowlist."""


# --- featuriser: JSON + npz -------------------------------------------------------------------


def save_featurizer(featurizer: TicketFeaturizer, state_path: Path, arrays_path: Path) -> None:
    arrays: dict[str, np.ndarray] = {}
    state = _encode(featurizer, "featurizer", arrays)
    state_path.write_text(json.dumps(state, ensure_ascii=False, separators=(",", ":")))
    with arrays_path.open("wb") as handle:
        np.savez(handle, allow_pickle=False, **arrays)


def load_featurizer(state_path: Path, arrays_path: Path) -> TicketFeaturizer:
    """Refuses (UnsafeComponent, naming the file) anything but the JSON and arrays written by
    `save_featurizer`: np.load will not read pickled data, and only the classes in _OURS and
    the fitted vectorizers' plain state (triage.tfidf) are ever constructed."""
    errors = (ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError)
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except errors as exc:
        raise UnsafeComponent(f"{state_path.name}: not JSON ({exc})") from None
    try:
        arrays = np.load(arrays_path, allow_pickle=False)
        if not isinstance(arrays, np.lib.npyio.NpzFile):
            raise ValueError("not an .npz archive")
    except errors as exc:
        raise UnsafeComponent(f"{arrays_path.name}: unreadable ({exc})") from None
    try:
        with arrays:
            featurizer = _decode(state, arrays)
    except UnsafeComponent as exc:
        raise UnsafeComponent(f"{state_path.name}: {exc}") from None
    except errors as exc:
        raise UnsafeComponent(
            f"{state_path.name}: malformed ({type(exc).__name__}: {exc})"
        ) from None
    if not isinstance(featurizer, TicketFeaturizer):
        raise UnsafeComponent(f"{state_path.name}: does not describe a TicketFeaturizer")
    return featurizer


def _init_params(obj: object) -> list[str]:
    return [p for p in inspect.signature(type(obj).__init__).parameters if p != "self"]


def _encode(value: Any, key: str, arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    """A JSON node for `value`; numeric arrays go to `arrays` under `key`. Anything this does
    not know is refused at save time, so a new kind of fitted state cannot be lost silently."""
    if isinstance(value, _JSON_SCALARS):
        return {"json": value}
    if isinstance(value, tuple) and all(isinstance(v, _JSON_SCALARS) for v in value):
        return {"tuple": list(value)}
    if isinstance(value, list) and all(isinstance(v, _JSON_SCALARS) for v in value):
        return {"list": value}
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            if not all(isinstance(v, str) for v in value.flat) or value.ndim != 1:
                raise TypeError(f"{key}: only 1-d object arrays of strings can be stored")
            return {"strings": value.tolist()}
        arrays[key] = value
        return {"array": key}
    if type(value) in _OURS.values():
        params = _init_params(value)
        return {
            "object": type(value).__name__,
            "params": {p: _encode(getattr(value, p), f"{key}.{p}", arrays) for p in params},
            "learned": {
                name: _encode(v, f"{key}.{name}", arrays)
                for name, v in vars(value).items()
                if name not in params
            },
        }
    if type(value) is FittedTfidf:
        vocabulary = value.vocabulary_
        terms = [""] * len(vocabulary)
        for term, column in vocabulary.items():
            terms[column] = term
        arrays[f"{key}.idf_"] = value.idf_
        return {
            "tfidf": _vectorizer_params(value, key),
            "terms": terms,
            "idf": f"{key}.idf_",
        }
    if type(value) is FittedKeys:
        return {
            "dict_vectorizer": _vectorizer_params(value, key),
            "feature_names": value.feature_names_,
        }
    raise TypeError(f"{key}: a {type(value).__name__} cannot be stored in a bundle")


def _vectorizer_params(vectorizer: FittedTfidf | FittedKeys, key: str) -> dict[str, Any]:
    """The scikit-learn parameters the vectorizer was fitted with."""
    out: dict[str, Any] = {}
    for name, value in vectorizer.params.items():
        if isinstance(value, WordNgrams):
            out[name] = {"word_ngrams": list(value.ngram_range)}
        elif isinstance(value, type) and issubclass(value, np.generic):
            out[name] = {"dtype": np.dtype(value).name}
        elif callable(value):
            raise TypeError(f"{key}.{name}: a callable parameter cannot be stored in a bundle")
        else:
            out[name] = _encode(value, f"{key}.{name}", {})
    return out


_KINDS = {"json", "tuple", "list", "strings", "array", "object", "tfidf", "dict_vectorizer"}


def _decode(node: dict[str, Any], arrays: Any) -> Any:
    kinds = _KINDS & set(node)
    if len(kinds) != 1:
        raise UnsafeComponent(f"a node of unknown kind ({', '.join(sorted(map(str, node)))})")
    (kind,) = kinds
    body = node[kind]
    if kind == "json":
        if not isinstance(body, _JSON_SCALARS):
            raise UnsafeComponent("a json node holds a container")
        return body
    if kind in ("tuple", "list"):
        if not isinstance(body, list) or not all(isinstance(v, _JSON_SCALARS) for v in body):
            raise UnsafeComponent(f"a {kind} node holds something other than scalars")
        return tuple(body) if kind == "tuple" else body
    if kind == "strings":
        if not isinstance(body, list):
            raise UnsafeComponent("a strings node holds no list")
        return np.asarray([str(v) for v in body], dtype=object)
    if kind == "array":
        return arrays[body]
    if kind == "object":
        cls = _OURS.get(body)
        if cls is None:
            raise UnsafeComponent(f"featuriser names an unknown class {body!r}")
        params, learned = node["params"], node["learned"]
        if not isinstance(params, dict) or not isinstance(learned, dict):
            raise UnsafeComponent(f"{body}: parameters or learned state is not a mapping")
        obj = cls(**{p: _decode(v, arrays) for p, v in params.items()})
        for name, value in learned.items():
            if not name.isidentifier() or name.startswith("_"):
                raise UnsafeComponent(f"{body}: refused attribute name {name!r}")
            setattr(obj, name, _decode(value, arrays))
        return obj
    if kind == "tfidf":
        vocabulary = {str(term): i for i, term in enumerate(node["terms"])}
        return FittedTfidf(_vectorizer_kwargs(body, arrays), vocabulary, arrays[node["idf"]])
    if kind == "dict_vectorizer":
        names = [str(name) for name in node["feature_names"]]
        return FittedKeys(names, _vectorizer_kwargs(body, arrays))
    raise AssertionError(kind)  # unreachable: every kind is handled above


def _vectorizer_kwargs(params: dict[str, Any], arrays: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in params.items():
        if not isinstance(value, dict):
            raise UnsafeComponent(f"vectorizer parameter {name} is not a node")
        if "word_ngrams" in value:
            low, high = value["word_ngrams"]
            out[name] = WordNgrams((int(low), int(high)))
        elif "dtype" in value:
            out[name] = np.dtype(str(value["dtype"])).type  # a numpy scalar type, nothing else
        else:
            out[name] = _decode(value, arrays)
    return out


# --- heads: plain arrays ----------------------------------------------------------------------

_HEAD_FIELDS = {
    "head": {"name", "coef", "intercept", "beta", "labels", "conformal_scores", "coverage"},
    "escalation": {"coef", "intercept", "sigmoid", "extras", "sla_window_fill"},
}
"""The arrays a head file holds besides its `kind`."""


def save_head(head: Head | EscalationHead, path: Path) -> None:
    fields: dict[str, Any]
    if isinstance(head, EscalationHead):
        fill = head.sla_window_fill
        fields = {
            "kind": "escalation",
            "coef": head.coef,
            "intercept": head.intercept,
            "sigmoid": head.sigmoid,
            "extras": np.asarray(head.extras, dtype=str),
            "sla_window_fill": np.nan if fill is None else fill,
        }
    else:
        fields = {
            "kind": "head",
            "name": head.name,
            # (labels, features), as the constructor takes it; Fortran order, as the transpose
            # of a head's own weights is, also for a head in a HeadStack (a view of its columns)
            "coef": np.asfortranarray(head.coef.T),
            "intercept": head.intercept,
            "beta": head.beta,
            "labels": np.asarray(head.labels, dtype=str),
            "conformal_scores": head.conformal_scores,
            "coverage": head.coverage,
        }
    with path.open("wb") as handle:
        np.savez(handle, allow_pickle=False, **{k: np.asarray(v) for k, v in fields.items()})


def load_head(path: Path) -> Head | EscalationHead:
    """Refuses (UnsafeComponent, naming the file) anything but a head written by `save_head`
    (nothing pickled is read); a format-2 `.skops` head goes through `load_skops_head`."""
    if path.suffix == ".skops":
        return load_skops_head(path)
    errors = (ValueError, KeyError, TypeError, IndexError, OSError, EOFError, zipfile.BadZipFile)
    try:
        with np.load(path, allow_pickle=False) as archive:
            fields = {name: archive[name] for name in archive.files}
        return _head_from(fields)
    except errors as exc:
        raise UnsafeComponent(f"{path.name}: not a head ({type(exc).__name__}: {exc})") from None


def _head_from(fields: dict[str, np.ndarray]) -> Head | EscalationHead:
    kind = str(fields.pop("kind", ""))
    if kind not in _HEAD_FIELDS or set(fields) != _HEAD_FIELDS[kind]:
        raise ValueError(f"unexpected fields {sorted(fields)} for kind {kind!r}")
    strings = {"name", "labels", "extras"} & set(fields)
    for name, value in fields.items():
        if value.dtype.kind != ("U" if name in strings else "f"):
            raise TypeError(f"{name} holds {value.dtype}")
    if kind == "escalation":
        fill = float(fields["sla_window_fill"])
        a, b = fields["sigmoid"].tolist()
        head: Head | EscalationHead = EscalationHead(
            fields["coef"],
            float(fields["intercept"]),
            (a, b),
            fields["extras"].tolist(),
            None if np.isnan(fill) else fill,
        )
    else:
        head = Head(
            str(fields["name"]),
            fields["coef"],
            fields["intercept"],
            float(fields["beta"]),
            tuple(fields["labels"].tolist()),
            conformal_scores=fields["conformal_scores"],
            coverage=float(fields["coverage"]),
        )
    if head.coef.shape[0] < 1 or not np.isfinite(head.coef).all():
        raise ValueError("weights missing or not finite")
    return head


def load_skops_head(path: Path) -> Head | EscalationHead:
    """A format-2 head: refuses a file that is not a skops archive (e.g. a pickle) or that names
    any type outside skops' defaults and TRUSTED_HEAD_TYPES, before constructing anything."""
    import skops.io as sio

    try:
        untrusted = sio.get_untrusted_types(file=path)
    except zipfile.BadZipFile:
        raise UnsafeComponent(
            f"{path.name}: not a skops file (a pickle from an earlier version?)"
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise UnsafeComponent(f"{path.name}: unreadable ({type(exc).__name__}: {exc})") from None
    refused = sorted(set(untrusted) - set(TRUSTED_HEAD_TYPES))
    if refused:
        raise UnsafeComponent(f"{path.name}: names untrusted types {', '.join(refused)}")
    try:
        head = sio.load(path, trusted=list(TRUSTED_HEAD_TYPES))  # skops audits the tree again
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise UnsafeComponent(f"{path.name}: unreadable ({type(exc).__name__}: {exc})") from None
    if not isinstance(head, Head | EscalationHead):
        raise UnsafeComponent(f"{path.name}: holds a {type(head).__name__}, not a head")
    return head
