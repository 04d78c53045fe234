"""Tokens keep their offsets; proclitics come off when the rest is a word, and only then."""

from __future__ import annotations

import pytest

from marsad import analyze
from marsad.text.tokenize import Token, analyse_word, clitic_rules


def words(text: str) -> list[str]:
    doc = analyze(text)
    assert doc.tokens is not None
    out: dict[int, list[str]] = {}
    for t in doc.tokens.rows(text):
        out.setdefault(t.word, []).append(t.text)
    return ["+".join(v) for v in out.values()]


def tokens(text: str) -> list[Token]:
    doc = analyze(text)
    assert doc.tokens is not None
    return list(doc.tokens.rows(text))


@pytest.mark.parametrize(("word", "expected"), [
    ("والولايات", "و+الولايات"),
    ("لروسيا", "ل+روسيا"),
    ("وقال", "و+قال"),
    ("بالتالي", "ب+التالي"),
    ("وبالتالي", "و+ب+التالي"),
    ("للولايات", "ل+لولايات"),
    ("وسيكون", "و+س+يكون"),
    ("ولكن", "و+لكن"),
    ("فإن", "ف+إن"),
    ("بشأن", "ب+شأن"),
    ("وزير", "وزير"),
    ("بوتين", "بوتين"),
    ("لبنان", "لبنان"),
    ("فرنسا", "فرنسا"),
    ("كان", "كان"),
    ("لكن", "لكن"),
    ("بين", "بين"),
    ("سوريا", "سوريا"),
    ("ولاية", "ولاية"),
    ("لها", "لها"),
    ("بهم", "بهم"),
])
def test_clitic_segmentation(word: str, expected: str) -> None:
    assert words(word) == [expected]


def test_unknown_name_splits_when_it_stands_alone_in_the_document() -> None:
    text = "التقى ويتكوف الرئيس. ثم غادر بوتين وويتكوڤ القاعة."
    assert "و+ويتكوڤ" in words(text)
    assert "ويتكوف" in words(text)


def test_unknown_word_stays_whole_without_evidence() -> None:
    assert words("وويتكوڤ") == ["وويتكوڤ"]


def test_article_after_lam_is_restored_in_the_normalised_form() -> None:
    toks = tokens("للولايات")
    assert [(t.text, t.norm, t.kind) for t in toks] == [("ل", "ل", "clitic"), ("لولايات", "الولايات", "word")]


def test_diacritics_stay_with_their_letters_when_split() -> None:
    toks = tokens("وَقالَ")
    assert [t.text for t in toks] == ["وَ", "قالَ"]
    assert [t.norm for t in toks] == ["و", "قال"]


def test_offsets_and_kinds(seed_text: str) -> None:
    doc = analyze(seed_text)
    assert doc.tokens is not None
    rows = list(doc.tokens.rows(seed_text))
    prev_end = 0
    for t in rows:
        assert seed_text[t.start:t.end] == t.text and t.text.strip() == t.text and t.text
        assert t.start >= prev_end
        prev_end = t.end
    kinds = {t.text: t.kind for t in rows}
    assert kinds["2014"] == "number" and kinds["،"] == "punct" and kinds["(الناتو"[1:]] == "word"
    assert [t.text for t in rows if t.word == rows[-1].word] == ["."]


def test_numbers_keep_decimal_and_thousands_separators() -> None:
    assert [t.text for t in tokens("بلغ 3.5 مليار و1,200 دولار و٢٫٥")] == [
        "بلغ", "3.5", "مليار", "و", "1,200", "دولار", "و", "٢٫٥"]


def test_invisible_controls_are_not_tokens() -> None:
    assert [t.text for t in tokens("\u200fبوتين\u200f \u202bقال\u202c")] == ["بوتين", "قال"]


def test_never_split_list_is_data() -> None:
    rules = clitic_rules()
    assert "كان" in rules.never_split and "و" in rules.conjunctions
    assert analyse_word("كان") is None
    assert analyse_word("كفى") is None     # «كفى تونس كوارث»: «enough», not ك + في


def test_a_name_whose_rest_is_a_rarer_name_stays_whole() -> None:
    # بيونغ (يانغ) is a name, not ب + يونغ; باسم stays ب + اسم because اسم is a common word of its own
    from marsad.text.tokenize import phrase_norms
    assert phrase_norms("بيونغ يانغ") == ("بيونغ", "يانغ")
    assert phrase_norms("باسم") == ("اسم",)


def test_word_list_forms_that_the_tokeniser_would_split_are_known() -> None:
    from marsad.text.tokenize import reads_whole
    assert reads_whole("أكد") and reads_whole("لافتا") and reads_whole("فرض_عقوبات")
    assert not reads_whole("وصفه")   # و + صفه: as a key it would match صفة


def test_a_first_name_written_as_spoken_keeps_its_first_letter() -> None:
    # لسعد is الأسعد as Tunisian news writes it: no ل + سعد
    from marsad import analyze
    doc = analyze("وقال لسعد اليعقوبي إن الإضراب قائم.", published="2017-01-01")
    assert any(m.text == "لسعد اليعقوبي" and m.label == "PER" for m in doc.mentions)


def test_no_preposition_before_a_conjunction_and_a_name() -> None:
    # بوجمعة، بوعلي: Maghrebi names, not ب + و + جمعة; a preposition before a word that starts with و stays one
    assert analyse_word("بوجمعه") is None and analyse_word("بوعلي") is None
    assert analyse_word("وبوعلي") is not None and analyse_word("وبوعلي").key == "بوعلي"
    assert analyse_word("بوزاره") is not None and analyse_word("بوزاره").key == "وزاره"


def test_every_cue_verb_form_is_in_the_lexicon_so_that_it_splits_from_its_conjunction() -> None:
    # scripts/build_lexicon.py gives every one-word cue form a count; a cue added to data/quotes/cues.tsv without
    # rebuilding the lexicon stays glued to its و (ويخشى) and is never found
    from marsad.quotes import cues
    from marsad.text.tokenize import MIN_COUNT, clitic_rules

    lexicon = clitic_rules().lexicon
    forms = {key[0] for key, roles in cues().phrases.items()
             if len(key) == 1 and len(key[0]) >= 3 and roles.keys() & {"verb", "continue", "participle"}}
    missing = sorted(w for w in forms if lexicon.get(w, 0) < MIN_COUNT)
    assert not missing, f"rerun scripts/build_lexicon.py: {missing[:10]}"


def test_the_future_marker_never_stands_before_a_name() -> None:
    from marsad.text.tokenize import analyse_word

    assert analyse_word("سيونغ") is None          # the name Seong, not س + يونغ
    split = analyse_word("سيعلن")
    assert split is not None and split.cuts == (1,)   # «he will announce» still splits
