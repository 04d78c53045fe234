"""In-document resolution: the article's mentions grouped into entities.

Precision first: an unsure merge is left unmerged. Named mentions (PER ORG GPE LOC FAC MISC) join when their
normalised forms are equal (spelling variants such as ويتكوف / ويتكوڤ fold together), when a person's shorter name
is the end or the start of exactly one longer name (بوتين in فلاديمير بوتين), and when a name is followed by another
in parentheses (حلف شمال الأطلسي (الناتو)). Role phrases (TITLE) join the person they stand in apposition to
(يوري أوشاكوف، مساعد الرئيس الروسي، / الرئيس الأوكراني فولوديمير زيلينسكي), and a role phrase met alone joins the
person the same phrase named earlier in the article. Entities get a stable local id derived from their normalised
name, so that the same unknown name gets the same id in every article.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from marsad.document import Document, Entity, Mention
from marsad.kb import KBEntity, KnowledgeBase, knowledge_base
from marsad.ner.features import normalize
from marsad.ner.titles import after_honorifics, office_word
from marsad.spanindex import Intervals, MentionIndex
from marsad.text.normalise import fold, spoken_name
from marsad.text.tokenize import CLITIC, WORD, clitic_rules, definite
from marsad.text.translit import transliterate_entity

NAMED = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC", "NORP")
#: ids of entities the knowledge base does not know (knowledge-base ids are QIDs, marsad:..., iso:..., city:...)
LOCAL_PREFIX = "name:"
#: characters that may stand between a name and the role phrase in apposition to it (، and spaces)
_APPOSITION_GAP = frozenset(" ،,\u00a0")
_MAX_GAP = 4
#: what may stand between a role phrase and the name right after it: spaces, and the marks some papers put around
#: the name (المدعية العامة " فاتو بنسودا ")
_NAME_QUOTES = frozenset(" \"«“")


def local_id(label: str, norm_name: str) -> str:
    """A stable id for an entity the knowledge base does not know: the same name gets the same id everywhere."""
    # (surrogatepass: a lone surrogate in a name, which only text passed straight to analyze() can hold, still
    # gets its id)
    digest = hashlib.sha1(f"{label}:{norm_name}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{LOCAL_PREFIX}{digest}"


class _Clusters:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _words(m: Mention) -> tuple[str, ...]:
    return _name_words(m.text)


def _display_name(doc: Document, m: Mention) -> str:
    """The name of an entity the knowledge base does not know, as its mention writes it — with the article back
    where a proclitic ل swallowed its alif (للانفصاليين: the mention «لانفصاليين», the name «الانفصاليين»): for a
    group, a common noun, always; for a name, where the news lexicon writes the word with the article more often
    than without (للاتحاد الإفريقي, not للبنان: لبنان)."""
    text = m.text
    if m.start < 1 or doc.text[m.start - 1] != "ل" or not text.startswith("ل") or text.startswith("لل") or \
            (m.start >= 2 and doc.text[m.start - 2].isalpha() and doc.text[m.start - 2] not in "وف"):
        return text
    first = text.split(" ", 1)[0]
    counts = clitic_rules().lexicon
    # the article's lam swallowed (لانفصاليين: الانفصاليين), or the whole article before a word that starts with
    # lam (للاجئين: اللاجئين) — whichever the news writes more, the first where it writes neither
    def count(word: str) -> int:
        return counts.get(normalize(word), 0)

    # the group table's known plurals (imported here: the quote stage builds on this module)
    from marsad.quotes import groups

    table = groups()
    restored = max(("ال" + first[1:], "ال" + first),
                   key=lambda w: (bool(table.roles_at([fold(w)], 0)), count(w), count(w[2:])))
    if m.label == "NORP" or count(restored) > count(first):
        return restored + text[len(first):]
    return text


@lru_cache(maxsize=50_000)
def _name_words(text: str) -> tuple[str, ...]:
    """A name's normalised words (asked for many times per mention while entities are built)."""
    return tuple(normalize(text).split())


def _spelled(doc: Document, m: Mention) -> str:
    """The name as written without a preposition: «للأمم المتحدة» gives the mention «لأمم المتحدة» (its start
    keeps the article's lam, right for offsets), which is «الأمم المتحدة» for clustering and the knowledge base."""
    if m.text.startswith("ل") and not m.text.startswith("ال") and doc.text[m.start - 1:m.start] == "ل" \
            and (m.start < 2 or not doc.text[m.start - 2].isalpha()
                 or (doc.text[m.start - 2] in "وف" and (m.start < 3 or not doc.text[m.start - 3].isalpha()))):
        return "ا" + m.text
    return m.text


