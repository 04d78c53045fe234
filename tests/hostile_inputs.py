"""Hostile inputs for Marsad and the one check every input must pass.

Shared by ``tests/test_hostile.py`` (hypothesis draws the choices, so a failure shrinks) and
``benchmarks/fuzz_campaign.py`` (a seeded ``random.Random`` draws them, for runs of 100,000 inputs). A generator is a
function of a :class:`Chooser` (``choice``, ``randint``, ``random``: what ``random.Random`` has) returning an
:class:`Input`; :func:`check` runs one input through the path a user's data takes (the library, a JSON Lines record,
the bytes of a file, an HTML page) and says whether it was analysed, refused with an ``InputError``, crashed (any
other exception), or produced a document that breaks an invariant.

Arabic-looking text is built from Marsad's own word lists (quote cues, event triggers, titles, unnamed groups,
organisation heads, months, numbers, relative dates) and the knowledge base's names, so that the deeper stages
(names, resolution, quotes, events) fire on it, and is then damaged: bidi controls, zero-width characters, tatweel
runs, diacritics, presentation forms, other scripts, long digit runs.
"""

from __future__ import annotations

import base64
import json
import re
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

# -- alphabets ------------------------------------------------------------------------------------------------------
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگیڤ"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"
TATWEEL = "\u0640"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
SPACES = " \t\u00a0\u2000\u2003\u2009\u202f\u3000"
LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"
PUNCTUATION = ".،؛؟!:«»“”\"'()[]-–—…٪/\\*#@&"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PRESENTATION = "\ufb50\ufb8a\ufdf2\ufdfa\ufdfb\ufe8d\ufe8e\ufedf\ufee0\ufefb\ufef5\ufe70\ufe7f"
OTHER_SCRIPTS = "abcXYZéßøאבגשάβγжщ中文日本語한국어हिन्दीไทย😀👍🏽🇸🇦\u0301\u20dd"
#: characters that cannot be encoded: only the library's own input (a Python str) can carry them
LONE_SURROGATES = "\ud800\udbff\udc00\udfff"


class Chooser(Protocol):
    """The choices a generator makes: ``random.Random`` has them, and so does :class:`DataChooser` (hypothesis)."""

    def choice(self, seq: Sequence[T]) -> T: ...

    def randint(self, a: int, b: int) -> int: ...

    def random(self) -> float: ...


class DataChooser:
    """A :class:`Chooser` whose choices hypothesis draws, so that a failing input shrinks."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies as st

        self.data, self.st = data, st

    def choice(self, seq: Sequence[T]) -> T:
        return seq[self.data.draw(self.st.integers(0, len(seq) - 1))]

    def randint(self, a: int, b: int) -> int:
        return int(self.data.draw(self.st.integers(a, b)))

    def random(self) -> float:
        return float(self.data.draw(self.st.integers(0, 1000))) / 1000


# -- word lists -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Words:
    cues: tuple[str, ...]
    participles: tuple[str, ...]
    continues: tuple[str, ...]
    sources: tuple[str, ...]
    complementisers: tuple[str, ...]
    triggers: tuple[str, ...]
    titles: tuple[str, ...]
    nationalities: tuple[str, ...]
    groups: tuple[str, ...]
    modifiers: tuple[str, ...]
    org_heads: tuple[str, ...]
    places: tuple[str, ...]
    months: tuple[str, ...]
    numbers: tuple[str, ...]
    units: tuple[str, ...]
    currencies: tuple[str, ...]
    relative: tuple[str, ...]
    weekdays: tuple[str, ...]
    modality: tuple[str, ...]
    names: tuple[str, ...]
    common: tuple[str, ...]


def _rows(name: str, folder: str) -> list[list[str]]:
    text = resources.files("marsad").joinpath(f"data/{folder}/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _forms(name: str, folder: str, roles: set[str] | None = None, column: int = -1) -> tuple[str, ...]:
    out: list[str] = []
    for row in _rows(name, folder):
        if roles is None or row[0] in roles:
            out += [w.replace("_", " ") for w in row[column].split()]
    return tuple(sorted(set(out)))


@lru_cache(maxsize=1)
def words() -> Words:
    """The project's own word lists (and knowledge-base names), read from the installed package."""
    from marsad.kb import knowledge_base

    kb = knowledge_base()
    names = sorted({e.name_ar for e in kb.entities.values() if e.rank <= 1 and e.name_ar}) if kb is not None else []
    common: list[str] = []
    lexicon = resources.files("marsad").joinpath("data/text/lexicon.tsv").read_text(encoding="utf-8")
    for line in lexicon.splitlines():
        if line and not line.startswith("#"):
            common.append(line.split("\t")[0])
            if len(common) >= 3000:
                break
    first = [row[0] for row in _rows("months.tsv", "ner")]
    return Words(
        cues=_forms("cues.tsv", "quotes", {"verb"}), participles=_forms("cues.tsv", "quotes", {"participle"}),
        continues=_forms("cues.tsv", "quotes", {"continue"}), sources=_forms("cues.tsv", "quotes", {"source"}),
        complementisers=_forms("cues.tsv", "quotes", {"complementiser"}),
        triggers=_forms("triggers.tsv", "events"), titles=_forms("titles.tsv", "ner", {"head", "dependent"}),
        nationalities=_forms("titles.tsv", "ner", {"nationality", "portfolio", "qualifier"}),
        groups=_forms("groups.tsv", "quotes", {"head"}), modifiers=_forms("groups.tsv", "quotes", {"modifier"}),
        org_heads=_forms("organisations.tsv", "ner"), places=_forms("places.tsv", "ner", {"FAC", "LOC"}),
        months=tuple(sorted(set(first))), numbers=_forms("numbers.tsv", "ner", column=0),
        units=_forms("units.tsv", "ner", column=0), currencies=_forms("currencies.tsv", "ner", column=0),
        relative=_forms("relative_dates.tsv", "ner", column=0), weekdays=_forms("weekdays.tsv", "ner", column=0),
        modality=_forms("modality.tsv", "events"), names=tuple(names[:5000]), common=tuple(common),
    )


