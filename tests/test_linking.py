"""Linking to the knowledge base: which reading of a shared name, and which names are no one in particular.

The resolver is tested alone: the mentions are given, so that the tagger's choices do not enter."""

from __future__ import annotations

from given_mentions import resolved
from marsad.document import Document, Entity
from marsad.kb import alias_key, knowledge_base
from marsad.pipeline import analyze
from marsad.resolve import LOCAL_PREFIX


def _entity(doc: Document, text: str) -> Entity:
    m = next(m for m in doc.mentions if m.text == text)
    return next(e for e in doc.entities if e.id == m.entity)


def _linked(e: Entity) -> bool:
    return e.kb_id is not None and not e.kb_id.startswith(LOCAL_PREFIX)


def test_a_ministry_without_its_country_is_a_kind_of_actor_not_a_link() -> None:
    doc = resolved("وأعلنت وزارة الخارجية في بيان أن الاجتماع سيعقد الأسبوع القادم.", [("وزارة الخارجية", "ORG")])
    ministry = _entity(doc, "وزارة الخارجية")
    assert not _linked(ministry) and ministry.name_en is None
    assert ministry.sector == "GOV"


def test_a_city_shared_by_two_countries_takes_the_one_the_article_is_about() -> None:
    libya = resolved("وصل الوفد إلى طرابلس بعد أن غادر بنغازي صباحا.", [("طرابلس", "GPE"), ("بنغازي", "GPE")])
    assert _entity(libya, "طرابلس").country == "LBY"
    alone = resolved("وصل الوفد إلى طرابلس صباحا.", [("طرابلس", "GPE")])
    assert not _linked(_entity(alone, "طرابلس"))     # Libya's or Lebanon's: nothing tells


def test_a_small_namesake_does_not_make_a_capital_ambiguous() -> None:
    doc = resolved("وتوجه الوزير إلى برلين للمشاركة في المؤتمر.", [("برلين", "GPE")])
    assert (_entity(doc, "برلين").name_en, _entity(doc, "برلين").country) == ("Berlin", "DEU")
    kb = knowledge_base()
    assert kb is not None
    # the gazetteer's «مدينة بروكسل» is found as news writes it
    assert any(e.name_en == "Brussels" and e.country == "BEL" for e in kb.lookup("بروكسل"))


def test_a_name_written_without_its_space_is_found() -> None:
    doc = resolved("وقع هجوم مسلح في بوركينافاسو أمس.", [("بوركينافاسو", "GPE")])
    assert _entity(doc, "بوركينافاسو").name_en == "Burkina Faso"


def test_quotation_marks_are_no_part_of_a_name() -> None:
    assert alias_key('تنظيم "داعش"') == alias_key("تنظيم «داعش»") == alias_key("تنظيم داعش")
    doc = resolved('وأعلن تنظيم "داعش" مسؤوليته عن الهجوم في مدينة ليون الفرنسية.', [('تنظيم "داعش"', "ORG")])
    assert _entity(doc, 'تنظيم "داعش"').name_en == "Islamic State"


def test_a_party_named_with_the_word_for_party_before_its_own_name() -> None:
    doc = resolved("وقال القيادي في حزب حركة مشروع تونس إن الحزب سيشارك في الانتخابات.",
               [("حزب حركة مشروع تونس", "ORG")])
    assert _entity(doc, "حزب حركة مشروع تونس").name_en == "Machrouu Tounes"


def test_a_generic_party_name_needs_the_article_to_say_which_country() -> None:
    tunisia = resolved("وانتقدت الجبهة الشعبية حكومة يوسف الشاهد في جلسة البرلمان.",
                   [("الجبهة الشعبية", "ORG"), ("يوسف الشاهد", "PER")])
    assert _entity(tunisia, "الجبهة الشعبية").name_en == "Popular Front (Tunisia)"
    unknown = resolved("وانتقدت الجبهة الشعبية القرار بشدة.", [("الجبهة الشعبية", "ORG")])
    assert not _linked(_entity(unknown, "الجبهة الشعبية"))


