"""Documents whose mentions are given, so that the resolver alone is under test (used by test_resolve, test_linking)."""

from __future__ import annotations

from marsad.document import Document
from marsad.pipeline import make_document
from marsad.resolve import resolve
from marsad.text.segment import segment
from marsad.text.tokenize import tokenize


def resolved(text: str, names: list[tuple[str, str]], published: str | None = None) -> Document:
    """``text`` segmented and tokenised, with a mention of each (name, label) in order, then resolved."""
    doc = make_document(text, published=published)
    segment(doc)
    tokenize(doc)
    pos = 0
    for name, label in names:
        start = text.index(name, pos)
        doc.add_mention(start, start + len(name), label)
        pos = start + len(name)
    resolve(doc)
    return doc
