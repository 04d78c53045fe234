"""The Document contract: JSON round trip, the span invariant enforced in one place, and the JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from marsad import Document, analyze
from marsad.document import DocumentFormatError, Entity, Event, Quote, SpanError, content_id


@pytest.fixture(scope="module")
def schema() -> dict:  # type: ignore[type-arg]
    return json.loads(resources.files("marsad").joinpath("schema/document-1.schema.json").read_text("utf-8"))


def full_document() -> Document:
    """A document with one of every layer, built through the Document's own span factory."""
    text = "صرح يوري أوشاكوف بأن المحادثات كانت “بناءة”. والتقى بوتين ويتكوف في موسكو."
    doc = analyze(text, published="2025-12-03")
    m1 = doc.add_mention(4, 16, "PER", entity="e1")
    m2 = doc.add_mention(text.index("بوتين"), text.index("بوتين") + 5, "PER", entity="e2")
    doc.add_mention(text.index("موسكو"), text.index("موسكو") + 5, "GPE", entity="e3")
    doc.entities = [
        Entity("e1", "PER", "يوري أوشاكوف", "Yuri Ushakov", "Q4500", "RUS", "GOV", [m1.id]),
        Entity("e2", "PER", "فلاديمير بوتين", "Vladimir Putin", "Q7747", "RUS", "GOV", [m2.id], {"notes": []}),
    ]
    cue = doc.span(0, 3)
    content = doc.span(text.index("المحادثات"), text.index("”") + 1)
    doc.quotes = [Quote("q1", "mixed", "e1", m1.id, cue, content, 0)]
    trig = doc.span(text.index("التقى"), text.index("التقى") + 5)
    doc.events = [Event("v1", "CONSULT", "asserted", trig, 1, ["e2"], [], ["visit"], [], "e3", "2025-12-03",
                        None, 0.9)]
    return doc


def test_round_trip_is_exact() -> None:
    doc = full_document()
    again = Document.from_json(doc.to_json())
    assert again.to_dict() == doc.to_dict()
    assert json.loads(again.to_json()) == json.loads(doc.to_json(indent=2))


def test_real_output_validates_against_schema(schema: dict, seed_text: str) -> None:  # type: ignore[type-arg]
    for doc in (analyze(seed_text, published="2025-12-03"), full_document()):
        jsonschema.validate(json.loads(doc.to_json()), schema)


def test_schema_rejects_a_broken_document(schema: dict) -> None:  # type: ignore[type-arg]
    d = json.loads(full_document().to_json())
    d["events"][0]["event"] = "MEET"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, schema)


def test_span_factory_slices_the_text() -> None:
    doc = analyze("أوكرانيا وروسيا")
    s = doc.span(9, 15)
    assert s.text == "وروسيا"
    with pytest.raises(SpanError):
        doc.span(3, 99)


def test_invariant_is_checked_on_output_and_input() -> None:
    doc = full_document()
    doc.mentions[0].text = "بوتين"          # someone edits a span by hand
    with pytest.raises(SpanError):
        doc.to_json()
    d = json.loads(full_document().to_json())
    d["quotes"][0]["content"]["end"] += 1
    with pytest.raises(SpanError):
        Document.from_dict(d)


def test_bad_json_is_a_format_error() -> None:
    with pytest.raises(DocumentFormatError):
        Document.from_json("{not json")
    with pytest.raises(DocumentFormatError):
        Document.from_json('{"schema": "other/1", "text": "x", "id": "a"}')
    with pytest.raises(DocumentFormatError):
        Document.from_json('{"schema": "marsad.document/1", "id": "a"}')


def test_id_is_stable_and_derived_from_content() -> None:
    a, b = analyze("نص واحد"), analyze("نص واحد")
    assert a.id == b.id == content_id("نص واحد")
    assert analyze("نص آخر").id != a.id
    assert analyze("نص", id="x1").id == "x1"


def test_bad_published_date_is_refused() -> None:
    from marsad.pipeline import InputError

    with pytest.raises(InputError):
        analyze("نص", published="3 Dec 2025")


def test_sentence_of() -> None:
    doc = analyze("جملة أولى. جملة ثانية.")
    assert doc.sentence_of(0) == 0 and doc.sentence_of(12) == 1 and doc.sentence_of(10) == 0


def test_every_mention_of_an_entity_points_back_to_it(seed_text: str) -> None:
    doc = analyze(seed_text)
    by_id = {m.id: m for m in doc.mentions}
    for e in doc.entities:
        assert e.mentions and all(by_id[mid].entity == e.id for mid in e.mentions)
    assert [m.id for m in doc.mentions] == [f"m{i}" for i in range(1, len(doc.mentions) + 1)]
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)


def test_mentions_at_follows_the_mentions_as_they_are_added_and_reordered() -> None:
    doc = analyze("وقال الوزير سامي العلي إن الوضع مستقر.")
    start = doc.text.index("سامي")
    assert [m.text for m in doc.mentions_at(start)] == ["سامي العلي"]
    added = doc.add_mention(start, start + 4, "PER")     # an index built before still sees a mention added after
    assert added in doc.mentions_at(start)
    doc.order_mentions()
    assert sorted(m.text for m in doc.mentions_at(start)) == ["سامي", "سامي العلي"]
    assert doc.mentions_at(doc.text.index("الوضع")) == []


def test_quotes_holding_finds_every_quote_over_an_offset_in_order_across_blocks_and_additions() -> None:
    from marsad.document import QUOTE_BLOCK

    text = "قال الوزير إن " + "الوضع مستقر " * (QUOTE_BLOCK // 4)   # content far longer than one block
    doc = Document(text=text)
    long = Quote("q1", "indirect", None, None, None, doc.span(14, len(text)), 0)
    short = Quote("q2", "indirect", None, None, None, doc.span(QUOTE_BLOCK * 2 - 5, QUOTE_BLOCK * 2 + 5), 0)
    doc.quotes = [long]
    assert doc.quotes_holding(13) == []
    assert doc.quotes_holding(14) == [long]
    assert doc.quotes_holding(len(text) - 1) == [long]       # in the last block the long content reaches
    assert doc.quotes_holding(QUOTE_BLOCK * 2) == [long]
    doc.quotes.append(short)                                  # the index follows a quote added after it was built
    assert doc.quotes_holding(QUOTE_BLOCK * 2) == [long, short]
    assert doc.quotes_holding(QUOTE_BLOCK * 2 - 6) == [long]
    assert doc.quotes_holding(QUOTE_BLOCK * 2 + 5) == [long]  # the end is outside the content
    doc.quotes = [short]                                      # ... and a list put in its place
    assert doc.quotes_holding(QUOTE_BLOCK * 2) == [short]
