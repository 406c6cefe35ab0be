"""`triage score --spark MASTER`: the registered pyfunc model applied to a table on Spark with
`mlflow.pyfunc.spark_udf` (no cluster code of our own). Spark reads IN and writes OUT with its
own readers and writers, so no row passes through the driver: it scales with the cluster.

Inputs are handed over as the in-process path does (triage.lifecycle.score): every column read
as text (JSON with primitivesAsString; CSV is text), then cast to the signature's type, a
missing or unreadable count 0 and flag false. OUT is a directory of part files, as Spark
writes; its format follows OUT's suffix (.parquet, .jsonl, .csv)."""

from __future__ import annotations

import re
import sys
import time
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from triage.errors import ConfigError, TriageError
from triage.lifecycle.score import ID, ROW, Summary
from triage.lifecycle.score_checks import is_spark_output


def session(master: str, batch_size: int) -> Any:
    """A SparkSession on `master`, small where it runs locally. Arrow carries batches of
    `batch_size` rows to the model's Python workers."""
    import os

    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # Local workers must run this interpreter (it has the package); pyspark reads the
        # variable, not a setting. On a cluster the executors' own Python is configured there.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = (
        SparkSession.builder.master(master)
        .appName("triage score")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_size))
    )
    if master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", "2").config(
            "spark.driver.memory", "1g"
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("FATAL")  # a failure is reported in one line
    return spark


def read(spark: Any, data: str, column_map: Mapping[str, str]) -> Any:
    suffix = Path(data).suffix.lower()
    if suffix == ".csv":  # quoted fields may span lines, as Python's csv module allows
        frame = spark.read.csv(data, header=True, multiLine=True, escape='"')
    else:
        frame = spark.read.json(data, primitivesAsString=True)
    if not {"text", "subject", "body"} & {*frame.columns, *column_map}:
        raise ConfigError(
            f"--data: {data}: no text column (text, or subject and body); columns found: "
            f"{', '.join(frame.columns) or '(none)'}"
        )
    from pyspark.sql import functions as F

    for ours, theirs in column_map.items():
        if theirs not in frame.columns:
            raise ConfigError(f"--column-map {ours}={theirs}: {data} has no column {theirs!r}")
        frame = frame.withColumn(ours, F.col(f"`{theirs}`"))
    return frame


def cast(column: Any, kind: str) -> Any:
    """A text column as signature type `kind`, as triage.lifecycle.score.cast does."""
    from pyspark.sql import functions as F

    text = column.cast("string")
    if kind == "long":
        number = text.try_cast("double").try_cast("bigint")
        return F.greatest(F.coalesce(number, F.lit(0)), F.lit(0))
    if kind == "boolean":
        return F.coalesce(F.trim(text).try_cast("boolean"), F.lit(False))
    return text


def score_on_spark(
    model_uri: str,
    data: str,
    out: str,
    *,
    master: str,
    column_map: Mapping[str, str] | None = None,
    batch_size: int = 512,
) -> Summary:
    import mlflow
    from mlflow.models import Model
    from pyspark.errors import PySparkException
    from pyspark.sql import Observation
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StructField, StructType

    from triage.lifecycle import registry
    from triage.lifecycle.score import schema_types

    started = time.perf_counter()
    # pyspark 4.3 warns that pandas 3 is not fully supported; the test compares every row.
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"pyspark\.")
    ref = registry.resolve(model_uri)  # pinned: executors load this version even if it moves
    metadata = Model.load(ref.uri)  # MLmodel only, for the signature
    inputs, outputs = metadata.get_input_schema(), metadata.get_output_schema()
    if inputs is None or outputs is None:
        raise ConfigError(f"{model_uri}: the registered model has no signature")
    result_type = StructType(
        [StructField(spec.name, spec.type.to_spark(), True) for spec in outputs.inputs]
    )
    spark = session(master, batch_size)
    try:
        frame = read(spark, data, dict(column_map or {}))
        key = ID if ID in frame.columns else ROW
        if key == ROW:  # positions in file order; one extra pass to count rows per partition
            schema = StructType([*frame.schema.fields, StructField(ROW, LongType(), False)])
            numbered = frame.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1]))
            frame = spark.createDataFrame(numbered, schema)
        types = schema_types(inputs)
        known = [c for c in types if c in frame.columns]
        udf = mlflow.pyfunc.spark_udf(spark, ref.uri, result_type=result_type, env_manager="local")
        features = F.struct(*(cast(F.col(c), types[c]).alias(c) for c in known))
        scored = frame.select(
            F.col(key).cast("string" if key == ID else "bigint").alias(key),
            udf(features).alias("scored"),
        ).select(key, "scored.*")
        counted = Observation("rows")
        scored = scored.observe(counted, F.count(F.lit(1)).alias("rows"))
        _write(scored, out)
        rows = int(counted.get["rows"])
    except PySparkException as exc:
        raise TriageError(f"Spark job failed: {_first_line(exc)}") from exc
    finally:
        spark.stop()
    return Summary(rows, time.perf_counter() - started, f"{ref} on Spark {master}", out)


def _write(frame: Any, out: str) -> None:
    suffix = Path(out).suffix.lower()
    writer = frame.write.mode("overwrite" if is_spark_output(out) else "errorifexists")
    if suffix == ".parquet":
        writer.parquet(out)
    elif suffix == ".csv":
        writer.csv(out, header=True, escape='"')
    else:
        writer.json(out, ignoreNullFields=False)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    errors = [line for line in lines if re.match(r"[\w.]+(Error|Exception): ", line)]
    return (errors[-1] if errors else lines[0] if lines else type(exc).__name__)[:500]
