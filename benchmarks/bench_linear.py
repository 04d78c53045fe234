"""Does analysis time grow linearly with the size of one document? CPU seconds per MB, stage by stage, 10 KB → 10 MB.

One document per size, made of real news: SaudiNewsNet articles read from their zip files in ../shared (never copied
into the repository), joined one per line until the size is reached; with ``--single-line`` the line breaks become
spaces, so that the whole document is one paragraph. Without ../shared, the bundled example article is repeated.
Each size runs in a fresh process (a cold start is timed apart, caches do not carry over from a smaller size) and
prints a row: the size, CPU seconds of every stage, the total, seconds per MB and peak memory. A stage whose seconds
per MB climb with the size is superlinear; ``--profile SIZE`` runs cProfile on one size and prints the top functions.

    python benchmarks/bench_linear.py [--sizes 0.01,0.1,1,10] [--single-line] [--json OUT] [--profile 5]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/data/news/saudinewsnet/dataset"
SEED = ROOT / "src/marsad/examples/seed-article.txt"
MB = 1_000_000


def real_text(size_mb: float, data: Path, single_line: bool) -> str:
    """About ``size_mb`` MB (UTF-8) of news text: SaudiNewsNet articles in file order, else the example repeated."""
    target = int(size_mb * MB)
    parts: list[str] = []
    total = 0

    def articles() -> Any:
        for path in sorted(data.glob("*.zip")):
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    for article in json.loads(z.read(name)):
                        content = (article.get("content") or "").strip()
                        if content:
                            yield content
        seed = SEED.read_text(encoding="utf-8")
        while True:   # the corpus is far larger than any size here; the example only fills in without it
            yield seed

    for content in articles():
        piece = " ".join(content.split()) if single_line else content
        parts.append(piece)
        total += len(piece.encode("utf-8")) + 1
        if total >= target:
            break
    return (" " if single_line else "\n").join(parts)


def measure(size_mb: float, data: Path, single_line: bool) -> dict[str, Any]:
    """Analyse one document of ``size_mb`` MB, stage by stage (CPU seconds)."""
    from marsad.pipeline import STAGES, make_document

    text = real_text(size_mb, data, single_line)
    warm = make_document(SEED.read_text(encoding="utf-8"))
    t = time.process_time()
    for stage in STAGES:
        stage.run(warm)
    cold_s = time.process_time() - t
    doc = make_document(text)
    stages: dict[str, float] = {}
    for stage in STAGES:
        t = time.process_time()
        stage.run(doc)
        stages[stage.name] = time.process_time() - t
    t = time.process_time()
    doc.validate()
    stages["validate"] = time.process_time() - t
    size = len(text.encode("utf-8")) / MB
    total = sum(stages.values())
    return {"mb": size, "chars": len(text), "sentences": len(doc.sentences), "mentions": len(doc.mentions),
            "quotes": len(doc.quotes), "events": len(doc.events), "stages": stages, "total_s": total,
            "s_per_mb": total / size, "cold_start_s": cold_s,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def profile(size_mb: float, data: Path, single_line: bool, top: int) -> None:
    from marsad.pipeline import STAGES, make_document

    text = real_text(size_mb, data, single_line)
    warm = make_document(SEED.read_text(encoding="utf-8"))
    for stage in STAGES:
        stage.run(warm)
    doc = make_document(text)
    prof = cProfile.Profile()
    for stage in STAGES:
        t = time.process_time()
        prof.enable()
        stage.run(doc)
        prof.disable()
        print(f"{stage.name:<14}{time.process_time() - t:8.2f} s")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.01,0.03,0.1,0.3,1,3,10", help="document sizes in MB, comma-separated")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--single-line", action="store_true", help="one paragraph: line breaks become spaces")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    ap.add_argument("--profile", type=float, metavar="MB", help="cProfile one document of this size instead")
    ap.add_argument("--top", type=int, default=30, help="functions to print with --profile")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)   # internal: measure one size, print JSON
    args = ap.parse_args()

    if args.profile:
        profile(args.profile, args.data, args.single_line, args.top)
        return 0
    if args.one:
        print(json.dumps(measure(args.one, args.data, args.single_line)))
        return 0

    rows = []
    names: list[str] = []
    source = "SaudiNewsNet" if any(args.data.glob("*.zip")) else "the example article repeated"
    print(f"one document per size, from {source}{' on one line' if args.single_line else ''}; CPU seconds")
    for size in (float(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(size), "--data", str(args.data)]
        if args.single_line:
            cmd.append("--single-line")
        row = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        rows.append(row)
        if not names:
            names = list(row["stages"])
            print(f"{'MB':>7}" + "".join(f"{n[:8]:>9}" for n in names) + f"{'total':>9}{'s/MB':>8}{'RSS MB':>8}")
        print(f"{row['mb']:>7.2f}" + "".join(f"{row['stages'][n]:>9.2f}" for n in names)
              + f"{row['total_s']:>9.2f}{row['s_per_mb']:>8.2f}{row['peak_rss_mb']:>8.0f}", flush=True)
    first, last = rows[0], rows[-1]
    print(f"seconds per MB: {first['s_per_mb']:.2f} at {first['mb']:.2f} MB, {last['s_per_mb']:.2f} at "
          f"{last['mb']:.2f} MB (ratio {last['s_per_mb'] / first['s_per_mb']:.2f}; 1.00 is linear)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
