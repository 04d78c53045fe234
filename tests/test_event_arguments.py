"""Who acts in an event and who is acted on: group actors, reported clauses, verb-subject-object order, passives,
places after a word for a kind of place, and triggers whose sense needs their object. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from marsad import analyze
from marsad.document import Document
from marsad.text.inflect import expand, noun_forms, plural_forms, verb_forms


def _named(doc: Document, ids: list[str]) -> set[str]:
    by_id = {e.id: e for e in doc.entities}
    return {by_id[i].name_en or by_id[i].name for i in ids}


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    doc = analyze(text, published="2026-11-29")
    return [(v.event, _named(doc, v.actor), _named(doc, v.recipient)) for v in doc.events]


def test_a_sound_verb_entry_stands_for_its_persons_tenses_and_objects() -> None:
    forms = verb_forms("اقتحم", "يقتحم")
    assert {"اقتحمت", "اقتحموا", "يقتحمون", "تقتحم", "اقتحموها", "يقتحمونه"} <= set(forms)
    assert "اقتحمه" not in forms      # written with ة it would be a noun (طلبة «students», not طلبه)
    assert set(expand("فرض/يفرض_عقوبات")) >= {"فرضت_عقوبات", "يفرضون_عقوبات"}
    assert noun_forms("مداهمة") == ["مداهمة", "المداهمة", "مداهمته", "مداهمتها", "مداهمتهم", "مداهمتهما"]
    assert set(plural_forms("خاطفون")) == {"خاطفون", "خاطفين", "خاطفو", "خاطفي", "الخاطفون", "الخاطفين"}


def test_an_unnamed_group_acts() -> None:
    assert ("ASSAULT", {"المسلحون"}, set()) in _events("واقتحم المسلحون مبنى البلدية صباح اليوم.")
    assert [e[:2] for e in _events("وقال شهود إن المعتصمين احتجوا أمام مقر الولاية.") if e[0] == "PROTEST"] \
        == [("PROTEST", {"المعتصمين"})]


def test_who_reports_a_clause_is_not_who_acts_in_it() -> None:
    events = _events("وأفادت وكالة رويترز أن مجهولين هاجموا قافلة للأمم المتحدة.")
    assault = [e for e in events if e[0] == "ASSAULT"]
    assert assault and "Reuters" not in assault[0][1] and assault[0][1] == {"مجهولين"}


def test_the_object_of_a_verb_whose_subject_follows_it_is_the_recipient() -> None:
    events = _events("واتهمت روسيا أوكرانيا بشن هجوم على محطة الكهرباء.")
    assert ("ACCUSE", {"Russia"}, {"Ukraine"}) in events


def test_a_passive_takes_its_agent_from_the_agent_phrase() -> None:
    events = _events("وقد تم اعتقال الناشط من قبل الشرطة التونسية في العاصمة.")
    coerce = [e for e in events if e[0] == "COERCE"]
    assert coerce and coerce[0][1] and all("شرطة" in a or "police" in a.lower() for a in coerce[0][1])


def test_a_place_after_a_word_for_a_kind_of_place_is_where_not_who() -> None:
    events = _events("نفذ عمال المصنع من ولاية القصرين، الخميس، وقفة احتجاجية أمام مقر الشركة.")
    protest = [e for e in events if e[0] == "PROTEST"]
    assert protest and not any("Kasserine" in a or "القصرين" in a for a in protest[0][1])


def test_signing_needs_what_is_signed_and_talks_need_a_party() -> None:
    assert not _events("ووقع الانفجار في ساعة مبكرة من صباح الأحد.")
    assert [e[0] for e in _events("ووقعت تونس والجزائر مذكرة تفاهم في الرياض.")] == ["AGREE"]
    assert not [e for e in _events("وقالت الباحثة إنها بحثت كثيرا في أرشيف المكتبة.") if e[0] == "CONSULT"]


def test_a_trigger_inside_an_organisation_name_is_no_event() -> None:
    events = _events("وأعلنت جبهة الإنقاذ الوطني تأسيس مكتب جديد في صفاقس.")
    assert not [e for e in events if e[0] == "AID"]


def test_a_long_office_before_the_name_still_gives_the_subject() -> None:
    doc = analyze("وقد زار وزير العلاقات مع الهيئات الدستورية والمجتمع المدني كمال الجندوبي المعتصمين أمس.")
    arabic = {e.id: e.name for e in doc.entities}
    consult = [v for v in doc.events if v.event == "CONSULT"]
    # (the tagger's span of the name may vary; the rule under test is who the subject is)
    assert consult and len(consult[0].actor) == 1 and "الجندوبي" in arabic[consult[0].actor[0]]
    assert [arabic[x] for x in consult[0].recipient] == ["المعتصمين"]
    protest = [v for v in doc.events if v.event == "PROTEST"]
    assert not protest or [arabic[x] for x in protest[0].actor] == ["المعتصمين"]


def test_a_masdar_with_a_pronoun_joined_to_an_event_shares_its_actor() -> None:
    events = _events("وتعود الأزمة إلى ضم روسيا لإقليم القرم ودعمها للانفصاليين في الشرق.")
    support = [e for e in events if e[0] == "SUPPORT"]
    assert support and support[0][1] == {"Russia"}


def test_praise_is_an_event_as_well_as_a_quote_and_a_joined_verb_keeps_the_subject() -> None:
    events = _events("وأشاد وزير الخارجية التونسي عثمان الجرندي بالدعم الألماني، ووعد بتعزيز التعاون.")
    kinds = {e[0]: e[1] for e in events}
    assert "SUPPORT" in kinds and any("الجرندي" in a or "Jerandi" in a for a in kinds["SUPPORT"])
    assert "AGREE" in kinds and kinds["AGREE"] == kinds["SUPPORT"]


def test_a_necessity_is_a_request_only_when_someone_says_it() -> None:
    said = analyze("عنوان\nوقال وزير الخارجية التونسي عثمان الجرندي إنه يجب الإسراع في الحوار.")
    requests = [v for v in said.events if v.event == "REQUEST"]
    assert requests and requests[0].actor == [q.speaker for q in said.quotes][:1]
    narrated = analyze("عنوان\nيجب أن نعرف أن الطقس سيكون حارا غدا.")
    assert not [v for v in narrated.events if v.event == "REQUEST"]


def test_a_press_conference_is_no_meeting() -> None:
    doc = analyze("عنوان\nوقال رئيس حزب النهضة راشد الغنوشي في مؤتمر صحفي إن الحزب سيشارك في الانتخابات.")
    assert not [v for v in doc.events if v.event == "CONSULT"]


def test_the_object_after_a_titled_subject_or_a_kind_of_place_is_the_recipient() -> None:
    events = _events("عنوان\nوزار الرئيس التونسي قيس سعيد الجزائر يوم الثلاثاء الماضي.")
    visit = [e for e in events if e[0] == "CONSULT"]
    assert visit and len(visit[0][1]) == 1 and visit[0][2] == {"Algeria"}
    assault = [e for e in _events("عنوان\nوقصفت القوات الروسية مدينة خاركيف في مارس 2022.") if e[0] == "ASSAULT"]
    assert assault and assault[0][2] == {"Kharkiv"}


def test_blame_in_a_quote_is_an_accusation_by_its_speaker_and_none_in_narration() -> None:
    said = analyze("عنوان\nوقال رئيس حزب النهضة راشد الغنوشي إن قرارات الحكومة التونسية \"فاشلة\".")
    accusations = [v for v in said.events if v.event == "ACCUSE"]
    assert accusations and accusations[0].actor == [q.speaker for q in said.quotes][:1]
    assert len(accusations[0].recipient) == 1
    narrated = analyze("عنوان\nوتتواصل محاكمة المتهمين في قضية الفساد بالمحكمة الابتدائية.")
    assert not [v for v in narrated.events if v.event == "ACCUSE"]


def test_a_person_attacking_attacks_with_words() -> None:
    assert [e[0] for e in _events("عنوان\nوهاجم الوزير كمال الجندوبي وسائل الإعلام بسبب تغطيتها.")] == ["ACCUSE"]
    assert [e[0] for e in _events("عنوان\nوهاجم مسلحون مجهولون ثكنة عسكرية في سيناء.")] == ["ASSAULT"]


def test_consultations_carry_plover_modes() -> None:
    doc = analyze("عنوان\nواستقبل الرئيس التونسي قيس سعيد وزير الخارجية الفرنسي جان نويل بارو في قصر قرطاج. "
                  "وأعلنت قطر عن وساطة بين الطرفين.", published="2026-11-29")
    modes = {v.trigger.text: v.mode for v in doc.events if v.event == "CONSULT" and v.trigger}
    assert modes.get("استقبل") == ["visit"]
    host = next(v for v in doc.events if v.trigger and v.trigger.text == "استقبل")
    names = {e.id: e.name_en or e.name for e in doc.entities}
    assert [names[x] for x in host.recipient] == ["Kais Saied"]
    assert modes.get("وساطة") == ["third-party"]


def test_violence_carries_plover_modes() -> None:
    modes = {v.trigger.text: v.mode for v in analyze(
        "عنوان\nوأطلقت قوات الأمن الغاز المسيل للدموع على المحتجين. واغتال مسلحون مجهولون قياديا في الحزب. "
        "واختطف مسلحون صحفيا في طرابلس.").events if v.event == "ASSAULT" and v.trigger}
    assert modes == {"الغاز المسيل للدموع": ["crowd-control"], "اغتال": ["targeted"], "اختطف": ["abduct"]}


def test_material_support_is_aid() -> None:
    assert [e[0] for e in _events("عنوان\nوأعلنت الولايات المتحدة دعما عسكريا لأوكرانيا.")] == ["AID"]
    assert [e[0] for e in _events("عنوان\nوأعلنت فرنسا دعمها لموقف تونس.")] == ["SUPPORT"]


def test_words_that_only_look_like_triggers_make_no_event() -> None:
    # «توقف» is «stopped», not a form of أوقف; «عذب» alone is «fresh» (water), not «tortured»
    events = _events("عنوان\nوتوقف القطار فجأة قرب المحطة. والماء في البئر عذب.")
    assert not events


def test_a_strike_carried_out_is_a_protest_but_a_death_by_burning_no_assault() -> None:
    assert any(e.event == "PROTEST" for e in analyze("عنوان\nنفذ عمال البلدية إضرابا عن العمل.").events)
    assert "حرقا" not in noun_forms("حرق")    # توفيت حرقا: how she died, not an attack


def test_a_verb_voweled_as_passive_has_no_subject_after_it() -> None:
    doc = analyze("عنوان\nقُتل خمسة جنود في هجوم على ثكنة.")
    killed = [e for e in doc.events if e.event == "ASSAULT" and e.trigger and e.trigger.text == "قُتل"]
    names = {m.entity: m.text for m in doc.mentions if m.entity}
    # (the group with its count: «خمسة جنود»)
    assert killed and not killed[0].actor and [names[r] for r in killed[0].recipient] == ["خمسة جنود"]


def test_whose_strike_it_is_follows_its_noun_with_lam() -> None:
    doc = analyze("فرنانة : إضراب بساعتين لمدرسي التعليم الأساسي\nنفذ المدرسون اليوم إضرابا.")
    names = {m.entity: m.text for m in doc.mentions if m.entity}
    strike = next(e for e in doc.events if e.event == "PROTEST" and e.trigger and e.trigger.text == "إضراب")
    assert [names[a] for a in strike.actor] == ["مدرسي التعليم الأساسي"] and not strike.recipient


def test_who_is_ready_to_meet_is_who_says_so_and_whom_they_would_meet_is_the_recipient() -> None:
    # the pronoun (إنه) is the speaker; the name after «للقاء» is never who is ready, even past a title
    assert _events("وقال وزير الخارجية لافروف، في مؤتمر صحفي، إنه مستعد للقاء الوزير ماركو روبيو.") == \
        [("AGREE", {"Sergey Lavrov"}, {"Marco Rubio"})]
    assert _events("وأعلنت روسيا أنها مستعدة للتفاوض مع أوكرانيا.") == [("AGREE", {"Russia"}, {"Ukraine"})]


def test_a_meeting_with_a_pronoun_at_the_head_of_what_is_said_is_the_speakers_own() -> None:
    events = _events("وقال الرئيس عبد المجيد تبون إن زيارته إلى روما كانت مثمرة.")
    assert ("CONSULT", {"Abdelmadjid Tebboune"}, {"Rome"}) in events
    # a meeting named in the middle of what is said is not said to be the speaker's
    assert not [e for e in _events("وقال الوزير إن الحزب يرفض اجتماعه مع المعارضة.") if e[0] == "CONSULT" and
                e[1] == {"الوزير"}]


def test_after_a_complementiser_an_unnamed_definite_subject_makes_the_name_after_the_verb_its_object() -> None:
    assert _events("وقالت الوزارة إن الجماعة تستهدف المدنيين في المدينة.") == [("ASSAULT", set(), {"المدنيين"})]
    # a relative clause's verb has its subject after it
    events = _events("وقال المصدر إن الذين أعدمهم التنظيم لم يدفنوا بعد.")
    assert all(not e[2] for e in events if e[0] == "ASSAULT")


def test_a_threat_to_the_security_of_states_is_no_attack() -> None:
    events = _events("ودعت الوزارة إلى مواجهة ظاهرة الإرهاب التي تستهدف أمن الدول واستقرارها.")
    assert [e[0] for e in events] == ["REQUEST"]


def test_who_announces_a_killing_did_not_kill_and_a_pronoun_is_who_is_ready() -> None:
    events = _events("وأعلن المتحدث باسم القوات الموالية ناصر الشعيبي مقتل أربعة متمردين في المعارك.")
    assert [e for e in events if e[0] == "ASSAULT" and e[1]] == []
    # after a complementiser, the clause has its own subject
    events = _events("وأفادت وكالة رويترز أن مسلحين اقتحموا مقر البلدية.")
    assert ("ASSAULT", {"مسلحين"}, set()) in events
    # a press conference is no meeting
    assert not [e for e in _events("وقال الوزير في مؤتمره الصحافي إن الحكومة مستمرة.") if e[0] == "CONSULT"]


def test_shot_by_names_who_shot_and_the_victims_before_it_suffer() -> None:
    assert _events("قتل خمسة مدنيين برصاص قناصة من الحوثيين.") == [("ASSAULT", {"الحوثيين"}, {"خمسة مدنيين"})]
    assert _events("مقتل فلسطيني برصاص الجيش الإسرائيلي") == [("ASSAULT", {"الجيش الإسرائيلي"}, set())]
    # a bombing in the accusative is one
    assert [e[0] for e in _events("وتبنى التنظيم تفجيرًا في بغداد أوقع 20 قتيلا.")] == ["ASSAULT"]


def test_a_number_and_a_singular_accusative_name_a_group_that_suffers() -> None:
    assert _events("وقتل 12 مدنيا على الأقل في النيجر.") == [("ASSAULT", set(), {"12 مدنيا"})]
    assert ("COERCE", {"الشرطة"}, {"30 شخصا"}) in _events("واعتقلت الشرطة 30 شخصا في المداهمات.")


@pytest.mark.parametrize(("text", "category", "actor", "recipient"), [
    ("ألقت الشرطة القبض على ثلاثة أشخاص في المدينة.", "COERCE", "الشرطة", "ثلاثة أشخاص"),
    ("قتل عشرة جنود في هجوم انتحاري استهدف قاعدة عسكرية.", "ASSAULT", "", "عشرة جنود"),
    ("قتلت قوات الأمن العراقية 15 مسلحا في الأنبار.", "ASSAULT", "قوات الأمن العراقية", "15 مسلحا"),
    ("أطلقت الشرطة الرصاص المطاطي على المحتجين.", "ASSAULT", "الشرطة", "المحتجين"),
    ("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع.", "COERCE", "الشرطة", "المتظاهرين"),
    ("أصيب عشرات المدنيين في قصف على ريف المدينة.", "ASSAULT", "", "عشرات المدنيين"),
    ("تظاهر مئات الطلاب أمام وزارة التعليم العالي للمطالبة بتحسين ظروف الدراسة.", "PROTEST", "مئات الطلاب", ""),
    ("نظم المئات من أنصار المعارضة وقفة احتجاجية أمام البرلمان.", "PROTEST", "", ""),
    ("دعت منظمة العفو الدولية السلطات المصرية إلى الإفراج عن الصحفيين المعتقلين.", "REQUEST",
     "Amnesty International", "السلطات المصرية"),
    ("أفرجت السلطات الإسرائيلية عن خمسة أسرى فلسطينيين.", "RETREAT", "السلطات الإسرائيلية", "خمسة أسرى فلسطينيين"),
])
def test_everyday_news_sentences(text: str, category: str, actor: str, recipient: str) -> None:
    """Sentences of the kind conflict and protest reporting is made of: the category, and who acts and who is acted
    on where the sentence says (an empty string: nobody, or not asserted here)."""
    found = [(a, r) for c, a, r in _events(text) if c == category]
    assert found, _events(text)
    actors, recipients = found[0]
    if actor:
        assert actor in actors
    if recipient:
        assert recipient in recipients
    assert not actors & recipients


def test_a_place_after_fi_past_a_quarter_is_where_not_whom() -> None:
    """«قتلوا في إقليم قندز في شمالي أفغانستان»: the place after في, past a word for a kind of place or a quarter,
    is where the killing happened, never its victim."""
    doc = analyze("قال مسؤولون إن 22 شخصا على الأقل قتلوا في إقليم قندز في شمالي أفغانستان.", published="2026-11-29")
    [attack] = [v for v in doc.events if v.event == "ASSAULT"]
    assert _named(doc, attack.recipient) == {"22 شخصا"}
    assert attack.event_loc is not None and _named(doc, [attack.event_loc]) == {"Afghanistan"}


def test_the_sides_of_a_meeting_named_after_bayna_a_few_words_on() -> None:
    doc = analyze("وأكد أن اجتماعا رباعيا جرى أمس الأربعاء بين فايز السراج وخليفة حفتر في أبو ظبي.",
                  published="2026-11-29")
    [meeting] = [v for v in doc.events if v.event == "CONSULT"]
    assert len(meeting.actor) == 2


def test_who_carries_out_the_strike_after_the_support_verb_not_the_place_nearer_it() -> None:
    events = _events("نفذت نقابة الإطارات العليا بشركة فسفاط قفصة، اليوم الجمعة إضرابا على خلفية عدم التوصل إلى حل.")
    assert [(e[0], e[1]) for e in events] == [("PROTEST", {"نقابة الإطارات العليا"})]


def test_the_body_called_on_after_a_masculine_verb_is_addressed_not_calling() -> None:
    events = _events("وقال المغزاوي إن الانتخابات مهمة. ودعا الهيئة العليا المستقلة للإنتخابات إلى \"الإنتباه لمثل هذه "
                     "المؤشرات\".")
    request = next(e for e in events if e[0] == "REQUEST")
    body = "Independent High Authority for Elections"
    assert body in request[2] and body not in request[1]


def test_a_masdar_with_its_pronoun_opening_what_is_said_has_the_speaker_as_actor_and_the_name_after_as_target() -> None:
    doc = analyze("وجدد الرئيس قيس سعيد دعوته الحكومة إلى العمل.")
    names = {e.id: e.name for e in doc.entities}
    assert [(e.event, [names[a] for a in e.actor], [names[r] for r in e.recipient]) for e in doc.events] == \
        [("REQUEST", ["قيس سعيد"], ["الحكومة"])]
    # a verb with an object pronoun keeps the name after it as its subject
    doc = analyze("وأوقفته الشرطة التونسية في المطار.")
    authorities = next(m.entity for m in doc.mentions if m.text == "الشرطة التونسية")
    assert [e.actor for e in doc.events if e.event == "COERCE"] == [[authorities]]


def test_who_pays_a_visit_with_the_support_verb_adda_makes_it() -> None:
    # «أدى زيارة» (Tunisian news): the verb's subject visits, far from its object (tune10's JA-localNews-3073)
    from pathlib import Path

    path = next((Path(__file__).parent / "data/tune10/articles").glob("JA-localNews-3073-*.txt"))
    doc = analyze(path.read_text(encoding="utf-8"))
    names = {e.id: e.name for e in doc.entities}
    first = next(i for i, s in enumerate(doc.sentences) if "أدي" in doc.text[s.start:s.end])
    assert ["ناجي جلول"] in [[names[a] for a in e.actor] for e in doc.events
                             if e.event == "CONSULT" and e.sentence == first]


def test_an_attack_named_by_its_perpetrator_is_his_not_the_arresting_polices() -> None:
    doc = analyze("وأعلنت الشرطة أنها اعتقلت منفذ عملية الدهس.")
    police = next(m.entity for m in doc.mentions if m.text == "الشرطة")
    assert [e.actor for e in doc.events if e.event == "ASSAULT"] == [[]]
    assert [e.actor for e in doc.events if e.event == "COERCE"] == [[police]]
    doc = analyze("وكان منفذ هجوم برلين أنيس العامري قد قتل في ميلانو.")
    amri = next(m.entity for m in doc.mentions if m.text == "أنيس العامري")
    attack = next(e for e in doc.events if e.event == "ASSAULT" and e.trigger and e.trigger.text == "هجوم")
    assert attack.actor == [amri] and amri not in attack.recipient


def test_a_person_after_a_preposition_and_title_words_is_introduced_by_the_preposition() -> None:
    # «التقى ... محسن مرزوق ووفد من الحركة، بالمشير خليفة حفتر» (an ANT article of the fourteenth tuning set): whom
    # he met, past the title المشير; so «مع الرئيس الفرنسي»
    assert _events("التقى اليوم محسن مرزوق بالمشير خليفة حفتر في بنغازي.") == \
        [("CONSULT", {"Mohsen Marzouk"}, {"Khalifa Haftar"})]
    assert _events("والتقى الوزير سامي العلي مع الرئيس الفرنسي إيمانويل ماكرون.") == \
        [("CONSULT", {"Sami Alali"}, {"Emmanuel Macron"})]


def test_investigations_charges_and_trials_are_accusations_and_the_accused_their_recipient() -> None:
    opened = [e for e in _events("وفتحت النيابة العمومية تحقيقا في الحادثة.") if e[0] == "ACCUSE"]
    assert opened and opened[0][1] == {"النيابة العمومية"}
    # a charge after an arrest is laid by who arrested, on whom
    doc = analyze("واعتقلت الشرطة محمد العلوي بتهمة الاعتداء على موظف.", published="2026-11-29")
    arrest = next(v for v in doc.events if v.event == "COERCE")
    charge = next(v for v in doc.events if v.event == "ACCUSE")
    assert (charge.actor, charge.recipient) == (arrest.actor, arrest.recipient) and charge.recipient
    # who faces charges suffers them; nobody else's actor is carried over to them
    faces = [e for e in _events("قال المحامي إن موكله بريء. ويواجه سيف الإسلام القذافي عديد التهم.")
             if e[0] == "ACCUSE"]
    assert faces and not faces[0][1] and len(faces[0][2]) == 1
    # referring a file to a committee is no charge; a fire that «devoured» a building charges no one
    assert not [e for e in _events("وأحال الوزير الملف إلى اللجنة المختصة.") if e[0] == "ACCUSE"]
    assert not [e for e in _events("والتهم الحريق مبنى البلدية في الليل.") if e[0] == "ACCUSE"]


def test_a_masdar_with_a_pronoun_joined_to_an_arrest_is_done_to_the_same() -> None:
    doc = analyze("وقال المحامي إن إيقاف المحتجين المنادين بالتشغيل وإحالتهم على القضاء أمر خطير.",
                  published="2026-11-29")
    arrest = next(v for v in doc.events if v.event == "COERCE")
    referral = next(v for v in doc.events if v.event == "ACCUSE")
    assert arrest.recipient and referral.recipient == arrest.recipient and not referral.actor


def test_national_security_is_no_group_of_people() -> None:
    doc = analyze("ووجهت السلطات المغربية تهمة تهديد الأمن القومي للناشط. وقالت قوات الأمن إنها اعتقلت 3 أشخاص.")
    groups = {m.text for m in doc.mentions if m.label == "NORP"}
    assert "قوات الأمن" in groups and not any("القومي" in g for g in groups)


def test_whose_strike_after_its_length_and_no_arrest_of_where_one_was_going() -> None:
    strike = [e for e in _events("إضراب عام بيومين لمهنيي الصحة") if e[0] == "PROTEST"]
    assert strike and strike[0][1] == {"مهنيي الصحة"} and not strike[0][2]
    arrest = [e for e in _events("وتم إيقاف المتهمين فور وصولهما إلى مطار تونس قرطاج الدولي.") if e[0] == "COERCE"]
    assert not any("مطار" in name for e in arrest for name in e[2])
    # لقي stays one word: the trigger of «لقي حتفه» is the whole verb
    doc = analyze("ولقي ثلاثة جنود حتفهم في الهجوم.", published="2026-11-29")
    assert any(v.trigger is not None and v.trigger.text == "لقي" for v in doc.events)


def test_who_decided_a_strike_carries_it_out() -> None:
    got = _events("وكانت الهيئة الإدارية لنقابة أعوان البريد قررت خلال انعقادها أمس الأحد، تنفيذ إضراب في قطاع البريد.")
    strikes = [actors for category, actors, _ in got if category == "PROTEST"]
    assert strikes and strikes[0] and all("البريد" in a for a in strikes[0])
    got = _events("أعلنت وزارة التجهيز أنها قررت اللجوء إلى التسخير بعد قرار الجامعة العامة للأشغال شن إضراب اليوم.")
    strikes = [actors for category, actors, _ in got if category == "PROTEST"]
    assert strikes and any("الجامعة" in a for a in strikes[0])
    got = _events("أعلن الادعاء العام السويسري أمس الأربعاء، عن فتح تحقيق ضد مجهول.")
    assert [actors for category, actors, _ in got if category == "ACCUSE"] == [{"الادعاء العام السويسري"}]
    # who announces a killing did not kill
    got = _events("وأعلنت الشرطة عن مقتل ثلاثة أشخاص في المدينة.")
    assert all(not any("الشرطة" in a for a in actors) for category, actors, _ in got if category == "ASSAULT")


def test_who_managed_an_act_did_it_and_who_could_not_did_not() -> None:
    doc = analyze("وتمكنت قوات الأمن من القبض على ثلاثة إرهابيين.", published="2026-11-29")
    arrests = [v for v in doc.events if v.event == "COERCE"]
    assert arrests and _named(doc, arrests[0].actor) == {"قوات الأمن"} and arrests[0].modality == "asserted"
    got = _events("الوحدات الأمنية تمكنت من إيقاف 3 عناصر.")
    assert [actors for category, actors, _ in got if category == "COERCE"] == [{"الوحدات الأمنية"}]
    # where and when may stand between the verb and its event
    got = _events("تمكنت الوحدات الأمنية في الجزائر يوم 5 جوان الجاري بولاية أم البواقي من القبض على 3 تجار أسلحة.")
    assert [actors for category, actors, _ in got if category == "COERCE"] == [{"الوحدات الأمنية"}]
    # a negation before the verb of managing reaches the event: it did not happen
    doc = analyze("ولم تتمكن الشرطة من إيقاف المشتبه به.", published="2026-11-29")
    assert [v.modality for v in doc.events if v.event == "COERCE"] == ["negated"]


def test_a_bodys_detachment_acts_for_it_and_whom_a_unit_belongs_to_suffers_nothing() -> None:
    # «مفارز للجيش»، «دورية لحرس الحدود»: the body written with ل after its detachment acts, and whom the act is done
    # to follows it
    got = _events("أوقفت مفارز للجيش 15 مهربا.")
    assert [(actors, recipients) for category, actors, recipients in got if category == "COERCE"] == \
        [({"الجيش"}, {"15 مهربا"})]
    got = _events("تمكنت دورية لحرس الحدود من إيقاف 3 أشخاص.")
    assert [actors for category, actors, _ in got if category == "COERCE"] == [{"حرس الحدود"}]
    # the body a unit belongs to is no one the act is done to
    got = _events("وأنقذت دوريات البحث في قطاع ضباء التابع لحرس الحدود طفلا من الغرق.")
    assert all("حرس الحدود" not in recipients for _, _, recipients in got)
    # ... and a ل after any other word still names whom it is done to
    got = _events("وقدمت الولايات المتحدة مساعدات للجيش اللبناني.")
    assert [recipients for category, _, recipients in got if category == "AID"] == [{"الجيش اللبناني"}]


def test_clashes_are_an_attack_by_both_sides_named_after_between() -> None:
    # the dead named before the clashes suffer them; the sides after بين clash; the city that witnessed it is where
    doc = analyze("وشهدت العاصمة العراقية بغداد اليوم مقتل سبعة أشخاص في صدامات جدت بين متظاهرين موالين للزعيم "
                  "الشيعي وقوات الأمن.", published="2026-11-29")
    attacks = [v for v in doc.events if v.event == "ASSAULT"]
    assert len(attacks) == 1 and _named(doc, attacks[0].actor) == {"متظاهرين", "قوات الأمن"}
    assert _named(doc, attacks[0].recipient) == {"سبعة أشخاص"} and _named(doc, [attacks[0].event_loc]) == {"Baghdad"}
    got = _events("وقعت صدامات جدت بين متظاهرين موالين للزعيم الشيعي وقوات الأمن.")
    assert [(c, a) for c, a, _ in got if c == "ASSAULT"] == [("ASSAULT", {"متظاهرين", "قوات الأمن"})]
    got = _events("وقد وقعت مساء أمس الأربعاء صدامات بين الشرطة ومتظاهرين.")
    assert ("ASSAULT", {"الشرطة", "متظاهرين"}) in [(c, a) for c, a, _ in got]


def test_an_attack_that_a_relative_clause_says_struck_a_city_has_it_as_target() -> None:
    for text in ("وأدان الرئيس الهجمات التي ضربت باريس.",
                 "وأعلنت الشرطة أنها حددت هوية منفذي الهجمات، التي ضربت لندن."):
        got = [r for c, _, r in _events(text) if c == "ASSAULT"]
        assert got and got[0] and got[0] <= {"Paris", "London", "باريس", "لندن"}


def test_violence_at_the_head_of_what_someone_says_is_not_the_speakers() -> None:
    # «وقال ليسينكو «أغلب القصف ...»»، «ووصف الوزير الهجمات بأنها جبانة»: the speaker names the violence, did not do it
    doc = analyze("وقال ليسينكو «القصف والهجمات المسلحة وقعت ليلا لتفادي جذب أنظار المراقبين».", published="2026-11-29")
    attacks = [v for v in doc.events if v.event == "ASSAULT"]
    assert attacks and doc.quotes and all(doc.quotes[0].speaker not in v.actor for v in attacks)


def test_who_announced_or_decided_entering_a_protest_protests() -> None:
    # the masdar with its pronoun, and a quotation mark before في (دخولهم "في عصيان مدني")
    got = _events('وكان أهالي البرادعة قد أعلنوا منذ يوم الخميس، دخولهم "في عصيان مدني" تنديدا بالتهميش.')
    assert [actors for category, actors, _ in got if category == "PROTEST"] == [{"أهالي البرادعة"}]
    # a plural verb joined by و to the clause before shares its subject
    got = _events("وقد عبّر شباب الجهة عن رفضهم لهذا القرار وقرروا الدخول في اعتصام مفتوح أمام مقر الولاية.")
    assert [actors for category, actors, _ in got if category == "PROTEST"] == [{"شباب الجهة"}]


def test_a_meeting_with_its_pronoun_after_a_word_of_when_is_the_subjects() -> None:
    # «على اثر لقائه مع السبسي»: the one who spoke after his meeting met
    got = _events("ودعا ساركوزي في تصريح إعلامي على اثر لقائه مع السبسي إلى ضرورة مرافقة تونس.")
    meetings = [(actors, recipients) for category, actors, recipients in got if category == "CONSULT"]
    assert len(meetings) == 1 and meetings[0][0] and not meetings[0][0] & meetings[0][1]


def test_a_plural_in_yn_after_the_noun_of_a_protest_is_who_protests() -> None:
    # (after a verb, «التقى المسؤولين», it is the object; a protest's noun takes its protesters as genitive)
    got = _events("وتواصلت احتجاجات الفلاحين في القيروان.")
    assert [(actors, recipients) for category, actors, recipients in got if category == "PROTEST"] == \
        [({"الفلاحين"}, set())]


def test_dropping_a_charge_concedes_and_lays_none_and_revoking_a_membership_sanctions_its_holder() -> None:
    got = _events("أسقطت بلجيكا تهمة الإرهاب عن التونسي محمد الرياحي الموقوف منذ شهر مارس.")
    assert [(category, actors) for category, actors, _ in got] == [("CONCEDE", {"Belgium"})]
    got = _events("وكان مجلس النواب المصري قد أسقط عضوية النائب توفيق عكاشة في مارس 2016.")
    assert got == [("SANCTION", {"House of Representatives (Egypt)"}, {"Tawfiq Okasha"})]


def test_deploying_troops_mobilises_but_the_army_publishing_does_not() -> None:
    got = _events("وأعلن الجيش أنه نشر جنودا على الحدود.")
    assert [(category, actors) for category, actors, _ in got] == [("MOBILIZE", {"الجيش"})]
    assert not [c for c, _, _ in _events("ونشر الجيش السوري بيانا على موقعه.") if c == "MOBILIZE"]


def test_a_number_of_troops_deployed_is_what_is_deployed_not_who_deploys() -> None:
    got = _events("وأضافت الوزيرة أن السلطات ستنشر نحو 3800 جندي في الشوارع.")
    assert [(category, actors) for category, actors, _ in got if category == "MOBILIZE"] == [("MOBILIZE", {"السلطات"})]


def test_postponing_or_breaking_up_a_strike_or_sit_in_concedes_but_cancelling_a_visit_does_not() -> None:
    got = _events("قررت النقابة الأساسية بمستشفى ابن الجزار تأجيل إضراب أعوان الصحة المزمع تنفيذه يوم الخميس.")
    assert [(category, actors) for category, actors, _ in got] == \
        [("CONCEDE", {"النقابة الأساسية"}), ("PROTEST", {"أعوان الصحة"})]
    got = _events("من جهتهم تعهد أهالي المنطقة بفض الاعتصام وإخلاء جميع الطرقات.")
    assert ("CONCEDE", {"أهالي المنطقة"}) in [(category, actors) for category, actors, _ in got]
    assert "CONCEDE" not in [category for category, _, _ in _events("وقرر الوزير إلغاء الزيارة بسبب الإضراب.")]


def test_an_agreement_no_one_is_named_making_is_made_by_those_who_met_in_its_sentence() -> None:
    got = _events("وأكد الواد أنه بعد مفاوضات مع رئاسة الحكومة ووزارة السياحة تم الاتفاق على تعويض مقترح الحكومة.")
    agreed = [(actors, recipients) for category, actors, recipients in got if category == "AGREE"]
    assert len(agreed) == 1 and {"رئاسة الحكومة", "وزارة السياحة"} <= agreed[0][0] and not agreed[0][1]


def test_what_a_speaker_says_a_body_must_do_is_a_request_to_it() -> None:
    got = _events("وقال محمود بن رمضان إنه على الحكومة المقبلة أن تجعل من التشغيل أولوية.")
    assert [(actors, recipients) for c, actors, recipients in got if c == "REQUEST"] == \
        [({"Mahmoud Ibn Ramadan"}, {"الحكومة المقبلة"})]
    # (not «على» after a verb that governs it, nor a name)
    assert not [c for c, _, _ in _events("وقال الوزير إن الفريق حصل على الجائزة بعد أن فاز.") if c == "REQUEST"]


def test_those_a_meeting_brought_together_all_take_part_in_it() -> None:
    got = _events("انعقدت اليوم الأحد جلسة عمل حول اعتصام البرادعة بمقر معتمدية البرادعة جمعت نواب عن الجهة وممثلين "
                  "عن أهالي المنطقة والحرس الوطني.")
    meetings = [(actors, recipients) for category, actors, recipients in got if category == "CONSULT"]
    assert len(meetings) == 1 and {"أهالي المنطقة", "الحرس الوطني"} <= meetings[0][0] and not meetings[0][1]
    # (not the player negotiations are to sign: «تعليق المفاوضات لضم اللاعب محمد اليونسي»)
    got = _events("قررت إدارة نادي النصر تعليق المفاوضات لضم النرويجي محمد اليونسي.")
    assert all("محمد اليونسي" not in actors for category, actors, _ in got if category == "CONSULT")


def test_a_speaker_who_calls_something_unacceptable_or_unconstitutional_criticises() -> None:
    got = _events("وقال محمد العلي إن تصريحات وزير الخارجية القطري غير مقبولة.")
    assert [(category, actors) for category, actors, _ in got] == [("ACCUSE", {"Mohamed Alali"})]


def test_a_verb_opening_its_sentence_with_no_subject_goes_on_with_the_actor_before_of_its_gender() -> None:
    text = ("واجتمع وزير الخارجية التونسي خميس الجهيناوي بنظيره الجزائري. وسيلتقي بالرئيس الجزائري غدا. "
            "واستقبلت وزيرة الصحة سميرة مرعي وفدا من البنك الدولي. وسيلتقي بممثلي النقابة غدا.")
    consults = [actors for category, actors, _ in _events(text) if category == "CONSULT"]
    assert len(consults) == 4 and consults[0] and consults[2] and consults[0] != consults[2]
    assert consults[1] == consults[0]    # «وسيلتقي»: he who met, named in the sentence before
    assert consults[3] == set()          # not she who received, of the other gender


def test_what_one_receives_is_done_by_whom_it_came_from() -> None:
    got = _events("تلقى الرئيس المصري عبد الفتاح السيسي برقية تهنئة من نظيره الجزائري عبد العزيز بوتفليقة.")
    assert [(c, a, r) for c, a, r in got if c == "SUPPORT"] == [
        ("SUPPORT", {"Abdelaziz Bouteflika"}, {"Abdel Fattah el-Sisi"})]
    # (what he received is the notice, not the arrest it tells of: those arrested are not who arrested)
    got = _events("تلقى العميد عبداللطيف الحناوي مدير مباحث الغربية، إخطاراً يفيد القبض على 5 من الإخوان بقرى "
                  "مركز قطور.")
    coerced = [(a, r) for c, a, r in got if c == "COERCE"]
    assert len(coerced) == 1 and coerced[0][1] and not coerced[0][0] & coerced[0][1]
    assert not any(r <= a for a, r in coerced)


def test_the_word_that_tells_a_verbs_sense_may_stand_past_its_subjects_long_name() -> None:
    got = _events("بحث وزير الشؤون الخارجية ،خميس الجهيناوي، اليوم الأربعاء مع نظيره الروسي سيرغي لافروف، في "
                  "ابوظبي التعاون بين البلدين.")
    assert [c for c, _, _ in got].count("CONSULT") == 1
    # (a verb of researching with nothing of talks after it, past its subject, is none)
    assert "CONSULT" not in [c for c, _, _ in _events("بحث الباحث خالد العمري اليوم الأربعاء كثيرا في تاريخ المدينة.")]


def test_a_counterpart_named_after_ma_is_whom_one_meets() -> None:
    got = _events("بحث خميس الجهيناوي مع نظيره الروسي سيرغي لافروف التعاون بين البلدين.")
    assert [(a, r) for c, a, r in got if c == "CONSULT"] == [({"Khemaies Jhinaoui"}, {"Sergey Lavrov"})]


def test_a_stance_with_its_pronoun_at_the_head_of_a_statement_reported_inside_another_is_its_speakers() -> None:
    got = _events("وأوضح معز علي أن الوفد التونسي الذي التقى نائب رئيس مجلس الشعب عبر عن دعمه للشعب السوري.")
    assert [a for c, a, _ in got if c == "SUPPORT"] == [{"الوفد التونسي"}]


def test_a_counterpart_after_the_verb_is_whom_the_subject_before_it_meets() -> None:
    got = _events("أعلنت وزارة الخارجية المصرية أن الوزير سامح شكري التقى نظيره الأردني أيمن الصفدي في القاهرة.")
    assert [(a, r) for c, a, r in got if c == "CONSULT"] == [({"Sameh Shoukry"}, {"Ayman Safadi"})]


def test_a_meeting_named_by_no_one_takes_all_a_verb_of_gathering_names_after_it() -> None:
    got = _events("وضم الاجتماع 5 أحزاب معارضة لقانون المصالحة، وهي التحالف الديموقراطي والتيار الديمقراطي "
                  "وحركة الشعب.")
    assert [len(a) for c, a, _ in got if c == "CONSULT"] == [3]
    # (talks about signing a player gather no one: «التفاوض على ضم بنزيما»)
    got = _events("سافر مندوبون من النادي اللندني إلى مدريد، من أجل التفاوض على ضم بنزيما.")
    assert not [c for c, a, r in got if c == "CONSULT" and any("بنزيما" in n or "Benzema" in n for n in a | r)]
