"""Memory under novel text (security review finding 5): tickets of random never-seen words through
the whole triage path in-process, RSS sampled as it goes; it must stay flat.

    .venv/bin/python bench/novel_text.py [--model models/default] [--tickets 200000]
        [--every 10000] [--batch 50] [--out bench/results/memory.md]

Every word is fresh (seeded random letters), so each ticket interns new strings in spaCy's
vocab and fills the token caches: before the fix the StringStore grew without bound (RSS +3 MB
per 64 KB request). Tickets carry 6-20 words; a fifth of them have no language hint, so the
language detector runs too, the rest name one of the five languages at random. By default each
batch goes through the parts that keep state between requests (`TriageModel.inputs`: language,
spaCy tokens, caches, embeddings; then `features`); --full runs `TriageService.triage_many`
(heads, novelty, escalation flags), about 5x slower. Writes a Markdown table to --out.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --root ../main measures another checkout (the code before a change)
_at = sys.argv.index("--root") + 1 if "--root" in sys.argv else 0
sys.path.insert(0, str(Path(sys.argv[_at]).resolve() if _at else ROOT))

from triage.bundle import load_bundle  # noqa: E402
from triage.domain import Ticket  # noqa: E402
from triage.service import TriageService  # noqa: E402
from triage.settings import Settings  # noqa: E402
from triage.text import TextPipeline  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüéèàîșțăâ"


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def random_ticket(rng: random.Random, i: int, languages: tuple[str, ...]) -> Ticket:
    words = [
        "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 12)))
        for _ in range(rng.randint(6, 20))
    ]
    hint = "" if rng.random() < 0.2 else rng.choice(languages)
    return Ticket(
        id=f"N-{i}", subject=" ".join(words[:4]), body=" ".join(words[4:]), language_hint=hint
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "default")
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=10_000, help="tickets between RSS samples")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to import triage from")
    parser.add_argument("--full", action="store_true", help="the whole triage path")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "memory.md")
    args = parser.parse_args()

    text = TextPipeline()
    model = load_bundle(args.model, text)
    service = TriageService(Settings(), model)
    rng = random.Random(args.seed)
    rows: list[tuple[int, float, float, int]] = []
    started = time.perf_counter()

    def sample(done: int) -> None:
        strings = max(len(text.nlp(code).vocab.strings) for code in text.languages)
        rows.append((done, time.perf_counter() - started, rss_mb(), strings))
        print(
            f"{done:>7} tickets {rows[-1][1]:7.0f} s  RSS {rows[-1][2]:7.1f} MiB  "
            f"largest StringStore {strings:>6}  rebuilds {getattr(text, 'rebuilds', 0)}",
            flush=True,
        )

    sample(0)
    done = 0
    while done < args.tickets:
        n = min(args.batch, args.tickets - done)
        batch = [random_ticket(rng, done + k, text.languages) for k in range(n)]
        if args.full:
            service.triage_many(batch)
        else:
            model.features(model.inputs(batch))
        done += n
        if done % args.every == 0 or done == args.tickets:
            sample(done)

    rss = [r[2] for r in rows]
    after_warmup = [r[2] for r in rows if r[0] >= args.tickets // 4]
    rebuilds = getattr(text, "rebuilds", 0)
    path = "TriageService.triage_many" if args.full else "TriageModel.inputs + features"
    lines = [
        "# Memory under novel text",
        "",
        f"`{' '.join(sys.argv)}` — {args.tickets:,} tickets of random words (6-20 each, never "
        f"seen before) through `{path}` in batches of {args.batch}, model "
        f"`{args.model.name}`; {rows[-1][1]:.0f} s in all; {rebuilds} pipeline rebuilds.",
        "",
        f"RSS start {rss[0]:.0f} MiB, peak {max(rss):.0f} MiB, end {rss[-1]:.0f} MiB; "
        f"from the first quarter on, {min(after_warmup):.0f}-{max(after_warmup):.0f} MiB.",
        "",
        "| tickets | seconds | RSS MiB | largest StringStore |",
        "|---:|---:|---:|---:|",
        *(f"| {n:,} | {s:.0f} | {r:.1f} | {k:,} |" for n, s, r, k in rows),
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
