"""A Document as rows of five flat tables, and its events as PLOVER records.

The tables are what a researcher loads into pandas, DuckDB or Spark: ``documents`` (one row per article, with its
text, blocks and sentences), ``mentions``, ``entities``, ``quotes`` and ``events`` (one row each, keyed by
``source_key`` and ``doc_id``). Their schemas are fixed here (:data:`TABLES`), so every writer — ``marsad batch``
on one machine or on Spark, ``marsad export`` — produces the same columns with the same types. Spans become
``*_start``/``*_end``/``*_text`` columns over the document's ``text``; values and extra fields that have no fixed
type are kept as JSON strings so that nothing of the Document is lost.

``source_key`` is where the article came from in a batch (``corpus.zip!a.json#17``, see :mod:`marsad.sources`); it
tells apart two inputs with the same text (and so the same content-derived ``doc_id``). It is null elsewhere.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache, partial
from typing import Any

import pyarrow as pa

from marsad.document import Document, Entity, Mention

_I = pa.int32()
_S = pa.string()
_KEYS = [pa.field("source_key", _S), pa.field("doc_id", _S)]
_EXTRA = pa.field("extra", _S)   # JSON object of the fields a stage added beyond the contract (notes, approximate...)

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        *_KEYS, ("title", _S), ("published", _S), ("url", _S), ("outlet", _S), ("text", _S),
        ("n_chars", _I), ("n_tokens", _I), ("n_sentences", _I), ("n_mentions", _I), ("n_entities", _I),
        ("n_quotes", _I), ("n_events", _I),
        ("blocks", pa.list_(pa.struct([("start", _I), ("end", _I), ("kind", _S)]))),
        ("sentences", pa.list_(pa.struct([("start", _I), ("end", _I), ("block", _I)]))),
        ("meta", _S),
    ]),
    "mentions": pa.schema([
        *_KEYS, ("mention_id", _S), ("start", _I), ("end", _I), ("text", _S), ("label", _S), ("entity", _S),
        ("value", _S), ("value_num", pa.float64()), ("sentence", _I), _EXTRA,
    ]),
    "entities": pa.schema([
        *_KEYS, ("entity_id", _S), ("label", _S), ("name", _S), ("name_en", _S), ("kb_id", _S),
        ("country", _S), ("sector", _S), ("mentions", pa.list_(_S)), ("n_mentions", _I), _EXTRA,
    ]),
    "quotes": pa.schema([
        *_KEYS, ("quote_id", _S), ("kind", _S), ("speaker", _S), ("speaker_mention", _S),
        ("cue_start", _I), ("cue_end", _I), ("cue_text", _S),
        ("content_start", _I), ("content_end", _I), ("content_text", _S), ("sentence", _I), _EXTRA,
    ]),
    "events": pa.schema([
        *_KEYS, ("event_id", _S), ("event", _S), ("mode", pa.list_(_S)), ("context", pa.list_(_S)),
        ("modality", _S), ("actor", pa.list_(_S)), ("recipient", pa.list_(_S)), ("event_loc", _S),
        ("date", _S), ("duration", _S), ("trigger_start", _I), ("trigger_end", _I), ("trigger_text", _S),
        ("sentence", _I), ("confidence", pa.float64()), _EXTRA,
    ]),
}

_QID_RE = re.compile(r"Q\d+\Z")


def _json(value: Any) -> str | None:
    """Deterministic JSON (sorted keys) of a non-empty value, else None."""
    if value is None or value == {} or value == []:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _value(value: Any) -> tuple[str | None, float | None]:
    """A mention value as text (a string as it is, anything else as JSON) and as a number where it is one
    (NUMBER's value, MONEY's amount)."""
    if value is None or isinstance(value, str):
        return value, None
    number = value.get("amount") if isinstance(value, dict) else value
    as_number = float(number) if isinstance(number, int | float) and not isinstance(number, bool) else None
    return json.dumps(value, ensure_ascii=False, sort_keys=True), as_number


def rows(doc: Document, source_key: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of each of :data:`TABLES` for one analysed document, in document order."""
    keys = {"source_key": source_key, "doc_id": doc.id}
    meta = {k: v for k, v in doc.meta.items() if k != "outlet"}
    outlet = doc.meta.get("outlet")
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    out["documents"].append({
        **keys, "title": doc.title, "published": doc.published, "url": doc.url,
        "outlet": outlet if isinstance(outlet, str) else None, "text": doc.text,
        "n_chars": len(doc.text), "n_tokens": None if doc.tokens is None else len(doc.tokens),
        "n_sentences": len(doc.sentences), "n_mentions": len(doc.mentions), "n_entities": len(doc.entities),
        "n_quotes": len(doc.quotes), "n_events": len(doc.events),
        "blocks": [b.to_dict() for b in doc.blocks], "sentences": [s.to_dict() for s in doc.sentences],
        "meta": _json(meta),
    })
    for m in doc.mentions:
        text_value, number = _value(m.value)
        out["mentions"].append({
            **keys, "mention_id": m.id, "start": m.start, "end": m.end, "text": m.text, "label": m.label,
            "entity": m.entity, "value": text_value, "value_num": number,
            "sentence": doc.sentence_of(m.start) if doc.sentences else None, "extra": _json(m.extra),
        })
    for e in doc.entities:
        out["entities"].append({
            **keys, "entity_id": e.id, "label": e.label, "name": e.name, "name_en": e.name_en, "kb_id": e.kb_id,
            "country": e.country, "sector": e.sector, "mentions": list(e.mentions), "n_mentions": len(e.mentions),
            "extra": _json(e.extra),
        })
    for q in doc.quotes:
        out["quotes"].append({
            **keys, "quote_id": q.id, "kind": q.kind, "speaker": q.speaker, "speaker_mention": q.speaker_mention,
            "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None,
            "cue_text": q.cue.text if q.cue else None, "content_start": q.content.start,
            "content_end": q.content.end, "content_text": q.content.text, "sentence": q.sentence,
            "extra": _json(q.extra),
        })
    for v in doc.events:
        out["events"].append({
            **keys, "event_id": v.id, "event": v.event, "mode": list(v.mode), "context": list(v.context),
            "modality": v.modality, "actor": list(v.actor), "recipient": list(v.recipient),
            "event_loc": v.event_loc, "date": v.date, "duration": v.duration,
            "trigger_start": v.trigger.start if v.trigger else None,
            "trigger_end": v.trigger.end if v.trigger else None,
            "trigger_text": v.trigger.text if v.trigger else None, "sentence": v.sentence,
            "confidence": v.confidence, "extra": _json(v.extra),
        })
    return out


