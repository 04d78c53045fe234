"""Screenshots of every page of the web UI, for the README (``docs/screenshots/``) and for looking at the UI.

    python scripts/screenshots.py                  # the bundled examples in a fresh temporary store
    python scripts/screenshots.py --db PATH        # an existing store (its first document stands in for the seed)
    python scripts/screenshots.py --out DIR --width 1360

Serves the store with ``marsad.api.create_app`` on a free localhost port and drives Debian's Chromium
(``/usr/bin/chromium``) with Playwright; nothing is downloaded. Console errors and page errors are printed and make
the exit status 1, so a broken page does not go unnoticed in a README image.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import uvicorn
from playwright.sync_api import Page, sync_playwright

from marsad.api import create_app
from marsad.cli_observatory import example_inputs
from marsad.ingest import ingest, items
from marsad.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
SEED_PUBLISHED = "2025-12-03"


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The API and UI over ``db`` on a free localhost port, in a background thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def build_examples(db: Path) -> None:
    with Store(db) as store:
        ingest(store, items(example_inputs()), published=SEED_PUBLISHED)


def seed_id(db: Path) -> str:
    """The seed article's id (the bundled .txt), else the first document's."""
    with Store(db, readonly=True) as store:
        row = store.db.execute("SELECT d.id FROM documents d JOIN sources s ON s.doc = d.rowid"
                               " WHERE s.key LIKE '%seed-article.txt' LIMIT 1").fetchone()
        if row is None:
            row = store.db.execute("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()
        if row is None:
            raise SystemExit("the store is empty")
        return str(row[0])


def wait_ready(page: Page, name: str) -> None:
    page.wait_for_selector(f"#view[data-ready='{name}']", timeout=15000)


def shoot(base: str, doc_id: str, out: Path, width: int) -> list[str]:
    problems: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="ar")
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        doc = quote(doc_id, safe="")

        def take(route: str, name: str, ready: str, full: bool = True, action: Any = None) -> None:
            page.goto(f"{base}/{route}")
            wait_ready(page, ready)
            page.mouse.move(1, 1)   # no hover left over from the last page
            if action is not None:
                action()
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}.png"), full_page=full)
            print(f"wrote {out / name}.png", file=sys.stderr)

        take("#/", "home", "home")
        take(f"#/search?q={quote('ويتكوف')}", "search", "search", full=False)

        def pin_putin() -> None:
            mention = page.locator(".m.lab-PER", has_text="بوتين").first
            mention.scroll_into_view_if_needed()
            mention.click()
            page.wait_for_selector("#pop:not([hidden])")

        take(f"#/doc/{doc}", "article", "doc", full=False)
        take(f"#/doc/{doc}", "article-popover", "doc", full=False, action=pin_putin)
        take(f"#/actor/{quote('Q7747', safe='')}", "actor", "actor")
        take("#/events", "events", "events", full=False)
        take(f"#/events?event=CONSULT&actor={quote('Q7747', safe='')}", "events-filtered", "events")
        take("#/network", "network", "network")
        browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="an existing store (default: build one from the examples)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--width", type=int, default=1360)
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="marsad-shots-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "examples.db"
            build_examples(db)
        with serving(db) as base:
            problems = shoot(base, seed_id(db), args.out, args.width)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
