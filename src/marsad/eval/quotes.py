"""Quotes scored on annotated articles (the development set's format).

A system quote matches a gold quote when their contents overlap by at least half of the gold content's length and,
for the speaker-attributed score, the system's speaker is the gold speaker: one of the system speaker entity's
mentions is one of the gold speaker's aliases, or contains one or is contained in one (an unnamed speaker found
shorter or longer than annotated), or their English names agree. Each gold quote matches at most one
system quote. Content-only scores drop the speaker condition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from marsad.eval import read_gold
from marsad.eval.entities import _published, same_name
from marsad.pipeline import analyze


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(gold: Path, articles: Path) -> dict[str, object]:
    totals = {"gold": 0, "system": 0, "matched": 0, "content_matched": 0}
    records = read_gold(gold)
    for record in records:
        text = (articles / f"{record['doc']}.txt").read_text(encoding="utf-8")
        doc = analyze(text, published=_published(record["doc"]))
        entities = {e["key"]: e for e in record["entities"]}
        gold_quotes = []
        for q in record["quotes"]:
            start = locate(text, q["content"], q.get("cue") or "")
            if start >= 0:
                gold_quotes.append(((start, start + len(q["content"])), entities.get(q["speaker"], {})))
        by_entity = {e.id: e for e in doc.entities}
        mention_texts: dict[str, set[str]] = {}
        for m in doc.mentions:
            if m.entity:
                mention_texts.setdefault(m.entity, set()).add(m.text)
        system = [((q.content.start, q.content.end), q.speaker) for q in doc.quotes]
        totals["gold"] += len(gold_quotes)
        totals["system"] += len(system)
        for with_speaker, key in ((True, "matched"), (False, "content_matched")):
            used: set[int] = set()
            for g_span, g_entity in gold_quotes:
                need = (g_span[1] - g_span[0]) / 2
                for i, (s_span, speaker) in enumerate(system):
                    if i in used or _overlap(g_span, s_span) < need:
                        continue
                    if with_speaker and not _same_speaker(g_entity, speaker, by_entity, mention_texts):
                        continue
                    used.add(i)
                    totals[key] += 1
                    break
    out: dict[str, object] = {}
    for name, key in (("speaker_attributed", "matched"), ("content_only", "content_matched")):
        p = totals[key] / totals["system"] if totals["system"] else 0.0
        r = totals[key] / totals["gold"] if totals["gold"] else 0.0
        out[name] = {"precision": round(p, 4), "recall": round(r, 4),
                     "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    out["counts"] = totals
    return out


def locate(text: str, content: str, cue: str) -> int:
    """Where a gold quote's content stands in the article: its one occurrence, or of several (a headline that says
    what the body says again, «مصدر خيبة أمل»), the one nearest an occurrence of its cue; -1 if it is not there."""
    found = [m.start() for m in re.finditer(re.escape(content), text)] if content else []
    if len(found) < 2 or not cue:
        return found[0] if found else -1
    cues = [m.start() for m in re.finditer(re.escape(cue), text)]
    if not cues:
        return found[0]
    return min(found, key=lambda at: min(abs(at - c) for c in cues))


def _same_speaker(gold_entity: dict[str, object], speaker: str | None, by_entity: Mapping[str, object],
                  mention_texts: dict[str, set[str]]) -> bool:
    if speaker is None or not gold_entity:
        return False
    aliases = set(gold_entity.get("aliases") or [])  # type: ignore[call-overload]
    said = mention_texts.get(speaker, set())
    if aliases & said:
        return True
    # an unnamed speaker found shorter or longer than annotated (مسؤول / مسؤول في الشرطة المحلية)
    if any(len(a) >= 3 and len(m) >= 3 and (a in m or m in a) for a in aliases for m in said):
        return True
    entity = by_entity.get(speaker)
    name_en = getattr(entity, "name_en", None)
    gold_en = gold_entity.get("name_en")
    return isinstance(gold_en, str) and same_name(name_en, gold_en)