# -- inputs ---------------------------------------------------------------------------------------------------------
@dataclass
class Input:
    """One hostile input: ``path`` is how it enters Marsad."""

    kind: str
    path: str                       # "text" (the library), "jsonl" (a record line), "bytes" (a file), "html" (a page)
    text: str = ""
    data: bytes = b""
    published: str | None = None
    markers: tuple[str, ...] = ()   # strings (inside scripts, styles...) that must never reach the analysed text

    def to_json(self) -> str:
        """The input, saved so that it can be replayed (lone surrogates escaped, bytes in base64)."""
        return json.dumps({"kind": self.kind, "path": self.path, "text": self.text,
                           "data": base64.b64encode(self.data).decode("ascii"), "published": self.published,
                           "markers": list(self.markers)}, ensure_ascii=True)

    @classmethod
    def from_json(cls, s: str) -> Input:
        d = json.loads(s)
        return cls(d["kind"], d["path"], d["text"], base64.b64decode(d["data"]), d["published"],
                   tuple(d["markers"]))


def _run(r: Chooser, alphabet: str, lo: int, hi: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(r.randint(lo, hi)))


def _word(r: Chooser, pool: Sequence[str]) -> str:
    return r.choice(pool) if pool else "كلمة"


def news_sentence(r: Chooser) -> str:
    """One sentence of Arabic news shaped to reach the deeper stages: a speaker and a cue, an event with its
    participants, a date, a number, an unnamed group, an organisation."""
    w = words()
    name = lambda: _word(r, w.names)  # noqa: E731 - short local helpers
    title = lambda: f"{_word(r, w.titles)} {_word(r, w.nationalities)}"  # noqa: E731
    def date() -> str:
        forms = [
            lambda: f"{r.randint(0, 40)} {_word(r, w.months)} {r.randint(0, 2100)}",
            lambda: _word(r, w.relative), lambda: f"يوم {_word(r, w.weekdays)}",
            lambda: f"منذ {r.randint(0, 10**r.randint(0, 30))} {_word(r, w.units)}",
            lambda: f"{r.randint(0, 40)}/{r.randint(0, 14)}/{r.randint(0, 3000)}",
            lambda: f"الساعة {r.randint(0, 30)}:{r.randint(0, 99)} مساء", lambda: f"عام {r.randint(900, 2300)} هـ",
        ]
        return r.choice(forms)()

    def amount() -> str:
        forms = [
            lambda: f"{r.randint(0, 10**r.randint(0, 25))} {_word(r, w.currencies)}",
            lambda: f"{_word(r, w.numbers)} {_word(r, w.numbers)} {_word(r, w.units)}",
            lambda: f"{r.randint(0, 999)}.{r.randint(0, 99)} مليار {_word(r, w.currencies)}",
            lambda: f"{r.randint(0, 100)} بالمئة", lambda: _run(r, DIGITS + ".,٫٬", 1, 40),
        ]
        return r.choice(forms)()

    def clause() -> str:
        parts = [_word(r, w.common) for _ in range(r.randint(1, 8))]
        for _ in range(r.randint(0, 3)):
            parts.insert(r.randint(0, len(parts)), r.choice([name, title, date, amount,
                                                            lambda: _word(r, w.triggers)])())
        return " ".join(parts)

    shapes: list[Callable[[], str]] = [
        lambda: f"و{_word(r, w.cues)} {title()} {name()} {_word(r, w.complementisers)} {clause()}",
        lambda: f"{name()}، {title()}، {_word(r, w.cues)} {_word(r, w.complementisers)} {clause()}",
        lambda: f"«{clause()}»، {_word(r, w.participles)} {name()}",
        lambda: f"{_word(r, w.sources)} {_word(r, w.groups)} {_word(r, w.modifiers)}، {clause()}",
        lambda: f"و{_word(r, w.continues)}: «{clause()}»",
        lambda: f"{_word(r, w.modality)} {_word(r, w.triggers)} {name()} مع {name()} في {_word(r, w.places)}",
        lambda: f"{_word(r, w.triggers)} {name()} و{name()} {date()} في {name()}",
        lambda: f"{_word(r, w.org_heads)} {_word(r, w.common)} {_word(r, w.nationalities)} {clause()}",
        lambda: f"قال {_word(r, w.groups)} {_word(r, w.modifiers)} {_word(r, w.complementisers)} {clause()}",
        lambda: f"{name()}: {clause()}",
        clause,
    ]

    return r.choice(shapes)() + r.choice([".", ".", ".", "؟", "!", "", "…", ".»", " "])


