"""Organisation names on a head noun (marsad.ner.organisations): a quoted name keeps both its quotation marks, so
the span reads as the article writes the name. Sentences written for this test."""

from __future__ import annotations

from marsad import analyze


def _orgs(text: str) -> list[str]:
    return [m.text for m in analyze(text).mentions if m.label == "ORG"]


def test_a_quoted_name_after_its_head_keeps_both_marks() -> None:
    assert _orgs('وتبنى تنظيم "جند الخليفة" الهجوم على الثكنة.') == ['تنظيم "جند الخليفة"']
    # a name the knowledge base found alone joins its head too, and the entity is linked by the name in the marks
    doc = analyze('وتبنى تنظيم "داعش" الهجوم على الثكنة. وقال التنظيم إن العملية نجحت.')
    assert [m.text for m in doc.mentions if m.label == "ORG"] == ['تنظيم "داعش"', "التنظيم"]
    isis = {e.id: e.kb_id for e in doc.entities}[doc.mentions[0].entity or ""]
    assert isis is not None and isis.startswith("Q")
    assert _orgs("وأعلنت جمعية «نور الأمل» عن حملة جديدة.") == ["جمعية «نور الأمل»"]


def test_a_head_without_a_name_is_no_organisation() -> None:
    assert _orgs("وقالت الجمعية إن الحملة نجحت.") == []


def test_coordinations_directorates_and_chambers_are_organisation_heads() -> None:
    assert _orgs("دانت تنسيقية الحركات الاجتماعية، في بيان أصدرته، الاعتداءات.") == ["تنسيقية الحركات الاجتماعية"]
    assert "غرفة التجارة والصناعة" in _orgs("وقال رئيس غرفة التجارة والصناعة إن الصادرات تراجعت.")
    # كلية is also the kidney: no head
    assert _orgs("وتبرع بالكلية المتبرع بها لأخيه.") == []


def test_a_place_named_right_after_a_head_belongs_to_the_name_and_a_title_then_a_person_do_not() -> None:
    assert _orgs("وقالت وكالة تونس افريقيا للأنباء إن الوضع مستقر.") == ["وكالة تونس افريقيا للأنباء"]
    doc = analyze("وقالت المتحدثة باسم وزارة الخارجية ماريا زاخاروفا إن الحوار ممكن.")
    assert ("PER", "ماريا زاخاروفا") in [(m.label, m.text) for m in doc.mentions]


def test_another_body_after_an_organisation_is_its_object_not_part_of_its_name() -> None:
    assert _orgs("وطالبت جمعية القضاة الحكومة بالحوار.") == ["جمعية القضاة", "الحكومة"]
    assert _orgs("وقالت رئاسة الحكومة إن الاجتماع انتهى.") == ["رئاسة الحكومة"]


def test_an_organ_runs_over_the_body_it_belongs_to_and_stops_before_the_object() -> None:
    doc = analyze("عنوان\nعقد المكتب التنفيذي للنقابة الوطنية للصحفيين التونسيين اجتماعا طارئا. ودعا المكتب "
                  "التنفيذي المجتمع المدني إلى حماية حرية الإعلام.")
    orgs = [m for m in doc.mentions if m.label == "ORG"]
    texts = [m.text for m in orgs]
    assert "المكتب التنفيذي للنقابة الوطنية للصحفيين التونسيين" in texts       # the organ, with its body
    assert any(t.endswith("نقابة الوطنية للصحفيين التونسيين") and not t.startswith("المكتب") for t in texts)
    assert "المكتب التنفيذي" in texts and not any("المجتمع" in t for t in texts)
    # the organ named short later is the same body as named in full
    assert len({m.entity for m in orgs if m.text.startswith("المكتب التنفيذي")}) == 1


def test_a_body_named_short_stays_apart_from_a_foreign_one_named_in_full() -> None:
    """«وزارة الدفاع» in a Saudi article is the kingdom's, not «وزارة الدفاع البريطانية» named in it: only an organ's
    short name joins its full one."""
    doc = analyze("عنوان\nأعلنت وزارة الدفاع أن التمرين انتهى. وقامت وزارة الدفاع البريطانية بإرسال مراقبين.")
    orgs = [m for m in doc.mentions if m.label == "ORG"]
    assert len(orgs) == 2 and orgs[0].entity != orgs[1].entity


