"""The HTTP API and the web UI of the observatory (``marsad serve``), one FastAPI application.

Reads are open; writes (``POST /api/documents``) need the bearer token the server was started with, and are refused
outright when it was started without one. Every response carries security headers (a strict Content-Security-Policy:
the UI loads nothing but its own files), request bodies are capped, clients are rate-limited, and every error is a JSON
object ``{"error": {"status", "message"}}`` — a malformed search is a 400, never a 500.
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.document import DocumentFormatError
from marsad.pipeline import InputError, analyze
from marsad.readers import Article, extract_html
from marsad.store import QueryError, Store, StoreError

STATIC = Path(__file__).parent / "web"
MAX_BODY = 8 * 1024 * 1024
TOKEN_ENV = "MARSAD_TOKEN"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


class Guard:
    """Pure ASGI middleware: security headers on every response, a body-size cap, and per-client rate limits."""

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY, rate: float = 50.0, write_rate: float = 5.0) -> None:
        self.app, self.max_body = app, max_body
        self.rates = {"read": rate, "write": write_rate}
        self.buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self.lock = threading.Lock()

    def _allow(self, client: str, kind: str) -> bool:
        rate = self.rates[kind]
        if rate <= 0:
            return True
        burst = max(1.0, rate * 2)
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get((client, kind), (burst, now))
            tokens = min(burst, tokens + (now - last) * rate)
            if tokens < 1:
                self.buckets[(client, kind)] = (tokens, now)
                return False
            self.buckets[(client, kind)] = (tokens - 1, now)
            if len(self.buckets) > 10_000:   # forget idle clients rather than grow without bound
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 60}
            return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        client = (scope.get("client") or ("?", 0))[0]
        kind = "write" if scope["method"] == "POST" else "read"
        if scope["path"].startswith("/api/") and not self._allow(client, kind):
            await _error(429, "too many requests: slow down", {"retry-after": "1"})(scope, receive, send_with_headers)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _error(413, f"request body too large ({self.max_body:,} bytes at most)")(
                scope, receive, send_with_headers)
            return
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except _TooLarge:
            await _error(413, f"request body too large ({self.max_body:,} bytes at most)")(
                scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class ArticleIn(BaseModel):
    text: str | None = Field(None, description="the article's text (or give html)")
    html: str | None = Field(None, description="an HTML page whose main text is extracted")
    id: str | None = None
    title: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = None
    outlet: str | None = None


class DocumentsIn(BaseModel):
    documents: list[ArticleIn] = Field(..., min_length=1, max_length=100)


def _article(item: ArticleIn) -> Article:
    if item.text is not None and item.text.strip():
        article = Article(text=item.text)
    elif item.html is not None:
        article = extract_html(item.html)
    else:
        raise InputError('give a non-empty "text" or an "html" page')
    article.id = item.id or article.id
    article.title = item.title or article.title
    article.published = item.published or article.published
    article.url = item.url or article.url
    if item.outlet:
        article.meta["outlet"] = item.outlet
    return article


def _analyse(article: Article) -> Any:
    try:
        article.text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the text holds a lone surrogate, which is not a character") from None
    return analyze(article.text, published=article.published, id=article.id, title=article.title, url=article.url,
                   meta=article.meta)


def create_app(db: str | Path | None = None, *, token: str | None = None, rate: float = 50.0,
               write_rate: float = 5.0, max_body: int = MAX_BODY) -> FastAPI:
    """The application over the store at ``db``. ``token``: the bearer token writes need (None: writes refused)."""
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    path = Path(db) if db is not None else None
    Store(path).close()   # create or upgrade the store once, before any request (and fail now if it cannot be)
    local = threading.local()

    def store() -> Store:
        s: Store | None = getattr(local, "store", None)
        if s is None:
            s = local.store = Store(path)
        return s

    app = FastAPI(title="Marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news as structured, verifiable knowledge: search, actors, quotes, PLOVER events.")
    app.add_middleware(Guard, max_body=max_body, rate=rate, write_rate=write_rate)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _error(400, f"bad request: {problems}"[:2000])

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, "writes are disabled: start the server with --token (or MARSAD_TOKEN)")
        given = request.headers.get("authorization", "")
        if not given.startswith("Bearer ") or not hmac.compare_digest(given[7:].encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is needed to write", headers={"www-authenticate": "Bearer"})

    # -- reads ---------------------------------------------------------------------------------------------------
    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "writes": token is not None}

    @app.get("/api/stats")
    def stats() -> dict[str, int]:
        return store().stats()

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=1000), limit: int = Query(20, ge=1, le=200),
               offset: int = Query(0, ge=0, le=100_000),
               date_from: str | None = Query(None, alias="from", pattern=DATE),
               date_to: str | None = Query(None, alias="to", pattern=DATE)) -> dict[str, Any]:
        return store().search(q, limit=limit, offset=offset, date_from=date_from, date_to=date_to)

    @app.get("/api/documents")
    def documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                  date_from: str | None = Query(None, alias="from", pattern=DATE),
                  date_to: str | None = Query(None, alias="to", pattern=DATE)) -> list[dict[str, Any]]:
        return store().documents(limit=limit, offset=offset, date_from=date_from, date_to=date_to)

    @app.get("/api/documents/{doc_id:path}")
    def document(doc_id: str) -> dict[str, Any]:
        doc = store().document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc

    @app.get("/api/entities")
    def entities(q: str | None = Query(None, max_length=200), label: str | None = Query(None, max_length=10),
                 limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        return store().entities(q, label=label, limit=limit)

    @app.get("/api/entities/{gid:path}/timeline")
    def timeline(gid: str, date_from: str | None = Query(None, alias="from", pattern=DATE),
                 date_to: str | None = Query(None, alias="to", pattern=DATE),
                 limit: int = Query(200, ge=1, le=500)) -> list[dict[str, Any]]:
        return store().timeline(gid, date_from=date_from, date_to=date_to, limit=limit)

    @app.get("/api/entities/{gid:path}")
    def entity(gid: str) -> dict[str, Any]:
        found = store().entity(gid)
        if found is None:
            raise HTTPException(404, f"no entity {gid!r}")
        return found

    @app.get("/api/events")
    def events(event: str | None = Query(None, max_length=20), actor: str | None = None,
               recipient: str | None = None, participant: str | None = None, place: str | None = None,
               modality: str | None = Query(None, max_length=20),
               date_from: str | None = Query(None, alias="from", pattern=DATE),
               date_to: str | None = Query(None, alias="to", pattern=DATE), limit: int = Query(100, ge=1, le=500),
               offset: int = Query(0, ge=0), distinct: bool = True) -> list[dict[str, Any]]:
        return store().events(event=event, actor=actor, recipient=recipient, participant=participant, place=place,
                              modality=modality, date_from=date_from, date_to=date_to, limit=limit, offset=offset,
                              distinct=distinct)

    @app.get("/api/quotes")
    def quotes(speaker: str | None = None, q: str | None = Query(None, max_length=200),
               date_from: str | None = Query(None, alias="from", pattern=DATE),
               date_to: str | None = Query(None, alias="to", pattern=DATE), limit: int = Query(100, ge=1, le=500),
               offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        return store().quotes(speaker=speaker, q=q, date_from=date_from, date_to=date_to, limit=limit, offset=offset)

    @app.get("/api/network")
    def network(event: str = Query("CONSULT", max_length=20),
                date_from: str | None = Query(None, alias="from", pattern=DATE),
                date_to: str | None = Query(None, alias="to", pattern=DATE),
                modality: str | None = Query("asserted", max_length=20), min_weight: int = Query(1, ge=1),
                limit: int = Query(200, ge=1, le=500)) -> dict[str, Any]:
        return store().network(event=event, date_from=date_from, date_to=date_to, modality=modality or None,
                               min_weight=min_weight, limit=limit)

    @app.get("/api/counts")
    def counts(event: str | None = Query(None, max_length=20), actor: str | None = None,
               by: str = Query("month", pattern="^(day|month|year)$"),
               date_from: str | None = Query(None, alias="from", pattern=DATE),
               date_to: str | None = Query(None, alias="to", pattern=DATE), distinct: bool = True
               ) -> list[dict[str, Any]]:
        return store().counts(event=event, actor=actor, by=by, date_from=date_from, date_to=date_to,
                              distinct=distinct)

    # -- analysis and writes -------------------------------------------------------------------------------------
    @app.post("/api/analyze")
    def analyze_text(item: ArticleIn) -> dict[str, Any]:
        """Analyse one article and return its marsad.document/1 JSON; nothing is stored."""
        doc = _analyse(_article(item))
        result: dict[str, Any] = doc.to_dict()
        return result

    @app.post("/api/documents", dependencies=[Depends(require_token)])
    def add_documents(body: DocumentsIn) -> dict[str, Any]:
        """Analyse and store up to 100 articles; each is reported as added, already stored, or refused (and why)."""
        out: list[dict[str, Any]] = []
        s = store()
        for n, item in enumerate(body.documents):
            try:
                article = _article(item)
                doc = _analyse(article)
            except (InputError, DocumentFormatError) as exc:
                out.append({"index": n, "error": str(exc)})
                continue
            with s.transaction():
                added = s.add(doc, source=article.url or f"api:{doc.id}", outlet=item.outlet)
            out.append({"index": n, "id": added.id, "new": added.new, "duplicate_of": added.duplicate_of})
        return {"results": out}

    # -- the UI --------------------------------------------------------------------------------------------------
    if (STATIC / "index.html").exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> Response:
            return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app