def test_an_untyped_name_of_a_curated_institution_is_linked() -> None:
    doc = resolved("وقال البيت الأبيض في بيان إن الزيارة ستتم في موعدها.", [("البيت الأبيض", "MISC")])
    white_house = _entity(doc, "البيت الأبيض")
    assert white_house.name_en == "White House" and white_house.label == "ORG"


def test_a_title_before_a_shared_surname_tells_who_is_meant() -> None:
    text = "وصلت إيفانكا ترامب إلى الرياض. وقال الرئيس ترامب إن الزيارة مهمة."
    names = [("إيفانكا ترامب", "PER"), ("ترامب", "PER")]
    doc = resolved(text, names, published="2017-05-20")
    assert _entity(doc, "ترامب").name_en == "Donald Trump"
    assert _entity(doc, "إيفانكا ترامب").name_en == "Ivanka Trump"
    before = resolved(text, names, published="2015-05-20")      # not yet president: nothing tells
    assert not _linked(_entity(before, "ترامب"))
    untitled = resolved("وصلت إيفانكا ترامب إلى الرياض. وقال ترامب إن الزيارة مهمة.", names, published="2017-05-20")
    assert not _linked(_entity(untitled, "ترامب"))


def test_the_capital_named_like_its_country_is_the_city() -> None:
    from marsad import analyze
    [city] = [e for e in analyze("وصل الوفد إلى العاصمة تونس أمس.").entities if e.label == "GPE"]   # (and the group)
    [country] = analyze("وقالت تونس إنها ترفض القرار.").entities
    assert (city.name_en, country.name_en) == ("Tunis", "Tunisia")


def test_an_office_without_its_country_is_the_home_countrys_on_the_day() -> None:
    from marsad import analyze
    text = "قال رئيس الحكومة إن الوضع في تونس مستقر وإن ولاية صفاقس تشهد تحسنا."
    linked = {e.name_en for e in analyze(text, published="2017-02-16").entities}
    assert "Youssef Chahed" in linked
    # another day, another holder; no country named, no one
    assert "Youssef Chahed" not in {e.name_en for e in analyze(text, published="2021-02-16").entities}
    assert not [e for e in analyze("قال رئيس الحكومة إن الوضع مستقر.", published="2017-02-16").entities
                if e.kb_id and e.label == "PER"]


def test_the_parliament_of_the_article_is_its_home_countrys_legislature() -> None:
    from marsad import analyze
    doc = analyze("وقال النائب إن البرلمان سيصادق على القانون. وأضاف أن تونس تمر بأزمة وأن صفاقس تعاني.")
    assert "Assembly of the Representatives of the People" in {e.name_en for e in doc.entities}
    # no country named: an unlinked body of the article's own
    [body] = [e for e in analyze("وقال النائب إن البرلمان سيصادق على القانون.").entities if e.label == "ORG"]
    assert body.name_en is None


def test_a_name_the_news_writes_often_is_still_found_where_the_tagger_missed_it() -> None:
    from marsad.kb import _only_a_name

    lexicon = {"ترامب": 436, "الشاهد": 643, "شاهد": 55, "الغنوشي": 155, "يوما": 151, "يوم": 4000, "الشعب": 882}
    assert _only_a_name("ترامب", lexicon) and _only_a_name("الغنوشي", lexicon)
    # «the witness», «a day» and «the people» are words of the language as well
    assert not _only_a_name("الشاهد", lexicon) and not _only_a_name("يوما", lexicon)
    assert not _only_a_name("الشعب", lexicon)
    doc = analyze("هاجم ترامب إيران.")
    assert [(m.text, m.label) for m in doc.mentions if m.label == "PER"] == [("ترامب", "PER")]


def test_the_governorates_of_tunisia_and_the_regions_larger_cities_are_found_as_places() -> None:
    for city in ("نابل", "المهدية", "قفصة", "مصراتة", "تعز", "حمص"):
        doc = analyze(f"وقال مصدر أمني إن الوضع في {city} مستقر بعد الاشتباكات.")
        assert [(m.text, m.label) for m in doc.mentions if m.text == city] == [(city, "GPE")], city
