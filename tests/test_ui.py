"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright; no browser download).

One server (``create_app`` under uvicorn on a free localhost port) over one store holding the seed article and a
hostile article, one browser for the module. Every page must render the seed article's content, log no console or
page error (a CSP violation is a console error), and run nothing from the hostile article: markup, ``javascript:``
URLs and event handlers in its text, title, URL, outlet, source, entity name and knowledge-base id must all stay
text. Screenshots of every page go to a temporary folder (``scripts/screenshots.py`` writes the README's).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import uvicorn

import marsad
from marsad.api import create_app
from marsad.store import Store

CHROMIUM = Path("/usr/bin/chromium")
WEB = Path(marsad.__file__).parent / "web"
SEED = Path(marsad.__file__).parent / "examples" / "seed-article.txt"
SEED_PUBLISHED = "2025-12-03"
SEED_TITLE = "بوتين يستقبل ويتكوف وكوشنر في الكرملين"
PUTIN, WITKOFF = "Q7747", "marsad:steve-witkoff"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# Every payload would set window.__pwned (or open a dialog) if it ran.
HOSTILE_TEXT = (
    "🙂🙂 قال الرئيس الروسي فلاديمير بوتين إن <script>window.__pwned='text'</script> الاجتماع مع المبعوث الأمريكي "
    "ستيف ويتكوف كان “<img src=x onerror=\"window.__pwned='img';alert('img')\">مفيدًا”.\n"
    "𝒳 <a href=\"javascript:window.__pwned='link'\">انقر هنا</a> وأضاف يوري أوشاكوف أن المحادثات ستستمر في موسكو "
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe> <svg onload=\"window.__pwned='svg'\">.\n"
)
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title';alert(1)\"><script>window.__pwned='title2'</script>عنوان"
HOSTILE_URL = "javascript:window.__pwned='url';alert(document.domain)"
HOSTILE_ID = "hostile\"><svg onload=window.__pwned='id'>"
HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='entity'\">بوتين<script>window.__pwned='entity2'</script>"
HOSTILE_NAME_EN = "\"><script>window.__pwned='name_en'</script><b onmouseover=alert(1)>Putin</b>"
HOSTILE_KB = "javascript:window.__pwned='kb'//\"><img src=x onerror=window.__pwned='kb2'>"
HOSTILE_OUTLET = "<b onclick=\"window.__pwned='outlet'\">outlet</b>"

# In the page: the text of every highlighted span, its pieces joined in document order, by kind and key.
PIECES_JS = """() => {
  const out = {};
  for (const el of document.querySelectorAll('.article-text [data-k]')) {
    const key = el.dataset.kind + ' ' + el.getAttribute('data-k');
    out[key] = (out[key] || '') + el.textContent;
  }
  return out;
}"""
# In the page: anything data could have turned into code.
DANGER_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + ' ' + a.name);
    }
    const tag = el.tagName.toLowerCase();
    if (['img', 'iframe', 'object', 'embed', 'frame'].includes(tag)) bad.push('element ' + tag);
    if (tag === 'script' && el.getAttribute('src') !== '/static/app.js') bad.push('script ' + el.textContent);
    const href = el.getAttribute('href') || el.getAttribute('xlink:href');
    if (href !== null && !/^(#|https?:\\/\\/|\\/static\\/)/.test(href)) bad.push('href ' + href);
  }
  return {bad, pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned)};
}"""


@dataclass
class Site:
    base: str
    seed: dict[str, Any]
    hostile: dict[str, Any]
    hostile_gid: str


def _seed_doc() -> Any:
    return marsad.analyze(SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED, title=SEED_TITLE,
                          url="https://example.org/news/kremlin-meeting", id="seed-kremlin")


def _hostile_doc() -> Any:
    doc = marsad.analyze(HOSTILE_TEXT, published="2025-12-04", id=HOSTILE_ID, title=HOSTILE_TITLE, url=HOSTILE_URL)
    target = next(e for e in doc.entities if e.label == "PER")
    target.name, target.name_en, target.kb_id = HOSTILE_NAME, HOSTILE_NAME_EN, HOSTILE_KB
    return doc


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("ui") / "ui.db"
    with Store(db) as store:
        with store.transaction():
            seed_id = store.add(_seed_doc(), source="seed-article.txt", outlet="مثال").id
            hostile_id = store.add(_hostile_doc(), source="javascript:alert('source')", outlet=HOSTILE_OUTLET).id
        seed, hostile = store.document(seed_id), store.document(hostile_id)
    assert seed is not None and hostile is not None
    hostile_gid = next(e["gid"] for e in hostile["entities"] if e["name"] == HOSTILE_NAME)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{sock.getsockname()[1]}", seed, hostile, hostile_gid)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium (/usr/bin/chromium) is not installed: the UI cannot be tested in a browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@dataclass
class UI:
    """One browser page with everything that must not happen recorded: console errors, page errors, dialogs."""

    page: Any
    site: Site
    shots: Path
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, route: str, ready: str) -> None:
        self.page.goto(f"{self.site.base}/{route}")
        self.wait(ready)

    def wait(self, ready: str) -> None:
        self.page.wait_for_selector(f"#view[data-ready='{ready}']", timeout=15000)

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def check_clean(self) -> None:
        found = self.page.evaluate(DANGER_JS)
        assert found["pwned"] is None, f"hostile data ran: window.__pwned = {found['pwned']}"
        assert not found["bad"], found["bad"]
        assert not self.dialogs, self.dialogs
        assert not self.problems, self.problems
        shown = self.page.locator("body").inner_text()
        for slip in ("[object ", "undefined", "NaN", "null"):   # a value rendered without being looked at
            assert slip not in shown, f"{slip!r} on the page"


@pytest.fixture
def ui(browser: Any, site: Site, shots: Path) -> Iterator[UI]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="ar")
    page = context.new_page()
    u = UI(page, site, shots)
    page.on("console", lambda m: u.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: u.problems.append(f"page error: {e}"))

    def on_dialog(d: Any) -> None:
        u.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    yield u
    context.close()


def api(site: Site, path: str, **params: Any) -> Any:
    url = f"{site.base}{path}" + (f"?{urlencode(params)}" if params else "")
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def doc_route(doc: dict[str, Any]) -> str:
    return "#/doc/" + quote(doc["id"], safe="")


def expected_pieces(doc: dict[str, Any]) -> dict[str, str]:
    out = {f"mention m:{m['id']}": m["text"] for m in doc["mentions"]}
    for q in doc["quotes"]:
        out[f"quote q:{q['id']}"] = q["content"]["text"]
        if q.get("cue"):
            out[f"cue q:{q['id']}"] = q["cue"]["text"]
    for v in doc["events"]:
        if v.get("trigger"):
            out[f"event v:{v['id']}"] = v["trigger"]["text"]
    return out


# -- the sources themselves (no browser needed) ----------------------------------------------------------------------

def test_ui_sources_never_turn_data_into_markup_or_code() -> None:
    """The UI builds DOM with dom.h only: no HTML parsing of strings, no eval, no inline script or style."""
    for path in sorted(WEB.glob("*.js")):
        source = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                     "setTimeout(\"", "createContextualFragment", "DOMParser", ".cssText"):
            assert sink not in source, f"{path.name} uses {sink}"
        assert not re.search(r"setAttribute\(\s*[\"'](on|style|href|src)", source, re.I), path.name
    page = (WEB / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert not re.search(r"<style|\sstyle=|\son[a-z]+=", page, re.I), "inline style or handler"
    assert not re.search(r"(src|href)=\"(https?:)?//", page), "something fetched from outside"


# -- the seed article on every page ---------------------------------------------------------------------------------

def test_home_lists_documents_actors_and_counts(ui: UI) -> None:
    ui.goto("#/", "home")
    recent = ui.page.locator(".doc-list")
    assert SEED_TITLE in recent.inner_text()
    stats = api(ui.site, "/api/stats")
    assert ui.page.locator(".hero .stat").first.inner_text().split()[0] == str(stats["documents"])
    putin = ui.page.locator(f".chips a[href='#/actor/{PUTIN}']")
    assert "فلاديمير بوتين" in putin.inner_text()
    ui.shot("home")
    ui.check_clean()


def test_search_highlights_snippets_and_suggests_actors(ui: UI) -> None:
    ui.goto("#/", "home")
    ui.page.fill("#top-search input[name=q]", "ويتكوڤ")    # another spelling than the article's ويتكوف
    ui.page.press("#top-search input[name=q]", "Enter")
    ui.wait("search")
    assert "q=" in ui.page.evaluate("location.hash")
    result = ui.page.locator(".result", has_text=SEED_TITLE)
    assert result.count() == 1
    marks = result.locator(".snippet mark").all_inner_texts()
    assert marks and all("ويتكوف" in m for m in marks)
    suggestion = ui.page.locator(f".suggest-ents a[href='#/actor/{quote(WITKOFF, safe='')}']")
    assert "Steve Witkoff" in suggestion.inner_text()
    ui.shot("search")
    result.locator("a.doclink").click()    # to the article, the hit highlighted in place
    ui.wait("doc")
    assert ui.page.locator("mark.hit").inner_text() == marks[0]
    ui.check_clean()


def test_article_highlights_every_span_at_its_offsets(ui: UI) -> None:
    seed = ui.site.seed
    ui.goto(doc_route(seed), "doc")
    assert ui.page.locator("h1.doc-title").inner_text() == SEED_TITLE
    assert ui.page.evaluate(PIECES_JS) == expected_pieces(seed)
    text = ui.page.locator(".article-text").evaluate("el => el.textContent")
    assert "".join(seed["text"][b["start"]:b["end"]] for b in seed["blocks"]) in text.replace("\n", "")
    # Side panels: every entity, quote and event is listed.
    assert ui.page.locator(".ents-list > li").count() == len(seed["entities"])
    assert ui.page.locator(".quotes-list > li").count() == len(seed["quotes"])
    assert ui.page.locator(".events-list > li").count() == len(seed["events"])
    assert "seed-article.txt" in ui.page.locator(".doc-side").inner_text()
    ui.shot("article")


def test_article_mention_shows_entity_on_hover_and_links_to_actor(ui: UI) -> None:
    ui.goto(doc_route(ui.site.seed), "doc")
    mention = ui.page.locator(".article-text .m.lab-PER", has_text=re.compile(r"^بوتين$")).first
    mention.hover()
    pop = ui.page.locator("#pop")
    pop.wait_for(state="visible")
    card = pop.inner_text()
    assert "فلاديمير بوتين" in card and "Vladimir Putin" in card and PUTIN in card
    ui.page.mouse.move(5, 5)
    pop.wait_for(state="hidden")
    mention.click()    # a click pins the card, so its link can be followed
    pop.wait_for(state="visible")
    ui.page.screenshot(path=str(ui.shots / "article-popover.png"))
    pop.locator(f"a[href='#/actor/{PUTIN}']").click()
    ui.wait("actor")
    assert ui.page.locator(".actor-head h1").inner_text() == "فلاديمير بوتين"
    ui.check_clean()


def test_actor_page_has_identity_timeline_and_partners(ui: UI) -> None:
    ui.goto(f"#/actor/{PUTIN}", "actor")
    head = ui.page.locator(".actor-head").inner_text()
    assert "فلاديمير بوتين" in head and "Vladimir Putin" in head and PUTIN in head
    meetings = ui.page.locator(".tl-event", has_text="CONSULT").filter(has_text="ستيف ويتكوف")
    assert meetings.count() >= 1
    assert ui.page.locator(".tl-event").count() == len(
        [x for x in api(ui.site, f"/api/entities/{PUTIN}/timeline", limit=500) if x["kind"] == "event"])
    assert "ستيف ويتكوف" in ui.page.locator(".actor-grid").inner_text()   # among the partners
    ui.shot("actor")
    meetings.first.locator("a[href^='#/doc/']").click()   # the event's trigger, in its article
    ui.wait("doc")
    assert ui.page.locator(".article-text .v.flash").count() >= 1
    ui.check_clean()


def test_event_explorer_filters_by_category_and_actor(ui: UI) -> None:
    ui.goto("#/events", "events")
    assert ui.page.locator(".event-row").count() == len(api(ui.site, "/api/events", limit=200))
    ui.page.select_option("select[name=event]", "CONSULT")
    ui.page.fill(".picker-in", "بوت")
    ui.page.locator(".suggest li", has_text="فلاديمير بوتين").click()
    picked = ui.page.locator(".picked").inner_text()
    assert "فلاديمير بوتين" in picked and "Vladimir Putin" in picked
    ui.page.click(".filters button[type=submit]")
    ui.page.wait_for_function("location.hash.includes('actor=Q7747') && location.hash.includes('event=CONSULT')")
    ui.wait("events")
    rows = ui.page.locator(".event-row")
    expected = api(ui.site, "/api/events", event="CONSULT", participant=PUTIN, limit=200)
    assert expected and rows.count() == len(expected)
    for text in rows.all_inner_texts():
        assert "CONSULT" in text and "فلاديمير بوتين" in text
    ui.shot("events")
    ui.goto("#/events?from=2025-12-04", "events")   # a date range: only the hostile article's events
    after = api(ui.site, "/api/events", **{"from": "2025-12-04"}, limit=200)
    assert ui.page.locator(".event-row").count() == len(after) < len(api(ui.site, "/api/events", limit=200))
    ui.check_clean()


def test_network_draws_who_met_whom(ui: UI) -> None:
    ui.goto("#/network", "network")
    a, b = sorted([PUTIN, WITKOFF])
    assert ui.page.locator(f"svg.network line.edge[data-a='{a}'][data-b='{b}']").count() == 1
    assert ui.page.locator("svg.network a.node").count() == len(api(ui.site, "/api/network")["nodes"])
    row = ui.page.locator(".edges-table tr", has_text="فلاديمير بوتين").filter(has_text="ستيف ويتكوف")
    assert row.count() == 1
    ui.shot("network")
    ui.page.locator(f"svg.network a.node[data-gid='{PUTIN}']").click()
    ui.wait("actor")
    assert ui.page.evaluate("location.hash") == f"#/actor/{PUTIN}"
    edge = f"svg.network line.edge[data-a='{a}'][data-b='{b}']"
    ui.goto(f"#/network?from={SEED_PUBLISHED}&to={SEED_PUBLISHED}", "network")   # a date range holding the meeting
    assert ui.page.locator(edge).count() == 1
    ui.goto("#/network?to=2025-11", "network")   # ... and one before it
    assert ui.page.locator(edge).count() == 0
    ui.goto("#/network", "network")
    ui.page.select_option("select[name=event]", "ACCUSE")
    ui.page.select_option("select[name=modality]", "any")
    ui.page.click(".filters button[type=submit]")
    ui.page.wait_for_function("location.hash.includes('event=ACCUSE') && location.hash.includes('modality=any')")
    ui.wait("network")   # directed, every modality: renders, even if empty
    assert "من اتهم من" in ui.page.locator("h1").inner_text()
    accused = api(ui.site, "/api/network", event="ACCUSE", modality="")
    assert ui.page.locator("svg.network a.node").count() == len(accused["nodes"])
    ui.check_clean()


def test_analyze_page_highlights_a_pasted_text(ui: UI) -> None:
    ui.goto("#/analyze", "analyze")
    paragraph = ui.site.seed["text"].split("\n")[0]
    ui.page.fill("textarea[name=text]", paragraph)
    ui.page.fill("input[name=published]", SEED_PUBLISHED)
    ui.page.click(".analyze-form button[type=submit]")
    ui.page.wait_for_selector(".analyze-out .article-text .m")
    assert "بوتين" in ui.page.locator(".analyze-out .article-text .m.lab-PER").first.inner_text()
    ui.check_clean()


NEST_JS = """async () => {
  const {Offsets, nest} = await import('/static/spans.js');
  let seed = 12345;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const alphabet = ['ب', 'و', 'ت', 'ي', 'ن', ' ', '🙂', '𝒳', 'a', '\\n'];
  const failures = [];
  for (let round = 0; round < 300 && failures.length < 5; round++) {
    const chars = Array.from({length: 1 + rand(40)}, () => alphabet[rand(alphabet.length)]);
    const text = chars.join('');
    const off = new Offsets(text);
    if (off.length !== chars.length) failures.push('length ' + round);
    const spans = Array.from({length: rand(12)}, (_, i) => {
      const a = rand(chars.length + 1), b = rand(chars.length + 1);
      return {key: i, layer: rand(4), cp: [Math.min(a, b), Math.max(a, b)]};
    });
    for (const s of spans) { s.start = off.unit(s.cp[0]); s.end = off.unit(s.cp[1]); }
    const root = nest(text.length, spans);
    const got = new Map();
    const walk = (node, depth) => {
      let at = node.start;
      for (const child of node.children) {
        if (child.start < at || child.end > node.end || child.start >= child.end) failures.push('nesting ' + round);
        got.set(child.span.key, (got.get(child.span.key) || '') + text.slice(child.start, child.end));
        walk(child, depth + 1);
        at = child.end;
      }
    };
    walk(root, 0);
    for (const s of spans) {
      const want = chars.slice(s.cp[0], s.cp[1]).join('');
      if ((got.get(s.key) || '') !== want) failures.push(`span ${round}/${s.key}: ${got.get(s.key)} != ${want}`);
    }
  }
  return failures;
}"""


def test_overlapping_spans_nest_with_their_text_intact(ui: UI) -> None:
    """Random crossing spans over text with astral characters: each span's pieces, joined, are its text."""
    ui.goto("#/", "home")
    assert ui.page.evaluate(NEST_JS) == []


