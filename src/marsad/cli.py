"""The command line: a thin layer over the library.

    marsad analyze FILE...            one JSON document per input, as JSON Lines on stdout
    marsad analyze -                  one document from stdin
    marsad analyze --jsonl IN.jsonl   one document per input line
    marsad kb lookup NAME | kb add F  the knowledge base: look a name up, add your own entries (YAML or CSV)
    marsad eval clitics               clitic segmentation accuracy on the gold table
    marsad eval ner --gold FILE       named-entity P/R/F1 on a CoNLL file or annotated articles
    marsad eval entities              entity clusters and links on the development set
    marsad eval quotes                quotes and their speakers on the development set
    marsad eval events                PLOVER events on the development set
    marsad batch IN... OUT            a corpus into Parquet tables and PLOVER JSON Lines (--engine local|spark)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from marsad import __version__
from marsad.document import Document
from marsad.pipeline import InputError, analyze
from marsad.readers import Article, iter_jsonl, read_document

EXAMPLES = Path(__file__).parent / "examples"


def _articles(args: argparse.Namespace) -> Iterator[tuple[str, Article | InputError]]:
    """(where, article or error) for every input named on the command line, in order."""
    for name in args.inputs:
        if name == "-":
            try:
                yield "<stdin>", read_document(sys.stdin.buffer.read())
            except InputError as exc:
                yield "<stdin>", exc
            continue
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield name, InputError(exc.strerror or str(exc))
            continue
        try:
            yield name, read_document(data, path.name)
        except InputError as exc:
            yield name, exc
    for name in args.jsonl or ():
        try:
            stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            yield name, InputError(exc.strerror or str(exc))
            continue
        try:
            for number, item in iter_jsonl(stream):
                yield f"{name}:{number}", item
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _analyse(article: Article, published: str | None) -> Document:
    return analyze(article.text, published=article.published or published, id=article.id, title=article.title,
                   url=article.url, meta=article.meta)


def _use_kb_files(paths: list[Path] | None, err: TextIO) -> bool:
    """Add the user's knowledge-base files for this run; False (after saying why) if one cannot be read."""
    if not paths:
        return True
    from marsad.kb import knowledge_base, read_records

    kb = knowledge_base()
    if kb is None:
        print("marsad: this installation has no knowledge base to extend", file=err)
        return False
    for path in paths:
        try:
            kb.add_records(read_records(path))
        except (OSError, ValueError, KeyError) as exc:
            print(f"marsad: {path}: {exc}", file=err)
            return False
    return True


