"""Every fold of the normalised view, the switches, and the offset map back to the original."""

from __future__ import annotations

import pytest

from marsad.text.normalise import DEFAULT_FOLDS, Folds, fold, normalise

FOLD_CASES = [
    # (fold, original, normalised)
    ("diacritics", "اجتماعًا مُطوَّلًا", "اجتماعا مطولا"),
    ("diacritics", "هٰذا", "هذا"),                       # superscript alef
    ("tatweel", "الرئيـــس", "الرئيس"),
    ("alef", "أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
    ("ya", "مستشفى على", "مستشفي علي"),
    ("ta_marbuta", "مدينة", "مدينه"),
    ("persian", "ويتكوڤ", "ويتكوف"),
    ("persian", "گاز پاریس چای ژن ی ک", "كاز باريس جاي زن ي ك"),
    ("persian", "لطفي نڨض ڧ", "لطفي نقض ق"),             # the Maghrebi qaf for /g/
    ("digits", "٢٠٢٥ و۱۴۰۴", "2025 و1404"),
    ("digits", "٣٫٥٪", "3.5%"),
    ("controls", "بوتين\u200f قال\u200b\u202bنعم\u202c", "بوتين قالنعم"),
    ("controls", "\ufeffنص\u00ad", "نص"),
    ("spaces", "قال\u00a0الرئيس\u202fاليوم", "قال الرئيس اليوم"),
    ("presentation", "\ufefb \ufdf2", "لا الله"),           # ﻻ ligature, ﷲ
    ("presentation", "\ufe8d\ufedf\ufeae\ufe8b\ufef4\ufeb2", "الرئيس"),  # isolated, initial, medial, final forms
    ("presentation", "\ufe87\ufee3\ufef4\ufeae", "امير"),  # and then folded again: إ -> ا
    ("latin_case", "NATO Kremlin", "nato kremlin"),
]


@pytest.mark.parametrize(("name", "original", "expected"), FOLD_CASES)
def test_fold_applies(name: str, original: str, expected: str) -> None:
    assert fold(original) == expected


@pytest.mark.parametrize(("name", "original", "expected"), FOLD_CASES)
def test_fold_can_be_switched_off(name: str, original: str, expected: str) -> None:
    off = Folds(**{name: False})
    assert fold(original, off) != expected


def test_hamza_carrier_folds_are_separate_and_off_by_default() -> None:
    assert fold("مسؤول رئيس") == "مسؤول رئيس"
    assert fold("مسؤول", Folds(waw_hamza=True)) == "مسوول"
    assert fold("رئيس", Folds(ya_hamza=True)) == "رييس"
    assert fold("رئيس مسؤول", Folds(waw_hamza=True)) == "رئيس مسوول"


def test_ta_marbuta_and_ya_folds_are_independent() -> None:
    assert fold("مدينة على", Folds(ta_marbuta=False)) == "مدينة علي"
    assert fold("مدينة على", Folds(ya=False)) == "مدينه على"


def test_original_is_never_altered() -> None:
    text = "وويتكوڤ اجتماعًا\u200f ٢٠١٤"
    copy = str(text)
    n = normalise(text)
    assert n.original is text and text == copy
    assert n.text == "وويتكوف اجتماعا 2014"


def test_identity_map_when_nothing_is_removed() -> None:
    n = normalise("أوكرانيا وروسيا")
    assert n.identity
    assert n.to_original(0, 8) == (0, 8)


def test_map_spans_diacritics_with_their_letter() -> None:
    text = "عقد اجتماعًا مطولًا"
    n = normalise(text)
    i = n.text.index("اجتماعا")
    s, e = n.to_original(i, i + len("اجتماعا"))
    assert text[s:e] == "اجتماعًا"
    j = n.text.index("مطولا")
    assert text[slice(*n.to_original(j, j + 4))] == "مطولً"   # the tanween belongs to the lam before it


def test_map_skips_dropped_controls() -> None:
    text = "\u200fبوتين\u200f قال"
    n = normalise(text)
    s, e = n.to_original(0, 5)
    assert text[s:e] == "بوتين"


def test_map_expansion_covers_its_source_character() -> None:
    text = "قال \ufefb شيء"
    n = normalise(text)
    assert n.text == "قال لا شيء"
    assert n.to_original(4, 6) == (4, 5)
    assert n.to_original(4, 5) == (4, 5)
    assert n.to_original(7, 10) == (6, 9)


def test_to_normalized_inverts_orig_start() -> None:
    text = "اجتماعًا مع ويتكوڤ"
    n = normalise(text)
    for i in range(len(n.text)):
        assert n.to_normalized(n.orig_start(i)) == i


def test_out_of_range_span_is_an_error() -> None:
    n = normalise("نص")
    with pytest.raises(IndexError):
        n.to_original(0, 5)


def test_default_folds_object_is_shared() -> None:
    assert normalise("x").folds is DEFAULT_FOLDS