def damage(r: Chooser, text: str, rate: float) -> str:
    """``text`` with about ``rate`` of its positions given something hostile: controls, zero-width characters,
    tatweel runs, diacritics, presentation forms, other scripts, long digit runs, line breaks."""
    if not text or rate <= 0:
        return text
    harms: list[Callable[[], str]] = [
        lambda: _run(r, BIDI, 1, 4), lambda: _run(r, ZERO_WIDTH, 1, 3), lambda: TATWEEL * r.randint(1, 60),
        lambda: _run(r, DIACRITICS, 1, 8), lambda: _run(r, PRESENTATION, 1, 3), lambda: _run(r, OTHER_SCRIPTS, 1, 5),
        lambda: _run(r, DIGITS, 1, 30), lambda: _run(r, LINE_BREAKS, 1, 3), lambda: _run(r, PUNCTUATION, 1, 4),
        lambda: _run(r, SPACES, 1, 3),
    ]
    # a few positions drawn, not a draw per character: hypothesis keeps its choices small and shrinks them well
    at = sorted((r.randint(0, len(text)) for _ in range(r.randint(0, max(1, int(len(text) * rate * 2))))),
                reverse=True)
    for k in at:
        text = text[:k] + r.choice(harms)() + text[k:]
    return text


def gen_news(r: Chooser) -> Input:
    """Arabic-looking news: a title line, paragraphs of lexicon sentences, lightly damaged."""
    paragraphs = [" ".join(news_sentence(r) for _ in range(r.randint(1, 6))) for _ in range(r.randint(1, 4))]
    if r.random() < 0.5:
        paragraphs.insert(0, " ".join(_word(r, words().common) for _ in range(r.randint(1, 12))))
    text = r.choice(["\n", "\n\n", "\r\n", " "]).join(paragraphs)
    return Input("news", "text", text=damage(r, text, r.choice([0.0, 0.0, 0.005, 0.02, 0.1])),
                 published=r.choice([None, None, "2025-12-03", "2015-07-21", "0001-01-01", "9999-12-31"]))


def gen_unicode(r: Chooser) -> Input:
    """Any code points at all, lone surrogates included (the library takes any Python string)."""
    def any_char() -> str:
        return chr(r.choice([r.randint(0, 0x7F), r.randint(0x80, 0x7FF), r.randint(0x600, 0x6FF),
                             r.randint(0x800, 0xFFFF), r.randint(0xD800, 0xDFFF), r.randint(0x10000, 0x10FFFF)]))
    return Input("unicode", "text", text="".join(any_char() for _ in range(r.randint(1, 120))))


