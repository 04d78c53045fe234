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
    if target == "ingest":
        db = work / "m.db"
        cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db)]
    else:
        out = work / "out"
        cmd = [sys.executable, "-m", "marsad.cli", "batch", str(folder), str(out), "--workers", "2",
               "--shard-size", "20", "--no-progress"]
    problems: list[str] = []
    start = time.monotonic()
    killed = 0
    for k in range(kills):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 8.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        if target == "ingest" and db.exists():
            docs, distinct, check = store_state(db)
            if check != "ok" or docs != distinct:
                problems.append(f"after kill {k}: {docs} docs, {distinct} distinct, integrity {check}")
        elif target == "batch":
            docs, errors, dups = batch_state(out)
            if dups:
                problems.append(f"after kill {k}: {dups} duplicated source keys")
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    if final.returncode not in (0, 1):
        problems.append(f"final run exited {final.returncode}: {final.stderr[-500:]}")
    if target == "ingest":
        docs, distinct, check = store_state(db)
        result = {"documents": docs, "expected": expect, "integrity": check}
        if (docs, distinct, check) != (expect, expect, "ok"):
            problems.append(f"final store: {docs} docs ({distinct} distinct, {check}), expected {expect}")
    else:
        docs, errors, dups = batch_state(out)
        inputs = expect + 2     # + the broken JSON line and the binary file
        result = {"documents": docs, "errors": errors, "duplicated": dups, "inputs": inputs}
        if docs + errors != inputs or dups:
            problems.append(f"final output: {docs} documents + {errors} errors != {inputs} inputs, {dups} dups")
    return {"target": target, "kills": killed, "runs": kills + 1, "seconds": round(time.monotonic() - start),
            **result, "problems": problems}


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
