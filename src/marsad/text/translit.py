"""Latin transliteration of Arabic names the knowledge base does not know (كمال الجندوبي -> Kamel Jendoubi).

A word is looked up in a dictionary of name words (the most frequent English spelling of each, from Wikidata's
person names and google/transliteration's Wikipedia pairs); a word the dictionary lacks is transliterated by a
joint-sequence model: every Arabic letter stands for a Latin substring of 0-3 letters (ك -> k, ka, ck...), and an
n-gram model over those (letter, substring) units, learned from the aligned pairs, scores the candidates of a small
beam search. The article is dropped as the data drops it (العطار -> Attar); «عبد ال...» compounds are one word
(عبد الله -> Abdullah, عبد الرحمن -> Abdelrahman), as is «... الله» after a name (نصر الله -> Nasrallah).

Both tables are built by ``scripts/build_translit.py`` from ``../shared/data/transliteration`` and read lazily from
``data/translit``, once per process. The output is a guess, made by a machine: callers say so where they show it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from marsad.text.normalise import Folds, fold

#: the longest Latin substring one Arabic letter stands for in the model
MAX_LATIN = 3
#: the model's beam width and the candidates considered per letter (tuned on google/transliteration's eval split)
BEAM = 3
CANDIDATES = 6

#: the folds that lose nothing a transliteration needs: alef forms (إ i, آ aa), ى, ة and the Persian letters
#: (پ p, ڤ v, گ g) are kept; diacritics, tatweel, controls and presentation forms go
_KEY_FOLDS = Folds(alef=False, ya=False, ta_marbuta=False, persian=False, digits=False, latin_case=False)
#: the pipeline's own fold, for a second look-up of spelling variants (أ/ا, ى/ي, ة/ه)
_VARIANT_FOLDS = Folds(waw_hamza=True, ya_hamza=True)
_ARABIC_LETTERS = re.compile("[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a4\u06a8\u06a9\u06af\u06cc]+")
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "œ": "oe", "æ": "ae", "ß": "ss",
                                "þ": "th"})
_BOS, _EOS = "<s>", "</s>"
#: the model writes unit i as chr(UNIT_BASE + i), in a private-use plane
UNIT_BASE = 0xF0000
#: the most n-gram scores remembered
_MEMO = 20_000


def arabic_key(word: str) -> str:
    """The form of an Arabic word that the tables are keyed by: its letters, lightly folded ('' if it has none)."""
    return "".join(_ARABIC_LETTERS.findall(fold(word, _KEY_FOLDS)))


def latin_form(word: str) -> str:
    """An English spelling reduced to the letters a-z ('' if it holds letters of another script)."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_LATIN_SPECIAL))
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isalpha())
    return letters if letters.isascii() else ""


class _Model:
    """The graphone n-gram model: log-probabilities and back-off weights of n-grams written as strings of one
    character per unit, and each Arabic letter's most likely units."""

    def __init__(self, text: str) -> None:
        data = json.loads(text)
        self.order: int = data["order"]
        self.logp: dict[str, float] = data["logp"]
        self.backoff: dict[str, float] = data["backoff"]
        units: list[str] = data["units"]
        self.latin = {chr(UNIT_BASE + i): u[1:] for i, u in enumerate(units)}
        self.letter = {chr(UNIT_BASE + i): u[:1] for i, u in enumerate(units)}
        code = {u: chr(UNIT_BASE + i) for i, u in enumerate(units)}
        self.bos, self.eos = code[_BOS], code[_EOS]
        by_letter: dict[str, list[tuple[float, str]]] = {}
        for u, c in code.items():
            if u not in (_BOS, _EOS) and c in self.logp:
                by_letter.setdefault(u[0], []).append((self.logp[c], c))
        self.candidates = {ch: tuple(c for _, c in sorted(us, reverse=True)[:CANDIDATES])
                           for ch, us in by_letter.items()}
        self.memo: dict[str, float] = {}
        # the units seen after a unit for each letter, likeliest first: the beam extends a history with those only
        followers: dict[tuple[str, str], list[tuple[float, str]]] = {}
        for gram, lp in self.logp.items():
            if len(gram) == 2 and gram[1] in self.latin and gram[1] != self.eos:
                followers.setdefault((gram[0], units[ord(gram[1]) - UNIT_BASE][0]), []).append((lp, gram[1]))
        self.followers = {k: tuple(c for _, c in sorted(us, reverse=True)[:CANDIDATES]) for k, us in followers.items()}

    def score(self, gram: str) -> float:
        """log p(last unit | the units before it), remembered: names share most of their n-grams."""
        known = self.memo.get(gram)
        if known is not None:
            return known
        weight, found = 0.0, None
        logp, backoff = self.logp, self.backoff
        for i in range(len(gram)):
            found = logp.get(gram[i:])
            if found is not None:
                break
            weight += backoff.get(gram[i:-1], 0.0)
        if len(self.memo) > _MEMO:
            self.memo.clear()
        self.memo[gram] = result = weight + (-20.0 if found is None else found)
        return result

    def decode(self, key: str) -> str:
        """The best Latin spelling of ``key`` (an :func:`arabic_key`) under the model, by beam search."""
        keep = self.order - 1
        beam: dict[str, tuple[float, str]] = {self.bos * keep: (0.0, "")}
        latin, score = self.latin, self.score
        for ch in key:
            units = self.candidates.get(ch) or self.candidates.get(fold(ch, _VARIANT_FOLDS), ())
            if not units:
                continue
            ch = units[0] and self.letter[units[0]]
            grown: dict[str, tuple[float, str]] = {}
            for history, (s, out) in beam.items():
                for u in self.followers.get((history[-1], ch), units):
                    gram = history + u
                    t = s + score(gram)
                    nxt = gram[1:] if len(gram) > keep else gram
                    if nxt not in grown or grown[nxt][0] < t:
                        grown[nxt] = (t, out + latin[u])
            beam = dict(sorted(grown.items(), key=lambda kv: -kv[1][0])[:BEAM])
        return max(((s + score(h + self.eos), out) for h, (s, out) in beam.items()), default=(0.0, ""))[1]


