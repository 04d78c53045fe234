"""Build the Arabic-to-Latin name transliterator's tables in src/marsad/data/translit/:

- dictionary.tsv: the most frequent English spelling of each Arabic name word, from the Wikidata person-name token
  pairs (steveash/NETransliteration-COLING2018, CC0; with their counts) and the training split of
  google/transliteration's Arabic–English pairs (Apache-2.0). Pairs that the character model cannot align
  (translations such as الأول -> i, mining noise) are left out;
- model.json: a joint-sequence ("graphone") model for words the dictionary does not have. Each training pair is aligned
  monotonically, every Arabic letter to a Latin substring of 0-3 letters (EM over all alignments of the pair, then the
  best one), and an n-gram model with absolute discounting is estimated over the sequences of (letter, substring)
  units. The runtime (marsad.text.translit) decodes a word with a small beam search over that model.

The model is trained on the same pairs less every word of google/transliteration's eval and test splits (also where
Wikidata has it), so that ``benchmarks/eval_translit.py`` measures it on words it never saw; the eval split is for
tuning, the test split for the figures only.

Deterministic: the same inputs give the same files.

    python scripts/build_translit.py [--shared ../shared] [--order 4] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from marsad.text.translit import MAX_LATIN, UNIT_BASE, arabic_key, dictionary_key, latin_form

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/marsad/data/translit"
BOS, EOS = "<s>", "</s>"


def google_pairs(shared: Path, split: str) -> list[tuple[str, str]]:
    path = shared / f"data/transliteration/google-ar2en/ar2en-{split}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        ar, en = line.split("\t")[:2]
        a, e = arabic_key(ar), latin_form(en)
        if a and e:
            out.append((a, e))
    return out


def wikidata_pairs(shared: Path) -> Counter[tuple[str, str]]:
    path = shared / "data/transliteration/wikidata-names/data/wd_arabic.normalized.aligned.tokens"
    counts: Counter[tuple[str, str]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        en, ar, n = parts
        a, e = arabic_key(ar.replace(" ", "")), latin_form(en)
        if a and e:
            counts[(a, e)] += int(n)
    return counts


# --- alignment -----------------------------------------------------------------------------------------------------

def _forward(a: str, e: str, p: dict[tuple[str, str], float]) -> list[list[float]]:
    n, m = len(a), len(e)
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    for i in range(n):
        row, nxt, ch = alpha[i], alpha[i + 1], a[i]
        for j in range(m + 1):
            v = row[j]
            if not v:
                continue
            for k in range(min(MAX_LATIN, m - j) + 1):
                q = p.get((ch, e[j:j + k]))
                if q:
                    nxt[j + k] += v * q
    return alpha


def _backward(a: str, e: str, p: dict[tuple[str, str], float]) -> list[list[float]]:
    n, m = len(a), len(e)
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        row, nxt, ch = beta[i], beta[i + 1], a[i]
        for j in range(m + 1):
            s = 0.0
            for k in range(min(MAX_LATIN, m - j) + 1):
                q = p.get((ch, e[j:j + k]))
                if q and nxt[j + k]:
                    s += q * nxt[j + k]
            row[j] = s
    return beta


def em_align(pairs: list[tuple[str, str]], iterations: int = 5) -> dict[tuple[str, str], float]:
    """Joint probabilities of (Arabic letter, Latin substring) units, by EM over every monotone alignment."""
    counts: Counter[tuple[str, str]] = Counter()
    for a, e in pairs:
        for ch in a:
            for j in range(len(e) + 1):
                for k in range(min(MAX_LATIN, len(e) - j) + 1):
                    counts[(ch, e[j:j + k])] += 1
    total = sum(counts.values())
    p = {u: c / total for u, c in counts.items()}
    for it in range(iterations):
        expected: defaultdict[tuple[str, str], float] = defaultdict(float)
        loglik, used = 0.0, 0
        for a, e in pairs:
            alpha, beta = _forward(a, e, p), _backward(a, e, p)
            z = alpha[len(a)][len(e)]
            if z <= 0:
                continue
            used += 1
            loglik += math.log(z)
            m = len(e)
            for i, ch in enumerate(a):
                row, nxt = alpha[i], beta[i + 1]
                for j in range(m + 1):
                    v = row[j]
                    if not v:
                        continue
                    for k in range(min(MAX_LATIN, m - j) + 1):
                        u = (ch, e[j:j + k])
                        q = p.get(u)
                        if q and nxt[j + k]:
                            expected[u] += v * q * nxt[j + k] / z
        mass = sum(expected.values())
        p = {u: c / mass for u, c in expected.items() if c / mass > 1e-7}
        print(f"  EM {it + 1}: {used} pairs aligned, log-likelihood {loglik:,.0f}, {len(p)} units", file=sys.stderr)
    return p


def viterbi(a: str, e: str, p: dict[tuple[str, str], float]) -> tuple[list[tuple[str, str]], float] | None:
    """The best alignment of a pair and its log-probability per Arabic letter, or None if there is none."""
    n, m = len(a), len(e)
    best: list[list[tuple[float, int]]] = [[(-math.inf, -1)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, -1)
    for i in range(n):
        for j in range(m + 1):
            s = best[i][j][0]
            if s == -math.inf:
                continue
            for k in range(min(MAX_LATIN, m - j) + 1):
                q = p.get((a[i], e[j:j + k]))
                if q and s + math.log(q) > best[i + 1][j + k][0]:
                    best[i + 1][j + k] = (s + math.log(q), j)
    if best[n][m][0] == -math.inf:
        return None
    units: list[tuple[str, str]] = []
    j = m
    for i in range(n, 0, -1):
        pj = best[i][j][1]
        units.append((a[i - 1], e[pj:j]))
        j = pj
    return units[::-1], best[n][m][0] / n


# --- the n-gram model over units -----------------------------------------------------------------------------------

def ngram_model(sequences: list[list[str]], order: int, discount: float, min_count: int
                ) -> tuple[dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    """Log-probabilities of the n-grams kept and back-off weights of their contexts (interpolated absolute
    discounting, written in back-off form). n-grams above the bigram seen fewer than ``min_count`` times are pruned."""
    counts: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order + 1)]
    for seq in sequences:
        s = [BOS] * (order - 1) + seq + [EOS]
        for i in range(order - 1, len(s)):
            for n in range(1, order + 1):
                counts[n][tuple(s[i - n + 1:i + 1])] += 1
    uni_total = sum(counts[1].values())
    prob: dict[tuple[str, ...], float] = {g: c / uni_total for g, c in counts[1].items()}
    logp: dict[tuple[str, ...], float] = {g: math.log(v) for g, v in prob.items()}
    backoff: dict[tuple[str, ...], float] = {}
    for n in range(2, order + 1):
        kept = {g: c for g, c in counts[n].items() if n == 2 or c >= min_count}
        ctx_total: Counter[tuple[str, ...]] = Counter()
        for g, c in counts[n].items():
            ctx_total[g[:-1]] += c
        # the mass a context does not give its kept n-grams goes to the lower order
        seen_mass: defaultdict[tuple[str, ...], float] = defaultdict(float)
        for g, c in kept.items():
            seen_mass[g[:-1]] += (c - discount) / ctx_total[g[:-1]]
        for ctx, mass in seen_mass.items():
            backoff[ctx] = max(1.0 - mass, 1e-9)
        new_prob = {g: (c - discount) / ctx_total[g[:-1]] + backoff[g[:-1]] * _lower_prob(prob, backoff, g[1:])
                    for g, c in kept.items()}
        prob.update(new_prob)
        logp.update({g: math.log(v) for g, v in new_prob.items()})
    return logp, {ctx: math.log(w) for ctx, w in backoff.items()}


def _lower_prob(prob: dict[tuple[str, ...], float], backoff: dict[tuple[str, ...], float], g: tuple[str, ...]) -> float:
    weight = 1.0
    while g not in prob:
        weight *= backoff.get(g[:-1], 1.0)
        g = g[1:]
        if not g:
            return 1e-9
    return weight * prob[g]


def write_model(path: Path, logp: dict[tuple[str, ...], float], backoff: dict[tuple[str, ...], float],
                order: int) -> None:
    """JSON, read in one call at run time: the units (a unit is an Arabic letter and its Latin substring, and the
    word's start and end), and the log-probabilities and back-off weights of the n-grams, each n-gram written as a
    string of one character per unit (unit i is chr(UNIT_BASE + i))."""
    units = sorted({u for g in logp for u in g} | {u for g in backoff for u in g})
    code = {u: chr(UNIT_BASE + i) for i, u in enumerate(units)}
    model = {
        "about": f"marsad transliteration model: graphone {order}-gram; built by scripts/build_translit.py from "
                 "Wikidata person names (CC0) and google/transliteration (Apache-2.0)",
        "order": order,
        "units": units,
        "logp": {"".join(code[u] for u in g): round(v, 3) for g, v in sorted(logp.items())},
        "backoff": {"".join(code[u] for u in g): round(v, 3) for g, v in sorted(backoff.items()) if abs(v) >= 5e-4},
    }
    path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def unit_name(ch: str, latin: str) -> str:
    return ch + latin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--order", type=int, default=4)
    ap.add_argument("--discount", type=float, default=0.8)
    ap.add_argument("--min-count", type=int, default=2, help="n-grams above the bigram seen fewer times are pruned")
    ap.add_argument("--iterations", type=int, default=5)
    args = ap.parse_args()

    train = google_pairs(args.shared, "train")
    held_out = {a for split in ("eval", "test") for a, _ in google_pairs(args.shared, split)}
    wiki = wikidata_pairs(args.shared)
    pair_counts: Counter[tuple[str, str]] = Counter(wiki)
    for pair in train:
        pair_counts[pair] += 1
    pairs = sorted(pair_counts)
    print(f"{len(pairs)} distinct pairs ({len(wiki)} Wikidata, {len(train)} google train)", file=sys.stderr)

    p = em_align(pairs, args.iterations)
    aligned: dict[tuple[str, str], list[tuple[str, str]]] = {}
    scores: dict[tuple[str, str], float] = {}
    for pair in pairs:
        best = viterbi(pair[0], pair[1], p)
        if best is not None:
            aligned[pair], scores[pair] = best
    # the worst-aligned pairs are translations or noise (الله -> granada): out of the dictionary and the model
    cut = sorted(scores.values())[len(scores) // 50]
    good = {pair for pair, s in scores.items() if s >= cut}
    print(f"{len(aligned)} pairs aligned, {len(good)} kept (per-letter log-probability >= {cut:.2f})", file=sys.stderr)

    args.out.mkdir(parents=True, exist_ok=True)
    best_form: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, e), c in pair_counts.items():
        if (a, e) in good:
            best_form[dictionary_key(a)][e] += c
    dict_lines = ["# Arabic name word (marsad.text.translit.dictionary_key), its most frequent English spelling, "
                  "times seen; built by scripts/build_translit.py from Wikidata (CC0) and google/transliteration "
                  "(Apache-2.0)"]
    for a in sorted(best_form):
        form, _ = min(best_form[a].items(), key=lambda f: (-f[1], f[0]))
        dict_lines.append(f"{a}\t{form}\t{sum(best_form[a].values())}")
    (args.out / "dictionary.tsv").write_text("\n".join(dict_lines) + "\n", encoding="utf-8")

    sequences = [[unit_name(ch, lat) for ch, lat in aligned[pair]]
                 for pair in sorted(good) if pair[0] not in held_out]
    logp, backoff = ngram_model(sequences, args.order, args.discount, args.min_count)
    write_model(args.out / "model.json", logp, backoff, args.order)
    print(f"dictionary: {len(best_form)} words; model: {len(sequences)} training words, {len(logp)} n-grams",
          file=sys.stderr)


if __name__ == "__main__":
    main()
