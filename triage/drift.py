"""Drift: how far live traffic has moved from the data the model was trained on.

At training time `reference` summarises the model's predictions on the held-out evaluation
tickets (stored in meta.json under `drift`): per head the predicted label mix and the histogram
of the top confidence in fixed bins, and the detected language mix. Predicted, not true, labels:
serving only ever sees predictions, so the reference must be the same signal, or a model that
systematically over-predicts one label would show "drift" on unchanged traffic. Held-out, not
training, tickets: the model is overconfident on the rows it was fitted on.

At serve time `DriftMonitor` keeps the same counts over a sliding window of the last N tickets
and computes the population stability index (PSI) of each signal against the reference:
PSI = sum over bins of (live - ref) * ln(live / ref), shares of each; an empty bin counts as
EPSILON so a label never seen on one side gives a large but finite term. Rule of thumb: < 0.1
stable, 0.1-0.2 moving, > 0.2 drifted. Bundles trained before this have no reference: their
drift is reported as absent (no PSI at all), never guessed."""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from triage.domain import TriageResult

log = logging.getLogger(__name__)

CONFIDENCE_BINS = 10
"""Top confidence histogram: [0, 0.1), [0.1, 0.2) ... [0.9, 1.0]."""
EPSILON = 1e-4
"""Share used for an empty bin (on either side) so ln() stays finite."""
LABEL, LANGUAGE, CONFIDENCE = "label", "language", "confidence"
"""The `signal` of each PSI: a head's label mix, the input language mix (head ""), a head's top
confidence distribution."""

Key = tuple[str, str]
"""(signal, head)."""


def confidence_bin(confidence: float) -> str:
    """The histogram bin of a top confidence, as a string key ("0".."9")."""
    return str(min(CONFIDENCE_BINS - 1, max(0, int(confidence * CONFIDENCE_BINS))))


def _signals(result: TriageResult) -> list[tuple[Key, str]]:
    """Every (signal, head) -> bin one ticket adds to."""
    out: list[tuple[Key, str]] = [((LANGUAGE, ""), result.language.code)]
    for head, prediction in result.predictions.items():
        out.append(((LABEL, head), prediction.label))
        out.append(((CONFIDENCE, head), confidence_bin(prediction.confidence)))
    return out


def reference(results: Sequence[TriageResult]) -> dict[str, Any]:
    """What meta.json stores under `drift`: counts per signal and head of `results` (the
    model's predictions on held-out tickets)."""
    counts: dict[Key, Counter[str]] = {}
    for result in results:
        for key, value in _signals(result):
            counts.setdefault(key, Counter())[value] += 1
    return {
        "source": "predictions on the held-out evaluation tickets",
        "n": len(results),
        "confidence_bins": CONFIDENCE_BINS,
        LABEL: {h: dict(c) for (s, h), c in counts.items() if s == LABEL},
        CONFIDENCE: {h: dict(c) for (s, h), c in counts.items() if s == CONFIDENCE},
        LANGUAGE: dict(counts.get((LANGUAGE, ""), Counter())),
    }


def parse_reference(meta: Mapping[str, Any]) -> dict[Key, dict[str, int]] | None:
    """The reference counts of a bundle's meta.json; None when it has none (older bundles)."""
    stored = meta.get("drift")
    if not isinstance(stored, dict) or stored.get("confidence_bins") != CONFIDENCE_BINS:
        return None
    out: dict[Key, dict[str, int]] = {(LANGUAGE, ""): dict(stored.get(LANGUAGE) or {})}
    for signal in (LABEL, CONFIDENCE):
        for head, counts in (stored.get(signal) or {}).items():
            out[(signal, head)] = dict(counts)
    return {key: counts for key, counts in out.items() if sum(counts.values()) > 0}


def psi(live: Mapping[str, int], ref: Mapping[str, int]) -> float:
    """Population stability index of the `live` counts against the `ref` counts (see module)."""
    n_live, n_ref = sum(live.values()), sum(ref.values())
    total = 0.0
    for value in set(live) | set(ref):
        a = max(live.get(value, 0) / n_live, EPSILON)
        e = max(ref.get(value, 0) / n_ref, EPSILON)
        total += (a - e) * math.log(a / e)
    return total


@dataclass(frozen=True)
class DriftState:
    """What a scrape reports: the PSI per (signal, head), empty while the window holds fewer
    than min_tickets or the model has no reference."""

    has_reference: bool
    tickets: int
    psi: dict[Key, float]


class DriftMonitor:
    """Sliding window of the last `window` judged tickets; PSI against the served model's
    reference. `add` runs on request threads: counter updates, and a PSI check over a few
    dozen bins every `check_every` tickets, to log a warning once per threshold crossing."""

    def __init__(self, window: int, min_tickets: int, threshold: float) -> None:
        self.window, self.min_tickets, self.threshold = window, min_tickets, threshold
        self.check_every = max(1, min_tickets // 10)
        self._lock = threading.Lock()
        self._reference: dict[Key, dict[str, int]] | None = None
        self._recent: deque[list[tuple[Key, str]]] = deque()
        self._counts: dict[Key, Counter[str]] = {}
        self._above: set[Key] = set()
        self._since_check = 0

    def reset(self, meta: Mapping[str, Any] | None) -> None:
        """A new model: its reference (None or no `drift` entry: absent), an empty window."""
        ref = parse_reference(meta) if meta is not None else None
        with self._lock:
            self._reference = ref
            self._recent.clear()
            self._counts = {}
            self._above = set()
            self._since_check = 0
        if meta is not None and ref is None:
            log.info("the model has no drift reference (trained before it was recorded)")

    def add(self, results: Sequence[TriageResult]) -> None:
        with self._lock:
            if self._reference is None:
                return
            for result in results:
                signals = _signals(result)
                self._recent.append(signals)
                for key, value in signals:
                    self._counts.setdefault(key, Counter())[value] += 1
                if len(self._recent) > self.window:
                    for key, value in self._recent.popleft():
                        self._counts[key][value] -= 1
            self._since_check += len(results)
            if self._since_check < self.check_every:
                return
            self._since_check = 0
            values = self._psi()
            crossed = {k for k, v in values.items() if v >= self.threshold} - self._above
            fell = {k for k in self._above if values.get(k, 0.0) < self.threshold}
            self._above = (self._above | crossed) - fell
        for signal, head in sorted(crossed):
            log.warning(
                "drift: PSI of the %s%s over the last %d tickets is %.3f, over the threshold "
                "%.2f (TRIAGE_DRIFT_PSI_THRESHOLD)",
                signal,
                f" of head {head}" if head else "",
                min(len(self._recent), self.window),
                values[(signal, head)],
                self.threshold,
            )
        for signal, head in sorted(fell):
            log.info(
                "drift: PSI of the %s%s is back under the threshold", signal, head and f" {head}"
            )

    def _psi(self) -> dict[Key, float]:
        """Under the lock."""
        if self._reference is None or len(self._recent) < self.min_tickets:
            return {}
        return {
            key: psi(self._counts.get(key, Counter()), ref)
            for key, ref in self._reference.items()
            if sum(self._counts.get(key, Counter()).values()) > 0
        }

    def state(self) -> DriftState:
        with self._lock:
            return DriftState(self._reference is not None, len(self._recent), self._psi())
