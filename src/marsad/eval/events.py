"""PLOVER events scored on annotated articles (the development set's format).

An event counts when its category matches a gold event's in the same sentence and it shares at least one actor or
recipient with it (entities compared by the gold aliases among the system entity's mentions, or by English name).
Each gold event matches at most one system event (of several that qualify, the one on the gold trigger's words).
Also scored: category-only detection per sentence (a sentence's set of categories against the gold sentence's), per
category, in the article and with each sentence analysed alone (how isolated sentences are judged); and, on the matched
events, modality (the share whose modality is the gold one, with a confusion count of
the misses, and precision/recall/F1 of the non-asserted ones: an event that did not happen must not pass as
asserted) and place (of the gold events with a location, the share whose ``event_loc`` is that place; of the system
places on matched events, the share that are right). Gold events marked unsure count like the others.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from marsad.eval import read_gold
from marsad.eval.entities import _published, same_name
from marsad.pipeline import analyze
from marsad.text.normalise import fold

ALIASES = {"DEMAND": "REQUEST"}   # the seed annotation's one pre-PLOVER-2 name


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "support": tp + fn}


def score(gold: Path, articles: Path) -> dict[str, object]:
    records = read_gold(gold)
    tp = fp = fn = 0
    modality: Counter[tuple[str, str]] = Counter()   # (gold, system) on matched events
    places: Counter[str] = Counter()
    det_tp: Counter[str] = Counter()
    det_fp: Counter[str] = Counter()
    det_fn: Counter[str] = Counter()
    alone: Counter[tuple[str, str]] = Counter()   # (category, tp/fp/fn) with every sentence analysed by itself
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
        by_name = {e.id: e for e in doc.entities}
        for (category, sentence, keys), v in zip(gold_events, record["events"], strict=True):
            candidates = [i for i, e in enumerate(doc.events) if i not in used and e.event == category
                          and e.sentence == sentence and any(same(k, x) for k in keys for x in e.actor + e.recipient)]
            # of several, the one on the gold trigger's words, so that modality and place are compared on the same
            # event («يتوجه ... لقائهما ... لإجراء محادثات» are three consultations of one sentence)
            trigger = fold(v.get("trigger") or "")
            hit = next((i for i in candidates if (t := doc.events[i].trigger) is not None and fold(t.text) in trigger),
                       candidates[0] if candidates else None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            found = doc.events[hit]
            modality[(v.get("modality", "asserted"), found.modality)] += 1
            gold_place = v.get("location") or None
            system_place = by_name.get(found.event_loc or "")
            if gold_place:
                places["gold"] += 1
            if system_place is not None:
                places["system"] += 1
                # the same place named alike, or a gold name that holds the system's mention as a word sequence
                # («منطقة القصيم» for القصيم)
                said = {fold(t) for t in texts.get(system_place.id, set())}
                right = gold_place is not None and (
                    same_name(system_place.name_en, gold_place)
                    or any(f" {t} " in f" {fold(gold_place)} " for t in said))
                places["right"] += bool(right)
        fp += len(doc.events) - len(used)
        gold_sets = {(s, c) for c, s, _ in gold_events}
        system_sets = {(e.sentence, e.event) for e in doc.events}
        for _, c in gold_sets & system_sets:
            det_tp[c] += 1
        for _, c in system_sets - gold_sets:
            det_fp[c] += 1
        for _, c in gold_sets - system_sets:
            det_fn[c] += 1
        # the same detection with each sentence analysed alone, as held-out sentences are judged one by one (the
        # article's context then neither supplies an actor nor merges a mention with an earlier one)
        for si, part in enumerate(doc.sentences):
            found_alone = {e.event for e in analyze(text[part.start:part.end],
                                                    published=_published(record["doc"])).events}
            wanted = {c for s_, c in gold_sets if s_ == si}
            for c in found_alone | wanted:
                alone[c, "tp" if c in found_alone and c in wanted else "fp" if c in found_alone else "fn"] += 1
    categories = sorted(set(det_tp) | set(det_fp) | set(det_fn))
    matched = sum(modality.values())
    non_asserted = _prf(sum(n for (g, x), n in modality.items() if g != "asserted" and x != "asserted"),
                        sum(n for (g, x), n in modality.items() if g == "asserted" and x != "asserted"),
                        sum(n for (g, x), n in modality.items() if g != "asserted" and x == "asserted"))
    return {
        "events": _prf(tp, fp, fn),
        "modality": {"accuracy": round(sum(n for (g, x), n in modality.items() if g == x) / matched, 4)
                     if matched else 0.0, "matched": matched, "not_asserted": non_asserted,
                     "misses": {f"{g}->{x}": n for (g, x), n in sorted(modality.items()) if g != x}},
        "place": {"recall": round(places["right"] / places["gold"], 4) if places["gold"] else 0.0,
                  "precision": round(places["right"] / places["system"], 4) if places["system"] else 0.0,
                  "gold": places["gold"], "system": places["system"], "right": places["right"]},
        "detection": {"micro": _prf(sum(det_tp.values()), sum(det_fp.values()), sum(det_fn.values())),
                      **{c: _prf(det_tp[c], det_fp[c], det_fn[c]) for c in categories}},
        "detection_alone": {c: _prf(alone[c, "tp"], alone[c, "fp"], alone[c, "fn"])
                            for c in sorted({c for c, _ in alone})},
    }
