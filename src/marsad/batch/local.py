"""The local engine: every core of one machine, one process per core, resumable shard by shard.

The parent process reads the inputs in order (:func:`marsad.sources.iter_sources`: cheap next to the analysis) and
cuts the stream into shards of ``shard_size`` inputs: shard *k* is always the same inputs for the same command line.
Each worker process loads the models once (:func:`marsad.batch.core.warm_up`), analyses a whole shard and writes its
files under temporary names, renamed into place only when complete; the parent then appends the shard to
``OUT/_manifest.jsonl``. A run that is interrupted (Ctrl-C, a reboot) and started again with the same command skips
the shards of the manifest — after checking that they still begin and end with the same source keys — and redoes
only the rest.

Memory is bounded: one shard per worker is in flight (and the next one being read), a worker packs rows into Arrow
every few dozen documents, and a worker process is replaced by a fresh one every ``worker_docs`` documents (the
pipeline's per-word caches grow with the vocabulary a process meets).

A document that raises, or runs past ``timeout`` seconds, becomes a row of the errors table. A document that kills
its worker process outright (a crash in native code, the kernel's out-of-memory killer) costs only that worker: a
fresh one takes its place and the shard is retried; a document on which a worker died twice is recorded as an error
(``crash``) and skipped. The pool is written here rather than taken from ``concurrent.futures``, whose
``max_tasks_per_child`` can deadlock on Python 3.11-3.14 (CPython gh-115634) and whose pool breaks as a whole when
one worker dies.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.batch import DEFAULT_SHARD_SIZE, DEFAULT_TIMEOUT, DEFAULT_WORKER_DOCS, core
from marsad.batch.core import (
    OUTPUT_TABLES,
    PLOVER,
    BatchError,
    Result,
    Summary,
    TableBuilder,
    analyse_one,
    error_row,
    warm_up,
)
from marsad.pipeline import InputError
from marsad.readers import Article
from marsad.sources import SourceItem, iter_sources

MANIFEST = "_manifest.jsonl"
SUMMARY = "_batch.json"
WORK = "_work"
#: the manifest's format: a run with another header is refused rather than mixed into it
FORMAT = 1
_CRASH_REASON = ("the worker process died while analysing this document (a crash in native code, or the system "
                 "ran out of memory)")


@dataclass
class Shard:
    number: int
    items: list[SourceItem]
    #: inputs (by position) recorded as errors instead of analysed: they killed a worker
    skip: dict[int, str] = field(default_factory=dict)
    #: how many times a worker died on each input (by position)
    crashes: dict[int, int] = field(default_factory=dict)

    @property
    def first_key(self) -> str:
        return self.items[0][0]

    @property
    def last_key(self) -> str:
        return self.items[-1][0]


def shards(items: Iterable[SourceItem], size: int) -> Iterator[Shard]:
    """Consecutive runs of ``size`` inputs (the last one shorter), numbered from 0."""
    chunk: list[SourceItem] = []
    number = 0
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield Shard(number, chunk)
            number, chunk = number + 1, []
    if chunk:
        yield Shard(number, chunk)


# -- writing ---------------------------------------------------------------------------------------------------------
def part_name(number: int) -> str:
    return f"part-{number:06d}"


def _replace_atomically(path: Path, data: bytes | pa.Table) -> None:
    """Write to a hidden temporary name beside ``path``, flush to disk, then rename: readers (and a resumed run) see
    the whole file or none of it. Hidden names (``.``) are ignored by Arrow, Spark and pandas readers."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        if isinstance(data, bytes):
            f.write(data)
        else:
            pq.write_table(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def write_shard(out: Path, number: int, tables: dict[str, pa.Table], plover: Sequence[str]) -> None:
    name = part_name(number)
    for table, data in tables.items():
        _replace_atomically(out / table / f"{name}.parquet", data)
    _replace_atomically(out / PLOVER / f"{name}.jsonl", "".join(line + "\n" for line in plover).encode("utf-8"))


# -- the worker side ---------------------------------------------------------------------------------------------------
_TIMEOUT: float | None = DEFAULT_TIMEOUT


def init_worker(timeout: float | None) -> None:
    """Runs once in each worker process: settle the deadline and load the models."""
    global _TIMEOUT
    _TIMEOUT = timeout
    warm_up()


def _position_file(out: Path, number: int) -> Path:
    return out / WORK / f"{part_name(number)}.pos"


def process_shard(out: str, number: int, items: list[SourceItem], skip: dict[int, str]) -> dict[str, Any]:
    """Analyse one shard and write its files (in a worker process). Before each document the worker notes its
    position in a small file, so that if the process dies the parent knows which document it was on."""
    root = Path(out)
    wall, cpu = time.perf_counter(), time.process_time()
    builder = TableBuilder()
    position = os.open(_position_file(root, number), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for i, (key, item) in enumerate(items):
            os.pwrite(position, b"%12d" % i, 0)
            if i in skip:
                doc_id = item.id if isinstance(item, Article) else None
                builder.add(Result({"errors": [error_row(key, doc_id, core.CRASH, skip[i])]}))
            else:
                builder.add(analyse_one(key, item, _TIMEOUT))
    finally:
        os.close(position)
    tables = builder.tables()
    write_shard(root, number, tables, builder.plover)
    _position_file(root, number).unlink(missing_ok=True)
    stages = tables["errors"].column("stage").to_pylist()
    return {"shard": number, "n": len(items), "first_key": items[0][0], "last_key": items[-1][0],
            "documents": builder.documents, "errors": builder.errors, "tokens": builder.tokens,
            "errors_by_stage": {s: stages.count(s) for s in sorted(set(stages))},
            "cpu_s": round(time.process_time() - cpu, 3), "wall_s": round(time.perf_counter() - wall, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _crash_position(out: Path, number: int) -> int:
    try:
        return int(_position_file(out, number).read_bytes().strip() or b"-1")
    except (OSError, ValueError):
        return -1


# -- the manifest ------------------------------------------------------------------------------------------------------
class Manifest:
    """``OUT/_manifest.jsonl``: a header (what the run is), then one line per finished shard, each appended and
    flushed to disk only after the shard's files are in place."""

    def __init__(self, out: Path, header: dict[str, Any]) -> None:
        self.path = out / MANIFEST
        self.done: dict[int, dict[str, Any]] = {}
        if self.path.exists():
            lines = self.path.read_text(encoding="utf-8").splitlines()
            found = _json_line(lines[0]) if lines else None
            if found != header:
                raise BatchError(f"{out} holds the output of another batch ({MANIFEST} says {found}); "
                                 "use another output directory, or --overwrite to start again")
            for line in lines[1:]:
                entry = _json_line(line)   # a line torn by a crash is just not done
                if entry is not None and isinstance(entry.get("shard"), int):
                    self.done[entry["shard"]] = entry
        else:
            self._append(header)

    def _append(self, entry: dict[str, Any]) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def add(self, entry: dict[str, Any]) -> None:
        self._append(entry)
        self.done[entry["shard"]] = entry


def _json_line(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def prepare_output(out: Path, overwrite: bool) -> None:
    """Create the output directories; with ``overwrite`` remove a previous batch's files first; always remove the
    temporary files an interrupted run left behind."""
    dirs = [*OUTPUT_TABLES, PLOVER, WORK]
    if overwrite:
        for d in dirs:
            for f in (out / d).glob("*") if (out / d).is_dir() else ():
                if f.is_file():
                    f.unlink()
        for f in (out / MANIFEST, out / SUMMARY):
            f.unlink(missing_ok=True)
    for d in dirs:
        (out / d).mkdir(parents=True, exist_ok=True)
        for tmp in (out / d).glob(".*.tmp"):
            tmp.unlink()


# -- the engine --------------------------------------------------------------------------------------------------------
def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def worker_main(conn: Connection, timeout: float | None, limit: int | None) -> None:
    """A worker process: load the models, then take shards from the pipe until ``limit`` shards are done (then exit, a
    fresh process takes over), ``None`` arrives, or the parent is gone. A failure that is not a document's (a full
    disk) goes back to the parent as ``("failed", reason)``."""
    init_worker(timeout)
    done = 0
    while limit is None or done < limit:
        try:
            task = conn.recv()
        except (EOFError, OSError):   # the parent is gone
            return
        if task is None:
            return
        fn, args = task
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except Exception as exc:
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
        done += 1


class _Worker:
    """One worker process, the pipe to it, and the shard it is on."""

    def __init__(self, context: Any, timeout: float | None, limit: int | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, timeout, limit), daemon=True)
        self.process.start()
        child.close()
        self.limit = limit
        self.tasks = 0
        self.shard: Shard | None = None

    @property
    def retiring(self) -> bool:
        return self.limit is not None and self.tasks >= self.limit

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=10)
        self.conn.close()


class _Run:
    def __init__(self, inputs: list[str], out: Path, workers: int, shard_size: int, timeout: float | None,
                 progress: bool, worker_docs: int | None) -> None:
        from tqdm import tqdm

        self.out, self.workers, self.timeout = out, workers, timeout
        #: shards a worker process takes before a fresh one replaces it (None: it lives as long as the run)
        self.recycle = max(1, worker_docs // shard_size) if worker_docs else None
        self.manifest = Manifest(out, {"marsad_batch": FORMAT, "inputs": inputs, "shard_size": shard_size})
        self.summary = Summary("local", inputs, workers)
        self.bar = tqdm(unit=" docs", file=sys.stderr, disable=not progress, dynamic_ncols=True, smoothing=0.05)
        self.context = multiprocessing.get_context("spawn")
        self.pool: list[_Worker] = []
        self.retry: deque[Shard] = deque()
        self.early_deaths = 0

    # bookkeeping
    def _count(self, entry: dict[str, Any], resumed: bool) -> None:
        s = self.summary
        s.shards += 1
        s.shards_resumed += resumed
        s.documents += entry["documents"]
        s.errors += entry["errors"]
        s.tokens += entry["tokens"]
        s.cpu_s += entry.get("cpu_s", 0.0)
        s.peak_rss_mb = max(s.peak_rss_mb, entry.get("peak_rss_mb", 0.0))
        for stage, n in entry.get("errors_by_stage", {}).items():
            s.errors_by_stage[stage] = s.errors_by_stage.get(stage, 0) + n
        self.bar.update(entry["n"])
        self.bar.set_postfix(errors=s.errors, refresh=False)

    def _finished(self, stats: dict[str, Any]) -> None:
        self.manifest.add(stats)
        self._count(stats, resumed=False)

    def _resumed(self, shard: Shard) -> None:
        entry = self.manifest.done[shard.number]
        if (entry.get("n"), entry.get("first_key"), entry.get("last_key")) != \
                (len(shard.items), shard.first_key, shard.last_key):
            raise BatchError(f"the inputs changed since shard {shard.number} was written (it held "
                             f"{entry.get('first_key')} .. {entry.get('last_key')}, now {shard.first_key} .. "
                             f"{shard.last_key}); use another output directory, or --overwrite")
        self._count(entry, resumed=True)

    def _next_shard(self, stream: Iterator[Shard]) -> Shard | None:
        """A shard to do: one to retry first, else the next one of the stream that is not done yet."""
        if self.retry:
            return self.retry.popleft()
        for shard in stream:
            if shard.number in self.manifest.done:
                self._resumed(shard)
            else:
                return shard
        return None

    # processes
    def _assign(self, worker: _Worker, shard: Shard) -> None:
        worker.shard = shard
        worker.tasks += 1
        _position_file(self.out, shard.number).unlink(missing_ok=True)   # no stale position from an earlier try
        try:
            # process_shard is looked up now, not bound at import: tests stand a crashing worker in for it
            worker.conn.send((process_shard, (str(self.out), shard.number, shard.items, shard.skip)))
        except OSError:   # it died before taking the shard (it could not start, or load the models)
            self._died(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self.pool[self.pool.index(worker)] = _Worker(self.context, self.timeout, self.recycle)

    def _died(self, worker: _Worker) -> None:
        """A worker process ended without answering. If it was on a shard, the document it was on is a suspect: the
        shard is retried, and a document on which a worker died twice is recorded as an error and skipped."""
        shard, worker.shard = worker.shard, None
        worker.process.join(timeout=10)
        code = worker.process.exitcode
        self._replace(worker)
        if shard is None or (position := _crash_position(self.out, shard.number)) < 0:
            self.early_deaths += 1
            if self.early_deaths >= 3:
                raise BatchError(f"worker processes die before analysing anything (exit code {code}; see the "
                                 "messages above: can Marsad be imported, is there memory for the models?)")
            if shard is not None:
                self.retry.appendleft(shard)
            return
        self.early_deaths = 0
        shard.crashes[position] = shard.crashes.get(position, 0) + 1
        if shard.crashes[position] >= 2:
            shard.skip[position] = _CRASH_REASON
        self.retry.appendleft(shard)

    def _answer(self, worker: _Worker) -> None:
        try:
            status, payload = worker.conn.recv()
        except (ConnectionResetError, BrokenPipeError) as exc:   # how a pipe may also report a dead worker
            raise EOFError(str(exc)) from exc
        shard, worker.shard = worker.shard, None
        if status != "ok":
            raise BatchError(f"shard {shard.number if shard else '?'}: {payload}")
        self.early_deaths = 0
        self._finished(payload)
        if worker.retiring:   # it exits after its last shard: a fresh process takes its place
            self._replace(worker)

    def _run_pool(self, stream: Iterator[Shard]) -> None:
        self.pool = [_Worker(self.context, self.timeout, self.recycle) for _ in range(self.workers)]
        exhausted = False
        while True:
            for worker in self.pool:
                if worker.shard is None and (self.retry or not exhausted):
                    shard = self._next_shard(stream)
                    if shard is None:
                        exhausted = True
                    else:
                        self._assign(worker, shard)
            busy = [w for w in self.pool if w.shard is not None]
            if not busy:   # nothing in flight, nothing to retry, nothing left to read
                return
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn in ready or worker.conn.poll():
                    try:
                        self._answer(worker)
                    except EOFError:   # it died while answering
                        self._died(worker)
                elif worker.process.sentinel in ready:
                    self._died(worker)

    def run(self, items: Iterable[SourceItem], shard_size: int) -> Summary:
        start = time.perf_counter()
        restore = _sigterm_as_interrupt()
        try:
            if self.workers == 0:
                self._run_here(items, shard_size)
            else:
                self._run_pool(shards(items, shard_size))
        finally:
            for worker in self.pool:
                worker.stop()
            self.bar.close()
            restore()
        self.summary.wall_s = round(time.perf_counter() - start, 3)
        self.summary.cpu_s = round(self.summary.cpu_s, 3)
        (self.out / SUMMARY).write_text(json.dumps(self.summary.to_dict(), ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
        return self.summary

    def _run_here(self, items: Iterable[SourceItem], shard_size: int) -> None:
        """``workers=0``: everything in this process (debugging, tests); same files, no crash isolation."""
        init_worker(self.timeout)
        stream = shards(items, shard_size)
        while (shard := self._next_shard(stream)) is not None:
            self._finished(process_shard(str(self.out), shard.number, shard.items, shard.skip))


def _sigterm_as_interrupt() -> Callable[[], None]:
    """While a run lasts, SIGTERM (a job scheduler stopping it) ends it like Ctrl-C: workers stopped, finished shards
    kept. Returns what restores the previous handler."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


def run_local(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *, workers: int | None = None,
              shard_size: int = DEFAULT_SHARD_SIZE, timeout: float | None = DEFAULT_TIMEOUT, progress: bool = True,
              overwrite: bool = False, items: Iterable[tuple[str, Article | InputError]] | None = None,
              worker_docs: int | None = DEFAULT_WORKER_DOCS) -> Summary:
    """Analyse every input under ``inputs`` into the tables under ``out`` (see :mod:`marsad.batch.core`).

    ``workers``: processes (default: every core this process may use; 0 runs in this process). ``worker_docs``:
    documents a worker process analyses before a fresh one replaces it (rounded to whole shards; None: never), which
    bounds its memory. ``items`` replaces reading ``inputs`` (the inputs are still recorded, and must name the same
    stream on a resumed run).
    """
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    root = Path(out)
    prepare_output(root, overwrite)
    names = [os.fspath(p) for p in inputs]
    run = _Run(names, root, default_workers() if workers is None else workers, shard_size, timeout, progress,
               worker_docs)
    return run.run(iter_sources(names) if items is None else items, shard_size)
