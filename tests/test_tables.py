"""marsad.tables: a Document as rows of the five fixed-schema tables, and its events as PLOVER records."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from marsad import analyze
from marsad.document import Document
from marsad.tables import TABLES, arrow_tables, plover_events, rows


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    return analyze(seed_text, published="2025-12-03", meta={"outlet": "example", "author": "someone"})


def test_rows_cover_every_layer_and_fit_the_schemas(seed_doc: Document) -> None:
    tables = arrow_tables(rows(seed_doc, "dir/seed.txt"))
    assert set(tables) == set(TABLES) == {"documents", "mentions", "entities", "quotes", "events"}
    counts = {"documents": 1, "mentions": len(seed_doc.mentions), "entities": len(seed_doc.entities),
              "quotes": len(seed_doc.quotes), "events": len(seed_doc.events)}
    assert {name: t.num_rows for name, t in tables.items()} == counts
    for name, table in tables.items():
        assert table.schema.equals(TABLES[name])
        assert table.column("source_key").to_pylist() == ["dir/seed.txt"] * table.num_rows
        assert set(table.column("doc_id").to_pylist()) == {seed_doc.id}
    doc_row = tables["documents"].to_pylist()[0]
    assert doc_row["outlet"] == "example" and json.loads(doc_row["meta"]) == {"author": "someone"}
    assert doc_row["text"] == seed_doc.text and doc_row["n_tokens"] == len(seed_doc.tokens or [])
    assert len(doc_row["sentences"]) == doc_row["n_sentences"] == len(seed_doc.sentences)


def test_span_columns_are_slices_of_the_text(seed_doc: Document) -> None:
    r = rows(seed_doc)
    text = seed_doc.text
    for m in r["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        sentences = r["documents"][0]["sentences"]
        assert sentences[m["sentence"]]["start"] <= m["start"]
        assert m["sentence"] + 1 == len(sentences) or m["start"] < sentences[m["sentence"] + 1]["start"]
    for q in r["quotes"]:
        assert text[q["content_start"]:q["content_end"]] == q["content_text"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue_text"]
    for v in r["events"]:
        if v["trigger_start"] is not None:
            assert text[v["trigger_start"]:v["trigger_end"]] == v["trigger_text"]


def test_values_as_text_and_number() -> None:
    doc = analyze("قالت الوزارة إن الحكومة خصصت 5 ملايين دولار و 300 شاحنة يوم 3 مارس 2024.", published="2024-03-05")
    values = {m["label"]: (m["value"], m["value_num"]) for m in rows(doc)["mentions"] if m["value"] is not None}
    money = doc.mentions[[m.label for m in doc.mentions].index("MONEY")].value
    assert values["MONEY"] == (json.dumps(money, ensure_ascii=False, sort_keys=True), float(money["amount"]))
    assert values["DATE"] == ("2024-03-03", None)
    assert values["NUMBER"][1] == 300.0


def test_a_document_read_back_from_json_has_no_token_count(seed_doc: Document) -> None:
    again = Document.from_json(seed_doc.to_json())
    tables = arrow_tables(rows(again))
    assert tables["documents"].column("n_tokens").to_pylist() == [None]
    assert tables["documents"].column("source_key").to_pylist() == [None]
    assert tables["mentions"].num_rows == len(seed_doc.mentions)


def test_plover_records(seed_doc: Document) -> None:
    records = plover_events(seed_doc)
    assert len(records) == len(seed_doc.events)
    assert len({r["id"] for r in records}) == len(records)
    for record, event in zip(records, seed_doc.events, strict=True):
        json.dumps(record)   # plain JSON
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "text",
                "doc_id"} <= set(record)
        assert record["event"] == event.event and record["doc_id"] == seed_doc.id
        t = record["text"]
        assert seed_doc.text[t["start"]:t["end"]] == record["event_text"]
        assert record["date"] == (event.date or seed_doc.published)
        assert [a["entity_id"] for a in record["actor"]] == event.actor
        for obj in record["actor"] + record["recipient"] + ([record["event_loc"]] if record["event_loc"] else []):
            assert {"raw_text", "entity_name", "wikidata_id", "country_code", "country_name", "sector_code"} <= set(obj)
            assert seed_doc.text[obj["start"]:obj["end"]] == obj["raw_text"]
            assert obj["wikidata_id"] is None or obj["wikidata_id"].startswith("Q")
    putin = next(a for r in records for a in r["actor"] if a["entity_name_en"] == "Vladimir Putin")
    assert (putin["wikidata_id"], putin["country_code"], putin["country_name"]) == ("Q7747", "RUS", "Russia")


def test_empty_rows_still_have_the_schema() -> None:
    tables = arrow_tables({})
    assert all(t.num_rows == 0 and t.schema.equals(TABLES[n]) for n, t in tables.items())
    assert isinstance(tables["events"].schema.field("actor").type, pa.ListType)
