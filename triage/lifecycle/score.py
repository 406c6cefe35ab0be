"""`triage score` in-process: a table of tickets scored in batches by the registered pyfunc
model (`models:/NAME/VERSION`, `models:/NAME@ALIAS`) or by a bundle directory, written as JSONL,
CSV or Parquet, one output row per input row, in input order. Memory stays at one batch: rows
are streamed in and written out batch by batch.

Inputs reach the model as the Spark path (triage.lifecycle.spark_score) hands them over, so both
score a row the same: every value is read as text first (JSON numbers and booleans as their JSON
text), then cast to the model signature's type; a missing or unreadable count is 0 and a missing
or unreadable flag false (what `triage.records.row_to_ticket` makes of them too)."""

from __future__ import annotations

import csv
import json
import math
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

import pandas as pd

from triage.errors import ConfigError
from triage.lifecycle.pyfunc_model import INPUT_COLUMNS
from triage.records import as_bool, as_count, read_rows

DEFAULT_BATCH_SIZE = 512
ID = "id"
ROW = "row"
"""Key column of the output: the input's `id` when it has one, else `row` (0-based position)."""


@dataclass(frozen=True)
class Summary:
    rows: int
    seconds: float
    model: str
    out: str

    def line(self) -> str:
        rate = self.rows / self.seconds if self.seconds > 0 else 0.0
        return (
            f"scored {self.rows} rows with {self.model} in {self.seconds:.1f} s "
            f"({rate:.0f} rows/s) -> {self.out}"
        )


@dataclass(frozen=True)
class Scorer:
    """A loaded model: `predict` maps a frame of input columns to the output columns."""

    predict: Callable[[pd.DataFrame], pd.DataFrame]
    input_types: dict[str, str]
    """Input column -> signature type (string, long, boolean)."""
    output_types: dict[str, str]
    """Output column -> signature type (string, double), in output order."""
    description: str


def load_scorer(model: str, key: str, coverage: float, ood_threshold: float) -> Scorer:
    """The registered pyfunc model `model` (a models:/ URI, pinned to the version its alias
    names now), or a bundle directory scored through the same `score_frame` as the pyfunc."""
    from triage.lifecycle import registry

    if registry.is_registry_uri(model):
        import mlflow

        ref = registry.resolve(model)  # ModelNotFound (one line) before any download
        pyfunc = mlflow.pyfunc.load_model(ref.uri)
        inputs = pyfunc.metadata.get_input_schema()
        outputs = pyfunc.metadata.get_output_schema()
        if inputs is None or outputs is None:
            raise ConfigError(f"{model}: the registered model has no signature")
        return Scorer(
            predict=pyfunc.predict,
            input_types=schema_types(inputs),
            output_types=schema_types(outputs),
            description=str(ref),
        )
    from triage.bundle import load_bundle
    from triage.lifecycle.pyfunc_model import output_columns, score_frame

    bundle = load_bundle(Path(model), coverage=coverage, ood_threshold=ood_threshold, key=key)
    columns = output_columns(list(bundle.heads), bundle.escalation_head is not None)
    return Scorer(
        predict=lambda frame: score_frame(bundle, frame),
        input_types=dict(INPUT_COLUMNS),
        output_types={c: output_type(c) for c in columns},
        description=f"bundle {model} ({bundle.version})",
    )


def output_type(column: str) -> str:
    return "double" if column.endswith("_confidence") or column == "escalation_risk" else "string"


def schema_types(schema: Any) -> dict[str, str]:
    """Column -> type name of an MLflow column Schema."""
    return {spec.name: spec.type.name for spec in schema.inputs}


def as_text(value: Any) -> str | None:
    """A value as text the way Spark reads JSON with primitivesAsString."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    return json.dumps(value, ensure_ascii=False)


def cast(value: Any, kind: str) -> Any:
    """`value` (read as text) as signature type `kind`, as spark_score casts it."""
    text = as_text(value)
    if kind == "long":
        return as_count(text)
    if kind == "boolean":
        return as_bool(text)
    return text


def rename(row: Mapping[str, Any], column_map: Mapping[str, str]) -> dict[str, Any]:
    """A row with the column map applied (ours=theirs: their column read as ours)."""
    return {**row, **{ours: row.get(theirs) for ours, theirs in column_map.items()}}


def input_frame(rows: list[dict[str, Any]], types: Mapping[str, str]) -> pd.DataFrame:
    """The model's input columns present in the file, cast to their signature types."""
    present = [c for c in types if any(c in row for row in rows)]
    return pd.DataFrame(
        {c: pd.Series([cast(row.get(c), types[c]) for row in rows], dtype=object) for c in present}
    )


def batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def count_rows(path: Path) -> int:
    """Rows of a dataset, for the progress bar's total (one quick pass; no JSON parsing)."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return max(0, sum(1 for _ in csv.reader(handle)) - 1)
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def score_file(
    scorer: Scorer,
    data: Path,
    out: Path,
    *,
    column_map: Mapping[str, str] | None = None,
    size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    stream: TextIO | None = None,
) -> Summary:
    """Score `data` batch by batch into `out`; a bar on `stream` (stderr) only on a terminal."""
    started = time.perf_counter()
    stream = stream if stream is not None else sys.stderr
    column_map = dict(column_map or {})
    bar = _bar(data, stream) if progress and stream.isatty() else None
    rows = 0
    writer: _Writer | None = None
    try:
        for batch in batches((rename(r, column_map) for r in _rows(data)), size):
            if writer is None:  # the first row decides: `id` when the file has one
                key = ID if ID in batch[0] else ROW
                writer = _Writer.open(out, key, scorer.output_types)
            scored = scorer.predict(input_frame(batch, scorer.input_types))
            if key == ID:
                keys: list[Any] = [as_text(row.get(ID)) for row in batch]
            else:
                keys = list(range(rows, rows + len(batch)))
            scored.insert(0, key, pd.Series(keys, dtype=object))
            writer.write(scored.reset_index(drop=True))
            rows += len(batch)
            if bar is not None:
                bar.update(len(batch))
        if writer is None:  # an empty file: an empty output with the columns
            writer = _Writer.open(out, ROW, scorer.output_types)
    finally:
        if bar is not None:
            bar.close()
        if writer is not None:
            writer.close()
    return Summary(rows, time.perf_counter() - started, scorer.description, str(out))


def _rows(data: Path) -> Iterator[dict[str, Any]]:
    """read_rows; an empty CSV field is missing, as Spark's CSV reader has it."""
    if data.suffix.lower() != ".csv":
        yield from read_rows(data)
        return
    for row in read_rows(data):
        yield {k: (None if v == "" else v) for k, v in row.items()}


def _bar(data: Path, stream: TextIO) -> Any:
    from tqdm import tqdm

    return tqdm(total=count_rows(data), unit="rows", file=stream, desc="scoring")


class _Writer:
    """Appends scored batches to a .jsonl, .csv or .parquet file."""

    def __init__(self, out: Path, key: str, types: Mapping[str, str]) -> None:
        self.out = out
        self.suffix = out.suffix.lower()
        self.columns = [key, *types]
        self.handle: IO[str] | None = None
        self.parquet: Any = None
        if self.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            kinds = {"string": pa.string(), "double": pa.float64(), "long": pa.int64()}
            key_type = pa.string() if key == ID else pa.int64()
            self.schema = pa.schema(
                [(key, key_type), *((c, kinds.get(t, pa.string())) for c, t in types.items())]
            )
            self.parquet = pq.ParquetWriter(out, self.schema)
        else:
            self.handle = out.open("w", encoding="utf-8", newline="")
            if self.suffix == ".csv":
                csv.writer(self.handle).writerow(self.columns)

    @classmethod
    def open(cls, out: Path, key: str, types: Mapping[str, str]) -> _Writer:
        out.parent.mkdir(parents=True, exist_ok=True)
        return cls(out, key, types)

    def write(self, frame: pd.DataFrame) -> None:
        frame = frame[self.columns]
        if self.parquet is not None:
            import pyarrow as pa

            self.parquet.write_table(
                pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
            )
            return
        assert self.handle is not None
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        if self.suffix == ".csv":
            writer = csv.writer(self.handle)
            for record in records:
                writer.writerow(["" if v is None else v for v in record.values()])
        else:
            for record in records:
                self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        if self.handle is not None:
            self.handle.close()
