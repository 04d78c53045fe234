"""Blocks (title, heading, paragraph) and sentences, as offsets over the original text.

Every non-empty line is a block. A short line with no closing punctuation is a heading (the first line, when it looks
so and more follows, is the title); news sites write section headings as bare lines, and they must never run into the
next sentence. Paragraphs are split into sentences after . ! ? ؟ … followed by a space (or a full stop with no space
between two Arabic words), except after an abbreviation (a single letter such as د. or أ., or one listed in
``data/text/abbreviations.tsv``) and inside quotation marks. The Arabic comma ، and the semicolon never end a
sentence; a full stop between digits (3.5) is not followed by a space and so never does either.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from marsad.document import Block, Document, Sentence

#: the longest line (in words) that may still be a heading
MAX_HEADING_WORDS = 20
#: the longest sentence, in characters. News sentences stay far below it (the longest of 2 MB of SaudiNewsNet has
#: 1,350); text with no sentence punctuation, or a stray quotation mark that protects everything after it, would
#: otherwise make one sentence of a whole document, and the stages that compare the names of a sentence with one
#: another would take time growing with its square. A longer sentence is cut after a clause mark (، , ; ؛) or a
#: space in its second half, or, failing both, at the limit.
MAX_SENTENCE_CHARS = 2000

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# whitespace and invisible format characters trimmed from the edges of blocks and sentences
_EDGE = "".join(chr(c) for c in (
    0x20, 0x09, 0xA0, 0x1680, *range(0x2000, 0x2010), *range(0x2028, 0x2030), *range(0x205F, 0x2065),
    *range(0x2066, 0x206A), 0x3000, 0xFEFF, 0x061C, 0x00AD))
_CLOSERS = "\"'»”’)\\]}›"
_TERMINAL = ".!?؟…"
# a run of sentence-final punctuation, the closing quotes and brackets after it, and the space that must follow
# — or a full stop the writer left no space after, between a word of three letters or more and the next sentence's
# first word («محاكمة المتهم بارتكاب الجريمة.وبحسب صحيفة»; not initials, أ.ف.ب، إيه.سي)
_BOUNDARY_RE = re.compile(f"[{re.escape(_TERMINAL)}]+[{re.escape(_CLOSERS)}]*(?=[\\s\u200b-\u200f\u202a-\u202e]|\\Z)"
                          "|(?<=[\u0621-\u064a]{3})\\.(?=[\u0621-\u064a]{3})")
_HEADING_END_RE = re.compile(f"[{re.escape(_TERMINAL)}:؛;,،][{re.escape(_CLOSERS)}\\s]*\\Z")
_QUOTE_RE = re.compile("[«»“”„\"]")
# the end of a heading that asks or exclaims
_ASKED_RE = re.compile(f"[?!؟]+[{re.escape(_CLOSERS)}\\s]*")
# the words that introduce a title in quotation marks (a seminar's, a book's, a campaign's), which may end in ? or !
_TITLED_RE = re.compile(r"(?:عنوان|شعار)\s*\Z")
_WORD_BEFORE_RE = re.compile(r"([^\W_][\w.\u0640]*)\Z")
_ABBREVIATION_WINDOW = 12   # characters looked at before a full stop: the longest abbreviation, and then some
_NUMBER_BEFORE_RE = re.compile(r"\d[\d.,٫٬]*\s*\Z")
_HAS_WORD_RE = re.compile(r"[^\W_]")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Abbreviations:
    never: frozenset[str]
    after_number: frozenset[str]


@lru_cache(maxsize=1)
def _abbreviations() -> _Abbreviations:
    never: set[str] = set()
    after: set[str] = set()
    text = resources.files("marsad").joinpath("data/text/abbreviations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, kind = line.split("\t")
        (never if kind == "never" else after).add(abbr)
    return _Abbreviations(frozenset(never), frozenset(after))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the spaces and invisible format characters at its edges."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(_EDGE))
    return start + left, start + len(piece.rstrip(_EDGE)) if left < len(piece) else start + left


def is_heading_line(line: str, first: bool = False) -> bool:
    """A line that reads as a heading: it has words, at most :data:`MAX_HEADING_WORDS`, and no closing punctuation
    — but an article's first line may end in a question or an exclamation («مرزوق : "شكون قاعد يحكم؟"», «... عن
    "دولة الرعب"!»), as headlines do."""
    end = _HEADING_END_RE.search(line)
    if not _HAS_WORD_RE.search(line) or (end and not (first and _ASKED_RE.fullmatch(end.group()))):
        return False
    return len(_SPACE_RE.split(line.strip())) <= MAX_HEADING_WORDS


def segment_blocks(text: str, title: str | None = None) -> list[Block]:
    """The blocks of ``text``: one per non-empty line, each classified as title, heading or paragraph."""
    spans: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s < e and _HAS_WORD_RE.search(text, s, e):  # a line of punctuation alone (***) is no block
            spans.append((s, e))
    blocks: list[Block] = []
    several = len(spans) > 1
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        kind = "paragraph"
        if title is not None and i == 0 and line.strip() == title.strip():
            kind = "title"
        elif several and is_heading_line(line, first=i == 0):
            kind = "title" if i == 0 else "heading"
        blocks.append(Block(s, e, kind))
    return blocks


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside balanced quotation marks within ``start:end`` (unclosed marks protect nothing)."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_RE.finditer(text, start, end):
        ch, pos = m.group(), m.start()
        if ch == "«":
            stack.append((ch, pos))
        elif ch == "»":
            if stack and stack[-1][0] == "«":
                regions.append((stack.pop()[1], pos + 1))
        elif ch == '"' and stack and stack[-1][0] == '"' and _opens(text, start, pos):
            # a mark shaped as an opening after one left open: the earlier one was never closed and protects
            # nothing («أن "الاحتجاج ... المعاملة. وأشار إلى أنه "يتعيّن ... "»)
            stack[-1] = (ch, pos)
        elif stack and stack[-1][0] != "«":
            # “ ” „ and " pair with one another in either order: Arabic sites mix and mirror them
            regions.append((stack.pop()[1], pos + 1))
        elif ch == '"' and pos > start and not text[pos - 1].isspace() and text[pos - 1] != ":" and \
                (pos + 1 >= end or text[pos + 1].isspace() or text[pos + 1] in ".،,؛:"):
            continue    # a closing mark whose opening the writer left out («ليس غريبا على فلان" على حد تعبيره»); after
            #             a colon a mark opens what is said, spaced or not («وبيّن الوزير :" لقد أطلقنا ...»)
        else:
            stack.append((ch, pos))
    return regions


def _opens(text: str, start: int, pos: int) -> bool:
    """Whether the straight mark at ``pos`` is shaped as an opening one: after a space, a colon or the paragraph's
    start, and before a letter."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before == ":") and after.isalpha()