def cmd_analyze(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    if not _use_kb_files(args.kb, err):
        return 2
    if not args.inputs and not args.jsonl:
        args.inputs = ["-"]
    failed = 0
    for where, item in _articles(args):
        try:
            if isinstance(item, InputError):
                raise item
            line = _analyse(item, args.published).to_json(indent=2 if args.pretty else None)
        except InputError as exc:
            failed += 1
            print(f"marsad analyze: {where}: {exc}", file=err)
            continue
        out.write(line + "\n")   # one write per document: nothing is ever half-written
        out.flush()
    return 1 if failed else 0


def cmd_eval(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    if args.task == "clitics":
        return _eval_clitics(args, out)
    if args.task in ("entities", "quotes", "events"):
        from marsad.eval import GoldError, entities, events, quotes

        scorer = {"entities": entities.score, "quotes": quotes.score, "events": events.score}[args.task]
        try:
            report = scorer(args.gold, args.articles or args.gold.parent / "articles")
        except GoldError as exc:
            print(f"marsad eval: {exc}", file=sys.stderr)
            return 2
        except FileNotFoundError as exc:   # an article the annotation names is missing
            print(f"marsad eval: no article text for an annotated document: {exc.filename}", file=sys.stderr)
            return 2
        if args.json:
            out.write(json.dumps(report, indent=2) + "\n")
            return 0
        for section, values in report.items():
            assert isinstance(values, dict)
            out.write(f"{section}: " + ", ".join(f"{k} {v}" for k, v in values.items()) + "\n")
        return 0
    return _eval_ner(args, out)


def _eval_clitics(args: argparse.Namespace, out: TextIO) -> int:
    from marsad.eval import clitics

    result = clitics.score(args.gold, args.ant, args.gold.parent / "sample.tsv")
    if args.json:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"clitic segmentation: {result.correct}/{result.total} words correct, accuracy {result.accuracy:.4f}\n")
    for kind, n in sorted(result.by_sample.items()):
        right = result.correct_by_sample[kind]
        out.write(f"  {kind:>6} sample: {right}/{n} = {right / n:.4f}\n")
    for word, gold, system, doc in result.errors:
        out.write(f"  error: {word}: gold {gold}, system {system} ({doc})\n")
    return 0


def _eval_ner(args: argparse.Namespace, out: TextIO) -> int:
    from marsad.eval import ner

    if args.gold.suffix == ".jsonl":
        annotated = ner.score_annotated(args.gold, args.articles or args.gold.parent / "articles")
        if args.json:
            out.write(json.dumps(annotated, indent=2) + "\n")
            return 0
        for name, rep in annotated.items():
            assert isinstance(rep, dict)
            out.write(f"{name} types:\n")
            _write_prf(out, rep)
        return 0
    report = ner.score(args.gold, limit=args.limit).to_dict()
    if args.json:
        out.write(json.dumps(report, indent=2) + "\n")
        return 0
    micro = report["micro"]
    assert isinstance(micro, dict)
    out.write(f"NER on {args.gold} ({report['tokens']} tokens), entity-level exact match, proclitics allowed\n")
    _write_prf(out, report)
    return 0


def _write_prf(out: TextIO, report: dict[str, object]) -> None:
    out.write(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}\n")
    per_type, micro = report["per_type"], report["micro"]
    assert isinstance(per_type, dict) and isinstance(micro, dict)
    for name, row in [*per_type.items(), ("micro", micro)]:
        out.write(f"{name:<8}{row['precision']:>8.4f}{row['recall']:>8.4f}{row['f1']:>8.4f}{row['support']:>9}\n")


def cmd_kb(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    import shutil

    from marsad.kb import knowledge_base, read_records, user_kb_dir, validate_records

    if args.action == "add":
        try:
            n = validate_records(read_records(args.file))
        except (OSError, ValueError) as exc:
            print(f"marsad kb add: {args.file}: {exc}", file=err)
            return 1
        target = user_kb_dir()
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.file, target / args.file.name)
        out.write(f"added {n} entities from {args.file} to {target / args.file.name}\n")
        return 0
    kb = knowledge_base()
    if kb is None:
        print("marsad kb: this installation has no knowledge base", file=err)
        return 1
    found = kb.lookup(args.name)
    for e in found:
        out.write(f"{e.kb_id}\t{e.type}\t{e.name_ar}\t{e.name_en or ''}\t{e.country or ''}\t{e.sector or ''}"
                  f"\t{e.source}\n")
    if args.date:
        for e in kb.office_holders(args.name, args.date):
            out.write(f"{e.kb_id}\t{e.type}\t{e.name_ar}\t{e.name_en or ''}\toffice holder on {args.date}\n")
    return 0 if found or args.date else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news in, structured knowledge out.")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    an = sub.add_parser("analyze", help="analyse articles and print marsad.document/1 JSON Lines")
    an.add_argument("inputs", nargs="*", metavar="FILE", help="text or HTML files; - for stdin")
    an.add_argument("--jsonl", action="append", metavar="IN.jsonl",
                    help='JSON Lines input, one {"id","text","title"?,"published"?,"url"?} per line')
    an.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that lack one")
    an.add_argument("--pretty", action="store_true", help="indent the JSON (one document spans several lines)")
    an.add_argument("--example", action="store_true", help=f"analyse the bundled example article ({EXAMPLES.name}/)")
    an.add_argument("--kb", action="append", type=Path, metavar="FILE",
                    help="extra knowledge-base entries for this run (YAML in the curated format, or CSV)")
    an.set_defaults(func=cmd_analyze)

    kb = sub.add_parser("kb", help="look names up in the knowledge base, or add your own entries")
    kb_sub = kb.add_subparsers(dest="action", required=True)
    add = kb_sub.add_parser("add", help="keep a YAML or CSV file of entries for every later run")
    add.add_argument("file", type=Path)
    add.set_defaults(func=cmd_kb)
    look = kb_sub.add_parser("lookup", help="the entities a name (or, with --date, a role phrase) refers to")
    look.add_argument("name")
    look.add_argument("--date", metavar="YYYY-MM-DD", help="also show who held the office the phrase names")
    look.set_defaults(func=cmd_kb)

    ev = sub.add_parser("eval", help="score the system on annotated data")
    ev_sub = ev.add_subparsers(dest="task", required=True)
    cl = ev_sub.add_parser("clitics", help="clitic segmentation accuracy on a gold table of real words")
    root = Path(__file__).resolve().parents[2]
    cl.add_argument("--gold", type=Path, default=root / "tests/data/clitics/gold.tsv")
    cl.add_argument("--ant", type=Path, default=root.parent / "shared/data/news/ant-v1.1",
                    help="the ANT v1.1 corpus the gold words come from")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(func=cmd_eval)
    ne = ev_sub.add_parser("ner", help="entity-level P/R/F1 of named-entity mentions on a CoNLL file")
    ne.add_argument("--gold", type=Path, required=True,
                    help="CoNLL file (token TAG per line, BIO tags), or annotated articles (.jsonl, annotation guide)")
    ne.add_argument("--articles", type=Path, help="folder of the .jsonl's article texts (default: articles/ beside it)")
    ne.add_argument("--limit", type=int, help="score only the first N sentences")
    ne.add_argument("--json", action="store_true")
    ne.set_defaults(func=cmd_eval)
    for task, summary in (("entities", "entity clusters and knowledge-base links on annotated articles"),
                          ("quotes", "quotes with their speakers on annotated articles"),
                          ("events", "PLOVER events on annotated articles")):
        tp = ev_sub.add_parser(task, help=summary)
        tp.add_argument("--gold", type=Path, default=root / "tests/data/dev/gold.jsonl")
        tp.add_argument("--articles", type=Path, help="folder of the article texts (default: articles/ beside --gold)")
        tp.add_argument("--json", action="store_true")
        tp.set_defaults(func=cmd_eval)
    from marsad.cli_observatory import add_parsers  # ingest, search, serve, export, demo

    add_parsers(sub)
    from marsad.batch.cli import add_parser as add_batch_parser

    add_batch_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "example", False):
        args.inputs = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] + list(args.inputs)
    from marsad.ner.tagger import ModelError

    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except ModelError as exc:   # a damaged installation: say so, never crash or carry on without the model
        print(f"marsad: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
