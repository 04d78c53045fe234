"""Select the ANT v1.1 articles of the development set and write them as the text files the annotations refer to.

Deterministic (fixed seed). Draws from politic, internationalNews and localNews articles of 80 to 450 words that
contain at least one speech cue, in three equal strata: conflict and protest reporting, diplomacy, and other
political news. Each article is written as `<DOCNO>.txt` holding its title, a newline, and its text — exactly the
text `marsad eval` analyses, so annotated substrings can be checked against it.

    python scripts/select_dev_articles.py [--shared ../shared] [--per-stratum 16] [--out tests/data/dev/articles]

The held-out set (tests/data/heldout, annotated after the development set was tuned on, never used for tuning) is
drawn the same way with another seed, leaving out the development set's articles:

    python scripts/select_dev_articles.py --seed 2026 --per-stratum 4 --exclude tests/data/dev/articles \
        --out tests/data/heldout/articles
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FIELD_RE = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)
SPEECH = re.compile(r"\b(?:و|ف)?(?:قال|أكد|أعلن|صرح|أضاف|أوضح|أشار|شدد|اعتبر|دعا|طالب|حذر|نفى)")
STRATA = {
    "conflict": re.compile(r"هجوم|قتل|قصف|اشتباك|غارة|تفجير|انفجار|مسلح|احتجاج|وقفة احتجاجية|اعتصام|مظاهر|"
                           r"إضراب|اعتقال|إيقاف|تظاهر"),
    "diplomacy": re.compile(r"لقاء|اجتماع|زيارة|محادثات|مباحثات|مفاوضات|استقبل|اتصال هاتفي|اتفاق|قمة"),
}
CATEGORIES = ("politic", "internationalNews", "localNews")
SEED = 2017


def read_article(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8")
    fields = {m.group(1): m.group(2).strip() for m in _FIELD_RE.finditer(raw)}
    return fields.get("TITLE", ""), fields.get("TEXT", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--per-stratum", type=int, default=16)
    ap.add_argument("--out", type=Path, default=ROOT / "tests/data/dev/articles")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a folder of article files (<doc>.txt) already drawn, to leave out")
    args = ap.parse_args()
    excluded = {p.stem for folder in args.exclude for p in folder.glob("*.txt")}
    ant = args.shared / "data/news/ant-v1.1"
    pools: dict[str, list[tuple[str, str]]] = {"conflict": [], "diplomacy": [], "politics": []}
    for cat in CATEGORIES:
        for path in sorted((ant / cat).glob("*.txt")):
            if path.stem in excluded:
                continue
            title, text = read_article(path)
            words = len(text.split())
            if not (80 <= words <= 450) or not SPEECH.search(text):
                continue
            doc = f"{title}\n{text}\n"
            stratum = next((name for name, rx in STRATA.items() if len(rx.findall(text)) >= 2), "politics")
            if stratum == "politics" and cat == "localNews":
                continue  # local news without conflict or diplomacy is mostly not political
            pools[stratum].append((path.stem, doc))
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for stratum, pool in pools.items():
        for name, doc in rng.sample(pool, args.per_stratum):
            (args.out / f"{name}.txt").write_text(doc, encoding="utf-8")
            print(f"{stratum}\t{name}")


if __name__ == "__main__":
    main()