def _is_abbreviation(text: str, block_start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    window = max(block_start, dot - _ABBREVIATION_WINDOW)
    m = _WORD_BEFORE_RE.search(text, window, dot)
    if not m or (m.start() == window and window > block_start and _HAS_WORD_RE.match(text[window - 1])):
        return False   # the word before is longer than any abbreviation
    word = m.group(1).replace("\u0640", "")
    abbr = _abbreviations()
    bare = m.group(1)
    if bare in abbr.after_number or word in abbr.after_number:
        return not _NUMBER_BEFORE_RE.search(text, max(block_start, m.start() - 40), m.start())
    if bare in abbr.never or word in abbr.never:
        return True
    # a single letter, or letters joined by full stops (U.S, أ.ف.ب): initials
    letters = word.split(".")
    return all(len(p) == 1 for p in letters if p) and any(letters)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]``."""
    # quotation regions by where they open, with the furthest close among those opened so far: a boundary lies inside
    # one that closes later when a region opened before it closes after it (one look-up, not a scan of all regions)
    regions = sorted(_quote_regions(text, start, end))
    opens = [rs for rs, _ in regions]
    closes = list(accumulate((re_ for _, re_ in regions), max))
    cuts: list[int] = []
    for m in _BOUNDARY_RE.finditer(text, start, end):
        b = m.end()
        k = bisect_left(opens, m.start())
        if k and closes[k - 1] > b:
            continue  # inside quotation marks that close later
        first = m.start()
        if text[first] == "." and m.group().rstrip(_CLOSERS) == "." and _is_abbreviation(text, start, first):
            continue
        if k and m.start() < closes[k - 1] <= b and _TITLED_RE.search(text, max(start, opens[k - 1] - 12),
                                                                         opens[k - 1]):
            continue  # the title of an event or a work in quotation marks (تحت عنوان "أي مصير للعائدين؟" أنه)
        cuts.append(b)
    out: list[tuple[int, int]] = []
    prev = start
    for c in [*cuts, end]:
        s, e = _trim(text, prev, c)
        if s < e:
            if out and not _HAS_WORD_RE.search(text, s, e):
                out[-1] = (out[-1][0], e)  # punctuation alone joins the sentence before it
            else:
                out.append((s, e))
        prev = c
    return out


def cap_length(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``start:end`` as pieces of at most ``limit`` characters (see :data:`MAX_SENTENCE_CHARS`), trimmed."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        half, cut = start + limit // 2, -1
        for i in range(start + limit - 1, half - 1, -1):   # the last clause mark followed by a space
            if text[i] in "،,;؛" and text[i + 1].isspace():
                cut = i + 1
                break
        if cut < 0:
            cut = next((i for i in range(start + limit - 1, half - 1, -1) if text[i].isspace()), start + limit)
        s, e = _trim(text, start, cut)
        if s < e:
            pieces.append((s, e))
        start = cut
    s, e = _trim(text, start, end)
    if s < e:
        pieces.append((s, e))
    return pieces


def segment(doc: Document) -> None:
    """Fill ``doc.blocks`` and ``doc.sentences``. A heading or title is one sentence of its own (unless longer than
    :data:`MAX_SENTENCE_CHARS`, as every sentence)."""
    doc.blocks = segment_blocks(doc.text, doc.title)
    sentences: list[Sentence] = []
    text = doc.text
    for i, b in enumerate(doc.blocks):
        spans = split_sentences(text, b.start, b.end) if b.kind == "paragraph" else [(b.start, b.end)]
        for s, e in spans:
            if e - s <= MAX_SENTENCE_CHARS:
                sentences.append(Sentence(s, e, i))
            else:
                sentences.extend(Sentence(ps, pe, i) for ps, pe in cap_length(text, s, e))
    doc.sentences = sentences
