"""The observatory's commands: ``marsad ingest | search | serve | export | demo``.

    marsad ingest PATH|URL...      analyse and store articles (files, folders, zip, JSON Lines, Parquet, URLs, feeds)
    marsad search QUERY            full-text search; --entities, --timeline, --events, --quotes, --network, --counts
    marsad serve                   the HTTP API and the web UI
    marsad export OUT --format F   jsonl (documents), plover (events), parquet or csv (tables)
    marsad demo                    the bundled examples in a fresh store, served on localhost

Every command takes ``--db PATH`` (default: ``$MARSAD_DB``, else ``~/.local/share/marsad/marsad.db``).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from marsad.store import QueryError, Store, StoreError, default_path

EXAMPLES = Path(__file__).parent / "examples"


def _store(args: argparse.Namespace, *, readonly: bool = False) -> Store:
    return Store(args.db, readonly=readonly)


# -- ingest ---------------------------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from marsad.cli import _use_kb_files
    from marsad.ingest import ingest, items

    if not _use_kb_files(args.kb, err):
        return 2
    def report(key: str, reason: str) -> None:
        print(f"marsad ingest: {key}: {reason}", file=err, flush=True)

    try:
        with _store(args) as store:
            result = ingest(store, items(args.inputs, timeout=args.timeout, retries=args.retries),
                            published=args.published, workers=args.workers, progress=err, on_error=report)
    except KeyboardInterrupt:
        print("marsad ingest: interrupted; what was committed is kept, rerun the same command to go on", file=err)
        return 130
    except StoreError as exc:
        print(f"marsad ingest: {exc}; what was committed before is kept, nothing is half-written", file=err)
        return 2
    print(f"marsad ingest: {result.summary()} → {store.path}", file=err)
    return 1 if result.errors else 0


# -- search and the other queries -----------------------------------------------------------------------------------
def _actor(store: Store, name: str | None) -> str | None:
    """A global id for ``name``: itself if it is one, else the most-cited entity whose names match."""
    if not name:
        return None
    if store.entity(name) is not None:
        return name
    found = store.entities(name, limit=1)
    if not found:
        raise QueryError(f"no entity in the store matches {name!r}")
    return str(found[0]["gid"])


def _who(x: dict[str, Any] | None) -> str:
    if not x:
        return "?"
    return f"{x.get('name') or x.get('gid')}" + (f" ({x['name_en']})" if x.get("name_en") else "")


def cmd_search(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        with _store(args, readonly=True) as store:
            span = {"date_from": args.date_from, "date_to": args.date_to}
            result: Any
            if args.entities:
                result = store.entities(args.query, limit=args.limit)
            elif args.timeline:
                gid = _actor(store, args.query)
                assert gid is not None
                result = store.timeline(gid, limit=args.limit, **span)
            elif args.events:
                result = store.events(event=args.event, participant=_actor(store, args.actor or args.query),
                                      place=_actor(store, args.place), modality=args.modality, limit=args.limit,
                                      **span)
            elif args.quotes:
                result = store.quotes(speaker=_actor(store, args.speaker), q=args.query, limit=args.limit, **span)
            elif args.network:
                result = store.network(event=args.event or "CONSULT", **span)
            elif args.counts:
                result = store.counts(event=args.event, actor=_actor(store, args.actor), by=args.by, **span)
            else:
                if not args.query:
                    print("marsad search: give words to search for (or --entities/--events/...)", file=err)
                    return 2
                result = store.search(args.query, limit=args.limit, **span)
    except (QueryError, StoreError) as exc:
        print(f"marsad search: {exc}", file=err)
        return 2
    if args.json:
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return 0
    _print_result(args, result, out)
    return 0


def _print_result(args: argparse.Namespace, result: Any, out: TextIO) -> None:
    if args.entities:
        for e in result:
            out.write(f"{e['gid']}\t{e['label']}\t{_who(e)}\t{e['documents']} documents\n")
    elif args.timeline or args.events or args.quotes:
        for x in result:
            if x.get("content"):
                out.write(f"{x['day'] or '????'}  «{x['content']['text']}» — {_who(x['speaker'])}  [{x['doc']}]\n")
            else:
                actors = ", ".join(_who(a) for a in x["actor"]) or "?"
                recipients = ", ".join(_who(a) for a in x["recipient"])
                place = f" in {_who(x['place'])}" if x.get("place") else ""
                out.write(f"{x['day'] or '????'}  {x['event']:<9} {x['modality']:<9} {actors}"
                          f"{' → ' + recipients if recipients else ''}{place}  «{x['trigger']['text']}»"
                          f"  [{x['doc']}]\n")
    elif args.network:
        names = {n["gid"]: _who(n) for n in result["nodes"]}
        arrow = "→" if result["directed"] else "—"
        for e in result["edges"]:
            out.write(f"{e['weight']:>4}  {names.get(e['source'])} {arrow} {names.get(e['target'])}\n")
    elif args.counts:
        for c in result:
            out.write(f"{c['period']}\t{c['count']}\n")
    else:
        out.write(f"{result['total']} documents match\n")
        for r in result["results"]:
            snip = r["snippet"]
            for s, e in reversed(r["highlights"]):
                snip = snip[:s] + "[" + snip[s:e] + "]" + snip[e:]
            out.write(f"\n{r['published'] or '????-??-??'}  {r['title'] or '(no title)'}  [{r['id']}]\n"
                      f"  {' '.join(snip.split())}\n")


# -- serve and demo -------------------------------------------------------------------------------------------------
def _serve(db: Path | None, host: str, port: int, token: str | None, rate: float, out: TextIO,
           write_rate: float = 5.0) -> int:
    import uvicorn

    from marsad.api import create_app

    app = create_app(db, token=token, rate=rate, write_rate=write_rate)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    print(f"Marsad observatory: http://{shown}:{port}/   (API: /api/…, OpenAPI: /openapi.json; Ctrl-C to stop)",
          file=out, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0


def cmd_serve(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.token and not os.environ.get("MARSAD_TOKEN"):
        print("marsad serve: listening beyond localhost without --token: the store is readable, writes are refused",
              file=err)
    try:
        return _serve(args.db, args.host, args.port, args.token, args.rate, out, args.write_rate)
    except StoreError as exc:
        print(f"marsad serve: {exc}", file=err)
        return 2


def example_inputs() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] + [str(p) for p in sorted(EXAMPLES.glob("*.jsonl"))]


def cmd_demo(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from marsad.ingest import ingest, items

    db = args.db or Path(tempfile.mkdtemp(prefix="marsad-demo-")) / "demo.db"
    print(f"marsad demo: analysing the bundled examples into {db}", file=err, flush=True)
    with Store(db) as store:
        result = ingest(store, items(example_inputs()), published=args.published, progress=err)
    print(f"marsad demo: {result.summary()}", file=err, flush=True)
    if args.no_serve:
        return 0
    token = secrets.token_urlsafe(16)
    print(f"marsad demo: write token for POST /api/documents: {token}", file=err)
    return _serve(db, args.host, args.port, token, args.rate, out)


# -- export ---------------------------------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from marsad.document import Document

    try:
        store = _store(args, readonly=True)
    except StoreError as exc:
        print(f"marsad export: {exc}", file=err)
        return 2
    query = "SELECT json, (SELECT min(key) FROM sources s WHERE s.doc = d.rowid) FROM documents d WHERE 1"
    params: list[str] = []
    if args.date_from:
        query += " AND published >= ?"
        params.append(args.date_from)
    if args.date_to:
        query += " AND published <= ?"
        params.append(args.date_to + "\uffff")
    if not args.include_duplicates:
        query += " AND rowid = cluster"
    rows = store.db.execute(query + " ORDER BY rowid", params)
    n = 0
    with store:
        if args.format in ("jsonl", "plover"):
            from marsad.tables import plover_events

            target: TextIO = sys.stdout if str(args.out) == "-" else _atomic_text(args.out)
            for data, _key in rows:
                if args.format == "jsonl":
                    target.write(data + "\n")
                    n += 1
                else:
                    for record in plover_events(Document.from_dict(json.loads(data))):
                        target.write(json.dumps(record, ensure_ascii=False) + "\n")
                        n += 1
            if target is not sys.stdout:
                target.close()
                Path(target.name).replace(args.out)
        else:
            n = _export_tables(rows, Path(args.out), args.format)
    print(f"marsad export: {n} {'records' if args.format in ('jsonl', 'plover') else 'documents'} → {args.out}",
          file=err)
    return 0


def _atomic_text(path: Path) -> TextIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path.with_name(path.name + ".part"), "w", encoding="utf-8")


def _export_tables(rows: Any, folder: Path, fmt: str, chunk: int = 500) -> int:
    """One file per table (documents, mentions, entities, quotes, events), streamed ``chunk`` documents at a time
    (bounded memory on any store), each written under a temporary name and renamed when complete."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from marsad.document import Document
    from marsad.tables import TABLES, arrow_tables
    from marsad.tables import rows as table_rows

    folder.mkdir(parents=True, exist_ok=True)
    partial = {name: folder / f"{name}.{fmt}.part" for name in TABLES}
    writers: dict[str, Any] = {}
    n = 0

    def write(collected: dict[str, list[dict[str, Any]]]) -> None:
        for name, table in arrow_tables(collected).items():
            if name not in writers:
                writers[name] = (pq.ParquetWriter(partial[name], table.schema) if fmt == "parquet" else
                                 pacsv.CSVWriter(partial[name], _flat(table).schema))
            writers[name].write_table(table if fmt == "parquet" else _flat(table))

    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for data, key in rows:
        for name, part in table_rows(Document.from_dict(json.loads(data)), key).items():
            collected[name].extend(part)
        n += 1
        if n % chunk == 0:
            write(collected)
            collected = {name: [] for name in TABLES}
    write(collected)
    for name, writer in writers.items():
        writer.close()
        partial[name].replace(folder / f"{name}.{fmt}")
    return n


