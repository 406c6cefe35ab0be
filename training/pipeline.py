"""`triage train`: dataset -> the same text and feature code the server runs -> heads -> held-out
evaluation -> model bundle, all tracked in one MLflow run."""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupShuffleSplit, train_test_split
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from training import tracking
from training.builders import DEFAULT_BUILDER, get_builder
from training.dataset import Dataset, load_dataset, no_labels_error
from training.escalation import fit_escalation_head, out_of_fold_negative
from training.evaluation import Evaluation, evaluate
from training.feedback import Correction, FeedbackUse, add_weighted, override, read_corrections
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
from triage.text import TextPipeline

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


def _progress(total: int, desc: str, enabled: bool) -> tqdm:
    return tqdm(total=total, desc=desc, unit="ticket", disable=not enabled, leave=False)


def process_texts(
    text: TextPipeline, data: Dataset, show_progress: bool, desc: str = "text"
) -> list[TicketInput]:
    """Language, normalisation and lemmas for every ticket, in batches so the bar moves."""
    out: list[TicketInput] = []
    with _progress(len(data.tickets), desc, show_progress) as bar:
        for start in range(0, len(data.tickets), TEXT_BATCH):
            batch = data.tickets[start : start + TEXT_BATCH]
            processed = text.process(
                [ticket_text(t) for t in batch], [t.language_hint for t in batch]
            )
            out.extend(TicketInput(t, p) for t, p in zip(batch, processed, strict=True))
            bar.update(len(batch))
    return out


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


# liblinear (every LinearSVC head, and the out-of-fold sentiment heads of escalation) seeds one
# process-wide random generator and trains with the GIL released: two fits at once share it and
# come out different on every run. They take turns; only the escalation head's own lbfgs fit
# (its longest part) runs beside them.
_LIBLINEAR = threading.Lock()


def _fit_heads(
    builder: Any,
    text: TextPipeline,
    data: Dataset,
    inputs: list[TicketInput],
    features: Any,
    heads_to_train: Sequence[str],
    seed: int,
    progress: Progress,
) -> tuple[dict[str, Head], dict[str, list[str]]]:
    """Every head (fit, calibration folds, refit), and the escalation head when the data
    records outcomes, which is fitted beside them (see _LIBLINEAR: the heads are the same as
    fitted one after another). Returned in `heads_to_train` order, the escalation head last."""
    group_values = data.groups()
    group_array = None if group_values is None else np.asarray(group_values)
    dropped: dict[str, list[str]] = {}
    jobs: dict[str, Callable[[], Any]] = {}
    for head_name in heads_to_train:
        rows, dropped[head_name] = _trainable_rows(data.labels[head_name])
        labels = np.asarray([data.labels[head_name][i] for i in rows])
        if np.unique(labels).size < 2:
            log.warning(
                "head %s: fewer than two labels with enough examples; not trained", head_name
            )
            continue
        groups = None if group_array is None else group_array[rows]

        def fit(
            name: str = head_name, rows: Any = rows, labels: Any = labels, groups: Any = groups
        ) -> Any:
            with _LIBLINEAR:  # the rows are sliced here, one head at a time, not all up front
                return builder.fit_head(name, features[rows], labels, seed, groups)

        jobs[head_name] = _staged(
            progress,
            f"head {head_name}: fit and {builder.calibration_folds}-fold calibration "
            f"on {rows.size} tickets",
            fit,
        )

    def escalation() -> Any:
        p_negative = None
        if "sentiment" in jobs:  # the served sentiment, as the escalation head will see it
            with _LIBLINEAR, progress.stage("escalation: out-of-fold sentiment (3 heads)"):
                p_negative = out_of_fold_negative(
                    builder, features, data.labels["sentiment"], seed, group_array
                )
        with progress.stage("escalation head: fit and calibration"):
            return fit_escalation_head(
                text, inputs, features, data.labels["escalated"], seed, group_array, p_negative
            )

    # The escalation chain is the longest job: started first so it does not finish last alone.
    order = ([ESCALATION_HEAD] if "escalated" in data.labels else []) + list(jobs)
    if ESCALATION_HEAD in order:
        jobs[ESCALATION_HEAD] = escalation
    progress.line(f"fitting {len(order)} heads")
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fit") as pool:
        futures: dict[str, Future[Any]] = {name: pool.submit(jobs[name]) for name in order}
        try:
            fitted = {name: futures[name].result() for name in order}
        except BaseException:  # a failed head or Ctrl-C: start no other head, report at once
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    heads: dict[str, Head] = {
        name: fitted[name] for name in heads_to_train if fitted.get(name) is not None
    }
    if fitted.get(ESCALATION_HEAD) is not None:
        heads[ESCALATION_HEAD] = fitted[ESCALATION_HEAD]
    return heads, dropped


def _staged(progress: Progress, name: str, job: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        with progress.stage(name):
            return job()

    return run


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
) -> TrainResult:
    """Train and write a bundle to `out_dir`; `model_key` (settings.model_key) signs it. The
    escalation head is evaluated at `escalation_threshold` (default: the shipped policy's).
    `register`: also log the bundle as a pyfunc model and register it as a new version of
    that name in the MLflow Model Registry. `feedback_url`: merge the agents' corrections stored
    there (training.feedback), each counting `feedback_weight` times."""
    started = time.perf_counter()
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
                process_texts(text, data, progress.bars, "text (train)"),
                featurizer.shared_encoder(),
            )
        with progress.stage("fitting features (words, character n-grams, metadata)"):
            featurizer.fit(train_inputs)
            features = featurizer.transform(train_inputs)
        heads, dropped = _fit_heads(
            builder, text, data, train_inputs, features, heads_to_train, seed, progress
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
                process_texts(text, test, progress.bars, "text (test)"), model.encoder
            )
            evaluation = evaluate(
                model, test, test_inputs, escalation_threshold=escalation_threshold
            )
            meta["metrics"] = {**evaluation.metrics(), "language_id": evaluation.language_id}
            # What serving's drift signals are compared with (triage/drift.py says why these).
            meta["drift"] = drift.reference(model.predict_inputs(test_inputs))
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
    return TrainResult(out_dir, meta["version"], evaluation, run.info.run_id, seconds, registered)
