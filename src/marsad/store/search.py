"""Arabic-aware full-text search: what is indexed, how a user's query becomes an FTS5 expression, and snippets.

Two columns are indexed for each document, both over the *folded* text (``marsad.text.normalise.fold``: no
diacritics or tatweel, one alef, ڤ→ف ...): ``body`` holds the folded words as written, ``stems`` the same words with
their proclitics removed (و، ف، ب، ل، ك، ال-less forms as the clitic analyser splits them). A query word matches
either its folded form in ``body``/``stems`` or its own clitic-free form in ``stems``, so ويتكوف finds ويتكوڤ and
وويتكوف, and وويتكوف finds ويتكوف.

The query language is deliberately small and can never produce an FTS5 syntax error from user text: words (all
must occur), ``"a phrase"``, ``OR`` between two terms, ``-word`` to exclude, ``word*`` for a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalise import fold
from marsad.text.tokenize import analyse_word

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_QUERY_RE = re.compile(r'(-?)"([^"]*)"|(\S+)')
MAX_QUERY_TERMS = 32


class QueryError(ValueError):
    """A search the store cannot run, with a message for the user (an HTTP 400, not a 500)."""


@lru_cache(maxsize=200_000)
def _stem(folded_word: str) -> str:
    split = analyse_word(folded_word)
    return split.key if split is not None and split.key else folded_word


@lru_cache(maxsize=200_000)
def _stem_forms(folded_word: str) -> str:
    """What the ``stems`` column holds for a word: its clitic-free form; both forms when the split is a guess
    (an unknown word after و may be a name that starts with و: ويتكوف is not و + يتكوف)."""
    split = analyse_word(folded_word)
    if split is None or not split.key:
        return folded_word
    return split.key if split.certain else f"{folded_word} {split.key}"


def index_columns(text: str) -> tuple[str, str]:
    """(body, stems) for the full-text index of ``text``."""
    words = _WORD_RE.findall(fold(text))
    return " ".join(words), " ".join(_stem_forms(w) for w in words)


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]   # folded words (one for a word, several for a phrase)
    prefix: bool = False
    negated: bool = False

    def expression(self) -> str:
        body = " ".join(self.words)
        stems = " ".join(_stem(w) for w in self.words)
        star = "*" if self.prefix else ""
        return f'({{body stems}} : "{body}"{star} OR stems : "{stems}"{star})'


@dataclass(frozen=True)
class Query:
    """A parsed search: groups of alternatives (OR inside a group, AND between groups) and excluded terms."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    def fts(self) -> str:
        parts = [" OR ".join(t.expression() for t in g) if len(g) == 1 else
                 "(" + " OR ".join(t.expression() for t in g) + ")" for g in self.groups]
        expr = " AND ".join(parts)
        if self.excluded:
            expr = f"({expr}) NOT (" + " OR ".join(t.expression() for t in self.excluded) + ")"
        return expr

    def forms(self) -> frozenset[str]:
        """Every folded and clitic-free form a highlighted word may have."""
        out: set[str] = set()
        for g in self.groups:
            for t in g:
                for w in t.words:
                    out.add(w)
                    out.add(_stem(w))
        return frozenset(out)

    def prefixes(self) -> tuple[str, ...]:
        return tuple(t.words[-1] for g in self.groups for t in g if t.prefix)


def parse_query(q: str) -> Query:
    """The user's search text as a :class:`Query`; :class:`QueryError` when nothing is left to search for."""
    if len(q) > 1000:
        raise QueryError("the search is too long (1,000 characters at most)")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    count = 0
    for m in _QUERY_RE.finditer(q):
        neg_phrase, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare == "OR":
            pending_or = bool(groups)
            continue
        negated = bool(neg_phrase) if phrase is not None else bare.startswith("-")
        raw = phrase if phrase is not None else bare.lstrip("-")
        prefix = phrase is None and raw.endswith("*")
        words = tuple(_WORD_RE.findall(fold(raw)))
        if not words:
            continue
        count += 1
        if count > MAX_QUERY_TERMS:
            raise QueryError(f"too many search terms ({MAX_QUERY_TERMS} at most)")
        term = Term(words, prefix=prefix, negated=negated)
        if negated:
            excluded.append(term)
        elif pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if not groups:
        raise QueryError("nothing to search for: give at least one word that is not excluded")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def snippet(text: str, query: Query, width: int = 240) -> tuple[str, list[tuple[int, int]], int]:
    """(snippet, highlighted (start, end) ranges inside it, offset of the snippet in ``text``).

    The snippet is cut from the original text around the first matching word; ranges are character offsets into the
    snippet, so a client can highlight without re-parsing (and must escape the text itself).
    """
    forms, prefixes = query.forms(), query.prefixes()
    hits: list[tuple[int, int]] = []
    for m in _WORD_RE.finditer(text):
        f = fold(m.group())
        if f in forms or _stem(f) in forms or (prefixes and f.startswith(prefixes)):
            hits.append((m.start(), m.end()))
            if len(hits) > 200:
                break
    if not hits:
        start = 0
    else:
        start = max(0, hits[0][0] - width // 3)
        space = text.rfind(" ", 0, start)
        start = 0 if start == 0 or space < 0 or start - space > 20 else space + 1
    end = min(len(text), start + width)
    space = text.find(" ", end)
    if 0 <= space - end <= 20:
        end = space
    ranges = [(s - start, e - start) for s, e in hits if s >= start and e <= end]
    return text[start:end], ranges, start
