"""In-document resolution and linking: one entity per real thing, variants and role phrases included."""

from __future__ import annotations

from given_mentions import resolved
from marsad import analyze
from marsad.kb import Role, alias_key, knowledge_base, lemma_key
from marsad.resolve import local_id


def entity_of(doc, text: str):  # type: ignore[no-untyped-def]
    m = next(m for m in doc.mentions if m.text == text)
    return next(e for e in doc.entities if e.id == m.entity)


def test_seed_spelling_variants_clitics_and_roles_resolve_together(seed_text: str) -> None:
    doc = analyze(seed_text, published="2025-12-03")
    witkoff = entity_of(doc, "ويتكوڤ")
    assert entity_of(doc, "ويتكوف") is witkoff
    assert entity_of(doc, "المبعوث الأمريكي الخاص بشأن الشرق الأوسط") is witkoff
    ushakov = entity_of(doc, "يوري أوشاكوف")
    assert entity_of(doc, "أوشاكوف") is ushakov and entity_of(doc, "مساعد الرئيس الروسي") is ushakov
    putin = entity_of(doc, "بوتين")
    assert entity_of(doc, "الرئيس الروسي") is putin
    assert entity_of(doc, "الرئيس الأوكراني") is entity_of(doc, "زيلينسكي")
    assert entity_of(doc, "الناتو") is entity_of(doc, "حلف شمال الأطلسي")
    assert entity_of(doc, "الرئيس الأمريكي السابق") is entity_of(doc, "دونالد ترامب")
    assert entity_of(doc, "صهر الرئيس الأمريكي السابق") is entity_of(doc, "جاريد كوشنر")


def test_seed_places_link_to_wikidata(seed_text: str) -> None:
    doc = analyze(seed_text, published="2025-12-03")
    expected = (("أوكرانيا", "Q212", "Ukraine"), ("موسكو", "Q649", "Moscow"), ("الناتو", "Q7184", "NATO"))
    for name, qid, english in expected:
        e = entity_of(doc, name)
        assert (e.kb_id, e.name_en) == (qid, english)


def test_unknown_names_get_the_same_local_id_everywhere() -> None:
    a = resolved("قال سمير بلقاسمي إن الوضع صعب. وأضاف بلقاسمي أن الحل سياسي.",
                  [("سمير بلقاسمي", "PER"), ("بلقاسمي", "PER")])
    b = resolved("التقى سمير بلقاسمي بالوفد.", [("سمير بلقاسمي", "PER")])
    assert len(a.entities) == 1 and len(a.entities[0].mentions) == 2
    assert a.entities[0].kb_id == b.entities[0].kb_id == local_id("PER", "سمير بلقاسمي")


def test_a_famous_surname_beside_a_relative_stays_apart() -> None:
    doc = resolved("وصلت إيفانكا ترامب إلى الرياض. وقال ترامب إن الزيارة مهمة.",
                    [("إيفانكا ترامب", "PER"), ("ترامب", "PER")])
    assert len(doc.entities) == 2
    lone = next(e for e in doc.entities if e.name == "ترامب" or e.name_en == "Donald Trump")
    assert lone.name_en in (None, "Donald Trump")


def test_ambiguous_surname_is_left_unmerged() -> None:
    doc = resolved("التقى أحمد الشاهد ويوسف الشاهد. وقال الشاهد إن اللقاء كان مفيدا.",
                    [("أحمد الشاهد", "PER"), ("يوسف الشاهد", "PER"), ("الشاهد", "PER")])
    assert len(doc.entities) == 3


def test_alias_keys_fold_spelling_and_article() -> None:
    assert alias_key("ويتكوڤ") == alias_key("ويتكوف")
    assert lemma_key("الاتحاد الأفريقي") == "اتحاد افريقي"


def test_roles_are_time_aware() -> None:
    role = Role("x", "USA.head_of_state", "2017-01-20", "2021-01-20")
    assert role.held_on("2019-05-01") and not role.held_on("2022-01-01")
    assert Role("x", "o", "2014", None).held_on("2014-06-01")


def test_knowledge_base_is_shipped() -> None:
    kb = knowledge_base()
    assert kb is not None
    assert kb.lookup("أوكرانيا")[0].kb_id == "Q212"
    assert len(kb.entities) > 5000


def test_a_sitting_office_holder_called_former_is_flagged_not_corrected(seed_text: str) -> None:
    doc = analyze(seed_text, published="2025-12-03")
    trump = entity_of(doc, "دونالد ترامب")
    assert trump.name_en == "Donald Trump"
    assert any("السابق" in note for note in trump.extra.get("notes", []))
    assert entity_of(doc, "الرئيس الأمريكي السابق") is trump     # still linked, never "corrected"


def test_eval_entities_runs_on_the_development_set() -> None:
    from pathlib import Path

    from marsad.eval.entities import same_name, score

    dev = Path(__file__).resolve().parent / "data/dev"
    report = score(dev / "gold.jsonl", dev / "articles")
    clusters = report["clusters"]
    assert isinstance(clusters, dict) and clusters["mentions"] > 300
    assert same_name("Kim Jong-un", "Kim Jong Un") and same_name("State of Palestine", "Palestine")
    assert not same_name("Popular Front (Tunisia)", "Popular Front for the Liberation of Palestine")


