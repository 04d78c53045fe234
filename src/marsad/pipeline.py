"""The ordered stages of analysis and :func:`analyze`, the library's entry point.

One flow in one direction: each stage reads what earlier stages left on the Document and adds one layer. Stages are
plain callables ``(Document) -> None`` with a name, so the benchmark can time each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.document import Document
from marsad.events import find_events
from marsad.ner.organisations import organisation_mentions
from marsad.ner.tagger import entity_mentions
from marsad.ner.titles import body_titles, title_mentions
from marsad.ner.values import value_mentions
from marsad.quotes import find_quotes, group_mentions, speaker_names
from marsad.resolve import resolve
from marsad.text.segment import segment
from marsad.text.tokenize import tokenize


class InputError(ValueError):
    """Input that cannot be analysed (empty text, a bad date): reported per input, never fatal to a batch."""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Any]


#: The stages, in order. Every token carries its normalised form; the document-wide normalised view with its offset
#: map (``Document.normalized``) is made when a stage first asks for it. Mentions come from the named-entity tagger
#: (PER ORG GPE LOC FAC MISC), the value rules (DATE TIME DURATION NUMBER MONEY), the title rules (TITLE) and
#: unnamed groups (NORP), and are then put in text order; the resolver groups them into entities, and quotes are
#: read with those entities as speakers, and PLOVER events with them as actors and recipients.
STAGES: tuple[Stage, ...] = (
    Stage("segment", segment),
    Stage("tokenize", tokenize),
    Stage("ner", entity_mentions),
    Stage("values", value_mentions),
    Stage("titles", title_mentions),
    Stage("organisations", organisation_mentions),
    Stage("body titles", body_titles),
    Stage("speaker names", speaker_names),
    Stage("groups", group_mentions),
    Stage("order", lambda doc: doc.order_mentions()),
    Stage("resolve", resolve),
    Stage("quotes", find_quotes),
    Stage("events", find_events),
)


def make_document(text: str, *, published: str | None = None, id: str | None = None, title: str | None = None,
                  url: str | None = None, meta: dict[str, Any] | None = None) -> Document:
    """A Document ready for the stages; raises :class:`InputError` for input that cannot be analysed."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("empty document: no text to analyse")
    try:
        return Document(text=text, id=id or "", title=title, published=published, url=url, meta=dict(meta or {}))
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def run_stages(doc: Document, stages: Sequence[Stage] = STAGES) -> Document:
    for stage in stages:
        stage.run(doc)
    doc.validate()
    return doc


def analyze(text: str, published: str | None = None, *, id: str | None = None, title: str | None = None,
            url: str | None = None, meta: dict[str, Any] | None = None) -> Document:
    """Analyse one article. ``published`` (YYYY-MM-DD) anchors relative dates such as «أمس»."""
    doc = make_document(text, published=published, id=id, title=title, url=url, meta=meta)
    return run_stages(doc)
