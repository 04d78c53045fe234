"""Randomly timed ``kill -9`` of ingest and batch, then a rerun: nothing committed is lost, nothing is duplicated.

For each target (``marsad ingest`` into a store, ``marsad batch`` into a folder) the same command is started and
killed with SIGKILL after a random delay, ``--kills`` times, checking after every kill that what is on disk is
consistent (the store passes ``PRAGMA integrity_check`` and holds each text once; the batch output has no source key
twice), then run to completion once more. At the end every input must be accounted for exactly once: in the store
(or, for batch, in the documents table or the errors table).

    python benchmarks/kill_campaign.py [--kills 25] [--docs 200] [--target ingest|batch|both]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CITIES = ["القاهرة", "عمان", "الرياض", "بيروت", "تونس", "الرباط", "الدوحة", "بغداد", "دمشق", "الجزائر"]


def corpus(folder: Path, n: int) -> Path:
    """n distinct small articles, plus one broken JSON line and one binary file (they must end in the errors)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:05}.txt").write_text(
            f"التقى وزير الخارجية نظيره في {CITIES[i % len(CITIES)]} يوم {i % 28 + 1} يونيو، وبحث الجانبان "
            f"ملفات التعاون والاستثمار في اللقاء رقم {i}، وقال الوزير إن المحادثات كانت مثمرة.", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"id": "ok", "text": "نص عربي قصير عن الاقتصاد."}\n{broken\n',
                                      encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    return folder


def store_state(db: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(db)
    try:
        return (con.execute("SELECT count(*) FROM documents").fetchone()[0],
                con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0],
                con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def batch_state(out: Path) -> tuple[int, int, int]:
    """(documents, errors, duplicated source keys) over the finished shards in ``out``."""
    import pyarrow.parquet as pq

    keys: list[str] = []
    counts = {}
    for table in ("documents", "errors"):
        files = sorted((out / table).glob("*.parquet")) if (out / table).is_dir() else []
        n = 0
        for f in files:
            t = pq.read_table(f, columns=["source_key"])
            keys += t.column("source_key").to_pylist()
            n += t.num_rows
        counts[table] = n
    return counts["documents"], counts["errors"], len(keys) - len(set(keys))


def campaign(target: str, kills: int, folder: Path, work: Path, rng: random.Random, expect: int) -> dict[str, object]:
    """Kill ``target`` ``kills`` times mid-run. When a run finishes before its kill, the result is checked and the
    next round starts from an empty store or output folder, so that every kill interrupts real work."""
    problems: list[str] = []
    start = time.monotonic()
    killed = runs = rounds = 0
    inputs = expect + 2     # + the broken JSON line and the binary file (batch: they end in the errors table)

    def command(round_: int) -> tuple[list[str], Path]:
        if target == "ingest":
            db = work / f"m{round_}.db"
            return [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db)], db
        out = work / f"out{round_}"
        return ([sys.executable, "-m", "marsad.cli", "batch", str(folder), str(out), "--workers", "2",
                 "--shard-size", "20", "--no-progress"], out)

    def check(where: Path, final: bool, label: str) -> None:
        if target == "ingest":
            if not where.exists():
                return
            docs, distinct, check = store_state(where)
            if check != "ok" or docs != distinct or (final and docs != expect):
                problems.append(f"{label}: {docs} docs, {distinct} distinct, integrity {check}, expected {expect}")
        else:
            docs, errors, dups = batch_state(where)
            if dups or (final and docs + errors != inputs):
                problems.append(f"{label}: {docs} documents + {errors} errors of {inputs} inputs, {dups} duplicated")

    cmd, where = command(rounds)
    while killed < kills:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs += 1
        time.sleep(rng.uniform(0.5, 6.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
            check(where, False, f"after kill {killed}")
        else:   # finished before the kill: it must be complete; start a new round
            check(where, True, f"round {rounds} (exit {proc.returncode})")
            rounds += 1
            cmd, where = command(rounds)
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    runs += 1
    if final.returncode not in (0, 1):
        problems.append(f"final run exited {final.returncode}: {final.stderr[-500:]}")
    check(where, True, "final")
    return {"target": target, "kills": killed, "runs": runs, "rounds": rounds + 1,
            "seconds": round(time.monotonic() - start), "inputs": inputs, "problems": problems}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=25, help="kills per target")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--target", choices=["ingest", "batch", "both"], default="both")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="marsad-kill-") as tmp:
        folder = corpus(Path(tmp) / "in", args.docs)
        for target in (["ingest", "batch"] if args.target == "both" else [args.target]):
            work = Path(tmp) / target
            work.mkdir()
            # the corpus holds docs texts + one good JSON Lines record: docs + 1 documents in the end
            r = campaign(target, args.kills, folder, work, rng, args.docs + 1)
            results.append(r)
            print(json.dumps(r, ensure_ascii=False))
    total_kills = sum(int(r["kills"]) for r in results)   # type: ignore[call-overload]
    failures = sum(len(r["problems"]) for r in results)    # type: ignore[arg-type]
    print(f"{total_kills} kills, {failures} problems")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
