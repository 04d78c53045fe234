"""Train the shipped named-entity model (src/marsad/data/ner/model/) from ../shared/data, reproducibly.

    python scripts/build_ner_resources.py      # gazetteers and word clusters (once)
    python scripts/train_ner.py                # the two-pass CRF on ANERcorp's training split

Two passes (python-crfsuite, L-BFGS, deterministic; the weights are then exported to the NumPy archives that ship,
pass1.npz and pass2.npz, byte for byte the same for the same model): pass 1 over word features; pass 2 adds how the
same word was tagged elsewhere in the document, learned from pass-1 predictions made by jackknifing (each fold tagged
by a model trained on the other folds). `--dev` holds out the last 10% of the training sentences and reports the
scores on it instead of shipping a model. ANERcorp's test split is never read here: score the shipped model with
`marsad eval ner --gold ../shared/data/ner/anercorp/test.txt`.

`--extra aqmar,wojood` adds the other NER sets of ../shared/data/ner (AQMAR, Arabic Wikipedia; the Wojood sample,
outermost spans of its nested annotation) mapped onto ANERcorp's types. Measured: they lower the held-out 10% of
ANERcorp (0.706 -> 0.689) and help the development news set's names a little (0.623 -> 0.637) at the cost of its
quotes (0.887 -> 0.873) — both runs with a character-level name-likeness feature that was then dropped for
making no measurable difference; the shipped model is trained without them.

`--news tune2,...,tune8` adds annotated news articles of tests/data (their gold aliases as spans; see
:func:`load_news`), `--news-weight N` counting them N times. Measured with the seven tuning sets (84 articles, 508
sentences) on the development set, which it never saw: NER 0.720 -> 0.730 (PER F1 0.735 -> 0.761), quotes unchanged
(0.910), events 0.483 -> 0.474; with weight 3, NER 0.716. Most of the development set's missed people are role
phrases (ضيف برنامج، المسؤول النقابي) that no tagger of names finds, so in-domain names barely move its recall; the
shipped model is trained without them, which also keeps the tuning sets' NER figures measures of unseen text.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from marsad.eval.ner import read_conll
from marsad.ner.crf import LinearCRF
from marsad.ner.features import Featurizer, feature_inputs

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src/marsad/data/ner/model"
RESOURCES = ROOT / "src/marsad/data/ner/resources"
Sentence = tuple[list[str], list[str]]


def load(path: Path) -> list[Sentence]:
    return [([t for t, _ in s], [tag for _, tag in s]) for s in read_conll(path)]


# The other NER sets under ../shared/data/ner, mapped onto ANERcorp's four types (PERS, ORG, LOC, MISC).
AQMAR_TYPES = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}   # MIS0..MIS3 (and misspellings) -> MISC
WOJOOD_TYPES = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC"}


def load_aqmar(folder: Path) -> list[Sentence]:
    """AQMAR (Arabic Wikipedia, CC BY-SA): tags PER/ORG/LOC and graded MIS0..MIS3."""
    out: list[Sentence] = []
    for path in sorted(folder.glob("*.txt")):
        for sent in read_conll(path):
            words, tags = [], []
            for word, tag in sent:
                bio, _, etype = tag.partition("-")
                etype = AQMAR_TYPES.get(etype, "MISC" if etype.startswith("MIS") else "")
                words.append(word)
                tags.append(f"{bio}-{etype}" if bio in ("B", "I") and etype else "O")
            out.append((words, tags))
    return out


def load_wojood(path: Path) -> list[Sentence]:
    """The Wojood sample (MIT): nested, one column per level; the outermost span of a kept type wins."""
    out: list[Sentence] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        words = [r[0] for r in rows]
        spans: list[tuple[int, int, str]] = []
        for level in range(1, max(len(r) for r in rows)):
            start, etype = None, ""
            for i, r in enumerate([*rows, ["", "O"]]):
                tag = r[level] if level < len(r) else "O"
                if start is not None and (not tag.startswith("I-") or tag[2:] != etype):
                    spans.append((start, i, etype))
                    start = None
                if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                    start, etype = i, tag[2:]
        tags = ["O"] * len(words)
        for start, end, etype in spans:           # levels in order: outer spans first
            mapped = WOJOOD_TYPES.get(etype)
            if mapped and all(t == "O" for t in tags[start:end]):
                tags[start:end] = [f"B-{mapped}"] + [f"I-{mapped}"] * (end - start - 1)
        out.append((words, tags))
        rows.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "$#$":
            flush()
        else:
            rows.append(parts)
    flush()
    return out


#: how often the news lexicon may have seen a word that opens a person's name no name list holds (فاتو بنسودا); a
#: more frequent one opens a role phrase (نجل الرئيس الراحل، العقل المدبر، ضيفة برنامج), and so does one that the
#: news writes this often on its own (هذا، رئيس)
RARE_WORD_COUNT = 10
COMMON_WORD_COUNT = 300


def load_news(folder: Path) -> list[list[tuple[list[str], list[str | None]]]]:
    """Annotated news articles (the development format: ``gold.jsonl`` and ``articles/``) as tagger sentences.

    Every occurrence of a named entity's alias is a gold span (the longest wins where they overlap), tokenised as the
    tagger sees it, with its proclitics on the first word as ANERcorp writes them. Role phrases and definite common
    nouns among the aliases (رئيس الحكومة، الوزارة) are left out, as ANERcorp leaves them untagged. Labels are
    ``None`` outside gold spans: the annotation guide has every person named but only the places and organisations
    that act or speak, so what lies outside is filled in by :func:`fill_news` from a model trained on ANERcorp.
    Returns the articles, each a list of (words, labels) sentences."""
    from marsad.document import Document
    from marsad.eval.ner import _common_noun, _occurrences, _word_bounded
    from marsad.ner.tagger import _words
    from marsad.ner.titles import words as title_words
    from marsad.text.normalise import fold
    from marsad.text.segment import segment
    from marsad.text.tokenize import clitic_rules, tokenize

    rules = clitic_rules()
    names = {line.strip() for line in (RESOURCES / "gaz/per_tok.txt").read_text(encoding="utf-8").splitlines()}
    kinds = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

    titles = title_words()

    def role(alias: str) -> bool:
        """Whether a person's alias is a role phrase rather than a name (see RARE_WORD_COUNT)."""
        norms = [fold(w) for w in alias.split()]
        if titles.roles_at(norms, 0) or not all(w.isalpha() for w in norms):
            return True
        first, count = norms[0], rules.lexicon.get
        if first in names:
            return False
        if len(norms) == 1:
            return count(first, 0) > COMMON_WORD_COUNT
        return not (count(first, 0) <= RARE_WORD_COUNT and (norms[1] in names or count(norms[1], 0) <= RARE_WORD_COUNT))

    out = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = (folder / "articles" / f"{record['doc']}.txt").read_text(encoding="utf-8")
        spans: list[tuple[int, int, str]] = []
        for entity in record["entities"]:
            kind = kinds.get(entity["type"])
            if kind is None:
                continue
            for alias in entity["aliases"]:
                if _common_noun(alias) or (kind == "PERS" and role(alias)):
                    continue
                spans += [(s, s + len(alias), kind) for s in _occurrences(text, alias)
                          if _word_bounded(text, s, s + len(alias))]
        taken: list[tuple[int, int, str]] = []
        for span in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):   # longest first
            if all(span[1] <= a or b <= span[0] for a, b, _ in taken):
                taken.append(span)
        doc = Document(text=text)
        segment(doc)
        tokenize(doc)
        toks = doc.tokens
        assert toks is not None
        article: list[tuple[list[str], list[str | None]]] = []
        for sentence in _words(doc):
            words: list[str] = []
            labels: list[str | None] = []
            for w in sentence:
                start, end = toks.start[w.body], toks.end[w.last]
                hit = next(((a, kind) for a, b, kind in taken if a < end and start < b), None)
                if hit is None:
                    labels.append(None)
                else:
                    labels.append(("B-" if hit[0] >= toks.start[w.first] else "I-") + hit[1])
                words.append(w.text)
            if words:
                article.append((words, labels))
        out.append(article)
    return out


