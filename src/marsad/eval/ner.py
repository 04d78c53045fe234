"""Entity-level precision, recall and F1 of the system's mentions against a CoNLL file (ANERcorp and the like).

The gold file has one ``token TAG`` per line (BIO tags, PERS/PER, LOC, ORG, MISC...) and a blank line between
sentences. Sentences are rebuilt as text (tokens joined by spaces, one sentence per line), grouped into documents of
consecutive sentences, and analysed by the whole pipeline, as a user's text would be. A system mention counts when its
type matches and its span equals the gold span, or the gold span less proclitics that the gold token kept attached
(gold «وبوتين» as a person, system «بوتين»). System labels map to the gold scheme: GPE and FAC count as LOC; unnamed
groups (NORP: مصادر إعلامية), TITLE and value mentions are not scored (the CoNLL schemes do not annotate them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.pipeline import analyze

#: how the system's labels are scored against a four-type gold scheme
LABEL_MAP = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}
GOLD_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "MISC": "MISC"}
PROCLITICS = frozenset("وفبلكس")
#: sentences per analysed document: enough context for document-level consistency, as in a news article
DOC_SENTENCES = 25


@dataclass
class NerScore:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    tokens: int = 0

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}

    def to_dict(self) -> dict[str, object]:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {
            "micro": self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())),
            "per_type": {t: self.prf(self.tp[t], self.fp[t], self.fn[t]) for t in types},
            "tokens": self.tokens,
        }


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a CoNLL file."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                yield sentence
            sentence = []
            continue
        token, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
        sentence.append((token, tag))
    if sentence:
        yield sentence


def _gold_spans(sentences: list[list[tuple[str, str]]]) -> tuple[str, set[tuple[int, int, str]]]:
    """The document text and its gold entities as (start, end, type)."""
    lines: list[str] = []
    spans: set[tuple[int, int, str]] = set()
    offset = 0
    for sentence in sentences:
        pos = offset
        current: list[int] | None = None   # [start, end]
        ctype = ""
        for i, (token, tag) in enumerate(sentence):
            if i:
                pos += 1
            start, end = pos, pos + len(token)
            pos = end
            bio, _, etype = tag.partition("-")
            etype = GOLD_MAP.get(etype, etype)
            if bio == "I" and current is not None and etype == ctype:
                current[1] = end
                continue
            if current is not None:
                spans.add((current[0], current[1], ctype))
                current = None
            if bio in ("B", "I") and etype:
                current, ctype = [start, end], etype
        if current is not None:
            spans.add((current[0], current[1], ctype))
        line = " ".join(t for t, _ in sentence)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), spans


def _matches(text: str, gold: tuple[int, int, str], system: tuple[int, int, str]) -> bool:
    gs, ge, gt = gold
    ss, se, st = system
    if gt != st or ge != se or ss < gs:
        return False
    prefix = text[gs:ss]
    return len(prefix) <= 3 and all(ch in PROCLITICS for ch in prefix)


def score(gold: Path, limit: int | None = None) -> NerScore:
    result = NerScore()
    sentences = list(read_conll(gold))
    if limit is not None:
        sentences = sentences[:limit]
    for i in range(0, len(sentences), DOC_SENTENCES):
        chunk = sentences[i:i + DOC_SENTENCES]
        text, gold_spans = _gold_spans(chunk)
        result.tokens += sum(len(s) for s in chunk)
        doc = analyze(text)
        system = {(m.start, m.end, LABEL_MAP[m.label]) for m in doc.mentions if m.label in LABEL_MAP
                  and not m.extra.get("reference")}   # «الوزارة» refers to a name; it is not one
        unmatched = set(system)
        for g in gold_spans:
            hit = next((s for s in unmatched if _matches(text, g, s)), None)
            if hit is None:
                result.fn[g[2]] += 1
            else:
                unmatched.discard(hit)
                result.tp[g[2]] += 1
        for s in unmatched:
            result.fp[s[2]] += 1
    return result


# -- annotated articles (the development set's format) ---------------------------------------------------------------
#: fine types of the annotation guide, and the coarse class a lenient match compares
PLACE = {"GPE", "LOC", "FAC"}


def _coarse(label: str) -> str:
    return "PLACE" if label in PLACE else label


def _occurrences(text: str, alias: str) -> Iterator[int]:
    start = text.find(alias)
    while start != -1:
        yield start
        start = text.find(alias, start + 1)


def score_annotated(gold: Path, articles: Path) -> dict[str, object]:
    """Mentions against annotated articles: every occurrence of a named entity's alias is a gold mention, unless
    it lies inside a longer occurrence of the same entity's alias (the surname inside the full name).

    Role phrases that the system tags as TITLE (الرئيس الروسي as an alias of Putin) are role mentions, not names, and
    are not scored; nor are unnamed groups, nor back-references by a common noun (الحكومة، الوزارة: one word that
    the news lexicon counts as a common word), which are for the resolver to link, not for the tagger to find.
    Strict scores need the fine type (PER ORG GPE LOC FAC); lenient scores count GPE, LOC and FAC as one class of
    places.
    """
    import json

    strict, lenient = NerScore(), NerScore()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = (articles / f"{record['doc']}.txt").read_text(encoding="utf-8")
        doc = analyze(text)
        titles = {(m.start, m.end) for m in doc.mentions if m.label == "TITLE"}
        found: dict[tuple[int, int], tuple[str, str]] = {}
        unscored: set[tuple[int, int]] = set(titles)
        for entity in record["entities"]:
            if entity["type"] == "GROUP":
                continue
            for alias in entity["aliases"]:
                for start in _occurrences(text, alias):
                    span = (start, start + len(alias))
                    if _common_noun(alias):
                        unscored.add(span)
                    elif span not in titles and _word_bounded(text, *span):
                        found.setdefault(span, (entity["type"], entity["key"]))
        gold_spans = {span: kind for span, (kind, key) in found.items() if not _inside_same(span, key, found)}
        # each mention may be found by any of its entity's aliases that it holds (باراك أوباما or أوباما)
        ways = {span: [span] + [inner for inner, (_, k) in found.items() if k == found[span][1] and inner != span
                                and span[0] <= inner[0] and inner[1] <= span[1]] for span in gold_spans}
        alternative = {w: span for span, spans in ways.items() for w in spans}
        # the annotation guide has no MISC or NORP: those mentions are neither right nor wrong here
        system = {(m.start, m.end): m.label for m in doc.mentions if m.label in LABEL_MAP
                  and not m.extra.get("reference") and m.label not in ("MISC", "NORP")
                  and (m.start, m.end) not in unscored}
        for result, mapping in ((strict, str), (lenient, _coarse)):
            result.tokens += len(text.split())
            for span, label in gold_spans.items():
                if any(w in system and mapping(system[w]) == mapping(label) for w in ways[span]):
                    result.tp[mapping(label)] += 1
                else:
                    result.fn[mapping(label)] += 1
            for span, label in system.items():
                if span not in alternative or mapping(gold_spans[alternative[span]]) != mapping(label):
                    result.fp[mapping(label)] += 1
    return {"strict": strict.to_dict(), "lenient": lenient.to_dict()}


def _inside_same(span: tuple[int, int], key: str, found: dict[tuple[int, int], tuple[str, str]]) -> bool:
    """Whether an alias occurrence lies inside a longer occurrence of an alias of the same entity (أوباما inside
    «باراك أوباما»): the string search finds it, but it is no mention of its own. A name inside another entity's
    name (البحرين in «جامعة البحرين») is a nested mention and stays."""
    a, b = span
    return any(k == key and s <= a and b <= e and (s, e) != span for (s, e), (_, k) in found.items())


#: a one-word alias seen more often than this in the news lexicon is a common noun, not a name
COMMON_NOUN_COUNT = 300


def _common_noun(alias: str) -> bool:
    """A definite common noun standing for a named thing (الحكومة, الوزارة), not itself a name."""
    from marsad.text.normalise import fold
    from marsad.text.tokenize import clitic_rules

    words = alias.split()
    if len(words) != 1 or not words[0].startswith("ال"):
        return False
    rules, key = clitic_rules(), fold(words[0])
    return rules.lexicon.get(key, 0) > COMMON_NOUN_COUNT and key not in rules.names


def _word_bounded(text: str, start: int, end: int) -> bool:
    """An alias occurrence that is a whole word (a proclitic may stand before it), not part of a longer word."""
    after = text[end:end + 1]
    if after and (after.isalnum() or "\u064b" <= after <= "\u0652"):
        return False
    before = text[max(0, start - 3):start]
    stripped = before.rstrip("وفبلكس")
    return not stripped or not stripped[-1].isalnum()
