"""The HTTP API: the queries answer as the library does; writes need the token; hostile requests get clean 4xx."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import marsad
from marsad.api import SECURITY_HEADERS, create_app
from marsad.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SEED = Path(marsad.__file__).parent / "examples" / "seed-article.txt"
TOKEN = "test-token-5b1f"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "m.db"
    with Store(path) as s, s.transaction():
        s.add(marsad.analyze(SEED.read_text(encoding="utf-8"), published="2025-12-03"), source="seed")
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=TOKEN, rate=0, write_rate=0)) as c:
        yield c


def test_queries_answer(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    assert client.get("/api/stats").json()["documents"] >= 1
    hits = client.get("/api/search", params={"q": "ويتكوڤ"}).json()
    assert hits["total"] >= 1 and hits["results"][0]["highlights"]
    putin = client.get("/api/entities", params={"q": "بوتين"}).json()[0]
    assert putin["name_en"] == "Vladimir Putin"
    assert client.get(f"/api/entities/{putin['gid']}").json()["name"] == putin["name"]
    timeline = client.get(f"/api/entities/{putin['gid']}/timeline").json()
    assert any(x["kind"] == "event" for x in timeline)
    assert client.get("/api/events", params={"event": "CONSULT", "actor": putin["gid"]}).json()
    assert client.get("/api/quotes").json()
    net = client.get("/api/network", params={"event": "CONSULT"}).json()
    assert net["edges"] and not net["directed"]
    assert client.get("/api/counts", params={"by": "year"}).json()
    doc_id = hits["results"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["schema"] == "marsad.document/1" and all(e["gid"] for e in doc["entities"])
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents", "/api/analyze", "/api/network"} <= set(spec["paths"])


def test_analyze_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/stats").json()["documents"]
    r = client.post("/api/analyze", json={"text": "التقى بوتين ويتكوف في موسكو أمس.", "published": "2025-12-03"})
    assert r.status_code == 200 and r.json()["mentions"]
    assert client.get("/api/stats").json()["documents"] == before


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"documents": [{"text": "قال وزير الخارجية التونسي إن بلاده ترحب بالاتفاق.", "published": "2025-12-01"}]}
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/documents", json=body, headers={"authorization": TOKEN}).status_code == 401
    r = client.post("/api/documents", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["results"][0]["new"]
    again = client.post("/api/documents", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert again.json()["results"][0]["new"] is False


def test_writes_are_refused_without_a_configured_token(db: Path) -> None:
    with TestClient(create_app(db, token=None)) as c:
        r = c.post("/api/documents", json={"documents": [{"text": "نص"}]}, headers={"authorization": "Bearer x"})
        assert r.status_code == 403 and "disabled" in r.json()["error"]["message"]


def test_bad_documents_are_reported_one_by_one(client: TestClient) -> None:
    body = {"documents": [{"text": "   "}, {"text": "أعلنت الحكومة المغربية عن خطة جديدة للطاقة."},
                          {"html": "<html><body><script>x()</script></body></html>"}]}
    r = client.post("/api/documents", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    results = r.json()["results"]
    assert r.status_code == 200 and "error" in results[0] and "id" in results[1] and "error" in results[2]


def test_errors_are_json_and_4xx(client: TestClient) -> None:
    for path, status in (("/api/nowhere", 404), ("/api/documents/nope", 404), ("/api/entities/nope", 404),
                         ("/api/search?q=-x", 400), ("/api/search?limit=5", 400), ("/api/counts?by=week", 400),
                         ("/api/events?from=yesterday", 400), ("/api/search?q=x&limit=100000", 400)):
        r = client.get(path)
        assert r.status_code == status, path
        assert r.json()["error"]["status"] == status
    r = client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400


HOSTILE = ["' OR '1'='1", "1; DROP TABLE documents; --", '" OR 1=1 --', "NEAR(", "*", "(", ")", "\\", "%", "_%",
           "body:x", "{body stems}: x", "x\" OR stems : \"y", "ويتكوف' UNION SELECT json FROM documents --",
           "\u202e\u2066", "a" * 999]


@pytest.mark.parametrize("value", HOSTILE)
def test_injection_through_every_query_parameter(client: TestClient, value: str) -> None:
    endpoints = {
        "/api/search": ["q"], "/api/entities": ["q", "label"],
        "/api/events": ["event", "actor", "recipient", "participant", "place", "modality"],
        "/api/quotes": ["speaker", "q"], "/api/network": ["event", "modality"], "/api/counts": ["event", "actor"],
    }
    for path, params in endpoints.items():
        for p in params:
            r = client.get(path, params={p: value, **({"q": "x"} if path == "/api/search" and p != "q" else {})})
            assert r.status_code < 500, (path, p, r.text)
            assert r.headers["content-type"].startswith("application/json")
    for path in ("/api/documents/", "/api/entities/"):
        assert client.get(path + value).status_code in (404, 400)
    assert client.get("/api/stats").json()["documents"] >= 1


def test_security_headers_everywhere(client: TestClient) -> None:
    for r in (client.get("/api/health"), client.get("/api/nowhere"), client.get("/api/search?q=-x"),
              client.post("/api/documents", json={})):
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value
    assert "script-src 'self'" in SECURITY_HEADERS["content-security-policy"]
    assert "unsafe-inline" not in SECURITY_HEADERS["content-security-policy"]


def test_body_size_is_capped(db: Path) -> None:
    with TestClient(create_app(db, token=TOKEN, max_body=10_000)) as c:
        big = {"documents": [{"text": "كلمة " * 5000}]}
        r = c.post("/api/documents", json=big, headers={"authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413 and "too large" in r.json()["error"]["message"]
        r = c.post("/api/analyze", json={"text": "كلمة " * 5000})
        assert r.status_code == 413


def test_rate_limit(db: Path) -> None:
    with TestClient(create_app(db, rate=5, write_rate=1)) as c:
        codes = [c.get("/api/health").status_code for _ in range(30)]
        assert codes[0] == 200 and 429 in codes
        limited = next(r for r in (c.get("/api/health") for _ in range(5)) if r.status_code == 429)
        assert limited.headers["retry-after"] == "1" and limited.json()["error"]["status"] == 429


def test_no_path_traversal_and_no_fetching_over_http(client: TestClient, tmp_path: Path) -> None:
    for path in ("/static/../api.py", "/static/..%2f..%2fapi.py", "/static/%2e%2e/%2e%2e/etc/passwd",
                 "/static//etc/passwd", "/static/..\\..\\api.py"):
        r = client.get(path)
        assert r.status_code in (400, 404), path
        assert "create_app" not in r.text and "root:" not in r.text
    # the API takes texts, never paths or URLs to read: a url field is metadata only
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة سرية لا تظهر", encoding="utf-8")
    body = {"documents": [{"text": "أعلنت الحكومة الأردنية عن خطة للمياه.", "url": secret.as_uri()}]}
    r = client.post("/api/documents", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    doc = client.get(f"/api/documents/{r.json()['results'][0]['id']}").json()
    assert "سرية" not in doc["text"]
    spec = client.get("/openapi.json").text
    assert '"path"' not in spec.replace('"in":"path"', "").replace('"in": "path"', "")
