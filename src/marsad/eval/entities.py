"""Entity resolution and linking scored on annotated articles (the development set's format).

Gold mentions are the occurrences of each named entity's aliases (unnamed groups aside). Only the mentions the system
found with exactly the gold span are scored here — finding mentions is the tagger's score (``marsad eval ner``):
- clusters: pairwise precision/recall/F1 — of the pairs of mentions the system puts in one entity, how many the
  annotation puts in one entity, and the converse;
- linking: of the gold entities that have a knowledge-base entry (one whose English name is the annotation's
  ``name_en``) and that the system found, the share linked to it (accuracy); and, of all the system's links on found
  gold entities, the share that point to a different real entity (wrong links).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path

from marsad.eval import read_gold
from marsad.eval.ner import _occurrences, _word_bounded
from marsad.kb import knowledge_base
from marsad.pipeline import analyze
from marsad.resolve import LOCAL_PREFIX


def score(gold: Path, articles: Path) -> dict[str, object]:
    kb = knowledge_base()
    kb_names = {name_key(e.name_en) for e in kb.entities.values() if e.name_en} if kb else set()
    gold_pairs = sys_pairs = both_pairs = 0
    scored_mentions = 0
    in_kb = linked_right = 0
    links = wrong_links = 0
    for record in read_gold(gold):
        text = (articles / f"{record['doc']}.txt").read_text(encoding="utf-8")
        doc = analyze(text, published=_published(record["doc"]))
        gold_of: dict[tuple[int, int], str] = {}
        for e in record["entities"]:
            if e["type"] == "GROUP":
                continue
            for alias in e["aliases"]:
                for start in _occurrences(text, alias):
                    span = (start, start + len(alias))
                    if _word_bounded(text, *span):
                        gold_of.setdefault(span, e["key"])
        system_of = {(m.start, m.end): m.entity for m in doc.mentions if m.entity}
        spans = sorted(s for s in gold_of if s in system_of)
        scored_mentions += len(spans)
        for a, b in combinations(spans, 2):
            same_gold, same_sys = gold_of[a] == gold_of[b], system_of[a] == system_of[b]
            gold_pairs += same_gold
            sys_pairs += same_sys
            both_pairs += same_gold and same_sys
        entities = {e.id: e for e in doc.entities}
        for e in record["entities"]:
            found = [system_of[s] for s in spans if gold_of[s] == e["key"]]
            if not found:
                continue
            system = entities[Counter(found).most_common(1)[0][0]]
            name_en = e.get("name_en")
            linked = system.kb_id is not None and not system.kb_id.startswith(LOCAL_PREFIX)
            if linked:
                links += 1
                wrong_links += bool(name_en) and not same_name(system.name_en, name_en)
            if name_en and name_key(name_en) in kb_names:
                in_kb += 1
                linked_right += linked and same_name(system.name_en, name_en)
    p = both_pairs / sys_pairs if sys_pairs else 0.0
    r = both_pairs / gold_pairs if gold_pairs else 0.0
    return {
        "clusters": {"precision": round(p, 4), "recall": round(r, 4),
                     "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "mentions": scored_mentions},
        "linking": {"accuracy": round(linked_right / in_kb, 4) if in_kb else 0.0, "entities_in_kb": in_kb,
                    "links": links, "wrong_links": wrong_links,
                    "wrong_link_rate": round(wrong_links / links, 4) if links else 0.0},
    }


#: words that only say what kind of thing a name names (State of Palestine, Ennahda Movement, Georgia (country))
_GENERIC = frozenset({"the", "state", "of", "movement", "party", "governorate", "province", "city", "country",
                      "republic", "kingdom"})


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two English names are one name written two ways (see :func:`name_key`)."""
    return bool(a) and bool(b) and name_key(a or "") == name_key(b or "")


def name_key(name: str) -> str:
    """An English name with case, spaces, hyphens, accents, a disambiguator in parentheses or after a comma
    (Wikipedia's «Monastir, Tunisia») and generic words left out: Kim Jong-un = Kim Jong Un; State of Palestine =
    Palestine; İzmir = Izmir; Hafedh Caïd Essebsi = Hafedh Caid Essebsi; Ez Zahra = Ezzahra (transliterations split
    an article or not). Not «Washington, D.C.», another place than Washington."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    head, comma, tail = name.partition(",")
    if comma and "." not in tail:
        name = head
    name = re.sub(r"\([^)]*\)", " ", name.lower()).replace("-", " ")
    return "".join(w for w in re.findall(r"[a-z0-9']+", name) if w not in _GENERIC)


def _published(doc_name: str) -> str | None:
    """ANT document names end with the publication date (JA-politic-1-20170121)."""
    stamp = doc_name.rsplit("-", 1)[-1]
    if len(stamp) == 8 and stamp.isdigit():
        # YYYYMMDD, or DDMMYYYY in some (19102016 is 19 October 2016, not the 20th month of 1910)
        for iso in (f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}", f"{stamp[4:]}-{stamp[2:4]}-{stamp[:2]}"):
            try:
                date.fromisoformat(iso)
            except ValueError:
                continue
            return iso
    return None
