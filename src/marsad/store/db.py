"""The embedded store: SQLite in WAL mode, one schema (``schema.py``), every document written in one transaction.

A document is written with all its layers (mentions, entities, quotes, events, the full-text rows and its MinHash
bands) inside the caller's transaction; a crash or ``kill -9`` before the commit leaves nothing of it, after the commit
leaves all of it. The content hash is UNIQUE, so the same text is stored once however often it is ingested.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.store import dedup
from marsad.store.queries import Queries
from marsad.store.schema import MIGRATIONS, VERSION
from marsad.store.search import index_columns
from marsad.text.normalise import fold

ENV_VAR = "MARSAD_DB"


class StoreError(RuntimeError):
    """The store cannot be opened or written, with the reason and what to do about it."""


def default_path() -> Path:
    """``$MARSAD_DB``, else ``$XDG_DATA_HOME/marsad/marsad.db`` (``~/.local/share/marsad/marsad.db``)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "marsad" / "marsad.db"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def global_id(kb_id: str | None, label: str, name: str) -> str:
    """The store-wide identity of an entity: its knowledge-base id, else one derived from its label and folded name."""
    if kb_id:
        return kb_id
    return "name:" + hashlib.sha1(f"{label}\t{fold(name)}".encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Added:
    rowid: int
    id: str
    new: bool                      # False: the same text was already stored (this call only recorded the source)
    duplicate_of: str | None       # id of the first document of its near-duplicate cluster, if not itself


class Store(Queries):
    """One SQLite store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: ingest something first (marsad ingest)")
                self.db = _open_readonly(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self._write_ahead_log()
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot create the store {self.path}: {exc.strerror or exc}") from None

    # -- lifecycle ---------------------------------------------------------------------------------------------------
    def _write_ahead_log(self, wait: float = 30.0) -> None:
        """Switch a store to WAL once. SQLite answers "locked" at once, without its busy handler, when two processes
        open a fresh store together and both ask for the switch; the one that lost retries until the mode is set."""
        deadline = time.monotonic() + wait
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01 + random.random() * 0.05)

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise StoreError(f"{self.path} was written by a newer Marsad (schema {version}, this one knows {VERSION})")
        if version == VERSION:
            return
        if self.readonly:
            raise StoreError(f"{self.path} needs upgrading (schema {version} → {VERSION}); open it writable once")
        for number in range(version, VERSION):
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("PRAGMA user_version").fetchone()[0] > number:
                self.db.execute("COMMIT")   # another process applied it while this one waited for the lock
                continue
            try:
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE: a second writer waits, then fails clearly, never interleaves)."""
        if self.readonly:
            raise StoreError(f"cannot write to {self.path}: it was opened read-only")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from None
        try:
            yield
        except sqlite3.OperationalError as exc:   # disk full, read-only file, I/O error: nothing half-written
            self._rollback()
            raise StoreError(f"cannot write to {self.path}: {exc}") from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreError(f"cannot write to {self.path}: {exc}") from None

    def _rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # -- writing -----------------------------------------------------------------------------------------------------
    def find_hash(self, digest: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT rowid, id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
        return None if row is None else (row[0], row[1])

    def add_source(self, rowid: int, key: str, url: str | None = None, outlet: str | None = None) -> None:
        self.db.execute("INSERT OR IGNORE INTO sources(doc, key, url, outlet) VALUES (?, ?, ?, ?)",
                        (rowid, key, url, outlet))

    def add(self, doc: Document, *, source: str | None = None, outlet: str | None = None) -> Added:
        """Store ``doc`` (call inside :meth:`transaction`). Text already stored: only the source is recorded."""
        digest = content_hash(doc.text)
        outlet = outlet or _meta_str(doc, "outlet") or _meta_str(doc, "sitename")
        found = self.find_hash(digest)
        if found is not None:
            if source:
                self.add_source(found[0], source, doc.url, outlet)
            return Added(found[0], found[1], False, None)
        doc_id = doc.id
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = f"{doc.id}~{digest[:8]}"    # the same id given to a different text: keep both, apart
            doc.id = doc_id
        data = doc.to_dict()
        sig = dedup.signature(doc.text)
        cluster, sim = None, None
        if sig is not None:
            cluster, sim = self._near_duplicate(sig)
        cur = self.db.execute(
            "INSERT INTO documents(id, content_hash, cluster, similarity, title, published, url, outlet, n_chars,"
            " ingested_at, json) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, digest, sim, doc.title, doc.published, doc.url, outlet, len(doc.text),
             time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), json.dumps(data, ensure_ascii=False)))
        rowid = int(cur.lastrowid or 0)
        self.db.execute("UPDATE documents SET cluster = ? WHERE rowid = ?", (cluster or rowid, rowid))
        if source:
            self.add_source(rowid, source, doc.url, outlet)
        self._add_layers(rowid, doc)
        body, stems = index_columns(doc.text)
        title = index_columns(doc.title)[0] if doc.title else ""
        self.db.execute("INSERT INTO doc_fts(rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                        (rowid, title, body, stems))
        if sig is not None:
            self.db.executemany("INSERT OR IGNORE INTO lsh(band, key, doc) VALUES (?, ?, ?)",
                                [(b, k, rowid) for b, k in dedup.bands(sig)])
            self.db.execute("INSERT INTO signatures(doc, sig) VALUES (?, ?)", (rowid, dedup.to_blob(sig)))
        dup_of = None
        if cluster is not None:
            row = self.db.execute("SELECT id FROM documents WHERE rowid = ?", (cluster,)).fetchone()
            dup_of = row[0] if row else None
        return Added(rowid, doc_id, True, dup_of)

    def _near_duplicate(self, sig: Any) -> tuple[int | None, float | None]:
        """(cluster rowid, similarity) of the most similar stored document at or above the threshold, if any."""
        candidates: set[int] = set()
        for band, key in dedup.bands(sig):
            candidates.update(r[0] for r in self.db.execute("SELECT doc FROM lsh WHERE band = ? AND key = ?",
                                                            (band, key)))
        best: tuple[float, int] | None = None
        for doc in sorted(candidates):
            row = self.db.execute("SELECT s.sig, d.cluster FROM signatures s JOIN documents d ON d.rowid = s.doc"
                                  " WHERE s.doc = ?", (doc,)).fetchone()
            if row is None:
                continue
            sim = dedup.similarity(sig, dedup.from_blob(row[0]))
            if sim >= dedup.THRESHOLD and (best is None or sim > best[0]):
                best = (sim, row[1])
        return (None, None) if best is None else (best[1], round(best[0], 3))

    def _add_layers(self, rowid: int, doc: Document) -> None:
        gids = {e.id: global_id(e.kb_id, e.label, e.name) for e in doc.entities}
        self.db.executemany(
            "INSERT INTO entities(gid, label, name, name_en, name_en_source, country, sector)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(gid) DO UPDATE SET name_en = coalesce(entities.name_en, excluded.name_en),"
            " name_en_source = CASE WHEN entities.name_en IS NULL THEN excluded.name_en_source"
            " ELSE entities.name_en_source END,"   # the source goes with the name kept
            " country = coalesce(entities.country, excluded.country),"
            " sector = coalesce(entities.sector, excluded.sector)",
            [(gids[e.id], e.label, e.name, e.name_en, e.extra.get("name_en_source"), e.country, e.sector)
             for e in doc.entities])
        self.db.executemany("INSERT INTO doc_entities(doc, local, gid, n_mentions) VALUES (?, ?, ?, ?)",
                            [(rowid, e.id, gids[e.id], len(e.mentions)) for e in doc.entities])
        aliases = {(gids[m.entity], fold(m.text)): m.text for m in doc.mentions if m.entity in gids}
        aliases.update({(gids[e.id], fold(e.name)): e.name for e in doc.entities})
        self.db.executemany("INSERT OR IGNORE INTO aliases(gid, norm, text) VALUES (?, ?, ?)",
                            [(g, n, t) for (g, n), t in aliases.items()])
        self.db.executemany(
            "INSERT INTO mentions(doc, local, start, end, text, label, gid, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(rowid, m.id, m.start, m.end, m.text, m.label, gids.get(m.entity or ""),
              None if m.value is None else str(m.value)) for m in doc.mentions])
        self.db.executemany(
            "INSERT INTO quotes(doc, local, kind, speaker, cue_start, cue_end, start, end, content, sentence, date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rowid, q.id, q.kind, gids.get(q.speaker or ""), q.cue and q.cue.start, q.cue and q.cue.end,
              q.content.start, q.content.end, q.content.text, q.sentence, doc.published) for q in doc.quotes])
        self.db.executemany(
            "INSERT INTO events(doc, local, event, modality, mode, context, place, date, day, duration, start, end,"
            " trigger, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rowid, v.id, v.event, v.modality, json.dumps(v.mode), json.dumps(v.context),
              gids.get(v.event_loc or ""), v.date, v.date or doc.published, v.duration, v.trigger and v.trigger.start,
              v.trigger and v.trigger.end, v.trigger.text if v.trigger else "", v.sentence) for v in doc.events])
        self.db.executemany(
            "INSERT OR IGNORE INTO participants(doc, event, role, gid) VALUES (?, ?, ?, ?)",
            [(rowid, v.id, role, gids[e]) for v in doc.events
             for role, ids in (("actor", v.actor), ("recipient", v.recipient)) for e in ids if e in gids])


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection; on read-only media (where SQLite cannot create the WAL index) the store is read as
    immutable, which is what it is there."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK) and not _readonly_mount(path):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _readonly_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _meta_str(doc: Document, key: str) -> str | None:
    value = doc.meta.get(key)
    return value if isinstance(value, str) and value else None


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one by one (sqlite3.complete_statement finds their ends)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        stripped = line.split("--", 1)[0] if "--" in line and "'" not in line else line
        buf += stripped
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        raise StoreError(f"incomplete statement in a migration: {buf.strip()[:80]}")
