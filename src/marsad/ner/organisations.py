"""ORG mentions for organisation names built on a head noun (وزارة الخارجية الروسية، حركة النهضة، جمعية القضاة
التونسيين، الاتحاد العام التونسي للشغل) that the tagger missed, and FAC mentions for facilities named the same way
(مطار تونس قرطاج الدولي، مستشفى سهلول). The heads are data (``data/ner/organisations.tsv``).

A head is followed by one to MAX_WORDS words, each definite (الخارجية، للشغل، والمعادن), a name the gazetteers know
(فهد، تونس) or inside quotation marks («نداء تونس»). A head alone («الحكومة») is a back-reference, not a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from marsad.document import Document, Mention
from marsad.ner.phrases import PhraseTable, read_rows
from marsad.spanindex import Intervals
from marsad.text.tokenize import CLITIC, PUNCT, SentenceView, Tokens, clitic_rules, definite, sentence_views

#: the most words after the head
MAX_WORDS = 5
#: a known name seen more often than this as a word in the news lexicon is too common to extend a name (ان، حتى)
COMMON = 50
_QUOTES = frozenset("«»\"“”")


#: the most adjectives naming a body of the ``unnamed`` row (محكمة جزائية سعودية)
MAX_UNNAMED_ADJECTIVES = 3


@lru_cache(maxsize=1)
def heads() -> PhraseTable:
    return PhraseTable((w, role, True) for role, words in read_rows("organisations.tsv") for w in words.split())


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """The title table's words of address and rank (الشهيد، الشيخ، الدكتور), normalised: between an institution's head
    and the person it is named after (معهد الشهيد عبد الحميد الغزواني)."""
    from marsad.ner.titles import words

    return frozenset(key[0] for key, roles in words().phrases.items() if "honorific" in roles and len(key) == 1)


@lru_cache(maxsize=1)
def uncommon_names() -> frozenset[str]:
    """Names that may extend an organisation's name: known names that are not common words. Made once: building
    it for every document cost more than the rest of the analysis of a short article."""
    rules = clitic_rules()
    return frozenset(n for n in rules.names if len(n) >= 3 and rules.lexicon.get(n, 0) < COMMON)


def organisation_mentions(doc: Document) -> None:
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    table = heads()
    names = uncommon_names()
    labels = ("PER", "ORG", "GPE", "LOC", "FAC", "TITLE")
    # the names an organisation's quoted name replaces, dropped once at the end (a list rebuilt for each was
    # quadratic in a long article), and the longest mention, how far back one overlapping a span may start
    gone: set[str] = set()
    longest = max((m.end - m.start for m in doc.mentions), default=0)

    def overlapping(start: int, end: int) -> list[Mention]:
        return [m for o in range(start - longest, end) for m in doc.mentions_at(o) if m.end > start
                and m.id not in gone]

    # a person or place named within an institution's name, with no proclitic (جامعة محمد الخامس، وكالة تونس افريقيا
    # للأنباء): part of that name, and still a mention of its own inside it (حكومة يوسف الشاهد)
    named_at = {m.start: m for m in doc.mentions if m.label in ("PER", "GPE", "LOC")}
    dated = Intervals((m.start, m.end) for m in doc.mentions if m.label in ("DATE", "TIME"))
    for s in sentence_views(doc):
        p = 0
        while (found := table.next_match_of(s.norms, p, ("head", "facility", "qualified"))) is not None:
            p, head_end, _, role = found
            label = "FAC" if role == "facility" else "ORG"   # مطار تونس قرطاج الدولي، مستشفى سهلول: a facility
            if label == "FAC" and "masdar" in table.roles_at(s.norms, p) and head_end < len(s.norms) and \
                    definite(s.norms[head_end]) and s.norms[head_end].endswith("ين"):
                p = head_end
                continue   # «قضت المحكمة بسجن المتهمين»: imprisoning them, no prison
            q, quoted, closed = head_end, False, False
            organ = "organ" in table.roles_at(s.norms, p)
            unnamed = "unnamed" in table.roles_at(s.norms, p)
            # a definite head takes adjectives only, an indefinite one its genitive and then adjectives (or more
            # genitives joined with و: وزارة الشباب والرياضة), up to a phrase with ل
            described = s.norms[p].startswith("ال")
            remit = False
            within: list[Mention] = []
            while q < len(s.norms) and q - head_end < MAX_WORDS:
                t = s.view[q]
                norm = s.norms[q]
                if toks.kind[t] == PUNCT and norm in _QUOTES:
                    if quoted:
                        q += 1
                        closed = q - 2 > head_end   # «تنظيم "داعش"»: both marks belong to the span
                        break          # the quoted name ends the organisation's name
                    if q != head_end:
                        break          # a quotation after other words is what is said, not a name
                    quoted = True
                    q += 1
                    continue
                attached = t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t]
                # right after the head, or after another such name: «وزارة الخارجية ماريا زاخاروفا» is a title and
                # a person, not one name
                follows = q == head_end or (within and within[-1].end <= toks.start[t] and q - 1 >= head_end
                                            and toks.end[s.view[q - 1]] == within[-1].end) or \
                    (not within and all(s.norms[k] in _honorifics() for k in range(head_end, q)))   # معهد الشهيد فلان
                name = named_at.get(toks.start[t]) if follows and not attached and not s.norms[p].startswith("ال") \
                    else None
                if name is not None and within and within[-1].label == "PER" and name.label == "PER":
                    break      # «حكومة مهدي جمعة فتحي الجراي»: a body named after one person; the next is another
                if name is not None:
                    within.append(name)
                    while q < len(s.norms) and toks.start[s.view[q]] < name.end:
                        q += 1
                    continue
                if q == head_end and not quoted and not attached and not definite(norm) and \
                        "head" in table.roles_at([norm], 0):
                    head_end = q = q + 1   # «مجلس إدارة الهيئة»: a body of a body, one name from the first head
                    continue
                if q == head_end and not quoted and not attached and not definite(norm) and not described and \
                        _construct_noun(norm) and q + 1 < len(s.norms) and definite(s.norms[q + 1]) and \
                        toks.kind[s.view[q + 1] - 1] != CLITIC:
                    head_end = q = q + 1   # «هيئة كبار العلماء»، «جمعية حماية المستهلك»: a genitive chain
                    continue
                roles = table.roles_at([norm], 0)
                if q > head_end and not quoted and ("describes" in roles or ("head" in roles and not (
                        "adjective" in roles and not attached and not s.norms[q - 1].endswith(("ي", "يه"))))):
                    break      # «الاتحاد العام التونسي للشغل الحكومة»: another body, the verb's object; «التابعة
                    #            للاتحاد»: what the body belongs to; «الشرطة البلدية»: an adjective of a noun, but
                    #            «وزارة الداخلية | البلدية»: no adjective after an adjective
                if dated.overlaps(toks.start[t], toks.end[t]):
                    break      # «محكمة ألمانية الأربعاء»: when, not the name
                if organ and not attached and not norm.endswith(("ي", "يه")):
                    break      # «المكتب التنفيذي | المجتمع المدني»: an organ's adjectives, then the verb's object
                proclitic = toks.norm[t - 1] if attached else ""
                if not quoted and not remit and (described or q > head_end) and not (
                        proclitic == "و" and not described) and not _adjective(table, norm, proclitic, q == head_end):
                    break      # «الحكومة | والصحافة التركية»، «انتقدت الحكومة | القرار»، «المركز | الثاني»، «طالبت
                    #            وزارة الداخلية | المواطنين»
                if proclitic == "ل" and label == "FAC":
                    break      # «تعرضت المدرسة | للرشق»: a facility has no remit; what is done to it follows
                if proclitic == "ل":
                    remit = True   # «المجلس الأعلى للتربية والتكوين»: the body's remit, nouns and all
                if unnamed and not described and not attached and not definite(norm) and norm.endswith("يه") and \
                        q - head_end < MAX_UNNAMED_ADJECTIVES:
                    q += 1     # «قضت محكمة جزائية سعودية»: a court named by what kind it is and whose it is
                    continue
                if unnamed and not described and q == head_end and proclitic == "ب" and \
                        (place := named_at.get(toks.start[t])) is not None and place.label == "GPE":
                    within.append(place)
                    while q < len(s.norms) and toks.start[s.view[q]] < place.end:
                        q += 1     # «أصدرت محكمة بالدمام حكما»: a court named by its town
                    break
                if quoted or (definite(norm) and (not attached or toks.norm[t - 1] in ("ل", "و"))) or \
                        (norm in names and not attached):
                    q += 1
                    continue
                if proclitic == "ل" and _BROKEN_PLURAL_RE.fullmatch(norm) and q + 1 < len(s.norms) and \
                        definite(s.norms[q + 1]) and toks.kind[s.view[q + 1] - 1] != CLITIC:
                    q += 1     # «النقابة التونسية لأطباء الأسنان»: the remit, a plural in construct
                    continue
                break
            while q > head_end and toks.kind[s.view[q - 1]] == PUNCT and not closed:
                q -= 1
            if role == "qualified" and not (q > head_end + 1 and definite(s.norms[q - 1]) and
                                            s.norms[q - 1].endswith(("ي", "يه"))):
                p += 1
                continue   # «مكتب الحزب»، «مكتب الاقتراع»: an office, no body; «مكتب سلامة النقل الأسترالي» is one
            if q > head_end or (organ and head_end - p > 1 and _of_body(toks, s, head_end)):
                # (an organ named in words of its own, before the body it belongs to, is a name by itself:
                # «الأمانة العامة | لمجلس التعاون», the body then joined to it; not «الأمانة العامة هي», the post)
                start, end = toks.start[s.view[p]], toks.end[s.view[q - 1]]
                if closed:
                    # «تنظيم "داعش"»، «صحيفة "الخبر"»: the quoted name found alone is this one name, head and
                    # marks included (the head alone, «التنظيم»، «الصحيفة», refers back to it); the resolver links
                    # it by the name inside the marks
                    near = overlapping(start, end)
                    inner = [m for m in near if m.label in ("ORG", "PER", "MISC") and start < m.start and m.end < end]
                    if inner and not any(m.label in labels and m not in inner for m in near):
                        gone.update(m.id for m in inner)
                present = [m for m in overlapping(start, end) if m.label in labels]
                if not present or (within and not any(m not in within for m in present)):
                    doc.add_mention(start, end, label)   # the names inside stay mentions of their own
                    longest = max(longest, end - start)
            p = max(q, p + 1)
    if gone:
        doc.mentions = [m for m in doc.mentions if m.id not in gone]
    _organs_of_bodies(doc, table)
    _local_branches(doc, table)


def _of_body(toks: Tokens, s: SentenceView, q: int) -> bool:
    """Whether the word at view position ``q`` carries a proclitic ل (لمجلس التعاون، للحزب)."""
    if q >= len(s.norms):
        return False
    t = s.view[q]
    return t > 0 and toks.kind[t - 1] == CLITIC and toks.norm[t - 1] == "ل" and toks.word[t - 1] == toks.word[t]


def _construct_noun(norm: str) -> bool:
    """Whether a word after an indefinite head may be the first noun of a genitive chain (هيئة كبار العلماء، جمعية
    حماية المستهلك): not shaped as an imperfect verb (يدعو، تطالب), an adjective of relation (مجلس وزاري; not the
    plural in construct: نقابة موظفي الشرطة), an office (رئاسة والي الجهة), or a particle or preposition the table
    lists (``not_construct``)."""
    from marsad.ner.titles import words

    # a word in ي is a plural in construct where the news writes its plural in ين (موظفي، موظفين), else an
    # adjective of relation (وزاري، حكومي)
    adjective = norm.endswith("ي") and clitic_rules().lexicon.get(norm + "ن", 0) < COMMON_PLURAL
    return len(norm) >= 3 and (not norm.startswith(("ي", "ت", "ن", "ا")) or bool(_BROKEN_PLURAL_RE.fullmatch(norm))) \
        and not adjective and "not_construct" not in heads().roles_at([norm], 0) and not words().roles_at([norm], 0)


#: a broken plural of the pattern أفعال (أعوان، أصحاب، أطباء، أولياء), which begins with alef as a verb of the
#: fourth or eighth form does (أعلن، اتهم) but is shaped as no verb: «نقابة أعوان البريد»، «غرفة أصحاب المخابز»
_BROKEN_PLURAL_RE = re.compile(r"ا[^ا][^ا]ا[^اه]|ا[^ا][^ا]يا[ءئ]")


#: how often the news must write a word's plural in ين for the word in ي to be that plural in construct
COMMON_PLURAL = 3


def _adjective(table: PhraseTable, norm: str, proclitic: str, first: bool) -> bool:
    """Whether a word after a definite head (or after an indefinite head's genitive) may go on with its name: an
    adjective (a nisba in ي or its plural in يين، يون, a feminine in ة, or one the table lists), or a phrase with ل;
    not a noun joined with و, nor a number or rank right after the head."""
    if proclitic == "ل":
        return True
    if proclitic or (first and "not_name" in table.roles_at([norm], 0)):
        return False
    return norm.endswith(("ي", "يه", "ه", "يين", "يون")) or "adjective" in table.roles_at([norm], 0)


def _organs_of_bodies(doc: Document, table: PhraseTable) -> None:
    """An organ's name runs over the body it belongs to, named right after it with ل (المكتب التنفيذي | للنقابة
    الوطنية للصحفيين التونسيين، المكتب السياسي | لحزب المسار): one name, the body a mention of its own inside it.
    Done once every name is found, since the body's name may be built after the organ's."""
    toks = doc.tokens
    assert toks is not None
    bodies_at = {m.start: m for m in doc.mentions if m.label == "ORG"}
    replaced: set[int] = set()
    for organ in [m for m in doc.mentions if m.label == "ORG"]:
        first = bisect_left(toks.start, organ.start)
        last = bisect_left(toks.start, organ.end)       # the first token after the organ's name
        norms = [toks.norm[i] for i in range(first, last) if toks.kind[i] != CLITIC]
        if not norms or "organ" not in table.roles_at(norms, 0) or last + 1 >= len(toks):
            continue
        if toks.kind[last] != CLITIC or toks.norm[last] != "ل" or toks.word[last] != toks.word[last + 1]:
            continue
        body = bodies_at.get(toks.start[last + 1])
        if body is not None:
            doc.add_mention(organ.start, body.end, "ORG")
            replaced.add(id(organ))
    if replaced:
        doc.mentions = [m for m in doc.mentions if id(m) not in replaced]


def _local_branches(doc: Document, table: PhraseTable) -> None:
    """A body one of many of its kind across the country (a court of first instance, a regional hospital or union:
    a `local` word of organisations.tsv in its name) is named by the town after it with ب: «المحكمة الابتدائية
    بتونس»، «المستشفى الجهوي بقبلي»، «الاتحاد الجهوي للشغل بتطاوين» are one name each, the town a mention of its
    own inside it (also a capital named as its country is, بتونس).
    """
    toks = doc.tokens
    assert toks is not None
    places_at = {m.start: m for m in doc.mentions if m.label == "GPE"}
    replaced: set[int] = set()
    for body in [m for m in doc.mentions if m.label in ("ORG", "FAC")]:
        first = bisect_left(toks.start, body.start)
        last = bisect_left(toks.start, body.end)        # the first token after the body's name
        if last + 1 >= len(toks) or toks.kind[last] != CLITIC or toks.norm[last] != "ب" or \
                toks.word[last] != toks.word[last + 1]:
            continue
        place = places_at.get(toks.start[last + 1])
        if place is None:
            continue
        if not any("local" in table.roles_at([toks.norm[i]], 0) for i in range(first, last)
                   if toks.kind[i] != CLITIC):
            continue
        if any(m is not body and m.label == "PER" and body.start <= m.start and m.end <= body.end
               for o in range(body.start, body.end) for m in doc.mentions_at(o)):
            continue   # «المستشفى الجامعي الهادي شاكر | بصفاقس»: a body named after a person is named already
        doc.add_mention(body.start, place.end, body.label)
        replaced.add(id(body))
    if replaced:
        doc.mentions = [m for m in doc.mentions if id(m) not in replaced]
