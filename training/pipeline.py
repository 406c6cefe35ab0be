"""`triage train`: dataset -> the same text and feature code the server runs -> heads -> held-out
evaluation -> model bundle, all tracked in one MLflow run."""

from __future__ import annotations

import logging
import subprocess
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupShuffleSplit, train_test_split
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from training import tracking
from training.builders import DEFAULT_BUILDER, HeadFolds, TfidfLinearV2, get_builder
from training.dataset import Dataset, load_dataset, no_labels_error
from training.escalation import fit_escalation_head, out_of_fold_negative
from training.evaluation import Evaluation, evaluate
from training.feedback import Correction, FeedbackUse, add_weighted, override, read_corrections
from training.parallel import default_workers, forked_pool, shared
from training.progress import Progress
from triage import drift
from triage.bundle import library_versions, save_bundle
from triage.domain import ESCALATION_HEAD, SUPPORTED_LANGUAGES
from triage.errors import DatasetError
from triage.features import TicketInput, with_embeddings
from triage.feedback_store import safe_url
from triage.heads import Head
from triage.lifecycle.registry import ModelRef, register_bundle
from triage.model import TriageModel, ticket_text
from triage.settings import PROJECT_ROOT
from triage.text import ProcessedText, TextPipeline

log = logging.getLogger(__name__)

MIN_EXAMPLES_PER_LABEL = 3  # fewer cannot be split across calibration folds
TEXT_BATCH = 256


@dataclass(frozen=True)
class TrainResult:
    bundle_dir: Path
    version: str
    evaluation: Evaluation | None
    run_id: str
    seconds: float
    registered: ModelRef | None = None
    model: TriageModel | None = field(default=None, repr=False, compare=False)
    """The model as trained in this process (its heads still hold their fitted scikit-learn
    classifiers, which the bundle does not store)."""


def _progress(total: int, desc: str, enabled: bool) -> tqdm:
    return tqdm(total=total, desc=desc, unit="ticket", disable=not enabled, leave=False)


def process_texts(
    text: TextPipeline,
    data: Dataset,
    show_progress: bool,
    desc: str = "text",
    workers: int = 1,
) -> list[TicketInput]:
    """Language, normalisation and lemmas for every ticket, in batches so the bar moves; with
    `workers` > 1, batches go to that many forked processes (the same results, in order)."""
    tickets = data.tickets
    batches = [(start, start + TEXT_BATCH) for start in range(0, len(tickets), TEXT_BATCH)]
    out: list[TicketInput] = []
    with (
        _progress(len(tickets), desc, show_progress) as bar,
        forked_pool(min(workers, len(batches)), text=text, tickets=tickets) as pool,
    ):
        futures = [pool.submit(_process_batch, start, end) for start, end in batches]
        for (start, end), future in zip(batches, futures, strict=True):
            batch = tickets[start:end]
            out.extend(TicketInput(t, p) for t, p in zip(batch, future.result(), strict=True))
            bar.update(len(batch))
    return out


def _process_batch(start: int, end: int) -> list[ProcessedText]:
    text: TextPipeline = shared("text")
    batch = shared("tickets")[start:end]
    return text.process([ticket_text(t) for t in batch], [t.language_hint for t in batch])


def holdout_split(data: Dataset, fraction: float, seed: int) -> tuple[Dataset, Dataset]:
    """A seeded held-out part (used when no --test-data): whole groups when the data has a group
    column, so the score is for unseen groups; else stratified on the first head's labels."""
    rows = np.arange(len(data.tickets))
    groups = data.groups()
    if groups is not None:
        splitter = GroupShuffleSplit(n_splits=1, test_size=fraction, random_state=seed)
        train_idx, test_idx = next(splitter.split(rows, groups=groups))
    else:
        first = data.labels[data.heads()[0]]
        strat = [label or "" for label in first]
        stratify = strat if min(Counter(strat).values()) >= 2 else None
        train_idx, test_idx = train_test_split(
            rows, test_size=fraction, random_state=seed, stratify=stratify
        )

    def subset(idx: np.ndarray, suffix: str) -> Dataset:
        return replace(
            data,
            tickets=[data.tickets[i] for i in idx],
            labels={k: [v[i] for i in idx] for k, v in data.labels.items()},
            fingerprint=f"{data.fingerprint}:{suffix}",
        )

    return subset(np.sort(train_idx), "train"), subset(np.sort(test_idx), "holdout")


