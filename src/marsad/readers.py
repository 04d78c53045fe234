"""From bytes to article text and metadata: decoding, HTML extraction, JSON Lines records.

Every failure is an :class:`InputError` with a message a user can act on; callers report it with the file and line
and go on with the next input.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.pipeline import InputError

#: the largest single document accepted, in bytes (bigger inputs are refused with a clear message, not truncated)
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START_RE = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            re.I | re.S)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Article:
    """Text and what is known about it, ready for :func:`marsad.pipeline.analyze`."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without a BOM), or UTF-16/32 with a BOM. Anything else is refused."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"document too large: {len(data):,} bytes (limit {MAX_DOCUMENT_BYTES:,})")
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding.upper()}: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"({exc.reason}); convert the file to UTF-8"
        ) from None
    if encoding == "utf-8" and "\x00" in text:
        raise InputError("binary data (NUL bytes), not text")
    return text


def looks_like_html(data: bytes, name: str = "") -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_START_RE.match(data[:4096]))


def extract_html(html: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura): scripts, styles and navigation never reach the text."""
    import trafilatura  # imported here: it takes a while to load and plain-text users never need it

    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    date = getattr(doc, "date", None)
    meta = {k: v for k, v in (("sitename", getattr(doc, "sitename", None)),
                              ("author", getattr(doc, "author", None))) if v}
    return Article(
        text=text, title=getattr(doc, "title", None) or None,
        published=date if isinstance(date, str) and _DATE_RE.fullmatch(date) else None,
        url=getattr(doc, "url", None) or None, meta=meta,
    )


def read_document(data: bytes, name: str = "") -> Article:
    """One article from the bytes of a file: plain text, or HTML whose main text is extracted."""
    if looks_like_html(data, name):
        return extract_html(decode(data))
    text = decode(data)
    if not text.strip():
        raise InputError("empty document: no text to analyse")
    return Article(text=text)


def _check_text(value: str, key: str) -> str:
    """Refuse strings that cannot be written back out as UTF-8 (lone surrogates from JSON escapes such as \\ud800)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f'"{key}" holds a lone surrogate (U+{ord(value[exc.start]):04X}) at offset {exc.start}, '
                         "which is not a character") from None
    return value


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'"{key}" must be a string, got {type(value).__name__}')
    return _check_text(value, key)


def parse_record(line: str) -> Article:
    """One JSON Lines record: ``{"id", "text", "title"?, "published"?, "url"?, "html"?}`` (and the other field
    names :func:`article_from_record` accepts)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"broken JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise InputError("a JSON Lines record must be an object")
    return article_from_record(record)


def _leading_date(value: Any) -> str | None:
    """YYYY-MM-DD of a date, a datetime, or a string that starts with one ("2015-07-21 02:51:32"); else None."""
    if isinstance(value, datetime.date):   # datetime.datetime is a date too
        return value.isoformat()[:10]
    if isinstance(value, str) and _DATE_RE.match(value):
        return value[:10]
    return None


def article_from_record(record: dict[str, Any]) -> Article:
    """An article from one record (a JSON object, a Parquet row) whatever its origin's field names.

    ``text``, else ``content`` (SaudiNewsNet and many scraped corpora), else ``html`` (main text extracted);
    ``published``, else ``date`` or ``date_extracted``, as its leading YYYY-MM-DD (a ``published`` that is no date
    is passed on and refused by the Document with a clear message); ``source`` or ``outlet`` (the news outlet) goes to
    ``meta["outlet"]``; ``id`` (any type) becomes a string.
    """
    key = "text" if record.get("text") is not None else "content"
    text, html = record.get(key), record.get("html")
    if isinstance(html, str) and not isinstance(text, str):
        article = extract_html(_check_text(html, "html"))
    elif isinstance(text, str):
        if not text.strip():
            raise InputError(f'empty "{key}"')
        article = Article(text=_check_text(text, key))
    else:
        raise InputError('record has no "text" string')
    rid = record.get("id")
    article.id = None if rid is None else str(rid)
    article.title = _optional_str(record, "title") or article.title
    published = record.get("published")
    if published is not None:
        article.published = _leading_date(published) or _optional_str(record, "published") or article.published
    else:
        article.published = _leading_date(record.get("date")) or _leading_date(record.get("date_extracted")) \
            or article.published
    article.url = _optional_str(record, "url") or article.url
    outlet = record.get("outlet", record.get("source"))
    if isinstance(outlet, str) and outlet.strip():
        article.meta["outlet"] = _check_text(outlet.strip(), "outlet")
    return article


def iter_jsonl(lines: Iterable[bytes]) -> Iterator[tuple[int, Article | InputError]]:
    """(line number, article or the error for that line) for each non-blank line of a JSON Lines stream."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield number, parse_record(decode(raw))
        except InputError as exc:
            yield number, exc