def test_users_extend_the_knowledge_base_with_yaml_or_csv(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    yaml_file = tmp_path / "extra.yaml"
    yaml_file.write_text("entities:\n  - {id: 'marsad:samir-belqasmi', type: PER, name_ar: سمير بلقاسمي,\n"
                         "     name_en: Samir Belkacemi, aliases_ar: [بلقاسمي], country: TUN, sector: CVL}\n",
                         encoding="utf-8")
    csv_file = tmp_path / "extra.csv"
    csv_file.write_text("id,type,name_ar,name_en,aliases_ar,country,sector\n"
                        "marsad:x1,ORG,جمعية المراقبين المستقلين,Association of Independent Observers,,TUN,NGO\n",
                        encoding="utf-8")
    text = "قال سمير بلقاسمي إن جمعية المراقبين المستقلين رفضت النتائج."
    run = subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", "--kb", str(yaml_file), "--kb",
                          str(csv_file), "-"], input=text.encode(), capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    import json

    doc = json.loads(run.stdout)
    assert {(e["name_en"], e["kb_id"]) for e in doc["entities"]} >= {
        ("Samir Belkacemi", "marsad:samir-belqasmi"), ("Association of Independent Observers", "marsad:x1")}
    env = {**__import__("os").environ, "MARSAD_KB_DIR": str(tmp_path / "kb")}
    add = subprocess.run([sys.executable, "-m", "marsad.cli", "kb", "add", str(yaml_file)], capture_output=True,
                         env=env, timeout=60)
    assert add.returncode == 0 and (tmp_path / "kb" / "extra.yaml").is_file()
    look = subprocess.run([sys.executable, "-m", "marsad.cli", "kb", "lookup", "بلقاسمي"], capture_output=True,
                          env=env, timeout=60)
    assert b"Samir Belkacemi" in look.stdout


def test_a_bad_knowledge_base_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - {id: x, type: PERSON, name_ar: س}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "marsad.cli", "kb", "add", str(bad)], capture_output=True,
                         env={**__import__("os").environ, "MARSAD_KB_DIR": str(tmp_path / "kb")}, timeout=60)
    assert run.returncode == 1 and b"type must be" in run.stderr


def test_a_definite_head_refers_back_to_the_organisation_named_before() -> None:
    from marsad import analyze
    doc = analyze("أعلنت وزارة الداخلية التونسية إيقاف مشتبه به. وقالت الوزارة إن التحقيق متواصل. "
                  "وأكدت الحكومة التونسية دعمها للوزارة.")
    by_id = {e.id: e for e in doc.entities}
    ministry = [m for m in doc.mentions if m.text in ("وزارة الداخلية التونسية", "الوزارة", "لوزارة")]
    assert len(ministry) == 3 and len({m.entity for m in ministry}) == 1
    assert by_id[ministry[0].entity].mentions == [m.id for m in ministry]
    # «إلى» and a relative pronoun after the head are no definite word making a name of its own
    doc = analyze("أصدرت وزارة الصحة توصيات. كما دعا بلاغ الوزارة إلى الحذر. وقالت الوزارة التي تتابع الوضع إنه مستقر.")
    assert [m.text for m in doc.mentions if m.extra.get("reference")] == ["الوزارة", "الوزارة"]
    # «الحكومة التونسية» is a name of its own; «الشركة» with no company named before stays no mention
    alone = analyze("وقالت الشركة إن الوضع مستقر.")
    assert not [m for m in alone.mentions if m.label == "ORG"]


def test_the_government_with_none_named_is_one_entity_of_the_article() -> None:
    from marsad import analyze
    doc = analyze("وقال الوزير إن الحكومة مستعدة للحوار. وأكدت الحكومة أنها ستعرض مشروعها على البرلمان.")
    government = [m for m in doc.mentions if m.text == "الحكومة"]
    assert len(government) == 2 and len({m.entity for m in government}) == 1
    entity = next(e for e in doc.entities if e.id == government[0].entity)
    assert entity.label == "ORG" and entity.kb_id is not None and entity.kb_id.startswith("name:")
    assert [m.text for m in doc.mentions if m.label == "ORG" and m.text == "البرلمان"] == ["البرلمان"]


def test_a_first_name_spelled_as_spoken_is_the_same_person() -> None:
    # Tunisian news writes الأزهر as it is said, لزهر; two people with two first names stay two
    doc = resolved("ولد الأزهر الشرايطي سنة 1919. وشارك لزهر الشرايطي في المقاومة. والتقى سمير الشرايطي بالوفد.",
                   [("الأزهر الشرايطي", "PER"), ("لزهر الشرايطي", "PER"), ("سمير الشرايطي", "PER")])
    ids = [m.entity for m in doc.mentions]
    assert ids[0] == ids[1] != ids[2]


