"""marsad batch on SaudiNewsNet: articles/s and tokens/s per core end to end, peak memory per worker, the speed-up
from one worker to two, the local engine against Spark, and (with --full) the whole corpus with a check that no
document was lost.

Reads the corpus from ../shared at run time (never copied into the repository). The scaling runs use the first N
articles, written to a temporary JSON Lines file with their original fields; --full runs the local engine over the
corpus's zip files themselves, as a user would. Every figure is wall-clock time of the whole command (reading,
analysis, Parquet and PLOVER writing); "per core" divides by the number of workers; "load avg" is the machine's
5-minute load average at the end of a run (above the worker count, something else was running). Prints a markdown
table ready for the README.

    python benchmarks/bench_batch.py                       # N=2000: local 1 and 2 workers, Spark local[2]
    python benchmarks/bench_batch.py --full                # ... and the whole corpus (31,030 articles), all cores
    python benchmarks/bench_batch.py -n 500 --engines local --workers 1,2 --json results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/data/news/saudinewsnet/dataset"


def write_subset(data: Path, n: int, target: Path) -> int:
    """The first ``n`` records of the corpus (empty ones included: they must come out as errors) as JSON Lines."""
    written = 0
    with open(target, "w", encoding="utf-8") as out:
        for path in sorted(data.glob("*.zip")):
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    for record in json.loads(z.read(name)):
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                        written += 1
                        if written >= n:
                            return written
    return written


def check_nothing_lost(inputs: list[str], out: Path) -> dict[str, Any]:
    """Every input key once, in documents or in errors, and nothing else there."""
    from marsad.sources import iter_sources

    keys = [k for k, _ in iter_sources(inputs)]
    docs = pq.read_table(out / "documents", columns=["source_key"]).column("source_key").to_pylist()
    errors = pq.read_table(out / "errors", columns=["source_key"]).column("source_key").to_pylist()
    found = docs + errors
    return {"inputs": len(keys), "documents": len(docs), "errors": len(errors),
            "lost": len(set(keys) - set(found)), "duplicated": len(found) - len(set(found)),
            "unknown": len(set(found) - set(keys))}


def run_engine(engine: str, inputs: list[str], out: Path, workers: int, spark: Any = None,
               shard_size: int | None = None) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    if engine == "local":
        from marsad.batch import DEFAULT_SHARD_SIZE
        from marsad.batch.local import run_local

        summary = run_local(inputs, out, workers=workers, shard_size=shard_size or DEFAULT_SHARD_SIZE,
                            progress=sys.stderr.isatty())
    else:
        from marsad.batch.spark import run_spark

        summary = run_spark(inputs, out, spark=spark)
    s = summary.to_dict()
    load = os.getloadavg()[1]   # 5-minute load average: how much else ran on the machine meanwhile
    articles = s["documents"] + s["errors"]
    wall = s["wall_s"]
    return {
        "engine": engine, "workers": workers, "articles": articles, "documents": s["documents"],
        "errors": s["errors"], "tokens": s["tokens"], "wall_s": wall,
        "articles_per_s": articles / wall, "tokens_per_s": s["tokens"] / wall,
        "tokens_per_s_per_core": s["tokens"] / wall / workers,
        "worker_cpu_tokens_per_s": s["tokens"] / s["cpu_s"] if s["cpu_s"] else None,
        "peak_rss_mb_per_worker": s["peak_rss_mb"] or None, "load_avg_5min": round(load, 2),
    }


def markdown(rows: list[dict[str, Any]], n: int | None) -> str:
    lines = ["| run | articles | tokens | wall s | articles/s | tokens/s | tokens/s per core | peak RSS per worker "
             "| load avg |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        what = f"{r['engine']}, {r['workers']} worker{'s' if r['workers'] > 1 else ''}"
        if r["engine"] == "spark":
            what = f"spark local[{r['workers']}]"
        if r.get("full"):
            what += ", whole corpus"
        rss = f"{r['peak_rss_mb_per_worker']:.0f} MB" if r["peak_rss_mb_per_worker"] else "n/a"
        lines.append(f"| {what} | {r['articles']:,} | {r['tokens']:,} | {r['wall_s']:,.1f} | "
                     f"{r['articles_per_s']:,.1f} | {r['tokens_per_s']:,.0f} | {r['tokens_per_s_per_core']:,.0f} | "
                     f"{rss} | {r['load_avg_5min']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="articles for the scaling runs (default 2000)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--engines", default="local,spark", help="comma-separated: local, spark")
    ap.add_argument("--workers", default="1,2", help="local engine worker counts to compare (default 1,2)")
    ap.add_argument("--full", action="store_true", help="also run the whole corpus through the local engine")
    ap.add_argument("--full-workers", type=int, help="workers for --full (default: every core)")
    ap.add_argument("--shard-size", type=int,
                    help="local engine shard size for the scaling runs (default: N/16 within 50..500, so that two "
                         "workers stay busy to the end); --full uses the engine's default")
    ap.add_argument("--work", type=Path, help="where outputs go (default: a temporary directory, removed)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args()

    if not args.data.is_dir():
        sys.exit(f"no corpus at {args.data}")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench_batch_"))
    work.mkdir(parents=True, exist_ok=True)
    engines = [e for e in args.engines.split(",") if e]
    rows: list[dict[str, Any]] = []
    try:
        subset = work / "subset.jsonl"
        n = write_subset(args.data, args.n, subset)
        if "local" in engines:
            for w in (int(x) for x in args.workers.split(",")):
                print(f"local engine, {w} worker(s), {n} articles ...", file=sys.stderr)
                shard_size = args.shard_size or min(500, max(50, n // 16))
                rows.append(run_engine("local", [str(subset)], work / f"local-{w}", w, shard_size=shard_size))
        if "spark" in engines:
            from marsad.batch.spark import spark_session

            spark = spark_session("local[2]")
            spark.sparkContext.setLogLevel("ERROR")
            print(f"spark engine, local[2], {n} articles ...", file=sys.stderr)
            rows.append(run_engine("spark", [str(subset)], work / "spark", 2, spark))
            spark.stop()
        if args.full:
            from marsad.batch.local import default_workers

            w = args.full_workers or default_workers()
            print(f"local engine, {w} worker(s), the whole corpus ...", file=sys.stderr)
            full = run_engine("local", [str(args.data)], work / "full", w)
            full["full"] = True
            full["check"] = check_nothing_lost([str(args.data)], work / "full")
            rows.append(full)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    by_workers = {r["workers"]: r for r in rows if r["engine"] == "local" and not r.get("full")}
    speedup = by_workers[2]["tokens_per_s"] / by_workers[1]["tokens_per_s"] if {1, 2} <= set(by_workers) else None
    print(f"\n`{' '.join(['python', 'benchmarks/bench_batch.py', *sys.argv[1:]])}` on {platform.node()} "
          f"({os.cpu_count()} cores, Python {platform.python_version()}), {n:,} SaudiNewsNet articles for the "
          "scaling runs:\n")
    print(markdown(rows, n))
    if speedup is not None:
        print(f"\nspeed-up from 1 to 2 workers: {speedup:.2f}x")
    for r in rows:
        if r.get("check"):
            c = r["check"]
            print(f"whole corpus: {c['inputs']:,} inputs -> {c['documents']:,} documents + {c['errors']:,} errors; "
                  f"lost {c['lost']}, duplicated {c['duplicated']}, unknown {c['unknown']}; "
                  f"{r['wall_s'] / 60:.1f} min")
    print(f"benchmark process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "speedup_1_to_2": speedup, "subset": n,
                                         "time": time.strftime("%Y-%m-%d %H:%M")}, indent=2) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main()
