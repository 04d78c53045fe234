"""Clitic segmentation accuracy on a gold table of real words in their documents.

The table (``tests/data/clitics/gold.tsv``) lists words from ANT v1.1 articles with their segmentation (pieces joined
by ``+``) and the article they come from. Each article is analysed whole, as the pipeline would, and the word's
pieces are read off the tokens at its first occurrence, so document-level evidence counts as it does in use.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.pipeline import analyze

_FIELD_RE = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)


@dataclass
class CliticScore:
    total: int = 0
    correct: int = 0
    by_sample: Counter[str] = field(default_factory=Counter)
    correct_by_sample: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # word, gold, system, doc

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "words": self.total, "correct": self.correct, "accuracy": round(self.accuracy, 4),
            "by_sample": {k: {"words": v, "accuracy": round(self.correct_by_sample[k] / v, 4)}
                          for k, v in sorted(self.by_sample.items())},
            "errors": [{"word": w, "gold": g, "system": s, "doc": d} for w, g, s, d in self.errors],
        }


def ant_text(ant_root: Path, doc: str) -> str:
    """Title and text of an ANT v1.1 article, as the analyser reads it (title line, then the text)."""
    category = doc.split("-")[1]
    raw = (ant_root / category / f"{doc}.txt").read_text(encoding="utf-8")
    fields = {m.group(1): m.group(2).strip() for m in _FIELD_RE.finditer(raw)}
    return f"{fields.get('TITLE', '')}\n{fields.get('TEXT', '')}"


def segmentation_in(text: str, word: str) -> str | None:
    """The pieces (joined by ``+``) that the tokeniser gives the first whole-word occurrence of ``word``."""
    doc = analyze(text)
    assert doc.tokens is not None
    toks = doc.tokens
    for i, j in toks.word_ranges():
        if text[toks.start[i]:toks.end[j]] == word:
            return "+".join(text[toks.start[k]:toks.end[k]] for k in range(i, j + 1))
    return None


def score(gold: Path, ant_root: Path, sample_file: Path | None = None) -> CliticScore:
    sample_kind: dict[tuple[str, str], str] = {}
    if sample_file is not None and sample_file.is_file():
        for line in sample_file.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            sample_kind[(cols[0], cols[1])] = cols[2]
    result = CliticScore()
    texts: dict[str, str] = {}
    for line in gold.read_text(encoding="utf-8").splitlines()[1:]:
        word, seg, doc = line.split("\t")[:3]
        if doc not in texts:
            texts[doc] = ant_text(ant_root, doc)
        system = segmentation_in(texts[doc], word) or "(not a token)"
        kind = sample_kind.get((word, doc), "all")
        result.total += 1
        result.by_sample[kind] += 1
        if system == seg:
            result.correct += 1
            result.correct_by_sample[kind] += 1
        else:
            result.errors.append((word, seg, system, doc))
    return result
