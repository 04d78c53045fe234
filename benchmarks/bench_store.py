"""The store is not the bottleneck: ingest throughput against analysis alone, and query latency on the result.

Ingests the first N SaudiNewsNet articles (read from ../shared, never copied) with the real ``marsad.ingest.ingest``,
timing the analysis calls inside it, so "analysis alone" and "ingest" are measured in the same run on the same
articles: the difference is what reading, hashing, indexing, near-duplicate detection and SQLite writes cost.
Then runs a mix of analysts' queries on the store and prints the median and 95th-percentile latency of each kind.

    python benchmarks/bench_store.py [-n 5000] [--db /tmp/bench.db] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/data/news/saudinewsnet/dataset"


def articles(data: Path, n: int) -> Iterator[tuple[str, Any]]:
    from marsad.readers import article_from_record

    seen = 0
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for i, record in enumerate(json.loads(z.read(name))):
                    if not (record.get("content") or "").strip():
                        continue
                    yield f"{path.name}!{name}#{i}", article_from_record(record)
                    seen += 1
                    if seen >= n:
                        return


def timed(fn: Callable[[], Any], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-store.db"))
    ap.add_argument("--queries", type=int, default=50, help="queries of each kind")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--queries-only", action="store_true", help="only time the queries on an existing --db")
    args = ap.parse_args()

    import marsad.ingest as ingest_module
    from marsad.store import Store

    inputs: list[Any] = []
    overhead = total = 0.0
    analysing = [0.0]
    n_words = 0
    if args.queries_only:
        store = Store(args.db, readonly=True)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        real_analyse = ingest_module._analyse

        def timed_analyse(item: Any) -> Any:
            t = time.perf_counter()
            try:
                return real_analyse(item)
            finally:
                analysing[0] += time.perf_counter() - t

        ingest_module._analyse = timed_analyse   # type: ignore[assignment]
        inputs = list(articles(args.data, args.n))
        n_words = sum(len(a.text.split()) for _, a in inputs if not isinstance(a, Exception))
        import marsad

        marsad.analyze("تمهيد: تحميل النماذج قبل القياس.")   # load models before the clock starts
        store = Store(args.db)
        start = time.perf_counter()
        report = ingest_module.ingest(store, iter(inputs))
        total = time.perf_counter() - start
        overhead = (total - analysing[0]) / analysing[0]
        print(f"{len(inputs)} articles, {n_words:,} words: {report.summary()}")
        print(f"analysis alone {analysing[0]:.1f} s ({n_words / analysing[0]:,.0f} words/s); "
              f"ingest {total:.1f} s ({n_words / total:,.0f} words/s): the store adds {overhead:.1%}")

    rng = random.Random(1)
    names = [r[0] for r in store.db.execute(
        "SELECT e.name FROM entities e JOIN doc_entities d ON d.gid = e.gid GROUP BY e.gid "
        "HAVING count(*) >= 3 ORDER BY count(*) DESC LIMIT 300")]
    gids = [r[0] for r in store.db.execute(
        "SELECT gid FROM participants GROUP BY gid ORDER BY count(*) DESC LIMIT 100")]
    months = [r[0] for r in store.db.execute("SELECT DISTINCT substr(day, 1, 7) FROM events WHERE day >= '2000'")]
    words = ["السعودية", "الرياض", "وزير", "الملك", "اتفاقية", "المملكة العربية", '"ولي العهد"', "النفط OR الطاقة",
             "مجلس -الشورى", "اقتصاد*"]
    kinds: dict[str, Callable[[], Any]] = {
        "search (words)": lambda: store.search(rng.choice(words)),
        "search (entity names)": lambda: store.search(rng.choice(names)),
        "entities by name": lambda: store.entities(rng.choice(names)[:4]),
        "actor page": lambda: store.entity(rng.choice(gids)),
        "actor timeline": lambda: store.timeline(rng.choice(gids)),
        "events (category, month)": lambda: store.events(event=rng.choice(["CONSULT", "AGREE", "ASSAULT"]),
                                                         date_from=rng.choice(months), date_to=rng.choice(months)),
        "quotes by speaker": lambda: store.quotes(speaker=rng.choice(gids)),
        "who met whom (all)": lambda: store.network(event="CONSULT"),
        "counts per month": lambda: store.counts(by="month", event=rng.choice(["CONSULT", None])),
        "document": lambda: store.document(rng.choice(inputs_ids)),
    }
    inputs_ids = [r[0] for r in store.db.execute("SELECT id FROM documents")]
    results: dict[str, dict[str, float]] = {}
    print(f"\n| query ({args.queries} each) | median ms | p95 ms |\n|---|---:|---:|")
    for kind, fn in kinds.items():
        times = sorted(timed(fn) * 1000 for _ in range(args.queries))
        med, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
        results[kind] = {"median_ms": round(med, 2), "p95_ms": round(p95, 2)}
        print(f"| {kind} | {med:.1f} | {p95:.1f} |")
    all_medians = statistics.median([t for r in results.values() for t in (r["median_ms"],)])
    print(f"\nmedian of the medians: {all_medians:.1f} ms; store size {args.db.stat().st_size / 1e6:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": len(inputs), "words": n_words, "analysis_s": analysing[0], "ingest_s": total,
            "store_overhead": overhead, "queries": results, "python": sys.version.split()[0]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
