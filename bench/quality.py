"""Prediction quality on real public data: this project's model next to a plain baseline.

    .venv/bin/python bench/quality.py [--shared ../shared/data] [--out bench/results]
        [--only banking77,clinc150,airline_sentiment,laroseda_ro,tickets]
        [--limit N] [--max-train N] [--builder tfidf_embed.v1]

For each dataset a deterministic held-out part is carved (seed 13, stratified by label, 20 %); the
train and test parts are written as CSV under bench/out/quality/<task>/ (scratch, git-ignored) and
this project's model is trained through the real CLI as a subprocess:

    triage train --data train.csv --test-data test.csv --column-map <map>
                 --out bench/out/quality/<task>/model --name quality-<task> --builder <builder>

(MLflow goes to bench/out/quality/mlruns.db, not the project's store). Held-out metrics are read
from the bundle's meta.json; training time is the subprocess's wall time; the time to predict one
ticket is measured in-process (bundle loaded, warmed up, then 300 held-out tickets one at a time).

Next to it, the plain baseline issue 5 prescribes, fit on the same split in the same run: TF-IDF
word 1-2-grams + char_wb 2-5-grams on the raw text (a FeatureUnion), LogisticRegression(C=10,
max_iter=2000), nothing tuned; its one-ticket predict time is measured the same way.

clinc150: out-of-scope (`oos`) is a class in training, and a question is also rejected when its top
confidence is below a threshold t. t is chosen without the test part: the training part is split
again (seeded, stratified, 20 % validation), a model is trained on the rest (same CLI path) and t is
the one (grid 0.00..0.99) that maximises in-scope accuracy on validation subject to oos recall
>= 0.60 (ties: the lowest t). The reported model is then retrained on the whole training part and
used with that t on the test part. The baseline goes through the same procedure.

Reads the data in place (never copies it into the repo). Writes quality.json and quality.md under
--out (with --limit, under bench/out/quality-limited unless --out is given).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import FeatureUnion, make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.evaluation import expected_calibration_error  # noqa: E402
from triage.domain import Ticket  # noqa: E402
from triage.settings import PROJECT_ROOT  # noqa: E402

SEED = 13
TEST_SHARE = 0.2
VALIDATION_SHARE = 0.2  # clinc150: share of the training part used to choose the threshold
MIN_OOS_RECALL = 0.6
PREDICT_SAMPLES = 300
WARM_UP = 20
TASKS = ("banking77", "clinc150", "airline_sentiment", "laroseda_ro", "tickets")
TICKET_FILES = (
    "dataset-tickets-multi-lang-4-20k.csv",
    "aa_dataset-tickets-multi-lang-5-2-50-version.csv",
)
PRIORITY_MAP = {"low": "low", "medium": "normal", "high": "high"}
OURS_METRICS = (
    "accuracy",
    "macro_f1",
    "log_loss",
    "ece",
    "majority_accuracy",
    "conformal_coverage_90",
    "conformal_set_size_90",
    "conformal_coverage_95",
    "conformal_set_size_95",
)
TARGETS = {
    "banking77": "accuracy >= 0.945",
    "clinc150": "in-scope accuracy >= 0.95 with oos recall >= 0.60",
    "airline_sentiment": "macro-F1 >= 0.80",
    "laroseda_ro": "accuracy >= 0.975",
    "every head": "ECE <= 0.03",
}


# --- data ----------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_task(name: str, shared: Path) -> dict[str, Any]:
    """Rows as they will be written to the carved CSV files, the column map, the heads (ours ->
    the carved CSV's column), the stratification key and notes on any label mapping."""
    notes: list[str] = []
    if name == "banking77":
        src = read_csv(shared / "banking77" / "train.csv")
        rows = [{"text": r["text"], "category": r["category"]} for r in src if r["text"].strip()]
        heads, column_map = {"topic": "category"}, "topic=category"
    elif name == "clinc150":
        src = read_csv(shared / "clinc150" / "train.csv")
        rows = [{"text": r["text"], "intent": r["intent"]} for r in src if r["text"].strip()]
        heads, column_map = {"topic": "intent"}, "topic=intent"
    elif name == "airline_sentiment":
        src = read_csv(shared / "airline_sentiment" / "train.csv")
        rows = [
            {"text": r["text"], "airline_sentiment": r["airline_sentiment"]}
            for r in src
            if r["text"].strip() and r["airline_sentiment"].strip()
        ]
        heads, column_map = {"sentiment": "airline_sentiment"}, "sentiment=airline_sentiment"
    elif name == "laroseda_ro":
        src = read_csv(shared / "laroseda_ro" / "train.csv")
        rows = [
            {"subject": r["title"], "body": r["content"], "sentiment": r["sentiment"]}
            for r in src
            if (r["title"].strip() or r["content"].strip()) and r["sentiment"].strip()
        ]
        values = sorted({r["sentiment"] for r in rows})
        notes.append(
            f"laroseda_ro: title -> subject, content -> body; `sentiment` values {values} used "
            "as they are (negative = 1-2 stars, positive = 4-5 stars; no mapping needed)."
        )
        heads, column_map = {"sentiment": "sentiment"}, "sentiment=sentiment"
    elif name == "tickets":
        seen: set[tuple[str, str]] = set()
        rows = []
        for file in TICKET_FILES:
            for r in read_csv(shared / "tickets" / file):
                key = (r["subject"].strip(), r["body"].strip())
                if not (key[0] or key[1]) or key in seen or not r["queue"].strip():
                    continue
                if r["priority"].strip() not in PRIORITY_MAP or not r["type"].strip():
                    continue
                seen.add(key)
                rows.append(
                    {
                        "subject": key[0],
                        "body": key[1],
                        "queue": r["queue"].strip(),
                        "priority": PRIORITY_MAP[r["priority"].strip()],
                        "type": r["type"].strip(),
                        "language": r["language"].strip(),
                    }
                )
        notes.append(
            "tickets: the two files sharing one queue set (en + de, "
            + ", ".join(TICKET_FILES)
            + "), de-duplicated on subject + body; dataset-tickets-german_normalized.csv is left "
            "out (another queue set, no `type`). Priority mapped to the contract's labels: "
            "low -> low, medium -> normal, high -> high. Carved stratified by queue."
        )
        heads = {"queue": "queue", "priority": "priority", "topic": "type"}
        column_map = "queue=queue,priority=priority,topic=type,language=language"
    else:
        raise SystemExit(f"unknown task {name!r}; known: {', '.join(TASKS)}")
    strat_column = "queue" if name == "tickets" else next(iter(heads.values()))
    return {
        "rows": rows,
        "heads": heads,
        "column_map": column_map,
        "stratify": [r[strat_column] for r in rows],
        "stratified_by": strat_column,
        "notes": notes,
    }


def raw_text(row: dict[str, str]) -> str:
    """What the baseline reads: the same text our model reads (subject line, then body)."""
    if "text" in row:
        return row["text"]
    return f"{row['subject']}\n{row['body']}" if row["subject"] else row["body"]


def to_ticket(row: dict[str, str], i: int) -> Ticket:
    if "text" in row:
        return Ticket(id=str(i), body=row["text"])
    return Ticket(id=str(i), subject=row["subject"], body=row["body"])


def split(
    indices: np.ndarray, strat: list[str], share: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    try:
        a, b = train_test_split(
            indices, test_size=share, random_state=seed, stratify=[strat[i] for i in indices]
        )
    except ValueError:  # only in tiny --limit runs: a class too rare to stratify
        a, b = train_test_split(indices, test_size=share, random_state=seed)
    return np.sort(a), np.sort(b)


def subsample(indices: np.ndarray, strat: list[str], n: int, seed: int) -> np.ndarray:
    """n rows of `indices`, stratified where every class can keep a row, else plain random."""
    if n >= len(indices):
        return indices
    try:
        keep, _ = train_test_split(
            indices, train_size=n, random_state=seed, stratify=[strat[i] for i in indices]
        )
    except ValueError:
        keep = np.random.default_rng(seed).choice(indices, size=n, replace=False)
    return np.sort(keep)


def carve(
    strat: list[str], limit: int | None, max_train: int | None
) -> tuple[np.ndarray, np.ndarray, int]:
    """The seeded, stratified train/test split of a task's rows, cut down for --limit (both
    parts, quick runs) or --max-train (the training part); also the training part's full size."""
    train_idx, test_idx = split(np.arange(len(strat)), strat, TEST_SHARE, SEED)
    full_train = len(train_idx)
    if limit:
        train_idx = subsample(train_idx, strat, limit, SEED)
        test_idx = subsample(test_idx, strat, max(limit // 2, 200), SEED)
    elif max_train:
        train_idx = subsample(train_idx, strat, max_train, SEED)
    return train_idx, test_idx, full_train


def write_csv(path: Path, rows: list[dict[str, str]], indices: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows[i] for i in indices)


# --- ours: the CLI path ----------------------------------------------------------------------


def train_ours(
    work: Path,
    name: str,
    train_csv: Path,
    test_csv: Path,
    task: dict[str, Any],
    model_dir: Path,
) -> tuple[float, dict[str, Any], str]:
    triage_bin = Path(sys.executable).parent / "triage"
    command = [
        str(triage_bin),
        "train",
        "--data",
        str(train_csv),
        "--test-data",
        str(test_csv),
        "--column-map",
        task["column_map"],
        "--out",
        str(model_dir),
        "--name",
        name,
        "--builder",
        task["builder"],
        "--no-progress",
    ]
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{(work / 'mlruns.db').resolve()}"}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    (model_dir.parent / f"{name}.log").write_text(done.stdout + "\n" + done.stderr)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    meta = json.loads((model_dir / "meta.json").read_text())
    return seconds, meta, " ".join(_relative(c) for c in command)


def _relative(part: str) -> str:
    try:
        return str(Path(part).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return part


_TEXT: Any = None


def load_ours(model_dir: Path) -> Any:
    """The bundle, loaded in-process (one shared text pipeline for all bundles)."""
    global _TEXT
    from triage.bundle import load_bundle
    from triage.settings import Settings
    from triage.text import TextPipeline

    if _TEXT is None:
        _TEXT = TextPipeline()
    return load_bundle(model_dir, text=_TEXT, key=Settings.from_env().model_key)


def timing(predict_one: Any, items: list[Any]) -> dict[str, float]:
    """Median and p99 wall time (ms) of predicting one item at a time, after a warm-up."""
    for item in items[:WARM_UP]:
        predict_one(item)
    samples = []
    for item in items[:PREDICT_SAMPLES]:
        started = time.perf_counter()
        predict_one(item)
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(float(np.percentile(samples, 99)), 3),
        "n": len(samples),
    }


def ours_head_metrics(meta: dict[str, Any], head: str) -> dict[str, Any]:
    found = meta.get("metrics", {}).get(head, {})
    return {k: _round(found[k]) for k in OURS_METRICS if k in found}


def _round(value: Any) -> Any:
    return round(float(value), 4) if isinstance(value, int | float) else value


# --- baseline ---------------------------------------------------------------------------------


def baseline_pipeline() -> Any:
    return make_pipeline(
        FeatureUnion(
            [
                ("word", TfidfVectorizer(ngram_range=(1, 2))),
                ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5))),
            ]
        ),
        LogisticRegression(C=10, max_iter=2000),
    )


def fit_baseline(texts: list[str], labels: list[str]) -> tuple[Any, float]:
    started = time.perf_counter()
    pipe = baseline_pipeline().fit(texts, labels)
    return pipe, time.perf_counter() - started


def proba_predictions(pipe: Any, texts: list[str]) -> tuple[list[str], np.ndarray]:
    probs = pipe.predict_proba(texts)
    classes = pipe.classes_
    return [str(classes[k]) for k in probs.argmax(axis=1)], probs.max(axis=1)


def scores(true: list[str], predicted: list[str], confidence: np.ndarray) -> dict[str, float]:
    correct = np.array([t == p for t, p in zip(true, predicted, strict=True)])
    return {
        "accuracy": round(float(accuracy_score(true, predicted)), 4),
        "macro_f1": round(float(f1_score(true, predicted, average="macro", zero_division=0)), 4),
        "ece": round(expected_calibration_error(np.asarray(confidence, float), correct), 4),
    }


# --- tasks -----------------------------------------------------------------------------------


def run_standard(
    name: str, task: dict[str, Any], work: Path, limit: int | None, max_train: int | None
) -> dict[str, Any]:
    rows, strat = task["rows"], task["stratify"]
    train_idx, test_idx, full_train = carve(strat, limit, max_train)
    folder = work / name
    write_csv(folder / "train.csv", rows, train_idx)
    write_csv(folder / "test.csv", rows, test_idx)
    print(f"[{name}] train {len(train_idx)} / test {len(test_idx)}: training ours", flush=True)
    seconds, meta, command = train_ours(
        work,
        f"quality-{name}",
        folder / "train.csv",
        folder / "test.csv",
        task,
        folder / "model",
    )
    model = load_ours(folder / "model")
    tickets = [to_ticket(rows[i], i) for i in test_idx]
    ours_time = timing(lambda t: model.predict([t]), tickets)
    out: dict[str, Any] = {
        "n_train": int(len(train_idx)),
        "subsampled_from": full_train if len(train_idx) < full_train else None,
        "n_test": int(len(test_idx)),
        "stratified_by": task["stratified_by"],
        "command": command,
        "ours": {
            "train_seconds": round(seconds, 1),
            "predict_one": ours_time,
            "version": meta.get("version"),
            "builder": meta.get("builder"),
            "language_id": meta.get("metrics", {}).get("language_id", {}),
        },
        "heads": {},
    }
    texts_train = [raw_text(rows[i]) for i in train_idx]
    texts_test = [raw_text(rows[i]) for i in test_idx]
    for head, column in task["heads"].items():
        print(f"[{name}] baseline for {head}", flush=True)
        y_train = [rows[i][column] for i in train_idx]
        y_test = [rows[i][column] for i in test_idx]
        pipe, base_seconds = fit_baseline(texts_train, y_train)
        predicted, confidence = proba_predictions(pipe, texts_test)
        out["heads"][head] = {
            "ours": ours_head_metrics(meta, head),
            "baseline": {
                **scores(y_test, predicted, confidence),
                "train_seconds": round(base_seconds, 1),
                "predict_one": timing(lambda t, p=pipe: p.predict_proba([t]), texts_test),
            },
        }
    return out


def oos_scores(
    true: list[str], predicted: list[str], confidence: np.ndarray, t: float
) -> dict[str, float]:
    """In-scope accuracy (right intent and not rejected) and oos recall (predicted `oos` or
    rejected) at rejection threshold t."""
    is_oos = np.array([x == "oos" for x in true])
    kept = np.asarray(confidence) >= t
    pred = np.array(predicted)
    right = (pred == np.array(true)) & kept & ~is_oos
    caught = ((pred == "oos") | ~kept) & is_oos
    return {
        "in_scope_accuracy": round(float(right[~is_oos].mean()), 4),
        "oos_recall": round(float(caught[is_oos].mean()), 4),
    }


def choose_threshold(true: list[str], predicted: list[str], confidence: np.ndarray) -> float:
    """The t maximising in-scope accuracy subject to oos recall >= MIN_OOS_RECALL (lowest t on
    ties); if no t reaches that recall, the one with the highest recall."""
    grid = [round(x, 2) for x in np.arange(0.0, 1.0, 0.01)]
    measured = [(t, oos_scores(true, predicted, confidence, t)) for t in grid]
    ok = [(t, m) for t, m in measured if m["oos_recall"] >= MIN_OOS_RECALL]
    if ok:
        return max(ok, key=lambda tm: (tm[1]["in_scope_accuracy"], -tm[0]))[0]
    return max(measured, key=lambda tm: (tm[1]["oos_recall"], -tm[0]))[0]


def ours_predictions(model: Any, tickets: list[Ticket]) -> tuple[list[str], np.ndarray]:
    results = []
    for start in range(0, len(tickets), 256):
        results.extend(model.predict(tickets[start : start + 256]))
    return (
        [r.predictions["topic"].label for r in results],
        np.array([r.predictions["topic"].confidence for r in results]),
    )


def run_clinc(
    task: dict[str, Any], work: Path, limit: int | None, max_train: int | None
) -> dict[str, Any]:
    rows, strat = task["rows"], task["stratify"]
    train_idx, test_idx, full_train = carve(strat, limit, max_train)
    fit_idx, val_idx = split(train_idx, strat, VALIDATION_SHARE, SEED)
    folder = work / "clinc150"
    for part, idx in (("train", train_idx), ("test", test_idx), ("fit", fit_idx), ("val", val_idx)):
        write_csv(folder / f"{part}.csv", rows, idx)
    intent = task["heads"]["topic"]
    y = {
        part: [rows[i][intent] for i in idx]
        for part, idx in (
            ("train", train_idx),
            ("test", test_idx),
            ("fit", fit_idx),
            ("val", val_idx),
        )
    }
    tickets = {
        part: [to_ticket(rows[i], i) for i in idx]
        for part, idx in (("test", test_idx), ("val", val_idx))
    }
    texts = {
        part: [raw_text(rows[i]) for i in idx]
        for part, idx in (
            ("train", train_idx),
            ("test", test_idx),
            ("fit", fit_idx),
            ("val", val_idx),
        )
    }

    print(f"[clinc150] fit {len(fit_idx)} / validation {len(val_idx)}: threshold model", flush=True)
    fit_seconds, _, fit_command = train_ours(
        work,
        "quality-clinc150-fit",
        folder / "fit.csv",
        folder / "val.csv",
        task,
        folder / "model-fit",
    )
    fit_model = load_ours(folder / "model-fit")
    t_ours = choose_threshold(y["val"], *ours_predictions(fit_model, tickets["val"]))
    del fit_model
    print(f"[clinc150] train {len(train_idx)} / test {len(test_idx)}: final model", flush=True)
    seconds, meta, command = train_ours(
        work,
        "quality-clinc150",
        folder / "train.csv",
        folder / "test.csv",
        task,
        folder / "model",
    )
    model = load_ours(folder / "model")
    test_pred, test_conf = ours_predictions(model, tickets["test"])
    ours_time = timing(lambda t: model.predict([t]), tickets["test"])

    print("[clinc150] baseline (fit part, then whole training part)", flush=True)
    base_fit, _ = fit_baseline(texts["fit"], y["fit"])
    t_base = choose_threshold(y["val"], *proba_predictions(base_fit, texts["val"]))
    base, base_seconds = fit_baseline(texts["train"], y["train"])
    base_pred, base_conf = proba_predictions(base, texts["test"])
    base_time = timing(lambda t: base.predict_proba([t]), texts["test"])

    return {
        "n_train": int(len(train_idx)),
        "subsampled_from": full_train if len(train_idx) < full_train else None,
        "n_test": int(len(test_idx)),
        "n_test_oos": int(sum(v == "oos" for v in y["test"])),
        "n_fit": int(len(fit_idx)),
        "n_validation": int(len(val_idx)),
        "n_validation_oos": int(sum(v == "oos" for v in y["val"])),
        "stratified_by": task["stratified_by"],
        "threshold_rule": (
            f"t in 0.00..0.99 (step 0.01) maximising validation in-scope accuracy subject to "
            f"validation oos recall >= {MIN_OOS_RECALL} (lowest t on ties); validation = "
            f"{VALIDATION_SHARE:.0%} of the training part (seeded, stratified); the model trained "
            "on the remaining fit part chooses t, the model retrained on the whole training part "
            "is reported with it"
        ),
        "command": command,
        "command_threshold_model": fit_command,
        "ours": {
            "train_seconds": round(seconds, 1),
            "train_seconds_threshold_model": round(fit_seconds, 1),
            "predict_one": ours_time,
            "version": meta.get("version"),
            "builder": meta.get("builder"),
            "threshold": t_ours,
        },
        "heads": {
            "topic": {
                "ours": {
                    **ours_head_metrics(meta, "topic"),
                    "oos_class_only": oos_scores(y["test"], test_pred, test_conf, 0.0),
                    "with_threshold": oos_scores(y["test"], test_pred, test_conf, t_ours),
                },
                "baseline": {
                    **scores(y["test"], base_pred, base_conf),
                    "train_seconds": round(base_seconds, 1),
                    "predict_one": base_time,
                    "threshold": t_base,
                    "oos_class_only": oos_scores(y["test"], base_pred, base_conf, 0.0),
                    "with_threshold": oos_scores(y["test"], base_pred, base_conf, t_base),
                },
            }
        },
    }


# --- report ----------------------------------------------------------------------------------


def _f(value: Any, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _pair(a: Any, b: Any, digits: int = 3) -> str:
    return f"{_f(a, digits)} / {_f(b, digits)}"


def _target(task: str, head: str, ours: dict[str, Any], row: str = "") -> str:
    parts = []
    if task == "banking77":
        parts.append(f"acc >= 0.945: {_yes(ours.get('accuracy', 0) >= 0.945)}")
    elif task == "clinc150" and row:
        m = ours[row]
        ok = m["in_scope_accuracy"] >= 0.95 and m["oos_recall"] >= 0.6
        parts.append(f"in-scope >= 0.95 & oos >= 0.60: {_yes(ok)}")
    elif task == "airline_sentiment":
        parts.append(f"F1 >= 0.80: {_yes(ours.get('macro_f1', 0) >= 0.80)}")
    elif task == "laroseda_ro":
        parts.append(f"acc >= 0.975: {_yes(ours.get('accuracy', 0) >= 0.975)}")
    if "ece" in ours:
        parts.append(f"ECE <= 0.03: {_yes(ours['ece'] <= 0.03)}")
    return "; ".join(parts)


def _yes(ok: bool) -> str:
    return "**yes**" if ok else "no"


def to_markdown(results: dict[str, Any]) -> str:
    lines = ["# Prediction quality on real data (issue 5)", ""]
    if results.get("pending"):
        lines += [f"**Partial: not run yet: {', '.join(results['pending'])}.**", ""]
    if results["limit"]:
        lines += [
            f"**LIMITED DEVELOPMENT RUN (--limit {results['limit']}): training parts subsampled, "
            "test parts capped; these numbers are not the benchmark.**",
            "",
        ]
    lines += [
        f"Produced by `{results['command']}` on {results['date']} ({results['machine']}), "
        f"git {results['git']}, total {results['total_seconds']:.0f} s. "
        "Ours = `triage train` (builder(s): "
        f"{', '.join(sorted(results['builders']))}) through the CLI; baseline = TF-IDF word 1-2 + "
        "char_wb 2-5 grams on raw text, LogisticRegression(C=10, max_iter=2000), nothing tuned. "
        f"Held-out parts: {TEST_SHARE:.0%}, seed {SEED}, stratified (never seen by training, "
        "tuning or calibration). ECE: 15 bins, top label. Cells are `ours / baseline`; "
        "conformal columns are ours only (`-` where the bundle does not report them). Predict "
        f"time: one ticket per call, median (p99) over {PREDICT_SAMPLES} held-out tickets after "
        "a warm-up; ours includes language ID, normalisation, spaCy and every head of the bundle.",
        "",
        "| task | head | train / test rows | accuracy | macro-F1 | ECE | coverage 90 % (set size) "
        "| coverage 95 % (set size) | train s | predict ms median (p99) | target (ours) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for task, r in results["tasks"].items():
        if "error" in r:
            lines.append(f"| {task} | - | - | failed: {r['error']} | | | | | | | |")
            continue
        ours_one = r["ours"]["predict_one"]
        timing_cell = f"{_f(ours_one['median_ms'], 2)} ({_f(ours_one['p99_ms'], 2)})"
        for head, h in r["heads"].items():
            o, b = h["ours"], h["baseline"]
            cov90 = (
                f"{_f(o.get('conformal_coverage_90'))} ({_f(o.get('conformal_set_size_90'), 2)})"
            )
            cov95 = (
                f"{_f(o.get('conformal_coverage_95'))} ({_f(o.get('conformal_set_size_95'), 2)})"
            )
            train_cell = f"{r['ours']['train_seconds']:.0f} / {b['train_seconds']:.0f}"
            predict_cell = (
                f"{timing_cell} / {_f(b['predict_one']['median_ms'], 2)} "
                f"({_f(b['predict_one']['p99_ms'], 2)})"
            )
            sub = r.get("subsampled_from")
            sizes = f"{r['n_train']}{f' (of {sub})' if sub else ''} / {r['n_test']}"
            lines.append(
                f"| {task} | {head} | {sizes} | {_pair(o.get('accuracy'), b['accuracy'])} | "
                f"{_pair(o.get('macro_f1'), b['macro_f1'])} | {_pair(o.get('ece'), b['ece'])} | "
                f"{cov90} | {cov95} | {train_cell} | {predict_cell} | "
                f"{_target(task, head, o)} |"
            )
            if task == "clinc150":
                for row, label in (
                    ("oos_class_only", "oos class only (t=0)"),
                    (
                        "with_threshold",
                        f"with threshold (t={r['ours']['threshold']} / {b['threshold']})",
                    ),
                ):
                    lines.append(
                        f"| clinc150 {label} | topic | {sizes} | in-scope "
                        f"{_pair(o[row]['in_scope_accuracy'], b[row]['in_scope_accuracy'])}; "
                        f"oos recall {_pair(o[row]['oos_recall'], b[row]['oos_recall'])} | | | "
                        f"| | | | {_target(task, head, o, row)} |"
                    )
    lines += ["", "## Split sizes, seeds and notes", ""]
    for task, r in results["tasks"].items():
        if "error" in r:
            continue
        extra = ""
        if task == "clinc150":
            extra = (
                f"; {r['n_test_oos']} oos questions in test; threshold chosen on fit "
                f"{r['n_fit']} / validation {r['n_validation']} ({r['n_validation_oos']} oos): "
                f"{r['threshold_rule']}"
            )
        sub = r.get("subsampled_from")
        lines.append(
            f"- {task}: train {r['n_train']}"
            + (f" (subsampled from {sub})" if sub else "")
            + f" / test {r['n_test']}, seed {SEED}, stratified by `{r['stratified_by']}`"
            + extra
            + f". Command: `{r['command']}`"
        )
    if "load_average_at_start" in results:
        lines.append(
            f"- Machine load (1/5/15-min load average) at start {results['load_average_at_start']}"
            f", at end {results.get('load_average_at_end')}: times are wall times on a shared "
            "machine, so they are noisy (p99 most of all)."
        )
    for note in results["notes"]:
        lines.append(f"- {note}")
    lines += [
        "- Targets (issue 5): " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()) + ".",
        "",
    ]
    return "\n".join(lines)


def _git_state() -> str:
    """The commit the run started from, `+dirty` when the working tree had changes."""

    def git(*a: str) -> str:
        done = subprocess.run(["git", *a], cwd=PROJECT_ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    return git("rev-parse", "--short", "HEAD") + ("+dirty" if git("status", "--porcelain") else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None, help="default: bench/results")
    parser.add_argument("--only", default=",".join(TASKS), help="comma-separated tasks")
    parser.add_argument(
        "--limit", type=int, default=None, help="subsample training parts (development runs)"
    )
    parser.add_argument(
        "--max-train",
        type=int,
        default=None,
        help="cap every training part at N rows (seeded, stratified; stated in the table)",
    )
    parser.add_argument("--builder", default="tfidf_embed.v1", help="our model's builder")
    args = parser.parse_args()
    out = args.out or (
        PROJECT_ROOT / "bench" / ("out/quality-limited" if args.limit else "results")
    )
    work = PROJECT_ROOT / "bench" / "out" / ("quality-limited" if args.limit else "quality")
    work.mkdir(parents=True, exist_ok=True)
    only = [t.strip() for t in args.only.split(",") if t.strip()]
    started = time.perf_counter()
    results: dict[str, Any] = {
        "command": "python bench/quality.py" + "".join(f" {a}" for a in sys.argv[1:]),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "git": _git_state(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "seed": SEED,
        "test_share": TEST_SHARE,
        "limit": args.limit,
        "tasks": {},
        "notes": [],
        "builders": set(),
    }
    for name in only:
        task = {**load_task(name, args.shared), "builder": args.builder}
        results["notes"] += task["notes"]
        task_started = time.perf_counter()
        try:
            r = (
                run_clinc(task, work, args.limit, args.max_train)
                if name == "clinc150"
                else run_standard(name, task, work, args.limit, args.max_train)
            )
        except (Exception, SystemExit) as exc:  # one failed task must not lose the others
            print(f"[{name}] FAILED: {exc}", flush=True)
            results["tasks"][name] = {"error": str(exc).splitlines()[-1][:300]}
            continue
        r["seconds"] = round(time.perf_counter() - task_started, 1)
        results["builders"].add(r["ours"]["builder"])
        results["tasks"][name] = r
        print(json.dumps({name: r["heads"]}, indent=1), flush=True)
        # Written after every task, so a run stopped part-way leaves what finished.
        write_results(out, results, started, pending=only[only.index(name) + 1 :])
    print(to_markdown(write_results(out, results, started, pending=[])))


def write_results(
    out: Path, results: dict[str, Any], started: float, pending: list[str]
) -> dict[str, Any]:
    snapshot = {
        **results,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "total_seconds": round(time.perf_counter() - started, 1),
        "builders": sorted(b for b in results["builders"] if b),
        "pending": pending,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "quality.json").write_text(json.dumps(snapshot, indent=2) + "\n")
    (out / "quality.md").write_text(to_markdown(snapshot))
    return snapshot


if __name__ == "__main__":
    main()
