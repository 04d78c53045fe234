"""The named-entity stage: PER, ORG, GPE, LOC, FAC and MISC mentions from a trained CRF over words.

The model (``data/ner/model``) is trained by ``scripts/train_ner.py`` on ANERcorp's training split (see
MODEL_CARD.md) and tags words with their proclitics attached, as its training data does; a mention then starts after
the proclitics (in «وبوتين» the mention is «بوتين»). Two passes: the second sees how the first tagged the same word
elsewhere in the article. Places (LOC in the training data) are split into GPE (countries, cities and other
political units, from the gazetteers), FAC (buildings and facilities, by their head word) and LOC. Finally every
occurrence of a name is given the label the article gives it most often, and occurrences the tagger missed are added.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.ner.crf import LinearCRF
from marsad.ner.features import Featurizer, normalize
from marsad.ner.phrases import read_rows
from marsad.text.normalise import spoken_name
from marsad.text.tokenize import CLITIC, PUNCT, clitic_rules, definite

MODEL_DIR = "data/ner/model"
RESOURCE_DIR = "data/ner/resources"
TYPE_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
#: a name of these types never runs over a conjunction: «ويتكوڤ وكوشنر», «فرنسا وألمانيا», «منزل بو زلفة وبني خلاد»
#: are two names each
SPLIT_AT_AND = frozenset({"PER", "LOC", "MISC"})
CONJUNCTIONS = frozenset({"و", "ف"})
#: a one-word name of the knowledge base is looked for in text only if the news lexicon has seen it at most this often
#: as a word (حماس, النهضة are common words too)
KB_MAX_COMMON = 100
#: a two-word person name that the place lists know is the place when the news lexicon has seen each word this often
PLACE_OVER_PERSON_COUNT = 50


class ModelError(RuntimeError):
    """The shipped model is missing or damaged."""


@dataclass
class _Word:
    text: str
    first: int        # first token index of the word
    body: int         # first token after its proclitics
    last: int         # last token index


@dataclass
class NerModel:
    featurizer: Featurizer
    pass1: LinearCRF
    pass2: LinearCRF | None
    doc_window: int
    place_types: dict[str, str]
    fac_heads: frozenset[str]
    loc_heads: frozenset[str]
    common: dict[str, int]      # word counts of the news lexicon: common words are no first names
    countries: frozenset[str]   # the countries' names (normalised), of the places
    unit_cues: frozenset[str]   # words before a place name the tagger may not know (معتمدية)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        fz = self.featurizer
        first = self.pass1.decode([fz.emissions(words, self.pass1) for words in sentences])
        if self.pass2 is None:
            return first
        labels = fz.doc_labels(sentences, first, self.doc_window)
        again = [i for i, (dl, tags) in enumerate(zip(labels, first, strict=True))
                 # no entity here in pass 1 nor for these words elsewhere: pass 2 would agree
                 if not (all(t == "O" for t in tags) and all(d in ("", "O") for d in dl))]
        second = self.pass2.decode([fz.emissions(sentences[i], self.pass2, labels[i]) for i in again])
        out = list(first)
        for i, tags in zip(again, second, strict=True):
            out[i] = tags
        return out

    def known_place(self, norm_words: list[str]) -> str | None:
        """The type a place list gives this name (FAC for الكرملين, GPE for تونس), if any."""
        name = normalize(" ".join(norm_words))
        bare = normalize(" ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in norm_words))
        return self.place_types.get(name) or self.place_types.get(bare)

    def place_label(self, norm_words: list[str]) -> str:
        """GPE, FAC or LOC for a place name (normalised words, proclitics removed)."""
        known = self.known_place(norm_words)
        if known is not None:
            return known
        head = normalize(norm_words[0]) if norm_words else ""
        if head in self.fac_heads:
            return "FAC"
        if head in self.loc_heads:
            return "LOC"
        return "GPE"


def _check_file(path: Path, expected: dict[str, Any] | None) -> None:
    """Refuse a model file whose size or SHA-256 differs from what training wrote in model.json."""
    if not expected:
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read the NER model {path}: {exc.strerror or exc}") from None
    if len(data) != expected.get("bytes") or hashlib.sha256(data).hexdigest() != expected.get("sha256"):
        raise ModelError(f"the NER model {path} is damaged ({len(data):,} bytes, checksum mismatch); reinstall "
                         "marsad or rebuild it with scripts/train_ner.py")


def _crf(path: Path, expected: dict[str, Any] | None = None) -> LinearCRF:
    _check_file(path, expected)
    try:
        return LinearCRF.load(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ModelError(f"cannot load the NER model {path}: {exc}; reinstall marsad or rebuild it with "
                         "scripts/train_ner.py") from exc


@lru_cache(maxsize=1)
def load_model() -> NerModel | None:
    """The shipped model, or None when the package was built without one."""
    root = Path(str(resources.files("marsad").joinpath(MODEL_DIR)))
    meta_path = root / "model.json"
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"damaged NER model description {meta_path}: {exc}") from exc
    featurizer = Featurizer(Path(str(resources.files("marsad").joinpath(RESOURCE_DIR))), meta.get("config", {}))
    pass2 = root / "pass2.npz"
    place_types: dict[str, str] = {}
    fac: set[str] = set()
    loc: set[str] = set()
    units: set[str] = set()
    for row in read_rows("places.tsv"):
        kind, words = row[0], row[1]
        normed = {normalize(w.replace("_", " ")) for w in words.split()}
        if kind == "fac_head":
            fac |= normed
        elif kind == "loc_head":
            loc |= normed
        elif kind == "unit_cue":
            units |= normed
        elif kind in ("GPE", "LOC", "FAC"):
            place_types.update({w: kind for w in normed})
        # (other rows, such as city_cue, are the resolver's: words before a name, no kind of place)
    gaz = Path(str(resources.files("marsad").joinpath(RESOURCE_DIR))) / "gaz"
    if (gaz / "gpe.txt").is_file():
        for line in (gaz / "gpe.txt").read_text(encoding="utf-8").splitlines():
            place_types.setdefault(line, "GPE")
    countries = frozenset((gaz / "country.txt").read_text(encoding="utf-8").splitlines()) \
        if (gaz / "country.txt").is_file() else frozenset()
    files = meta.get("files") or {}
    first = _crf(root / "pass1.npz", files.get("pass1.npz"))
    second = _crf(pass2, files.get("pass2.npz")) if pass2.is_file() else None
    featurizer.share_scores([first] if second is None else [first, second])
    return NerModel(featurizer, first, second,
                    int(meta.get("doc_window", 0)),
                    place_types, frozenset(fac), frozenset(loc), clitic_rules().lexicon, countries, frozenset(units))


def _words(doc: Document) -> list[list[_Word]]:
    """The document's words, sentence by sentence, with where their proclitics end."""
    toks = doc.tokens
    assert toks is not None
    out: list[list[_Word]] = [[] for _ in doc.sentences]
    for i, j in toks.word_ranges():
        body = i
        while body < j and toks.kind[body] == CLITIC:
            body += 1
        out[toks.sentence[i]].append(_Word(doc.text[toks.start[i]:toks.end[j]], i, body, j))
    return out


