"""The Document: the one data model every stage shares, and its JSON form (``marsad.document/1``).

Every span the system emits is an offset pair over ``Document.text`` plus the exact text between them. Spans are only
ever made by :meth:`Document.span`, which slices the text itself, and :meth:`Document.validate` checks every span of a
document (it runs on every ``to_json``/``from_json``), so ``doc.text[s.start:s.end] == s.text`` cannot silently break.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.text.normalise import NormalizedText
    from marsad.text.tokenize import Tokens

SCHEMA = "marsad.document/1"

BLOCK_KINDS = ("title", "heading", "paragraph")
MENTION_LABELS = (
    "PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC", "TITLE",
    "DATE", "TIME", "DURATION", "NUMBER", "MONEY",
)
VALUE_LABELS = frozenset({"DATE", "TIME", "DURATION", "NUMBER", "MONEY"})
QUOTE_KINDS = ("direct", "indirect", "mixed")
EVENT_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "expected", "negated", "hypothetical")

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _is_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD (2025-02-29 has the form and is no date: the stages would fail on it)."""
    if not isinstance(value, str) or not _DATE_RE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class SpanError(ValueError):
    """A span whose offsets or text do not agree with the document text."""


class DocumentFormatError(ValueError):
    """JSON that is not a valid ``marsad.document/1`` document."""


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` (Python ``str`` indices, end exclusive) of the document text, and that text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Block:
    start: int
    end: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "block": self.block}


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    label: str
    entity: str | None = None
    value: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text,
            "label": self.label, "entity": self.entity, "value": self.value,
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class Entity:
    id: str
    label: str
    name: str
    name_en: str | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "label": self.label, "name": self.name, "name_en": self.name_en,
            "kb_id": self.kb_id, "country": self.country, "sector": self.sector,
            "mentions": list(self.mentions),
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class Quote:
    id: str
    kind: str
    speaker: str | None
    speaker_mention: str | None
    cue: Span | None
    content: Span
    sentence: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(), "sentence": self.sentence,
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class Event:
    id: str
    event: str
    modality: str
    trigger: Span | None
    sentence: int
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    event_loc: str | None = None
    date: str | None = None
    duration: str | None = None
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "event": self.event, "mode": list(self.mode), "context": list(self.context),
            "modality": self.modality, "actor": list(self.actor), "recipient": list(self.recipient),
            "event_loc": self.event_loc, "date": self.date, "duration": self.duration,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "sentence": self.sentence, "confidence": self.confidence,
        }
        d.update(self.extra)
        return d


#: the width (characters) of the blocks of text by which :meth:`Document.quotes_holding` indexes quotes
QUOTE_BLOCK = 2048


def content_id(text: str) -> str:
    """A stable id derived from the text alone: the same text always gets the same id."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Document:
    """An analysed article. ``text`` is never altered after construction; every stage adds layers over it."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Run-time layers shared between stages; not part of the JSON contract.
    tokens: Tokens | None = field(default=None, repr=False, compare=False)
    _normalized: NormalizedText | None = field(default=None, init=False, repr=False, compare=False)
    # the ids of ``mentions`` as add_mention last saw them: (that list, its length, the ids), so that adding a mention
    # does not collect every id again (which made the mention stages quadratic in the length of the article)
    _mention_ids: tuple[list[Mention], int, set[str]] | None = field(default=None, init=False, repr=False,
                                                                       compare=False)
    _mention_starts: tuple[list[Mention], int, dict[int, list[Mention]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    # the quotes by the blocks of text their content reaches into: (the quotes list, its length, the index)
    _quote_blocks: tuple[list[Quote], int, dict[int, list[Quote]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)
        if self.published is not None and not _is_date(self.published):
            raise DocumentFormatError(f"published must be a date written YYYY-MM-DD, got {self.published!r}")

    @property
    def normalized(self) -> NormalizedText:
        """The normalised view of the text with its offset map, made on first use (tokens carry their own forms)."""
        if self._normalized is None:
            from marsad.text.normalise import normalise

            self._normalized = normalise(self.text)
        return self._normalized

    # -- spans: the single place where spans are made -------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """The span ``start:end`` of this document's text. Raises :class:`SpanError` for offsets outside the text."""
        if not (0 <= start <= end <= len(self.text)):
            raise SpanError(f"span {start}:{end} outside text of length {len(self.text)}")
        return Span(start, end, self.text[start:end])

    def mentions_at(self, start: int) -> list[Mention]:
        """The mentions that start at offset ``start`` (an index kept up to date as mentions are added, so that a
        stage asking this for every word stays linear in the length of the article)."""
        known = self._mention_starts
        if known is None or known[0] is not self.mentions or known[1] > len(self.mentions):
            known = (self.mentions, 0, {})
        index = known[2]
        for m in self.mentions[known[1]:]:
            index.setdefault(m.start, []).append(m)
        self._mention_starts = (self.mentions, len(self.mentions), index)
        return index.get(start, [])

    def quotes_holding(self, offset: int) -> list[Quote]:
        """The quotes whose content holds offset ``offset``, in the order of ``quotes`` (an index by blocks of text,
        made again when quotes are added or the list replaced, so that asking this for every word of a long article
        does not read every quote each time)."""
        known = self._quote_blocks
        if known is None or known[0] is not self.quotes or known[1] != len(self.quotes):
            index: dict[int, list[Quote]] = {}
            for q in self.quotes:
                for block in range(q.content.start // QUOTE_BLOCK, max(q.content.end - 1, 0) // QUOTE_BLOCK + 1):
                    index.setdefault(block, []).append(q)
            known = self._quote_blocks = (self.quotes, len(self.quotes), index)
        return [q for q in known[2].get(offset // QUOTE_BLOCK, ()) if q.content.start <= offset < q.content.end]

    def add_mention(self, start: int, end: int, label: str, *, entity: str | None = None,
                    value: Any = None, **extra: Any) -> Mention:
        """A new mention with a fresh id (``m<n>``). Mention ids change only here and in :meth:`order_mentions`."""
        s = self.span(start, end)
        known = self._mention_ids
        if known is None or known[0] is not self.mentions or known[1] != len(self.mentions):
            known = (self.mentions, len(self.mentions), {x.id for x in self.mentions})
        taken = known[2]
        n = len(self.mentions) + 1
        while f"m{n}" in taken:
            n += 1
        m = Mention(f"m{n}", s.start, s.end, s.text, label, entity, value, dict(extra))
        self.mentions.append(m)
        taken.add(m.id)
        self._mention_ids = (self.mentions, len(self.mentions), taken)
        return m

    def order_mentions(self) -> None:
        """Put the mentions in text order (longer first at the same start), number them m1, m2... in that order, and
        update every reference to a mention id (entities, quotes)."""
        self.mentions.sort(key=lambda m: (m.start, -m.end, m.label))
        self._mention_ids = None   # the ids change here
        self._mention_starts = None
        renamed: dict[str, str] = {}
        for i, m in enumerate(self.mentions, start=1):
            renamed[m.id] = f"m{i}"
            m.id = f"m{i}"
        for e in self.entities:
            e.mentions = [renamed.get(mid, mid) for mid in e.mentions]
        for q in self.quotes:
            if q.speaker_mention is not None:
                q.speaker_mention = renamed.get(q.speaker_mention, q.speaker_mention)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest one before it); -1 if none."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    # -- validation ------------------------------------------------------------------------------------------------
    def iter_spans(self) -> list[tuple[str, int, int, str]]:
        """Every text-bearing span in the document as (where, start, end, text)."""
        out: list[tuple[str, int, int, str]] = []
        for m in self.mentions:
            out.append((f"mention {m.id}", m.start, m.end, m.text))
        for q in self.quotes:
            if q.cue is not None:
                out.append((f"quote {q.id} cue", q.cue.start, q.cue.end, q.cue.text))
            out.append((f"quote {q.id} content", q.content.start, q.content.end, q.content.text))
        for e in self.events:
            if e.trigger is not None:
                out.append((f"event {e.id} trigger", e.trigger.start, e.trigger.end, e.trigger.text))
        return out

    def validate(self) -> None:
        """Check the span invariant and the offsets of blocks and sentences; raise :class:`SpanError` if broken."""
        n = len(self.text)
        for where, start, end, text in self.iter_spans():
            if not (0 <= start <= end <= n) or self.text[start:end] != text:
                raise SpanError(f"{where}: text[{start}:{end}] != {text!r}")
        ranges = [("block", i, b.start, b.end) for i, b in enumerate(self.blocks)]
        ranges += [("sentence", i, s.start, s.end) for i, s in enumerate(self.sentences)]
        for kind, i, start, end in ranges:
            if not (0 <= start <= end <= n):
                raise SpanError(f"{kind} {i}: {start}:{end} outside text of length {n}")

    # -- JSON ------------------------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        self.validate()
        d: dict[str, Any] = {
            "schema": SCHEMA, "id": self.id, "title": self.title, "published": self.published,
            "url": self.url, "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
            "sentences": [s.to_dict() for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        try:
            return _from_dict(cls, d)
        except (KeyError, TypeError, AttributeError) as exc:
            raise DocumentFormatError(f"not a {SCHEMA} document: {exc!r}") from exc

    @classmethod
    def from_json(cls, s: str | bytes) -> Document:
        try:
            d = json.loads(s)
        except json.JSONDecodeError as exc:
            raise DocumentFormatError(f"invalid JSON: {exc}") from exc
        if not isinstance(d, dict):
            raise DocumentFormatError("a document must be a JSON object")
        return cls.from_dict(d)


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _extra(d: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in known}


_M_KEYS = {"id", "start", "end", "text", "label", "entity", "value"}
_E_KEYS = {"id", "label", "name", "name_en", "kb_id", "country", "sector", "mentions"}
_Q_KEYS = {"id", "kind", "speaker", "speaker_mention", "cue", "content", "sentence"}
_V_KEYS = {"id", "event", "mode", "context", "modality", "actor", "recipient", "event_loc", "date",
           "duration", "trigger", "sentence", "confidence"}


def _from_dict(cls: type[Document], d: dict[str, Any]) -> Document:
    if d.get("schema") != SCHEMA:
        raise DocumentFormatError(f"schema must be {SCHEMA!r}, got {d.get('schema')!r}")
    doc = cls(
        text=d["text"], id=d["id"], title=d.get("title"), published=d.get("published"), url=d.get("url"),
        meta=dict(d.get("meta") or {}),
    )
    doc.blocks = [Block(b["start"], b["end"], b["kind"]) for b in d.get("blocks", [])]
    doc.sentences = [Sentence(s["start"], s["end"], s.get("block", 0)) for s in d.get("sentences", [])]
    doc.mentions = [
        Mention(m["id"], m["start"], m["end"], m["text"], m["label"], m.get("entity"), m.get("value"),
                _extra(m, _M_KEYS))
        for m in d.get("mentions", [])
    ]
    doc.entities = [
        Entity(e["id"], e["label"], e["name"], e.get("name_en"), e.get("kb_id"), e.get("country"),
               e.get("sector"), list(e.get("mentions", [])), _extra(e, _E_KEYS))
        for e in d.get("entities", [])
    ]
    doc.quotes = []
    for q in d.get("quotes", []):
        content = _span(q["content"])
        assert content is not None
        doc.quotes.append(Quote(q["id"], q["kind"], q.get("speaker"), q.get("speaker_mention"), _span(q.get("cue")),
                                content, q["sentence"], _extra(q, _Q_KEYS)))
    doc.events = [
        Event(v["id"], v["event"], v["modality"], _span(v.get("trigger")), v["sentence"],
              list(v.get("actor", [])), list(v.get("recipient", [])), list(v.get("mode", [])),
              list(v.get("context", [])), v.get("event_loc"), v.get("date"), v.get("duration"),
              v.get("confidence"), _extra(v, _V_KEYS))
        for v in d.get("events", [])
    ]
    doc.validate()
    return doc
