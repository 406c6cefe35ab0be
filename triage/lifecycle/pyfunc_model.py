"""The bundle as an MLflow pyfunc model: `mlflow.pyfunc.load_model("models:/NAME@champion")`
gives a model that scores a DataFrame of tickets in any process with this package installed
(and `mlflow.pyfunc.spark_udf` on Spark). The bundle is loaded with the same checks as the
server's (hashes; the signature when TRIAGE_MODEL_KEY is set)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from mlflow.pyfunc import PythonModel

from triage.domain import Ticket
from triage.records import row_to_ticket

BUNDLE_ARTIFACT = "bundle"
"""Name of the pyfunc model's artifact holding the bundle directory."""

INPUT_COLUMNS: dict[str, str] = {
    "id": "string",
    "text": "string",
    "subject": "string",
    "body": "string",
    "language_hint": "string",
    "channel": "string",
    "customer_id": "string",
    "customer_segment": "string",
    "customer_plan": "string",
    "customer_name": "string",
    "customer_vip": "boolean",
    "created_at": "string",
    "sla_due_at": "string",
    "previous_contacts": "long",
    "reopen_count": "long",
}
"""What the model reads of a DataFrame (`text`, or `subject` + `body`; the rest optional), named
as `triage train` reads datasets (triage.records.row_to_ticket)."""

LANGUAGE = "language"
ESCALATION_RISK = "escalation_risk"


def tickets_from_frame(frame: pd.DataFrame) -> list[Ticket]:
    """One ticket per row; missing values are treated as absent. ValueError for a frame with
    no text column at all (a frame of only metadata is a mistake, not empty tickets)."""
    if not {"text", "subject", "body"} & set(frame.columns):
        raise ValueError("tickets need a `text` column, or `subject` and `body` columns")
    known = [c for c in frame.columns if c in INPUT_COLUMNS]
    rows = frame[known].astype(object).where(frame[known].notna(), None).to_dict("records")
    return [row_to_ticket(row, i) for i, row in enumerate(rows)]


def output_columns(head_names: Sequence[str], has_escalation: bool) -> list[str]:
    columns = [LANGUAGE]
    for name in head_names:
        columns += [name, f"{name}_confidence"]
    return columns + ([ESCALATION_RISK] if has_escalation else [])


def score_frame(model: Any, frame: pd.DataFrame) -> pd.DataFrame:
    """`model` (a TriageModel) on `frame`: one row per ticket, in order, with `language`,
    `<head>` and `<head>_confidence` per classification head, and `escalation_risk` when the
    bundle has an escalation head."""
    tickets = tickets_from_frame(frame)
    has_escalation = model.escalation_head is not None
    columns = output_columns(list(model.heads), has_escalation)
    if not tickets:
        return pd.DataFrame(columns=columns)
    analysis = model.analyse(tickets)  # what the server computes, minus policy and routing
    rows: list[dict[str, Any]] = [
        {LANGUAGE: r.language.code}
        | {name: p.label for name, p in r.predictions.items()}
        | {f"{name}_confidence": float(p.confidence) for name, p in r.predictions.items()}
        for r in analysis.results
    ]
    if has_escalation:
        for row, s in zip(rows, analysis.signals, strict=True):
            row[ESCALATION_RISK] = float(s.risk) if s.risk is not None else float("nan")
    return pd.DataFrame(rows, columns=columns)


class TriageBundleModel(PythonModel):  # type: ignore[misc]
    def load_context(self, context: Any) -> None:
        from triage.bundle import load_bundle  # heavy: only when a model is loaded
        from triage.settings import Settings

        settings = Settings.from_env()
        self.model = load_bundle(
            Path(context.artifacts[BUNDLE_ARTIFACT]),
            coverage=settings.conformal_coverage,
            ood_threshold=settings.ood_threshold,
            key=settings.model_key,
        )

    # No type hints: MLflow would validate and convert inputs by them instead of the logged
    # signature (it warns about their absence on import; harmless).
    def predict(self, context, model_input, params=None):  # type: ignore[no-untyped-def]
        frame = model_input if isinstance(model_input, pd.DataFrame) else pd.DataFrame(model_input)
        return score_frame(self.model, frame)