def _read(name: str) -> str:
    return resources.files("marsad").joinpath(f"data/translit/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(_read("model.json"))


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """English spellings by :func:`dictionary_key`."""
    return dict(line.split("\t", 2)[:2] for line in _read("dictionary.tsv").splitlines() if not line.startswith("#"))


def dictionary_key(key: str) -> str:
    """The dictionary's key of an :func:`arabic_key`: the pipeline's fold, which joins spelling variants (أ/ا, ى/ي,
    ة/ه)."""
    return fold(key, _VARIANT_FOLDS)


def _looked_up(key: str) -> str | None:
    return _dictionary().get(dictionary_key(key))


@lru_cache(maxsize=8192)
def transliterate_word(word: str, dictionary: bool = True) -> str:
    """The Latin spelling of one Arabic word, lower case ('' if it has no Arabic letters). Without ``dictionary``,
    the model alone."""
    key = arabic_key(word)
    if not key:
        return ""
    if dictionary and (found := _looked_up(key)):
        return found
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]     # the article, which the data leaves out (العطار -> attar)
        if dictionary and (found := _looked_up(key)):
            return found
    return _model().decode(key)


@lru_cache(maxsize=4096)
def transliterate(name: str) -> str | None:
    """The Latin spelling of an Arabic name, each word capitalised (``None`` if a word of it is Latin or digits)."""
    words = name.split()
    if any(_foreign(w) for w in words):
        return None
    keys = [k for k in map(arabic_key, words) if k]
    out: list[str] = []
    i = 0
    while i < len(keys):
        key = keys[i]
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        if key == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
            out.append(_abd(nxt))
            i += 2
        elif key.startswith("عبدال") and len(key) > 6:
            out.append(_abd(key[3:]))
            i += 1
        elif nxt == "الله":
            out.append(transliterate_word(key) + "allah")     # نصر الله -> Nasrallah
            i += 2
        else:
            out.append(transliterate_word(key))
            i += 1
    if not out or not all(out):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in out)


def _abd(rest: str) -> str:
    """«عبد» and the name after it (with its article) as one word: Abdullah, Abdelrahman."""
    if rest == "الله":
        return "abdullah"
    return "abdel" + transliterate_word(rest)


def _foreign(word: str) -> bool:
    """A word with Latin letters or digits: not an Arabic name to transliterate."""
    return any(ch.isascii() and ch.isalnum() for ch in word)


#: entity labels whose unknown names are transliterated: people and places (an organisation's name mostly says what
#: it is, وزارة الداخلية التونسية, and a wrong-looking English name is worse than none)
LABELS = frozenset({"PER", "GPE", "LOC"})
#: words that make a place's name a description to translate, not a name to transliterate (جبل الشعانبي)
_PLACE_NOUNS = frozenset(dictionary_key(w) for w in (
    "مدينة", "ولاية", "محافظة", "معتمدية", "بلدية", "منطقة", "إقليم", "مقاطعة", "قرية", "حي", "شارع", "ساحة", "جبل",
    "جبال", "نهر", "بحر", "بحيرة", "خليج", "جزيرة", "جزر", "وادي", "صحراء", "سهل", "هضبة", "شبه", "مضيق", "قناة",
    "ميناء", "مطار", "معبر", "مخيم", "سجن", "جامعة", "مستشفى", "قصر", "جامع", "مسجد", "كنيسة", "سد", "طريق",
    "شمال", "جنوب", "شرق", "غرب", "وسط", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "دولة", "جمهورية", "مملكة",
    "إمارة", "سلطنة", "الولايات", "المملكة", "الجمهورية", "الإمارات", "بلاد", "أرض", "ريف", "ضاحية", "الضفة", "قطاع"))


def transliterate_entity(name: str, label: str) -> str | None:
    """The Latin spelling of a name of an entity of type ``label`` that the knowledge base does not know, where a
    transliteration is the right English name: a person's, or a place's that is a name and not a description."""
    if label not in LABELS:
        return None
    if label != "PER" and any(dictionary_key(arabic_key(w)) in _PLACE_NOUNS for w in name.split()):
        return None
    return transliterate(name)