def test_an_institution_named_after_its_place_is_an_organisation_not_a_place() -> None:
    doc = analyze("ودرس الطبيب في جامعة عين شمس ثم عاد إلى الإسكندرية.")
    assert [(m.text, m.label) for m in doc.mentions if m.label in ("ORG", "GPE", "LOC")] == \
        [("جامعة عين شمس", "ORG"), ("الإسكندرية", "GPE")]


def test_an_institution_named_after_a_martyr_keeps_the_honorific_and_the_name() -> None:
    doc = analyze("وتجمع الأساتذة أمام معهد الشهيد عبد الحميد الغزواني صباح اليوم.")
    assert [(m.text, m.label) for m in doc.mentions if m.label in ("ORG", "PER")] == \
        [("معهد الشهيد عبد الحميد الغزواني", "ORG"), ("عبد الحميد الغزواني", "PER")]


def test_a_movement_and_the_public_prosecution_are_organisation_heads() -> None:
    assert _orgs("وقال حراك تونس الإرادة في بيان إن الحكومة فشلت.")[0] == "حراك تونس الإرادة"
    assert _orgs("وفتحت النيابة العمومية تحقيقا في الحادثة.") == ["النيابة العمومية"]


def test_a_definite_head_goes_on_with_adjectives_not_with_nouns_or_ranks() -> None:
    # the verb's object, a second noun joined with و, a rank: no part of the name
    assert not any("القرار" in o or "الصحافة" in o for o in _orgs("وانتقدت الحكومة والصحافة التركية القرار."))
    assert _orgs("وحصل الفريق على المركز الثاني في البطولة.") == []
    # adjectives, a rank after an adjective, a remit with ل and the nouns after it
    for name in ("الهيئة العليا المستقلة للانتخابات", "الحزب الدستوري الحر", "المجلس الأعلى للتربية والتكوين",
                 "الدائرة الجناحية الأولى"):
        assert name in _orgs(f"وقالت {name} في بيان إن الموعد ثابت."), name


def test_an_indefinite_heads_genitive_then_adjectives_not_the_verbs_object() -> None:
    assert _orgs("وطالبت وزارة الداخلية المواطنين بالابتعاد عن الأودية.") == ["وزارة الداخلية"]
    for name in ("وزارة التعليم العالي والبحث العلمي", "جمعية القضاة التونسيين", "منظمة العفو الدولية"):
        assert name in _orgs(f"وقالت {name} في بيان إن الموعد ثابت."), name


def test_a_body_of_a_body_is_one_name_and_its_head_an_office() -> None:
    doc = analyze("وأوضح رئيس مجلس إدارة الهيئة الدكتور جميل البقعاوي، أن الهيئة تسعى لاحتضان الكفاءات.")
    assert "مجلس إدارة الهيئة" in [m.text for m in doc.mentions if m.label == "ORG"]
    speaker = next(e for e in doc.entities if e.id == doc.quotes[0].speaker)
    assert speaker.label == "PER" and "البقعاوي" in speaker.name


def test_a_facility_named_on_its_head_is_a_facility() -> None:
    doc = analyze("وصل الوفد إلى مطار تونس قرطاج الدولي أمس، وانعقد المؤتمر في قصر المؤتمرات بالعاصمة.")
    facilities = {m.text for m in doc.mentions if m.label == "FAC"}
    assert {"مطار تونس قرطاج الدولي", "قصر المؤتمرات"} <= facilities
    assert any(m.text == "تونس" and m.label == "GPE" for m in doc.mentions)   # the city stays a mention inside
    # an office of a facility is a title, with the office it depends on
    doc = analyze("وأشار نائب مدير مطار عدن إلى أن الطائرات وصلت.")
    assert "نائب مدير مطار عدن" in {m.text for m in doc.mentions if m.label == "TITLE"}


def test_what_a_body_belongs_to_ends_its_name_and_a_municipal_body_is_no_second_head() -> None:
    # «التابعة ل» describes the body: the name stops before it, and the body it belongs to is a name of its own
    orgs = _orgs("ونفذت الجامعة العامة للبلديين التابعة للاتحاد العام التونسي للشغل إضرابا.")
    assert "الجامعة العامة للبلديين" in orgs and not any("التابعة" in o for o in orgs)
    # البلدية and الاتحادية head bodies of their own, but after a name they are its adjectives
    assert "نقابة الشرطة البلدية" in _orgs("وقالت نقابة الشرطة البلدية في بيان إن الموعد ثابت.")
    assert "المحكمة الاتحادية العليا" in _orgs("وقضت المحكمة الاتحادية العليا بتأجيل النظر في القضية.")
    # after an adjective it is another body, the verb's object
    assert _orgs("وانتقدت وزارة الداخلية البلدية.") == ["وزارة الداخلية"]