def resolve(doc: Document) -> None:
    """Fill ``doc.entities`` and every named or role mention's ``entity``."""
    mentions = [m for m in doc.mentions if m.label in NAMED or m.label == "TITLE"]
    if not mentions:
        _back_references(doc)   # «الحكومة» needs no name before it
        return
    index = {id(m): i for i, m in enumerate(mentions)}
    clusters = _Clusters(len(mentions))
    named = [m for m in mentions if m.label in NAMED]
    titles = [m for m in mentions if m.label == "TITLE"]

    # 1. the same normalised name
    first_of: dict[tuple[str, tuple[str, ...]], int] = {}
    for m in named:
        key = (_family(m.label), tuple(normalize(_spelled(doc, m)).split()))
        if key in first_of:
            clusters.union(first_of[key], index[id(m)])
        else:
            first_of[key] = index[id(m)]

    # 1b. a person's full name whose first name is spelled as spoken (لزهر الشرايطي for الأزهر الشرايطي)
    spoken: dict[tuple[str, ...], int] = {}
    for m in named:
        w = _words(m)
        if m.label == "PER" and len(w) > 1:
            said = (spoken_name(w[0]), *w[1:])
            if said in spoken:
                clusters.union(spoken[said], index[id(m)])
            else:
                spoken[said] = index[id(m)]

    # 2. a person's shorter name that ends or starts exactly one longer name, unless the knowledge base knows the
    #    shorter name as someone else (ترامب next to إيفانكا ترامب is Donald Trump, not Ivanka)
    kb = knowledge_base()
    contested: set[tuple[str, ...]] = set()
    places: list[set[str]] = []

    def place_countries() -> set[str]:
        """The countries of the article's place names, worked out once and only if a surname needs them."""
        if not places:
            places.append(_place_countries(kb, doc) if kb is not None else set())
        return places[0]

    full_names = {_words(m): index[id(m)] for m in named if m.label == "PER" and len(_words(m)) > 1}
    # every shorter name that ends or starts a full name, with the full names it is part of
    part_of: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for name in full_names:
        for k in range(1, len(name)):
            part_of.setdefault(name[-k:], set()).add(name)
            part_of.setdefault(name[:k], set()).add(name)
        if not name[-1].startswith("ال") and name[-1].endswith("ي") and len(name[-1]) > 3:
            part_of.setdefault(("ال" + name[-1],), set()).add(name)   # آمال قرامي ... القرامي
    for m in named:
        if m.label != "PER":
            continue
        w = _name_words(_spelled(doc, m))   # (للحامدي: the mention «لحامدي», the surname الحامدي)
        hosts = {(clusters.find(full_names[name]), name) for name in part_of.get(w, ())}
        if len({h for h, _ in hosts}) == 1:
            # one person; of its full names, the longest (then the first in order), not whichever a set gives first
            root, host_name = min(hosts, key=lambda h: (-len(h[1]), h[1]))
            if kb is None or not _known_as_other(kb, " ".join(w), " ".join(host_name), place_countries()):
                clusters.union(root, index[id(m)])
            elif not _titled_as_known(kb, doc, named, w):
                contested.add(w)   # neither merged nor linked: we cannot tell which of the two is meant

    # 2b. an organ's shorter name that starts exactly one longer name of the article, the organ's with the body it
    #     belongs to (المكتب التنفيذي after المكتب التنفيذي للنقابة الوطنية للصحفيين التونسيين). Other shorter names
    #     are left alone: «وزارة الدفاع» in a Saudi article is not «وزارة الدفاع البريطانية», nor «وزارة التعليم»
    #     «وزارة التعليم العالي», and a name the tagger cut short (بنك أبوظبي | التجاري) would join another body
    organs = _organ_heads()
    bodies = {_words(m): index[id(m)] for m in named if m.label == "ORG" and len(_words(m)) > 2}
    starts_of: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for name in bodies:
        for k in range(2, len(name)):
            if name[0] in organs and name[k].startswith("ل"):
                starts_of.setdefault(name[:k], set()).add(name)
    for m in sorted(named, key=lambda m: -len(_words(m))):    # the longer first: each joins its host before the shorter
        w = _words(m)
        if m.label != "ORG" or w not in starts_of:
            continue
        hosts = {(clusters.find(bodies[name]), name) for name in starts_of[w]}
        if len({h for h, _ in hosts}) == 1:
            clusters.union(next(iter(hosts))[0], index[id(m)])

    # 2c. a facility named with or without its adjectives of relation (مطار المنستير، مطار المنستير الدولي; مطار تونس
    #     قرطاج الدولي): one facility, where the shorter name starts exactly one longer facility's name of the article
    facilities = {_words(m): index[id(m)] for m in named if m.label == "FAC"}
    for w, i in facilities.items():
        longer = {clusters.find(j) for v, j in facilities.items() if len(v) > len(w) >= 2 and v[:len(w)] == w
                  and all(x.startswith("ال") and x.endswith(("ي", "يه")) for x in v[len(w):])}
        if len(longer) == 1:
            clusters.union(next(iter(longer)), i)

    # 3. a name followed by another in parentheses: an acronym or another name for the same thing
    by_start = {m.start: m for m in named}
    for m in named:
        rest = doc.text[m.end:m.end + 3]
        stripped = rest.lstrip(" ")
        if stripped.startswith("("):
            inner = by_start.get(m.end + len(rest) - len(stripped) + 1)
            if inner is not None and _family(inner.label) == _family(m.label) \
                    and doc.text[inner.end:inner.end + 1] == ")":
                clusters.union(index[id(m)], index[id(inner)])

    # 4. role phrases: apposition to a person, then the same phrase met again
    persons = MentionIndex(m for m in named if m.label == "PER")
    innermost = _innermost(titles)
    title_person: dict[tuple[str, ...], int] = {}
    alone: list[Mention] = []
    for t in sorted(titles, key=lambda m: (m.start, m.end)):
        person = _apposed_person(doc, t, persons, innermost)
        if person is not None:
            clusters.union(index[id(t)], index[id(person)])
            title_person.setdefault(_words(t), index[id(person)])
        else:
            alone.append(t)
    for t in alone:
        # (also before the phrase names its person: a headline «وزير الدفاع الوطني : ...» over «أكد وزير الدفاع
        # الوطني فرحات الحرشاني»)
        if _words(t) in title_person:
            clusters.union(index[id(t)], title_person[_words(t)])

    # 5. a group named again by its definite head (وأضاف المصدر، نفس المصدر): the nearest group before it named
    #    with that head (مصدر أمني)
    groups = [m for m in named if m.label == "NORP"]
    for k, m in enumerate(groups):
        if m.extra.get("reference") != "definite":
            continue
        # (its head with the article, or with ل for it: للمصدر is written لمصدر after its proclitic)
        heads = {w[2:] if w.startswith("ال") else w[1:] for w in _words(m) if w.startswith("ل") or w.startswith("ال")}
        before = next((g for g in reversed(groups[:k]) if g.extra.get("reference") != "definite"
                       and heads & set(_words(g))), None)
        if before is not None:
            clusters.union(index[id(before)], index[id(m)])

    _build_entities(doc, mentions, clusters, {w[0] for w in contested if len(w) == 1}, innermost)
    _back_references(doc)