def entity_mentions(doc: Document) -> None:
    """Add PER, ORG, GPE, LOC, FAC and MISC mentions to ``doc`` (tokenise it first)."""
    model = load_model()
    if model is None or doc.tokens is None or not len(doc.tokens):
        return
    sentences = _words(doc)
    tags = model.tag([[w.text for w in s] for s in sentences])
    toks = doc.tokens
    found: list[tuple[int, int, str]] = []   # (first body token, last token, raw type)
    for words, labels in zip(sentences, tags, strict=True):
        k = 0
        while k < len(words):
            bio, _, etype = labels[k].partition("-")
            if bio not in ("B", "I") or etype not in TYPE_MAP:
                k += 1
                continue
            end = k + 1
            while end < len(words) and labels[end] == f"I-{etype}":
                end += 1
            while end > k + 1 and toks.kind[words[end - 1].last] == PUNCT:
                end -= 1
            etype = TYPE_MAP[etype]
            start = k
            for m in range(k + 1, end):
                if etype in SPLIT_AT_AND and words[m].body > words[m].first and \
                        toks.norm[words[m].first] in CONJUNCTIONS:
                    found.append((words[start].body, words[m - 1].last, etype))   # ويتكوڤ وكوشنر: two people
                    start = m
            found.append((words[start].body, words[end - 1].last, etype))
            k = end
    found = _cut_at_stops(toks, found)
    found = _cut_at_places(model, toks, found)
    found = [f for f in (_without_adjective(model, toks, f) for f in found) if f is not None]
    found = _consistent(doc, sentences, found)
    starts = _word_starts(sentences)
    found = _joined_first_names(model, toks, starts, found)
    found = [_with_first_name(model, toks, starts, f) for f in found]
    found = _with_family_names(model, toks, starts, found)
    pairs = _first_and_family_names(model, toks, sentences, found)
    found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b, _ in pairs)] + pairs
    found = _surnames_kept_whole(doc, starts, found)
    units = _places_after_units(model, toks, sentences, found)
    if units:
        # the same name elsewhere in the article, read by the tagger as an organisation (بماجل بلعباس), is that place
        named = {_key(toks, a, b) for a, b, _ in units}
        found = [(a, b, "LOC" if etype in ("ORG", "MISC") and _key(toks, a, b) in named else etype)
                 for a, b, etype in found]
        spans = {f[:2] for f in found}
        found += [u for u in units if u[:2] not in spans]
    known, inside = _known_names(toks, sentences, found)
    found = [f for f in found if f not in inside] + known
    if pairs or any(etype == "PER" for _, _, etype in known):
        # once more with the knowledge base's people: one it found in full (الحبيب الصيد) is named by surname later
        found = _consistent(doc, sentences, found)
    heads = _definite_heads()
    for a, b, etype in sorted(found):
        norm_words = [toks.norm[t] for t in range(a, b + 1) if toks.kind[t] != CLITIC]
        if etype == "ORG" and len(norm_words) == 1 and norm_words[0] in heads:
            continue   # «المنظمة»، «الوزارة» alone refer back to an organisation: the resolver's, not a name
        label = etype
        if etype == "LOC" and len(norm_words) > 1 and norm_words[0] in _single_heads() and \
                norm_words[0] not in _PLACE_UNITS and model.known_place(norm_words) is None:
            # «جامعة عين شمس»، «بلدية جمال»: an institution named after its place is no place (but «الاتحاد
            # السوفيتي» is a state, and a directorate is also a district: مديرية التواهي)
            label = "ORG"
        elif etype == "LOC":
            label = model.place_label(norm_words)
        elif etype in ("ORG", "MISC"):
            # الكرملين، البيت الأبيض: the building, and بلجيكا the state, whatever the tagger says; but a city or
            # region the tagger reads as an organisation is one named after it (برشلونة the club, الجزيرة the channel)
            place = model.known_place(norm_words)
            label = place if place and (place == "FAC" or etype == "MISC" or
                                        normalize(" ".join(norm_words)) in model.countries) else etype
        elif etype == "PER" and len(norm_words) > 1 and \
                min(model.common.get(w, 0) for w in norm_words) >= PLACE_OVER_PERSON_COUNT:
            # سيدي بوزيد: a place the news talks about often, whose name sounds like a person's (a painter's name
            # that is also a town's, سلفادور دالي, is rare in the news and stays a person)
            label = model.known_place(norm_words) or etype
        doc.add_mention(toks.start[a], toks.end[b], label)


@lru_cache(maxsize=1)
def _definite_heads() -> frozenset[str]:
    """Organisation head nouns with the article (المنظمة، الوزارة): alone they are back-references."""
    return frozenset(h for h in _single_heads() if h.startswith("ال"))


