"""How the entity scorer compares English names: one name written two ways is one name, two places are two."""

from __future__ import annotations

from marsad.eval.entities import same_name


def test_spellings_of_one_name_compare_equal() -> None:
    assert same_name("Kim Jong-un", "Kim Jong Un")
    assert same_name("State of Palestine", "Palestine")
    assert same_name("İzmir", "Izmir")
    assert same_name("Monastir, Tunisia", "Monastir")
    assert same_name("Hafedh Caïd Essebsi", "Hafedh Caid Essebsi")
    assert same_name("Ez Zahra", "Ezzahra")     # a transliteration that splits the article or not


def test_different_things_stay_different() -> None:
    assert not same_name("Tunis", "Tunisia")
    assert not same_name("Washington, D.C.", "Washington")
    assert not same_name(None, "Tunisia") and not same_name("", "")


def test_an_ant_document_name_gives_its_publication_date() -> None:
    from marsad.eval.entities import _published

    assert _published("JA-politic-1-20170121") == "2017-01-21"
    assert _published("JA-localNews-187-13102016") == "2016-10-13"
    assert _published("JA-politic-43-19102016") == "2016-10-19"    # DDMMYYYY that starts like a year
    assert _published("JA-politic-43") is None


def test_a_surname_inside_the_full_name_is_no_second_mention(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    import marsad.eval.ner as ner
    from marsad.pipeline import make_document

    text = "التقى باراك أوباما بالوزير في جامعة البحرين. وقال أوباما إن اللقاء مفيد."
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "d1.txt").write_text(text, encoding="utf-8")
    gold = {"doc": "d1", "entities": [
        {"key": "E1", "type": "PER", "name_en": "Barack Obama", "aliases": ["باراك أوباما", "أوباما"]},
        {"key": "E2", "type": "GPE", "name_en": "Bahrain", "aliases": ["البحرين"]},
        {"key": "E3", "type": "ORG", "name_en": None, "aliases": ["جامعة البحرين"]}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")

    def scored(names: list[tuple[str, str]]) -> dict:  # type: ignore[type-arg]
        doc = make_document(text)
        for name, label in names:       # each name at its last occurrence not yet taken
            start = max(i for i in range(len(text)) if text.startswith(name, i) and
                        not any(m.start == i for m in doc.mentions))
            doc.add_mention(start, start + len(name), label)
        monkeypatch.setattr(ner, "analyze", lambda _text: doc)
        return ner.score_annotated(tmp_path / "gold.jsonl", tmp_path / "articles")["strict"]  # type: ignore[return-value]

    # three mentions in the text: the full name, the university and the country in its name, the surname alone
    right = scored([("باراك أوباما", "PER"), ("جامعة البحرين", "ORG"), ("البحرين", "GPE"), ("أوباما", "PER")])
    assert right["micro"]["precision"] == right["micro"]["recall"] == 1.0
    assert right["micro"]["support"] == 4
    # the surname alone where the full name is written finds that mention (its entity's alias), no more
    short = scored([("أوباما", "PER"), ("أوباما", "PER")])
    assert short["per_type"]["PER"]["recall"] == 1.0 and short["per_type"]["PER"]["precision"] == 1.0
    # a nested name of another entity is a mention of its own: missing it is a miss
    assert scored([("باراك أوباما", "PER"), ("جامعة البحرين", "ORG"), ("أوباما", "PER")])["micro"]["recall"] == 0.75