#: how far back (characters) a definite head («الوزارة») looks for the organisation it stands for
BACK_REFERENCE_REACH = 3000


def _back_references(doc: Document) -> None:
    """«وقالت الوزارة إن»: a definite head noun of organisation names (data/ner/organisations.tsv), standing alone,
    is a mention of the nearest organisation before it whose name begins with that head (وزارة الداخلية التونسية).
    Precision first: a head followed by a definite word (الحكومة التونسية, a name of its own), or with no such
    organisation before it (الحكومة with no حكومة named), is left alone. Such a mention carries
    ``"reference": "definite"``: it refers to a name without being one (name-tagging scores leave it out)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    from marsad.quotes import undescribing  # (the quote stage builds on this module)

    heads = _organisation_heads()
    organs = _organ_heads()
    by_head: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if m.label == "ORG" and m.entity:
            words = normalize(_spelled(doc, m)).split()
            if words:
                first = words[0][2:] if words[0].startswith("ال") else words[0]
                if first in heads:
                    by_head.setdefault(first, []).append(m)
                # a name written after its head (وكالة "تشاينا نيوز"، صحيفة فايننشال تايمز): the head refers to it too
                # — not an organ's (مكتب مجلس نواب الشعب: the bureau of the assembly, not the assembly)
                before = normalize(doc.text[max(0, m.start - 12):m.start].replace('"', " ").replace("«", " ")).split()
                if before and before[-1] in heads and before[-1] != first and "ال" + before[-1] not in organs:
                    by_head.setdefault(before[-1], []).append(m)
    generic = _generic_bodies()
    taken = Intervals((m.start, m.end) for m in doc.mentions)
    entities = {e.id: e for e in doc.entities}
    added = False
    home: str | None = None     # the article's home country, worked out on the first generic body
    home_known = False
    for t in range(len(toks)):
        norm = toks.norm[t]
        if toks.kind[t] != WORD or not norm.startswith("ال") or (norm[2:] not in by_head and norm not in generic):
            continue
        nxt = t + 1
        if nxt < len(toks) and toks.kind[nxt] == WORD and definite(toks.norm[nxt]) \
                and toks.word[nxt] != toks.word[t] and not undescribing(norm, toks.norm[nxt]):
            continue   # «الحكومة التونسية»: a name of its own, not a back-reference (but «وطالب الحزب السلطة»)
        start, end = toks.start[t], toks.end[t]
        if taken.overlaps(start, end):
            continue
        earlier = [m for m in by_head.get(norm[2:], ()) if m.end <= start and start - m.end <= BACK_REFERENCE_REACH]
        if earlier:
            # (not one of a list of bodies named together, «مع كل من الجبهة الشعبية، وحزب النضال الوطني، ومع ...»,
            # where one named alone came before: the party the article is about)
            alone = [m for m in earlier if not _listed(doc.text, m)]
            entity = (alone or earlier)[-1].entity
        elif norm in generic:
            # «الحكومة» with no government named: the article's government, one entity for all its mentions
            if not home_known:
                kb = knowledge_base()
                home, home_known = (_home_country(kb, doc) if kb is not None else None), True
            entity = _generic_entity(doc, entities, norm, toks.start[t], toks.end[t], home)
        else:
            continue
        assert entity is not None
        m = doc.add_mention(start, end, "ORG", entity=entity, reference="definite")
        entities[entity].mentions.append(m.id)
        taken.add(start, end)
        added = True
    added = _office_references(doc, taken, entities) or added
    if added:
        doc.order_mentions()


def _office_references(doc: Document, taken: Intervals, entities: dict[str, Entity]) -> bool:
    """«واستقبل الوزير ممثلي النقابة»: an office's definite head word standing alone (a head of the title table:
    الوزير، الوالي، الوزيرة) is a mention of the person the nearest role phrase before it that begins with that word
    named (وزير الصحة سعيد العايدي), within BACK_REFERENCE_REACH — as the quotes stage reads such a word after a cue.
    Such a mention is a TITLE carrying ``"reference": "definite"``. Whether any were added."""
    toks = doc.tokens
    assert toks is not None
    from marsad.ner.titles import words as title_words
    from marsad.quotes import undescribing  # (the quote stage builds on this module)

    table = title_words()
    people = {e.id for e in entities.values() if e.label == "PER"}
    titles = [m for m in doc.mentions if m.label == "TITLE" and m.entity in people]
    if not titles:
        return False
    def sentence_of(offset: int) -> int:
        return toks.sentence[bisect_left(toks.start, offset)] if toks.start else 0

    named_at = {m.start for m in doc.mentions if m.label not in ("TITLE", "DATE", "TIME", "NUMBER", "PER")}
    people_at = {m.start for m in doc.mentions if m.label == "PER"}
    added = False
    for t in range(len(toks)):
        norm = toks.norm[t]
        if toks.kind[t] != WORD or not norm.startswith("ال") or len(norm) < 5 or \
                not office_word(norm) or \
                taken.overlaps(toks.start[t], toks.end[t]):
            continue
        nxt = t + 1
        if nxt < len(toks) and toks.kind[nxt] == WORD and (
                table.roles_at([toks.norm[nxt]], 0) or toks.start[nxt] in people_at or
                (definite(toks.norm[nxt]) and not undescribing(norm, toks.norm[nxt])
                 and toks.start[nxt] not in named_at)):
            continue   # («الوزير الأول»، «الرئيس التونسي»: an office of its own, «الأمير فيصل»: the person's title;
            #            but «وطالب الوزير السلطة», and a group or body after it is its object: «وزار الوالي المعتصمين»)
        start, end = toks.start[t], toks.end[t]
        if (t > 0 and toks.kind[t - 1] == CLITIC and toks.norm[t - 1] == "و") or \
                (nxt < len(toks) and toks.kind[nxt] == CLITIC and toks.norm[nxt] == "و"):
            continue   # («ممثلة في الوالي والمعتمد»: offices listed together, of a body that acts as one)
        heading = [m for m in titles if m.end <= start and start - m.end <= BACK_REFERENCE_REACH
                   and next(iter(normalize(m.text).split()), "") in (norm, norm[2:])]
        if not heading:
            continue
        # (of two such offices in the latest sentence that names one, the first, its subject: «إلتقى وزير الشؤون
        # الدينية أحمد عظوم وفدا يتقدمه وزير الثقافة الإيراني ... وأبرز الوزير»: the host)
        last = sentence_of(heading[-1].start)
        earlier = next(m for m in heading if sentence_of(m.start) == last)
        if earlier.entity is None:
            continue
        m = doc.add_mention(start, end, "TITLE", entity=earlier.entity, reference="definite")
        entities[earlier.entity].mentions.append(m.id)
        taken.add(start, end)
        added = True
    return added


def _listed(text: str, m: Mention) -> bool:
    """Whether ``m`` stands in a list of names, with a comma or و right before it and a comma or و right after."""
    before = text[max(0, m.start - 2):m.start]
    after = text[m.end:m.end + 3].lstrip()
    return (before.endswith("و") or before.rstrip().endswith(("،", ","))) and after.startswith(("،", ",", "و"))


def _generic_entity(doc: Document, entities: dict[str, Entity], norm: str, start: int, end: int,
                    home: str | None) -> str:
    """The id of the article's entity for a generic body (الحكومة), made on its first mention: the home country's
    body where the knowledge base knows it (البرلمان in an article about Tunisia), else one of the article's own."""
    kb = knowledge_base()
    known = kb.home_body(norm, home) if kb is not None and home is not None else None
    kb_id = known.kb_id if known is not None else local_id("ORG", norm)
    for e in entities.values():
        if e.kb_id == kb_id:
            return e.id
    entity = Entity(id=f"e{len(doc.entities) + 1}", label="ORG", name=doc.text[start:end], kb_id=kb_id)
    if known is not None:
        entity.name, entity.name_en, entity.sector, entity.country = (known.name_ar, known.name_en, known.sector,
                                                                      known.country)
    while entity.id in entities:
        entity.id = f"e{int(entity.id[1:]) + 1}"
    doc.entities.append(entity)
    entities[entity.id] = entity
    return entity.id