def _trainable_rows(labels: Sequence[str | None]) -> tuple[np.ndarray, list[str]]:
    """Rows with a label whose class has enough examples to calibrate; and the dropped classes."""
    counts = Counter(label for label in labels if label is not None)
    dropped = sorted(label for label, n in counts.items() if n < MIN_EXAMPLES_PER_LABEL)
    rows = [i for i, label in enumerate(labels) if label is not None and label not in dropped]
    return np.asarray(rows, dtype=int), dropped


def _fit_heads(
    builder: Any,
    text: TextPipeline,
    data: Dataset,
    inputs: list[TicketInput],
    features: Any,
    heads_to_train: Sequence[str],
    seed: int,
    progress: Progress,
    workers: int,
) -> tuple[dict[str, Head], dict[str, list[str]]]:
    """Every head, and the escalation head when the data records outcomes, fitted in `workers`
    processes: a head's fold fits and refit are separate tasks (HeadFolds), so they spread over
    the workers; the same heads as fitted one after another. Returned in `heads_to_train`
    order, the escalation head last."""
    group_values = data.groups()
    group_array = None if group_values is None else np.asarray(group_values)
    dropped: dict[str, list[str]] = {}
    plans: dict[str, tuple[np.ndarray, Any]] = {}
    for head_name in heads_to_train:
        rows, dropped[head_name] = _trainable_rows(data.labels[head_name])
        labels = np.asarray([data.labels[head_name][i] for i in rows])
        if np.unique(labels).size < 2:
            log.warning(
                "head %s: fewer than two labels with enough examples; not trained", head_name
            )
            continue
        groups = None if group_array is None else group_array[rows]
        folds = (
            builder.head_folds(features[rows], labels, seed, groups)
            if isinstance(builder, TfidfLinearV2)
            else None  # v1 calibrates inside scikit-learn: one task for the whole head
        )
        plans[head_name] = (rows, labels if folds is None else folds)
    escalate = "escalated" in data.labels
    progress.line(
        f"fitting {len(plans) + escalate} heads in {workers} process"
        + ("es" if workers > 1 else "")
    )
    started = time.perf_counter()
    state = {"builder": builder, "features": features, "text": text, "inputs": inputs}
    with forked_pool(workers, **state) as pool:
        parts: dict[str, list[Future[Any]]] = {}

        def submit(name: str) -> None:
            rows, plan = plans[name]
            if isinstance(plan, HeadFolds):
                parts[name] = [
                    pool.submit(_fit_part, name, rows, plan, part, seed)
                    for part in range(plan.parts)
                ]
            else:
                parts[name] = [pool.submit(_fit_whole_head, name, rows, plan, seed, group_array)]

        # Sentiment's folds first, then the escalation head, which reads their scores and is
        # the longest task, then the other heads: the pool runs tasks in the order submitted,
        # and the longest one started last would leave the other workers idle at the end.
        if "sentiment" in plans:
            submit("sentiment")
        escalation: Future[Any] | None = None
        if escalate:
            sentiment = plans.get("sentiment", (None, None))[1]
            old_style = sentiment is not None and not isinstance(sentiment, HeadFolds)
            escalation = pool.submit(
                _fit_escalation,
                data.labels["escalated"],
                seed,
                group_array,
                _negative_out_of_fold(plans, parts, len(inputs)),
                data.labels["sentiment"] if old_style else None,
            )
        for name in plans:
            if name != "sentiment":
                submit(name)
        heads: dict[str, Head] = {}
        for name in heads_to_train:
            if name not in parts:
                continue
            results = [future.result() for future in parts[name]]
            _, plan = plans[name]
            heads[name] = (
                builder.assemble(name, plan, results) if isinstance(plan, HeadFolds) else results[0]
            )
            rows = plans[name][0]
            progress.line(
                f"head {name}: fit and {builder.calibration_folds}-fold calibration on "
                f"{rows.size} tickets: done ({time.perf_counter() - started:.1f} s since "
                "fitting began)"
            )
        if escalation is not None:
            head = escalation.result()
            if head is not None:
                heads[ESCALATION_HEAD] = head
            progress.line(f"escalation head: fitted ({time.perf_counter() - started:.1f} s)")
    return heads, dropped


