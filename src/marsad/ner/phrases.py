"""Phrase tables: words and multi-word phrases with roles, matched against a sentence's normalised tokens.

The rule-based recognisers (values, titles) keep their words in data files; this is the one mechanism that loads
them (keys are normalised exactly as the tokeniser normalises text, proclitics removed) and finds, at a position of
a sentence, every role of the phrases that start there.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any

from marsad.text.tokenize import phrase_norms


def read_rows(name: str, folder: str = "ner") -> list[list[str]]:
    """The tab-separated rows of ``data/<folder>/<name>``, comments and blank lines skipped."""
    text = resources.files("marsad").joinpath(f"data/{folder}/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


class PhraseTable:
    """Phrases (written with spaces; underscores stand for spaces) mapped to {role: payload}."""

    def __init__(self, entries: Iterable[tuple[str, str, Any]]) -> None:
        self.phrases: dict[tuple[str, ...], dict[str, Any]] = {}
        for phrase, role, payload in entries:
            key = phrase_norms(phrase.replace("_", " "))
            if key:
                self.phrases.setdefault(key, {})[role] = payload
        self.max_len = max(map(len, self.phrases), default=1)
        self.first_words = frozenset(k[0] for k in self.phrases)

    def first_words_for(self, roles: frozenset[str]) -> frozenset[str]:
        """First words of the phrases that have any of ``roles``."""
        return frozenset(k[0] for k, r in self.phrases.items() if roles & r.keys())

    def roles_at(self, norms: list[str], p: int) -> dict[str, tuple[int, Any]]:
        """Every role of a phrase starting at ``norms[p]``, with (end, payload) of the longest such phrase."""
        found: dict[str, tuple[int, Any]] = {}
        if p < len(norms) and norms[p] in self.first_words:
            for size in range(min(self.max_len, len(norms) - p), 0, -1):
                for role, payload in self.phrases.get(tuple(norms[p:p + size]), {}).items():
                    found.setdefault(role, (p + size, payload))
        return found

    def next_match(self, norms: list[str], p: int, role: str) -> tuple[int, int, Any] | None:
        """The first phrase with ``role`` starting at or after ``p``: (start, end, payload) of the longest there."""
        found = self.next_match_of(norms, p, (role,))
        return None if found is None else found[:3]

    def next_match_of(self, norms: list[str], p: int, roles: tuple[str, ...]) -> tuple[int, int, Any, str] | None:
        """The first phrase with any of ``roles`` starting at or after ``p``: (start, end, payload, role), the role
        the first of ``roles`` that starts there."""
        while p < len(norms):
            here = self.roles_at(norms, p)
            for role in roles:
                if role in here:
                    return p, here[role][0], here[role][1], role
            p += 1
        return None
