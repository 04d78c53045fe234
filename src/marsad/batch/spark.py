"""The Spark engine: the same analysis spread over a cluster, the same tables written by Spark.

The plan, in three steps of one job:

1. the driver lists the inputs' units (:func:`marsad.sources.list_units`: files, zip members, Parquet row groups —
   listing only, nothing is parsed) and the executors read them (``mapInArrow``) into one row per input, keyed by
   (unit, position) — the order :func:`marsad.sources.iter_sources` reads them in;
2. the rows are range-partitioned and sorted by that key, and each partition is analysed by
   :func:`marsad.batch.core.analyse_one` (``mapInArrow``), giving per input its rows of every table as nested lists
   and its PLOVER lines; each Python worker loads the models once (Spark reuses its Python workers across tasks);
3. each table is that result exploded and written as Parquet (``OUT/<table>/``), the PLOVER lines as text
   (``OUT/plover/``).

Because partitions are ranges of the input order and keep their rows sorted, reading an output directory back gives
the rows in the same order as the local engine's files. Executors must be able to read the input paths (a shared
file system mounted at the same place on every node); see ``docs/BATCH.md``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from marsad.batch import DEFAULT_TIMEOUT
from marsad.batch.core import (
    OUTPUT_TABLES,
    PACK_EVERY,
    PLOVER,
    BatchError,
    Summary,
    analyse_one,
    warm_up,
)
from marsad.pipeline import InputError
from marsad.readers import Article
from marsad.sources import Unit, list_units, read_unit

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: one row per input, as read on the executors
INPUT = pa.schema([("unit", pa.int32()), ("pos", pa.int64()), ("source_key", pa.string()), ("id", pa.string()),
                   ("text", pa.string()), ("title", pa.string()), ("published", pa.string()), ("url", pa.string()),
                   ("meta", pa.string()), ("error", pa.string())])
#: one row per input, analysed: its rows of every table as nested lists, its PLOVER lines and its token count
RESULT = pa.schema([("unit", pa.int32()), ("pos", pa.int64()), ("tokens", pa.int32()),
                    *[(name, pa.list_(pa.struct(list(schema)))) for name, schema in OUTPUT_TABLES.items()],
                    (PLOVER, pa.list_(pa.string()))])
_SUMMARY = "_batch.json"


def spark_session(master: str | None = None, app: str = "marsad batch") -> SparkSession:
    """The active session, or a new one.

    Under ``spark-submit`` (or the ``pyspark`` shell) the cluster's settings are left alone. From a plain Python
    process the master defaults to ``local[*]``, and a local master's Python workers run this very interpreter
    (``PYSPARK_PYTHON``, unless already set), so they import the same Marsad with the same models.
    """
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if "PYSPARK_GATEWAY_PORT" not in os.environ:   # not launched by spark-submit: we start the JVM ourselves
        master = master or "local[*]"
    if master is not None and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master is not None:
        builder = builder.master(master)
    return builder.getOrCreate()


# -- executor side -----------------------------------------------------------------------------------------------------
def _input_row(unit: int, pos: int, key: str, item: Article | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return {"unit": unit, "pos": pos, "source_key": key, "error": str(item)}
    return {"unit": unit, "pos": pos, "source_key": key, "id": item.id, "text": item.text, "title": item.title,
            "published": item.published, "url": item.url,
            "meta": json.dumps(item.meta, ensure_ascii=False, sort_keys=True) if item.meta else None}


def read_units(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: (unit number, unit as JSON) rows in, one row per input out."""
    for batch in batches:
        for number, spec in zip(batch.column("unit").to_pylist(), batch.column("spec").to_pylist(), strict=True):
            out: list[dict[str, Any]] = []
            for pos, (key, item) in enumerate(read_unit(Unit(**json.loads(spec)))):
                out.append(_input_row(number, pos, key, item))
                if len(out) >= PACK_EVERY:
                    yield pa.RecordBatch.from_pylist(out, schema=INPUT)
                    out = []
            if out:
                yield pa.RecordBatch.from_pylist(out, schema=INPUT)


def _item(row: dict[str, Any]) -> Article | InputError:
    if row["error"] is not None:
        return InputError(row["error"])
    return Article(text=row["text"], id=row["id"], title=row["title"], published=row["published"], url=row["url"],
                   meta=json.loads(row["meta"]) if row["meta"] else {})


