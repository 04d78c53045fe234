#!/usr/bin/env python3
"""Held-out sample of Arabic news words beginning with a possible proclitic letter.

Same method as scripts/sample_clitic_words.py (its tokenisation, candidate
filter and context functions are imported unchanged), with:
  * seed 2026 (the first table used seed 13);
  * 147 token-sampled + 73 type-sampled rows (= 220, same 2:1 mix);
  * every word form in tests/data/clitics/gold.tsv (first column) excluded
    from both draws, so the two tables share no word.

Usage: python3 tests/data/clitics-heldout/heldout_sample.py [--ant DIR] [--out FILE] [--seed N]
"""
import argparse
import os
import random
import sys
from collections import Counter

_HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.abspath(os.path.join(_HERE, "..", "..", ".."))  # repo root when kept in tests/data/clitics-heldout/
if not os.path.exists(os.path.join(MAIN, "scripts", "sample_clitic_words.py")):
    MAIN = "/work/main"
sys.path.insert(0, os.path.join(MAIN, "scripts"))
import sample_clitic_words as S  # noqa: E402  (read-only import, not edited)

N_TOKEN = 147
N_TYPE = 73
EXCLUDE = os.path.join(MAIN, "tests", "data", "clitics", "gold.tsv")
OUT = os.path.join(MAIN, "tests", "data", "clitics-heldout", "sample.tsv")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", default=S.DEFAULT_ANT)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--exclude", default=EXCLUDE)
    args = ap.parse_args(argv)

    with open(args.exclude, encoding="utf-8") as fh:
        fh.readline()
        excluded = {line.split("\t")[0] for line in fh if line.strip()}

    docs = S.load_docs(args.ant)
    occ = []
    for d, (_, toks) in enumerate(docs):
        for i, t in enumerate(toks):
            w = S.strip_punct(t)
            if S.is_candidate(w):
                occ.append((d, i, w))
    freq = Counter(w for _, _, w in occ)  # frequency over the whole corpus
    rng = random.Random(args.seed)

    order = list(range(len(occ)))
    rng.shuffle(order)
    rows, seen = [], set()
    for k in order:
        d, i, w = occ[k]
        if w in seen or w in excluded:
            continue
        seen.add(w)
        rows.append((w, docs[d][0], "token", freq[w], S.context(docs[d][1], i)))
        if len(rows) >= N_TOKEN:
            break

    by_type = {}
    for d, i, w in occ:
        by_type.setdefault(w, []).append((d, i))
    rare = sorted(w for w, c in freq.items()
                  if c <= S.RARE_MAX_FREQ and w not in seen and w not in excluded)
    for w in rng.sample(rare, N_TYPE):
        d, i = rng.choice(by_type[w])
        rows.append((w, docs[d][0], "type", freq[w], S.context(docs[d][1], i)))

    assert not ({r[0] for r in rows} & excluded)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tdoc\tsample\tfreq\tcontext\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"docs={len(docs)} candidate_tokens={len(occ)} types={len(freq)} "
          f"excluded={len(excluded)} rare_types={len(rare)} -> {len(rows)} rows: {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
