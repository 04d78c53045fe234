"""The knowledge base: known people, organisations and places, their Arabic names and variants, and who held which
office when. Shipped as SQLite (``data/kb/kb.sqlite``, built by ``scripts/build_kb.py``) and read into memory once.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.ner.features import normalize
from marsad.text.tokenize import phrase_norms

SCHEMA = """
CREATE TABLE entity(kb_id TEXT PRIMARY KEY, type TEXT NOT NULL, name_ar TEXT NOT NULL, name_en TEXT,
                    country TEXT, sector TEXT, source TEXT NOT NULL);
CREATE TABLE alias(key TEXT NOT NULL, kb_id TEXT NOT NULL, exact INTEGER NOT NULL);
CREATE TABLE office(office_id TEXT PRIMARY KEY, en TEXT);
CREATE TABLE office_phrase(key TEXT NOT NULL, office_id TEXT NOT NULL);
CREATE TABLE role(kb_id TEXT NOT NULL, office_id TEXT NOT NULL, start TEXT, end TEXT);
"""
#: sources in the order they are trusted when several entities share an alias (curated tables rank 0, a user's -1)
SOURCE_RANK = {"user": -1, "countries": 1, "world-cities": 3, "universal-petrarch": 4, "world-cities-minor": 5}
USER_KB_ENV = "MARSAD_KB_DIR"


#: quotation marks news puts around a name or part of it (تنظيم "داعش", حزب «الشعب الجمهوري»): no part of the name
_QUOTES = str.maketrans({c: " " for c in "\"«»“”„‟″"})


def alias_key(name: str) -> str:
    """How a name is looked up: normalised (every fold, hamza carriers too), without quotation marks, single
    spaces."""
    return " ".join(normalize(name.translate(_QUOTES)).split())


def lemma_key(name: str) -> str:
    """A name's words without the article: how the UniversalPetrarch dictionary writes them (اتحاد افريقي)."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in alias_key(name).split())


@dataclass(frozen=True)
class KBEntity:
    kb_id: str
    type: str
    name_ar: str
    name_en: str | None
    country: str | None
    sector: str | None
    source: str

    @property
    def rank(self) -> int:
        return SOURCE_RANK.get(self.source, 0)   # curated tables first


@dataclass(frozen=True)
class Role:
    kb_id: str
    office_id: str
    start: str | None
    end: str | None

    def held_on(self, date: str) -> bool:
        """Whether the office was held on ``date`` (YYYY-MM-DD); partial dates count as their whole period."""
        start_ok = self.start is None or self.start[:len(date)] <= date[:len(self.start)]
        end_ok = self.end is None or date[:len(self.end)] <= self.end
        return start_ok and end_ok


#: how many times more often a frequent word must be written as it is than with its article flipped (ترامب vs
#: الترامب، السبسي vs سبسي) to be a name only, however often the news writes it
NAME_FLIP_RATIO = 20


def _only_a_name(word: str, common: dict[str, int]) -> bool:
    """Whether a word the news writes often is a name and nothing else: the news never writes it with its article
    flipped (ترامب never as الترامب; الغنوشي never as غنوشي — a definite word only as a nisba), nor without the
    accusative ا (يوما is يوم), nor as a feminine (الليبي, الليبية: an adjective). الشاهد («the witness», also شاهد)
    and الصيد («fishing», also صيد) are common words."""
    n = common.get(word, 0)
    if len(word) < 3 or (word.startswith("ال") and not word.endswith("ي")):
        return False
    flipped = word[2:] if word.startswith("ال") else "ال" + word
    if common.get(flipped, 0) * NAME_FLIP_RATIO >= n:
        return False
    if word.endswith("ي") and common.get(word + "ه", 0) * NAME_FLIP_RATIO >= n:
        return False    # an adjective of relation has its feminine: الليبي، الليبية
    return not word.endswith("ا") or common.get(word[:-1], 0) * NAME_FLIP_RATIO < n


