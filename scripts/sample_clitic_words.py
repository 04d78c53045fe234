#!/usr/bin/env python3
"""Sample Arabic news words that begin with a possible proclitic letter.

Produces tests/data/clitics/sample.tsv, the input for the hand-annotated gold
table tests/data/clitics/gold.tsv (proclitic segmentation).

Source: ANT v1.1 corpus (Jawhara FM, Apache-2.0), the <TEXT> element of every
article under <ant_dir>/<category>/*.txt.  SaudiNewsNet is deliberately NOT used.

Procedure (deterministic, seed 13 by default):
  * tokenise each article's TEXT on whitespace, strip surrounding punctuation;
  * keep tokens made only of Arabic letters (diacritics allowed), length >= 2,
    whose first letter is one of و ف ب ل ك س  ("candidates");
  * TOKEN sample: shuffle all candidate occurrences (running-text positions)
    and take them in order, de-duplicating by word form, until N_TOKEN distinct
    words are collected -> reflects real corpus frequency;
  * TYPE sample: among candidate types with corpus frequency <= 5 that are not
    already in the token sample, draw N_TYPE types uniformly; for each, one of
    its occurrences is drawn for the context -> covers names / rare words.

Output columns: word, doc, sample (token|type), freq, context
(context = about 6 whitespace tokens each side, target marked [[...]]).

Usage: python3 scripts/sample_clitic_words.py [--ant DIR] [--out FILE] [--seed N]
       python3 scripts/sample_clitic_words.py --check tests/data/clitics/gold.tsv
The --check mode validates the hand-annotated gold table instead of sampling:
every segmentation's '+'-pieces concatenate back to the word, every word occurs
(as a punctuation-stripped token) in the TEXT of the named document, and the
note column is empty, 'ambiguous' or 'typo'.
"""
import argparse
import os
import random
import re
import sys
import unicodedata
from collections import Counter

DEFAULT_ANT = "/work/shared/data/news/ant-v1.1"
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                           "tests", "data", "clitics", "sample.tsv")
N_TOKEN = 220
N_TYPE = 110
RARE_MAX_FREQ = 5
CONTEXT = 6
PROCLITIC_LETTERS = "وفبلكس"

# Arabic letters (hamza .. ghain, feh .. yeh, plus a few extended letters used
# for foreign names in Maghrebi text) and harakat/shadda/sukun/superscript alef.
LETTERS = "\u0621-\u063A\u0641-\u064A\u0671\u067E\u0686\u06A4\u06AF\u06A9\u06CC"
DIACRITICS = "\u064B-\u0652\u0670"
ARABIC_WORD = re.compile(f"^[{LETTERS}][{LETTERS}{DIACRITICS}]*$")
LETTER = re.compile(f"[{LETTERS}]")

EXTRA_PUNCT = set("«»“”„‟\"'‘’‚‛()[]{}<>،؛؟.,;:!?…-–—_/\\|*•·#%&+=~`^$@٪٫٬۔")
TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def is_punct(ch):
    return ch in EXTRA_PUNCT or unicodedata.category(ch)[0] in "PSZ"


def strip_punct(tok):
    i, j = 0, len(tok)
    while i < j and is_punct(tok[i]):
        i += 1
    while j > i and is_punct(tok[j - 1]):
        j -= 1
    return tok[i:j]


def is_candidate(w):
    return (ARABIC_WORD.match(w) is not None
            and len(LETTER.findall(w)) >= 2
            and w[0] in PROCLITIC_LETTERS)


def load_docs(ant_dir):
    docs = []  # (doc_id, [raw whitespace tokens])
    for cat in sorted(os.listdir(ant_dir)):
        cdir = os.path.join(ant_dir, cat)
        if not os.path.isdir(cdir):
            continue
        for fn in sorted(os.listdir(cdir)):
            if not fn.endswith(".txt"):
                continue
            with open(os.path.join(cdir, fn), encoding="utf-8") as fh:
                raw = fh.read()
            text = " ".join(TEXT_RE.findall(raw))
            docs.append((fn[:-4], text.split()))
    return docs


def context(toks, i):
    left = toks[max(0, i - CONTEXT):i]
    right = toks[i + 1:i + 1 + CONTEXT]
    return " ".join([*left, "[[" + toks[i] + "]]", *right]).replace("\t", " ")


def check_gold(path, ant_dir):
    docs = dict(load_docs(ant_dir))
    errors, n = [], 0
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header[:4] != ["word", "segmentation", "doc", "context"]:
            errors.append(f"bad header: {header!r}")
        for ln, line in enumerate(fh, 2):
            f = line.rstrip("\n").split("\t")
            n += 1
            if len(f) not in (4, 5):
                errors.append(f"line {ln}: {len(f)} fields")
                continue
            word, seg, doc = f[0], f[1], f[2]
            note = f[4] if len(f) == 5 else ""
            pieces = seg.split("+")
            if "".join(pieces) != word or any(p == "" for p in pieces):
                errors.append(f"line {ln}: {seg} does not rebuild {word}")
            if doc not in docs:
                errors.append(f"line {ln}: unknown doc {doc}")
            elif word not in {strip_punct(t) for t in docs[doc]}:
                errors.append(f"line {ln}: {word} not found in {doc}")
            if note not in ("", "ambiguous", "typo"):
                errors.append(f"line {ln}: unexpected note {note!r}")
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{path}: {n} rows, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", default=DEFAULT_ANT)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--check", metavar="GOLD_TSV",
                    help="validate a gold table instead of sampling")
    args = ap.parse_args(argv)
    if args.check:
        return check_gold(args.check, args.ant)

    docs = load_docs(args.ant)
    occ = []  # (doc index, token index, word)
    for d, (_, toks) in enumerate(docs):
        for i, t in enumerate(toks):
            w = strip_punct(t)
            if is_candidate(w):
                occ.append((d, i, w))
    freq = Counter(w for _, _, w in occ)
    rng = random.Random(args.seed)

    # token sample
    order = list(range(len(occ)))
    rng.shuffle(order)
    rows, seen = [], set()
    for k in order:
        d, i, w = occ[k]
        if w in seen:
            continue
        seen.add(w)
        rows.append((w, docs[d][0], "token", freq[w], context(docs[d][1], i)))
        if len(rows) >= N_TOKEN:
            break

    # type sample among rare types
    by_type = {}
    for d, i, w in occ:
        by_type.setdefault(w, []).append((d, i))
    rare = sorted(w for w, c in freq.items() if c <= RARE_MAX_FREQ and w not in seen)
    for w in rng.sample(rare, N_TYPE):
        d, i = rng.choice(by_type[w])
        rows.append((w, docs[d][0], "type", freq[w], context(docs[d][1], i)))

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tdoc\tsample\tfreq\tcontext\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"docs={len(docs)} candidate_tokens={len(occ)} types={len(freq)} rare_types={len(rare)} "
          f"-> {len(rows)} rows: {args.out}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