def gen_controls(r: Chooser) -> Input:
    """Bidi controls, zero-width characters, tatweel runs, diacritics alone, in runs and between letters."""
    pieces = [
        lambda: _run(r, BIDI, 1, 30), lambda: _run(r, ZERO_WIDTH, 1, 30), lambda: TATWEEL * r.randint(1, 2000),
        lambda: _run(r, DIACRITICS, 1, 50), lambda: _run(r, ARABIC_LETTERS, 1, 12),
        lambda: r.choice(ARABIC_LETTERS) + TATWEEL * r.randint(1, 300) + r.choice(ARABIC_LETTERS),
        lambda: "".join(c + r.choice(BIDI + ZERO_WIDTH + DIACRITICS) for c in _word(r, words().names)),
        lambda: _run(r, SPACES + LINE_BREAKS, 1, 10), lambda: _run(r, PUNCTUATION, 1, 6),
    ]
    return Input("controls", "text", text="".join(r.choice(pieces)() for _ in range(r.randint(1, 25))))


def gen_mixed(r: Chooser) -> Input:
    """Scripts mixed within words and sentences: Arabic, Latin, Hebrew, CJK, emoji, digits of three systems."""
    alphabets = [ARABIC_LETTERS, OTHER_SCRIPTS, DIGITS, PRESENTATION, PUNCTUATION, SPACES, ARABIC_LETTERS + DIGITS]
    text = "".join(_run(r, r.choice(alphabets), 1, 15) for _ in range(r.randint(1, 30)))
    return Input("mixed", "text", text=text)


def gen_published(r: Chooser) -> Input:
    """A short article with a publication date that may be no date at all."""
    published = r.choice(["2025-02-29", "2024-02-29", "2025-13-01", "0000-01-01", "0001-01-01", "9999-12-31",
                          "٢٠٢٥-١٢-٠٣", "2025-12-3", "2025/12/03", "", " 2025-12-03", "2025-12-03T10:00:00",
                          f"{r.randint(0, 9999):04d}-{r.randint(0, 99):02d}-{r.randint(0, 99):02d}"])
    return Input("published", "text", text=" ".join(news_sentence(r) for _ in range(r.randint(1, 3))),
                 published=published)


def gen_jsonl(r: Chooser) -> Input:
    """A JSON Lines record: escapes (lone surrogates among them), wrong types, deep nesting, broken JSON."""
    text = damage(r, news_sentence(r), 0.02)
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    if r.random() < 0.4:   # an escape between two characters (never inside another escape)
        at = r.randint(0, len(text))
        escaped = json.dumps(text[:at], ensure_ascii=False)[1:-1] + r.choice(
            ["\\ud800", "\\udfff", "\\ud83d", "\\ude00", "\\u0000", "\\u202e", "\\ud83d\\ude00"]
        ) + json.dumps(text[at:], ensure_ascii=False)[1:-1]
    fields = [f'"text": "{escaped}"']
    extras = ['"id": 7', '"id": "\\udc00"', '"id": null', '"id": [1, {"a": 2}]', '"title": "\\ud800"',
              '"title": 5', '"published": "2025-02-30"', '"published": "2025-12-03 10:00"', '"url": {}',
              '"html": "<p>x</p>"', '"source": "\\udfff"', '"date": "٢٠٢٥-١٢-٠٣"', '"text": null', '"text": 5',
              '"x": ' + "[" * r.randint(1, 5000) + "]" * r.randint(0, 5000)]
    for _ in range(r.randint(0, 3)):
        fields.append(r.choice(extras))
    line = "{" + ", ".join(fields) + "}"
    if r.random() < 0.1:
        line = line[:r.randint(0, len(line))]
    return Input("jsonl", "jsonl", data=line.encode("utf-8", "surrogatepass"))


_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp1256",
              "iso8859-6", "latin-1", "cp1252")


def gen_bytes(r: Chooser) -> Input:
    """The bytes of a file: news in some encoding (with or without a byte-order mark), cut short, or random bytes."""
    text = gen_news(r).text
    encoding = r.choice(_ENCODINGS)
    data = text.encode(encoding, errors="replace") if encoding not in ("utf-8", "utf-8-sig") else \
        text.encode(encoding, errors="surrogatepass")
    if r.random() < 0.15:
        data = data[:r.randint(0, len(data))]
    if r.random() < 0.1:
        data = bytes(r.randint(0, 255) for _ in range(r.randint(0, 300)))
    return Input(f"bytes:{encoding}", "bytes", data=data)


_HIDDEN = ("script", "style", "noscript", "iframe", "template", "object", "svg", "math", "textarea", "select",
           "button", "form", "nav", "footer", "aside")