def test_two_first_names_that_differ_in_an_alif_are_two_people() -> None:
    doc = resolved("وقالت سعاد الشابي إن الوضع صعب. وقال سعد الشابي إن الحل ممكن.",
                   [("سعاد الشابي", "PER"), ("سعد الشابي", "PER")])
    assert doc.mentions[0].entity != doc.mentions[1].entity


def test_a_surname_of_a_person_the_kb_does_not_know_joins_them_where_the_kbs_namesake_is_foreign() -> None:
    from marsad import analyze
    doc = analyze("نفذ التونسي أنيس العامري الهجوم في برلين قبل أن تقتله الشرطة الإيطالية في ميلانو. وكان العامري قد "
                  "وصل إلى إيطاليا سنة 2011.", published="2017-02-27")
    amri = [m for m in doc.mentions if m.label == "PER" and m.text.endswith("العامري")]
    assert [m.text for m in amri] == ["أنيس العامري", "العامري"] and len({m.entity for m in amri}) == 1
    # and where the knowledge base knows the full name too, the surname stays the famous one's (ترامب)
    doc = analyze("التقت إيفانكا ترامب بالمسؤولين في الرياض. وقال ترامب إن الزيارة ناجحة.", published="2017-05-20")
    trumps = {m.text: m.entity for m in doc.mentions if m.label == "PER"}
    assert trumps.get("ترامب") != trumps.get("إيفانكا ترامب")


def test_a_state_that_is_no_more_links_to_its_knowledge_base_entry() -> None:
    doc = analyze("ومنذ انهيار الاتحاد السوفياتي عام 1991 لم تعد يوغوسلافيا موجودة.")
    assert {e.name_en for e in doc.entities if e.label == "GPE"} >= {"Soviet Union",
                                                                      "Socialist Federal Republic of Yugoslavia"}


def test_a_name_whose_article_a_proclitic_lam_swallowed_gets_it_back() -> None:
    # «بدعمها للانفصاليين» (the seed article): the mention is «لانفصاليين», the group «الانفصاليين»; a noun that
    # starts with lam keeps it (للاجئين: اللاجئين), and a name written without the article stays so (للبنان: لبنان)
    doc = analyze("وتتهم أوكرانيا روسيا بدعمها للانفصاليين في الشرق. وقدمت مساعدات للاجئين السوريين. "
                  "وعاد الوفد للبنان.")
    names = {e.name for e in doc.entities}
    assert {"الانفصاليين", "اللاجئين", "لبنان"} <= names
    assert "لانفصاليين" in {m.text for m in doc.mentions}     # the mention keeps the text's exact characters


def test_a_facility_named_with_and_without_its_adjectives_is_one() -> None:
    doc = analyze("وصل الوفد إلى مطار المنستير الدولي صباح اليوم. وأغلق مطار المنستير أمام الرحلات مساء.")
    ids = {m.entity for m in doc.mentions if m.label == "FAC"}
    assert len(ids) == 1


def test_a_title_written_before_the_phrase_that_names_its_person_is_that_person() -> None:
    doc = analyze("وزير الدفاع الوطني : الإرهابيون فقدوا الشعور بالراحة\n"
                  "أكد وزير الدفاع الوطني فرحات الحرشاني جاهزية المؤسسة العسكرية.")
    names = {e.id: e.name for e in doc.entities}
    assert [names[q.speaker] for q in doc.quotes if q.speaker] == ["فرحات الحرشاني", "فرحات الحرشاني"]


def test_a_surname_after_a_lam_that_swallowed_its_article_is_no_more_linked_than_the_surname_written_whole() -> None:
    from marsad import analyze
    # the knowledge base's الحامدي (a former minister) is not the article's محمد الحامدي, nor is «للحامدي»
    doc = analyze("عنوان\nوصف رئيس الحزب محمد الحامدي القانون بأنه محاولة لتبييض الفساد. وقال الحامدي إن الأحزاب "
                  "ستصدر بيانا، وفقا للحامدي.", published="2017-05-06")
    linked = {m.text: next(e.kb_id for e in doc.entities if e.id == m.entity)
              for m in doc.mentions if m.label == "PER" and m.entity}
    assert "marsad:mongi-hamdi" not in linked.values(), linked


def test_an_offices_head_word_alone_refers_to_whom_the_subject_office_before_it_named() -> None:
    from marsad import analyze

    doc = analyze("إلتقى وزير الشؤون الدينية أحمد عظوم وفدا إيرانيا يتقدمه وزير الثقافة الإيراني رضا صالح أميري. "
                  "واستقبل الوزير ممثلي النقابة. وزار الوالي المعتصمين.")
    refs = [m for m in doc.mentions if m.extra.get("reference") == "definite" and m.label == "TITLE"]
    names = {e.id: e.name for e in doc.entities}
    assert [(m.text, names[m.entity or ""]) for m in refs] == [("الوزير", "أحمد عظوم")]   # (no والي named before)
    # a title before a name is that person's (الأمير فيصل), not a reference to another office
    doc = analyze("افتتح أمير منطقة عسير المهرجان. ووعد الأمير فيصل الشباب بفعاليات جديدة.")
    assert not [m for m in doc.mentions if m.extra.get("reference") == "definite" and m.label == "TITLE"]