def fill_news(articles: list[list[tuple[list[str], list[str | None]]]], model: Path,
              fz: Featurizer) -> list[list[Sentence]]:
    """The news sentences with the words outside gold spans labelled: a place, organisation or other name the model
    (trained on ANERcorp alone) finds wholly outside the gold spans keeps its label, all else is O. Persons are
    annotated in full, so a person the model finds there is not one."""
    out: list[list[Sentence]] = []
    for article in articles:
        predicted = tag(model, [fz.sent_features(words) for words, _ in article])
        filled: list[Sentence] = []
        for (words, labels), pred in zip(article, predicted, strict=True):
            tags = [lab or "O" for lab in labels]
            k = 0
            while k < len(words):
                bio, _, etype = pred[k].partition("-")
                end = k + 1
                if bio in ("B", "I"):
                    while end < len(words) and pred[end] == f"I-{etype}":
                        end += 1
                    if etype != "PERS" and all(lab is None for lab in labels[k:end]):
                        tags[k:end] = [f"B-{etype}"] + [f"I-{etype}"] * (end - k - 1)
                k = end
            filled.append((words, tags))
        out.append(filled)
    return out


def train(xs: list[list[dict[str, Any]]], ys: list[list[str]], path: Path, args: argparse.Namespace) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def tag(path: Path, xs: list[list[dict[str, Any]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(x)) for x in xs]


def entity_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    def spans(tags: list[list[str]]) -> set[tuple[int, int, int, str]]:
        out = set()
        for s, seq in enumerate(tags):
            start, etype = None, ""
            for i, t in enumerate([*seq, "O"]):
                if start is not None and (not t.startswith("I-") or t[2:] != etype):
                    out.add((s, start, i, etype))
                    start = None
                if t.startswith("B-") or (t.startswith("I-") and start is None):
                    start, etype = i, t[2:]
        return out
    g, p = spans(gold), spans(pred)
    tp = len(g & p)
    return 2 * tp / (len(g) + len(p)) if g or p else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--doc-window", type=int, default=10, help="sentences either side for document features")
    ap.add_argument("--config", default="{}", help="feature configuration (JSON) over the defaults")
    ap.add_argument("--dev", action="store_true", help="hold out the last 10%% of train and report on it")
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--extra", default="", help="other training sets, comma-separated: aqmar, wojood")
    ap.add_argument("--news", default="", help="annotated news sets under tests/data, comma-separated (tune2,...)")
    ap.add_argument("--news-weight", type=int, default=1, help="how many times the news sentences count")
    args = ap.parse_args()
    t0 = time.time()
    sentences = load(args.shared / "data/ner/anercorp/train.txt")
    held: list[Sentence] = []
    if args.dev:
        cut = round(len(sentences) * 0.9)
        sentences, held = sentences[:cut], sentences[cut:]
    extra = [x for x in args.extra.split(",") if x]
    for name in extra:
        if name == "aqmar":
            sentences += load_aqmar(args.shared / "data/ner/aqmar")
        elif name == "wojood":
            sentences += load_wojood(args.shared / "data/ner/wojood-sample/train.txt")
        else:
            ap.error(f"unknown --extra set {name!r}")
    config = json.loads(args.config)
    fz1 = Featurizer(RESOURCES, config)
    fz2 = Featurizer(RESOURCES, {**config, "doc": True})
    args.out.mkdir(parents=True, exist_ok=True)
    pass1 = args.out / "pass1.crfsuite"
    # the documents: ANERcorp's sentences as one (the ±doc-window sentences stand for an article), each news article
    docs: list[list[Sentence]] = [sentences]
    news_sets = [x for x in args.news.split(",") if x]
    if news_sets:
        articles = [a for name in news_sets for a in load_news(ROOT / "tests/data" / name)]
        filler = args.out / "filler.crfsuite"
        train([fz1.sent_features(w) for w, _ in sentences], [t for _, t in sentences], filler, args)
        docs += fill_news(articles, filler, fz1)
        filler.unlink()
        print(f"{len(articles)} news articles, {sum(len(a) for a in articles)} sentences ({time.time() - t0:.0f} s)")
    flat = [s for d in docs for s in d]
    xs = [fz1.sent_features(words) for words, _ in flat]
    ys = [tags for _, tags in flat]
    # the news weighs ``news_weight`` times in the final models (the jackknife folds see each sentence once)
    repeat = [i for i in range(len(sentences), len(flat))] * (args.news_weight - 1)
    train(xs + [xs[i] for i in repeat], ys + [ys[i] for i in repeat], pass1, args)
    print(f"pass 1 trained ({time.time() - t0:.0f} s)")

    # jackknifed pass-1 predictions on the training sentences, for the document features of pass 2
    jack: list[list[str]] = []
    n = len(xs)
    for f in range(args.folds):
        lo, hi = n * f // args.folds, n * (f + 1) // args.folds
        fold_model = args.out / f"fold{f}.crfsuite"
        train(xs[:lo] + xs[hi:], ys[:lo] + ys[hi:], fold_model, args)
        jack += tag(fold_model, xs[lo:hi])
        fold_model.unlink()
    doc_labels: list[list[str]] = []
    at = 0
    for d in docs:
        doc_labels += fz2.doc_labels([w for w, _ in d], jack[at:at + len(d)], args.doc_window)
        at += len(d)
    xs2 = [fz2.sent_features(w, dl) for (w, _), dl in zip(flat, doc_labels, strict=True)]
    train(xs2 + [xs2[i] for i in repeat], ys + [ys[i] for i in repeat], args.out / "pass2.crfsuite", args)
    print(f"pass 2 trained ({time.time() - t0:.0f} s)")

    meta = {"config": config, "doc_window": args.doc_window, "c1": args.c1, "c2": args.c2,
            "iterations": args.iterations, "folds": args.folds, "trained_on": "ANERcorp train (CAMeL Lab split)"
            + (" less its last 10%" if args.dev else "") + "".join(f", tests/data/{x}" for x in news_sets),
            "news_weight": args.news_weight, "sentences": len(flat)}
    # what ships is the weights crfsuite learned, which marsad.ner.crf decodes; checksums let a truncated or
    # damaged file be refused at load time
    for name in ("pass1", "pass2"):
        LinearCRF.from_crfsuite(args.out / f"{name}.crfsuite").save(args.out / f"{name}.npz")
    meta["files"] = {name: file_digest(args.out / name) for name in ("pass1.npz", "pass2.npz")}
    meta["inputs"] = feature_inputs(ROOT / "src/marsad")    # what the features read: retrain when it changes
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if held:
        hw = [w for w, _ in held]
        p1 = tag(pass1, [fz1.sent_features(w) for w in hw])
        dl = fz2.doc_labels(hw, p1, args.doc_window)
        p2 = tag(args.out / "pass2.crfsuite", [fz2.sent_features(w, d) for w, d in zip(hw, dl, strict=True)])
        gold = [t for _, t in held]
        print(f"dev entity F1: pass 1 {entity_f1(gold, p1):.4f}, pass 2 {entity_f1(gold, p2):.4f}")
    for name in ("pass1", "pass2"):
        (args.out / f"{name}.crfsuite").unlink()
    print(f"done in {time.time() - t0:.0f} s: {args.out}")


def file_digest(path: Path) -> dict[str, object]:
    import hashlib

    data = path.read_bytes()
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


if __name__ == "__main__":
    main()
