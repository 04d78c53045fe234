"""Word features for the named-entity tagger (a linear-chain CRF over words).

A word is a whitespace/punctuation-delimited word with its proclitics attached, as in the CoNLL training data
(ANERcorp writes «وبوتين»). Features: the normalised word and its proclitic-stripped analyses, affixes, shape, word
clusters learned from the ANT news corpus (k-means over word2vec vectors, optionally Brown clusters), membership in
gazetteers (places, person-name tokens, transliterated names, actor names; single words and multi-word spans), trigger
words around it (الرئيس، وزير، مدينة، شركة), and, in the second pass, how the same word was tagged elsewhere in the
document. Everything is read from ``data/ner/resources``; the configuration travels with the model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.text.normalise import Folds, fold

#: the features' normalisation: every fold, hamza carriers included (مسؤول and مسئول look alike to the tagger)
NER_FOLDS = Folds(waw_hamza=True, ya_hamza=True)
_ARABIC_RE = re.compile("[\u0621-\u064a]")

DEFAULT_CONFIG: dict[str, Any] = {
    "window": 2,
    "affix": True,
    "stem": True,
    "brown": True,
    "brown_prefixes": [4, 6, 10, 20],
    "kmeans": True,
    "gaz": True,
    "trig": True,
    "cluster_window": 2,
    "doc": False,
}
GAZETTEERS = ("loc", "per_tok", "translit", "actor")
MULTI_WORD_GAZETTEERS = ("loc", "actor")
TRIGGER_LISTS = ("per_trig", "loc_trig", "org_trig")


@lru_cache(maxsize=100_000)
def normalize(word: str) -> str:
    """A word or name in the tagger's normalisation (cached: the same words recur in every article)."""
    return fold(word, NER_FOLDS)


def strip_proclitics(w: str, min_len: int = 2) -> list[tuple[str, str]]:
    """(prefix, stem) analyses of a normalised word, longest prefix first, the whole word last.

    Conjunction (و ف) + preposition (ب ل ك) + article (ال), and لل = ل + ال. Deliberately generous: these are
    features, and the model learns which analyses to trust.
    """
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for conj in ("", "و", "ف"):
        if conj and not w.startswith(conj):
            continue
        r1 = w[len(conj):]
        for prep in ("", "ب", "ل", "ك"):
            if prep and not r1.startswith(prep):
                continue
            r2 = r1[len(prep):]
            for art in ("", "ال"):
                if art and not r2.startswith(art):
                    continue
                r3 = r2[len(art):]
                pre = conj + prep + art
                if prep == "ل" and not art and r3.startswith("ل") and len(r3) > min_len:
                    r4 = r3[1:]
                    if len(r4) >= min_len and r4 not in seen:
                        out.append((pre + "ل", r4))
                        seen.add(r4)
                if len(r3) >= min_len and r3 not in seen:
                    out.append((pre, r3))
                    seen.add(r3)
    out.sort(key=lambda x: -len(x[0]))
    if w not in seen:
        out.append(("", w))
    return out


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "D"
    if _ARABIC_RE.search(tok):
        return "A"
    if tok.isalpha():
        return "L"
    if all(not c.isalnum() for c in tok):
        return "P"
    return "X"


