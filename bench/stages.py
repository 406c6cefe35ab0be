"""In-process compute per ticket, split by stage, as `TriageService` runs a Triage call.

The stages are timed one ticket at a time (or in batches, as concurrent calls are scored) on a
service with the suggestion content loaded, and the result of the timed path is checked against
`TriageService.triage_many`, so the split cannot drift from what the server does.

    .venv/bin/python bench/stages.py --model bench/out/fast-model --batch 16
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.dataset import load_dataset  # noqa: E402
from triage.bundle import load_bundle  # noqa: E402
from triage.domain import Ticket  # noqa: E402
from triage.service import TriageService  # noqa: E402
from triage.settings import Settings  # noqa: E402

STAGES = (
    "text (language, masking, lemmas, embedding)",
    "features",
    "heads",
    "routing, macros and articles",
    "escalation (flags, risk, policy)",
)


def stage_split(model_dir: Path, tickets: Sequence[Ticket], batch: int = 1) -> dict[str, float]:
    """Median milliseconds per ticket of each stage and of the whole (`total`), the tickets
    scored `batch` at a time."""
    model = load_bundle(model_dir, key=Settings.from_env().model_key)
    service = TriageService(Settings())
    # One instant for both paths: escalation rules read the ticket's age, which a running clock
    # can carry over a threshold between the timed path and the service's.
    now = service.clock()
    service.clock = lambda: now
    suggester, _ = service.build_content(model)
    service.use_model(model, None, suggester)
    for ticket in tickets[:20]:  # warm caches (token lemmas) as a serving process has them
        service.triage(ticket)
    samples: dict[str, list[float]] = {name: [] for name in (*STAGES, "total")}
    for start in range(0, len(tickets) - batch + 1, batch):
        group = tickets[start : start + batch]
        marks = [time.perf_counter()]
        inputs = model.inputs(group)
        marks.append(time.perf_counter())
        features = model.features(inputs)
        marks.append(time.perf_counter())
        results = model.predict_inputs(inputs, features)
        marks.append(time.perf_counter())
        results = [suggester.add_to(i, r) for i, r in zip(inputs, results, strict=True)]
        marks.append(time.perf_counter())
        signals = model.escalator.signals(inputs, results, model, features=features)
        judged = model.escalator.apply(results, signals, service.policy, service.clock())
        judged = [suggester.reroute(i, r) for i, r in zip(inputs, judged, strict=True)]
        marks.append(time.perf_counter())
        if _comparable(judged) != _comparable(service.triage_many(group)):
            raise AssertionError(f"the timed path differs from the service on {group[0].id}")
        for name, begin, end in zip(STAGES, marks, marks[1:], strict=False):
            samples[name].append((end - begin) * 1000 / batch)
        samples["total"].append((marks[-1] - marks[0]) * 1000 / batch)
    return {name: round(statistics.median(values), 4) for name, values in samples.items()}


def _comparable(results: Sequence[object]) -> list[str]:
    return [repr(r) for r in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--tickets", type=int, default=1600)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "generated" / "test.jsonl")
    args = parser.parse_args()
    tickets = load_dataset(args.data).tickets[: args.tickets]
    for name, ms in stage_split(args.model, tickets, args.batch).items():
        print(f"{name:45s} {ms:7.3f} ms a ticket")


if __name__ == "__main__":
    main()