class KnowledgeBase:
    def __init__(self, path: Path) -> None:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            self.entities = {row[0]: KBEntity(*row) for row in db.execute("SELECT * FROM entity")}
            #: the ISO 3166-1 alpha-3 codes (those of the countries table); other codes name organisations
            self.iso_codes = frozenset(e.country for e in self.entities.values()
                                       if e.source == "countries" and e.country)
            self.exact: dict[str, list[str]] = defaultdict(list)
            self.lemma: dict[str, list[str]] = defaultdict(list)
            for key, kb_id, exact in db.execute("SELECT key, kb_id, exact FROM alias"):
                (self.exact if exact else self.lemma)[key].append(kb_id)
            #: exact aliases with their spaces left out: news writes بوركينافاسو and عبد الله as well as بوركينا فاسو
            #: and عبدالله
            self.joined: dict[str, list[str]] = defaultdict(list)
            for key, ids in self.exact.items():
                self.joined[key.replace(" ", "")].extend(ids)
            self.office_phrases: dict[str, list[str]] = defaultdict(list)
            for key, office in db.execute("SELECT key, office_id FROM office_phrase"):
                self.office_phrases[key].append(office)
            self.holders: dict[str, list[Role]] = defaultdict(list)
            self.roles_of: dict[str, list[Role]] = defaultdict(list)
            for row in db.execute("SELECT kb_id, office_id, start, end FROM role"):
                role = Role(*row)
                self.holders[role.office_id].append(role)
                self.roles_of[role.kb_id].append(role)
        finally:
            db.close()
        self._name_index: dict[str, list[tuple[tuple[str, ...], str]]] | None = None
        self._by_sector: dict[tuple[str | None, str | None], list[KBEntity]] | None = None
        self._alias_keys: dict[str, list[str]] | None = None

    def add_records(self, data: dict[str, Any], source: str = "user") -> int:
        """Add entities (and offices, roles) in the curated tables' format; returns how many entities were added.
        Raises ValueError for a record that lacks what it needs."""
        for office in data.get("offices") or []:
            for phrase in office.get("ar") or []:
                self.office_phrases[alias_key(phrase)].append(str(office["id"]))
        added = 0
        validate_records(data)
        for e in data.get("entities") or []:
            kb_id, etype, name_ar = str(e["id"]), str(e["type"]), str(e["name_ar"])
            self.entities[kb_id] = KBEntity(kb_id, etype, name_ar, e.get("name_en"), e.get("country"),
                                            e.get("sector"), source)
            for alias in [name_ar, *(e.get("aliases_ar") or [])]:
                self.exact[alias_key(alias)].append(kb_id)
                if " " in alias.strip():
                    self.lemma[lemma_key(alias)].append(kb_id)
                self.joined[alias_key(alias).replace(" ", "")].append(kb_id)
            for r in e.get("roles") or []:
                role = Role(kb_id, str(r["office"]), _text(r.get("start")), _text(r.get("end")))
                self.holders[role.office_id].append(role)
                self.roles_of[kb_id].append(role)
            added += 1
        self._name_index = self._by_sector = self._alias_keys = None
        return added

    def name_index(self, max_common: int, common: dict[str, int], person_like: Callable[[str], bool] | None = None,
                   ) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Names worth finding in running text, by their first word: every exact alias of a curated entity or a
        country, except single words that the news lexicon knows as common words (حماس is also «enthusiasm»):
        a frequent word stays only if the news writes it as nothing but a name (:func:`_only_a_name`) and, for a
        person, ``person_like`` says it reads as a person's name (بينت «she showed» is also Naftali Bennett).
        Values: (the alias's words, its entity type)."""
        if self._name_index is not None:
            return self._name_index
        index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for key, ids in self.exact.items():
            types = {self.entities[i].type for i in ids if i in self.entities and self.entities[i].rank <= 1}
            if len(types) != 1:
                continue
            # as the tokeniser sees the words, proclitics apart (الاتحاد العام التونسي للشغل: ... الشغل); the news
            # lexicon counts the tokeniser's forms (رئيس), not the tagger's keys (رييس)
            raw = phrase_norms(key)
            words = tuple(normalize(w) for w in raw) or tuple(key.split())
            kind = types.pop()
            known = [self.entities[i] for i in ids if i in self.entities]
            curated_city = kind == "GPE" and any(k.rank == 0 and k.source != "countries" for k in known)
            word = raw[0] if len(raw) == 1 else words[0]
            if len(words) == 1 and common.get(word, 0) > max_common and not curated_city and \
                    not (_only_a_name(word, common) and (kind != "PER" or person_like is None
                                                         or person_like(word))):
                continue   # (a curated city is a name however often the news writes it: صفاقس)
            index[words[0]].append((words, kind))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._name_index = dict(index)
        return self._name_index

    def lookup(self, name: str) -> list[KBEntity]:
        """Entities with ``name`` among their aliases (exactly, else by lemma key, else written without the spaces
        of a spaced alias: بوركينافاسو for بوركينا فاسو), most trusted source first."""
        key = alias_key(name)
        ids = self.exact.get(key) or self.lemma.get(lemma_key(name)) or self.joined.get(key.replace(" ", "")) or []
        found = {self.entities[i] for i in ids if i in self.entities}
        return sorted(found, key=lambda e: (e.rank, e.kb_id))

    def office_holders(self, phrase: str, date: str | None) -> list[KBEntity]:
        """Who held the office a role phrase names (الرئيس الروسي) on ``date``."""
        offices = self.office_phrases.get(alias_key(phrase), [])
        if not offices or date is None:
            return []
        ids = {r.kb_id for o in offices for r in self.holders.get(o, []) if r.held_on(date)}
        return sorted((self.entities[i] for i in ids if i in self.entities), key=lambda e: e.kb_id)

    def home_office_holders(self, phrase: str, date: str | None, country: str) -> list[KBEntity]:
        """Who held, on ``date``, the office of ``country`` that a phrase without a country names (رئيس الحكومة:
        ``data/kb/office_kinds.tsv``)."""
        kinds = _office_kinds().get(alias_key(phrase), ())
        if not kinds or date is None:
            return []
        ids = {r.kb_id for kind in kinds for r in self.holders.get(f"{country}.{kind}", []) if r.held_on(date)}
        return sorted((self.entities[i] for i in ids if i in self.entities), key=lambda e: e.kb_id)

    def home_body(self, name: str, country: str) -> KBEntity | None:
        """The body of ``country`` a name without a country stands for (البرلمان: its legislature), if the curated
        tables hold exactly one of that sector for it."""
        key = alias_key(name)
        sector = _home_bodies().get(key)
        if sector is None:
            return None
        found = self._bodies().get((country, sector), [])
        if len(found) > 1:
            # two chambers and the parliament: the one the news calls by this word (البرلمان الجزائري)
            found = [e for e in found if any(k.startswith(key + " ") for k in self._aliases_of().get(e.kb_id, ()))]
        return found[0] if len(found) == 1 else None

    def _bodies(self) -> dict[tuple[str | None, str | None], list[KBEntity]]:
        """The curated organisations by (country, sector), made on first use."""
        if self._by_sector is None:
            by_sector: dict[tuple[str | None, str | None], list[KBEntity]] = defaultdict(list)
            for e in self.entities.values():
                if e.type == "ORG" and e.rank == 0:
                    by_sector[(e.country, e.sector)].append(e)
            self._by_sector = dict(by_sector)
        return self._by_sector

    def _aliases_of(self) -> dict[str, list[str]]:
        """Each curated organisation's exact alias keys, made on first use."""
        if self._alias_keys is None:
            bodies = {e.kb_id for es in self._bodies().values() for e in es}
            keys: dict[str, list[str]] = defaultdict(list)
            for k, ids in self.exact.items():
                for i in ids:
                    if i in bodies:
                        keys[i].append(k)
            self._alias_keys = dict(keys)
        return self._alias_keys

    def office_words(self, kb_id: str, date: str) -> set[str]:
        """The first words of the phrases naming the offices ``kb_id`` held on ``date`` (الرئيس, الوزير ...),
        normalised."""
        held = {r.office_id for r in self.roles_of.get(kb_id, []) if r.held_on(date)}
        if not held:
            return set()
        return {key.split()[0] for key, offices in self.office_phrases.items() if held & set(offices)}

    def held_office(self, kb_id: str, phrase: str, date: str) -> bool | None:
        """Whether ``kb_id`` held the office ``phrase`` names on ``date`` (None: the phrase names no known office)."""
        offices = set(self.office_phrases.get(alias_key(phrase), []))
        if not offices:
            return None
        return any(r.office_id in offices and r.held_on(date) for r in self.roles_of.get(kb_id, []))


@lru_cache(maxsize=1)
def _office_kinds() -> dict[str, tuple[str, ...]]:
    """``data/kb/office_kinds.tsv``: the kinds of office (head_of_government) each country-less phrase names."""
    from marsad.ner.phrases import read_rows

    out: dict[str, list[str]] = defaultdict(list)
    for kind, phrases, *_ in read_rows("office_kinds.tsv", "kb"):
        if kind == "body":
            continue
        for phrase in phrases.split():
            out[alias_key(phrase.replace("_", " "))].append(kind)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _home_bodies() -> dict[str, str]:
    """``data/kb/office_kinds.tsv``, rows ``body``: the sector (LEG) each country-less body's name stands for."""
    from marsad.ner.phrases import read_rows

    return {alias_key(phrase.replace("_", " ")): sector for kind, sector, *rest in read_rows("office_kinds.tsv", "kb")
            if kind == "body" and rest for phrase in rest[0].split()}


def validate_records(data: dict[str, Any]) -> int:
    """Check entries in the curated tables' format; returns how many entities there are. Raises ValueError."""
    entities = data.get("entities") or []
    if not isinstance(entities, list):
        raise ValueError("'entities' must be a list")
    for e in entities:
        if not isinstance(e, dict):
            raise ValueError(f"an entity must be a mapping, not {e!r}")
        for key in ("id", "type", "name_ar"):
            if not e.get(key):
                raise ValueError(f"knowledge-base entry without {key!r}: {e!r}")
        if e["type"] not in ("PER", "ORG", "GPE", "LOC", "FAC"):
            raise ValueError(f"{e['id']}: type must be PER, ORG, GPE, LOC or FAC, not {e['type']!r}")
        for r in e.get("roles") or []:
            if not isinstance(r, dict) or "office" not in r:
                raise ValueError(f"{e['id']}: a role needs an 'office'")
    return len(entities)


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def read_records(path: Path) -> dict[str, Any]:
    """A user's knowledge-base file: YAML in the curated tables' format, or CSV with the columns id, type, name_ar,
    name_en, aliases_ar (separated by |), country, sector."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        entities = [{**row, "aliases_ar": [a.strip() for a in (row.get("aliases_ar") or "").split("|") if a.strip()]}
                    for row in rows]
        return {"entities": [{k: v for k, v in e.items() if v not in ("", None)} for e in entities]}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with 'entities' (and optionally 'offices')")
    return data


def user_kb_dir() -> Path:
    """Where ``marsad kb add`` keeps a user's additions: $MARSAD_KB_DIR, else $XDG_DATA_HOME/marsad/kb."""
    if os.environ.get(USER_KB_ENV):
        return Path(os.environ[USER_KB_ENV])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local/share")
    return Path(base) / "marsad" / "kb"


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase | None:
    """The shipped knowledge base with the user's additions, or None when the package was built without one."""
    path = Path(str(resources.files("marsad").joinpath("data/kb/kb.sqlite")))
    if not path.is_file():
        return None
    kb = KnowledgeBase(path)
    user = user_kb_dir()
    if user.is_dir():
        for extra in sorted([*user.glob("*.yaml"), *user.glob("*.yml"), *user.glob("*.csv")]):
            kb.add_records(read_records(extra))
    return kb
