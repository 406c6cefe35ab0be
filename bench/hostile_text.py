"""Worst-case text work per ticket (security review finding 3): hostile bodies up to the largest
allowed size (settings.max_body_bytes, 64 KB) through the text pipeline.

    .venv/bin/python bench/hostile_text.py [--sizes 4096,16384,65536] [--budget 20]
    .venv/bin/python bench/hostile_text.py --root ../main   # the same bodies on another checkout

Per body: `TextPipeline.process` (language, masking, spaCy tokens + lemmas: what the heads read)
plus `TextPipeline.tokens` over the raw body (what the escalation flags read), i.e. the text work
one Triage call does. A case whose time at one size passes --budget seconds is not run at the
larger sizes (the old tokenizer was quadratic: 32 KB of "?!" took minutes). Every body is fresh
(seeded random), so no cache helps. Prints a Markdown table of CPU seconds (`process_time`:
the work is single-threaded, so this is the wall time on an idle machine, and it does not
count waiting for a busy shared CPU); bench/results/hostile_text.md keeps a run before and after.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[random.Random, int], str]


def _repeat(unit: str) -> Maker:
    return lambda _rng, n: (unit * (n // len(unit) + 1))[:n]


def _random_of(alphabet: str, spaces: bool = False) -> Maker:
    def make(rng: random.Random, n: int) -> str:
        chars = [rng.choice(alphabet) for _ in range(n)]
        if spaces:
            for i in range(rng.randint(3, 9), n, rng.randint(4, 10)):
                chars[i] = " "
        return "".join(chars)

    return make


def _random_unicode(rng: random.Random, n: int) -> str:
    out: list[str] = []
    while len(out) < n:
        c = chr(rng.randint(0x20, 0x2FFFF))
        if c.isprintable():
            out.append(c)
    return "".join(out)


def _random_words(rng: random.Random, n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyzäöüéèàîșțăâ"
    words: list[str] = []
    size = 0
    while size < n:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(2, 12)))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:n]


def _emoji(rng: random.Random, n: int) -> str:
    units = ["😀", "🔥", "👍🏽", "🎉", "❤️", "👨‍👩‍👧", "🇳🇱", "🤬"]
    out = ""
    while len(out.encode()) < n:
        out += "".join(rng.choice(units) for _ in range(64))
    return out


CASES: dict[str, Maker] = {
    "?! repeated": _repeat("?!"),
    "! repeated": _repeat("!"),
    "emoji run": _emoji,
    "one long word": _random_of("abcdefghijklmnopqrstuvwxyz"),
    "random punctuation": _random_of("!?.,;:()[]{}\"'-_/\\*&%$#@^~`|<>+="),
    "quotes": _random_of("'\""),
    "punctuation, spaced": _random_of("!?.,;:()[]\"'-", spaces=True),
    "random unicode": _random_unicode,
    "zero-width joined": _repeat("a\u200b\u200d\ufeff"),
    "RTL overrides": _repeat("\u202eabc\u202d!?\u2066x\u2069"),
    "a.a.a (e-mail regex)": _repeat("a."),
    "novel random words": _random_words,
    "ordinary words": _repeat("My invoice was charged twice, please refund it! "),
}


def _fit(text: str, size: int) -> str:
    """`text` cut to at most `size` UTF-8 bytes (the body limit counts bytes)."""
    return text.encode()[:size].decode(errors="ignore")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--sizes", default="4096,16384,65536", help="body sizes in bytes")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds; see module doc")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    from triage.text import TextPipeline

    sizes = [int(s) for s in args.sizes.split(",")]
    pipeline = TextPipeline()
    pipeline.process(["warm up the detector and the tokenizers"])
    # A full pass of the cyclic GC over the loaded pipeline costs ~0.2 s whatever the input;
    # frozen, the loaded objects are not traversed and the table shows each body's own work.
    gc.collect()
    gc.freeze()
    rng = random.Random(args.seed)
    print(f"root: {args.root.resolve()}")
    print("| body | " + " | ".join(f"{s // 1024} KB" for s in sizes) + " | tokens at max |")
    print("|---|" + "---:|" * len(sizes) + "---:|")
    worst = 0.0
    for name, make in CASES.items():
        cells: list[str] = []
        tokens = "-"
        for size in sizes:
            if cells and cells[-1].startswith("over"):
                cells.append("not run")
                continue
            body = _fit(make(rng, size), size)
            started = time.process_time()
            processed = pipeline.process([body])[0]
            raw = pipeline.tokens(processed.language.code, body)
            seconds = time.process_time() - started
            cells.append(
                f"over {args.budget:g} s ({seconds:.1f} s)"
                if seconds > args.budget
                else f"{seconds:.3f} s"
            )
            if size == sizes[-1]:
                worst = max(worst, seconds)
                tokens = str(len(raw))
        print(f"| {name} | " + " | ".join(cells) + f" | {tokens} |", flush=True)
    print(f"\nworst at {sizes[-1] // 1024} KB: {worst:.3f} s")


if __name__ == "__main__":
    main()
