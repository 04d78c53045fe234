"""A normalised view of a text, for matching and models, with a map back to the original offsets.

The original text is never changed. :func:`normalise` returns a :class:`NormalizedText` whose ``text`` has the folds
of ``data/text/normalisation.tsv`` applied (diacritics and tatweel removed, alef forms to ا, ى to ي, ة to ه, Persian
letters and Arabic-Indic digits folded, bidi controls dropped, odd spaces to a space, presentation forms to their
letters...) and whose :meth:`NormalizedText.to_original` maps any span of the normalised text back to the span of
the original that it came from. Diacritics and tatweel belong to the letter before them, so a span ending on that
letter ends after its marks in the original.

The folds are one table (applied by ``str.translate``, or by a regex over the few characters that change for long
texts); the offset map is built only when first asked for, and only where the text holds characters that are removed
or expanded.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

_ATTACH, _DROP, _NFKC = "ATTACH", "DROP", "NFKC"


@dataclass(frozen=True)
class Folds:
    """Which folds of ``normalisation.tsv`` to apply. All on by default except the two hamza-carrier folds."""

    diacritics: bool = True
    tatweel: bool = True
    alef: bool = True
    ya: bool = True
    ta_marbuta: bool = True
    waw_hamza: bool = False
    ya_hamza: bool = False
    persian: bool = True
    digits: bool = True
    controls: bool = True
    spaces: bool = True
    presentation: bool = True
    latin_case: bool = True

    def enabled(self) -> frozenset[str]:
        return frozenset(f.name for f in fields(self) if getattr(self, f.name))


DEFAULT_FOLDS = Folds()


def _codepoints(spec: str) -> list[int]:
    out: list[int] = []
    for item in spec.split():
        if "-" in item:
            a, b = item.split("-")
            out.extend(range(int(a, 16), int(b, 16) + 1))
        else:
            out.append(int(item, 16))
    return out


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, tuple[int, ...], str], ...]:
    """(fold, sources, target) rows of the data file; target is a str of code points or a keyword."""
    rows = []
    text = resources.files("marsad").joinpath("data/text/normalisation.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fold, source, target = line.split("\t")
        src = _codepoints(source)
        if target in (_ATTACH, _DROP, _NFKC):
            rows.append((fold, tuple(src), target))
            continue
        dst = _codepoints(target)
        if len(dst) == 1:
            dst = dst * len(src)
        if len(dst) != len(src):
            raise ValueError(f"normalisation.tsv: {fold}: {len(src)} sources but {len(dst)} targets")
        rows.extend((fold, (s,), chr(d)) for s, d in zip(src, dst, strict=False))
    return tuple(rows)


@dataclass(frozen=True)
class _Table:
    mapping: dict[int, str | None]     # for str.translate
    attach: frozenset[str]             # removed characters that belong to the letter before them
    special: re.Pattern[str] | None    # characters whose replacement is not exactly one character
    changing: re.Pattern[str] | None   # characters that change at all
    replacement: dict[str, str]        # what each of those becomes

    def apply(self, text: str) -> str:
        """The folded text. Long texts go through a regex over the few characters that change (most of an Arabic
        text does not), several times faster than ``str.translate``, which looks up every character."""
        if len(text) < _LONG or self.changing is None:
            return text.translate(self.mapping)
        get = self.replacement.__getitem__
        return self.changing.sub(lambda m: get(m.group()), text)


_LONG = 200


@lru_cache(maxsize=16)
def _table(folds: Folds) -> _Table:
    on = folds.enabled()
    base: dict[int, str] = {}
    attach: set[int] = set()
    nfkc: list[int] = []
    for fold, src, target in _rules():
        if fold not in on:
            continue
        for cp in src:
            if target == _NFKC:
                nfkc.append(cp)
            elif target in (_ATTACH, _DROP):
                base[cp] = ""
                if target == _ATTACH:
                    attach.add(cp)
            else:
                base[cp] = target
    mapping: dict[int, str] = dict(base)
    for cp in nfkc:
        if cp in mapping:
            continue
        form = unicodedata.normalize("NFKC", chr(cp))
        if form == chr(cp):
            continue
        mapping[cp] = "".join(base.get(ord(ch), ch) for ch in form)
    return _Table(
        mapping={cp: (rep if rep else None) for cp, rep in mapping.items()},
        attach=frozenset(chr(cp) for cp in attach),
        special=_char_class([cp for cp, rep in mapping.items() if len(rep) != 1]),
        changing=_char_class(list(mapping)),
        replacement={chr(cp): rep for cp, rep in mapping.items()},
    )


def _char_class(codepoints: list[int]) -> re.Pattern[str] | None:
    if not codepoints:
        return None
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(codepoints)) + "]")


def fold(text: str, folds: Folds | None = None) -> str:
    """The normalised form of ``text`` (no offset map): for keys, look-ups and short strings."""
    return (_DEFAULT if folds is None else _table(folds)).apply(text)


class NormalizedText:
    """A normalised copy of ``original`` and the map from its offsets back to the original's."""

    __slots__ = ("_ends", "_mapped", "_starts", "folds", "original", "text")

    def __init__(self, original: str, folds: Folds = DEFAULT_FOLDS) -> None:
        self.original = original
        self.folds = folds
        self.text = _table(folds).apply(original)
        self._starts: array[int] | None = None   # original start of each normalised character (None: identity)
        self._ends: dict[int, int] = {}            # original end where it is not start + 1
        self._mapped = False

    def _ensure_map(self) -> None:
        """Build the offset map on first use, and only where the text holds characters removed or expanded."""
        if self._mapped:
            return
        self._mapped = True
        special = _table(self.folds).special
        if special is not None and special.search(self.original):
            self._build_map()

    def _build_map(self) -> None:
        table = _table(self.folds)
        assert table.special is not None
        starts: array[int] = array("q")
        ends: dict[int, int] = {}
        orig = self.original
        prev = 0
        for m in table.special.finditer(orig):
            p = m.start()
            starts.extend(range(prev, p))
            ch = orig[p]
            rep = table.mapping[ord(ch)]
            if rep is None:
                if ch in table.attach and starts:
                    last = len(starts) - 1
                    if ends.get(last, starts[last] + 1) == p:
                        ends[last] = p + 1
            else:
                # every character of an expansion spans its whole source character: end = p + 1 = start + 1
                starts.extend([p] * len(rep))
            prev = p + 1
        starts.extend(range(prev, len(orig)))
        if len(starts) != len(self.text):  # pragma: no cover - guards the table's own consistency
            raise AssertionError("normalisation map out of step with the normalised text")
        self._starts = starts
        self._ends = ends

    @property
    def identity(self) -> bool:
        """True when every normalised character is the original character at the same offset."""
        self._ensure_map()
        return self._starts is None

    def orig_start(self, i: int) -> int:
        """Original offset where normalised character ``i`` starts (``len(original)`` for ``i == len(text)``)."""
        self._ensure_map()
        if self._starts is None:
            return i
        return self._starts[i] if i < len(self._starts) else len(self.original)

    def orig_end(self, i: int) -> int:
        """Original offset just after normalised character ``i`` and any marks attached to it."""
        self._ensure_map()
        if self._starts is None:
            return i + 1
        return self._ends.get(i, self._starts[i] + 1)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that normalised span ``start:end`` came from."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside normalised text of length {len(self.text)}")
        if start == end:
            o = self.orig_start(start)
            return o, o
        return self.orig_start(start), self.orig_end(end - 1)

    def to_normalized(self, offset: int) -> int:
        """The first normalised offset at or after original ``offset`` (inverse of :meth:`orig_start`)."""
        self._ensure_map()
        if self._starts is None:
            return offset
        return bisect_right(self._starts, offset - 1)


_DEFAULT = _table(DEFAULT_FOLDS)


def normalise(text: str, folds: Folds = DEFAULT_FOLDS) -> NormalizedText:
    """Normalise ``text`` and keep the offset map back to it."""
    return NormalizedText(text, folds)


def spoken_name(word: str) -> str:
    """A normalised first name as Maghrebi news may write it as spoken: its article without the alif, and the hamza's
    alif after it dropped (الازهر and لزهر give لزهر; الهادي and لهادي give لهادي); other letters stay (سعاد is not
    سعد). Two spellings with one spoken form are one name."""
    if word.startswith("الا") and len(word) > 4:
        return "ل" + word[3:]
    if word.startswith("ال") and len(word) > 4:
        return word[1:]
    return word