def gen_html(r: Chooser) -> Input:
    """An HTML page: the article deep in nested elements, and scripts, styles, iframes, templates holding markers
    that must never reach the analysed text."""
    markers: list[str] = []
    body: list[str] = []
    for _ in range(r.randint(1, 6)):
        body.append(f"<p>{damage(r, news_sentence(r), 0.01)}</p>")
    for _ in range(r.randint(1, 6)):
        marker = f"HOSTILEMARK{r.randint(0, 10**9)}"
        markers.append(marker)
        tag = r.choice(("script", "script", "style", "noscript", "iframe", "template"))
        hostile = {
            "script": f"<script>document.write('{marker}'); var x = '{marker}';</script>",
            "style": f"<style>.{marker} {{ content: '{marker}' }}</style>",
            "noscript": f"<noscript>{marker}</noscript>",
            "iframe": f"<iframe srcdoc='<p>{marker}</p>' src='javascript:{marker}'>{marker}</iframe>",
            "template": f"<template><p>{marker}</p><script>{marker}</script></template>",
        }[tag]
        body.insert(r.randint(0, len(body)), hostile)
    depth = r.choice([0, 1, 5, 50, 300, 3000])
    tags = [r.choice(("div", "section", "span", "b", "article", "main", "table", "td")) for _ in range(depth)]
    inner = "".join(body)
    nested = "".join(f"<{t}>" for t in tags) + inner + "".join(f"</{t}>" for t in reversed(tags))
    head = f"<head><title>{damage(r, news_sentence(r), 0.02)}</title>"
    if r.random() < 0.5:
        marker = f"HOSTILEMARK{r.randint(0, 10**9)}"
        markers.append(marker)
        head += f"<script>var title = '{marker}';</script><style>p {{ x: '{marker}' }}</style>"
    page = f"<!DOCTYPE html><html>{head}</head><body>{nested}</body></html>"
    if r.random() < 0.1:
        page = page[:r.randint(0, len(page))]   # cut short: unclosed scripts and styles
    encoding = r.choice(("utf-8", "utf-8", "utf-8", "utf-16", "cp1256"))
    data = page.encode(encoding, errors="replace")
    return Input("html", "html", data=data, markers=tuple(markers))


GENERATORS: dict[str, Callable[[Chooser], Input]] = {
    "news": gen_news, "unicode": gen_unicode, "controls": gen_controls, "mixed": gen_mixed,
    "published": gen_published, "jsonl": gen_jsonl, "bytes": gen_bytes, "html": gen_html,
}
#: how often each kind is drawn in a campaign (HTML extraction is slow: fewer of them)
WEIGHTS = {"news": 40, "unicode": 10, "controls": 10, "mixed": 8, "published": 5, "jsonl": 12, "bytes": 12,
           "html": 3}


# -- the check ------------------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    status: str                     # "ok", "refused" (InputError), "crash", "invariant"
    detail: str = ""
    stats: dict[str, int] = field(default_factory=dict)


_EVENT_DATE_RE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


