"""The named-entity stage: mentions from the shipped model, proclitics left out, places typed, names consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import analyze
from marsad.ner.tagger import ModelError, _crf_tagger, load_model


def mentions(text: str, labels: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in analyze(text).mentions if m.label in labels]


def test_model_is_shipped_and_loads() -> None:
    model = load_model()
    assert model is not None and model.pass2 is not None


def test_seed_article_people_and_places(seed_text: str) -> None:
    got = set(mentions(seed_text))
    for name in ("بوتين", "ويتكوف", "ويتكوڤ", "كوشنر", "زيلينسكي"):
        assert (name, "PER") in got or any(t.endswith(name) and lab == "PER" for t, lab in got), name
    for place in ("أوكرانيا", "روسيا", "موسكو"):
        assert (place, "GPE") in got, place


def test_mentions_leave_proclitics_out(seed_text: str) -> None:
    texts = [t for t, _ in mentions(seed_text)]
    assert all(not t.startswith(("وويتكوڤ", "وكوشنر", "لروسيا", "وروسيا")) for t in texts)
    assert "ويتكوڤ" in texts


def test_places_are_typed() -> None:
    model = load_model()
    assert model is not None
    assert model.place_label(["تونس"]) == "GPE"
    assert model.place_label(["الكرملين"]) == "FAC"
    assert model.place_label(["مطار", "قرطاج"]) == "FAC"
    assert model.place_label(["البحر", "المتوسط"]) == "LOC"


def test_a_name_gets_one_label_throughout_the_article() -> None:
    text = ("التقى الرئيس التونسي الباجي قائد السبسي رئيس الحكومة يوسف الشاهد في قصر قرطاج. "
            "وقال الشاهد إن الحكومة ماضية في الإصلاحات. وأضاف الشاهد أن المحادثات كانت مثمرة.")
    labels = {lab for t, lab in mentions(text) if t == "الشاهد"}
    assert len(labels) <= 1


def test_damaged_model_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        _crf_tagger(bad)


def test_a_name_never_runs_over_a_word_that_cannot_be_in_it() -> None:
    import marsad

    doc = marsad.analyze("التقى وزير الخارجية المصري بدر عبد العاطي نظيره الأردني أيمن الصفدي في عمان.",
                         published="2025-12-01")
    people = [m.text for m in doc.mentions if m.label == "PER"]
    assert "بدر عبد العاطي" in people and not any("نظيره" in p for p in people)


def test_a_surname_alone_after_a_full_name_from_the_knowledge_base_is_the_person() -> None:
    from marsad import analyze
    doc = analyze("التقى الرئيس التونسي الباجي قايد السبسي نظيره الفرنسي. وقال السبسي إن التعاون مهم.")
    people = [m for m in doc.mentions if m.label == "PER"]
    assert [m.text for m in people] == ["الباجي قايد السبسي", "السبسي"]
    assert people[0].entity == people[1].entity


def test_a_curated_city_is_found_however_common_its_name_and_a_back_reference_is_no_name() -> None:
    from marsad import analyze
    doc = analyze("اعتقلت الشرطة أمس ثلاثة أشخاص في صفاقس. وأعلنت وزارة الداخلية التونسية ذلك، وقالت الوزارة إن "
                  "التحقيق متواصل.")
    assert [m.text for m in doc.mentions if m.label == "GPE"] == ["صفاقس"]
    reference = [m for m in doc.mentions if m.text == "الوزارة"]
    assert reference and reference[0].extra == {"reference": "definite"}


def test_a_known_name_replaces_the_shorter_name_the_tagger_found_inside_it() -> None:
    # «نداء تونس» is a party the knowledge base knows; the tagger sees only the country inside its name
    doc = analyze("نداء تونس يقاضي كل من يسعى لتشويه نوابه")
    assert [(m.label, m.text) for m in doc.mentions if m.label in ("ORG", "GPE")] == [("ORG", "نداء تونس")]


def test_a_head_noun_alone_is_a_back_reference_whatever_the_tagger_says() -> None:
    doc = analyze("وأكدت منظمة العفو الدولية أن الوضع خطير. وقالت المنظمة إن التحقيق ضروري.")
    [back] = [m for m in doc.mentions if m.text == "المنظمة"]
    assert back.extra == {"reference": "definite"}
    assert back.entity == next(m.entity for m in doc.mentions if m.text == "منظمة العفو الدولية")


def test_a_known_name_with_a_proclitic_inside_is_found_as_the_tokeniser_splits_it() -> None:
    # «الاتحاد العام التونسي للشغل»: the knowledge base writes للشغل, the tokeniser sees ل + الشغل
    doc = analyze("وطالب الاتحاد العام التونسي للشغل الحكومة بالتراجع.")
    assert ("ORG", "الاتحاد العام التونسي للشغل") in [(m.label, m.text) for m in doc.mentions]