def _negative_out_of_fold(
    plans: dict[str, tuple[np.ndarray, Any]], parts: dict[str, list[Future[Any]]], n: int
) -> list[float | None] | None:
    """P(sentiment = negative) of every training row from the sentiment head's fold models,
    none of which saw the row, at the head's temperature (so the escalation head learns how much
    to trust the served sentiment head); None for rows without a sentiment label, or without
    the head or its `negative` label."""
    plan = plans.get("sentiment", (None, None))[1]
    if not isinstance(plan, HeadFolds) or "negative" not in plan.classes:
        return None
    rows = plans["sentiment"][0]
    _, probabilities = plan.calibrate([f.result() for f in parts["sentiment"][:-1]])
    negative = probabilities[:, list(plan.classes).index("negative")]
    out: list[float | None] = [None] * n
    for row, p in zip(rows, negative, strict=True):
        out[int(row)] = float(p)
    return out


def _head_rows(rows: np.ndarray) -> Any:
    features = shared("features")
    if rows.size == features.shape[0] and (rows == np.arange(rows.size)).all():
        return features  # every row, in order: no copy
    return features[rows]


def _fit_part(name: str, rows: np.ndarray, folds: HeadFolds, part: int, seed: int) -> Any:
    return shared("builder").fit_part(_head_rows(rows), folds, part, seed)


def _fit_whole_head(
    name: str, rows: np.ndarray, labels: np.ndarray, seed: int, groups: np.ndarray | None
) -> Head:
    head_groups = None if groups is None else groups[rows]
    return shared("builder").fit_head(name, _head_rows(rows), labels, seed, head_groups)


def _fit_escalation(
    values: list[str | None],
    seed: int,
    groups: np.ndarray | None,
    p_negative: list[float | None] | None,
    sentiment: list[str | None] | None,
) -> Any:
    """The escalation head; `sentiment` (labels, for a builder without HeadFolds): its
    out-of-fold negative probabilities are fitted here, three whole sentiment heads."""
    builder, features = shared("builder"), shared("features")
    if sentiment is not None:
        p_negative = out_of_fold_negative(builder, features, sentiment, seed, groups)
    return fit_escalation_head(
        shared("text"), shared("inputs"), features, values, seed, groups, p_negative
    )


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=5,
        )
        return out.stdout.strip() if out.returncode == 0 else ""
    except OSError:
        return ""


