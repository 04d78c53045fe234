"""``marsad ingest``: read articles from files, archives, URLs and feeds, analyse them, and store them.

The flow is one direction: sources (``marsad.sources`` for local paths; :func:`fetch` for URLs and RSS/Atom feeds)
→ analysis (here, or in worker processes) → the store, in short write transactions of a few documents each.

Idempotent and resumable by construction: a text whose content hash is already stored is never analysed again (only
the new place it was read from is recorded), and a document is either committed with all its layers or not at all —
so after a crash, Ctrl-C or ``kill -9`` a rerun of the same command stores exactly what is missing.
"""

from __future__ import annotations

import calendar
import multiprocessing
import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import urlsplit

from marsad.document import Document, DocumentFormatError
from marsad.pipeline import InputError, analyze
from marsad.readers import Article, decode, extract_html, looks_like_html
from marsad.store import Store, content_hash

Item = tuple[str, Article | InputError]
MAX_FETCH_BYTES = 16 * 1024 * 1024
USER_AGENT = "marsad-ingest (+https://github.com/marsad)"


@dataclass
class Report:
    added: int = 0
    already: int = 0          # the same text was stored before: only its source was recorded
    near_duplicates: int = 0  # added, and linked to an earlier report of the same story
    errors: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.added} added ({self.near_duplicates} near-duplicates of earlier reports), "
                f"{self.already} already stored, {len(self.errors)} errors")


# -- URLs and feeds -------------------------------------------------------------------------------------------------
def is_url(name: str) -> bool:
    return urlsplit(name).scheme in ("http", "https")


def fetch(url: str, *, timeout: float = 20.0, retries: int = 2, max_bytes: int = MAX_FETCH_BYTES,
          client: Any = None) -> tuple[bytes, str]:
    """(body, content type) of ``url``: http(s) only, a timeout per request, a size cap, retries with backoff on
    connection errors, 429 and 5xx. Any failure is an :class:`InputError` saying why."""
    import httpx

    if not is_url(url):
        raise InputError(f"not an http(s) URL: {url!r}")
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True, headers={"user-agent": USER_AGENT})
    try:
        last = "no attempt"
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(min(8.0, 0.5 * 2 ** attempt))
            try:
                with http.stream("GET", url) as r:
                    if r.status_code == 429 or r.status_code >= 500:
                        last = f"HTTP {r.status_code}"
                        continue
                    if r.status_code >= 400:
                        raise InputError(f"HTTP {r.status_code} for {url}")
                    declared = r.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise InputError(f"{url} is too large ({int(declared):,} bytes; limit {max_bytes:,})")
                    body = bytearray()
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise InputError(f"{url} is too large (over {max_bytes:,} bytes)")
                    return bytes(body), r.headers.get("content-type", "")
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
        raise InputError(f"could not fetch {url} after {retries + 1} attempts ({last})")
    finally:
        if own:
            http.close()


def _is_feed(body: bytes, content_type: str) -> bool:
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct:
        return True
    head = body[:2048].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
        while head.startswith(b"<!--"):
            head = head[head.find(b"-->") + 3:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def _feed_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))


def _feed_text(entry: Any) -> str:
    """The entry's own text (content or summary, HTML stripped) for when its page cannot be fetched."""
    import lxml.html  # type: ignore[import-untyped]

    parts = [c.get("value", "") for c in entry.get("content") or []] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if not html.strip():
        return ""
    try:
        return str(lxml.html.fromstring(html).text_content()).strip()
    except (ValueError, TypeError):
        return ""


def url_items(url: str, **fetch_args: Any) -> Iterator[Item]:
    """The article at ``url``, or every entry of the RSS/Atom feed there (each entry's page fetched and extracted)."""
    try:
        body, ctype = fetch(url, **fetch_args)
    except InputError as exc:
        yield url, exc
        return
    if _is_feed(body, ctype):
        import feedparser

        feed = feedparser.parse(body)
        outlet = (feed.get("feed") or {}).get("title")
        if not feed.entries:
            yield url, InputError(f"the feed at {url} has no entries")
        for n, entry in enumerate(feed.entries):
            link = entry.get("link")
            key = link if isinstance(link, str) and is_url(link) else f"{url}#{n}"
            try:
                article = _page(link, **fetch_args) if key == link else None
            except InputError as exc:
                article, reason = None, str(exc)
            else:
                reason = "the entry has no link"
            if article is None:
                text = _feed_text(entry)
                if not text:
                    yield key, InputError(f"feed entry {n}: {reason}, and the feed carries no text for it")
                    continue
                article = Article(text=text)
            article.title = article.title or entry.get("title") or None
            article.published = article.published or _feed_date(entry)
            article.url = article.url or (link if isinstance(link, str) else None)
            if outlet:
                article.meta.setdefault("outlet", outlet)
            yield key, article
        return
    try:
        yield url, _article_from_page(body, url)
    except InputError as exc:
        yield url, exc


def _page(url: str, **fetch_args: Any) -> Article:
    body, _ = fetch(url, **fetch_args)
    return _article_from_page(body, url)


