"""``marsad batch IN... OUT [--engine local|spark]``: the command, added to the main parser by ``marsad.cli``.

Only argparse is imported here; the engines (pyarrow, pyspark) are imported when the command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from marsad.batch import DEFAULT_SHARD_SIZE, DEFAULT_TIMEOUT, DEFAULT_WORKER_DOCS


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add ``batch`` to the main parser's sub-commands (``sub`` is what ``add_subparsers`` returned)."""
    p: argparse.ArgumentParser = sub.add_parser(
        "batch", help="analyse a corpus into Parquet tables and PLOVER JSON Lines, on all cores or on Spark",
        description="Analyse every article under IN (directories, .txt/.html files, JSON Lines, JSON arrays, zip "
                    "archives, Parquet) into OUT/{documents,mentions,entities,quotes,events,errors}/ (Parquet) and "
                    "OUT/plover/ (PLOVER JSON Lines). Every input is either in documents or in errors. The local "
                    "engine resumes an interrupted run: run the same command again.")
    p.add_argument("inputs", nargs="+", metavar="IN", help="input files or directories")
    p.add_argument("out", metavar="OUT", help="output directory (Spark: any path Spark can write, hdfs://, s3a://)")
    p.add_argument("--engine", choices=("local", "spark"), default="local")
    p.add_argument("--workers", type=int, metavar="N",
                   help="local: worker processes (default: every core; 0 = in this process, for debugging)")
    p.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, metavar="N",
                   help=f"local: inputs per shard, the unit of output files and of resuming (default "
                        f"{DEFAULT_SHARD_SIZE})")
    p.add_argument("--worker-docs", type=int, default=DEFAULT_WORKER_DOCS, metavar="N",
                   help=f"local: documents a worker process analyses before a fresh one replaces it, which bounds its "
                        f"memory (default {DEFAULT_WORKER_DOCS}, rounded to whole shards; 0 = never)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"seconds one document may take before it is recorded as an error (default "
                        f"{DEFAULT_TIMEOUT:g}; 0 = no limit)")
    p.add_argument("--overwrite", action="store_true", help="replace what OUT holds instead of resuming or refusing")
    p.add_argument("--no-progress", action="store_true", help="local: no progress bar on stderr")
    p.add_argument("--master", metavar="URL",
                   help="spark: master URL when not run by spark-submit (default: Spark's own, local[*])")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="spark: pieces the analysis is cut into (default: four per core of the cluster)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace, err: TextIO = sys.stderr) -> int:
    """0: every input is in the output or in the errors table; 2: the batch could not run; 130: interrupted."""
    from marsad.batch.core import BatchError, Summary

    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    summary: Summary
    try:
        if args.engine == "spark":
            from marsad.batch.spark import run_spark

            summary = run_spark(args.inputs, args.out, master=args.master, partitions=args.partitions,
                                timeout=timeout, overwrite=args.overwrite)
        else:
            from marsad.batch.local import run_local

            summary = run_local(args.inputs, args.out, workers=args.workers, shard_size=args.shard_size,
                                timeout=timeout, progress=not args.no_progress, overwrite=args.overwrite,
                                worker_docs=args.worker_docs or None)
    except BatchError as exc:
        print(f"marsad batch: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print("marsad batch: interrupted; run the same command again to resume (finished shards are kept)",
              file=err)
        return 130
    total = summary.documents + summary.errors
    if summary.shards_resumed:
        speed = f"{summary.shards_resumed} of {summary.shards} shards done by an earlier run"
    else:
        speed = f"{summary.tokens / summary.wall_s if summary.wall_s else 0.0:,.0f} tokens/s"
    print(f"marsad batch: {total:,} inputs: {summary.documents:,} documents, {summary.errors:,} errors "
          f"{json.dumps(summary.errors_by_stage)}; {summary.tokens:,} tokens in {summary.wall_s:,.1f} s "
          f"({speed}) -> {args.out}", file=err)
    return 0
