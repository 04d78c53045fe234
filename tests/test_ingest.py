"""Ingest: every input shape, URLs and feeds from a local server, idempotence, errors that stop nothing, kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from marsad.cli import main
from marsad.ingest import fetch, ingest, items
from marsad.pipeline import InputError
from marsad.store import Store

CITIES = ["القاهرة", "عمان", "الرياض", "بيروت", "تونس", "الرباط", "الدوحة", "بغداد", "دمشق", "الجزائر"]


def article(n: int) -> str:
    city = CITIES[n % len(CITIES)]
    return (f"التقى وزير الخارجية الأردني أيمن الصفدي نظيره في {city} يوم {n % 28 + 1} مارس، "
            f"وبحث الجانبان ملفات التعاون في اللقاء رقم {n}.")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(article(1), encoding="utf-8")
    (root / "sub" / "b.html").write_text(
        f"<html><head><title>عنوان</title><script>alert(1)</script></head><body><article><p>{article(2)}</p>"
        f"<p>{article(3)}</p></article></body></html>", encoding="utf-8")
    with open(root / "c.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j1", "text": article(4), "published": "2025-03-02"}, ensure_ascii=False) + "\n")
        f.write("{broken json\n")
        f.write(json.dumps({"id": "j2", "text": article(1)}, ensure_ascii=False) + "\n")   # same text as a.txt
    with zipfile.ZipFile(root / "d.zip", "w") as z:
        z.writestr("day.json", json.dumps([{"content": article(5), "date_extracted": "2015-07-21 10:00",
                                            "source": "sabq"}], ensure_ascii=False))
    (root / "bad.txt").write_bytes(b"\xff\xfe\xfa not text \x00\x00")
    return root


def test_ingest_reads_every_shape_and_stores_each_text_once(corpus: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        report = ingest(store, items([str(corpus)]))
        assert report.added == 4
        assert report.already == 1                         # j2 repeats a.txt's text
        assert len(report.errors) == 2                     # the broken line and the binary file, with their keys
        keys = {k for k, _ in report.errors}
        assert any(k.endswith("c.jsonl:2") for k in keys) and any(k.endswith("bad.txt") for k in keys)
        sabq = store.db.execute("SELECT outlet, published FROM documents WHERE outlet = 'sabq'").fetchone()
        assert tuple(sabq) == ("sabq", "2015-07-21")
        texts = [json.loads(r[0])["text"] for r in store.db.execute("SELECT json FROM documents")]
        assert not any("alert" in t for t in texts)
        # a rerun analyses nothing and adds nothing
        again = ingest(store, items([str(corpus)]))
        assert again.added == 0 and again.already == 5 and len(again.errors) == 2
        assert store.stats()["documents"] == 4
        sources = store.db.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert sources == 5


def test_ingest_with_worker_processes_stores_the_same(corpus: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        ingest(one, items([str(corpus)]))
        report = ingest(two, items([str(corpus)]), workers=2)
        assert report.added == 4
        dump = "SELECT id, content_hash, json FROM documents ORDER BY content_hash"
        assert one.db.execute(dump).fetchall() == two.db.execute(dump).fetchall()


# -- URLs and feeds, served locally -------------------------------------------------------------------------------
class Site(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[int, str, bytes]]] = {}
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky" and self.hits[self.path] == 1:
            self.send_response(503)
            self.end_headers()
            return
        status, ctype, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{server.server_port}"
    page = (f"<html><head><title>خبر</title><meta property='og:site_name' content='موقع'></head><body><article>"
            f"<p>{article(7)}</p><p>{article(8)}</p></article></body></html>").encode()
    Site.pages.update({
        "/news/1.html": (200, "text/html; charset=utf-8", page),
        "/flaky": (200, "text/plain; charset=utf-8", article(9).encode()),
        "/big": (200, "text/plain", b"x" * 5000),
        "/feed.xml": (200, "application/rss+xml", f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة مثال</title>
<item><title>الأول</title><link>{base}/news/1.html</link><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item>
<item><title>الثاني</title><link>{base}/gone.html</link><description>{article(10)}</description></item>
<item><title>الثالث</title><link>{base}/gone2.html</link></item>
</channel></rss>""".encode()),
    })
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_fetch_retries_and_limits(site: str) -> None:
    body, _ = fetch(f"{site}/flaky", retries=2)
    assert "الصفدي" in body.decode()
    with pytest.raises(InputError, match="too large"):
        fetch(f"{site}/big", max_bytes=1000)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{site}/missing")
    with pytest.raises(InputError, match="http"):
        fetch("file:///etc/passwd")
    with pytest.raises(InputError, match="could not fetch"):
        fetch("http://127.0.0.1:9/", retries=0, timeout=2)


def test_ingest_a_feed_fetches_each_entry(site: str, tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        report = ingest(store, items([f"{site}/feed.xml"], retries=0))
        assert report.added == 2
        assert len(report.errors) == 1 and "no text" in report.errors[0][1]   # a dead link and no description
        first = store.document(store.db.execute(
            "SELECT id FROM documents WHERE url LIKE '%/news/1.html'").fetchone()[0])
        assert first is not None
        assert first["published"] == "2025-12-02" and first["title"]
        assert first["store"]["outlet"] == "وكالة مثال" or first["store"]["outlet"] == "موقع"
        fallback = store.db.execute("SELECT json FROM documents WHERE url LIKE '%/gone.html'").fetchone()
        assert fallback and "اللقاء رقم 10" in json.loads(fallback[0])["text"]


# -- the command and its crash safety -----------------------------------------------------------------------------
def test_cli_ingest_reports_errors_and_goes_on(corpus: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "m.db")]) == 1
    err = capsys.readouterr().err
    assert "c.jsonl:2" in err and "broken JSON" in err and "4 added" in err


def _count(db: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(db)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        distinct = con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0]
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT rowid FROM documents)"
                              ).fetchone()[0]
        assert orphans == 0
        return docs, distinct, check
    finally:
        con.close()


def test_kill_9_during_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    n = 60
    for i in range(n):
        (folder / f"{i:03}.txt").write_text(article(100 + i), encoding="utf-8")
    db = tmp_path / "m.db"
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    rng = random.Random(7)
    for _ in range(3):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(2.0, 5.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            docs, distinct, check = _count(db)
            assert docs == distinct and check == "ok"
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    docs, distinct, check = _count(db)
    assert (docs, distinct, check) == (n, n, "ok")