def _read_list(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as f:
        return {" ".join(normalize(t) for t in line.split()) for line in f if line.strip()}


WordInfo = tuple[dict[str, str], dict[str, str], list[str], str]   # features, context features, triggers, stem


#: words whose features are kept between documents. A word's features with their context contributions take a few
#: kilobytes, so this bounds the tagger's memory (~150 MB); news vocabulary is Zipfian, so the hit rate stays high.
CACHE_WORDS = 40_000


@dataclass
class Featurizer:
    """Turns a sentence (a list of words) into CRF feature dicts, from resources in ``resource_dir``."""

    resource_dir: Path
    config: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cfg = {**DEFAULT_CONFIG, **self.config}
        rdir = self.resource_dir
        self.brown: dict[str, str] = {}
        self.freq: dict[str, int] = {}
        if self.cfg["brown"] and (rdir / "brown.tsv").is_file():
            for line in (rdir / "brown.tsv").read_text(encoding="utf-8").splitlines():
                w, path, c = line.split("\t")
                self.brown[w] = path
                self.freq[w] = int(c)
        self.kmeans: dict[str, list[str]] = {}
        if self.cfg["kmeans"] and (rdir / "kmeans.tsv").is_file():
            for line in (rdir / "kmeans.tsv").read_text(encoding="utf-8").splitlines():
                p = line.split("\t")
                self.kmeans[p[0]] = p[1:]
        self.gaz = {name: _read_list(rdir / "gaz" / f"{name}.txt") for name in GAZETTEERS} if self.cfg["gaz"] else {}
        self.gaz_multi = {k: v for k, v in self.gaz.items() if k in MULTI_WORD_GAZETTEERS}
        self._gaz_first_words = frozenset(e.split(" ", 1)[0] for v in self.gaz_multi.values() for e in v if " " in e)
        self.max_gaz_len = 4
        self.trig = ({name: _read_list(rdir / "lists" / f"{name}.txt") for name in TRIGGER_LISTS}
                     if self.cfg["trig"] else {})
        self._cache: dict[str, WordInfo] = {}
        self._ctx_cache: dict[str, list[dict[str, Any]]] = {}

    def _lookup_key(self, n: str, table: dict[str, Any]) -> str | None:
        if n in table:
            return n
        for pre, stem in strip_proclitics(n):
            if pre and stem in table:
                return stem
            if pre and "ال" + stem in table:
                return "ال" + stem
        return None

    def word_info(self, tok: str) -> WordInfo:
        """Context-free features of one word (cached per word string)."""
        info = self._cache.get(tok)
        if info is not None:
            return info
        if len(self._cache) > CACHE_WORDS:
            self._cache.clear()
            self._ctx_cache.clear()
        cfg = self.cfg
        n = normalize(tok)
        if not n.isascii():
            n = n.encode("utf-8", "replace").decode("utf-8")   # a lone surrogate cannot be a CRF feature
        f: dict[str, str] = {"w": n, "sh": _shape(tok)}
        an = strip_proclitics(n)
        if cfg["stem"]:
            pre, stem = an[0]
            f["stem"] = stem
            f["pre"] = pre
            f["lem"] = n[2:] if n.startswith("ال") and len(n) > 4 else stem
        if cfg["affix"]:
            s = an[0][1]
            f.update({"p2": n[:2], "p3": n[:3], "s2": n[-2:], "s3": n[-3:], "sp2": s[:2], "ss2": s[-2:],
                      "ss3": s[-3:], "len": str(min(len(s), 8))})
        ctx: dict[str, str] = {}
        if self.brown:
            k = self._lookup_key(n, self.brown)
            if k is not None:
                path = self.brown[k]
                for p in cfg["brown_prefixes"]:
                    f[f"b{p}"] = ctx[f"b{p}"] = path[:p]
                fr = self.freq.get(k, 0)
                f["fq"] = "3" if fr > 100 else "2" if fr > 10 else "1"
            else:
                f["fq"] = "0"
                ctx["b4"] = "OOV"
        if self.kmeans:
            k = self._lookup_key(n, self.kmeans)
            if k is not None:
                for i, c in enumerate(self.kmeans[k]):
                    f[f"k{i}"] = ctx[f"k{i}"] = c
        for name, entries in self.gaz.items():
            hit = n in entries or any(pre and (stem in entries or "ال" + stem in entries) for pre, stem in an)
            if hit:
                f["g_" + name] = "1"
        tg = [name for name, entries in self.trig.items() if n in entries or an[0][1] in entries
              or f.get("lem") in entries]
        info = (f, ctx, tg, an[0][1])
        self._cache[tok] = info
        return info

    def _gaz_spans(self, norms: list[str], stems: list[str]) -> list[dict[str, str]]:
        """B/I membership of multi-word gazetteer entries (2 to max_gaz_len words)."""
        n = len(norms)
        marks: list[dict[str, str]] = [{} for _ in range(n)]
        if not self.gaz_multi:
            return marks
        firsts = self._gaz_first_words
        for i in range(n):
            if norms[i] not in firsts and stems[i] not in firsts:
                continue
            for size in range(2, min(self.max_gaz_len, n - i) + 1):
                rest = norms[i + 1:i + size]
                for first in (norms[i], stems[i]):
                    span = " ".join([first, *rest])
                    for name, entries in self.gaz_multi.items():
                        if span in entries:
                            marks[i]["mg_" + name] = "B"
                            for j in range(i + 1, i + size):
                                marks[j]["mg_" + name] = "I"
        return marks

    def _contributions(self, tok: str) -> list[dict[str, Any]]:
        """What a word adds to the features of the word ``off`` places away, for off = -window..window
        (index off + window); computed once per word string."""
        key = "\x00ctx\x00" + tok
        cached = self._ctx_cache.get(key)
        if cached is not None:
            return cached
        cfg = self.cfg
        f, ctx, tg, _ = self.word_info(tok)
        window, cwindow = cfg["window"], cfg["cluster_window"]
        out: list[dict[str, Any]] = []
        for off in range(-window, window + 1):
            d: dict[str, Any] = {}
            if off != 0:
                d[f"{-off}:w"] = f["w"]
                if abs(off) == 1:
                    if cfg["stem"]:
                        d[f"{-off}:lem"] = f["lem"]
                        d[f"{-off}:sh"] = f["sh"]
                    for k in f:
                        if k.startswith("g_"):
                            d[f"{-off}:{k}"] = 1.0
                if abs(off) <= cwindow:
                    for k, v in ctx.items():
                        d[f"{-off}:{k}"] = v
                for t in tg:
                    d[f"{-off}:{t}"] = 1.0
                    d[f"t:{t}"] = 1.0
            out.append(d)
        self._ctx_cache[key] = out
        return out

    def sent_features(self, words: Sequence[str], doc_labels: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Feature dicts of a sentence; ``doc_labels`` (second pass) says how each word was tagged elsewhere."""
        cfg = self.cfg
        infos = [self.word_info(t) for t in words]
        contribs = [self._contributions(t) for t in words]
        norms = [i[0]["w"] for i in infos]
        spans = self._gaz_spans(norms, [i[3] for i in infos]) if cfg["gaz"] else None
        window = cfg["window"]
        n = len(words)
        out: list[dict[str, Any]] = []
        for i in range(n):
            d: dict[str, Any] = {"bias": 1.0}
            d.update(infos[i][0])
            if spans and spans[i]:
                d.update(spans[i])
            if i == 0:
                d["BOS"] = 1.0
            if i == n - 1:
                d["EOS"] = 1.0
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if j != i:
                    # word j sits (j - i) places from i; its table is indexed by i's offset from j
                    d.update(contribs[j][i - j + window])
            if i >= 1:
                d["-1w|w"] = norms[i - 1] + "|" + norms[i]
            if i + 1 < n:
                d["w|+1w"] = norms[i] + "|" + norms[i + 1]
            out.append(d)
        if doc_labels is not None and cfg["doc"]:
            out = self.with_doc_labels(out, doc_labels)
        return out

    @staticmethod
    def with_doc_labels(features: list[dict[str, Any]], doc_labels: Sequence[str]) -> list[dict[str, Any]]:
        """The second pass's features: the first pass's, plus how each word and its neighbours were tagged
        elsewhere in the document."""
        n = len(features)
        out = []
        for i, f in enumerate(features):
            if not doc_labels[i]:
                out.append(f)
                continue
            d = dict(f)
            d["doc"] = doc_labels[i]
            if i > 0 and doc_labels[i - 1]:
                d["-1doc"] = doc_labels[i - 1]
            if i + 1 < n and doc_labels[i + 1]:
                d["+1doc"] = doc_labels[i + 1]
            out.append(d)
        return out

    def doc_labels(self, sentences: Sequence[Sequence[str]], predictions: Sequence[Sequence[str]],
                   window: int = 10) -> list[list[str]]:
        """For every word, the majority entity type the first pass gave the same (proclitic-stripped) word in the
        other sentences within ``window`` sentences ('O' if always outside an entity, '' if it occurs nowhere else).
        ``window`` <= 0: the whole input is one document."""
        def key(tok: str) -> str | None:
            f = self.word_info(tok)[0]
            if f["sh"] != "A" or len(f["w"]) < 3:
                return None
            return f.get("stem") or f["w"]

        def kind(p: str) -> str:
            return p[2:] if p != "O" else "O"

        keys = [[key(t) for t in toks] for toks in sentences]
        # per word: the types it was given in each sentence it occurs in (sentences in order)
        occ: dict[str, dict[int, dict[str, int]]] = defaultdict(dict)
        for s, (ks, ps) in enumerate(zip(keys, predictions, strict=True)):
            for k, p in zip(ks, ps, strict=True):
                if k:
                    counts = occ[k].setdefault(s, {})
                    t = kind(p)
                    counts[t] = counts.get(t, 0) + 1
        sentence_lists = {k: list(by_s) for k, by_s in occ.items()}
        # The answer for an occurrence depends only on the word's counts over the window of its sentence and on its
        # own type (taken away from them): counted once per (word, sentence) and answered once per (word, sentence,
        # type). Counting every other occurrence for each occurrence made this quadratic in the article's length.
        around: dict[tuple[str, int], dict[str, int]] = {}
        answers: dict[tuple[str, int, str], str] = {}
        out: list[list[str]] = []
        for s, (ks, ps) in enumerate(zip(keys, predictions, strict=True)):
            row: list[str] = []
            where = s if window > 0 else -1   # the whole input when there is no window
            for k, p in zip(ks, ps, strict=True):
                if not k:
                    row.append("")
                    continue
                own = kind(p)
                answer = answers.get((k, where, own))
                if answer is None:
                    total = around.get((k, where))
                    if total is None:
                        in_window = sentence_lists[k]
                        if window > 0:
                            in_window = in_window[bisect_left(in_window, s - window):
                                                  bisect_right(in_window, s + window)]
                        total = {}
                        for s2 in in_window:
                            for t, n in occ[k][s2].items():
                                total[t] = total.get(t, 0) + n
                        around[(k, where)] = total
                    c = {t: n - (t == own) for t, n in total.items() if n - (t == own) > 0}
                    entity_types = [(v, t) for t, v in c.items() if t != "O"]
                    answer = answers[(k, where, own)] = (
                        "" if not c else max(entity_types)[1] if entity_types else "O")
                row.append(answer)
            out.append(row)
        return out