# -- the hostile article --------------------------------------------------------------------------------------------

def test_hostile_article_stays_text(ui: UI) -> None:
    hostile = ui.site.hostile
    ui.goto(doc_route(hostile), "doc")
    assert ui.page.locator("h1.doc-title").inner_text() == HOSTILE_TITLE
    body = ui.page.locator(".article-text").inner_text()
    assert "<script>window.__pwned='text'</script>" in body and "<iframe srcdoc=" in body
    # Offsets are code points: the emoji and the mathematical letter before the spans are two UTF-16 units each.
    assert ui.page.evaluate(PIECES_JS) == expected_pieces(hostile)
    assert "javascript:" in ui.page.locator(".doc-head").inner_text()    # shown, not linked
    assert ui.page.locator("a[href^='javascript']").count() == 0
    local = next(e["id"] for e in hostile["entities"] if e["name"] == HOSTILE_NAME)
    ui.page.locator(f".article-text .m[data-e='{local}']").first.click()
    card = ui.page.locator("#pop").inner_text()
    assert HOSTILE_NAME in card and HOSTILE_KB in card
    ui.shot("hostile-article")
    ui.check_clean()


def test_hostile_data_runs_nowhere(ui: UI) -> None:
    site = ui.site
    pages = [
        ("#/", "home"),
        ("#/search?" + urlencode({"q": "script"}), "search"),
        ("#/search?" + urlencode({"q": "<img src=x onerror=alert(1)>"}), "search"),
        ("#/actor/" + quote(site.hostile_gid, safe=""), "actor"),
        ("#/events?" + urlencode({"actor": site.hostile_gid}), "events"),
        ("#/events", "events"),
        ("#/network?modality=any", "network"),
        ("#/doc/" + quote("<img src=x onerror=alert(1)>", safe=""), "doc"),   # no such document: a clean 404 page
    ]
    for route, ready in pages:
        if route.startswith("#/doc/"):
            ui.problems.clear()
        ui.goto(route, ready)
        if route.startswith("#/doc/"):
            # The browser reports the API's 404 as a failed resource load; nothing else may be logged.
            ui.problems[:] = [p for p in ui.problems if "404" not in p]
            assert "غير موجود" in ui.page.locator("#view").inner_text()
        ui.check_clean()
    ui.goto("#/actor/" + quote(site.hostile_gid, safe=""), "actor")
    assert ui.page.locator(".actor-head h1").inner_text() == HOSTILE_NAME
    assert HOSTILE_NAME_EN in ui.page.locator(".actor-head").inner_text()
    ui.shot("hostile-actor")
    ui.check_clean()
