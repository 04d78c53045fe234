"""Fuzz campaign: N generated hostile inputs through one process, counted as analysed, refused, crashed, hung or
broken, with every failing input saved for replay.

The inputs and the check are those of tests/test_hostile.py (tests/hostile_inputs.py): Arabic-looking news built
from Marsad's own word lists and damaged, arbitrary Unicode, bidi and zero-width controls, tatweel runs, diacritics
alone, mixed scripts, bad publication dates, JSON Lines records (lone-surrogate escapes, wrong types, deep nesting),
file bytes in eleven encodings (with and without byte-order marks, cut short, random), and HTML pages with scripts,
styles, iframes and templates around the article. A refusal (``InputError``) is a correct answer; any other exception
is a crash; an input that runs past its time limit is a hang; a document that breaks an invariant (span invariant,
references, JSON Schema, JSON round trip, hidden HTML reaching the text) is an invariant failure.

Then, unless ``--no-big``, a few 10 MB single-line documents: real news on one line (SaudiNewsNet from ../shared,
read at run time, as bytes in windows-1256 too), generated news on one line, words with no punctuation, one giant
token, and controls between every letter. Resident memory is reported before and after the small inputs: 100,000
documents through one process must not grow it without bound.

    nice python benchmarks/fuzz_campaign.py [-n 100000] [--seed 1] [--save fuzz-failures] [--no-big]
    python benchmarks/fuzz_campaign.py --replay fuzz-failures/*.json
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import signal
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import hostile_inputs as H  # noqa: E402 - found through the path set above

MB = 1_000_000


class Hang(Exception):
    """Raised by the alarm when one input runs past its limit."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def rss_mb() -> float:
    """Resident memory now (not the peak), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / MB
    except OSError:   # not Linux: the peak is the best there is
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(inp: H.Input, limit_s: float, schema: bool) -> H.Outcome:
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    try:
        return H.check(inp, schema=schema)
    except Hang:
        return H.Outcome("hang", f"no answer within {limit_s:.0f} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def small_inputs(n: int, seed: int) -> Iterator[H.Input]:
    rng = random.Random(seed)
    kinds = list(H.WEIGHTS)
    weights = [H.WEIGHTS[k] for k in kinds]
    for _ in range(n):
        yield H.GENERATORS[rng.choices(kinds, weights)[0]](rng)


def big_inputs(size_mb: float, seed: int) -> Iterator[tuple[str, Callable[[], H.Input]]]:
    """(name, maker) of each large input; made one at a time so that only one is in memory."""
    rng = random.Random(seed)
    target = int(size_mb * MB)

    def fill(piece: Callable[[], str], sep: str = " ") -> str:
        parts: list[str] = []
        total = 0
        while total < target:
            p = piece()
            parts.append(p)
            total += len(p.encode("utf-8")) + len(sep)
        return sep.join(parts)

    def real(single_line: bool) -> str:
        from bench_linear import DEFAULT_DATA, real_text

        return real_text(size_mb, DEFAULT_DATA, single_line)

    yield "big:real-news-one-line", lambda: H.Input("big:real-news-one-line", "text", text=real(True))
    yield "big:real-news-cp1256-bytes", lambda: H.Input(
        "big:real-news-cp1256-bytes", "bytes", data=real(False).encode("cp1256", errors="replace"))
    yield "big:generated-news-one-line", lambda: H.Input(
        "big:generated-news-one-line", "text", text=fill(lambda: H.damage(rng, H.news_sentence(rng), 0.01)))
    yield "big:no-punctuation", lambda: H.Input(
        "big:no-punctuation", "text", text=fill(lambda: rng.choice(H.words().common)))
    yield "big:giant-token", lambda: H.Input("big:giant-token", "text", text="ب" * (target // 2))
    yield "big:controls-between-letters", lambda: H.Input(
        "big:controls-between-letters", "text",
        text=fill(lambda: "".join(c + rng.choice(H.BIDI + H.ZERO_WIDTH + H.TATWEEL + H.DIACRITICS)
                                  for c in rng.choice(H.words().names)), sep=rng.choice(H.BIDI)))


def save(folder: Path, n: int, inp: H.Input, outcome: H.Outcome) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{n:06d}-{inp.kind.replace(':', '-')}-{outcome.status}.json"
    record = json.loads(inp.to_json())
    record["outcome"] = {"status": outcome.status, "detail": outcome.detail}
    path.write_text(json.dumps(record, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")
    return path


def report(counts: dict[str, Counter[str]], title: str) -> None:
    statuses = ("ok", "refused", "crash", "hang", "invariant")
    print(f"\n{title}")
    print(f"{'kind':<30}{'inputs':>9}" + "".join(f"{s:>10}" for s in statuses))
    total: Counter[str] = Counter()
    for kind in sorted(counts):
        c = counts[kind]
        total.update(c)
        print(f"{kind:<30}{sum(c.values()):>9}" + "".join(f"{c[s]:>10}" for s in statuses))
    print(f"{'all':<30}{sum(total.values()):>9}" + "".join(f"{total[s]:>10}" for s in statuses))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000, help="number of generated (small) inputs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", type=Path, default=Path("fuzz-failures"), help="folder for failing inputs")
    ap.add_argument("--limit", type=float, default=30.0, help="seconds one small input may take")
    ap.add_argument("--big-mb", type=float, default=10.0, help="size of each large input in MB")
    ap.add_argument("--big-limit", type=float, default=900.0, help="seconds one large input may take")
    ap.add_argument("--no-big", action="store_true", help="skip the large inputs")
    ap.add_argument("--schema-every", type=int, default=1,
                    help="validate the JSON Schema of every k-th analysed document (it is the slowest check)")
    ap.add_argument("--replay", nargs="*", type=Path, help="check saved inputs again instead")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)

    if args.replay:
        failed = 0
        for path in args.replay:
            inp = H.Input.from_json(path.read_text(encoding="utf-8"))
            outcome = run_one(inp, args.big_limit, True)
            failed += outcome.status in ("crash", "hang", "invariant")
            print(f"{path}: {outcome.status} {outcome.detail[-2000:]}")
        return 1 if failed else 0

    t0 = time.perf_counter()
    H.check(H.Input("warm-up", "text", text="قال الرئيس إن الاجتماع عقد أمس."))   # tables and models loaded once
    rss_start = rss_mb()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    stats: Counter[str] = Counter()
    saved: list[Path] = []
    start = time.perf_counter()
    for i, inp in enumerate(small_inputs(args.n, args.seed), start=1):
        outcome = run_one(inp, args.limit, i % args.schema_every == 0)
        counts[inp.kind.split(":")[0]][outcome.status] += 1
        stats.update(outcome.stats)
        if outcome.status in ("crash", "hang", "invariant"):
            saved.append(save(args.save, i, inp, outcome))
            print(f"input {i} ({inp.kind}): {outcome.status}: {outcome.detail.strip().splitlines()[-1:]}",
                  flush=True)
        if i % 5000 == 0:
            done = sum(sum(c.values()) for c in counts.values())
            bad = sum(c[s] for c in counts.values() for s in ("crash", "hang", "invariant"))
            print(f"{done:,} inputs, {bad} failures, {time.perf_counter() - start:,.0f} s, "
                  f"RSS {rss_mb():,.0f} MB", flush=True)
    small_s = time.perf_counter() - start
    rss_end = rss_mb()
    report(counts, f"{args.n:,} generated inputs (seed {args.seed}) in {small_s:,.0f} s "
                   f"({args.n / small_s:,.0f} inputs/s), one process")
    print(f"deeper stages reached: {stats['mentions']:,} mentions, {stats['entities']:,} entities, "
          f"{stats['quotes']:,} quotes, {stats['events']:,} events")
    print(f"resident memory: {rss_start:,.0f} MB after warm-up, {rss_end:,.0f} MB after the inputs")

    big_counts: dict[str, Counter[str]] = defaultdict(Counter)
    if not args.no_big:
        print(f"\nlarge inputs ({args.big_mb:g} MB each):")
        for n, (name, make) in enumerate(big_inputs(args.big_mb, args.seed), start=1):
            inp = make()
            size = len(inp.data) if inp.data else len(inp.text.encode("utf-8", "surrogatepass"))
            t = time.perf_counter()
            outcome = run_one(inp, args.big_limit, True)
            big_counts[name][outcome.status] += 1
            print(f"  {name:<32}{size / MB:6.1f} MB {time.perf_counter() - t:7.1f} s  {outcome.status}"
                  f"  {outcome.stats or outcome.detail[-300:]}  RSS {rss_mb():,.0f} MB", flush=True)
            if outcome.status in ("crash", "hang", "invariant"):
                saved.append(save(args.save, 1_000_000 + n, inp, outcome))
            del inp
        report(big_counts, "large inputs")

    every = [c for group in (counts, big_counts) for c in group.values()]
    total = sum(sum(c.values()) for c in every)
    crashes = sum(c["crash"] + c["hang"] for c in every)
    broken = sum(c["invariant"] for c in every)
    print(f"\ninputs {total:,}   crashes {crashes} (hangs included)   invariant failures {broken}   "
          f"({time.perf_counter() - t0:,.0f} s in all)")
    if saved:
        print(f"failing inputs saved in {args.save}/ ({len(saved)}); replay with --replay")
    return 1 if crashes or broken else 0


if __name__ == "__main__":
    sys.exit(main())