#: the most words of a place name the tagger missed after a unit word (بمعتمدية ماجل بلعباس), and how often the news
#: lexicon may have seen each of them (a common word after «ولاية» is a term of office: ولاية ثانية)
UNIT_NAME_WORDS = 3
UNIT_NAME_MAX_COUNT = 100
#: ... and the words after its first (مدينة الرقاب | احتجاجات: what the town saw)
UNIT_NAME_MORE_COUNT = 30


def _places_after_units(model: NerModel, toks: Any, sentences: list[list[_Word]],
                        found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Places the tagger missed right after a word of administrative unit (``unit_cue`` in places.tsv: معتمدية،
    ولاية، مدينة): the one to three words after it that the news lexicon has rarely seen (بمعتمدية ماجل بلعباس)."""
    taken = {t for a, b, _ in found for t in range(a, b + 1)}
    starting = {a: (a, b, etype) for a, b, etype in found}
    out: list[tuple[int, int, str]] = []
    for words in sentences:
        for i, w in enumerate(words[:-1]):
            if toks.norm[w.body] not in model.unit_cues:
                continue
            named = starting.get(words[i + 1].body)
            if named is not None and named[2] in ("ORG", "MISC") and _rare_name(model, _key(toks, *named[:2])):
                out.append((named[0], named[1], "LOC"))   # «بمعتمدية ماجل بلعباس» read as an organisation
                continue
            k = i + 1
            while k < len(words) and k - i <= UNIT_NAME_WORDS:
                nxt = words[k]
                if nxt.body != nxt.first or nxt.last != nxt.body or toks.kind[nxt.body] == PUNCT or \
                        nxt.body in taken or toks.norm[nxt.body] in model.unit_cues or \
                        (k == i + 1 and not definite(toks.norm[nxt.body]) and toks.norm[nxt.body].endswith("ه")) or \
                        model.common.get(toks.norm[nxt.body], 0) >= (
                            UNIT_NAME_MAX_COUNT if k == i + 1 else UNIT_NAME_MORE_COUNT):
                    break
                k += 1
            if k > i + 1:
                out.append((words[i + 1].body, words[k - 1].last, "LOC"))
    return out


def _rare_name(model: NerModel, words: tuple[str, ...]) -> bool:
    """Whether words read as a place name after a unit word: a few, the first rarely seen, the others rarer."""
    return 0 < len(words) <= UNIT_NAME_WORDS and all(
        model.common.get(w, 0) < (UNIT_NAME_MAX_COUNT if not k else UNIT_NAME_MORE_COUNT) for k, w in enumerate(words))


def _key(toks: Any, a: int, b: int) -> tuple[str, ...]:
    """The normalised words of tokens ``a..b``, proclitics left out."""
    return tuple(toks.norm[t] for t in range(a, b + 1) if toks.kind[t] != CLITIC)


#: organisation heads that also name a place: an administrative area (مديرية التواهي in Aden, a district) or a
#: union of states (الاتحاد السوفيتي)
_PLACE_UNITS = frozenset({"مديريه", "المديريه", "الاتحاد", "اتحاد"})


@lru_cache(maxsize=1)
def _single_heads() -> frozenset[str]:
    """Organisation head nouns of one word (جامعة، بلدية، المحكمة): a name that starts with one is an institution's."""
    from marsad.ner.organisations import heads

    return frozenset(key[0] for key, roles in heads().phrases.items() if "head" in roles and len(key) == 1)


@lru_cache(maxsize=1)
def _name_stops() -> dict[str, frozenset[str]]:
    """Per raw mention type, the words a name never runs over (``data/ner/name_stops.tsv``)."""
    stops: dict[str, set[str]] = {}
    for row in read_rows("name_stops.tsv"):
        for label in row[0].split(","):
            stops.setdefault(label.strip(), set()).update(normalize(w) for w in row[1].split())
    return {k: frozenset(v) for k, v in stops.items()}


def _cut_where(toks: Any, found: list[tuple[int, int, str]],
               cut: Callable[[int, str, int], bool]) -> list[tuple[int, int, str]]:
    """Each name ``(a, b, type)`` cut before its first token ``t`` for which ``cut(a, type, t)`` holds, and before the
    clitics and punctuation that lead up to it."""
    out: list[tuple[int, int, str]] = []
    for a, b, etype in found:
        for t in range(a + 1, b + 1):
            if cut(a, etype, t):
                b = t - 1
                while b > a and toks.kind[b] in (CLITIC, PUNCT):
                    b -= 1
                break
        out.append((a, b, etype))
    return out


def _cut_at_stops(toks: Any, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut each tagged name before the first word that never belongs in a name of its type, and start it after the
    ones it opens with («إن السندي»: the complementiser is no word of the name)."""
    stops = _name_stops()
    trimmed: list[tuple[int, int, str]] = []
    for a, b, etype in found:
        while a < b and (toks.kind[a] == CLITIC or toks.norm[a] in stops.get(etype, ())):
            a += 1
        if a == b and toks.norm[a] in stops.get(etype, ()):
            continue    # («فقال مخاطبا أنصار الحزب»: a stop word alone, no name at all)
        trimmed.append((a, b, etype))
    return _cut_where(toks, trimmed, lambda a, etype, t: toks.kind[t] != CLITIC and toks.start[t] > toks.start[a]
                      and (toks.norm[t] in stops.get(etype, ()) or (etype == "PER" and _dual_or_plural_verb(toks, t))))


def _dual_or_plural_verb(toks: Any, t: int) -> bool:
    """Whether the word at ``t`` is shaped as an imperfect verb of two or more (يلتقيان، يطالبون، تتظاهرن): no word
    of a person's name («كلينتون وترامب يلتقيان بالسيسي»)."""
    norm = normalize(toks.norm[t])
    return len(norm) > 5 and norm[0] in "يت" and norm.endswith(("ان", "ون")) and \
        not (t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t])


#: a definite word in ي whose feminine the news writes this often is an adjective of relation (الليبي 370)
NISBA_MIN_FEMININE = 20


def _without_adjective(model: NerModel, toks: Any, found: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """A person's mention without the adjective of relation the tagger read into it (الجيش الليبي، الإعلامي الليبي
    نبيل السكني): a definite word in ي whose feminine the news writes often, where a family name has none (الغنوشي
    0). None when nothing else is left."""
    a, b, etype = found
    if etype != "PER" or toks.kind[a] == CLITIC:
        return found
    norm = toks.norm[a]
    if not (norm.startswith("ال") and norm.endswith("ي") and model.common.get(norm + "ه", 0) >= NISBA_MIN_FEMININE):
        return found
    rest = a + 1
    while rest <= b and toks.kind[rest] in (CLITIC, PUNCT):
        rest += 1
    return (rest, b, etype) if rest <= b else None


def _cut_at_places(model: NerModel, toks: Any, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut a person's name before a place written with ب (الحبيب بورقيبة بصفاقس: the hospital's namesake, then
    where it is). A surname with ب that is no known place (بالحاج) stays."""
    return _cut_where(toks, found, lambda a, etype, t: etype == "PER" and t + 1 < len(toks) and
                      toks.kind[t] == CLITIC and toks.norm[t] == "ب" and toks.kind[t + 1] != CLITIC and
                      _place_word(model, toks.norm[t + 1]))


def _place_word(model: NerModel, norm: str) -> bool:
    """Whether one word is the name of a place the gazetteers or the knowledge base know (صفاقس، تونس)."""
    return model.known_place([norm]) is not None or _kb_place(norm)


def _kb_place(norm: str) -> bool:
    """Whether one word is the name of a place the knowledge base knows (curated; the gazetteers of world cities
    hold family names too: الدهماني)."""
    key = normalize(norm)
    return any(alias == (key,) and etype in ("GPE", "LOC", "FAC") for alias, etype in _name_index().get(key, ()))


def _name_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    from marsad.kb import knowledge_base

    kb = knowledge_base()
    model = load_model()
    return kb.name_index(KB_MAX_COMMON, clitic_rules().lexicon,
                         model.featurizer.name_cluster if model is not None else None) if kb is not None else {}


def _known_names(toks: Any, sentences: list[list[_Word]], found: list[tuple[int, int, str]]
                 ) -> tuple[list[tuple[int, int, str]], set[tuple[int, int, str]]]:
    """Names of the knowledge base's curated actors and of countries that the tagger missed (the longest at each
    word), typed as the knowledge base types them; and the tagger's names that lie inside a longer known name
    (تونس in «نداء تونس»), which that name replaces."""
    index = _name_index()
    if not index:
        return [], set()
    covered = {t for a, b, _ in found for t in range(a, b + 1)}
    by_token = {t: f for f in found for t in range(f[0], f[1] + 1)}
    inside: set[tuple[int, int, str]] = set()
    added: list[tuple[int, int, str]] = []
    for words in sentences:
        keys = [normalize(toks.norm[w.last]) if w.body == w.last else "" for w in words]
        i = 0
        while i < len(words):
            hit = None
            for alias, etype in index.get(keys[i], ()):
                if tuple(keys[i:i + len(alias)]) == alias:
                    hit = (alias, etype)
                    break
            if hit is None:
                i += 1
                continue
            a, b = words[i].body, words[i + len(hit[0]) - 1].last
            if len(hit[0]) == 1 and hit[1] == "PER" and _read_as_verb(toks, keys, i, words, by_token):
                i += 1
                continue
            within = {by_token[t] for t in range(a, b + 1) if t in by_token}
            if len(hit[0]) > 1 and within and all(a <= f[0] and f[1] <= b and (f[0], f[1]) != (a, b)
                                                  for f in within) and not within & inside:
                inside |= within     # «نداء تونس»: the party, not the country inside its name
                added.append((a, b, hit[1]))
                covered.update(range(a, b + 1))
            elif len(hit[0]) > 1 and hit[1] in ("GPE", "LOC", "FAC") and within and \
                    all(f == (a, b, "PER") for f in within) and not within & inside:
                # «بن قردان»: a town the knowledge base knows, whose name reads as a person's (بن, son of)
                inside |= within
                added.append((a, b, hit[1]))
            elif len(hit[0]) > 1 and hit[1] == "PER" and len(within) == 1 and \
                    (f := next(iter(within)))[0] == a and f[1] > b and f[2] == "PER" and not within & inside and \
                    (rest := _rest_of_run(toks, words, i + len(hit[0]), f[1])) is not None:
                # «حكومة مهدي جمعة فتحي الجراي»: a known person's name, then another's the tagger ran it into
                inside |= within
                added += [(a, b, "PER"), (rest, f[1], "PER")]
                covered.update(range(a, f[1] + 1))
            elif len(hit[0]) > 1 and within and all(a < f[0] <= b < f[1] for f in within) and not within & inside:
                # «للجوهرة أف أم الكاتب العام»: a name the tagger begins inside a known one and runs on past it is
                # that known name's end read with the next words — the known name stands, the reading goes
                inside |= within
                added.append((a, b, hit[1]))
                covered.update(range(a, b + 1))
            elif not any(t in covered for t in range(a, b + 1)):
                added.append((a, b, hit[1]))
                covered.update(range(a, b + 1))
            i += len(hit[0])
    return added, inside


def _rest_of_run(toks: Any, words: list[_Word], k: int, end: int) -> int | None:
    """Where a second person's name starts at word ``k``, running to token ``end``: at least two words, the first a
    first name with no proclitic, so that the tagger's one name was two people side by side."""
    model = load_model()
    if model is None or k + 1 >= len(words) or words[k + 1].last > end or words[k].first != words[k].body:
        return None
    first = normalize(toks.norm[words[k].body])
    return words[k].body if first not in _NASAB and _first_name(model, toks, words[k]) else None


#: the words of a chain of descent inside one person's name (محمد بن سلمان بن عبدالعزيز، الوليد بن طلال آل سعود)
_NASAB = frozenset({"بن", "ابن", "بنت", "ال", "آل", "ابو", "أبو", "ام", "ولد"})


#: words after which a verb comes, never a name (كما بينت أن، قد أكد)
_BEFORE_VERBS = frozenset({"كما", "قد", "لقد", "ثم", "بعدما", "عندما", "حيث"})


def _read_as_verb(toks: Any, keys: list[str], i: int, words: list[_Word],
                  by_token: dict[int, tuple[int, int, str]]) -> bool:
    """Whether a one-word name of a person in the knowledge base reads here as the verb it also is (بينت «she
    showed» is also Naftali Bennett): right after كما or قد, or right before another person's or body's name (وبينت
    السبيعي أن: verb, then subject)."""
    if i > 0 and keys[i - 1] in _BEFORE_VERBS:
        return True
    if i + 1 < len(words):
        after = by_token.get(words[i + 1].body)
        return after is not None and after[0] == words[i + 1].body and after[2] in ("PER", "ORG")
    return False


def _word_starts(sentences: list[list[_Word]]) -> dict[int, _Word]:
    """Each word by the index of its first body token."""
    return {w.body: w for words in sentences for w in words}


def _with_first_name(model: NerModel, toks: Any, words: dict[int, _Word],
                     found: tuple[int, int, str]) -> tuple[int, int, str]:
    """A person's mention grown leftwards over a first name the tagger left out (ستيف in «ستيف ويتكوف»): a word
    right before it, with no proclitic, that the gazetteers know as a person-name token and the news lexicon does not
    know as a common word."""
    a, b, etype = found
    if etype != "PER" or a == 0:
        return found
    prev = words.get(_word_body_before(toks, a))
    if prev is None or prev.body != prev.first or prev.body != prev.last:
        return found
    norm = normalize(toks.norm[prev.body])
    if norm in model.featurizer.gaz.get("per_tok", ()) and model.common.get(toks.norm[prev.body], 0) < 50:
        return prev.body, b, etype
    if _definite_first_name(model, toks, prev):
        # «المهدي بن غربية»، «الهادي الجيلاني»: a first name written with the article, which the word clusters place
        # among names (not the verb التقى, whose bare تقى is a name too)
        return prev.body, b, etype
    return found


def _definite_first_name(model: NerModel, toks: Any, w: _Word, *, office: bool = False) -> bool:
    """A first name written with the article (المهدي، الهادي), as the word clusters place it among names — or,
    right after an ``office``, as the gazetteers know it bare (والي صفاقس الحبيب شواط) — which the news writes alone
    less than DEFINITE_FIRST_NAME_MAX_COUNT times; no title."""
    if w.body != w.first or w.body != w.last:
        return False
    norm = normalize(toks.norm[w.body])
    return norm.startswith("ال") and model.featurizer.person_word(norm[2:]) and norm in model.featurizer.kmeans and \
        (office or model.featurizer.name_cluster(norm)) and \
        model.common.get(toks.norm[w.body], 0) < DEFINITE_FIRST_NAME_MAX_COUNT and not _title_word(norm)


#: a definite first name (المهدي، الطاهر) the news writes fewer times than this alone; not an honorific or title
DEFINITE_FIRST_NAME_MAX_COUNT = 300


def _title_word(norm: str) -> bool:
    """Whether a word is one of the title table's (الشيخ، الرئيس، الأمين): no first name."""
    from marsad.ner.titles import words

    return bool(words().roles_at([norm], 0))


#: a word after a first name that the news writes at most this often is a family name it barely knows (فتيحة
#: دحدوح: 2), as one it has never seen is — unless it ends as a word with a pronoun does (أدير عيني «I turn my eyes»)
UNSEEN_FAMILY_NAME_MAX_COUNT = 3
#: a definite nisba the news writes fewer times than this is a family name after a first name (العنزي، الشمري);
#: the words of relation the news uses (التونسي 1,836، الشهري «monthly» 30، اليومي 34) are not
FAMILY_NAME_MAX_COUNT = 25
#: ... and whose feminine the news writes this often is an adjective (فريق ترامب الانتقالي: الانتقالية 77)
ADJECTIVE_MIN_FEMININE = 5
#: after an office, a definite word is a family name where the news writes it at least this many times as often as
#: its feminine (الطيب 104 to 7, الشاهد 643 to 2; not العام 2029 to 809, الجديد 497 to 378)
OFFICE_FAMILY_FEMININE_RATIO = 10


def _with_family_names(model: NerModel, toks: Any, words: dict[int, _Word],
                       found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's one-word mention, a first name, grown over the family name the tagger left out right after it
    (سالم in «الأب سالم العنزي»): a definite word of relation, with no proclitic, that the news lexicon barely knows,
    nor its feminine (an adjective has one), or a word it has never seen (صميد), that no other mention holds."""
    taken = {t for a, b, _ in found for t in range(a, b + 1)}
    per_tok = model.featurizer.gaz.get("per_tok", ())
    out = []
    for a, b, etype in found:
        w = words.get(a)
        second = words.get(_next_body(toks, w.last)) if w is not None and w.last < b else None
        # (a first name of two words too: «محمد ناجم» of «محمد ناجم الغرسلي»)
        whole = w is not None and (w.last == b or (second is not None and second.last == b and
                                                   second.first == second.body))
        nxt = words.get(_next_body(toks, b)) if whole else None
        if etype == "PER" and nxt is not None and nxt.first == nxt.body == nxt.last and nxt.body not in taken and \
                normalize(toks.norm[a]) in per_tok:
            norm = normalize(toks.norm[nxt.body])
            if norm.startswith("ال") and norm.endswith("ي") and len(norm) > 5 and \
                    model.common.get(toks.norm[nxt.body], 0) < FAMILY_NAME_MAX_COUNT and \
                    model.common.get(toks.norm[nxt.body] + "ه", 0) < ADJECTIVE_MIN_FEMININE and \
                    (w is None or w.last == b or model.featurizer.name_cluster(norm)):   # (not «كوفي عنان الغاني»)
                b = nxt.last
                taken.add(b)
            elif not norm.startswith("ال") and toks.norm[nxt.body] not in model.common and norm.isalpha() and \
                    all(model.featurizer.person_word(toks.norm[t]) and not normalize(toks.norm[t]).startswith("ال")
                        for t in range(a, b + 1) if toks.kind[t] != PUNCT) and \
                    not norm.endswith(("هم", "ها", "كم", "نا", "ات")) and \
                    len(norm) > 2 and norm[0] not in "يتنو" and not norm.endswith(("ا", "ه")) and \
                    not norm.startswith(("لي", "لت", "لن", "سي", "ست")) and not _kb_place(norm):
                # (not a verb with its ل or سـ the splitter left on it: «أوباما ليتنصت»)
                # (or, after first names only, a word the news has never seen: «محمد ياسين صميد»، «فريد ملولي»)
                b = nxt.last
                taken.add(b)
        out.append((a, b, etype))
    return out


#: words after which a place follows more often than a person (في سهل الغاب)
_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "نحو"})
#: particles and pronouns that the name gazetteers hold as name tokens (لم، لن، لنا): no first name
_PARTICLES = frozenset({"لم", "لن", "لا", "ما", "قد", "لنا", "له", "لها", "كما", "بين", "هو", "هي", "ثم", "منذ"})
#: the second half of a compound first name (نور الدين، عبد الله): no family name
_NAME_COMPOUNDS = frozenset({"الدين", "الله", "الرحمن", "الرحيم"})


def _first_and_family_names(model: NerModel, toks: Any, sentences: list[list[_Word]],
                            found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """People the tagger missed whole, written as a first name then a family name (فيصل الجوادي، ظافر العاني),
    where no other mention holds either word and no preposition comes before them (في سهل الغاب)."""
    taken = {t for a, b, _ in found for t in range(a, b + 1)}
    people_and_places = {t for a, b, etype in found if etype != "ORG" for t in range(a, b + 1)}
    singles = {f for f in found if f[2] == "PER"}
    single_starts = {f[0] for f in singles}
    out: list[tuple[int, int, str]] = []
    for words in sentences:
        for k, (w, nxt) in enumerate(pairwise(words)):
            if k > 0 and (normalize(toks.norm[words[k - 1].last]) in _PREPOSITIONS or
                          model.featurizer.person_word(toks.norm[words[k - 1].last])):
                continue   # «في سهل الغاب»; «عيد ماطر مبارك الشهراني»: the end of a longer name, not a person
            # after a title (الوزير خالد العمري، المهندس صالح الزهراني) a name follows, even one whose family name
            # has a feminine in the news (العمرية «of age»)
            titled = k > 0 and _title_word(normalize(toks.norm[words[k - 1].last]))
            # (or an office after the name, set off by a comma: «سفيان السليطي، الناطق الرسمي باسم المحكمة»)
            titled = titled or (k + 3 < len(words) and toks.kind[words[k + 2].last] == PUNCT and
                                normalize(toks.norm[words[k + 2].last]) in ("،", ",") and
                                _title_word(normalize(toks.norm[words[k + 3].body])))
            god = words[k + 2] if k + 2 < len(words) else None
            if god is not None and w.body not in taken and nxt.body not in taken and _first_name(model, toks, w) and \
                    god.first == god.body == god.last and normalize(toks.norm[god.body]) == "الله" and \
                    _compound_with_god(toks, nxt) and normalize(toks.norm[w.body]) not in _name_stops().get("PER", ()):
                # «بشير عون الله»، «حسن نصر الله»: a family name compound with the name of God (the tagger reads
                # الله apart)
                out.append((w.body, god.last, "PER"))
                taken.update((w.body, nxt.last, god.last))
                continue
            if nxt.body in single_starts and w.body not in taken and (nxt.body, nxt.last, "PER") in singles and \
                    _first_name(model, toks, w) and _office_before(toks, words, k, people_and_places):
                # «عضو اتحاد أطباء الإختصاص ماهر عباسي»: after an office, a first name the tagger left out before the
                # family name it found (one that is also a common word: ماهر «skilled»)
                out.append((w.body, nxt.last, "PER"))
                taken.add(w.body)
                continue
            if w.body in taken or nxt.body in taken:
                continue
            first = _first_name(model, toks, w)
            if not first and not _definite_first_name(model, toks, w, office=True):
                continue
            office = _office_before(toks, words, k, people_and_places)
            if (first or office) and \
                    _family_name(model, toks, nxt, normalize(toks.norm[w.body]), titled=titled, office=office):
                out.append((w.body, nxt.last, "PER"))
                taken.update((w.body, nxt.last))
    return out


#: the most words of an office that may stand between its title word and the name after it (وزيرة الصحة، رئيس
#: جمعية القضاة التونسيين)
MAX_OFFICE_WORDS = 4


def _office_before(toks: Any, words: list[_Word], k: int, named: set[int]) -> bool:
    """Whether an office stands right before the word at ``k``: a word of office at most MAX_OFFICE_WORDS words back,
    with no punctuation but one comma right before ``k`` (الوزير خالد العمري، وزيرة الصحة سميرة مرعي، والي الجهة،
    منجي ثامر), and no word between that is shaped as a verb, carries a proclitic or is the name of a person or place
    (``named``: «قرار الرئيس ترامب بأن تكون السعودية أول دولة»، «يقيم الفريق معسكره لدوري عبداللطيف جميل»)."""
    from marsad.ner.titles import words as title_words

    i = k - 1
    if i >= 0 and toks.kind[words[i].last] == PUNCT and normalize(toks.norm[words[i].last]) in ("،", ","):
        i -= 1
    for j in range(i, max(-1, i - MAX_OFFICE_WORDS), -1):
        norm = normalize(toks.norm[words[j].body])
        if toks.kind[words[j].last] == PUNCT or words[j].body in named or norm[:1] in ("ي", "ت") or \
                norm in _PREPOSITIONS:
            return False
        if any(title_words().roles_at([form], 0).keys() & _OFFICE_ROLES
               for form in (norm, norm[1:] if norm[:1] in ("ب", "ل") and len(norm) > 3 else "")):
            return True     # (the office may carry a proclitic, split or not: «بوالي صفاقس، الحبيب شواط»)
        if words[j].first != words[j].body:
            return False
    return False


#: the roles of the title table's words that name an office themselves (not its qualifiers, portfolio or country)
_OFFICE_ROLES = frozenset({"head", "office", "dependent", "body_head", "honorific"})


def _title_words_at(norms: list[str]) -> bool:
    """Whether a title of the title table's starts the words ``norms`` (ولي_العهد in «ولي العهد»)."""
    from marsad.ner.titles import words as title_words

    return bool(title_words().roles_at(norms, 0))


def _compound_with_god(toks: Any, w: _Word) -> bool:
    """Whether a word is the first half of a family name compound with الله (عون، نصر، جاب، فتح، عطا): one plain word
    of more than two letters, no particle, preposition, word shaped as a verb (نسأل الله) or with a pronoun (حفظه
    الله), nor a noun that makes a phrase with it (بيت الله: the GOD row of ``data/ner/name_stops.tsv``)."""
    norm = normalize(toks.norm[w.body])
    return w.first == w.body == w.last and toks.kind[w.body] != PUNCT and norm.isalpha() and len(norm) > 2 and \
        not norm.startswith("ال") and not norm.endswith(("ه", "ها", "هم")) and norm not in _PARTICLES and \
        norm not in _PREPOSITIONS and norm not in _NAME_COMPOUNDS and norm[0] not in "يتن" and \
        norm not in _name_stops().get("GOD", ())


def _first_name(model: NerModel, toks: Any, w: _Word) -> bool:
    """A word of one token, with no proclitic but و, that the gazetteers and the word clusters place among people's
    names, and no definite word (الأمين in «الأمين العام»)."""
    return w.body == w.last and all(toks.norm[t] == "و" for t in range(w.first, w.body)) and \
        toks.kind[w.body] != PUNCT and not toks.norm[w.body].startswith("ال") and \
        (model.featurizer.person_word(toks.norm[w.body]) or normalize(toks.norm[w.body]) in _listed_first_names())


@lru_cache(maxsize=1)
def _listed_first_names() -> frozenset[str]:
    """The first names of ``data/ner/first_names.tsv``, normalised."""
    return frozenset(normalize(n) for row in read_rows("first_names.tsv") for n in row[1].split())


def _family_name(model: NerModel, toks: Any, w: _Word, first: str, *, titled: bool = False,
                 office: bool = False) -> bool:
    """A definite nisba in ي with no proclitic that the word clusters place among names, with no feminine in the news
    (an adjective has one: العام، التركي), not the second half of a compound name (نور الدين) nor a place the
    knowledge base knows (not «آمال الشعب»، «هدي الرسول»، «سهل الغاب»: a noun and its genitive). Or a word the news
    lexicon has never seen (a foreign or rare family name: ناتالي جوث، حنيف اتمار، خالد بحاح) after a first name
    that is no particle, shaped as no verb (ي ت ن begin the imperfect), no unsplit conjunction (دخيل ومتطفل), no
    adverb in ا and no word with a pronoun in ه (وقال معاليه). After an ``office`` (وزيرة الصحة سميرة مرعي), any
    word the clusters place among names that is no title, place or word with a pronoun."""
    if not w.first == w.body == w.last:
        return False
    norm = normalize(toks.norm[w.body])
    if not norm.startswith("ال"):
        count = model.common.get(toks.norm[w.body], 0)
        # (or an indefinite nisba the news barely knows, which the clusters place among names: منير حامدي، صالح
        # مطيراوي, as Tunisian news writes family names)
        rare = count == 0 or \
            (count <= UNSEEN_FAMILY_NAME_MAX_COUNT and not norm.endswith(("ي", "ك", "نا", "هم"))) or \
            (count < FAMILY_NAME_MAX_COUNT and norm.endswith("ي") and len(norm) > 4 and
             model.featurizer.name_cluster(norm))
        after = normalize(toks.norm[w.last + 1]) if w.last + 1 < len(toks) else ""
        if office and not rare and model.featurizer.name_cluster(norm) and norm.isalpha() and len(norm) > 2 and \
                norm[0] not in "يتن" and not _title_word(norm) and not _title_word(first) and \
                not _title_words_at([norm, after]) and \
                not _kb_place(norm) and \
                first not in _PARTICLES and norm != first and not norm.endswith(("ها", "هم", "نا", "كم")):
            # after an office, a word the clusters place among names is the family name, however often the news
            # writes it (وزيرة الصحة سميرة مرعي، والي الجهة منجي ثامر، فتحي بديرة)
            return True
        return len(norm) > 2 and norm.isalpha() and rare and \
            norm[0] not in "يتنو" and not norm.endswith(("ا", "ه")) and len(first) > 2 and \
            first not in _name_stops().get("PER", frozenset()) and first not in _PARTICLES and not _kb_place(norm)
    if office and not norm.endswith("ي") and len(norm) > 4 and norm not in _NAME_COMPOUNDS and \
            not _title_word(norm) and not _kb_place(norm) and norm.isalpha() and first not in _PARTICLES and \
            model.common.get(toks.norm[w.body] + "ه", 0) * OFFICE_FAMILY_FEMININE_RATIO <= \
            model.common.get(toks.norm[w.body], 0):
        # after an office, a definite word that is no nisba, whose feminine the news barely writes, is the family
        # name (رئيس الحكومة يوسف الشاهد، وزير الفلاحة سمير الطيب; not an adjective: العام، الجديد)
        return True
    feminine = model.common.get(toks.norm[w.body] + "ه", 0)
    # (after or before an office, a nisba the news never writes in the feminine needs no cluster: السليطي)
    return len(norm) > 4 and norm.endswith("ي") and norm not in _NAME_COMPOUNDS and \
        (model.featurizer.name_cluster(norm) or (titled and feminine == 0)) and not _kb_place(norm) and \
        (titled or feminine < ADJECTIVE_MIN_FEMININE)


def _next_body(toks: Any, b: int) -> int:
    """The first token of the word after token ``b`` in its sentence (-1 if none)."""
    t = b + 1
    if t >= len(toks) or toks.sentence[t] != toks.sentence[b]:
        return -1
    return t


def _surnames_kept_whole(doc: Document, words: dict[int, _Word],
                         found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name that lost its first letter to a proclitic (ب in «وقال باخ»، «بادي») starts with that letter
    where the article writes the whole word as the last word of a person's longer name (توماس باخ)."""
    toks = doc.tokens
    assert toks is not None
    surnames = set()
    for a, b, etype in found:
        w = words.get(a)
        if etype == "PER" and w is not None and w.last < b:
            k = b
            while k > a and toks.word[k - 1] == toks.word[b]:
                k -= 1
            surnames.add(normalize(doc.text[toks.start[k]:toks.end[b]]))
    if not surnames:
        return found
    out = []
    for a, b, etype in found:
        w = words.get(a)
        if etype == "PER" and w is not None and w.first < w.body and toks.norm[w.first] in ("ب", "ك", "ل") and \
                normalize(doc.text[toks.start[w.first]:toks.end[w.last]]) in surnames:
            a = w.first
        out.append((a, b, etype))
    return out


def _joined_first_names(model: NerModel, toks: Any, words: dict[int, _Word],
                        found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A first name alone, then a person's name right after it with nothing attached, are one name: a family name
    the article also writes alone (وأكد الشعيبي), added where the tagger left it untagged after a first name it
    tagged, would split «رياض | الشعيبي»."""
    out: list[tuple[int, int, str]] = []
    for a, b, etype in sorted(found):
        if out and etype == "PER" and out[-1][2] == "PER" and out[-1][0] == out[-1][1] and \
                _word_body_before(toks, a) == out[-1][0] and (w := words.get(a)) is not None and w.first == a and \
                (first := words.get(out[-1][0])) is not None and _first_name(model, toks, first):
            out[-1] = (out[-1][0], b, etype)
            continue
        out.append((a, b, etype))
    return out


def _word_body_before(toks: Any, a: int) -> int:
    """The first body token of the word before the one starting at token ``a`` (-1 if none)."""
    if a == 0 or toks.sentence[a - 1] != toks.sentence[a]:
        return -1
    j = a - 1
    while j > 0 and toks.word[j - 1] == toks.word[j]:
        j -= 1
    while toks.kind[j] == CLITIC and j < a - 1:
        j += 1
    return j


def _consistent(doc: Document, sentences: list[list[_Word]],
                found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One label per name in the article (the most frequent), and the name's untagged occurrences added."""
    toks = doc.tokens
    assert toks is not None

    def key(a: int, b: int) -> tuple[str, ...]:
        return tuple(toks.norm[t] for t in range(a, b + 1) if toks.kind[t] != CLITIC)

    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for a, b, etype in found:
        votes[key(a, b)][etype] += 1
    label = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    model = load_model()
    common = model.common if model is not None else {}
    # a person named in full is named by surname alone later (لزهر الشرايطي ... الشرايطي)
    for k, etype in list(label.items()):
        if etype == "PER" and len(k) >= 2 and len(k[-1]) >= 3 and (k[-1],) not in label:
            label[(k[-1],)] = "PER"
        if etype == "PER" and len(k) >= 2 and len(k[-1]) > 3 and not k[-1].startswith("ال") and \
                k[-1].endswith("ي") and ("ال" + k[-1],) not in label and \
                common.get("ال" + k[-1], 0) < FAMILY_NAME_MAX_COUNT:
            # an indefinite nisba, written with the article later (آمال قرامي ... القرامي; not حمد آل ثاني ... الثاني)
            label[("ال" + k[-1],)] = "PER"
    # ... and so is the same first name spelled as spoken, however else the tagger read it (لزهر الشرايطي as ORG)
    people = {(spoken_name(k[0]), k[-1]) for k, etype in label.items() if etype == "PER" and len(k) >= 2}
    for k, etype in list(label.items()):
        if etype != "PER" and len(k) == 2 and (spoken_name(k[0]), k[1]) in people:
            label[k] = "PER"
    out = [(a, b, label[key(a, b)]) for a, b, _ in found]
    covered = {t: i for i, (a, b, _) in enumerate(out) for t in range(a, b + 1)}
    # names worth propagating: several letters long, not only frequent common words
    names = {k for k in label if sum(len(w) for w in k) >= 4 and any(len(w) >= 3 for w in k)}
    if not names:
        return out
    # by first word, then by length, longest first: at a word where several names start (محمد، محمد علي) the longest
    # is taken, whatever the order of a set (which differs from run to run), and only names that can match are tried
    by_first: dict[str, dict[int, set[tuple[str, ...]]]] = defaultdict(dict)
    for k in names:
        by_first[k[0]].setdefault(len(k), set()).add(k)
    lengths = {first: sorted(by_len, reverse=True) for first, by_len in by_first.items()}
    for words in sentences:
        bodies = [toks.norm[w.last] if w.body == w.last else " ".join(
            toks.norm[t] for t in range(w.body, w.last + 1)) for w in words]
        for i, w in enumerate(words):
            for size in lengths.get(bodies[i], ()):
                k = tuple(bodies[i:i + size])
                if k not in by_first[bodies[i]][size]:
                    continue
                a, b = w.body, words[i + len(k) - 1].last
                inner = {covered[t] for t in range(a, b + 1) if t in covered}
                if any(not (a == out[j][0] and out[j][1] <= b and out[j][2] == label[k]) for j in inner) or \
                        (inner and (label[k] != "PER" or any(x.first < x.body for x in words[i + 1:i + len(k)]))):
                    continue    # (not over a clitic: «ماكرون وبريجيت» are two, whatever «ماكرون ببريجيت» was read as)
                # a person the tagger read only part of here (the first name of «سمير الطيب» in a title, where the
                # article names him in full elsewhere) is named in full (not a place or body: «مطار عدن» holds a
                # place of its own)
                for j in inner:
                    out[j] = (-1, -1, "")
                covered.update({t: len(out) for t in range(a, b + 1)})
                out.append((a, b, label[k]))
    return [f for f in out if f[0] >= 0]
