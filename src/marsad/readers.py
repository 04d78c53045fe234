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
#: elements whose content is never shown as the text of a page (scripts, styles, embedded documents and objects,
#: templates, what shows only when scripts are off)
_NEVER_SHOWN = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet")


@dataclass
class Article:
    """Text and what is known about it, ready for :func:`marsad.pipeline.analyze`."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


#: how many Arabic letters a windows-1256 reading must have before it is believed (three bytes say too little: «قال»
#: in windows-1256 is «ÞÇá» in windows-1252)
CP1256_MIN_LETTERS = 20
#: the share of a windows-1256 reading's non-ASCII characters that must be Arabic (letters, marks, Arabic punctuation)
#: or the punctuation Arabic text uses; UTF-8 Arabic cut short and misread as windows-1256 scores about half, Latin-1
#: French or German close to none
CP1256_ARABIC_SHARE = 0.9
_ARABIC_TEXT_RE = re.compile("[\u0600-\u06ff\u00a0\u00ab\u00bb\u00d7\u00f7\u200c-\u200f\u2013\u2014\u2018\u2019"
                             "\u201c\u201d\u2022\u2026]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_NON_ASCII_RE = re.compile("[^\x00-\x7f]")
#: C0 controls other than tab, line feed, vertical tab, form feed and carriage return: text has few (SaudiNewsNet has
#: a stray U+001A now and then), binary data misread as windows-1256 has many
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without a BOM), UTF-16/32 with a BOM, or Arabic in windows-1256 (recognised by
    its letters, see :func:`decode_text`). Anything else is refused with a message that says what was found."""
    return decode_text(data)[0]


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of the bytes of one document; :class:`InputError` for bytes that are not text.

    UTF-8 is tried first, after any byte-order mark. Bytes that are not UTF-8 are read as windows-1256, the Arabic
    code page of older news sites and Windows tools, and kept only if the result reads as Arabic: at least
    :data:`CP1256_MIN_LETTERS` Arabic letters, :data:`CP1256_ARABIC_SHARE` of the non-ASCII characters Arabic, at
    most one control character in 1,000 (windows-1256 maps every byte to a character, so any bytes at all would
    otherwise pass).
    UTF-16 without a byte-order mark cannot be told apart reliably from other bytes and is refused by name.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"document too large: {len(data):,} bytes (limit {MAX_DOCUMENT_BYTES:,})")
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding == "utf-8":
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            raise InputError(f"looks like {utf16} without a byte-order mark; save it as UTF-8 (or as UTF-16 with "
                             "a byte-order mark)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        arabic = _cp1256_arabic(data) if encoding == "utf-8" else None
        if arabic is None:
            also = ", nor Arabic text in windows-1256" if encoding == "utf-8" else ""
            raise InputError(
                f"not valid {encoding.upper()}: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                f"({exc.reason}){also}; convert the file to UTF-8"
            ) from None
        text, encoding = arabic, "windows-1256"
    if "\x00" in text:
        raise InputError("binary data (NUL bytes), not text")
    return text, encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """"UTF-16LE" or "UTF-16BE" when every other byte is mostly 0x00 or 0x06 (the high byte of ASCII and of Arabic
    in UTF-16) and the bytes between are not; None otherwise (UTF-8 text has no 0x00 and no 0x06)."""
    if len(data) < 8:
        return None
    sample = data[:65536]
    even, odd = sample[0::2], sample[1::2]

    def share(half: bytes) -> float:
        return (half.count(0) + half.count(6)) / max(len(half), 1)

    low, high = share(even), share(odd)
    if high >= 0.4 and low < 0.1:
        return "UTF-16LE"
    if low >= 0.4 and high < 0.1:
        return "UTF-16BE"
    return None


def _cp1256_arabic(data: bytes) -> str | None:
    """``data`` read as windows-1256, if that reads as Arabic text; else None."""
    text = data.decode("cp1256", errors="replace")   # every byte is defined; "replace" only guards the codec
    if len(_CONTROL_RE.findall(text)) > len(text) // 1000:
        return None
    non_ascii = len(_NON_ASCII_RE.findall(text))
    if len(_ARABIC_LETTER_RE.findall(text)) < CP1256_MIN_LETTERS:
        return None
    if len(_ARABIC_TEXT_RE.findall(text)) < CP1256_ARABIC_SHARE * non_ascii:
        return None
    return text


def looks_like_html(data: bytes, name: str = "") -> bool:
    """By the file name, or by how the data starts (a document in UTF-16 or UTF-32 with a BOM too)."""
    head = data[:4096]
    for bom, enc in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):] if enc == "utf-8-sig" else \
                data[:16384].decode(enc, errors="ignore").encode("utf-8")
            break
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML_START_RE.match(head))


def extract_html(html: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura): scripts, styles and navigation never reach the text."""
    import trafilatura  # imported here: it takes a while to load and plain-text users never need it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError("no article text found in the HTML page (not HTML that can be read)")
    # What a browser never shows as the page's text goes before trafilatura sees the page: its own cleaning drops
    # most of it, but its fallbacks for pages with little text kept <noscript>, <iframe> and <template> contents.
    # JSON-LD stays: it is data (title, date, author, sometimes the article body), not code.
    for element in list(tree.iter(*_NEVER_SHOWN)):
        if element.getparent() is None:
            raise InputError("no article text found in the HTML page")   # the whole page is one such element
        if element.tag != "script" or (element.get("type") or "").strip().lower() != "application/ld+json":
            element.drop_tree()
    doc = trafilatura.bare_extraction(tree, with_metadata=True, favor_recall=True, include_comments=False)
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
    text, encoding = decode_text(data)
    if looks_like_html(data, name):
        article = extract_html(text)
    elif not text.strip():
        raise InputError("empty document: no text to analyse")
    else:
        article = Article(text=text)
    if encoding not in ("utf-8", "utf-8-sig"):
        article.meta["encoding"] = encoding    # converted: say from what
    return article


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
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
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
    article.id = None if rid is None else _check_text(str(rid), "id")
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