def train(
    data_path: Path | str,
    out_dir: Path | str,
    *,
    column_map: dict[str, str] | None = None,
    test_path: Path | str | None = None,
    holdout_fraction: float = 0.15,
    builder_name: str = DEFAULT_BUILDER,
    builder_params: dict[str, Any] | None = None,
    name: str | None = None,
    seed: int = 13,
    experiment: str = "triage",
    show_progress: bool = True,
    text: TextPipeline | None = None,
    model_key: str = "",
    escalation_threshold: float | None = None,
    register: str = "",
    feedback_url: str = "",
    feedback_weight: float = 1.0,
    workers: int = 0,
) -> TrainResult:
    """Train and write a bundle to `out_dir`; `model_key` (settings.model_key) signs it. The
    escalation head is evaluated at `escalation_threshold` (default: the shipped policy's).
    `register`: also log the bundle as a pyfunc model and register it as a new version of
    that name in the MLflow Model Registry. `feedback_url`: merge the agents' corrections stored
    there (training.feedback), each counting `feedback_weight` times. `workers`: processes for
    text and head fitting (0: one per core; 1: all in this process)."""
    started = time.perf_counter()
    workers = default_workers(workers)
    progress = Progress(show_progress)
    out_dir = Path(out_dir)
    builder = get_builder(builder_name, **(builder_params or {}))
    with progress.stage(f"reading {data_path}"):
        data = load_dataset(data_path, column_map)
    items: list[Correction] = []
    matched: set[str] = set()
    if feedback_url:
        with progress.stage(f"reading corrections from {safe_url(feedback_url)}"):
            items = read_corrections(feedback_url)
        data, matched = override(data, items)
    heads_to_train = data.heads()
    if not heads_to_train:
        raise no_labels_error(data)
    fingerprint = data.fingerprint  # of the whole file, before any held-out split
    if test_path is not None:
        with progress.stage(f"reading {test_path}"):
            test = load_dataset(test_path, column_map)
        test = override(test, items)[0]
        test_source = f"{Path(test_path).name} (fingerprint {test.fingerprint[:12]})"
    else:
        data, test = holdout_split(data, holdout_fraction, seed)
        test_source = f"a {holdout_fraction:.0%} held-out split of it"
    use = FeedbackUse()
    if feedback_url:  # after the split: a repeated row must not land on both sides of it
        data, use = add_weighted(data, items, matched, feedback_weight)
        heads_to_train = data.heads()

    with progress.stage("loading language models"):
        text = text or TextPipeline(SUPPORTED_LANGUAGES)
    progress.line("opening the MLflow run ...")
    # One BLAS thread: the heads are fitted in parallel instead, and the many small
    # vector-matrix products of novelty scoring run several times faster without thread hand-offs.
    with (
        threadpool_limits(limits=1, user_api="blas"),
        tracking.start_run(experiment, run_name=name or out_dir.name) as run,
    ):
        tracking.log_params(
            {
                "builder": builder.name,
                **{f"builder.{k}": v for k, v in builder.params().items()},
                "data": str(data_path),
                "test_data": str(test_path) if test_path else f"holdout {holdout_fraction}",
                "column_map": ",".join(f"{k}={v}" for k, v in (column_map or {}).items()),
                "seed": seed,
                "n_train": len(data.tickets),
                "n_test": len(test.tickets),
                "heads": ",".join(heads_to_train),
                "grouped_calibration": data.groups() is not None,
                "feedback": safe_url(feedback_url) if feedback_url else "",
                "feedback.weight": feedback_weight,
                "feedback.repeats": use.repeats,
            }
        )
        if feedback_url:
            tracking.log_metrics(use.metrics())
        featurizer = builder.featurizer()
        # embedded once here, then read by fit, transform and the escalation head
        with progress.stage(f"language, lemmas and embeddings of {len(data.tickets)} tickets"):
            train_inputs = with_embeddings(
                process_texts(text, data, progress.bars, "text (train)", workers),
                featurizer.shared_encoder(),
            )
        with progress.stage("fitting features (words, character n-grams, metadata)"):
            features = featurizer.fit_transform(train_inputs)
        heads, dropped = _fit_heads(
            builder, text, data, train_inputs, features, heads_to_train, seed, progress, workers
        )
        if not heads:
            raise DatasetError(f"{data_path}: no head has two labels with enough examples")
        created = datetime.now(UTC)
        meta: dict[str, Any] = {
            "name": name or out_dir.name,
            "version": f"{created:%Y%m%d%H%M%S}-{data.fingerprint[:8]}",
            "created_at": created.isoformat(timespec="seconds"),
            "builder": builder.name,
            "builder_params": builder.params(),
            "git_commit": _git_commit(),
            "libraries": library_versions(),
            "languages": list(text.languages),
            "data_fingerprint": data.fingerprint,
            "n_train": len(data.tickets),
            "dropped_labels": {k: v for k, v in dropped.items() if v},
            "mlflow_run_id": run.info.run_id,
        }
        model = TriageModel(text, featurizer, heads, meta)
        with progress.stage(f"evaluating on {len(test.tickets)} held-out tickets"):
            test_inputs = with_embeddings(
                process_texts(text, test, progress.bars, "text (test)", workers), model.encoder
            )
            test_features = model.features(test_inputs)
            predictions = model.predict_inputs(test_inputs, test_features)
            evaluation = evaluate(
                model,
                test,
                test_inputs,
                escalation_threshold=escalation_threshold,
                features=test_features,
                predictions=predictions,
            )
            meta["metrics"] = {**evaluation.metrics(), "language_id": evaluation.language_id}
            # What serving's drift signals are compared with (triage/drift.py says why these).
            meta["drift"] = drift.reference(predictions)
        meta["n_test"] = len(test.tickets)
        with progress.stage(f"writing the bundle to {out_dir}"):
            save_bundle(out_dir, featurizer, heads, meta, key=model_key)
        with progress.stage("logging metrics, confusion matrices and the bundle to MLflow"):
            tracking.describe_run(
                f"{builder.name} trained on {Path(data_path).name} (fingerprint "
                f"{fingerprint[:12]}, {len(data.tickets)} training rows), evaluated on "
                f"{test_source}, {len(test.tickets)} rows. Heads: {', '.join(heads)}."
            )
            tracking.log_evaluation(evaluation)
            tracking.log_bundle(out_dir)
        registered = None
        if register:
            with progress.stage(f"registering the model as a new version of {register}"):
                registered = register_bundle(out_dir, register, key=model_key, text=text)
            progress.line(f"registered {registered.uri}")
    seconds = time.perf_counter() - started
    return TrainResult(
        out_dir, meta["version"], evaluation, run.info.run_id, seconds, registered, model
    )
