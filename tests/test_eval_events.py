"""The events scorer on a small annotated article written for this test: matching by category and participant,
modality on matched events (a planned event read as asserted is a miss) and place."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.eval.events import score

ARTICLE = ("وزير الخارجية يزور الجزائر\n"
           "من المقرر أن يزور وزير الخارجية التونسي الجزائر الأسبوع المقبل. "
           "واعتقلت الشرطة التونسية ثلاثة أشخاص في مدينة صفاقس أمس.\n")


def _write(tmp_path: Path, events: list[dict[str, object]]) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "doc-1-20260101.txt").write_text(ARTICLE, encoding="utf-8")
    record = {"doc": "doc-1-20260101", "quotes": [], "events": events, "entities": [
        {"key": "E1", "type": "GPE", "name_en": "Algeria", "aliases": ["الجزائر"]},
        {"key": "E2", "type": "GROUP", "name_en": None, "aliases": ["الشرطة التونسية"]},
        {"key": "E3", "type": "GPE", "name_en": "Sfax", "aliases": ["صفاقس"]}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


def _event(kind: str, sentence: str, actors: list[str], targets: list[str], location: str,
           modality: str) -> dict[str, object]:
    return {"type": kind, "trigger": "", "sentence": sentence, "actors": actors, "targets": targets,
            "location": location, "modality": modality}


def test_modality_and_place_are_scored_on_matched_events(tmp_path: Path) -> None:
    arrest = "واعتقلت الشرطة التونسية ثلاثة أشخاص في مدينة صفاقس أمس."
    gold = _write(tmp_path, [_event("COERCE", arrest, ["E2"], [], "مدينة صفاقس", "asserted")])
    report = score(gold, tmp_path / "articles")
    assert report["events"]["recall"] == 1.0                     # type: ignore[index]
    assert report["modality"]["accuracy"] == 1.0                 # type: ignore[index]
    assert report["place"] == {"recall": 1.0, "precision": 1.0, "gold": 1, "system": 1, "right": 1}


def test_a_planned_event_read_as_asserted_is_a_modality_miss(tmp_path: Path) -> None:
    visit = "من المقرر أن يزور وزير الخارجية التونسي الجزائر الأسبوع المقبل."
    gold = _write(tmp_path, [_event("CONSULT", visit, [], ["E1"], "الجزائر", "asserted")])
    report = score(gold, tmp_path / "articles")
    modality = report["modality"]
    assert modality["matched"] == 1 and modality["accuracy"] == 0.0   # type: ignore[index]
    assert modality["misses"] == {"asserted->planned": 1}              # type: ignore[index]


def test_detection_is_also_scored_with_each_sentence_analysed_alone(tmp_path: Path) -> None:
    gold = _write(tmp_path, [
        _event("COERCE", "واعتقلت الشرطة التونسية ثلاثة أشخاص في مدينة صفاقس أمس.", ["E2"], [], "صفاقس", "asserted"),
        _event("PROTEST", "من المقرر أن يزور وزير الخارجية التونسي الجزائر الأسبوع المقبل.", [], [], "",
               "asserted")])
    alone = score(gold, tmp_path / "articles")["detection_alone"]
    assert isinstance(alone, dict)
    assert alone["COERCE"]["precision"] == 1.0 and alone["COERCE"]["recall"] == 1.0
    # the visit is found, though no gold visit was annotated; the protest the gold wrongly claims is missed
    assert alone["CONSULT"]["precision"] == 0.0 and alone["PROTEST"]["recall"] == 0.0
