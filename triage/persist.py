"""Bundle components on disk in formats whose loading cannot run code (no pickle anywhere).

- The featuriser is ours and is plain data once fitted: parameters, vocabularies and column
  names go to JSON, numeric arrays to an .npz read with `allow_pickle=False`. Callables (the
  word analyzer) are never stored: they are rebuilt from parameters, and only the classes named
  here are ever constructed.
- Heads go through skops with an explicit allowlist: our head classes and the private
  scikit-learn calibration types they hold (skops trusts the public estimators itself). A file
  naming any other type is refused before anything is constructed.

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
import skops.io as sio
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer

from triage.escalation.risk import EscalationHead
from triage.familiarity import Familiarity
from triage.features import TicketFeaturizer, _WordNgrams
from triage.heads import Head

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
    the two scikit-learn vectorizers are ever constructed."""
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
    if type(value) is TfidfVectorizer:
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
    if type(value) is DictVectorizer:
        names = list(value.feature_names_)
        if value.vocabulary_ != {name: i for i, name in enumerate(names)}:
            raise TypeError(f"{key}: vocabulary_ does not follow feature_names_")
        return {"dict_vectorizer": _vectorizer_params(value, key), "feature_names": names}
    raise TypeError(f"{key}: a {type(value).__name__} cannot be stored in a bundle")


def _vectorizer_params(vectorizer: Any, key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in vectorizer.get_params(deep=False).items():
        if isinstance(value, _WordNgrams):
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
        vectorizer = TfidfVectorizer(**_vectorizer_kwargs(body, arrays))
        vectorizer.vocabulary_ = {str(term): i for i, term in enumerate(node["terms"])}
        vectorizer.idf_ = arrays[node["idf"]]  # the public setter rebuilds the transformer
        return vectorizer
    if kind == "dict_vectorizer":
        dict_vectorizer = DictVectorizer(**_vectorizer_kwargs(body, arrays))
        names = [str(name) for name in node["feature_names"]]
        dict_vectorizer.feature_names_ = names
        dict_vectorizer.vocabulary_ = {name: i for i, name in enumerate(names)}
        return dict_vectorizer
    raise AssertionError(kind)  # unreachable: every kind is handled above


def _vectorizer_kwargs(params: dict[str, Any], arrays: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in params.items():
        if not isinstance(value, dict):
            raise UnsafeComponent(f"vectorizer parameter {name} is not a node")
        if "word_ngrams" in value:
            low, high = value["word_ngrams"]
            out[name] = _WordNgrams((int(low), int(high)))
        elif "dtype" in value:
            out[name] = np.dtype(str(value["dtype"])).type  # a numpy scalar type, nothing else
        else:
            out[name] = _decode(value, arrays)
    return out


# --- heads: skops with an allowlist -----------------------------------------------------------


def save_head(head: Head | EscalationHead, path: Path) -> None:
    sio.dump(head, path)


def load_head(path: Path) -> Head | EscalationHead:
    """Refuses a file that is not a skops archive (e.g. a pickle) or that names any type outside
    skops' defaults and TRUSTED_HEAD_TYPES, before constructing anything."""
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