def arrow_tables(table_rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Rows (of any number of documents) as Arrow tables with the fixed schemas."""
    return {name: pa.Table.from_pylist(table_rows.get(name, []), schema=schema) for name, schema in TABLES.items()}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> English country name, from the knowledge base's country table."""
    from marsad.kb import knowledge_base

    kb = knowledge_base()
    if kb is None:
        return {}
    return {e.country: e.name_en for e in kb.entities.values()
            if e.source == "countries" and e.country and e.name_en}


def plover_events(doc: Document) -> list[dict[str, Any]]:
    """The document's events as PLOVER records (``docs/document-format.md``, "PLOVER export"), one per event.

    PLOVER's field names: ``id`` (``doc_id:event id``, unique in a corpus of distinct documents), ``date`` (the
    event's own date where the text fixes it, else the publication date, ``date_source`` saying which),
    ``event``, ``mode`` and ``context`` (lists, as in the Document), ``actor`` and ``recipient`` (lists of entity
    objects), ``event_loc`` (an entity object or null), ``event_text`` (the sentence) and ``text`` (PLOVER's text
    object: the sentence's ``sequence`` number and character offsets). Each entity object carries the words the
    sentence uses for it (``raw_text`` with ``start``/``end``), ``entity_name``, ``wikidata_id`` (a QID, else null;
    ``kb_id`` keeps a local id), ``country_code``/``country_name`` and ``sector_code``.
    """
    entities = {e.id: e for e in doc.entities}
    mentions = {m.id: m for m in doc.mentions}
    out: list[dict[str, Any]] = []
    for v in doc.events:
        sentence = doc.sentences[v.sentence] if 0 <= v.sentence < len(doc.sentences) else None
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
        anchor = v.trigger.start if v.trigger else lo
        obj = partial(_plover_entity, entities, mentions, lo, hi, anchor)
        out.append({
            "id": f"{doc.id}:{v.id}", "doc_id": doc.id, "event_id": v.id,
            "date": v.date or doc.published,
            "date_source": "text" if v.date else ("published" if doc.published else None),
            "event": v.event, "mode": list(v.mode), "context": list(v.context), "modality": v.modality,
            "actor": [obj(a) for a in v.actor], "recipient": [obj(r) for r in v.recipient],
            "event_loc": obj(v.event_loc) if v.event_loc else None,
            "event_text": doc.text[lo:hi],
            "text": {"sequence": v.sentence, "start": lo, "end": hi},
            "trigger": v.trigger.to_dict() if v.trigger else None,
            "duration": v.duration, "confidence": v.confidence,
            "published": doc.published, "url": doc.url, "title": doc.title,
        })
    return out


def _plover_entity(entities: dict[str, Entity], mentions: dict[str, Mention], lo: int, hi: int, anchor: int,
                   entity_id: str) -> dict[str, Any]:
    """PLOVER's actor object for one entity; ``raw_text`` is its mention in the event's sentence (``lo:hi``) nearest
    the trigger (``anchor``), else its nearest mention anywhere — a name before a role phrase."""
    entity = entities.get(entity_id)
    if entity is None:
        return {"entity_id": entity_id, "raw_text": None, "start": None, "end": None, "entity_name": None,
                "entity_name_en": None, "entity_type": None, "wikidata_id": None, "kb_id": None,
                "country_code": None, "country_name": None, "sector_code": None}
    found = [mentions[m] for m in entity.mentions if m in mentions]
    inside = [m for m in found if lo <= m.start and m.end <= hi]
    best = min(inside or found, key=lambda m: (m.label == "TITLE", abs(m.start - anchor), m.start), default=None)
    return {
        "entity_id": entity.id,
        "raw_text": best.text if best else None, "start": best.start if best else None,
        "end": best.end if best else None,
        "entity_name": entity.name, "entity_name_en": entity.name_en, "entity_type": entity.label,
        "wikidata_id": entity.kb_id if entity.kb_id and _QID_RE.match(entity.kb_id) else None,
        "kb_id": entity.kb_id, "country_code": entity.country,
        "country_name": _country_names().get(entity.country) if entity.country else None,
        "sector_code": entity.sector,
    }
