"""Tokens with their original offsets, and Arabic proclitics split off into sub-tokens of their own.

Tokens are found on the original text (words keep their diacritics; invisible format characters are skipped), so
their offsets need no mapping; each carries its normalised form for matching and models. A word is then split into
proclitics + rest (و ف, ب ل ك, the future س, and their combinations; ل before the article, whose alif is not
written, as in للولايات = ل + لولايات, whose rest is normalised back to الولايات) when the rest is a word: the rest is
frequent in the news lexicon (``data/text/lexicon.tsv``, counted from the ANT corpus) compared with the whole, or it
stands alone elsewhere in the same document (وويتكوڤ next to ويتكوف). Words that merely start with those letters
(وزير، بوتين، لبنان، فرنسا) stay whole. The clitic inventory and the words never split are data
(``data/text/clitics.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from marsad.document import Document
from marsad.text.normalise import fold

WORD, NUMBER, PUNCT, CLITIC = 0, 1, 2, 3
KIND_NAMES = ("word", "number", "punct", "clitic")

#: a rest must be seen at least this often in the lexicon to count as a word
MIN_COUNT = 5
#: ... or, after a conjunction, where both the word and its rest are rare, the rest's light stem this often
MIN_COUNT_RARE = 2
#: a word seen this often with the article (الوزير), and at least this share as often as without it, is a noun
#: in its own right, not clitic + rest (وزير); the share keeps الفان («ألفان») from protecting فإن
ARTICLE_EVIDENCE = 2
ARTICLE_SHARE = 0.1

_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u08d3-\u08ff\u200c\u200d\ufe20-\ufe2f"
)
_ARABIC_LETTERS = (
    "\u0621-\u065f\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
)
TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[.,٫٬]\d+)*)"
    # an Arabic word never takes digits in (و1,200 is و + 1,200); a Latin one may (G20)
    f"|(?P<word>[{_ARABIC_LETTERS}{_MARKS}]+|(?:[^\\W\\d_]|[{_MARKS}])(?:[^\\W_{_ARABIC_LETTERS}]|[{_MARKS}])*)"
    r"|(?P<punct>\.{2,}|[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad])"
)


class Token(NamedTuple):
    """One token, for reading and tests; the pipeline uses the columns of :class:`Tokens` directly."""

    start: int
    end: int
    text: str
    norm: str
    kind: str
    word: int
    sentence: int


class Tokens:
    """Column store of a document's tokens: parallel lists, one entry per token or clitic sub-token.

    ``word`` numbers the whitespace/punctuation-delimited words: a clitic and the rest it was split from share one.
    """

    __slots__ = ("end", "kind", "norm", "sentence", "start", "word")

    def __init__(self) -> None:
        self.start: list[int] = []
        self.end: list[int] = []
        self.norm: list[str] = []
        self.kind: list[int] = []
        self.word: list[int] = []
        self.sentence: list[int] = []

    def __len__(self) -> int:
        return len(self.start)

    def word_ranges(self) -> Iterator[tuple[int, int]]:
        """(first, last) token index of each word: a word's proclitics and its rest share one word number."""
        n, i = len(self.start), 0
        while i < n:
            j = i
            while j + 1 < n and self.word[j + 1] == self.word[i]:
                j += 1
            yield i, j
            i = j + 1

    def rows(self, text: str) -> Iterator[Token]:
        for i in range(len(self.start)):
            s, e = self.start[i], self.end[i]
            yield Token(s, e, text[s:e], self.norm[i], KIND_NAMES[self.kind[i]], self.word[i], self.sentence[i])


# -- clitic knowledge -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CliticRules:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    future: tuple[str, ...]
    future_before: frozenset[str]
    pronoun_suffixes: frozenset[str]
    never_split: frozenset[str]
    suffix_set: frozenset[str]
    longest_suffix: int
    verb_prefixes: frozenset[str]
    ratios: dict[str, float]
    lexicon: dict[str, int]
    names: frozenset[str]
    first_letters: frozenset[str]   # the letters a word with a proclitic can start with