@lru_cache(maxsize=1)
def _generic_bodies() -> frozenset[str]:
    """Definite bodies that stand for one body even with none named (data/ner/organisations.tsv, ``generic``)."""
    from marsad.ner.organisations import heads

    return frozenset(key[0] for key, roles in heads().phrases.items() if "generic" in roles and len(key) == 1)


@lru_cache(maxsize=1)
def _city_cues() -> frozenset[str]:
    """Words that make the place name after them a city (data/ner/places.tsv, ``city_cue``)."""
    from marsad.ner.phrases import read_rows

    return frozenset(normalize(w) for kind, words in read_rows("places.tsv") if kind == "city_cue"
                     for w in words.split())


def _after_city_cue(doc: Document, m: Mention) -> bool:
    """Whether the word right before the mention is a city cue (العاصمة تونس، بمدينة صفاقس)."""
    words = doc.text[max(0, m.start - 30):m.start].split()
    if not words or not doc.text[m.start - 1:m.start].isspace():
        return False
    word = normalize(words[-1])
    cues = _city_cues()
    return word in cues or any(word[k:] in cues for k in (1, 2) if word[:k] in ("ب", "ل", "و", "وب", "ول"))


@lru_cache(maxsize=1)
def _organ_heads() -> frozenset[str]:
    """The one-word heads of organs of other bodies (المكتب), normalised (``data/ner/organisations.tsv``)."""
    from marsad.ner.organisations import heads

    return frozenset(key[0] for key, roles in heads().phrases.items() if "organ" in roles and len(key) == 1)


