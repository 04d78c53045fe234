"""marsad export and marsad demo: the store written out in every format, and the bundled examples ingested."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import marsad
from marsad.cli import main
from marsad.store import Store
from marsad.tables import TABLES

SEED = Path(marsad.__file__).parent / "examples" / "seed-article.txt"
STORY = ("أعلنت وزارة الخارجية المصرية أن الوزير سامح شكري التقى نظيره الأردني أيمن الصفدي في القاهرة لبحث "
         "التطورات الإقليمية وسبل تعزيز التعاون الثنائي بين البلدين في مجالات الطاقة والتجارة والنقل، "
         "وأكد الجانبان أهمية مواصلة التنسيق المشترك خلال المرحلة المقبلة.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "m.db"
    with Store(path) as s, s.transaction():
        s.add(marsad.analyze(SEED.read_text(encoding="utf-8"), published="2025-12-03"), source="seed")
        s.add(marsad.analyze(STORY, published="2025-11-01", id="story"), source="a")
        s.add(marsad.analyze("القاهرة - " + STORY, published="2025-11-01", id="reprint"), source="b")
    return path


def test_jsonl_export_is_the_contract(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    assert main(["export", str(out), "--db", str(db)]) == 0
    docs = [marsad.Document.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {d.id for d in docs} == {"story", docs[0].id}     # the reprint is one story with "story"
    for d in docs:
        d.validate()
    assert main(["export", str(out), "--db", str(db), "--include-duplicates"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert not list(tmp_path.glob("*.part"))


def test_plover_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["export", str(out), "--db", str(db), "--format", "plover"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    meeting = next(r for r in records if r["event"] == "CONSULT" and r["event_text"])
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "text"):
        assert key in meeting
    putin = meeting["actor"][0]
    assert putin["wikidata_id"] == "Q7747" and putin["country_code"] == "RUS" and putin["raw_text"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_table_export(db: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / fmt
    assert main(["export", str(folder), "--db", str(db), "--format", fmt, "--include-duplicates"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    with Store(db) as s:
        counts = {"documents": 3, "events": s.db.execute("SELECT count(*) FROM events").fetchone()[0],
                  "quotes": s.db.execute("SELECT count(*) FROM quotes").fetchone()[0],
                  "mentions": s.db.execute("SELECT count(*) FROM mentions").fetchone()[0]}
    for table, n in counts.items():
        path = folder / f"{table}.{fmt}"
        if fmt == "parquet":
            t = pq.read_table(path)
            assert t.num_rows == n and t.schema.names == TABLES[table].names
        else:
            with open(path, encoding="utf-8", newline="") as f:
                assert sum(1 for _ in csv.DictReader(f)) == n


def test_demo_builds_a_store_from_the_bundled_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--no-serve"]) == 0
    with Store(db) as s:
        n = s.stats()["documents"]
        assert n >= 1 and s.entities("بوتين")
    assert "0 errors" in capsys.readouterr().err
