"""Accuracy and speed of the name transliterator (marsad.text.translit) on google/transliteration's held-out pairs.

Word accuracy (the spelling equals the reference, letters a-z) and character error rate (edit distance over the
reference's length), for the model alone and for the dictionary and the model together. Tune on the eval split (the
default); report the test split. The model never saw a word of either (scripts/build_translit.py holds them out); the
dictionary, built from all of Wikidata's name pairs, has most of them with Wikidata's most frequent spelling, so the
second figure says how often that spelling is the reference's.

    python benchmarks/eval_translit.py [--split eval|test] [--shared ../shared] [--tables DIR] [--beam N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.text import translit

ROOT = Path(__file__).resolve().parent.parent


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("eval", "test"), default="eval")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--tables", type=Path, help="read the tables from this folder instead of the package's")
    ap.add_argument("--beam", type=int, default=translit.BEAM)
    ap.add_argument("--candidates", type=int, default=translit.CANDIDATES)
    args = ap.parse_args()
    if args.tables:
        tables: Path = args.tables
        translit._read = lambda name: (tables / name).read_text(encoding="utf-8")
    translit.BEAM, translit.CANDIDATES = args.beam, args.candidates

    path = args.shared / f"data/transliteration/google-ar2en/ar2en-{args.split}.txt"
    pairs = [(ar, translit.latin_form(en)) for ar, en in
             (line.split("\t")[:2] for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)]
    pairs = [(ar, en) for ar, en in pairs if en and translit.arabic_key(ar)]
    t0 = time.perf_counter()
    translit._model(), translit._dictionary()
    load = time.perf_counter() - t0
    print(f"{len(pairs)} pairs of the {args.split} split; tables loaded in {load:.2f} s")
    for label, use_dictionary in (("model alone", False), ("dictionary + model", True)):
        right = errors = chars = 0
        t0 = time.perf_counter()
        for ar, en in pairs:
            out = translit.transliterate_word.__wrapped__(ar, use_dictionary)
            right += out == en
            errors += edit_distance(out, en)
            chars += len(en)
        dt = time.perf_counter() - t0
        print(f"{label:20s} word accuracy {right / len(pairs):.3f}  CER {errors / chars:.3f}  "
              f"({dt / len(pairs) * 1000:.2f} ms/word)")


if __name__ == "__main__":
    main()