def test_an_indefinite_head_takes_a_genitive_chain_but_no_verb_adjective_or_office() -> None:
    assert "هيئة كبار العلماء" in _orgs("وأصدرت هيئة كبار العلماء بيانا.")
    assert "جمعية حماية المستهلك" in _orgs("وقالت جمعية حماية المستهلك إن الأسعار ارتفعت.")
    assert "نقابة موظفي الشرطة البلدية" in _orgs("وقالت نقابة موظفي الشرطة البلدية إن الموعد ثابت.")
    assert not any("يدعو" in o for o in _orgs("وطالب حزب يدعو الحكومة إلى الاستقالة."))
    assert not any("وزاري" in o for o in _orgs("وقرر مجلس وزاري الترفيع في الميزانية."))


def test_a_local_body_is_named_by_its_town_after_b() -> None:
    # one of many courts, hospitals or unions across the country: the town after ب names which; the town stays a
    # mention of its own inside the name
    doc = analyze("وقضت المحكمة الابتدائية بقابس بسجنه، وأيدتها محكمة الاستئناف بصفاقس.")
    names = [(m.label, m.text) for m in doc.mentions if m.label in ("ORG", "GPE")]
    assert ("ORG", "المحكمة الابتدائية بقابس") in names and ("GPE", "قابس") in names
    assert ("ORG", "محكمة الاستئناف بصفاقس") in names
    assert "الاتحاد الجهوي للشغل بتطاوين" in _orgs("وقال الاتحاد الجهوي للشغل بتطاوين إن الإضراب نجح.")
    # a national body with a town after it is where that body stands or acts, not its name
    assert _orgs("وقالت وزارة الداخلية بتونس إن الوضع هادئ.") == ["وزارة الداخلية"]


def test_a_broken_plural_in_construct_goes_on_with_the_name() -> None:
    # أفعال plurals begin with alef as verbs of the fourth form do (أعلن), but are shaped as none
    assert "نقابة أعوان البريد" in _orgs("وقررت نقابة أعوان البريد تنفيذ إضراب.")
    assert "غرفة أصحاب المخابز العصرية" in _orgs("غرفة أصحاب المخابز العصرية : سنوفر الخبز غدا للجميع")
    assert "الغرفة الوطنية لأصحاب المخابز" in _orgs("وقال رئيس الغرفة الوطنية لأصحاب المخابز إن الإضراب ملغى.")
    # (a verb after the head is no genitive: the name is the head's alone)
    assert all("أعلن" not in o for o in _orgs("وقالت منظمة أعلنت الإضراب إنها مستعدة."))


def test_an_unions_administrative_body_runs_over_the_union() -> None:
    orgs = _orgs("وكانت الهيئة الإدارية القطاعية لنقابة أعوان البريد قررت تنفيذ إضراب.")
    assert "الهيئة الإدارية القطاعية لنقابة أعوان البريد" in orgs and "نقابة أعوان البريد" in orgs


def test_an_office_is_a_body_only_where_its_name_ends_in_an_adjective_of_relation() -> None:
    assert _orgs("وحذر مكتب سلامة النقل الأسترالي من استعمال الأجهزة.") == ["مكتب سلامة النقل الأسترالي"]
    # a party's office or a polling station is no body; a facility named after «مكتب» stays one
    assert _orgs("وقال مكتب الحزب إن الاجتماع تأجل.") == []
    doc = analyze("وتوجه إلى مكتب مطار المدينة المنورة للاستفسار.")
    assert [m.text for m in doc.mentions if m.label == "FAC"] == ["مطار المدينة المنورة"]


def test_an_organ_named_in_words_of_its_own_joins_its_body_but_is_no_name_alone() -> None:
    assert "الأمانة العامة لمجلس التعاون" in _orgs("وأكدت الأمانة العامة لمجلس التعاون أن الاجتماع انتهى.")
    assert "الأمانة العامة لهيئة كبار العلماء" in _orgs("أكدت الأمانة العامة لهيئة كبار العلماء, ما للمسجد من "
                                                       "مكانة.")
    # the post, with no body after it, is no organisation
    assert _orgs("وقال إن الأمانة العامة هي حمل ثقيل.") == []
