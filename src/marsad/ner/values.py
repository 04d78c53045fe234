"""DATE, TIME, DURATION, NUMBER and MONEY mentions with normalised values.

Rules over the document's tokens (proclitics are transparent: «ولمدة ثلاثة أيام» reads لمدة ثلاثة أيام); the words
are data in ``data/ner/`` (month names of the Gregorian, Maghrebi, Levantine and Hijri calendars, number words, time
units, currencies, relative dates, weekdays, framing words). Values follow ``marsad.document/1``: ISO 8601 dates and
partial dates (``2014``, ``2025-12``, ``--12-02`` when no year is known and none can be inferred, ``2025-W48`` for a
week), ISO 8601 durations (``PT5H``), numbers, and ``{"amount", "currency"}`` for money. Relative expressions (اليوم،
أمس، الثلاثاء الماضي، منذ ثلاثة أيام، الشهر المقبل) are resolved against the article's ``published`` date; without
it their value is null. Hijri dates are converted to the Gregorian calendar (hijridate, Umm al-Qura).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.document import Document
from marsad.ner.phrases import PhraseTable, read_rows
from marsad.text.tokenize import CLITIC, NUMBER, PUNCT

Match = tuple[int, str, Any, dict[str, Any]]   # (end position in the view, label, value, extra fields)

_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*\Z")
_YEAR_PREPOSITIONS = frozenset({"في", "منذ", "حتي", "قبل", "بعد", "خلال", "مطلع", "اواخر", "اوائل", "نهايه", "بدايه"})


#: roles of the phrases that can begin a value mention (the others only follow one: هـ، الماضي، بالمائة)
_START_ROLES = frozenset({"month", "unit", "scale", "ordinal", "time_unit", "relative", "weekday", "approximate",
                          "year_word", "hour_word", "ago", "after", "for"})


@dataclass(frozen=True)
class _Lexicon:
    table: PhraseTable
    starters: frozenset[str]      # first words of phrases that can begin a mention


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    entries: list[tuple[str, str, Any]] = []
    entries += [(name, "month", (cal, int(month))) for name, cal, month in read_rows("months.tsv")]
    entries += [(word, kind, int(value)) for word, kind, value in read_rows("numbers.tsv")]
    entries += [(word, "time_unit", (d, int(count))) for word, d, count in read_rows("units.tsv")]
    entries += [(word, "currency", code) for word, code in read_rows("currencies.tsv")]
    entries += [(expr, "relative", (unit, int(offset))) for expr, unit, offset in read_rows("relative_dates.tsv")]
    entries += [(name, "weekday", int(iso)) for name, iso in read_rows("weekdays.tsv")]
    entries += [(w, role, True) for role, words in read_rows("value_words.tsv") for w in words.split()]
    table = PhraseTable(entries)
    return _Lexicon(table, table.first_words_for(_START_ROLES))


# -- the matcher ----------------------------------------------------------------------------------------------------
class _Sentence:
    """The non-clitic tokens of one sentence, with look-ups by position."""

    def __init__(self, norms: list[str], kinds: list[int], published: dt.date | None) -> None:
        self.norms, self.kinds, self.published = norms, kinds, published
        self.lex = lexicon()
        self._at: dict[int, dict[str, tuple[int, Any]]] = {}

    def __len__(self) -> int:
        return len(self.norms)

    def _roles(self, p: int) -> dict[str, tuple[int, Any]]:
        found = self._at.get(p)
        if found is None:
            found = self._at[p] = self.lex.table.roles_at(self.norms, p)
        return found

    def phrase(self, p: int, role: str) -> tuple[int, Any] | None:
        """The longest lexicon phrase at ``p`` with ``role``: (end, payload)."""
        return self._roles(p).get(role)

    def is_(self, p: int, role: str) -> int | None:
        hit = self.phrase(p, role) if p < len(self.norms) else None
        return hit[0] if hit else None

    # numbers -----------------------------------------------------------------------------------------------------
    def digits(self, p: int) -> float | None:
        if p >= len(self.norms) or self.kinds[p] != NUMBER:
            return None
        s = self.norms[p]
        if not _DIGITS_RE.match(s):
            return None
        if "," in s and all(len(g) == 3 for g in s.split(",")[1:]) and "." not in s:
            s = s.replace(",", "")
        elif "," in s and "." not in s:
            s = s.replace(",", ".")
        else:
            s = s.replace(",", "")
        try:
            value = float(s)
        except ValueError:  # pragma: no cover - the regex admits only numbers
            return None
        # past about 1e308 a float is infinite, and infinity is no quantity (nor valid JSON): a run of 400 digits is
        # no number to record
        return value if math.isfinite(value) else None

    def number(self, p: int) -> tuple[int, float] | None:
        """A number written in digits, words or both (3 ملايين، خمسة وعشرون، مئتي ألف, 2.5 مليار)."""
        total, current, q = 0.0, 0.0, p
        seen = False
        while q < len(self.norms):
            d = self.digits(q)
            if d is not None and not seen:
                current, q, seen = d, q + 1, True
                continue
            unit = self.phrase(q, "unit")
            if unit is not None:
                current, q, seen = current + unit[1], unit[0], True
                continue
            scale = self.phrase(q, "scale")
            if scale is not None:
                total += (current or 1) * scale[1]
                current, q, seen = 0.0, scale[0], True
                continue
            break
        if not seen:
            return None
        value = total + current
        if not math.isfinite(value):
            return None    # scales multiplied past the largest float (1e300 مليار مليار)
        return q, int(value) if value == int(value) else value

    # values ------------------------------------------------------------------------------------------------------
    def duration(self, p: int) -> Match | None:
        extra: dict[str, Any] = {}
        q = p
        approx = self.is_(q, "approximate")
        if approx is not None:
            extra["approximate"] = True
            q = approx
        framed = self.is_(q, "for")
        q = framed if framed is not None else q
        num = self.number(q)
        if num is not None:
            unit = self.phrase(num[0], "time_unit")
            if unit is None:
                return None
            return unit[0], "DURATION", _iso_duration(num[1], unit[1][0]), extra
        unit = self.phrase(q, "time_unit")
        if unit is None:
            return None
        count = unit[1][1]
        if count == 2 or (count == 1 and (approx is not None or framed is not None)):
            return unit[0], "DURATION", _iso_duration(count, unit[1][0]), extra
        return None

    def relative_amount(self, p: int) -> Match | None:
        """منذ ثلاثة أيام، قبل يومين، بعد أسبوعين: a date that far from the publication date."""
        sign = -1 if self.is_(p, "ago") is not None else 1 if self.is_(p, "after") is not None else 0
        if not sign:
            return None
        q = self.is_(p, "ago") or self.is_(p, "after")
        assert q is not None
        inner = self.duration(q)
        if inner is None or inner[3]:
            return None
        amount = _duration_parts(inner[2])
        if amount is None:
            return None
        count, unit = amount
        return inner[0], "DATE", _shift(self.published, unit, sign * count), {}

    def relative(self, p: int) -> Match | None:
        hit = self.phrase(p, "relative")
        if hit is None:
            return None
        unit, offset = hit[1]
        return hit[0], "DATE", _shift(self.published, unit, offset), {}

    def weekday(self, p: int) -> Match | None:
        hit = self.phrase(p, "weekday")
        if hit is None:
            return None
        q, iso = hit
        direction = 0
        if self.is_(q, "past") is not None:
            q, direction = self.is_(q, "past") or q, -1
        elif self.is_(q, "next") is not None:
            q, direction = self.is_(q, "next") or q, 1
        return q, "DATE", _weekday(self.published, iso, direction), {}

    def year(self, p: int) -> tuple[int, int, str | None] | None:
        """A year in digits, and its era if one is written after it: (end, year, "hijri"|"gregorian"|None)."""
        y = self.digits(p)
        if y is None or y != int(y) or not 1000 <= y <= 2200:
            return None
        q, era = p + 1, None
        for role, name in (("era_hijri", "hijri"), ("era_gregorian", "gregorian")):
            end = self.is_(q, role)
            if end is not None:
                q, era = end, name
                break
        return q, int(y), era

    def absolute_date(self, p: int) -> Match | None:
        """2 ديسمبر 2025، الثاني من كانون الأول، ديسمبر 2025، 15 رمضان 1436 هـ، عام 2014، 2/12/2025."""
        numeric = self.numeric_date(p)
        if numeric is not None:
            return numeric
        q, day = p, None
        d = self.digits(p)
        if d is not None and d == int(d) and 1 <= d <= 31:
            q, day = p + 1, int(d)
        else:
            ordinal = self.phrase(p, "ordinal")
            if ordinal is not None and self.norms[ordinal[0]:ordinal[0] + 1] == ["من"]:
                q, day = ordinal[0] + 1, ordinal[1]
        month = self.phrase(q, "month")
        if month is None:
            year_word = self.is_(p, "year_word")
            if year_word is not None and (y := self.year(year_word)) is not None:
                return y[0], "DATE", _date_value(y[1], None, None, y[2] or "gregorian", self.published), {}
            return None
        q = month[0]
        calendar, m = month[1]
        y = self.year(q)
        year = None
        if y is not None:
            q, year = y[0], y[1]
            calendar = y[2] or calendar
        if year is None and calendar == "gregorian" and self.published is not None:
            # «ديسمبر الماضي»، «15 مارس المقبل»، «جانفي الجاري»: the month's year seen from the publication date
            pub = (self.published.month, self.published.day)
            if (e := self.is_(q, "past")) is not None:
                q, year = e, self.published.year - ((m, day or 1) >= pub if day else m >= pub[0])
            elif (e := self.is_(q, "next")) is not None:
                q, year = e, self.published.year + ((m, day or 31) <= pub if day else m <= pub[0])
            elif (e := self.is_(q, "current")) is not None:
                q, year = e, self.published.year
        if day is None and year is None:
            return None   # a month name alone (مارس) is too ambiguous to be a date
        extra = {"calendar": "hijri"} if calendar == "hijri" else {}
        return q, "DATE", _date_value(year, m, day, calendar, self.published), extra

    def numeric_date(self, p: int) -> Match | None:
        """d/m/yyyy or yyyy-mm-dd written with digits and separators."""
        parts: list[int] = []
        q = p
        while q < len(self.norms) and len(parts) < 3:
            d = self.digits(q)
            if d is None or d != int(d):
                break
            parts.append(int(d))
            q += 1
            if len(parts) < 3:
                if q < len(self.norms) and self.kinds[q] == PUNCT and self.norms[q] in ("/", "-", "."):
                    q += 1
                else:
                    break
        if len(parts) != 3:
            return None
        if parts[0] > 1000:
            y, m, d = parts
        else:
            d, m, y = parts
        try:
            return q, "DATE", dt.date(y, m, d).isoformat(), {}
        except (ValueError, OverflowError):   # 31/2/2020, or digits too many for any date
            return None

    def clock(self, p: int) -> Match | None:
        """الساعة العاشرة صباحا، الساعة 10:30، 10 مساء."""
        q = self.is_(p, "hour_word")
        start = q if q is not None else p
        hour: float | None = self.digits(start)
        r = start + 1
        if hour is None and q is not None:
            ordinal = self.phrase(start, "ordinal") or self.phrase(start, "unit")
            if ordinal is not None:
                hour, r = ordinal[1], ordinal[0]
        if hour is None or hour != int(hour) or not 0 <= hour <= 24:
            return None
        minute = 0
        if r + 1 < len(self.norms) and self.norms[r] == ":" and (mm := self.digits(r + 1)) is not None \
                and mm == int(mm) and 0 <= mm < 60:    # 10:30, not 10:75 (a score, a ratio)
            minute, r = int(mm), r + 2
        half = None
        for role in ("morning", "evening"):
            end = self.is_(r, role)
            if end is not None:
                half, r = role, end
                break
        if q is None and half is None:
            return None   # a bare number is not a time
        h = int(hour)
        if half == "evening" and h < 12:
            h += 12
        return r, "TIME", f"{h:02d}:{minute:02d}", {}

    def money(self, p: int) -> Match | None:
        num = self.number(p)
        if num is None:
            return None
        cur = self.phrase(num[0], "currency")
        if cur is None:
            return None
        return cur[0], "MONEY", {"amount": num[1], "currency": cur[1]}, {}

    def plain_number(self, p: int) -> Match | None:
        num = self.number(p)
        if num is None:
            return None
        q, value = num
        if q == p + 1 and p > 0 and self.norms[p - 1] in _YEAR_PREPOSITIONS and isinstance(value, int) \
                and 1900 <= value <= 2100:
            return q, "DATE", str(value), {}    # في 2014، منذ 2011: a year
        extra: dict[str, Any] = {}
        pct = self.is_(q, "percent")
        if pct is not None:
            q, extra = pct, {"unit": "percent"}
        return q, "NUMBER", value, extra


def _iso_duration(count: float, designator: str) -> str:
    n = int(count) if count == int(count) else count
    if designator.startswith("Y") and designator != "Y":
        n = n * int(designator[1:])
        designator = "Y"
    if designator == "MO":
        return f"P{n}M"
    if designator in ("H", "M", "S"):
        return f"PT{n}{designator}"
    return f"P{n}{designator}"


_ISO_DURATION_RE = re.compile(r"P(?:T)?(\d+)([YMWDHS])\Z")


def _duration_parts(iso: str) -> tuple[int, str] | None:
    m = _ISO_DURATION_RE.match(iso)
    if not m or iso.startswith("PT"):
        return None   # hours and minutes do not move the date
    unit = {"Y": "Y", "M": "MO", "W": "W", "D": "D"}[m.group(2)]
    return int(m.group(1)), unit


def _shift(published: dt.date | None, unit: str, offset: int) -> str | None:
    """The date ``offset`` units from ``published``; None outside the years 1 to 9999 (منذ 5000 عام, or a date at the
    edge of the calendar), which no date can be written in."""
    if published is None:
        return None
    try:
        if unit == "D":
            return (published + dt.timedelta(days=offset)).isoformat()
        if unit == "W":
            y, w, _ = (published + dt.timedelta(weeks=offset)).isocalendar()
            return f"{y}-W{w:02d}"
    except OverflowError:
        return None
    if unit == "MO":
        months = published.year * 12 + published.month - 1 + offset
        return f"{months // 12}-{months % 12 + 1:02d}" if 1 <= months // 12 <= 9999 else None
    year = published.year + offset
    return str(year) if 1 <= year <= 9999 else None


def _weekday(published: dt.date | None, iso: int, direction: int) -> str | None:
    """The weekday ``iso`` nearest the publication date: on or before it, or strictly before/after it."""
    if published is None:
        return None
    delta = (published.isoweekday() - iso) % 7
    if direction < 0 and delta == 0:
        delta = 7
    try:
        if direction > 0:
            return (published + dt.timedelta(days=(iso - published.isoweekday()) % 7 or 7)).isoformat()
        return (published - dt.timedelta(days=delta)).isoformat()
    except OverflowError:   # the week after 9999-12-31 or before 0001-01-01
        return None


def _date_value(year: int | None, month: int | None, day: int | None, calendar: str,
                published: dt.date | None) -> str | None:
    if calendar == "hijri":
        return _from_hijri(year, month, day)
    if year is None and published is not None and month is not None:
        year = published.year
        if published.year < 9999 and dt.date(year, month, 1) > published + dt.timedelta(days=183):
            year -= 1   # a day and month without a year, well after publication: last year's
    try:
        if year is not None and month is not None and day is not None:
            return dt.date(year, month, day).isoformat()
    except (ValueError, OverflowError):
        return None
    if year is not None and month is not None:
        return f"{year}-{month:02d}"
    if month is not None and day is not None:
        return f"--{month:02d}-{day:02d}"
    return None if year is None else str(year)


def _from_hijri(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None:
        return None if year is None else f"{year}AH"
    try:
        from hijridate import Hijri

        g = Hijri(year, month, day or 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return g.isoformat() if day else f"{g.year}-{g.month:02d}"


# -- the stage ------------------------------------------------------------------------------------------------------
def value_mentions(doc: Document) -> None:
    """Add DATE, TIME, DURATION, NUMBER and MONEY mentions with their values to ``doc`` (tokenise it first)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    lex = lexicon()
    published = dt.date.fromisoformat(doc.published) if doc.published else None
    starts, ends, norms, kinds, sents = toks.start, toks.end, toks.norm, toks.kind, toks.sentence
    n = len(toks)
    i = 0
    while i < n:
        j = i
        sentence = sents[i]
        while j < n and sents[j] == sentence:
            j += 1
        view = [k for k in range(i, j) if kinds[k] != CLITIC]
        if any(kinds[k] == NUMBER or norms[k] in lex.starters for k in view):
            _match_sentence(doc, view, [norms[k] for k in view], [kinds[k] for k in view], published,
                            starts, ends)
        i = j


def _match_sentence(doc: Document, view: list[int], norms: list[str], kinds: list[int], published: dt.date | None,
                    starts: list[int], ends: list[int]) -> None:
    s = _Sentence(norms, kinds, published)
    order: list[Callable[[int], Match | None]] = [
        s.absolute_date, s.relative_amount, s.relative, s.weekday, s.clock, s.money, s.duration, s.plain_number,
    ]
    starters = s.lex.starters
    p = 0
    while p < len(norms):
        if kinds[p] != NUMBER and norms[p] not in starters:
            p += 1
            continue
        for rule in order:
            hit = rule(p)
            if hit is not None and hit[0] > p:
                q, label, value, extra = hit
                doc.add_mention(starts[view[p]], ends[view[q - 1]], label, value=value, **extra)
                p = q
                break
        else:
            p += 1