@lru_cache(maxsize=1)
def _organisation_heads() -> frozenset[str]:
    """The head nouns of organisation names, without the article (وزارة، حزب، شركة...)."""
    from marsad.ner.organisations import heads

    out = set()
    for key, roles in heads().phrases.items():
        if "head" in roles and len(key) == 1:
            out.add(key[0][2:] if key[0].startswith("ال") else key[0])
    return frozenset(out)


def _known_as_other(kb: KnowledgeBase, short: str, full: str, countries: set[str] | None = None) -> bool:
    """Whether the knowledge base's curated people include one called ``short`` who is not called ``full`` — and,
    given the countries the article's places name, who belongs to one of them (العامري in an article on Tunisia,
    Germany and Italy that names أنيس العامري is not Iraq's Hadi al-Amiri)."""
    others = {e.kb_id: e for e in kb.lookup(short) if e.type == "PER" and e.rank == 0}
    known_full = {e.kb_id for e in kb.lookup(full) if e.type == "PER"}
    if not others or set(others) & known_full:
        return False
    # a person the knowledge base knows by the full name (إيفانكا ترامب) does not take the surname from the one it
    # knows by it (ترامب); one it does not know (أنيس العامري) does, where the other belongs to no country here
    return bool(known_full) or countries is None or not countries or \
        any(e.country is None or e.country in countries for e in others.values())


def _place_countries(kb: KnowledgeBase, doc: Document) -> set[str]:
    """The countries of the article's place names (not of its people: a surname must not vouch for itself)."""
    countries: set[str] = set()
    for m in doc.mentions:
        if m.label in ("GPE", "LOC", "FAC"):
            countries |= _country_of(kb, _spelled(doc, m), ("GPE", "LOC", "FAC", "ORG"), max_rank=None)
    return countries


def _titled_as_known(kb: KnowledgeBase, doc: Document, named: list[Mention], short: tuple[str, ...]) -> bool:
    """Whether the article calls the short name by an office that the curated person of that name held on the
    publication date: «الرئيس ترامب» beside «إيفانكا ترامب» in 2017 is Donald Trump (the word before the name
    begins one of the phrases of his office then)."""
    if doc.published is None:
        return False
    people = [e for e in kb.lookup(" ".join(short)) if e.type == "PER" and e.rank == 0]
    if len(people) != 1:
        return False
    words = kb.office_words(people[0].kb_id, doc.published)
    for m in named:
        if m.label == "PER" and _words(m) == short:
            before = doc.text[max(0, m.start - 30):m.start].split()
            if before and doc.text[m.start - 1:m.start].isspace() and normalize(before[-1]) in words:
                return True
    return False


def _family(label: str) -> str:
    """Labels that may name the same thing: the place labels are one family."""
    return "PLACE" if label in ("GPE", "LOC", "FAC") else label


