"""Build the clitic splitter's word knowledge in src/marsad/data/text/:

- lexicon.tsv: normalised word counts from the ANT v1.1 corpus (Apache-2.0; titles and texts of its 10,159
  articles) and the text of the NER training sets (ANERcorp's training split and AQMAR, CC BY-SA; the Wojood sample's
  training split, MIT) — never ANERcorp's test split;
  the forms of the quote cue table's speech verbs (``data/quotes/cues.tsv``, inflected: استطرد، أردف، يناشدون) count
  at least MIN_COUNT: the news corpus writes some of them too rarely alone to tell them from their form with و
  (وأردف, the only form it saw, stays whole, and the cue is never found);
- names.txt: words that are names on their own (Arabic country and city names from the gazetteers, ODbL and
  CC BY 4.0; Wikidata person-name tokens seen at least twice), which the splitter keeps whole (لبنان is not ل + بنان).

Deterministic: the same inputs give the same files.

    python scripts/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

from marsad.text.normalise import fold, spoken_name
from marsad.text.tokenize import MIN_COUNT, TOKEN_RE

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/marsad/data/text/lexicon.tsv"
NAMES_OUT = ROOT / "src/marsad/data/text/names.txt"
_FIELD_RE = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)
#: ANT words seen fewer times than this are left out (they would not pass MIN_COUNT either)
MIN_KEEP = 2


def ant_counts(ant: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in sorted(ant.glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for m in _FIELD_RE.finditer(raw):
            counts.update(fold(t.group()) for t in TOKEN_RE.finditer(m.group(2)) if t.lastgroup == "word")
    return counts


def conll_counts(shared: Path) -> Counter[str]:
    """Word counts of the NER training sets' text (first column of their CoNLL files)."""
    ner = shared / "data/ner"
    files = [ner / "anercorp/train.txt", ner / "wojood-sample/train.txt", *sorted((ner / "aqmar").glob("*.txt"))]
    counts: Counter[str] = Counter()
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()
            if parts and TOKEN_RE.fullmatch(parts[0]) and TOKEN_RE.fullmatch(parts[0]).lastgroup == "word":  # type: ignore[union-attr]
                counts[fold(parts[0])] += 1
    return counts


def person_tokens(shared: Path, min_count: int = 1) -> set[str]:
    names: set[str] = set()
    path = shared / "data/transliteration/wikidata-names/data/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and int(parts[2]) >= min_count:
            word = fold(parts[1].replace(" ", ""))
            if len(word) >= 2:
                names.add(word)
    return names


def curated_person_tokens(counts: Counter[str], max_count: int = 10) -> set[str]:
    """Rare single words of the curated knowledge base's people's names (هاكان فيدان: فيدان is a name, not ف + يدان).

    Only the names themselves (aliases include role phrases such as ولي العهد), and only words rare in running news:
    a word as common as بينت (showed; also Bennett) or فتح (opened; also Fatah) is left to the clitic rules."""
    import yaml

    words: set[str] = set()
    for path in sorted((ROOT / "src/marsad/data/kb/curated").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for e in data.get("entities") or []:
            if e.get("type") == "PER":
                name = e.get("name_ar") or ""
                words |= {fold(t.group()) for t in TOKEN_RE.finditer(name) if t.lastgroup == "word"}
    return {w for w in words if len(w) >= 3 and counts.get(w, 0) <= max_count}


def spoken_person_tokens(names: set[str], counts: Counter[str], min_count: int = 5) -> set[str]:
    """First names with a hamza after the article as Maghrebi news writes them as spoken (marsad.text.normalise
    .spoken_name: الأسعد → لسعد، الأزهر → لزهر), where the news text has the spoken form at least ``min_count``
    times: read as ل + سعد, «لسعد اليعقوبي» would lose the first letter of the name."""
    # (only names with a hamza after the article, of four letters or more: the spoken form of الشاب would be لشاب,
    # «for the young man», and of الانا لنا, «for us»)
    return {s for n in names if n.startswith("الا") and len(n) > 5 and (s := spoken_name(n)) != n
            and counts.get(s, 0) >= min_count}


def ambiguous(names: set[str], counts: Counter[str], min_count: int = 100) -> set[str]:
    """Name tokens that are, in running news text, mostly a conjunction before a frequent word: واكد (Waked) is far
    more often و + أكد. Seen often as written and as the word without its first letter, they are left to the clitic
    rules; a rarer name (وليد, فراس) stays whole."""
    return {n for n in names if n[:1] in "وف" and counts.get(n, 0) >= min_count and counts.get(n[1:], 0) >= min_count}


def place_tokens(shared: Path) -> set[str]:
    """Single words of Arabic country and city names."""
    names: list[str] = []
    countries = json.loads((shared / "data/gazetteers/countries/dist/countries.json").read_text(encoding="utf-8"))
    for c in countries:
        ara = c.get("translations", {}).get("ara", {})
        names += [ara.get("common", ""), ara.get("official", "")]
    with open(shared / "data/gazetteers/world-cities/Data/world-cities.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names += [row["CityNameAr"], row["CountryNameAr"]]
    words = {fold(t.group()) for n in names for t in TOKEN_RE.finditer(n) if t.lastgroup == "word"}
    return {w for w in words if len(w) >= 3}


def cue_verbs() -> set[str]:
    """The one-word forms of the quote cues' speech verbs and participles, as the cue table inflects them."""
    from marsad.quotes import cues

    return {key[0] for key, roles in cues().phrases.items()
            if len(key) == 1 and len(key[0]) >= 3 and roles.keys() & {"verb", "continue", "participle"}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    counts = ant_counts(args.shared / "data/news/ant-v1.1") + conll_counts(args.shared)
    kept = {w: c for w, c in counts.items() if c >= MIN_KEEP}
    for word in cue_verbs():
        kept[word] = max(kept.get(word, 0), MIN_COUNT)
    people = person_tokens(args.shared, min_count=2)
    spoken = spoken_person_tokens(people, counts)
    print(f"first names as spoken: {' '.join(sorted(spoken))}")
    every = place_tokens(args.shared) | people | curated_person_tokens(counts) | spoken
    dropped = ambiguous(every, counts)
    names = sorted(every - dropped)
    print(f"left to the clitic rules: {' '.join(sorted(dropped))}")
    NAMES_OUT.write_text(
        "# Words that are names on their own (gazetteer places, Wikidata and curated person-name tokens); kept whole.\n"
        "# Built by scripts/build_lexicon.py; do not edit by hand.\n" + "\n".join(names) + "\n", encoding="utf-8")
    lines = [
        "# Normalised word counts: ANT v1.1 corpus (Apache-2.0, Jawhara FM) and the text of the NER training sets "
        f"(ANERcorp train and AQMAR, CC BY-SA; Wojood sample train, MIT); words seen at least {MIN_KEEP} times; "
        f"the quote cue table's verb forms at least {MIN_COUNT}.",
        "# Built by scripts/build_lexicon.py; do not edit by hand.",
    ]
    lines += [f"{w}\t{c}" for w, c in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(kept)} words; {NAMES_OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
