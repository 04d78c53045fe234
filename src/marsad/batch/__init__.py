"""Corpus-scale analysis: ``marsad batch IN... OUT --engine local|spark``.

Both engines read the same inputs (:mod:`marsad.sources`), analyse each with the same function
(:func:`marsad.batch.core.analyse_one`) and write the same tables (:mod:`marsad.tables`, plus ``errors``) as Parquet,
and the events as PLOVER JSON Lines. The local engine (:mod:`marsad.batch.local`) uses every core of one machine and
resumes an interrupted run; the Spark engine (:mod:`marsad.batch.spark`) spreads the work over a cluster. See
``docs/BATCH.md``.

Nothing heavy is imported here (the command line imports :mod:`marsad.batch.cli` on every start): ``run_local`` and
``run_spark`` are loaded on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DEFAULT_SHARD_SIZE", "DEFAULT_TIMEOUT", "DEFAULT_WORKER_DOCS", "run_local", "run_spark"]

#: how long one document may take (seconds) before it is recorded as an error and skipped
DEFAULT_TIMEOUT = 300.0
#: inputs per shard of the local engine: the unit of its output files and of resuming. Small enough that a few
#: thousand articles still keep every core busy to the end; for millions of articles a larger size (5,000) makes
#: fewer, larger files.
DEFAULT_SHARD_SIZE = 500
#: documents a local worker process analyses before a fresh one takes its place. The pipeline keeps per-word caches
#: (NER features, clitic splits) that grow with the vocabulary a process meets; a fresh process costs about a second,
#: so replacing one every 2,000 articles (about a minute of work) bounds its memory for next to nothing.
DEFAULT_WORKER_DOCS = 2000


def __getattr__(name: str) -> Any:
    if name == "run_local":
        from marsad.batch.local import run_local

        return run_local
    if name == "run_spark":
        from marsad.batch.spark import run_spark

        return run_spark
    raise AttributeError(name)