@lru_cache(maxsize=1)
def _schema_validator() -> Any:
    import jsonschema

    schema = json.loads(resources.files("marsad").joinpath("schema/document-1.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def invariant_failures(doc: Any, text: str, *, schema: bool = True, encodable: bool = False) -> list[str]:
    """Every broken invariant of an analysed document (empty when all hold).

    The span invariant (``Document.validate``), the text unchanged, tokens in order inside the text, blocks and
    sentences inside the text and sentences inside their block, every reference resolving both ways (mention ->
    entity -> mention, quote speaker and speaker mention, event actors, recipients and place), the JSON form valid
    against the public schema and read back unchanged, and, for text that came in as bytes, the output encodable.
    """
    from marsad.document import Document
    from marsad.text.segment import MAX_SENTENCE_CHARS

    bad: list[str] = []
    try:
        doc.validate()
    except ValueError as exc:
        bad.append(f"validate: {exc}")
    if doc.text != text:
        bad.append("the document's text differs from the input")
    n = len(doc.text)
    toks = doc.tokens
    prev = 0
    if toks is not None:
        for i in range(len(toks)):
            s, e = toks.start[i], toks.end[i]
            if not prev <= s < e <= n:
                bad.append(f"token {i} at {s}:{e} out of order or outside the text")
                break
            prev = e
    for i, b in enumerate(doc.blocks):
        if not 0 <= b.start < b.end <= n:
            bad.append(f"block {i} {b.start}:{b.end} outside the text")
    end = 0
    for i, s in enumerate(doc.sentences):
        if not end <= s.start < s.end <= n:
            bad.append(f"sentence {i} {s.start}:{s.end} overlaps the one before or leaves the text")
        elif not 0 <= s.block < len(doc.blocks) or not (doc.blocks[s.block].start <= s.start
                                                        and s.end <= doc.blocks[s.block].end):
            bad.append(f"sentence {i} outside its block {s.block}")
        elif s.end - s.start > MAX_SENTENCE_CHARS:
            bad.append(f"sentence {i} longer than {MAX_SENTENCE_CHARS} characters")
        end = s.end
    mentions = {m.id: m for m in doc.mentions}
    entities = {e.id: e for e in doc.entities}
    if len(mentions) != len(doc.mentions):
        bad.append("mention ids repeat")
    if len(entities) != len(doc.entities):
        bad.append("entity ids repeat")
    for m in doc.mentions:
        if m.entity is not None and (m.entity not in entities or m.id not in entities[m.entity].mentions):
            bad.append(f"mention {m.id} -> entity {m.entity} does not resolve back")
    for e in doc.entities:
        for mid in e.mentions:
            if mid not in mentions or mentions[mid].entity != e.id:
                bad.append(f"entity {e.id} -> mention {mid} does not resolve back")
    for q in doc.quotes:
        if q.speaker is not None and q.speaker not in entities:
            bad.append(f"quote {q.id}: speaker {q.speaker} is no entity")
        if q.speaker_mention is not None and q.speaker_mention not in mentions:
            bad.append(f"quote {q.id}: speaker mention {q.speaker_mention} is no mention")
        if not 0 <= q.sentence < len(doc.sentences):
            bad.append(f"quote {q.id}: sentence {q.sentence} does not exist")
    for v in doc.events:
        for eid in [*v.actor, *v.recipient, *([v.event_loc] if v.event_loc else [])]:
            if eid not in entities:
                bad.append(f"event {v.id}: {eid} is no entity")
        if not 0 <= v.sentence < len(doc.sentences):
            bad.append(f"event {v.id}: sentence {v.sentence} does not exist")
        if v.date is not None and not _EVENT_DATE_RE.fullmatch(v.date):
            bad.append(f"event {v.id}: date {v.date!r} is no date")
    try:
        as_json = doc.to_json()
        again = Document.from_json(as_json)
        if again.to_dict() != doc.to_dict():
            bad.append("the JSON form does not read back to the same document")
        if schema:
            errors = sorted(_schema_validator().iter_errors(json.loads(as_json)), key=str)
            bad += [f"schema: {error.message}" for error in errors[:3]]
        if encodable:
            as_json.encode("utf-8")
    except (ValueError, UnicodeError) as exc:
        bad.append(f"JSON: {type(exc).__name__}: {exc}")
    return bad


def check(inp: Input, *, schema: bool = True) -> Outcome:
    """Run one input through its path; anything but an ``InputError`` escaping is a crash."""
    from marsad.pipeline import InputError, analyze
    from marsad.readers import iter_jsonl, read_document

    try:
        if inp.path == "text":
            doc = analyze(inp.text, published=inp.published)
            text, encodable = inp.text, False
        else:
            if inp.path == "jsonl":
                items = list(iter_jsonl([inp.data]))
                if not items:
                    return Outcome("refused", "a blank line (skipped)")
                item = items[0][1]
                if isinstance(item, InputError):
                    return Outcome("refused", str(item))
                article = item
            else:
                article = read_document(inp.data, "page.html" if inp.path == "html" else "file.txt")
            leaked = [m for m in inp.markers
                      if any(m in str(x) for x in (article.text, article.title, article.meta, article.url))]
            if leaked:
                return Outcome("invariant", f"hidden content reached the article: {leaked}")
            doc = analyze(article.text, published=article.published, id=article.id, title=article.title,
                          url=article.url, meta=article.meta)
            text, encodable = article.text, True
    except InputError as exc:
        return Outcome("refused", str(exc))
    except Exception:
        return Outcome("crash", traceback.format_exc(limit=8))
    bad = invariant_failures(doc, text, schema=schema, encodable=encodable)
    stats = {"mentions": len(doc.mentions), "entities": len(doc.entities), "quotes": len(doc.quotes),
             "events": len(doc.events)}
    return Outcome("invariant", "; ".join(bad[:5]), stats) if bad else Outcome("ok", "", stats)
