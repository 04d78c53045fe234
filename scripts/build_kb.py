"""Build the knowledge base shipped in the package (src/marsad/data/kb/kb.sqlite) from its sources.

    python scripts/build_kb.py [--shared ../shared]

Sources, from most to least trusted (an alias that several entities share keeps them all; the linker decides):
1. the curated tables in src/marsad/data/kb/curated/*.yaml (people with their offices and dates, organisations,
   places; Wikidata ids where verified);
2. countries (gazetteers/countries, ODbL) and world cities (gazetteers/world-cities, CC BY 4.0) as GPE entities;
3. the UniversalPetrarch Arabic actor dictionary (MIT): lemmatised names with CAMEO country and sector codes.
Every alias is stored normalised (marsad.kb.alias_key) and, for multi-word names, also as its lemma key (each
word without the article), which is how the UniversalPetrarch dictionary writes names.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import yaml

from marsad.kb import SCHEMA, alias_key, lemma_key

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = ROOT / "src/marsad/data/kb"
_PETR_CODE_RE = re.compile(r"\[([A-Z]{3})?([A-Z]{3})?[A-Z]*(?:\s+(\d{8})-(\d{8}))?\]")


def slug(prefix: str, text: str) -> str:
    return f"{prefix}:{hashlib.sha1(text.encode()).hexdigest()[:12]}"


class Builder:
    def __init__(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)
        self.known: set[str] = set()

    def entity(self, kb_id: str, etype: str, name_ar: str, name_en: str | None, country: str | None,
               sector: str | None, source: str, aliases: list[str]) -> None:
        if kb_id in self.known:
            return
        self.known.add(kb_id)
        self.db.execute("INSERT INTO entity VALUES (?,?,?,?,?,?,?)",
                        (kb_id, etype, name_ar, name_en, country, sector, source))
        keys: set[tuple[str, int]] = set()
        for alias in [name_ar, *aliases]:
            if not alias:
                continue
            keys.add((alias_key(alias), 1))
            if " " in alias.strip():
                keys.add((lemma_key(alias), 0))
        self.db.executemany("INSERT INTO alias VALUES (?,?,?)", [(k, kb_id, exact) for k, exact in keys if k])

    def curated(self, path: Path) -> None:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for office in data.get("offices") or []:
            self.db.execute("INSERT OR IGNORE INTO office VALUES (?,?)", (office["id"], office.get("en")))
            phrases = office.get("ar") or []
            self.db.executemany("INSERT INTO office_phrase VALUES (?,?)",
                                [(alias_key(p), office["id"]) for p in phrases])
        for e in data.get("entities") or []:
            self.entity(str(e["id"]), e["type"], e["name_ar"], e.get("name_en"), e.get("country"),
                        e.get("sector"), path.stem, list(e.get("aliases_ar") or []))
            for role in e.get("roles") or []:
                self.db.execute("INSERT INTO role VALUES (?,?,?,?)", (str(e["id"]), role["office"],
                                _date(role.get("start")), _date(role.get("end"))))

    def gazetteers(self, shared: Path) -> None:
        data = shared / "data/gazetteers"
        for c in json.loads((data / "countries/dist/countries.json").read_text(encoding="utf-8")):
            ar = c.get("translations", {}).get("ara")
            if not ar:
                continue
            self.entity(f"iso:{c['cca3']}", "GPE", ar["common"], c["name"]["common"], c["cca3"], None,
                        "countries", [ar["official"]])
        iso_of: dict[str, str] = {}
        for c in json.loads((data / "countries/dist/countries.json").read_text(encoding="utf-8")):
            iso_of[c["name"]["common"]] = c["cca3"]
        with open(data / "world-cities/Data/world-cities.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        for row, aliases, source in _cities(rows):
            self.entity(slug("city", row["CityNameEn"] + "|" + row["CountryNameEn"]), "GPE", row["CityNameAr"],
                        row["CityNameEn"], iso_of.get(row["CountryNameEn"]), None, source, aliases)

    def petrarch(self, shared: Path) -> None:
        path = shared / "data/dictionaries/universal-petrarch-arabic/actor_dict_ar_v4.txt"
        name: str | None = None
        codes: list[tuple[str | None, str | None]] = []

        def flush() -> None:
            if name and codes:
                country, sector = codes[-1]
                label = "PER" if country and sector and name.count("_") >= 2 else "ORG"
                self.entity(slug("petr", name), label, name.replace("_", " ").strip(), None, country, sector,
                            "universal-petrarch", [])

        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith(("\t", " \t")) or line.lstrip().startswith("["):
                codes += _petr_codes(line)
                continue
            flush()
            head, _, rest = line.partition("[")
            name = head.strip()
            codes = _petr_codes("[" + rest) if rest else []
        flush()

    def close(self) -> None:
        self.db.execute("CREATE INDEX alias_key ON alias(key)")
        self.db.execute("CREATE INDEX office_phrase_key ON office_phrase(key)")
        self.db.commit()
        self.db.execute("VACUUM")
        self.db.close()


#: words the world-cities table puts before a name that news leaves out (ولاية سيدي بوزيد, مدينة بروكسل)
_PLACE_KIND = ("محافظة", "مقاطعة", "ولاية", "بلدية", "إقليم", "منطقة", "مدينة", "مديرية")
#: a namesake this many times smaller than the largest place of its name is a less trusted reading of the name
_MINOR_RATIO = 10


def _cities(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], list[str], str]]:
    """Each world city with its extra aliases and source: the name without a word saying what kind of place it is
    (unless another city bears that name as is), and source ``world-cities-minor`` for a namesake at least ten
    times smaller than the largest place of the same name (برلين: Berlin, not Berlin in El Salvador; طرابلس keeps
    both Tripolis of Libya and Lebanon, which the article's countries must tell apart)."""
    bare = {alias_key(r["CityNameAr"]) for r in rows}
    out: list[tuple[dict[str, str], list[str], str]] = []
    for row in rows:
        first, _, rest = row["CityNameAr"].strip().partition(" ")
        extra = [rest] if first in _PLACE_KIND and rest and alias_key(rest) not in bare else []
        out.append((row, extra, "world-cities"))
    population: dict[str, int] = {}
    for row, extra, _ in out:
        for name in [row["CityNameAr"], *extra]:
            key = alias_key(name)
            population[key] = max(population.get(key, 0), _population(row))
    return [(row, extra, "world-cities-minor"
             if any(_population(row) * _MINOR_RATIO < population[alias_key(n)] for n in [row["CityNameAr"], *extra])
             else source) for row, extra, source in out]


def _population(row: dict[str, str]) -> int:
    try:
        return int(float(row.get("Population") or 0))
    except ValueError:
        return 0


def _petr_codes(text: str) -> list[tuple[str | None, str | None]]:
    out = []
    for m in _PETR_CODE_RE.finditer(text):
        a, b = m.group(1), m.group(2)
        # a three-letter country code followed by a sector (PSEREB), or a sector alone (MIL), or an IGO
        country, sector = (a, b) if b else (None, a) if a in _SECTORS else (a, None)
        out.append((country, sector))
    return out


_SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS", "CRM", "CVL",
            "REF", "ELI", "LEG", "HLH", "NGO", "LAB", "AGR", "REL", "ENV", "UAF", "IMG", "SEP", "INS"}


def _date(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=KB_DIR / "kb.sqlite")
    args = ap.parse_args()
    b = Builder(args.out)
    for path in sorted((KB_DIR / "curated").glob("*.yaml")):
        b.curated(path)
    b.gazetteers(args.shared)
    b.petrarch(args.shared)
    b.close()
    db = sqlite3.connect(args.out)
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("entity", "alias", "office", "office_phrase", "role")}
    print(f"{args.out}: {counts}")


if __name__ == "__main__":
    main()
