"""In-process compute per ticket, split by stage, as `TriageService` runs a Triage call.

The stages are timed one ticket at a time on a service with the suggestion content loaded,
and the result of the timed path is checked against `TriageService.triage_many`, so the split
cannot drift from what the server does."""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from triage.bundle import load_bundle
from triage.domain import Ticket
from triage.service import TriageService
from triage.settings import Settings

STAGES = (
    "text (language, masking, lemmas, embedding)",
    "features",
    "heads",
    "routing, macros and articles",
    "escalation (flags, risk, policy)",
)


def stage_split(model_dir: Path, tickets: Sequence[Ticket]) -> dict[str, float]:
    """Median milliseconds per ticket of each stage and of the whole (`total`)."""
    model = load_bundle(model_dir, key=Settings.from_env().model_key)
    service = TriageService(Settings())
    suggester, _ = service.build_content(model)
    service.use_model(model, None, suggester)
    for ticket in tickets[:20]:  # warm caches (token lemmas) as a serving process has them
        service.triage(ticket)
    samples: dict[str, list[float]] = {name: [] for name in (*STAGES, "total")}
    for ticket in tickets:
        marks = [time.perf_counter()]
        inputs = model.inputs([ticket])
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
        if _comparable(judged) != _comparable(service.triage_many([ticket])):
            raise AssertionError(f"the timed path differs from the service on {ticket.id}")
        for name, start, end in zip(STAGES, marks, marks[1:], strict=False):
            samples[name].append((end - start) * 1000)
        samples["total"].append((marks[-1] - marks[0]) * 1000)
    return {name: round(statistics.median(values), 4) for name, values in samples.items()}


def _comparable(results: Sequence[object]) -> list[str]:
    return [repr(r) for r in results]
