"""PLOVER events scored on annotated articles (the development set's format).

An event counts when its category matches a gold event's in the same sentence and it shares at least one actor or
recipient with it (entities compared by the gold aliases among the system entity's mentions, or by English name).
Each gold event matches at most one system event. Also scored: category-only detection per sentence (a sentence's
set of categories against the gold sentence's), per category. Gold events marked unsure count like the others.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from marsad.eval.entities import _published, same_name
from marsad.pipeline import analyze

ALIASES = {"DEMAND": "REQUEST"}   # the seed annotation's one pre-PLOVER-2 name


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "support": tp + fn}


def score(gold: Path, articles: Path) -> dict[str, object]:
    raw = gold.read_text(encoding="utf-8")
    records = [json.loads(raw)] if gold.suffix == ".json" else [json.loads(x) for x in raw.splitlines() if x.strip()]
    tp = fp = fn = 0
    det_tp: Counter[str] = Counter()
    det_fp: Counter[str] = Counter()
    det_fn: Counter[str] = Counter()
    for record in records:
        text = (articles / f"{record['doc']}.txt").read_text(encoding="utf-8")
        doc = analyze(text, published=_published(record["doc"]))
        entities = {e["key"]: e for e in record["entities"]}
        texts: dict[str, set[str]] = {}
        for m in doc.mentions:
            if m.entity:
                texts.setdefault(m.entity, set()).add(m.text)
        names = {e.id: e.name_en for e in doc.entities}

        def same(gold_key: str, system_id: str, entities: dict = entities, texts: dict = texts,  # type: ignore[type-arg]
                 names: dict = names) -> bool:  # type: ignore[type-arg]
            g = entities.get(gold_key, {})
            if set(g.get("aliases", [])) & texts.get(system_id, set()):
                return True
            return isinstance(g.get("name_en"), str) and same_name(names.get(system_id), g["name_en"])

        gold_events = []
        for v in record["events"]:
            start = text.find(v["sentence"])
            gold_events.append((ALIASES.get(v["type"], v["type"]), doc.sentence_of(start) if start >= 0 else -1,
                                v.get("actors", []) + v.get("targets", [])))
        used: set[int] = set()
        for category, sentence, keys in gold_events:
            hit = next((i for i, e in enumerate(doc.events) if i not in used and e.event == category
                        and e.sentence == sentence and any(same(k, x) for k in keys for x in e.actor + e.recipient)),
                       None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(doc.events) - len(used)
        gold_sets = {(s, c) for c, s, _ in gold_events}
        system_sets = {(e.sentence, e.event) for e in doc.events}
        for _, c in gold_sets & system_sets:
            det_tp[c] += 1
        for _, c in system_sets - gold_sets:
            det_fp[c] += 1
        for _, c in gold_sets - system_sets:
            det_fn[c] += 1
    categories = sorted(set(det_tp) | set(det_fp) | set(det_fn))
    return {
        "events": _prf(tp, fp, fn),
        "detection": {"micro": _prf(sum(det_tp.values()), sum(det_fp.values()), sum(det_fn.values())),
                      **{c: _prf(det_tp[c], det_fp[c], det_fn[c]) for c in categories}},
    }
