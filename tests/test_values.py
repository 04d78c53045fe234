"""Value mentions: dates in every calendar the news uses, times, durations, numbers and money, with values."""

from __future__ import annotations

import pytest

from marsad import analyze


def values(text: str, published: str | None = "2025-12-03") -> list[tuple[str, str, object]]:
    doc = analyze(text, published=published)
    return [(m.label, m.text, m.value) for m in doc.mentions]


@pytest.mark.parametrize(("text", "expected"), [
    ("استمر الاجتماع قرابة خمس ساعات.", ("DURATION", "قرابة خمس ساعات", "PT5H")),
    ("استمرت المحادثات ساعتين.", ("DURATION", "ساعتين", "PT2H")),
    ("ولمدة ثلاثة أيام بقي الوفد.", ("DURATION", "مدة ثلاثة أيام", "P3D")),
    ("تعود الأزمة إلى عام 2014.", ("DATE", "عام 2014", "2014")),
    ("التقى الوفد في 2 ديسمبر 2025.", ("DATE", "2 ديسمبر 2025", "2025-12-02")),
    ("التقى الوفد في ٢ ديسمبر.", ("DATE", "٢ ديسمبر", "2025-12-02")),
    ("في الثاني من كانون الأول.", ("DATE", "الثاني من كانون الأول", "2025-12-02")),
    ("جرى ذلك في 30 جوان 2016.", ("DATE", "30 جوان 2016", "2016-06-30")),
    ("في 15 رمضان 1436 هـ.", ("DATE", "15 رمضان 1436 هـ", "2015-07-02")),
    ("في 14 تموز 2015.", ("DATE", "14 تموز 2015", "2015-07-14")),
    ("صدر القرار في 2/12/2025.", ("DATE", "2/12/2025", "2025-12-02")),
    ("وصل الوفد أمس.", ("DATE", "أمس", "2025-12-02")),
    ("يصل الوفد اليوم.", ("DATE", "اليوم", "2025-12-03")),
    ("اجتمعوا الثلاثاء الماضي.", ("DATE", "الثلاثاء الماضي", "2025-12-02")),
    ("يجتمعون الثلاثاء المقبل.", ("DATE", "الثلاثاء المقبل", "2025-12-09")),
    ("غادر منذ ثلاثة أشهر.", ("DATE", "منذ ثلاثة أشهر", "2025-09")),
    ("يعود بعد يومين.", ("DATE", "بعد يومين", "2025-12-05")),
    ("تعقد القمة الشهر المقبل.", ("DATE", "الشهر المقبل", "2026-01")),
    ("وصل الساعة العاشرة صباحا.", ("TIME", "الساعة العاشرة صباحا", "10:00")),
    ("بدأ الاجتماع الساعة 6:30 مساء.", ("TIME", "الساعة 6:30 مساء", "18:30")),
    ("بلغت الخسائر 3.5 مليار دولار.", ("MONEY", "3.5 مليار دولار", {"amount": 3500000000, "currency": "USD"})),
    ("تبرع بخمسة وعشرين ألف يورو.", ("MONEY", "خمسة وعشرين ألف يورو", {"amount": 25000, "currency": "EUR"})),
    ("تواصل الاعتصام 15 يوما.", ("DURATION", "15 يوما", "P15D")),   # the accusative after a number
    ("قضى في السجن 20 عاما.", ("DURATION", "20 عاما", "P20Y")),
    ("دفع كل منهم 50 دينارا.", ("MONEY", "50 دينارا", {"amount": 50, "currency": "TND"})),
    ("قتل 12 شخصا.", ("NUMBER", "12", 12)),
    ("وصل 1,200 لاجئ.", ("NUMBER", "1,200", 1200)),
    ("ارتفعت إلى 50 بالمائة.", ("NUMBER", "50 بالمائة", 50)),
])
def test_value_mentions(text: str, expected: tuple[str, str, object]) -> None:
    assert expected in values(text)


def test_relative_dates_have_no_value_without_a_publication_date() -> None:
    assert [v for v in values("وصل الوفد أمس.", published=None) if v[0] == "DATE"] == [("DATE", "أمس", None)]
    assert values("في 2 ديسمبر.", published=None) == [("DATE", "2 ديسمبر", "--12-02")]


def test_a_day_and_month_after_publication_belong_to_last_year() -> None:
    assert ("DATE", "30 نوفمبر", "2025-11-30") in values("في 30 نوفمبر.", published="2026-01-05")


def test_approximate_duration_is_flagged() -> None:
    doc = analyze("استمر قرابة خمس ساعات.")
    assert doc.mentions[0].extra == {"approximate": True}


def test_month_name_alone_is_not_a_date() -> None:
    assert values("وصل مارس إلى الملعب.") == []


def test_seed_article_values(seed_text: str) -> None:
    got = values(seed_text)
    assert ("DURATION", "قرابة خمس ساعات", "PT5H") in got
    assert ("DATE", "عام 2014", "2014") in got


def test_value_mentions_exclude_proclitics() -> None:
    doc = analyze("وفي 2014 وبعد يومين")
    assert [(m.text, m.label) for m in doc.mentions] == [("2014", "DATE"), ("بعد يومين", "DATE")]


def test_a_month_named_with_last_next_or_this_takes_its_year_from_the_publication_date() -> None:
    from marsad import analyze

    def dates(text: str) -> list[tuple[str, object]]:
        return [(m.text, m.value) for m in analyze(text, published="2025-12-03").mentions if m.label == "DATE"]

    assert dates("وفي كانون الأول الماضي دفعت الحكومة المبلغ.") == [("كانون الأول الماضي", "2024-12")]
    assert dates("في نوفمبر الماضي") == [("نوفمبر الماضي", "2025-11")]
    assert dates("في 15 مارس المقبل") == [("15 مارس المقبل", "2026-03-15")]
    assert dates("في جانفي الجاري") == [("جانفي الجاري", "2025-01")]
    assert dates("الأسبوع الفارط") == [("الأسبوع الفارط", "2025-W48")]
    assert dates("في مارس") == []       # a month alone stays too ambiguous
