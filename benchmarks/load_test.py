"""A bounded load test of ``marsad serve``: concurrent readers and writers for a fixed time, against a real server.

Starts ``marsad serve`` on a free localhost port over a store (the one given, or a fresh one holding the bundled
examples), then runs client threads for ``--seconds``: each request is a read (search, actor, timeline, events,
quotes, network, counts, a document) or, with probability ``--writes``, a POST of a new small article with the token.
Prints requests/s, the status codes, and the median, 95th and 99th percentile latency; exits 1 on any 5xx or
transport error.

    python benchmarks/load_test.py [--seconds 60] [--clients 8] [--writes 0.1] [--db STORE]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

TOKEN = "load-test-token"
WORDS = ["بوتين", "ويتكوف", "ويتكوڤ", "الكرملين", "أوكرانيا", "محادثات", '"البيت الأبيض"', "روسيا OR أوكرانيا",
         "اجتماع -موسكو", "السلام*", "' OR 1=1 --", "NEAR(", "وزير"]
CITIES = ["القاهرة", "عمان", "الرياض", "بيروت", "تونس", "الرباط", "الدوحة", "بغداد"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--writes", type=float, default=0.1, help="share of requests that are writes")
    ap.add_argument("--db", type=Path, help="an existing store (default: a fresh one with the bundled examples)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="marsad-load-")) / "m.db"
        subprocess.run([sys.executable, "-m", "marsad.cli", "demo", "--db", str(db), "--no-serve"], check=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port", str(port),
                               "--token", TOKEN, "--rate", "0", "--write-rate", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start: " + (server.stderr.read() if server.stderr else b"").decode())
        probe = httpx.Client(base_url=base, timeout=30)
        gids = [e["gid"] for e in probe.get("/api/entities", params={"limit": 50}).json()]
        docs = [d["id"] for d in probe.get("/api/documents", params={"limit": 100}).json()]
        probe.close()

        codes: Counter[str] = Counter()
        latencies: dict[str, list[float]] = {"read": [], "write": []}
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds
        counter = [0]

        def client(seed: int) -> None:
            rng = random.Random(seed)
            http = httpx.Client(base_url=base, timeout=60)
            while time.monotonic() < stop:
                write = rng.random() < args.writes
                if write:
                    with lock:
                        counter[0] += 1
                        n = counter[0]
                    text = (f"التقى وزير الخارجية نظيره في {rng.choice(CITIES)} في الزيارة رقم {n} من جولة "
                            f"{seed}، وقال إن المحادثات كانت مثمرة.")
                    req = ("POST", "/api/documents", {"json": {"documents": [{"text": text}]},
                                                      "headers": {"authorization": f"Bearer {TOKEN}"}})
                else:
                    gid = rng.choice(gids) if gids else "x"
                    req = rng.choice([
                        ("GET", "/api/search", {"params": {"q": rng.choice(WORDS)}}),
                        ("GET", f"/api/entities/{gid}", {}),
                        ("GET", f"/api/entities/{gid}/timeline", {}),
                        ("GET", "/api/entities", {"params": {"q": rng.choice(WORDS)[:3]}}),
                        ("GET", "/api/events", {"params": {"event": rng.choice(["CONSULT", "ACCUSE", "AGREE"])}}),
                        ("GET", "/api/quotes", {"params": {"speaker": gid}}),
                        ("GET", "/api/network", {"params": {"event": "CONSULT"}}),
                        ("GET", "/api/counts", {"params": {"by": "day"}}),
                        ("GET", f"/api/documents/{rng.choice(docs)}" if docs else "/api/documents", {}),
                    ])
                method, path, kw = req
                t = time.perf_counter()
                try:
                    code = str(http.request(method, path, **kw).status_code)   # type: ignore[arg-type]
                except httpx.HTTPError as exc:
                    code = type(exc).__name__
                elapsed = time.perf_counter() - t
                with lock:
                    codes[code] += 1
                    latencies["write" if write else "read"].append(elapsed)
            http.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - start
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(codes.values())
    bad = sum(n for c, n in codes.items() if not c.isdigit() or c.startswith("5"))
    report: dict[str, object] = {"seconds": round(wall, 1), "clients": args.clients, "requests": total,
                                 "requests_per_s": round(total / wall, 1), "codes": dict(codes), "failures": bad}
    print(f"{total} requests in {wall:.0f} s with {args.clients} clients ({total / wall:.1f}/s); codes {dict(codes)}")
    for kind, xs in latencies.items():
        if xs:
            xs.sort()
            q = {p: xs[min(len(xs) - 1, int(len(xs) * p / 100))] * 1000 for p in (95, 99)}
            report[kind] = {"n": len(xs), "median_ms": round(statistics.median(xs) * 1000, 1),
                            "p95_ms": round(q[95], 1), "p99_ms": round(q[99], 1)}
            print(f"  {kind:<5} n={len(xs):<6} median {statistics.median(xs) * 1000:7.1f} ms   "
                  f"p95 {q[95]:7.1f} ms   p99 {q[99]:7.1f} ms")
    print(f"5xx or transport errors: {bad}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