_warm = False


def analyse_batches(timeout: float | None, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: input rows in (sorted), their analysis out (same order), a few dozen documents per batch."""
    global _warm
    if not _warm:   # once per Python worker process: Spark reuses them from task to task
        warm_up()
        _warm = True
    for batch in batches:
        out: list[dict[str, Any]] = []
        for row in batch.to_pylist():
            result = analyse_one(row["source_key"], _item(row), timeout)
            record: dict[str, Any] = {name: result.tables.get(name, []) for name in OUTPUT_TABLES}
            record.update(unit=row["unit"], pos=row["pos"], tokens=result.tokens, plover=result.plover)
            out.append(record)
            if len(out) >= PACK_EVERY:
                yield pa.RecordBatch.from_pylist(out, schema=RESULT)
                out = []
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=RESULT)


# -- driver side -------------------------------------------------------------------------------------------------------
def _plan(spark: SparkSession, units: list[Unit], partitions: int, timeout: float | None) -> DataFrame:
    from pyspark.sql.pandas.types import from_arrow_schema

    specs = [(i, json.dumps(asdict(u), ensure_ascii=False)) for i, u in enumerate(units)]
    listed = spark.createDataFrame(specs, "unit int, spec string")
    listed = listed.repartition(max(1, min(len(units), partitions)))
    inputs = listed.mapInArrow(read_units, from_arrow_schema(INPUT))
    ordered = inputs.repartitionByRange(partitions, "unit", "pos").sortWithinPartitions("unit", "pos")
    return ordered.mapInArrow(partial(analyse_batches, timeout), from_arrow_schema(RESULT))


def run_spark(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
              spark: SparkSession | None = None, master: str | None = None, partitions: int | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, overwrite: bool = False) -> Summary:
    """Analyse every input under ``inputs`` on Spark into the tables under ``out`` (the layout of
    :mod:`marsad.batch.core`). ``partitions``: how many pieces the analysis is cut into (default: four per core of
    the cluster). Without ``overwrite`` an existing output is refused."""
    from pyspark import StorageLevel
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    start = time.perf_counter()
    session = spark or spark_session(master)
    names = [os.fspath(p) for p in inputs]
    units = list(list_units(names))
    summary = Summary("spark", names, session.sparkContext.defaultParallelism)
    target = os.fspath(out).rstrip("/")
    remote = "://" in target   # hdfs://, s3a://...: Spark writes there, the driver only checks local paths
    root = Path(target)
    if not remote and not overwrite and any((root / name).exists() for name in [*OUTPUT_TABLES, PLOVER]):
        raise BatchError(f"{root} already holds a batch's output; use another output directory, or --overwrite")
    if not units:
        raise BatchError("no inputs")
    n = partitions or max(1, 4 * session.sparkContext.defaultParallelism)
    analysed = _plan(session, units, n, timeout).persist(StorageLevel.MEMORY_AND_DISK)
    mode = "overwrite" if overwrite else "errorifexists"
    try:
        for name in OUTPUT_TABLES:
            (analysed.select(F.explode(name).alias("row")).select("row.*")
             .write.mode(mode).parquet(f"{target}/{name}"))
        analysed.select(F.explode(PLOVER).alias("value")).write.mode(mode).text(f"{target}/{PLOVER}")
        totals = analysed.agg(F.sum(F.size("documents")).alias("documents"), F.sum(F.size("errors")).alias("errors"),
                              F.sum("tokens").alias("tokens")).first()
        stages = analysed.select(F.explode("errors.stage").alias("stage")).groupBy("stage").count().collect()
    except AnalysisException as exc:
        raise BatchError(str(exc).splitlines()[0]) from None
    finally:
        analysed.unpersist()
    assert totals is not None
    summary.documents, summary.errors, summary.tokens = (int(totals[k] or 0) for k in ("documents", "errors", "tokens"))
    summary.errors_by_stage = {row["stage"]: int(row["count"]) for row in sorted(stages, key=lambda r: r["stage"])}
    summary.shards = n
    summary.wall_s = round(time.perf_counter() - start, 3)
    if not remote:
        (root / _SUMMARY).write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    return summary
