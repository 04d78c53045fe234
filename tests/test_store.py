"""The store: one copy per text, every layer written, Arabic-aware search, near-duplicates, queries, migrations."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

import marsad
from marsad.store import QueryError, Store, StoreError
from marsad.store.schema import VERSION
from marsad.store.search import parse_query

SEED = Path(marsad.__file__).parent / "examples" / "seed-article.txt"

STORY = ("أعلنت وزارة الخارجية المصرية أن الوزير سامح شكري التقى نظيره الأردني أيمن الصفدي في القاهرة لبحث "
         "التطورات الإقليمية وسبل تعزيز التعاون الثنائي بين البلدين في مجالات الطاقة والتجارة والنقل، "
         "وأكد الجانبان أهمية مواصلة التنسيق المشترك خلال المرحلة المقبلة.")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("store") / "m.db")
    docs = [
        marsad.analyze(SEED.read_text(encoding="utf-8"), published="2025-12-03"),
        marsad.analyze("وصل وويتكوف إلى موسكو صباح اليوم.", published="2025-12-04", id="clitic"),
        marsad.analyze("قال ستيف ويتكوڤ إن المحادثات كانت مفيدة.", published="2025-12-05", id="variant"),
        marsad.analyze(STORY, published="2025-11-01", id="story"),
        # the same story reprinted by another outlet with a new first words: a near-duplicate, not a new story
        marsad.analyze("القاهرة - " + STORY, published="2025-11-01", id="reprint"),
    ]
    with s.transaction():
        for n, d in enumerate(docs):
            s.add(d, source=f"test:{n}", outlet="outlet-b" if d.id == "reprint" else "outlet-a")
    return s


def test_every_layer_is_stored(store: Store) -> None:
    stats = store.stats()
    assert stats["documents"] == 5
    assert stats["stories"] == 4                    # the reprint joins the story's cluster
    seed = store.document(marsad.analyze(SEED.read_text(encoding="utf-8")).id)
    assert seed is not None
    rowid = store.db.execute("SELECT rowid FROM documents WHERE id = ?", (seed["id"],)).fetchone()[0]
    for table, layer in (("mentions", "mentions"), ("quotes", "quotes"), ("events", "events"),
                         ("doc_entities", "entities")):
        n = store.db.execute(f"SELECT count(*) FROM {table} WHERE doc = ?", (rowid,)).fetchone()[0]
        assert n == len(seed[layer]) > 0, table
    # the stored JSON is the contract's document, and reads back as one
    doc = marsad.Document.from_dict({k: v for k, v in seed.items() if k != "store"})
    doc.validate()


def test_the_same_text_is_stored_once(store: Store) -> None:
    before = store.stats()["documents"]
    again = marsad.analyze("وصل وويتكوف إلى موسكو صباح اليوم.", published="2025-12-04", id="other-id")
    with store.transaction():
        added = store.add(again, source="elsewhere")
    assert not added.new and added.id == "clitic"
    assert store.stats()["documents"] == before
    sources = store.document("clitic")["store"]["sources"]  # type: ignore[index]
    assert {s["key"] for s in sources} == {"test:1", "elsewhere"}


def test_a_reused_id_for_another_text_keeps_both(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as s, s.transaction():
        a = s.add(marsad.analyze("النص الأول عن الاقتصاد.", id="1"))
        b = s.add(marsad.analyze("النص الثاني عن السياسة.", id="1"))
    assert a.new and b.new and a.id != b.id and b.id.startswith("1~")


@pytest.mark.parametrize("query", ["ويتكوف", "ويتكوڤ", "وويتكوف", "ويتكو*"])
def test_search_finds_spelling_variants_and_clitic_forms(store: Store, query: str) -> None:
    found = {r["id"] for r in store.search(query)["results"]}
    assert {"clitic", "variant"} <= found


def test_search_highlights_the_words_in_the_original_text(store: Store) -> None:
    result = store.search("ويتكوف")["results"]
    for r in result:
        assert r["highlights"], r
        for s, e in r["highlights"]:
            assert "ويتكو" in r["snippet"][s:e]


def test_search_syntax(store: Store) -> None:
    assert {r["id"] for r in store.search("ويتكوف -موسكو")["results"]} >= {"variant"}
    assert "clitic" not in {r["id"] for r in store.search("ويتكوف -موسكو")["results"]}
    assert {r["id"] for r in store.search("شكري OR ويتكوڤ")["results"]} >= {"story", "variant"}
    assert {r["id"] for r in store.search('"المحادثات كانت مفيدة"')["results"]} == {"variant"}


@pytest.mark.parametrize("hostile", ['"', "a AND", "NOT", "(", "*", "NEAR(a b", "body:x", "' OR 1=1 --",
                                     "\"; DROP TABLE documents; --", "x\x00y", "{body}: x", "^x"])
def test_no_query_text_breaks_the_search(store: Store, hostile: str) -> None:
    with contextlib.suppress(QueryError):
        store.search(hostile)
    assert store.stats()["documents"] >= 5


def test_only_excluded_words_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        parse_query("-ويتكوف")


def test_near_duplicate_is_linked_and_counted_once(store: Store) -> None:
    doc = store.document("reprint")
    assert doc is not None and doc["store"]["cluster"] == "story"
    assert doc["store"]["similarity"] >= 0.7
    reported = [e for e in store.events(distinct=False) if e["doc"] in ("story", "reprint")]
    counted = [e for e in store.events() if e["doc"] in ("story", "reprint")]
    assert reported and len(counted) * 2 == len(reported)
    assert all(e["reports"] == 2 for e in counted)


def test_actor_queries(store: Store) -> None:
    putin = store.entities("بوتين")[0]
    assert putin["name_en"] == "Vladimir Putin"
    info = store.entity(putin["gid"])
    assert info is not None and "الرئيس الروسي" in info["aliases"]
    timeline = store.timeline(putin["gid"])
    assert any(x["kind"] == "event" and x["event"] == "CONSULT" for x in timeline)
    days = [x["day"] or "" for x in timeline]
    assert days == sorted(days)
    ushakov = store.entities("أوشاكوف")[0]["gid"]
    assert store.quotes(speaker=ushakov) and all(q["speaker"]["gid"] == ushakov for q in store.quotes(speaker=ushakov))


def test_network_and_counts(store: Store) -> None:
    net = store.network(event="CONSULT")
    names = {n["gid"]: n["name_en"] for n in net["nodes"]}
    pairs = {frozenset((names[e["source"]], names[e["target"]])) for e in net["edges"]}
    assert frozenset(("Vladimir Putin", "Steve Witkoff")) in pairs
    months = store.counts(by="month")
    assert [c["period"] for c in months] == sorted(c["period"] for c in months)
    assert store.counts(event="CONSULT", date_from="2025-12", date_to="2025-12")
    with pytest.raises(QueryError):
        store.counts(by="week")


def test_events_filters(store: Store) -> None:
    putin = store.entities("بوتين")[0]["gid"]
    for e in store.events(actor=putin):
        assert putin in {a["gid"] for a in e["actor"]}
    assert all(e["modality"] == "planned" for e in store.events(modality="planned"))
    assert all("2025-12" <= e["day"] <= "2025-12-31" for e in store.events(date_from="2025-12", date_to="2025-12"))


def test_migrations_and_versions(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Marsad"):
        Store(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    Store(tmp_path / "m.db").close()
    with Store(tmp_path / "m.db", readonly=True) as s, pytest.raises(StoreError, match="cannot write"), \
            s.transaction():
        pass


def test_a_store_of_the_first_schema_is_brought_forward_and_keeps_where_english_names_come_from(
        tmp_path: Path) -> None:
    from marsad.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    s = Store(path)   # brought forward to the current schema when opened writable
    doc = marsad.analyze("استقبل الوزير كمال الجندوبي وفدا ألمانيا. وقال الجندوبي إن التعاون مهم.",
                         published="2026-11-29", id="translit")
    with s.transaction():
        s.add(doc, source="test:translit")
    machine = {e.name_en for e in doc.entities if e.extra.get("name_en_source") == "transliteration"}
    assert machine, "an unknown person gets a transliterated English name"
    rows = s.entities("الجندوبي")
    assert rows and rows[0]["name_en"] in machine and rows[0]["name_en_source"] == "transliteration"
    s.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_opening_a_fresh_store_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    # Two ingests opening one fresh store at once: SQLite refuses the switch to WAL at once, without waiting, while
    # another connection holds the write lock. The store must wait for it, as it does for any other lock.
    import threading

    path = tmp_path / "m.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE held(x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with Store(path) as store:
            assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    finally:
        release.join()
        other.close()