def _article_from_page(body: bytes, url: str) -> Article:
    if looks_like_html(body, urlsplit(url).path):
        article = extract_html(decode(body))
    else:
        text = decode(body)
        if not text.strip():
            raise InputError(f"{url}: empty document")
        article = Article(text=text)
    article.url = article.url or url
    sitename = article.meta.get("sitename")
    article.meta.setdefault("outlet", sitename if isinstance(sitename, str) and sitename else urlsplit(url).hostname)
    return article


def items(inputs: Iterable[str], **fetch_args: Any) -> Iterator[Item]:
    """Every article named by ``inputs`` (paths, directories, archives, JSON Lines, Parquet, URLs, feeds), in order."""
    from marsad.sources import iter_sources

    paths: list[str] = []
    for name in inputs:
        if is_url(name):
            if paths:
                yield from iter_sources(paths)
                paths = []
            yield from url_items(name, **fetch_args)
        else:
            paths.append(name)
    if paths:
        yield from iter_sources(paths)


# -- analysis and storing -------------------------------------------------------------------------------------------
def _analyse(item: tuple[str, Article, str | None]) -> tuple[str, Document | InputError]:
    key, article, published = item
    try:
        return key, analyze(article.text, published=article.published or published, id=article.id,
                            title=article.title, url=article.url, meta=article.meta)
    except (InputError, DocumentFormatError) as exc:
        return key, InputError(str(exc))


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the ingesting process is gone (``kill -9`` gives its pool no chance to stop them)."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _pool_analyse(item: tuple[str, Article, str | None]) -> tuple[str, Document | InputError]:
    key, result = _analyse(item)
    if isinstance(result, Document):
        result.tokens = None   # run-time layer: not pickled back to the writer
    return key, result


def ingest(store: Store, inputs: Iterable[Item], *, published: str | None = None, workers: int = 1,
           batch: int = 32, progress: IO[str] | None = None, total: int | None = None,
           on_error: Callable[[str, str], None] | None = None) -> Report:
    """Analyse and store every article of ``inputs``; texts already stored are skipped without analysis.

    Documents are committed ``batch`` at a time (and at least every two seconds), so an interruption costs at most
    the last few analyses, never consistency.
    """
    report = Report()
    bar = _progress(progress, total)
    pending: list[tuple[str, Document]] = []
    seen: list[tuple[int, str, Article]] = []   # sources of texts already stored, recorded at the next commit
    last_commit = time.monotonic()
    # with workers, todo() runs in the pool's feeder thread: it reads through a connection of its own
    checker = store if workers <= 1 else Store(store.path, readonly=True)

    def flush() -> None:
        nonlocal last_commit
        done = len(seen)   # the feeder thread may append while this runs: take what is there now
        if pending or done:
            with store.transaction():
                for rowid, key, article in seen[:done]:
                    store.add_source(rowid, key, article.url, _outlet(article))
                for key, doc in pending:
                    added = store.add(doc, source=key)
                    if added.new:
                        report.added += 1
                        report.near_duplicates += added.duplicate_of is not None
                    else:
                        report.already += 1
            pending.clear()
            del seen[:done]
        last_commit = time.monotonic()

    def fail(key: str, reason: str) -> None:
        report.errors.append((key, reason))
        if on_error is not None:
            on_error(key, reason)

    def todo() -> Iterator[tuple[str, Article, str | None]]:
        for key, item in inputs:
            if isinstance(item, InputError):
                bar(1)
                fail(key, str(item))
                continue
            found = checker.find_hash(content_hash(item.text))
            if found is not None:
                seen.append((found[0], key, item))
                report.already += 1
                bar(1)
                continue
            yield key, item, published

    def results() -> Generator[tuple[str, Document | InputError], None, None]:
        if workers <= 1:
            yield from map(_analyse, todo())
            return
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(workers, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
            yield from pool.imap(_pool_analyse, todo(), chunksize=4)

    analysed = results()
    try:
        for key, result in analysed:
            bar(1)
            if isinstance(result, InputError):
                fail(key, str(result))
                continue
            pending.append((key, result))
            if len(pending) >= batch or time.monotonic() - last_commit > 2.0:
                flush()
        flush()
    finally:
        analysed.close()   # on an error too: the worker pool is shut down now, not whenever the generator is collected
        bar(0, close=True)
        if checker is not store:
            checker.close()
    return report


def _outlet(article: Article) -> str | None:
    value = article.meta.get("outlet") or article.meta.get("sitename")
    return value if isinstance(value, str) else None


def _progress(stream: IO[str] | None, total: int | None) -> Callable[..., None]:
    """A tqdm bar on ``stream`` (shown only when it is a terminal), as a function of the number of steps done."""
    if stream is None:
        return lambda n, close=False: None
    from tqdm import tqdm

    bar = tqdm(total=total, file=stream, unit="doc", disable=None, dynamic_ncols=True, smoothing=0.05)

    def step(n: int, close: bool = False) -> None:
        if n:
            bar.update(n)
        if close:
            bar.close()

    return step