def _innermost(titles: list[Mention]) -> set[int]:
    """Titles that contain no other title (الرئيس الأمريكي السابق inside صهر الرئيس الأمريكي السابق)."""
    by_start = MentionIndex(titles)
    out = set()
    for t in titles:
        if not any(o is not t and o.end <= t.end for o in by_start.starting_upto(t.start, t.end)):
            out.add(id(t))
    return out


def _apposed_person(doc: Document, title: Mention, persons: MentionIndex, innermost: set[int]) -> Mention | None:
    """The person a role phrase stands in apposition to, if there is exactly one.

    «الرئيس الأوكراني فولوديمير زيلينسكي»: the name right after the title. «يوري أوشاكوف، مساعد الرئيس الروسي»: the
    name right before it, across a comma; failing that, the name right after its comma («المبعوث الخاص، ستيف
    ويتكوف،»). A title with a title inside it («صهر الرئيس الأمريكي السابق دونالد ترامب،
    جاريد كوشنر») leaves the name right after it to the inner title and takes the name after that one's comma.
    """
    text = doc.text

    def comma_between(a: int, b: int) -> bool:
        if not 0 < b - a <= _MAX_GAP:
            return False
        gap = text[a:b]
        return set(gap) <= _APPOSITION_GAP and ("،" in gap or "," in gap)

    # comma_between(a, b) needs 0 < b - a <= _MAX_GAP: only the names starting or ending that near are looked at
    # past words of address and rank: «وزير الخارجية الأستاذ عادل الجبير»
    name_start = after_honorifics(text, title.end)
    after = [p for p in persons.starting_upto(title.end, name_start + _MAX_GAP)
             if p.start >= name_start and set(text[name_start:p.start]) <= _NAME_QUOTES]
    if after:
        nearest = after[0]
        if id(title) in innermost:
            return nearest
        later = [p for p in persons.starting_upto(nearest.end + 1, nearest.end + _MAX_GAP)
                 if comma_between(nearest.end, p.start)]
        return later[0] if later else None
    before = [p for p in persons.ending(title.start - _MAX_GAP, title.start - 1) if comma_between(p.end, title.start)]
    if before:
        return before[-1]
    # «المبعوث الأمريكي الخاص بشأن الشرق الأوسط، ستيف ويتكوف،»: the name after the title's comma
    after_comma = [p for p in persons.starting_upto(title.end + 1, title.end + _MAX_GAP)
                   if comma_between(title.end, p.start)]
    return after_comma[0] if after_comma and id(title) in innermost else None


def _build_entities(doc: Document, mentions: list[Mention], clusters: _Clusters, contested: set[str],
                    innermost: set[int]) -> None:
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(clusters.find(i), []).append(m)
    kb = knowledge_base()
    countries = _countries(kb, doc) if kb is not None else set()
    home = _home_country(kb, doc) if kb is not None else None
    entities: list[Entity] = []
    by_kb: dict[str, Entity] = {}
    # surnames that end two different full names in this article: alone, they name no one in particular
    # (or that end a full name of someone else, with or without the article: الهمامي beside هادي همامي)
    ends: dict[str, set[int]] = {}
    toggled: set[str] = set()
    for root, ms in groups.items():
        for m in ms:
            if m.label == "PER" and len(_words(m)) > 1:
                last = _words(m)[-1]
                ends.setdefault(last, set()).add(root)
                toggled.add(last[2:] if last.startswith("ال") else "ال" + last)
    ambiguous = {w for w, roots in ends.items() if len(roots) > 1} | (toggled - set(ends)) | contested
    for members in sorted(groups.values(), key=lambda ms: min(m.start for m in ms)):
        named = [m for m in members if m.label in NAMED]
        label = Counter(m.label for m in named).most_common(1)[0][0] if named else "PER"
        # (a group named again, نفس المصدر, names it only if nothing else does)
        name_mention = max(named or members, key=lambda m: (m.extra.get("reference") != "definite", len(_words(m)),
                                                            -m.start))
        entity = Entity(id="", label=label, name=_display_name(doc, name_mention),
                        kb_id=local_id(label, " ".join(_words(name_mention))) if named else None,
                        mentions=[m.id for m in members])
        lone_surname = all(len(w := _name_words(_spelled(doc, m))) == 1 and w[0] in ambiguous for m in named) \
            and bool(named)
        known = None if kb is None or lone_surname else \
            _link(kb, doc, entity, named, [m for m in members if m.label == "TITLE"], countries, innermost, home)
        if known is not None and known.kb_id in by_kb:
            # a role phrase met alone that names someone the article already named (الرئيس الروسي -> بوتين)
            host = by_kb[known.kb_id]
            host.mentions += entity.mentions
            continue
        if known is not None:
            by_kb[known.kb_id] = entity
        elif entity.kb_id is not None and entity.kb_id.startswith(LOCAL_PREFIX) and not lone_surname \
                and (name_en := transliterate_entity(entity.name, entity.label)):
            # a name the knowledge base does not know: its transliteration, marked as made by a machine (not for a
            # surname that names no one in particular here)
            entity.name_en = name_en
            entity.extra["name_en_source"] = "transliteration"
        entities.append(entity)
    by_mention = {m.id: m for m in mentions}
    entities.sort(key=lambda e: min(by_mention[mid].start for mid in e.mentions))
    for n, entity in enumerate(entities, start=1):
        entity.id = f"e{n}"
        entity.mentions.sort(key=lambda mid: by_mention[mid].start)
        for mid in entity.mentions:
            by_mention[mid].entity = entity.id
    doc.entities = entities


