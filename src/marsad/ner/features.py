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
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.crf import LinearCRF, attribute
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
#: the least share of person-name tokens in a word cluster that makes its words read as names (name clusters hold
#: 0.2-0.7; clusters of function words such as ما، بين، هو, which are Wikidata name tokens too, 0.01-0.11)
NAME_CLUSTER_SHARE = 0.15


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


#: what the features read, relative to the package: the word clusters, gazetteers and trigger lists, the code that
#: turns words into features, and the normalisation it applies. A model is what training made of these; its
#: ``model.json`` records their digests (scripts/train_ner.py), and a test holds the shipped files to them, so
#: that a change to any of them comes with a retrained model.
FEATURE_INPUTS = ("data/ner/resources", "ner/features.py", "text/normalise.py", "data/text/normalisation.tsv")


def feature_inputs(package: Path) -> dict[str, str]:
    """The SHA-256 of every file of FEATURE_INPUTS under ``package`` (the marsad package folder), by its path."""
    import hashlib

    out: dict[str, str] = {}
    for rel in FEATURE_INPUTS:
        path = package / rel
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.name != "README.md") \
            if path.is_dir() else [path]
        for f in files:
            out[f.relative_to(package).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def _read_list(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as f:
        return {" ".join(normalize(t) for t in line.split()) for line in f if line.strip()}


WordInfo = tuple[dict[str, str], dict[str, str], list[str], str]   # features, context features, triggers, stem


#: words whose label scores each model keeps between documents (a row of 5 x 9 numbers each: about 24 MB a model)
SCORE_CACHE_WORDS = 65_536
#: words whose normalised form, stem and trigger lists are kept (a small tuple each)
LIGHT_CACHE_WORDS = 200_000
#: words whose feature dicts are kept between documents. A word's features with their context contributions take a
#: few kilobytes; the tagger reads them only for words new to the score cache, so few are kept (~40 MB).
CACHE_WORDS = 10_000


class _ScoreCache:
    """What each word adds to the label scores of some models, kept for the ``SCORE_CACHE_WORDS`` words used
    most: when the cache is full, the less used half is dropped (news vocabulary is Zipfian: the words that recur are
    few, and the many that occur once are computed once anyway)."""

    def __init__(self, models: list[LinearCRF], width: int) -> None:
        self.models = models
        self.width = width
        # one lookup per attribute for all the models: the union of their attributes, and side by side the weights
        # each model gives it (zero where it has none)
        if any(m.labels != models[0].labels for m in models):
            raise ValueError("models whose scores are cached together must have the same labels in the same order")
        names = sorted({name for m in models for name in m.index})
        self.index = {name: i for i, name in enumerate(names)}
        n_labels = models[0].n_labels
        self.weights = np.zeros((len(names), n_labels * len(models)))
        for k, m in enumerate(models):
            rows = [self.index[name] for name in m.index]
            self.weights[rows, k * n_labels:(k + 1) * n_labels] = m.weights[list(m.index.values())]
        self.rows: dict[str, int] = {}
        self.words: list[str] = []
        self.tables: list[np.ndarray] = []
        self.uses = np.zeros(0, dtype=np.int64)

    def stacked(self, words: Sequence[str], crf: LinearCRF, fill: Any) -> np.ndarray:
        m = next(i for i, model in enumerate(self.models) if model is crf)
        if not self.tables:
            self.tables = [np.zeros((SCORE_CACHE_WORDS, self.width, model.n_labels)) for model in self.models]
            self.uses = np.zeros(SCORE_CACHE_WORDS, dtype=np.int64)
        rows, cap = self.rows, SCORE_CACHE_WORDS
        if len(rows) + len(words) > cap:
            new = {t for t in words if t not in rows}
            if len(new) > cap // 2:       # more distinct words in one sentence than the cache can take
                out = [np.zeros((len(words), self.width, model.n_labels)) for model in self.models]
                for i, tok in enumerate(words):
                    fill(tok, self, [o[i] for o in out])
                return out[m]
            if len(rows) + len(new) > cap:
                self._keep_most_used(cap // 2)
                # the sentence's own words may have been among those dropped
                if len(self.rows) + len({t for t in words if t not in self.rows}) > cap:
                    self._keep_most_used(0)
                rows = self.rows
        index = []
        for tok in words:
            row = rows.get(tok)
            if row is None:
                row = rows[tok] = len(self.words)
                self.words.append(tok)
                fill(tok, self, [t[row] for t in self.tables])
            index.append(row)
        np.add.at(self.uses, index, 1)
        return self.tables[m][index]

    def _keep_most_used(self, keep: int) -> None:
        order = np.argsort(-self.uses[:len(self.words)], kind="stable")[:keep]
        for t in self.tables:
            t[:keep] = t[order]
        self.uses[:keep] = self.uses[order] // 2       # older uses count less
        self.uses[keep:] = 0
        self.words = [self.words[i] for i in order]
        self.rows = {w: i for i, w in enumerate(self.words)}


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
        self._light_cache: dict[str, tuple[str, str, tuple[str, ...], str | None]] = {}
        self._score_caches: dict[int, _ScoreCache] = {}
        self._bigrams: dict[int, tuple[LinearCRF, dict[str, tuple[int, int]]]] = {}
        self._person_clusters: frozenset[str] | None = None

    def person_word(self, word: str) -> bool:
        """Whether a word (proclitics removed) reads as a person's name on its own: a person-name token of the
        gazetteer that the word clusters do not place among function and common words (ما، بين، هو، خلف are
        Wikidata name tokens too): its cluster, at the middle granularity, holds at least NAME_CLUSTER_SHARE of
        person-name tokens, or the word is too rare to have one."""
        n = normalize(word)
        per_tok = self.gaz.get("per_tok", ())
        if n.startswith("ل") and "الا" + n[1:] in per_tok:
            return True     # a name of the article written as spoken (لسعد for الأسعد)
        if n.startswith("عبدال") and len(n) > 6 and n[3:] in per_tok:
            return True     # «عبد» and the name of God written as one word (عبدالعزيز، عبدالله)
        return n in per_tok and self.name_cluster(n)

    def name_cluster(self, word: str) -> bool:
        """Whether the word clusters place a word among people's names (at the middle granularity, a cluster with
        at least NAME_CLUSTER_SHARE of person-name tokens), or the word is too rare to have a cluster."""
        clusters = self.kmeans.get(normalize(word))
        return clusters is None or clusters[1] in self._name_clusters()

    def _name_clusters(self) -> frozenset[str]:
        if self._person_clusters is None:
            total: Counter[str] = Counter()
            names: Counter[str] = Counter()
            per_tok: Any = self.gaz.get("per_tok", frozenset())
            for w, clusters in self.kmeans.items():
                total[clusters[1]] += 1
                names[clusters[1]] += w in per_tok
            self._person_clusters = frozenset(c for c, n in total.items() if names[c] >= NAME_CLUSTER_SHARE * n)
        return self._person_clusters

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
            out.append(d)
        self._ctx_cache[key] = out
        return out

    def sent_features(self, words: Sequence[str], doc_labels: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Feature dicts of a sentence; ``doc_labels`` (second pass) says how each word was tagged elsewhere."""
        cfg = self.cfg
        infos = [self.word_info(t) for t in words]
        contribs = [self._contributions(t) for t in words]
        around = self._triggers_around([info[2] for info in infos])
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
            for t in sorted(around[i]):    # sorted: crfsuite numbers attributes in the order it meets them
                d[f"t:{t}"] = 1.0
            if i >= 1:
                d["-1w|w"] = norms[i - 1] + "|" + norms[i]
            if i + 1 < n:
                d["w|+1w"] = norms[i] + "|" + norms[i + 1]
            out.append(d)
        if doc_labels is not None and cfg["doc"]:
            out = self.with_doc_labels(out, doc_labels)
        return out

    def _triggers_around(self, lists: Sequence[Sequence[str]]) -> list[set[str]]:
        """For each word of a sentence, the trigger lists (الرئيس، وزير، مدينة) of the other words within the window
        around it, given each word's own lists (few words have any: only theirs are spread)."""
        window, n = self.cfg["window"], len(lists)
        out: list[set[str]] = [set() for _ in range(n)]
        for j, own in enumerate(lists):
            if own:
                for i in range(max(0, j - window), min(n, j + window + 1)):
                    if i != j:
                        out[i].update(own)
        return out

    def share_scores(self, models: Sequence[LinearCRF]) -> None:
        """Cache these models' per-word scores together: a word new to the cache is analysed once for all of them
        (the two passes of the tagger score the same words with different weights)."""
        cache = _ScoreCache(list(models), 2 * self.cfg["window"] + 1)
        for m in models:
            self._score_caches[id(m)] = cache

    def _stacked_scores(self, words: Sequence[str], crf: LinearCRF) -> np.ndarray:
        """(n, 2w+1, L): what each word adds to the label scores of the word ``off`` places away (index
        off + window; index window: its own features), computed once per word string and kept in a cache."""
        cache = self._score_caches.get(id(crf))
        if cache is None or not any(m is crf for m in cache.models):
            self.share_scores([crf])
            cache = self._score_caches[id(crf)]
        return cache.stacked(words, crf, self._fill_scores)

    def _fill_scores(self, tok: str, cache: _ScoreCache, out: Sequence[np.ndarray]) -> None:
        """Write into ``out[m]`` what word ``tok`` adds to the label scores of the cache's model m at each offset."""
        window = self.cfg["window"]
        own = self.word_info(tok)[0]
        index = cache.index
        at: list[int] = []
        rows: list[int] = []
        values: list[float] = []
        for k, d in enumerate(self._contributions(tok)):
            for key, v in (own if k == window else d).items():
                name, value = attribute(key, v)
                row = index.get(name)
                if row is not None:
                    at.append(k)
                    rows.append(row)
                    values.append(value)
        scores = np.zeros((len(out[0]), cache.weights.shape[1]))
        if rows:
            np.add.at(scores, at, cache.weights[rows] * np.array(values)[:, None])
        n_labels = out[0].shape[1]
        for m, o in enumerate(out):
            o[:] = scores[:, m * n_labels:(m + 1) * n_labels]

    def _light(self, tok: str) -> tuple[str, str, tuple[str, ...], str | None]:
        """The normalised word, its stem, its trigger lists and what the document features know it by: what a
        sentence's scores need of a word beyond its own cached scores (kept for more words than ``word_info``,
        whose full feature dicts are large)."""
        got = self._light_cache.get(tok)
        if got is None:
            if len(self._light_cache) >= LIGHT_CACHE_WORDS:
                self._light_cache.clear()
            f, _, tg, stem = self.word_info(tok)
            key = None if f["sh"] != "A" or len(f["w"]) < 3 else f.get("stem") or f["w"]
            got = self._light_cache[tok] = (f["w"], stem, tuple(tg), key)
        return got

    def emissions(self, words: Sequence[str], crf: LinearCRF, doc_labels: Sequence[str] | None = None
                  ) -> np.ndarray:
        """(n, L) label scores of a sentence under ``crf``: the sum of the weights of exactly the attributes
        ``sent_features`` gives each word (``crf.dict_scores(sent_features(...))``), without building them."""
        cfg = self.cfg
        n, window = len(words), cfg["window"]
        if not n:
            return np.zeros((0, crf.n_labels))
        stacked = self._stacked_scores(words, crf)
        em = stacked[:, window].copy()
        em += crf.score([("bias", 1.0)])
        for k in range(2 * window + 1):
            off = k - window        # word j adds its row k to word j + off
            if 0 < off < n:
                em[off:] += stacked[:n - off, k]
            elif 0 < -off < n:
                em[:n + off] += stacked[-off:, k]
        lights = [self._light(t) for t in words]
        norms = [x[0] for x in lights]
        index = crf.index
        at: list[int] = []          # the word and the model's row of every other attribute present (value 1)
        rows: list[int] = []

        def add(i: int, name: str) -> None:
            row = index.get(name)
            if row is not None:
                at.append(i)
                rows.append(row)

        add(0, "BOS")
        add(n - 1, "EOS")
        if cfg["gaz"]:
            for i, marks in enumerate(self._gaz_spans(norms, [x[1] for x in lights])):
                for name, mark in marks.items():
                    add(i, f"{name}:{mark}")
        bigrams = self._bigram_rows(crf)
        for i in range(1, n):
            hit = bigrams.get(norms[i - 1] + "|" + norms[i])
            if hit is not None:    # the pair as the word's left context and as its left neighbour's right context
                if hit[0] >= 0:
                    at.append(i)
                    rows.append(hit[0])
                if hit[1] >= 0:
                    at.append(i - 1)
                    rows.append(hit[1])
        for i, ts in enumerate(self._triggers_around([x[2] for x in lights])):
            for t in ts:
                add(i, "t:" + t)
        if doc_labels is not None:
            for i, label in enumerate(doc_labels):
                if label:
                    add(i, "doc:" + label)
                    if i > 0 and doc_labels[i - 1]:
                        add(i, "-1doc:" + doc_labels[i - 1])
                    if i + 1 < n and doc_labels[i + 1]:
                        add(i, "+1doc:" + doc_labels[i + 1])
        if rows:
            np.add.at(em, at, crf.weights[rows])
        return em

    def _bigram_rows(self, crf: LinearCRF) -> dict[str, tuple[int, int]]:
        """The word pairs (``a|b``) ``crf`` has weights for, with its rows for the pair as left context (``-1w|w``)
        and as right context (``w|+1w``), -1 where it has none: one lookup per pair of words."""
        got = self._bigrams.get(id(crf))
        if got is None or got[0] is not crf:
            pairs: dict[str, list[int]] = {}
            for name, row in crf.index.items():
                for side, prefix in enumerate(("-1w|w:", "w|+1w:")):
                    if name.startswith(prefix):
                        pairs.setdefault(name[len(prefix):], [-1, -1])[side] = row
            got = self._bigrams[id(crf)] = (crf, {k: (v[0], v[1]) for k, v in pairs.items()})
        return got[1]

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
        def kind(p: str) -> str:
            return p[2:] if p != "O" else "O"

        keys = [[self._light(t)[3] for t in toks] for toks in sentences]   # an Arabic word of 3+ letters, its stem
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