def _flat(table: Any) -> Any:
    """CSV has no lists or structs: nested columns become JSON text."""
    import pyarrow as pa

    for i, f in enumerate(table.schema):
        if pa.types.is_nested(f.type):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in table.column(i).to_pylist()]
            table = table.set_column(i, pa.field(f.name, pa.string()), pa.array(values, pa.string()))
    return table


# -- the parser -----------------------------------------------------------------------------------------------------
def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None,
                   help=f"the store (default: $MARSAD_DB, else {default_path()})")


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date, inclusive")


def add_parsers(sub: Any) -> None:
    ing = sub.add_parser("ingest", help="analyse articles and keep them in the store")
    ing.add_argument("inputs", nargs="+", metavar="PATH|URL",
                     help="files, directories, .zip, .jsonl, .json, .parquet, http(s) pages and RSS/Atom feeds")
    _db_arg(ing)
    ing.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that lack one")
    ing.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    ing.add_argument("--timeout", type=float, default=20.0, help="seconds per HTTP request (URLs and feeds)")
    ing.add_argument("--retries", type=int, default=2, help="retries of a failed HTTP request")
    ing.add_argument("--kb", action="append", type=Path, metavar="FILE", help="extra knowledge-base entries")
    ing.set_defaults(func=cmd_ingest)

    se = sub.add_parser("search", help="search the store: documents, actors, timelines, events, quotes, networks")
    se.add_argument("query", nargs="?", help='words, "a phrase", a OR b, -excluded, prefix*; or a name for --timeline')
    _db_arg(se)
    what = se.add_mutually_exclusive_group()
    what.add_argument("--entities", action="store_true", help="actors whose names match QUERY")
    what.add_argument("--timeline", action="store_true", help="the events and quotes of the actor QUERY, by date")
    what.add_argument("--events", action="store_true", help="events (filter with --event, --actor, --place)")
    what.add_argument("--quotes", action="store_true", help="quotes (filter with --speaker; QUERY: words in them)")
    what.add_argument("--network", action="store_true", help="who met whom (--event CONSULT) or did --event to whom")
    what.add_argument("--counts", action="store_true", help="events per --by period")
    se.add_argument("--event", help="a PLOVER category (CONSULT, ACCUSE, PROTEST ...)")
    se.add_argument("--actor", help="a participant: name or id")
    se.add_argument("--place", help="where: name or id")
    se.add_argument("--speaker", help="who said it: name or id")
    se.add_argument("--modality", choices=["asserted", "planned", "expected", "negated", "hypothetical"])
    se.add_argument("--by", choices=["day", "month", "year"], default="month")
    se.add_argument("--limit", type=int, default=20)
    se.add_argument("--json", action="store_true", help="JSON, as the HTTP API answers")
    _dates(se)
    se.set_defaults(func=cmd_search)

    sv = sub.add_parser("serve", help="serve the HTTP API and the web UI")
    _db_arg(sv)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--token", help="bearer token that POST /api/documents requires (default: $MARSAD_TOKEN; "
                                    "without one, writes are refused)")
    sv.add_argument("--rate", type=float, default=50.0, help="read requests per second per client (0: no limit)")
    sv.add_argument("--write-rate", type=float, default=5.0, help="POST requests per second per client (0: no limit)")
    sv.set_defaults(func=cmd_serve)

    ex = sub.add_parser("export", help="write the store out: documents, PLOVER events, or tables")
    ex.add_argument("out", type=Path, help="a file (jsonl, plover; - for stdout) or a folder (parquet, csv)")
    _db_arg(ex)
    ex.add_argument("--format", choices=["jsonl", "plover", "parquet", "csv"], default="jsonl")
    ex.add_argument("--include-duplicates", action="store_true",
                    help="also near-duplicate reports of a story already exported")
    _dates(ex)
    ex.set_defaults(func=cmd_export)

    de = sub.add_parser("demo", help="analyse the bundled examples into a fresh store and serve the observatory")
    de.add_argument("--db", type=Path, default=None, help="where to build the demo store (default: a new temp folder)")
    de.add_argument("--host", default="127.0.0.1")
    de.add_argument("--port", type=int, default=8000)
    de.add_argument("--rate", type=float, default=50.0)
    de.add_argument("--published", metavar="YYYY-MM-DD", default="2025-12-03",
                    help="publication date for examples that lack one (the seed article's)")
    de.add_argument("--no-serve", action="store_true", help="build the store and stop")
    de.set_defaults(func=cmd_demo)
