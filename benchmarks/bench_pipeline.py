"""Throughput of the pipeline on real news: tokens/s and articles/s per stage and in total, and peak memory.

Reads the first N articles of SaudiNewsNet straight from its zip files in ../shared (never copied into the
repository), runs every stage of marsad.pipeline on one core, and prints a table. Stage times are CPU seconds of this
process (time.process_time), which other work on the machine disturbs less than wall-clock time; the total is shown
both ways.

    python benchmarks/bench_pipeline.py [-n 2000] [--data ../shared/data/news/saudinewsnet/dataset] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/data/news/saudinewsnet/dataset"
TEXT_LAYER = ("normalise", "segment", "tokenize")


def saudinewsnet(data: Path, n: int) -> Iterator[dict[str, str]]:
    """The first ``n`` articles (with non-empty content), in file order."""
    seen = 0
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for article in json.loads(z.read(name)):
                    if not (article.get("content") or "").strip():
                        continue
                    yield article
                    seen += 1
                    if seen >= n:
                        return


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="number of articles")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args()

    articles = list(saudinewsnet(args.data, args.n))
    t0 = time.perf_counter()
    from marsad.pipeline import STAGES, make_document
    from marsad.text.tokenize import clitic_rules

    clitic_rules()  # load the shipped tables once, as a long-running process would
    load_s = time.perf_counter() - t0

    per_stage = {"normalise": 0.0, **{s.name: 0.0 for s in STAGES}}
    tokens = words = chars = 0
    total_start, cpu_start = time.perf_counter(), time.process_time()
    for a in articles:
        doc = make_document(a["content"], title=a.get("title"))
        t = time.process_time()
        doc.normalized  # noqa: B018 - the document-wide normalised view with its offset map, timed on its own
        per_stage["normalise"] += time.process_time() - t
        for stage in STAGES:
            t = time.process_time()
            stage.run(doc)
            per_stage[stage.name] += time.process_time() - t
        doc.validate()
        assert doc.tokens is not None
        tokens += len(doc.tokens)
        words += doc.tokens.word[-1] + 1 if len(doc.tokens) else 0
        chars += len(doc.text)
    total_s, total_cpu = time.perf_counter() - total_start, time.process_time() - cpu_start

    rows = []
    for name, secs in per_stage.items():
        rows.append({"stage": name, "seconds": secs, "tokens_per_s": tokens / secs if secs else float("inf"),
                     "articles_per_s": len(articles) / secs if secs else float("inf")})
    text_layer = sum(per_stage[n] for n in TEXT_LAYER if n in per_stage)
    result = {
        "articles": len(articles), "tokens": tokens, "words": words, "chars": chars,
        "load_seconds": load_s, "stages": rows,
        "text_layer": {"seconds": text_layer, "tokens_per_s": tokens / text_layer, "words_per_s": words / text_layer},
        "total": {"seconds": total_s, "cpu_seconds": total_cpu, "tokens_per_s": tokens / total_s,
                  "tokens_per_cpu_s": tokens / total_cpu, "articles_per_s": len(articles) / total_s,
                  "words_per_s": words / total_s},
        "peak_rss_mb": peak_rss_mb(), "python": platform.python_version(), "machine": platform.machine(),
    }
    print(f"{len(articles)} SaudiNewsNet articles, {tokens:,} tokens ({words:,} words, {chars:,} characters); "
          f"tables loaded in {load_s:.2f} s")
    print(f"{'stage':<12}{'cpu s':>10}{'tokens/s':>14}{'articles/s':>12}")
    for r in rows:
        print(f"{r['stage']:<12}{r['seconds']:>10.2f}{r['tokens_per_s']:>14,.0f}{r['articles_per_s']:>12,.0f}")
    print(f"{'text layer':<12}{text_layer:>10.2f}{tokens / text_layer:>14,.0f}{len(articles) / text_layer:>12,.0f}")
    print(f"{'total':<12}{total_cpu:>10.2f}{tokens / total_cpu:>14,.0f}{len(articles) / total_cpu:>12,.0f}"
          f"   (includes validation; wall clock {total_s:.2f} s, {tokens / total_s:,.0f} tokens/s)")
    print(f"peak memory {result['peak_rss_mb']:.0f} MB (whole process, articles held in memory)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