@lru_cache(maxsize=1)
def clitic_rules() -> CliticRules:
    pkg = resources.files("marsad")
    rows: dict[str, list[str]] = {}
    for line in pkg.joinpath("data/text/clitics.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, forms = line.split("\t")
            rows[kind] = forms.split()
    lexicon: dict[str, int] = {}
    lex = pkg.joinpath("data/text/lexicon.tsv")
    if lex.is_file():
        for line in lex.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                w, c = line.split("\t")
                lexicon[w] = int(c)
    names_file = pkg.joinpath("data/text/names.txt")
    names = frozenset(
        line for line in (names_file.read_text(encoding="utf-8").splitlines() if names_file.is_file() else ())
        if line and not line.startswith("#")
    )
    return CliticRules(
        conjunctions=tuple(rows["conjunction"]), prepositions=tuple(rows["preposition"]),
        future=tuple(rows["future"]), future_before=frozenset(rows["future_before"]),
        pronoun_suffixes=frozenset(rows["pronoun_suffix"]), never_split=frozenset(rows["never_split"]),
        suffix_set=frozenset(rows["suffix"]), longest_suffix=max(map(len, rows["suffix"])),
        verb_prefixes=frozenset(rows["verb_prefix"]),
        ratios={c: float(x) for c, x in (item.split("=") for item in rows["ratio"])},
        lexicon=lexicon, names=names,
        first_letters=frozenset(rows["conjunction"] + rows["preposition"] + rows["future"]),
    )


class _Split(NamedTuple):
    cuts: tuple[int, ...]      # cut points in the normalised word
    key: str                   # the normalised rest (with the article's alif restored after ل)
    certain: bool              # False: split only if the rest stands alone in the same document


def _evidence(r: CliticRules, w: str) -> int:
    """How often ``w`` is seen as a word: itself, plus its definite or indefinite twin (صدد: also الصدد)."""
    lex = r.lexicon
    twin = w[2:] if w.startswith("ال") else "ال" + w
    return lex.get(w, 0) + lex.get(twin, 0)


@lru_cache(maxsize=100_000)
def _bases_of(w: str, verbs: bool) -> tuple[str, ...]:
    return tuple(_bases(clitic_rules(), w, verbs))


def _bases(r: CliticRules, w: str, verbs: bool) -> list[str]:
    """``w`` and its light stems: suffixes off (ديونها: ديون), and, for verbs, the imperfect prefix (يمنح: منح)."""
    bases = [w]
    suffixes = r.suffix_set
    for size in range(1, min(r.longest_suffix, len(w) - 3) + 1):
        if w[-size:] in suffixes:
            base = w[:-size]
            bases.append(base)
            if base.endswith("ت"):
                bases.append(base[:-1] + "ه")   # مرجعيتها: مرجعيت -> مرجعيه (ة is written ت before a suffix)
            elif base.endswith(("ئ", "ؤ")):
                bases.append(base[:-1] + "ء")   # أوليائهم: أولياء (a final hamza takes a seat before a suffix)
    if verbs:
        bases += [b[1:] for b in bases if b[:1] in r.verb_prefixes and len(b) >= 4]
    return bases


def _stem_count(r: CliticRules, w: str, verbs: bool) -> int:
    """The evidence for ``w`` or for its light stem, whichever is larger."""
    return max(_evidence(r, b) for b in _bases_of(w, verbs))


def _article_count(r: CliticRules, w: str) -> int:
    """How often ``w``, or its light stem, is seen with the article: الوزير for وزير, الولاية for ولايته."""
    return max(r.lexicon.get("ال" + b, 0) for b in _bases_of(w, False) if b == w or len(b) >= 4)


#: a word that is a known name and whose rest after a preposition is one too stays whole unless the rest is this
#: many times more common (بيونغ 15 : يونغ 31 stays whole; بسام, a name, against سام...)
NAME_RATIO = 3
#: ... unless the rest is a common word in its own right (باسم, a name, is mostly ب + اسم)
COMMON_REST = 100


def _is_word(r: CliticRules, whole: str, rest: str, clitic: str) -> bool:
    """Whether ``whole`` reads as ``clitic`` + ``rest`` on the lexicon's evidence.

    The rest must be a word in its own right: seen, with its light stem, at least MIN_COUNT times and not too rarely
    beside the whole (each clitic has its own ratio: و is so common that وأضاف is و + أضاف although أضاف alone is
    rarer). The whole must not itself be a noun: a word seen often enough with the article (الوزير) is a word (وزير),
    not a clitic and a rest. Where the word and its rest are both rare, a conjunction needs less evidence, and a
    conjunction or preposition before the article (والفيصلي) is split on sight.
    """
    if len(rest) < 2:
        return False
    lex = r.lexicon
    rare = lex.get(whole, 0) < MIN_COUNT and _evidence(r, rest) < MIN_COUNT
    conjunction = clitic in r.conjunctions   # a verb may follow a conjunction; a preposition takes a noun
    if clitic in r.future:
        count = lex.get(rest, 0)   # only a verb seen as such follows س
        rare = False
    else:
        if rare and rest.startswith("ال") and len(rest) >= 4:
            return True
        count = _stem_count(r, rest, conjunction)
        rare = rare and conjunction
    if count < (MIN_COUNT_RARE if rare else MIN_COUNT):
        return False     # decided before the (costlier) look at the whole word
    whole_count = lex.get(whole, 0) if clitic in r.future else _stem_count(r, whole, conjunction)
    with_article = _article_count(r, whole)
    if with_article >= ARTICLE_EVIDENCE and with_article >= ARTICLE_SHARE * lex.get(whole, 0):
        return False
    return count >= r.ratios.get(clitic, 1.0) * whole_count


def _conjunction_and_name(r: CliticRules, rest: str) -> bool:
    """Whether what follows a preposition reads as a conjunction and a name (وجمعه، وعلي): no preposition stands
    before a conjunction, so the whole word is one (بوجمعة، وبوعلي)."""
    if rest[:1] not in r.conjunctions or len(rest) < 3 or rest[1:] not in r.names:
        return False
    split = analyse_word(rest)
    return split is not None and split.certain and split.cuts[0] == 1


def _inner(r: CliticRules, n: str) -> tuple[int, str] | None:
    """A preposition or the future marker at the start of ``n``: (its length, the rest's key), if ``n`` splits so."""
    if n in r.never_split:
        return None
    head, rest = n[:1], n[1:]
    if head in r.future:
        # (only a verb follows the future marker, never a name: «سيونغ» is a name, not س + يونغ)
        ok = rest[:1] in r.future_before and rest not in r.names and _is_word(r, n, rest, head)
        return (1, rest) if ok else None
    if head not in r.prepositions or rest in r.pronoun_suffixes or _conjunction_and_name(r, rest):
        return None
    if head == "ل" and rest.startswith("ل") and _is_word(r, n, "ا" + rest, head):
        return 1, "ا" + rest   # ل + (ا)ل...: the article's alif is not written after ل
    return (1, rest) if _is_word(r, n, rest, head) else None


@lru_cache(maxsize=200_000)
def analyse_word(n: str) -> _Split | None:
    """How the normalised word ``n`` splits, judged on the lexicon (None: it stays whole).

    A conjunction first (و ف), then a preposition or the future marker on what is left, each step judged by
    :func:`_is_word`. A word the lexicon does not know, whose rest it does not know either, gets an uncertain split
    that the tokeniser takes only if the rest stands alone elsewhere in the same document.
    """
    r = clitic_rules()
    head, rest = n[:1], n[1:]
    if head not in r.first_letters or len(n) < 3 or n in r.never_split:
        return None
    if n in r.names and rest not in r.names:
        return None   # a known name (لبنان, وليد) is not a clitic before something else
    if head in r.prepositions and n in r.names and rest in r.names and \
            r.lexicon.get(n, 0) * NAME_RATIO >= r.lexicon.get(rest, 0) and r.lexicon.get(rest, 0) < COMMON_REST:
        return None   # both names, the whole about as common as a rare rest: بيونغ (يانغ) is not ب + يونغ
    if head in r.prepositions and _conjunction_and_name(r, rest):
        return None   # a preposition never precedes a conjunction: بوجمعة، بوعلي، بوروسيا are names, not ب + و + name
    if head in r.conjunctions:
        inner = _inner(r, rest)
        if inner is not None and _is_word(r, n, inner[1], head):
            return _Split((1, 1 + inner[0]), inner[1], True)
        if _is_word(r, n, rest, head):
            return _Split((1,), rest, True)
    inner = _inner(r, n)
    if inner is not None:
        return _Split((inner[0],), inner[1], True)
    if r.lexicon.get(n, 0) < MIN_COUNT and len(rest) >= 3 and (head in r.conjunctions or head in r.prepositions):
        return _Split((1,), rest, False)
    return None


def _orig_cut(token: str, k: int) -> int:
    """Offset in ``token`` after its first ``k`` normalised characters and the marks attached to them."""
    if k == 0:
        return 0
    produced = 0
    for i, ch in enumerate(token):
        produced += len(fold(ch))
        if produced >= k:
            j = i + 1
            while j < len(token) and not fold(token[j]):
                j += 1
            return j
    return len(token)


# -- tokenisation ---------------------------------------------------------------------------------------------------
#: pieces of a token: (start, end) relative to the token, normalised form, kind
_Pieces = tuple[tuple[int, int, str, int], ...]


class _TokenInfo(NamedTuple):
    kind: int
    norm: str
    pieces: _Pieces | None     # the token's clitic split, None when it stays whole
    key: str | None            # for an uncertain split: the rest that must stand alone in the document
    certain: bool


def _analyse_token(tok: str, group: str | None) -> _TokenInfo:
    n = fold(tok)
    if group != "word":
        return _TokenInfo(NUMBER if group == "number" else PUNCT, n, None, None, True)
    split = analyse_word(n)
    if split is None:
        return _TokenInfo(WORD, n, None, None, True)
    pieces: list[tuple[int, int, str, int]] = []
    prev_n = prev_o = 0
    for cut in split.cuts:
        oc = _orig_cut(tok, cut)
        if oc <= prev_o or oc >= len(tok):
            # the cut falls inside one original character (a ligature such as ﷁ): keep the token whole
            return _TokenInfo(WORD, n, None, None, True)
        pieces.append((prev_o, oc, n[prev_n:cut], CLITIC))
        prev_n, prev_o = cut, oc
    pieces.append((prev_o, len(tok), split.key, WORD))
    return _TokenInfo(WORD, n, tuple(pieces), split.key, split.certain)


class _TokenCache(dict[str, _TokenInfo]):
    """What each distinct token string normalises and splits to: news vocabulary is Zipfian, so almost every token
    is a cache hit. Tokens that stay whole are also kept, as (norm, kind), in ``_WHOLE`` for the tokeniser's fast
    path. Bounded: both are cleared when they grow past ``limit`` entries."""

    limit = 300_000

    def get_info(self, tok: str, group: str | None) -> _TokenInfo:
        info = self.get(tok)
        if info is None:
            if len(self) >= self.limit:
                self.clear()
                _WHOLE.clear()
            info = self[tok] = _analyse_token(tok, group)
            if info.pieces is None:
                _WHOLE[tok] = (info.norm, info.kind)
        return info


_CACHE = _TokenCache()
_WHOLE: dict[str, tuple[str, int]] = {}


def tokenize(doc: Document) -> Tokens:
    """Tokenise every sentence of ``doc`` (segment it first) into ``doc.tokens``.

    An uncertain split (an unknown word whose rest is unknown too: وويتكوڤ) is taken only when the rest stands alone
    elsewhere in the same document (ويتكوف), which is known once the whole document has been read.
    """
    tokens = Tokens()
    doc.tokens = tokens
    sentences = doc.sentences
    if not sentences:
        return tokens
    text = doc.text
    whole, get_info = _WHOLE, _CACHE.get_info
    starts, ends, norms, kinds, words, sents = (tokens.start, tokens.end, tokens.norm, tokens.kind, tokens.word,
                                                tokens.sentence)
    a_start, a_end, a_norm, a_kind, a_word, a_sent = (starts.append, ends.append, norms.append, kinds.append,
                                                      words.append, sents.append)
    uncertain: list[tuple[int, int, int, _TokenInfo]] = []   # (token index, start, sentence, info)
    word = -1
    finditer = TOKEN_RE.finditer
    for k, sentence in enumerate(sentences):
        for m in finditer(text, sentence.start, sentence.end):
            word += 1
            tok = m.group()
            simple = whole.get(tok)
            if simple is not None:          # the common case: a token that stays whole
                a_start(m.start())
                a_end(m.end())
                a_norm(simple[0])
                a_kind(simple[1])
                a_word(word)
                a_sent(k)
                continue
            info = get_info(tok, m.lastgroup)
            s = m.start()
            if info.pieces is not None and _acronym(text, s, m.end()):
                info = _TokenInfo(WORD, info.norm, None, None, True)
            if info.pieces is not None and info.certain:
                for ps, pe, pn, pk in info.pieces:
                    a_start(s + ps)
                    a_end(s + pe)
                    a_norm(pn)
                    a_kind(pk)
                    a_word(word)
                    a_sent(k)
                continue
            if info.pieces is not None:
                uncertain.append((len(starts), s, k, info))
            a_start(s)
            a_end(m.end())
            a_norm(info.norm)
            a_kind(info.kind)
            a_word(word)
            a_sent(k)
    if uncertain:
        _resolve_uncertain(tokens, uncertain)
    return tokens


#: the longest word read as an acronym when it stands alone in parentheses: «(واس)»، «(كونا)»
MAX_ACRONYM_LETTERS = 4


def _acronym(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands alone inside parentheses and is short: an agency's acronym (واس،
    وام، بنا) whose first letter is no conjunction or preposition, even where the rest is a word (اس)."""
    return (end - start <= MAX_ACRONYM_LETTERS and start > 0 and text[start - 1] == "(" and end < len(text)
            and text[end] == ")")


def _resolve_uncertain(tokens: Tokens, uncertain: list[tuple[int, int, int, _TokenInfo]]) -> None:
    """Split, in place, the uncertain words whose rest stands alone in the document."""
    standalone = {n for n, kd in zip(tokens.norm, tokens.kind, strict=False) if kd == WORD}
    splits = [(i, s, k, info.pieces) for i, s, k, info in uncertain
              if info.key in standalone and info.pieces is not None]
    if not splits:
        return
    # the columns are rebuilt in one pass: splicing each split into the lists in place was quadratic
    old: tuple[list[Any], ...] = (tokens.start, tokens.end, tokens.norm, tokens.kind, tokens.word, tokens.sentence)
    new: tuple[list[Any], ...] = ([], [], [], [], [], [])
    done = 0
    for i, s, k, pieces in splits:
        for col, values in zip(new, old, strict=True):
            col.extend(values[done:i])
        word = tokens.word[i]
        for ps, pe, pn, pk in pieces:
            for col, value in zip(new, (s + ps, s + pe, pn, pk, word, k), strict=True):
                col.append(value)
        done = i + 1
    for col, values in zip(new, old, strict=True):
        col.extend(values[done:])
    tokens.start, tokens.end, tokens.norm, tokens.kind, tokens.word, tokens.sentence = new


@dataclass
class SentenceView:
    """One sentence's tokens without their proclitics: what the phrase-based stages read («وقال» is قال)."""

    index: int
    start: int
    end: int
    view: list[int]          # token indices of the sentence's non-clitic tokens
    norms: list[str]         # their normalised forms


def sentence_views(doc: Document) -> list[SentenceView]:
    """A :class:`SentenceView` for every sentence of ``doc`` (tokenise it first)."""
    toks = doc.tokens
    assert toks is not None
    out = [SentenceView(i, s.start, s.end, [], []) for i, s in enumerate(doc.sentences)]
    for t in range(len(toks)):
        if toks.kind[t] != CLITIC:
            v = out[toks.sentence[t]]
            v.view.append(t)
            v.norms.append(toks.norm[t])
    return out


#: relative pronouns (normalised)
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي"})
#: third-person pronouns as written on a noun or verb (مطالبته، دعمها، لقائهم، زيارتهما; normalised, ه is also the ة of
#: a feminine noun)
WRITTEN_POSSESSIVES = ("ه", "ها", "هم", "هما")
#: normalised words that begin with ال without being definite: إلى, إلا, الآن and the relative pronouns
ARTICLE_LOOKALIKES = frozenset({"الي", "الا", "الان"}) | RELATIVE_PRONOUNS


def definite(norm: str) -> bool:
    """Whether a normalised word carries the article (الوزارة), not only its letters (إلى، التي)."""
    return norm.startswith("ال") and len(norm) > 3 and norm not in ARTICLE_LOOKALIKES


def reads_whole(form: str) -> bool:
    """Whether the tokeniser reads a word-list form (words joined by ``_``) as written, no letter taken for a
    proclitic: «فتحت» is ف + تحت and «وصفه» و + صفه, so as keys they would match other words (تحت، صفة)."""
    return "".join(phrase_norms(form.replace("_", " "))) == fold(form.replace("_", ""))


def phrase_norms(phrase: str) -> tuple[str, ...]:
    """The normalised forms of the tokens of ``phrase`` without its proclitics, as the tokeniser sees them: the key
    under which lexicon phrases (month names, title words...) are matched against a document's tokens."""
    out: list[str] = []
    for m in TOKEN_RE.finditer(phrase):
        info = _CACHE.get_info(m.group(), m.lastgroup)
        if info.pieces is None or not info.certain:
            out.append(info.norm)
        else:
            out.extend(pn for _, _, pn, pk in info.pieces if pk != CLITIC)
    return tuple(out)
