"""Language identification on real text the project did not write, full length and cut short.

    .venv/bin/python bench/language_id.py [--shared ../shared/data] [--per-language 1000]
        [--low-accuracy]

Reads in place: `tickets/*.csv` (third-party support tickets with a `language` column; en, de,
and any others present) and `laroseda_ro/train.csv` (Romanian reviews). Prints accuracy per
language for the whole text and for its first 3 and 6 words (chat-length messages).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lingua import LanguageDetectorBuilder  # noqa: E402

from triage.domain import SUPPORTED_LANGUAGES  # noqa: E402
from triage.text import _LINGUA, TextPipeline, strip_quoted_and_signature  # noqa: E402

csv.field_size_limit(10_000_000)


def real_samples(shared: Path, per_language: int, seed: int) -> dict[str, list[str]]:
    by_language: dict[str, list[str]] = defaultdict(list)
    for path in sorted((shared / "tickets").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = (row.get("language") or "").strip().lower()
                text = f"{row.get('subject') or ''}\n{row.get('body') or ''}".strip()
                if code in SUPPORTED_LANGUAGES and text:
                    by_language[code].append(text)
    with (shared / "laroseda_ro" / "train.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_language["ro"].append(
                f"{row.get('title') or ''}\n{row.get('content') or ''}".strip()
            )
    rng = random.Random(seed)
    return {
        code: rng.sample(texts, min(per_language, len(texts)))
        for code, texts in sorted(by_language.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--per-language", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--low-accuracy",
        action="store_true",
        help="lingua's low-accuracy mode (trigrams only): measured for memory, not used",
    )
    args = parser.parse_args()

    pipeline = TextPipeline()
    if args.low_accuracy:  # the serving detector, swapped for this comparison only
        languages = [_LINGUA[code] for code in pipeline.languages]
        builder = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode()
        pipeline._detector = builder.with_preloaded_language_models().build()
    samples = real_samples(args.shared, args.per_language, args.seed)
    print(f"{'language':<9} {'n':>5} {'full text':>10} {'6 words':>8} {'3 words':>8}")
    for code, texts in samples.items():
        cells = []
        for words in (None, 6, 3):
            hits = 0
            for text in texts:
                clean = strip_quoted_and_signature(text)
                cut = clean if words is None else " ".join(clean.split()[:words])
                hits += pipeline.detect_language(cut).code == code
            cells.append(hits / len(texts))
        print(f"{code:<9} {len(texts):>5} {cells[0]:>10.4f} {cells[1]:>8.4f} {cells[2]:>8.4f}")
    print("(nl and fr: no real support data in ../shared/data; see the generated test split)")
    print("(the tickets' own language column is noisy: some rows marked de are English text)")


if __name__ == "__main__":
    main()
