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