#: qualifiers that say an office is no longer held
_FORMER = ("السابق", "السابقة", "الأسبق", "الأسبقة")


def _check_roles(kb: KnowledgeBase, doc: Document, entity: Entity, known: KBEntity, titles: list[Mention],
                 innermost: set[int]) -> None:
    """Flag, never correct, a role phrase that contradicts the knowledge base on the publication date: a sitting
    office-holder called «السابق», or someone given an office they did not hold then. A phrase with another inside
    it (صهر الرئيس الأمريكي السابق) is judged through the inner one, whose person its qualifiers describe."""
    date = doc.published
    assert date is not None
    notes: list[str] = entity.extra.setdefault("notes", [])
    for t in titles:
        if id(t) not in innermost:
            continue
        words = t.text.split()
        former = any(w in _FORMER for w in words)
        base = " ".join(w for w in words if w not in _FORMER)
        held = kb.held_office(known.kb_id, base, date)
        if held is None:
            continue
        if former and held:
            notes.append(f"«{t.text}»: the knowledge base has {known.name_en or known.name_ar} in this office on "
                         f"{date}, not as a former holder")
        elif not former and not held:
            notes.append(f"«{t.text}»: the knowledge base does not have {known.name_en or known.name_ar} in this "
                         f"office on {date}")
    if not notes:
        del entity.extra["notes"]


_COMPATIBLE = {"PER": {"PER"}, "ORG": {"ORG", "FAC"}, "GPE": {"GPE", "LOC"}, "LOC": {"LOC", "GPE"},
               "FAC": {"FAC", "ORG"}, "MISC": set(), "NORP": set()}


#: sectors whose organisations belong to one country's politics: a party or an armed group named in an article that
#: never mentions its country is more likely a namesake (الجبهة الشعبية in Tunisia is not the PFLP)
COUNTRY_BOUND = frozenset({"PTY", "REB", "OPP", "MIL"})


def _out_of_place(kb: KnowledgeBase, countries: set[str], candidate: KBEntity) -> bool:
    if candidate.type != "ORG" or candidate.sector not in COUNTRY_BOUND or candidate.country not in kb.iso_codes:
        return False
    return candidate.country not in countries


def _countries(kb: KnowledgeBase, doc: Document) -> set[str]:
    """The countries the article names: those of its place names, of the places named inside its organisations'
    names (حركة نداء تونس), and of the curated people it names (أردوغان) — each only where the knowledge base's most
    trusted readings agree on one country (طرابلس, in Libya or in Lebanon, says nothing)."""
    countries = _place_countries(kb, doc)
    for m in doc.mentions:
        if m.label == "PER":
            countries |= _country_of(kb, _spelled(doc, m), ("PER",), max_rank=0)
        elif m.label == "ORG":
            words = _words(m)
            for n in (1, 2):
                for i in range(1, len(words) - n + 1):   # not the first word: حزب, حركة, وزارة ...
                    countries |= _country_of(kb, " ".join(words[i:i + n]), ("GPE",), max_rank=1)
    return countries


def _home_country(kb: KnowledgeBase, doc: Document) -> str | None:
    """The country the article is about: the one its place names name most often — at least twice, and at least
    twice as often as any other (a city counts for its country); None when no country stands out so (an article
    about Iran and Saudi Arabia has no home for «وزير الخارجية»)."""
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.label == "GPE":
            found = _country_of(kb, _spelled(doc, m), ("GPE",), max_rank=None)
            if len(found) == 1:
                counts[next(iter(found))] += 1
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _country_of(kb: KnowledgeBase, name: str, types: tuple[str, ...], max_rank: int | None) -> set[str]:
    hits = [e for e in kb.lookup(name) if e.type in types]
    if not hits or (max_rank is not None and hits[0].rank > max_rank):
        return set()
    found = {e.country for e in hits if e.rank == hits[0].rank}
    if len(found) != 1 or None in found:
        return set()
    country = found.pop()
    return {country} if country in kb.iso_codes else set()


#: words that say an organisation is a party or a movement, which news may put before its name or leave out
#: (حزب حركة مشروع تونس, حركة مشروع تونس, مشروع تونس)
_PARTY_WORDS = frozenset({"حزب", "حركة", "حركه"})
_PARTY_SECTORS = frozenset({"PTY", "REB", "OPP"})


