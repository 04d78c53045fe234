"""What both engines share: one input in, its table rows (or its error) out, and the layout of the output.

Both engines call :func:`analyse_one` on every (source key, article or error) that :mod:`marsad.sources` yields, so
they produce the same rows for the same input; they differ only in how they spread the work and write the files.

Output layout (a directory)::

    OUT/documents/  OUT/mentions/  OUT/entities/  OUT/quotes/  OUT/events/  OUT/errors/    Parquet, one file per part
    OUT/plover/                                                                           PLOVER JSON Lines
    OUT/_batch.json                                                                       what was run, and the totals

Every input ends up either as one row of ``documents`` or as one row of ``errors`` (its source key, the stage that
refused it and why), never both and never neither.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

from marsad.batch import DEFAULT_TIMEOUT
from marsad.document import content_id
from marsad.pipeline import InputError, analyze
from marsad.readers import Article
from marsad.tables import TABLES, plover_events, rows

#: the errors table: one row per input that is not in ``documents``
ERRORS = pa.schema([("source_key", pa.string()), ("doc_id", pa.string()), ("stage", pa.string()),
                    ("reason", pa.string())])
#: every Parquet table of the output, in the order they are written
OUTPUT_TABLES: dict[str, pa.Schema] = {**TABLES, "errors": ERRORS}
PLOVER = "plover"
#: stages named in the errors table
READ, ANALYSE, TIMEOUT, CRASH = "read", "analyse", "timeout", "crash"
#: how many documents' rows are held as Python objects before they are packed into Arrow (bounded memory)
PACK_EVERY = 64

_WARM_UP_TEXT = ("قال الرئيس الروسي فلاديمير بوتين في موسكو يوم 3 مارس 2024 إن المحادثات مع وزارة الخارجية "
                 "الأمريكية كانت بناءة، وأضاف أن 5 ملايين دولار خصصت للمساعدات.")


class BatchError(RuntimeError):
    """A batch that cannot go on (its output belongs to another run, workers die before doing anything)."""


class DocumentTimeout(Exception):
    """Raised inside a document's analysis when it runs past its deadline."""


def warm_up() -> None:
    """Load every model and table once (tagger, knowledge base, lexicons) by analysing a short article, so that a
    worker's first real document neither pays for the loading nor runs into its deadline because of it."""
    analyze(_WARM_UP_TEXT, published="2024-03-04")


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (SIGALRM; only where signals can be used: the
    main thread of a POSIX process — a local worker, a Spark Python worker). Elsewhere the block runs unbounded."""
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def error_row(key: str, doc_id: str | None, stage: str, reason: str) -> dict[str, Any]:
    return {"source_key": key, "doc_id": doc_id, "stage": stage, "reason": reason}


@dataclass
class Result:
    """The rows of one input: table name -> rows (tables it has no rows in are absent), and PLOVER lines."""

    tables: dict[str, list[dict[str, Any]]]
    plover: list[str] = field(default_factory=list)
    tokens: int = 0

    @property
    def ok(self) -> bool:
        return "errors" not in self.tables


def analyse_one(key: str, item: Article | InputError, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """Analyse one input and flatten it into rows; every failure becomes an ``errors`` row, nothing is raised
    (except KeyboardInterrupt and the like)."""
    if isinstance(item, InputError):
        return Result({"errors": [error_row(key, None, READ, str(item))]})
    doc_id = item.id or (content_id(item.text) if item.text else None)
    try:
        with deadline(timeout):
            doc = analyze(item.text, published=item.published, id=item.id, title=item.title, url=item.url,
                          meta=item.meta)
            table_rows = rows(doc, key)
            plover = [json.dumps(record, ensure_ascii=False) for record in plover_events(doc)]
    except DocumentTimeout:
        return Result({"errors": [error_row(key, doc_id, TIMEOUT, f"analysis took longer than {timeout:g} s")]})
    except InputError as exc:
        return Result({"errors": [error_row(key, doc_id, ANALYSE, str(exc))]})
    except Exception as exc:   # a bug met on one document must not stop a corpus: record it with its reason
        return Result({"errors": [error_row(key, doc_id, ANALYSE, f"internal error: {type(exc).__name__}: {exc}")]})
    return Result(table_rows, plover, len(doc.tokens) if doc.tokens is not None else 0)


@dataclass
class Summary:
    """What a run did; written to ``OUT/_batch.json`` and shown at the end."""

    engine: str
    inputs: list[str]
    workers: int
    documents: int = 0
    errors: int = 0
    tokens: int = 0
    shards: int = 0
    shards_resumed: int = 0
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0
    errors_by_stage: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class TableBuilder:
    """Rows of many inputs gathered into Arrow tables, packed every :data:`PACK_EVERY` inputs so that a shard of
    thousands of documents never holds more than a few dozen documents' rows as Python objects."""

    def __init__(self) -> None:
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in OUTPUT_TABLES}
        self._packed: dict[str, list[pa.Table]] = {name: [] for name in OUTPUT_TABLES}
        self._pending = 0
        self.plover: list[str] = []
        self.documents = self.errors = self.tokens = 0

    def add(self, result: Result) -> None:
        for name, table_rows in result.tables.items():
            self._rows[name].extend(table_rows)
        self.plover.extend(result.plover)
        self.tokens += result.tokens
        if result.ok:
            self.documents += 1
        else:
            self.errors += 1
        self._pending += 1
        if self._pending >= PACK_EVERY:
            self._pack()

    def _pack(self) -> None:
        for name, schema in OUTPUT_TABLES.items():
            if self._rows[name]:
                self._packed[name].append(pa.Table.from_pylist(self._rows[name], schema=schema))
                self._rows[name] = []
        self._pending = 0

    def tables(self) -> dict[str, pa.Table]:
        self._pack()
        return {name: pa.concat_tables(parts) if parts else schema.empty_table()
                for (name, schema), parts in zip(OUTPUT_TABLES.items(), self._packed.values(), strict=True)}
