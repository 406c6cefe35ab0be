"""Learned queue routing on real (third-party generated) multilingual tickets.

    .venv/bin/python bench/routing.py [--shared ../shared/data] [--out bench/results]

Reads ../shared/data/tickets/ in place: the two files that share one queue set (English and
German, 10 queues), de-duplicated on subject + body. A seeded stratified 20 % is held out. The
learned queue head is exactly what `triage train` fits when a dataset has a `queue` column (the
shared text pipeline and featuriser, builder tfidf_linear.v1); next to it, a majority-class
baseline and a plain TF-IDF (word 1-2-grams on raw text) + logistic regression baseline.
Writes routing.json and routing.md under --out.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.builders import get_builder  # noqa: E402
from triage.domain import Ticket  # noqa: E402
from triage.features import TicketInput  # noqa: E402
from triage.settings import PROJECT_ROOT  # noqa: E402
from triage.text import TextPipeline  # noqa: E402

FILES = ("dataset-tickets-multi-lang-4-20k.csv", "aa_dataset-tickets-multi-lang-5-2-50-version.csv")
SEED = 13


def load(shared: Path) -> tuple[list[Ticket], list[str], list[str]]:
    seen: set[tuple[str, str]] = set()
    tickets, queues, languages = [], [], []
    for name in FILES:
        with (shared / "tickets" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["subject"].strip(), row["body"].strip())
                if not row["queue"].strip() or not (key[0] or key[1]) or key in seen:
                    continue
                seen.add(key)
                tickets.append(Ticket(id=str(len(tickets)), subject=key[0], body=key[1]))
                queues.append(row["queue"].strip())
                languages.append(row["language"].strip())
    return tickets, queues, languages


def scores(true: list[str], predicted: list[str]) -> dict[str, float]:
    return {
        "accuracy": round(float(accuracy_score(true, predicted)), 4),
        "macro_f1": round(float(f1_score(true, predicted, average="macro", zero_division=0)), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "bench" / "results")
    args = parser.parse_args()
    tickets, queues, languages = load(args.shared)
    rows = np.arange(len(tickets))
    train_idx, test_idx = train_test_split(rows, test_size=0.2, random_state=SEED, stratify=queues)
    text = TextPipeline()
    started = time.perf_counter()
    processed = text.process([f"{t.subject}\n{t.body}" for t in tickets], [""] * len(tickets))
    inputs = [TicketInput(t, p) for t, p in zip(tickets, processed, strict=True)]
    builder = get_builder("tfidf_linear.v1")
    featurizer = builder.featurizer().fit([inputs[i] for i in train_idx])
    x_train = featurizer.transform([inputs[i] for i in train_idx])
    x_test = featurizer.transform([inputs[i] for i in test_idx])
    y_train = np.asarray([queues[i] for i in train_idx])
    y_test = [queues[i] for i in test_idx]
    head = builder.fit_head("queue", x_train, y_train, SEED)
    probs = head.predict_proba(x_test)
    learned = [head.labels[int(k)] for k in probs.argmax(axis=1)]
    seconds = time.perf_counter() - started

    majority = max(set(y_train.tolist()), key=y_train.tolist().count)
    raw = [f"{t.subject}\n{t.body}" for t in tickets]
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    plain = LogisticRegression(max_iter=2000, C=10.0).fit(
        tfidf.fit_transform([raw[i] for i in train_idx]), y_train
    )
    plain_pred = plain.predict(tfidf.transform([raw[i] for i in test_idx])).tolist()

    results: dict[str, Any] = {
        "n_train": int(len(train_idx)),
        "n_test": int(len(test_idx)),
        "queues": sorted(set(queues)),
        "learned_queue_head": scores(y_test, learned),
        "majority_baseline": scores(y_test, [majority] * len(y_test)),
        "tfidf_logreg_baseline": scores(y_test, plain_pred),
        "learned_by_language": {
            lang: scores(
                [y for y, i in zip(y_test, test_idx, strict=True) if languages[i] == lang],
                [p for p, i in zip(learned, test_idx, strict=True) if languages[i] == lang],
            )
            for lang in sorted({languages[i] for i in test_idx})
        },
        "seconds_text_features_and_fit": round(seconds, 1),
    }
    print(json.dumps(results, indent=1))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "routing.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = [
        "# Queue routing benchmark",
        "",
        f"Produced by `make bench-suggest` (bench/routing.py): ../shared/data/tickets, "
        f"{results['n_train']} train / {results['n_test']} held-out tickets (seeded, stratified), "
        f"{len(results['queues'])} queues. Queue labels in this set are noisy (see its README).",
        "",
        "| model | accuracy | macro-F1 |",
        "|---|---|---|",
    ]
    for name in ("learned_queue_head", "tfidf_logreg_baseline", "majority_baseline"):
        m = results[name]
        lines.append(f"| {name} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |")
    for lang, m in results["learned_by_language"].items():
        lines.append(
            f"| learned_queue_head, {lang} only | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |"
        )
    (args.out / "routing.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