def _candidates(kb: KnowledgeBase, name: str, label: str) -> list[KBEntity]:
    """The knowledge base's entries for a name the tagger labelled ``label``, most trusted first. A name the tagger
    could not type (MISC) may still name a curated organisation or building (البيت الأبيض); a party's name with
    «حزب»/«حركة» before it is looked up without that word too, as a party or a movement."""
    if label == "ORG" and (quoted := _QUOTED_NAME.search(name)) is not None and \
            (inside := [c for c in kb.lookup(quoted.group(1).strip()) if c.type in ("ORG", "FAC")]):
        return inside    # «منظمة "بي كا كا"»، «صحيفة «حريت»»: the organisation's own name, inside the marks
    hits = kb.lookup(name)
    if label == "MISC":
        return [c for c in hits if c.type in ("ORG", "FAC") and c.rank <= 0]
    found = [c for c in hits if c.type in _COMPATIBLE.get(label, set())]
    words = name.split()
    while not found and label == "ORG" and len(words) > 1 and normalize(words[0]) in _PARTY_WORDS:
        words = words[1:]
        found = [c for c in kb.lookup(" ".join(words)) if c.type == "ORG" and c.sector in _PARTY_SECTORS]
    return found


#: the name inside quotation marks after an organisation's head
_QUOTED_NAME = re.compile(r"[\"«“]([^\"«»“”]+)[\"»”]")


def _generic(candidate: KBEntity) -> bool:
    """An entry of the UniversalPetrarch dictionary without a country: a kind of actor (وزارة خارجية [GOV])."""
    return candidate.source == "universal-petrarch" and not candidate.country


def _link(kb: KnowledgeBase, doc: Document, entity: Entity, named: list[Mention],
          titles: list[Mention], countries: set[str], innermost: set[int], home: str | None = None
          ) -> KBEntity | None:
    """Link ``entity`` to the knowledge base: by its names, else by its role phrases and the publication date.
    Precision first: an ambiguous name (two candidates from the most trusted source) stays unlinked."""
    known: KBEntity | None = None
    # the fullest name decides: «سمير بلعيد» is not «شكري بلعيد» because both are called بلعيد
    longest = max((len(_words(m)) for m in named), default=0)
    city = any(_after_city_cue(doc, n) for n in named)
    for m in sorted((m for m in named if len(_words(m)) == longest), key=lambda m: -len(m.text)):
        candidates = _candidates(kb, _spelled(doc, m), entity.label)
        if not candidates:
            continue
        if city:
            # «العاصمة تونس»: the city, not the country of the same name
            country_names = {c.name_en for c in candidates if c.source == "countries"}
            cities = [c for c in candidates if c.source != "countries" and c.name_en not in country_names]
            candidates = cities or candidates
        best = [c for c in candidates if c.rank == candidates[0].rank]
        if len(best) > 1 and doc.published and titles:
            # the same name for several people: the one holding the office the article gives them
            best = [c for c in best if any(kb.held_office(c.kb_id, t.text, doc.published) for t in titles)]
        if len(best) > 1:
            # the same name in several countries (طرابلس, الجبهة الشعبية): the one in the only country of the
            # article's that has one
            placed = [c for c in best if c.country in countries]
            best = placed if len(placed) == 1 else best
        if len(best) == 1 and _generic(best[0]):
            # «وزارة الخارجية» with no country: a kind of actor, not one — its sector but no link
            entity.sector = best[0].sector
        elif len(best) == 1 and not _out_of_place(kb, countries, best[0]):
            known = best[0]
        break
    if known is None and home is not None and entity.label == "ORG":
        # «البرلمان» in an article about Tunisia: Tunisia's legislature
        known = next((b for m in [*named, *titles] if (b := kb.home_body(_spelled(doc, m), home)) is not None), None)
    if known is None and not named and doc.published:
        holders = {h.kb_id: h for t in titles for h in kb.office_holders(t.text, doc.published)}
        if not holders and home is not None:
            # «رئيس الحكومة» in an article about Tunisia: Tunisia's head of government on that day
            holders = {h.kb_id: h for t in titles for h in kb.home_office_holders(t.text, doc.published, home)}
        if len(holders) == 1:
            known = next(iter(holders.values()))
    if known is None:
        return None
    if doc.published:
        _check_roles(kb, doc, entity, known, titles, innermost)
    entity.kb_id, entity.name, entity.name_en = known.kb_id, known.name_ar, known.name_en
    entity.sector = known.sector
    if entity.label == "MISC":
        entity.label = known.type   # a name the tagger could not type, which the curated tables know
    if known.country in kb.iso_codes:
        entity.country = known.country
    elif known.country:
        entity.extra["affiliation"] = known.country   # an organisation's code (NATO, UNO), not a country
    if not named:
        entity.label = known.type
    return known
