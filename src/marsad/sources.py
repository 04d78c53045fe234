"""Every shape a corpus comes in, read as one stream of (source key, article or error).

A *source key* names one input for good: the same inputs always give the same keys in the same order, so a batch can
be resumed, two engines compared, and every input accounted for (in the output, or in the errors with its key):

=====================================  ==================================================================
``dir/a.txt``                          a text or HTML file (``readers.read_document``), a one-object .json
``x.jsonl:12``                         line 12 of a JSON Lines file (1-based, as editors count)
``a.json#17``                          element 17 (0-based) of a JSON array of records
``corpus.zip!2015-07-21.json#17``      the same inside a zip archive (``!`` separates the member)
``t.parquet#4031``                     row 4031 (0-based) of a Parquet file
=====================================  ==================================================================

Directories are walked recursively in sorted order; names starting with ``.`` or ``_`` are skipped (hidden files,
``__MACOSX``, Spark's ``_SUCCESS``). Files of any other suffix are read as documents: text is analysed, binary data
is refused with a reason, so nothing is silently left out. Records may use other field names than Marsad's own
(``content``, ``date_extracted``, ``source``): :func:`marsad.readers.article_from_record` maps them.

The stream is cut into :class:`Unit` s (a file, a zip member, a Parquet row group) that can be read independently:
:func:`iter_sources` reads them in order, and the Spark engine reads them on its executors.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from marsad.pipeline import InputError
from marsad.readers import MAX_DOCUMENT_BYTES, Article, article_from_record, iter_jsonl, read_document

SourceItem = tuple[str, Article | InputError]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
ZIP_SUFFIXES = (".zip",)
PARQUET_SUFFIXES = (".parquet", ".pq")
#: the largest JSON file (one object or an array) read whole; bigger corpora belong in JSON Lines or Parquet
MAX_JSON_BYTES = 1024 * 1024 * 1024
#: the Parquet columns read (others, however large, are never loaded)
RECORD_FIELDS = ("id", "text", "content", "html", "title", "published", "date", "date_extracted", "url",
                 "source", "outlet")
#: what reading can raise besides InputError: I/O, a broken archive, a broken Parquet file
_READ_ERRORS: tuple[type[BaseException], ...] = (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError)


@dataclass(frozen=True)
class Unit:
    """One piece of input that can be read on its own: a file, a member of a zip archive, a Parquet row group.

    ``key`` is the source key of the piece (records inside it add ``:line``, ``#index`` or ``#row``); ``error``, when
    set, is why the piece could not even be listed (a broken archive), and reading the unit yields just that error.
    """

    key: str
    path: str
    member: str | None = None
    row_group: int | None = None
    first_row: int = 0
    error: str | None = None


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def _member_hidden(member: str) -> bool:
    return any(_hidden(part) for part in member.split("/") if part)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def list_units(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Unit]:
    """The units of the inputs, in the order they are read: each path as given, directories walked sorted."""
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            yield from _directory_units(path)
        elif os.path.exists(path):
            yield from _file_units(path)
        else:
            yield Unit(path, path, error="no such file or directory")


def _directory_units(top: str, seen: frozenset[str] = frozenset()) -> Iterator[Unit]:
    """Entries sorted by name, a subdirectory read where it sorts (a.txt, sub/b.txt, z.txt): the order of paths.
    Links to directories are followed, a link back to a directory being read is not (``seen``)."""
    real = os.path.realpath(top)
    if real in seen:
        return
    try:
        with os.scandir(top) as it:
            entries = sorted((e.name, e.is_dir()) for e in it if not _hidden(e.name))
    except OSError as exc:
        yield Unit(top, top, error=f"cannot read directory: {_reason(exc)}")
        return
    for name, is_dir in entries:
        path = os.path.join(top, name)
        yield from _directory_units(path, seen | {real}) if is_dir else _file_units(path)


def _file_units(path: str) -> Iterator[Unit]:
    suffix = _suffix(path)
    if suffix in ZIP_SUFFIXES:
        try:
            with zipfile.ZipFile(path) as z:
                members = sorted(i.filename for i in z.infolist() if not i.is_dir())
        except _READ_ERRORS as exc:
            yield Unit(path, path, error=f"not a readable zip archive: {_reason(exc)}")
            return
        for member in members:
            if not _member_hidden(member):
                yield Unit(f"{path}!{member}", path, member=member)
    elif suffix in PARQUET_SUFFIXES:
        try:
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(path).metadata
        except _READ_ERRORS as exc:
            yield Unit(path, path, error=f"not a readable Parquet file: {_reason(exc)}")
            return
        first = 0
        for i in range(meta.num_row_groups):
            yield Unit(path, path, row_group=i, first_row=first)
            first += meta.row_group(i).num_rows
    else:
        yield Unit(path, path)


def read_unit(unit: Unit) -> Iterator[SourceItem]:
    """(source key, article or error) for every input in one unit, in order; never raises for bad input."""
    if unit.error is not None:
        yield unit.key, InputError(unit.error)
        return
    try:
        if unit.row_group is not None:
            import pyarrow.parquet as pq

            yield from _parquet_rows(unit.key, pq.ParquetFile(unit.path), [unit.row_group], unit.first_row)
        elif unit.member is not None:
            with zipfile.ZipFile(unit.path) as z:
                info = z.getinfo(unit.member)
                yield from _read_named(unit.key, unit.member, info.file_size, lambda: z.open(info))
        else:
            path = unit.path
            yield from _read_named(unit.key, path, os.path.getsize(path), lambda: open(path, "rb"))  # noqa: SIM115 - opened in a with
    except _READ_ERRORS as exc:
        yield unit.key, InputError(f"cannot read: {_reason(exc)}")


def iter_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[SourceItem]:
    """(source key, article or error) for every input under ``paths``, in a stable order (see the module doc)."""
    for unit in list_units(paths):
        yield from read_unit(unit)


def _read_named(key: str, name: str, size: int, open_stream: Callable[[], IO[bytes]]) -> Iterator[SourceItem]:
    """Dispatch on the name's suffix; JSON Lines are streamed, everything else is read whole (within limits)."""
    suffix = _suffix(name)
    if suffix in JSONL_SUFFIXES:
        with open_stream() as stream:
            for number, item in iter_jsonl(stream):
                yield f"{key}:{number}", item
        return
    limit = MAX_JSON_BYTES if suffix in JSON_SUFFIXES + ZIP_SUFFIXES + PARQUET_SUFFIXES else MAX_DOCUMENT_BYTES
    if size > limit:
        yield key, InputError(f"file too large: {size:,} bytes (limit {limit:,})")
        return
    with open_stream() as stream:
        data = stream.read()
    yield from _read_bytes(key, name, data)


def _read_bytes(key: str, name: str, data: bytes) -> Iterator[SourceItem]:
    suffix = _suffix(name)
    if suffix in JSON_SUFFIXES:
        yield from _json_items(key, data)
    elif suffix in ZIP_SUFFIXES:   # an archive inside an archive
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in sorted((i for i in z.infolist() if not i.is_dir()), key=lambda i: i.filename):
                if _member_hidden(info.filename):
                    continue
                inner = f"{key}!{info.filename}"
                try:
                    yield from _read_named(inner, info.filename, info.file_size, _opener(z, info))
                except _READ_ERRORS as exc:
                    yield inner, InputError(f"cannot read: {_reason(exc)}")
    elif suffix in PARQUET_SUFFIXES:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(io.BytesIO(data))
        yield from _parquet_rows(key, pf, range(pf.metadata.num_row_groups), 0)
    else:
        try:
            yield key, read_document(data, name)
        except InputError as exc:
            yield key, exc


def _opener(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    return lambda: z.open(info)


def _record(value: Any) -> Article | InputError:
    if not isinstance(value, dict):
        return InputError(f"a record must be a JSON object, got {type(value).__name__}")
    try:
        return article_from_record(value)
    except InputError as exc:
        return exc


def _json_items(key: str, data: bytes) -> Iterator[SourceItem]:
    """A .json file: one record, or an array of records (each keyed ``#index``)."""
    try:
        value = json.loads(data)   # bytes: UTF-8/16/32 detected, a BOM allowed
    except json.JSONDecodeError as exc:
        yield key, InputError(f"broken JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    except UnicodeDecodeError as exc:
        yield key, InputError(f"JSON that is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}")
        return
    if isinstance(value, list):
        for i, element in enumerate(value):
            yield f"{key}#{i}", _record(element)
    elif isinstance(value, dict):
        yield key, _record(value)
    else:
        yield key, InputError(f"a JSON file must hold an object or an array of objects, got {type(value).__name__}")


def _parquet_rows(key: str, pf: Any, row_groups: Iterable[int], first_row: int) -> Iterator[SourceItem]:
    """Rows of a Parquet file as records (only the columns :data:`RECORD_FIELDS` names are read)."""
    columns = [c for c in RECORD_FIELDS if c in pf.schema_arrow.names]
    row = first_row
    for group in row_groups:
        for record in pf.read_row_group(group, columns=columns).to_pylist():
            yield f"{key}#{row}", _record(record)
            row += 1

