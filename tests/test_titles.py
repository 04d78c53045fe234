"""TITLE mentions: role and office phrases, nested ones included, and never a bare head."""

from __future__ import annotations

import pytest

from marsad import analyze


def titles(text: str) -> list[str]:
    return [m.text for m in analyze(text).mentions if m.label == "TITLE"]


def test_seed_article_titles(seed_text: str) -> None:
    got = titles(seed_text)
    for expected in ("الرئيس الروسي", "المبعوث الأمريكي الخاص بشأن الشرق الأوسط", "مساعد الرئيس الروسي",
                     "الرئيس الأمريكي السابق", "صهر الرئيس الأمريكي السابق", "الرئيس الأوكراني"):
        assert expected in got


@pytest.mark.parametrize("phrase", [
    "وزير الخارجية الأمريكي", "المتحدث باسم وزارة الخارجية", "الأمين العام للأمم المتحدة",
    "رئيس الوزراء التونسي", "نائب وزير الدفاع الروسي", "رجل الدين العراقي",
])
def test_title_phrases(phrase: str) -> None:
    assert phrase in titles(f"قال {phrase} إن الاجتماع كان مفيدا.")


def test_nested_title_is_also_a_mention() -> None:
    assert titles("قال نائب وزير الدفاع الروسي.") == ["نائب وزير الدفاع الروسي", "وزير الدفاع الروسي"]


def test_bare_head_is_not_a_title() -> None:
    assert titles("قال الرئيس إن الوزير وصل.") == []


def test_title_mentions_exclude_proclitics() -> None:
    assert titles("ووزير الخارجية الروسي") == ["وزير الخارجية الروسي"]


def test_an_office_of_a_named_body_is_a_title() -> None:
    """«رئيس حزب المجد»، «الأمين العام لاتحاد الشغل»: a head of the title table before an organisation's name is
    the office of its holder; the body stays a mention inside it."""
    doc = analyze("وقال رئيس حزب المجد عبد الوهاب الهاني إن الأمين العام لاتحاد الشغل سيحضر.")
    got = {(m.text, m.label) for m in doc.mentions}
    assert {("رئيس حزب المجد", "TITLE"), ("حزب المجد", "ORG"), ("الأمين العام لاتحاد الشغل", "TITLE")} <= got
    speaker = doc.quotes[0].speaker
    assert speaker is not None and next(e for e in doc.entities if e.id == speaker).label == "PER"


def test_an_office_of_a_state_in_construct_and_a_correspondent_of_a_medium() -> None:
    assert "حاكم دبي" in titles("وقال حاكم دبي إن المشروع مهم.")
    assert "مراسل الجوهرة أف أم" in titles("وقال مراسل الجوهرة أف أم إن الوضع هادئ.")
    assert titles("وزار وزير الخارجية تونس أمس.") == ["وزير الخارجية"]   # the state he visited


def test_a_spokesperson_of_a_named_body_is_one_title_that_joins_the_name_after_it() -> None:
    # «الناطق الرسمي باسم اتحاد الشغل سامي الطاهري»: the title runs over the body after باسم, the body stays a mention
    # of its own, and the person named after it is who holds the office
    doc = analyze("استنكر الناطق الرسمي باسم اتحاد الشغل سامي الطاهري قرار الحكومة.")
    assert "الناطق الرسمي باسم اتحاد الشغل" in titles(doc.text)
    title = next(m for m in doc.mentions if m.label == "TITLE")
    person = next(m for m in doc.mentions if m.label == "PER")
    assert title.entity == person.entity
    assert "المتحدث باسم حركة النهضة" in titles("وقال المتحدث باسم حركة النهضة عماد الخميري إن الحركة ترفض.")


def test_main_and_a_member_state_are_no_offices() -> None:
    assert titles("هاجم مسلحون حاجز رئيس للحوثيين.") == []          # «main», not an office
    assert not any(t.startswith("عضو") for t in titles("وأكدت تركيا عضو حلف الناتو موقفها."))


@pytest.mark.parametrize("phrase", ["الرئيس التشادي", "رئيس الحكومة الأردنية", "وزير الخارجية السنغالي",
                                    "رئيس الوزراء الكرواتي"])
def test_any_countrys_adjective_completes_a_title(phrase: str) -> None:
    # the adjectives derived from the country gazetteer, not only the curated ones of titles.tsv
    assert phrase in titles(f"وقال {phrase} إن الاجتماع كان مفيدا.")


def test_a_financial_officer_is_no_malian_office() -> None:
    # «المالي» is a country's adjective and an everyday word: it is kept out of the derived list
    assert "المدير المالي" not in titles("وأعلنت الشركة تعيين المدير المالي الجديد.")


def test_an_office_that_says_whose_it_is_is_a_title_alone_and_joins_the_name_after_it() -> None:
    doc = analyze("وقال وكيل الجمهورية إن الأبحاث متواصلة.")
    assert [m.text for m in doc.mentions if m.label == "TITLE"] == ["وكيل الجمهورية"]
    assert doc.quotes and doc.quotes[0].speaker == doc.mentions[0].entity
    # with the body it serves after ل, one title; and the name after it, even inside quotation marks, is hers
    doc = analyze('وقالت المدعية العامة للمحكمة الجنائية الدولية " فاتو بنسودا " إن القضية متواصلة.')
    titles = [m for m in doc.mentions if m.label == "TITLE"]
    assert [m.text for m in titles] == ["المدعية العامة للمحكمة الجنائية الدولية"]
    person = next(m for m in doc.mentions if m.label == "PER")
    assert titles[0].entity == person.entity == doc.quotes[0].speaker


def test_a_role_in_a_body_named_after_fi_or_bi_is_a_title_and_no_word_of_the_name_before_it() -> None:
    doc = analyze("وأكد عبد اللطيف المكي القيادي في حركة النهضة أن الحكومة فشلت.")
    assert [(m.text, m.label) for m in doc.mentions if m.label in ("PER", "TITLE")] == \
        [("عبد اللطيف المكي", "PER"), ("القيادي في حركة النهضة", "TITLE")]
    assert "الأستاذة بجامعة تونس" in titles("وقالت سلوى الشرفي الأستاذة بجامعة تونس إن الحكومة فشلت.")
    # (not over a person the body's name ran into, nor a role with no body after it)
    assert titles("وقال القيادي البارز في الحزب إن الحكومة فشلت.") == []


def test_a_delegate_is_an_office_and_the_name_after_it_a_person() -> None:
    doc = analyze("وتتواصل التظاهرة، وفق ما صرح به معتمد الجهة عمر الكوز لمراسلة الإذاعة، إلى يوم 7 مارس.")
    assert [m.text for m in doc.mentions if m.label == "PER"] == ["عمر الكوز"]
    assert titles("واعتمدت الوزارة المنهج المعتمد في المدارس.") == []


def test_a_definite_office_word_is_in_construct_with_no_body_after_it() -> None:
    from marsad import analyze

    doc = analyze("أدى وزير الصحة سعيد العايدي زيارة إلى قابس. وزار الوزير المستشفى الجهوي بقابس.")
    assert "الوزير المستشفى الجهوي بقابس" not in [m.text for m in doc.mentions if m.label == "TITLE"]
    visits = [e for e in doc.events if e.trigger is not None and e.trigger.text == "زار"]
    names = {e.id: e.name for e in doc.entities}
    assert [([names[a] for a in v.actor], [names[r] for r in v.recipient]) for v in visits] == [
        (["سعيد العايدي"], ["المستشفى الجهوي بقابس"])]
