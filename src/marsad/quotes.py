"""Who said what: quotes and reported speech with their speakers.

Three stages. ``speaker_names`` and ``group_mentions`` (with the other mention stages) mark the people a title names
in a speaker's place (وقال المحاسب الخمسيني ماجد عمران إن) as PER mentions, and unnamed groups that speak or act —
مصادر إعلامية، مسؤولون أمريكيون، المراقبون، قوات الأمن، مسلحون مجهولون — as NORP mentions, so that the resolver makes
entities of them (the events stage uses them as actors too). ``find_quotes``
(after the resolver) reads each sentence for cues from ``data/quotes/cues.tsv``:

- a speech or stance verb (قال، أكد، أعرب عن، دعا إلى، نفى...) whose subject, named right after it («قال X إن») or
  right before it («X قال»), is the speaker; what follows, less the complementiser (أن، إن، بأن، أنه), is the content;
- an adverbial participle (مؤكدا، مشيرا إلى، مضيفا) continuing the sentence's speaker;
- a verb with no subject named (وأضاف، وتابع): the previous speaker — of the verb's gender, as the verbs that named
  the speakers agreed with them (وقالت فلانة ... وقال فلان ... وأضافت: she);
- a source phrase (وفقا لـ X، بحسب X، حسب X): X, and the rest of the sentence after its comma;
- a headline «X: ...».

The content ends at the sentence end or where the next cue of the same sentence starts. Content inside quotation
marks makes a direct quote, a quoted fragment inside reported speech a mixed one. A statement with no identifiable
speaker is no quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any

from marsad.document import Document, Entity, Mention, Quote
from marsad.ner.phrases import PhraseTable, read_rows
from marsad.ner.tagger import load_model
from marsad.ner.titles import OFFICE_ROLES, after_honorifics, office_word
from marsad.ner.titles import words as title_words
from marsad.resolve import local_id
from marsad.spanindex import Intervals, MentionIndex
from marsad.text.inflect import expand, object_stems, plural_forms
from marsad.text.normalise import fold
from marsad.text.tokenize import (
    CLITIC,
    PUNCT,
    RELATIVE_PRONOUNS,
    WRITTEN_POSSESSIVES,
    SentenceView,
    definite,
    reads_whole,
    sentence_views,
)

SPEAKER_LABELS = frozenset({"PER", "ORG", "NORP", "GPE", "FAC", "TITLE"})
_CUE_ROLES = ("verb", "participle", "continue", "source", "masdar")
_RELATIVE_ADJECTIVE = ("يه", "يون", "يين")
_OPENERS = "«“„\""
_CLOSERS = "»”\""


#: rows of the quote tables that are plain word lists the rules read (``_row_words``), no phrases of the tables
_WORD_ROWS = frozenset({"describe_after", "about_it", "source_ma", "two", "medium", "also_adjective", "describing"})


@cache
def _row_words(name: str, kind: str) -> frozenset[str]:
    """The words of the rows ``kind`` of ``data/quotes/<name>``, normalised as tokens are (not split into clitics:
    بها، بحسبما stay whole)."""
    return frozenset(fold(w) for role, forms in read_rows(name, "quotes") if role == kind for w in forms.split())


def _table(name: str) -> PhraseTable:
    """A cue table: verbs written past/imperfect inflected (marsad.text.inflect), participles in both genders. The
    imperfect forms of the inflected verbs also take the role ``imperfect``; ``object_first`` rows are participles
    too."""
    rows = [row for row in read_rows(name, "quotes") if row[0] not in _WORD_ROWS]
    # (a masdar of manner, قولها, has no feminine nor plural of its own)
    manner = {entry for role, forms in rows if role == "manner" for entry in forms.split()}
    # (a form the tokeniser splits — وصفه is و + صفه — would match another word: صفة)
    return PhraseTable([(form, role, True) for role, forms in rows for entry in forms.split()
                        for form in (_participle_forms(entry)
                                     if role in ("participle", "object_first") and entry not in manner
                                     else expand(entry))
                        if reads_whole(form) or role not in ("verb", "continue", "participle")]
                       + [(form, "imperfect", True) for role, forms in rows if role in ("verb", "continue")
                          for entry in forms.split() if "/" in entry for form in _imperfect_forms(entry)])


def _imperfect_forms(entry: str) -> list[str]:
    """The imperfect forms among those a past/imperfect entry stands for (يؤكد، تؤكدون، يؤكدها...)."""
    stem = entry.partition("_")[0].partition("/")[2][1:]
    return [f for f in expand(entry) if f[1:].startswith(stem) and f[0] in "يتن"]


def _participle_forms(form: str) -> list[str]:
    """A participle's masculine accusative (مؤكدا) with its feminine (مؤكدة), plural (مؤكدين) and feminine dual."""
    if "_" in form or not form.endswith("ا") or len(form) < 4:
        return [form]
    return [form, form[:-1] + "ة", form[:-1] + "ين", form[:-1] + "تين"]   # (and the feminine dual: مؤكدتين)


@lru_cache(maxsize=1)
def groups() -> PhraseTable:
    """``data/quotes/groups.tsv``, its ``plural`` words inflected (marsad.text.inflect) and made heads."""
    rows = [row for row in read_rows("groups.tsv", "quotes") if row[0] not in _WORD_ROWS]
    return PhraseTable([(form, role, True) for role, forms in rows if role != "plural" for form in forms.split()]
                       + [(f, "head", True) for role, forms in rows if role == "plural" for form in forms.split()
                          for f in plural_forms(form)]
                       + [(form, "head", True) for role, forms in rows if role == "dual" for form in forms.split()])


@lru_cache(maxsize=1)
def cues() -> PhraseTable:
    return _table("cues.tsv")


# -- unnamed groups -------------------------------------------------------------------------------------------------
def group_mentions(doc: Document) -> None:
    """Add NORP mentions for unnamed groups (مصادر إعلامية، مسؤولون أمريكيون، المراقبون)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    table = groups()
    covered = {(m.start, m.end) for m in doc.mentions}
    taken = Intervals((m.start, m.end) for m in doc.mentions if m.label not in ("NUMBER", "DATE", "DURATION", "TIME"))
    named: dict[str, int] = {}    # each indefinite head, where a group was first named with it
    # the token where each number mention starts, by the start of its last token (خمسة عشر، 8)
    token_at = {toks.start[t]: t for t in range(len(toks))}
    counts = {toks.start[t]: token_at[m.start] for m in doc.mentions if m.label == "NUMBER" and m.start in token_at
              for t in [bisect_left(toks.start, m.end) - 1]}    # (its last token: the last to start before its end)
    views = sentence_views(doc)
    name_at = {m.start: m for m in doc.mentions if m.label in ("ORG", "GPE", "PER", "NORP", "FAC")}
    place_at = {m.start: m for m in doc.mentions if m.label in ("GPE", "LOC")}
    writes_ta_marbuta = "ة" in doc.text
    for s in views:
        _institutions(doc, s, table, taken)
        p = 0
        while (found := table.next_match_of(s.norms, p, ("concept", "head", "single"))) is not None:
            p, head_end, _, role = found
            if role == "concept":
                p = head_end   # «الأمن القومي»: national security, not the security forces
                continue
            single = role == "single"     # one unnamed person (طبيب، مراهقا)
            q = head_end
            # a quantifier before the head is part of the phrase (عدد من المحتجين، أحد السواق)
            first = next((p - k for k in (2, 1) if p - k >= 0 and
                          table.roles_at(s.norms, p - k).get("quantifier", (None,))[0] == p), p)
            # a number of them, in words (عشرات من، العشرات من، مئات): counted like a number
            counted = first < p and "count" in table.roles_at(s.norms, first)
            if first == p and p > 0 and toks.start[s.view[p - 1]] in counts and not definite(s.norms[p]):
                # a number before the head counts the group (8 إرهابيين، ثلاثة متظاهرين): part of its phrase
                first, counted = bisect_left(s.view, counts[toks.start[s.view[p - 1]]]), True
            elif first == p and p > 1 and s.norms[p - 1] == "من" and toks.start[s.view[p - 2]] in counts and \
                    definite(s.norms[p]):
                first, counted = bisect_left(s.view, counts[toks.start[s.view[p - 2]]]), True   # ثلاثة من الإرهابيين
            if counted:
                first = approximated(s, first)   # «أكثر من 12 شخصا»، «نحو 300 شخص»: how many, as said
            head = s.norms[head_end - 1]
            last = s.view[head_end - 1]
            if head.endswith("ه") and doc.text[toks.end[last] - 1] == "ه" and writes_ta_marbuta:
                p = head_end   # «بعد طلبه حق الرد»: his request, not students (طلبة) — where the text writes ة as ة
                continue
            if first == p and "quantified" in table.roles_at(s.norms, p):
                p = head_end   # «الرئاسة العامة لرعاية الشباب»: youth named alone is no group (عدد من الشباب is)
                continue
            counted = counted or "dual" in table.roles_at(s.norms, head_end - 1)   # شرطيان: two
            at = head_end + (head_end + 1 < len(s.norms) and s.norms[head_end] in ("عن", "من"))
            body = name_at.get(toks.start[s.view[at]]) if at < len(s.norms) else None
            if first == p and "member" in table.roles_at(s.norms, p) and at < len(s.norms) and (
                    (body is not None and body.label == "ORG") or
                    (at > head_end and ((body is not None and body.label in ("PER", "GPE")) or
                                        _body_head(s.norms[at]) or
                                        title_words().roles_at(s.norms, at).keys() & {"head", "office"}))):
                # «عناصر تنظيم داعش»، «أعضاء حركة النهضة»، «ممثلين عن الجامعة التونسية للنزل» (or «عن الجامعة»,
                # named before; «عن الرئيس السابق علي عبدالله صالح»): whom they belong to acts, no group of its own
                p = head_end
                continue
            medium = False
            own = len(doc.text)
            while q < len(s.norms):
                if q == head_end and s.norms[q] in _row_words("groups.tsv", "two") and not _proclitic(doc, s, q):
                    q += 1     # «إرهابيين اثنين»: the numeral two follows what it counts
                    counted = True
                elif "modifier" in table.roles_at(s.norms, q) and _proclitic(doc, s, q) != "و":
                    q = table.roles_at(s.norms, q)["modifier"][0]
                elif q == head_end and _name_quoted_at(doc, s, q):
                    # «مصادر "الوطن"»: the medium whose sources they are (a name of its own inside the marks stays)
                    q = next(k for k in range(q + 1, len(s.norms)) if s.norms[k] in _CLOSERS) + 1
                    medium = True
                elif (_relation_adjective(doc, s, q) or _accusative_nisba(doc, s, q)) and \
                        s.norms[q].startswith("ال") == s.norms[q - 1].startswith("ال"):
                    q += 1     # مصادر عراقية، مسؤولون أمنيون، مصدر دبلوماسي جزائري (not «مسلحون المدنيين»: the object)
                elif s.norms[q] == "غير" and q + 1 < len(s.norms) and not definite(s.norms[q - 1]) and \
                        _relation_adjective(doc, s, q + 1) and not definite(s.norms[q + 1]):
                    q += 2     # «21 مهاجرا غير شرعي»: not of relation, an adjective all the same
                elif q == head_end and q + 1 < len(s.norms) and s.norms[q] in ("من", "عن") and \
                        "delegation" in table.roles_at(s.norms, head_end - 1) and \
                        (body := name_at.get(toks.start[s.view[q + 1]])) is not None and body.label in ("ORG", "GPE"):
                    # «وفد عن حزب التحرير»، «وفد من صندوق النقد الدولي»: whom the delegation comes from
                    own = min(own, toks.end[s.view[q - 1]])
                    q = bisect_left(s.view, bisect_left(toks.start, body.end))
                    break
                elif q == head_end and (body := _construct_name(doc, s, q, head, name_at)) is not None:
                    # «موظفو وزارة المالية»، «أنصار حزب التحرير»: the head in construct with a body or place named
                    # right after it; the group is its staff or supporters (the name stays a mention of its own)
                    own = min(own, toks.end[s.view[q - 1]])
                    q = bisect_left(s.view, bisect_left(toks.start, body.end))
                    break   # what follows describes the name («موظفي وزارة التربية التابعة»), not the group
                elif definite(s.norms[q]) and not _proclitic(doc, s, q) and (
                        q > head_end or definite(head) or not head.endswith(("ون", "ين"))) and \
                        (_ends_in_ya(doc, s, q) or (q == head_end and not definite(head))):
                    q += 1     # سواق التاكسي الجماعي: the noun the head is construed with, and a nisba adjective
                elif (k := _coordinated_nisba(doc, s, q)) is not None:
                    q = k      # مدرسو التعليم الأساسي والثانوي
                elif q == head_end and not definite(head) and head.endswith(("ون", "ين")) and \
                        not definite(s.norms[q]) and not _proclitic(doc, s, q) and \
                        s.norms[q].endswith(head[-2:]) and "head" in table.roles_at(s.norms, q):
                    q = table.roles_at(s.norms, q)["head"][0]   # «فلاحون محتجون»: a group's word as its adjective
                elif _proclitic(doc, s, q) == "ب" and \
                        (place := place_at.get(toks.start[s.view[q]])) is not None:
                    # «مكونات المجتمع المدني بجمّال»: where the group is from belongs to its phrase (the place
                    # stays a mention of its own)
                    own = min(own, toks.end[s.view[q - 1]])
                    q = bisect_left(s.view, bisect_left(toks.start, place.end))
                elif q == head_end and not definite(head) and \
                        (place := _construct_place(doc, s, q, place_at)) is not None:
                    # «أعوان بطاحات جربة»: the head in construct with a noun in construct with a place (the place stays
                    # a mention of its own)
                    own = min(own, toks.end[s.view[q]])
                    q = bisect_left(s.view, bisect_left(toks.start, place.end))
                elif q == head_end and (k := _coordinated_head(doc, s, q, table)) is not None and not definite(head):
                    q = head_end = k    # أساتذة وإطارات وأعوان المدرسة: one group of several kinds, then its noun
                    head = s.norms[k - 1]
                else:
                    break
            own = min(own, toks.end[s.view[head_end - 1]] if medium else toks.end[s.view[q - 1]])
            end = _affiliated_end(doc, s, q, table, name_at) or toks.end[s.view[q - 1]]
            start = toks.start[s.view[first]]
            if single and q < len(s.norms) and any(m.label == "PER" for m in doc.mentions_at(toks.start[s.view[q]])):
                p = q   # «ناشد رجل الأمن مشعل بن سليمان»: the noun describes the person named after it
                continue
            if (start, end) not in covered and not taken.overlaps(start, own):
                if counted:
                    doc.add_mention(start, end, "NORP", counted=True)
                else:
                    doc.add_mention(start, end, "NORP")
                taken.add(start, end)
                if not definite(head) and not single:
                    named.setdefault(head, start)
            p = q
        for q, w in enumerate(s.norms):
            if q and toks.start[s.view[q - 1]] in counts and not definite(w) and not _proclitic(doc, s, q) and \
                    _national(w):
                # «أكثر من 1000 عراقي»، «300 تونسي»، «23 سوريا»: a number of people of a nation
                start = toks.start[s.view[approximated(s, bisect_left(s.view, counts[toks.start[s.view[q - 1]]]))]]
                end = toks.end[s.view[q]]
                if not taken.overlaps(start, end):
                    doc.add_mention(start, end, "NORP", counted=True)
                    taken.add(start, end)
                continue
            if w not in table.first_words:
                continue
            roles = table.roles_at(s.norms, q)
            if "counted" in roles and q and toks.start[s.view[q - 1]] in counts:
                # «ثلاثة آخرين»: a number and «others» name a group of the kind just named; «21 منسقا جهويا»: with
                # the adjectives of relation after the noun
                k = q + 1
                while k < len(s.norms) and s.norms[k].endswith("يا") and len(s.norms[k]) > 3 and \
                        not definite(s.norms[k]) and not _proclitic(doc, s, k):
                    k += 1
                start, end = toks.start[counts[toks.start[s.view[q - 1]]]], toks.end[s.view[k - 1]]
                start = toks.start[s.view[approximated(s, bisect_left(s.view, counts[toks.start[s.view[q - 1]]]))]]
                if not taken.overlaps(start, end):
                    doc.add_mention(start, end, "NORP", counted=True)
                    taken.add(start, end)
            if "affiliated" not in roles:
                continue
            # «مجموعة محسوبة على حكومة الإنقاذ»، «وحدات تابعة لحكومة الوفاق»: a unit named by whom it belongs to
            k = q + 1
            armed = False
            while k < len(s.norms) and (_relation_adjective(doc, s, k) or "modifier" in table.roles_at(s.norms, k)
                                        or ("armed" in table.roles_at(s.norms, k) and not _proclitic(doc, s, k))):
                armed = armed or "armed" in table.roles_at(s.norms, k)
                k += 1
            if armed and (reach := _affiliated_end(doc, s, k, table, name_at)) is None:
                # «مجموعة إرهابية»، «جماعة مسلحة»: a unit named by what it is
                start, end = toks.start[s.view[q]], toks.end[s.view[k - 1]]
                if not taken.overlaps(start, end):
                    doc.add_mention(start, end, "NORP")
                    taken.add(start, end)
                continue
            if (reach := _affiliated_end(doc, s, k, table, name_at)) is not None:
                start = toks.start[s.view[q]]
                if not taken.overlaps(start, toks.end[s.view[k - 1]]):
                    doc.add_mention(start, reach, "NORP")
                    taken.add(start, reach)
    _groups_named_again(doc, views, named, taken)


@lru_cache(maxsize=1)
def _nationals() -> frozenset[str]:
    """The masculine adjectives of nations, bare (تونسي، عراقي), from the title table's nationalities."""
    from marsad.ner.titles import words as title_words

    return frozenset(key[0][2:] for key, roles in title_words().phrases.items()
                     if "nationality" in roles and len(key) == 1 and key[0].startswith("ال") and key[0].endswith("ي"))


def _national(norm: str) -> bool:
    """Whether ``norm`` is a nation's adjective as a noun after a number: تونسي، تونسيا، تونسيين، تونسيون."""
    nationals = _nationals()
    return any(norm.endswith(end) and norm[:len(norm) - len(end)] in nationals for end in ("", "ا", "ين", "ون"))


def _construct_place(doc: Document, s: SentenceView, q: int, place_at: dict[int, Mention]) -> Mention | None:
    """The place named right after an indefinite noun at ``q`` that a group's head is construed with (أعوان بطاحات
    جربة، سكان مدينة الفلوجة), or None: the noun has no proclitic, is no verb (يطالبون، قتلوا) or cue, and no particle
    (مثل، تلك)."""
    toks = doc.tokens
    assert toks is not None
    word = s.norms[q]
    if q + 1 >= len(s.norms) or definite(word) or len(word) <= 3 or _proclitic(doc, s, q) or \
            toks.kind[s.view[q]] == PUNCT or cues().roles_at(s.norms, q) or word.startswith("ي") or \
            word.endswith("وا") or _proclitic(doc, s, q + 1):
        return None
    return place_at.get(toks.start[s.view[q + 1]])


def _construct_name(doc: Document, s: SentenceView, q: int, head: str, name_at: dict[int, Mention]
                    ) -> Mention | None:
    """The body or place named at ``q``, right after an indefinite group head that can stand in construct with it
    (موظفو وزارة المالية، أنصار حزب التحرير، أهالي القصرين), or None. A sound plural that keeps its ن (مسلحون،
    مسلحين) is no construct: a name after it is another argument («هاجم مسلحون حزب ...»)."""
    toks = doc.tokens
    assert toks is not None
    if definite(head) or head.endswith(("ون", "ين")) or _proclitic(doc, s, q):
        return None
    name = name_at.get(toks.start[s.view[q]])
    if name is None or name.label not in ("ORG", "GPE", "FAC"):
        return None
    after = bisect_left(s.view, bisect_left(toks.start, name.end))
    if after < len(s.norms) and (s.norms[after] == "و" or _proclitic(doc, s, after) == "و") and \
            any(toks.start[s.view[k]] in name_at for k in (after, after + 1) if k < len(s.norms)):
        return None     # «دول تونس والجزائر ومصر»: the names the head stands for, side by side
    return name


def _coordinated_nisba(doc: Document, s: SentenceView, q: int) -> int | None:
    """Where a group's phrase goes on after a definite nisba coordinated with the one before it (التعليم الأساسي
    و الثانوي، الأساسي والثانوي), or None."""
    def nisba(k: int) -> bool:
        return k < len(s.norms) and definite(s.norms[k]) and _ends_in_ya(doc, s, k)

    if not nisba(q - 1):
        return None
    if s.norms[q] == "و" and nisba(q + 1) and not _proclitic(doc, s, q + 1):
        return q + 2
    if _proclitic(doc, s, q) == "و" and nisba(q):
        return q + 1
    return None


def _coordinated_head(doc: Document, s: SentenceView, q: int, table: PhraseTable) -> int | None:
    """Where the indefinite group heads joined by و from ``q`` end, when the noun they are all construed with follows
    (أساتذة وإطارات وأعوان المدرسة: one group); None for groups named side by side (ميليشيات ومجموعات إرهابية)."""
    end = None
    while q < len(s.norms):
        k = q + 1 if s.norms[q] == "و" else q if _proclitic(doc, s, q) == "و" else None
        if k is None or k >= len(s.norms) or definite(s.norms[k]) or (k > q and _proclitic(doc, s, k)):
            break
        head_end = table.roles_at(s.norms, k).get("head", (None,))[0]
        if not isinstance(head_end, int):
            break
        q = end = head_end
    if end is None or end >= len(s.norms) or not definite(s.norms[end]) or _proclitic(doc, s, end):
        return None
    return end


def _affiliated_end(doc: Document, s: SentenceView, q: int, table: PhraseTable, name_at: dict[int, Mention]
                    ) -> int | None:
    """Where a group's phrase ends that goes on with whom it belongs to (تابعة لحكومة الوفاق، محسوبة على حكومة
    الإنقاذ، الموالية للرئيس): the end of the name after the word of affiliation at ``q``, or None."""
    toks = doc.tokens
    assert toks is not None
    if q + 1 >= len(s.norms) or "affiliation" not in table.roles_at(s.norms, q) or _proclitic(doc, s, q):
        return None     # (not «المواطنين والموالين لجماعة الحوثي»: another group)
    k = q + 1
    if s.norms[k] in ("علي", "الي") and k + 1 < len(s.norms):
        k += 1
    elif _proclitic(doc, s, k) != "ل":
        return None
    name = name_at.get(toks.start[s.view[k]])
    return name.end if name is not None else None


#: the compass adjectives that complete a nationality (الشرطة الكورية الجنوبية)
_COMPASS = frozenset({"الجنوبي", "الجنوبيه", "الشمالي", "الشماليه", "الشرقي", "الشرقيه", "الغربي", "الغربيه"})


def _institutions(doc: Document, s: SentenceView, table: PhraseTable, taken: Intervals) -> None:
    """ORG mentions for a state's institution named by its head and a nationality (الجيش الليبي، الشرطة الإيطالية،
    خفر السواحل الإيطالي): an organisation, not a group — unless it completes a title (قائد القوات البحرية
    الإيرانية، المدير الجهوي للحماية المدنية), where who holds the title is meant."""
    toks = doc.tokens
    assert toks is not None
    from marsad.ner.titles import words as title_words

    titles = title_words()
    p = 0
    while (found := table.next_match(s.norms, p, "body")) is not None:
        p, q, _ = found
        if q >= len(s.norms) or _proclitic(doc, s, p) or _proclitic(doc, s, q) or (
                p > 0 and {"head", "dependent"} & set(titles.roles_at(s.norms, p - 1))):
            p = q
            continue
        nation = s.norms[q][:-1] if s.norms[q].endswith("يه") else s.norms[q]
        if not definite(s.norms[p]) and not definite(nation):
            nation = "ال" + nation     # «محكمة جزائرية»: an indefinite head, its nationality indefinite too
        if "nationality" in titles.roles_at([nation], 0):
            last = q + 1 if q + 1 < len(s.norms) and s.norms[q + 1] in _COMPASS else q   # الكورية الجنوبية
            start, end = toks.start[s.view[p]], toks.end[s.view[last]]
            if not taken.overlaps(start, end):
                doc.add_mention(start, end, "ORG")
                taken.add(start, end)
        p = q


@lru_cache(maxsize=8)
def _writes_final_ya_as_maqsura(text: str) -> bool:
    """Whether the text writes a final ي as ى (فى، الأمنى), as some writing does: then ى tells nothing."""
    return len(re.findall(r"(?<!\w)فى(?!\w)", text)) > len(re.findall(r"(?<!\w)في(?!\w)", text))


def _ends_in_ya(doc: Document, s: SentenceView, q: int) -> bool:
    """Whether the word at ``q`` ends in ي as written: an adjective of relation may (أمني، الإسرائيلي), a word whose
    text ends in ى does not (الأسرى، القتلى: nouns, which the normal form writes with ي too)."""
    if not s.norms[q].endswith("ي"):
        return False
    toks = doc.tokens
    assert toks is not None
    return doc.text[toks.end[s.view[q]] - 1] != "ى" or _writes_final_ya_as_maqsura(doc.text)


def approximated(s: SentenceView, number: int) -> int:
    """Where the count that starts with the number at view index ``number`` starts, past the approximation before
    it: «أكثر من» / «أقل من», or a word of the ``about`` row of ``data/quotes/groups.tsv`` (نحو، قرابة)."""
    if number >= 2 and s.norms[number - 1] == "من" and s.norms[number - 2] in ("اكثر", "اقل"):
        return number - 2
    if number >= 1 and "about" in groups().roles_at(s.norms, number - 1):
        return number - 1
    return number


def _accusative_nisba(doc: Document, s: SentenceView, q: int) -> bool:
    """Whether the word at ``q`` is an indefinite adjective of relation in the accusative (تونسيا، إيرانيا) right
    after an accusative noun (44 طفلا تونسيا، وفدا إيرانيا), and no adverb of the kind (رسميا، حاليا، يوميا: the
    ``adverb`` row of ``data/quotes/groups.tsv``)."""
    w = s.norms[q]
    return q > 0 and len(w) > 4 and w.endswith("يا") and not w.startswith("ال") and not _proclitic(doc, s, q) and \
        s.norms[q - 1].endswith("ا") and "adverb" not in groups().roles_at(s.norms, q) and \
        not cues().roles_at(s.norms, q)


def _relation_adjective(doc: Document, s: SentenceView, q: int) -> bool:
    """Whether the word at ``q`` reads as an adjective of relation: ending in ية، يون، يين (عراقية، أمنيون), or an
    indefinite one in ي with nothing attached (أمني، دبلوماسي) that is no cue verb (ينفي)."""
    w = s.norms[q]
    if w.endswith(_RELATIVE_ADJECTIVE) and len(w) > 4:
        return True
    return _ends_in_ya(doc, s, q) and len(w) > 3 and not w.startswith("ال") and not _proclitic(doc, s, q) \
        and not cues().roles_at(s.norms, q)


def _groups_named_again(doc: Document, views: list[SentenceView], named: dict[str, int], taken: Intervals) -> None:
    """NORP mentions, marked ``"reference": "definite"``, for a group named again by its definite head after an
    indefinite first mention (مصدر أمني ... وأضاف المصدر، نفس المصدر، المصدر ذاته): the resolver joins them to it."""
    if not named:
        return
    toks = doc.tokens
    assert toks is not None
    table = groups()
    for s in views:
        for i, w in enumerate(s.norms):
            if not definite(w) or named.get(w[2:], len(doc.text)) >= toks.start[s.view[i]]:
                continue
            a = i - 1 if i and "same_before" in table.roles_at(s.norms, i - 1) else i
            b = i + 1
            while b < len(s.norms) and definite(s.norms[b]) and _ends_in_ya(doc, s, b):
                b += 1    # المصدر الدبلوماسي ذاته
            if b < len(s.norms) and "same_after" in table.roles_at(s.norms, b):
                b += 1
            start, end = toks.start[s.view[a]], toks.end[s.view[b - 1]]
            if b < len(s.norms) and any(m.label == "PER" for m in doc.mentions_at(toks.start[s.view[b]])):
                continue    # «الشاب التونسي لطفي فريد»: the noun introduces the person named after it
            if not taken.overlaps(start, end):
                doc.add_mention(start, end, "NORP", reference="definite")
                taken.add(start, end)


# -- names in a speaker's place ---------------------------------------------------------------------------------------
#: the most words a person's name found in a speaker's place may have (محمد علي بن سالم)
MAX_SPEAKER_NAME_WORDS = 4
#: a word the news lexicon counts this often or more is a common word, no surname
SURNAME_MAX_COUNT = 50
#: ... but a definite word of relation (الدهماني) may be a family name up to this count (الجهوي، الرسمي: 480-650)
FAMILY_NISBA_MAX_COUNT = 200


def speaker_names(doc: Document) -> None:
    """Add PER mentions for the person a title names in a speaker's place, where the tagger found no one: between a
    speech verb and what is said, a title (with a definite word or a title word: المحاسب الخمسيني، كاتب عام النقابة)
    followed by two to four words that begin with a known first name (``Featurizer.person_word``) and go on with name
    words, rare words or a family name of relation (وقال الناطق الرسمي باسم الحرس الوطني خليفة الشيباني
    إن، وأكدت الزائرة نوف القحطاني أن). Later occurrences of the name, and of its surname alone when that is a rare
    word, become PER mentions too, so that the resolver joins them (وأضاف الشيباني)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    model = load_model()
    if model is None:
        return
    person_word = model.featurizer.person_word
    common = model.common
    table = cues()
    taken = Intervals((m.start, m.end) for m in doc.mentions if m.label != "TITLE")
    people = Intervals((m.start, m.end) for m in doc.mentions if m.label == "PER")
    times = {m.start: m.end for m in doc.mentions if m.label in ("DATE", "TIME")}
    views = sentence_views(doc)
    found: list[tuple[str, ...]] = []
    first = table.first_words
    for s in views:
        for p, w in enumerate(s.norms):
            if w not in first and w != "اما":
                continue
            roles = table.roles_at(s.norms, p)
            role = next((r for r in ("verb", "continue") if r in roles), None)
            # a cue only with its preposition (وعبر خالد تنزفتي عن): its subject stands before the preposition
            split = role is None and w in _split_cue_prepositions(table) and \
                _starts_statement(doc, s, p, "verb", table)
            if w != "اما" and not split and (role is None or not _starts_statement(doc, s, p, role, table)):
                continue
            name = _titled_name(doc, s, roles[role][0], table, person_word, common, taken, people) \
                if role is not None else None
            if name is None and role is not None:
                name = _name_before_title(doc, s, roles[role][0], person_word, common, taken, times)
            if name is None and (role is not None or split):
                name = _bare_name(doc, s, roles[role][0] if role is not None else p + 1, table, person_word, common,
                                  taken)
            if name is None and w == "اما" and (slot := _topic_slot(doc, s, p, table)) is not None:
                name = _name_in_slot(doc, s, *slot, person_word, common, taken, people)
            if name is not None:
                j, k = name
                start, end = toks.start[s.view[j]], toks.end[s.view[k - 1]]
                doc.add_mention(start, end, "PER")
                taken.add(start, end)
                people.add(start, end)
                found.append(tuple(s.norms[j:k]))
    if not found:
        return
    # the same name, or its rare surname alone, wherever else the article writes it
    wanted = {f: len(f) for f in found}
    wanted.update({(f[-1],): 1 for f in found if common.get(f[-1], 0) < SURNAME_MAX_COUNT and len(f[-1]) > 3})
    # ... written with the article too (آمال قرامي ... وخلصت القرامي)
    wanted.update({("ال" + f[-1],): 1 for f in found if not f[-1].startswith("ال") and len(f[-1]) > 3
                   and common.get("ال" + f[-1], 0) < SURNAME_MAX_COUNT and common.get(f[-1], 0) < SURNAME_MAX_COUNT})
    for s in views:
        for i in range(len(s.norms)):
            for words, size in wanted.items():
                if tuple(s.norms[i:i + size]) != words:
                    continue
                start, end = toks.start[s.view[i]], toks.end[s.view[i + size - 1]]
                if not taken.overlaps(start, end):
                    doc.add_mention(start, end, "PER")
                    taken.add(start, end)


def _titled_name(doc: Document, s: SentenceView, b: int, table: PhraseTable, person_word: Callable[[str], bool],
                 common: dict[str, int], taken: Intervals, people: Intervals) -> tuple[int, int] | None:
    """The view span of the name that ends a title in the speaker's place after a cue at ``b`` (see
    :func:`speaker_names`), or None."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    if b >= n or _proclitic(doc, s, b) or toks.kind[s.view[b]] == PUNCT:
        return None
    end = b
    # (a comma may set the name off the title: «وقال كاتب عام النقابة، لسعد اليعقوبي في تصريح ... إن»)
    while end < n and end - b < MAX_UNNAMED_WORDS and not (
            _complementiser(s, end, table) or s.norms[end] in _PHRASE_STOPS
            or (toks.kind[s.view[end]] == PUNCT and s.norms[end] not in ("،", ","))):
        end += 1
    # what is said follows: at once, or after an aside (في تصريح لـ...)
    if any(_complementiser(s, i, table) or s.norms[i] == ":" or _opening(s, i)
           for i in range(end, min(n, end + MAX_ASIDE_WORDS + 1))):
        return _name_in_slot(doc, s, b, end, person_word, common, taken, people)
    # or the preposition the cue governs (وأعلن وزير الفلاحة سمير الطيب عن انطلاق الموسم)
    if b > 0 and end < n and "verb" in table.phrases.get((s.norms[b - 1], s.norms[end]), {}):
        return _name_in_slot(doc, s, b, end, person_word, common, taken, people)
    return None


def _name_word(doc: Document, s: SentenceView, i: int, taken: Intervals) -> bool:
    """Whether the word at ``i`` may be part of a name found in a speaker's place: no punctuation, more than two
    letters, no proclitic, and no other mention's."""
    toks = doc.tokens
    assert toks is not None
    t = s.view[i]
    return toks.kind[t] != PUNCT and len(s.norms[i]) > 2 and not _proclitic(doc, s, i) and \
        not taken.overlaps(toks.start[t], toks.end[t])


def _bare_name(doc: Document, s: SentenceView, b: int, table: PhraseTable, person_word: Callable[[str], bool],
               common: dict[str, int], taken: Intervals) -> tuple[int, int] | None:
    """The view span of a name the tagger missed right after a cue at ``b``, with no title: a known first name
    without the article, then one to three words that are first names or rare in the news, then what is said
    (a complementiser, a colon) or the preposition the cue governs (وعبر خالد تنزفتي عن الأمل، وأكد حمدي الخياري
    أن), or None."""
    n = len(s.norms)
    if b + 2 >= n or not _name_word(doc, s, b, taken) or not person_word(s.norms[b]) or \
            (definite(s.norms[b]) and title_words().roles_at(s.norms, b)):
        return None     # (a first name written with the article, الطاهر، الهادي; not a title, الأمين العام)
    k = b + 1
    while k < n and k - b < MAX_SPEAKER_NAME_WORDS and _name_word(doc, s, k, taken) and \
            not _complementiser(s, k, table) and \
            (person_word(s.norms[k]) or common.get(s.norms[k], 0) < SURNAME_MAX_COUNT):
        k += 1
    if k - b < 2 or k >= n:
        return None
    said = _complementiser(s, k, table) or s.norms[k] == ":" or \
        (b > 0 and "verb" in table.phrases.get((s.norms[b - 1], s.norms[k]), {})) or \
        (s.norms[k] in ("،", ",") and _titled_at(s, k + 1))
    return (b, k) if said else None


def _titled_at(s: SentenceView, k: int) -> bool:
    """Whether a title word opens at view word ``k``: the office set off after a name (قال الطاهر هميلة، النائب
    السابق بالمجلس التأسيسي، إن)."""
    return k < len(s.norms) and bool(title_words().roles_at(s.norms, k).keys() & OFFICE_ROLES or
                                     office_word(s.norms[k]))


def _name_before_title(doc: Document, s: SentenceView, b: int, person_word: Callable[[str], bool],
                       common: dict[str, int], taken: Intervals, times: dict[int, int]) -> tuple[int, int] | None:
    """The view span of a name the tagger missed in the speaker's place before the title that describes it (حذر
    اليوم الاثنين بوجمعة الرميلي عضو الهيئة السياسية لحزب ...، من): after the cue at ``b`` and a date, two or three
    words none of which is common in the news unless it is a known first name or a family name of relation, then
    a title (a TITLE mention that opens with a title word)."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    b = _past_times(doc, s, b, times)
    for k in range(b + 2, min(n, b + MAX_NAME_BEFORE_TITLE + 1)):
        t = s.view[k]
        if not any(m.label == "TITLE" for m in doc.mentions_at(toks.start[t])) or \
                not title_words().roles_at(s.norms, k):
            continue
        words = range(b, k)
        if any(toks.kind[s.view[i]] == PUNCT or _proclitic(doc, s, i) or len(s.norms[i]) < 3
               or taken.overlaps(toks.start[s.view[i]], toks.end[s.view[i]]) for i in words):
            return None
        if definite(s.norms[b]) and not person_word(s.norms[b]):
            return None     # («وأكد الوزير الأول ...»: a title, not a name)
        if all(person_word(s.norms[i]) or common.get(s.norms[i], 0) < SURNAME_MAX_COUNT
               or (definite(s.norms[i]) and s.norms[i].endswith("ي")
                   and common.get(s.norms[i], 0) < FAMILY_NISBA_MAX_COUNT) for i in words):
            return b, k
        return None
    return None


#: a word the news writes at most this often, right after an office, may be a foreign first name (أمبر، أريانا)
UNSEEN_FIRST_NAME_MAX_COUNT = 3

#: the most words of a name before the title that describes it, in a speaker's place
MAX_NAME_BEFORE_TITLE = 3


#: the most words a topic set off by أما may have before its ف (a long title, then the name)
MAX_TOPIC_WORDS = 24


def _topic_slot(doc: Document, s: SentenceView, p: int, table: PhraseTable) -> tuple[int, int] | None:
    """The view span of a topic set before its speech verb by أما (أما الأستاذة الجامعية ...، آمال قرامي، فقد
    أوضحت أن): from the word after أما at ``p`` to the word that carries ف, when a cue follows it (after قد)."""
    for k in range(p + 2, min(len(s.norms), p + MAX_TOPIC_WORDS + 2)):
        if s.norms[k] in _PHRASE_STOPS or (doc.tokens is not None and doc.tokens.kind[s.view[k]] == PUNCT
                                            and s.norms[k] not in ("،", ",")):
            return None
        if _proclitic(doc, s, k) == "ف":
            cue = k + 1 if s.norms[k] == "قد" else k
            roles = table.roles_at(s.norms, cue) if cue < len(s.norms) else {}
            return (p + 1, k) if "verb" in roles else None
    return None


def _name_in_slot(doc: Document, s: SentenceView, b: int, end: int, person_word: Callable[[str], bool],
                  common: dict[str, int], taken: Intervals, people: Intervals) -> tuple[int, int] | None:
    """The view span of the name that ends a title in the speaker's slot ``b:end``, or None."""
    toks = doc.tokens
    assert toks is not None
    span = _token_span(s, doc, b, end)
    if end - b < 3 or people.overlaps(*span):
        return None

    def plain(i: int) -> bool:
        return _name_word(doc, s, i, taken)

    for j in range(b + 1, end - 1):
        w = s.norms[j]
        if plain(j) and not definite(w) and w not in _GOVERNED and not person_word(w) and \
                common.get(w, 0) <= UNSEEN_FIRST_NAME_MAX_COUNT and \
                any(m.label == "TITLE" and m.end == toks.end[s.view[j - 1]] for m in doc.mentions):
            # right after an office, a foreign first name the gazetteers lack and the news has barely seen, then
            # rare words up to a date or what is said (وقالت وزيرة الداخلية البريطانية أمبر راد اليوم الأربعاء إن)
            k = j + 1
            while k < end and k - j < MAX_SPEAKER_NAME_WORDS and plain(k) and not definite(s.norms[k]) and \
                    common.get(s.norms[k], 0) < SURNAME_MAX_COUNT and not title_words().roles_at(s.norms, k):
                k += 1
            if k - j >= 2:
                return j, k
        # (a first name with the article, as Tunisian news writes many, only set off by a comma: «الكاتب العام
        # للجامعة، الناصر السالمي، في تصريح ...، أن»)
        if not plain(j) or (definite(w) and s.norms[j - 1] not in ("،", ",")) or w in _GOVERNED \
                or not person_word(w):
            continue
        if not any(definite(s.norms[i]) or title_words().roles_at(s.norms, i) for i in range(b, j)):
            continue    # a title before the name: definite (المحاسب الخمسيني) or construed (كاتب عام النقابة)
        if 2 <= end - j <= MAX_SPEAKER_NAME_WORDS and all(plain(i) for i in range(j, end)) and \
                any(m.label == "TITLE" and m.end == toks.end[s.view[j - 1]] for m in doc.mentions):
            return j, end   # «قال وزير الفلاحة سمير الطيب إن»: an office, then the whole slot to what is said
        k = j + 1
        while k < end and k - j < MAX_SPEAKER_NAME_WORDS and plain(k) and (
                (not definite(s.norms[k]) and person_word(s.norms[k]))
                # a family name of relation, which the news may name often (إياد الدهماني)
                or (definite(s.norms[k]) and s.norms[k].endswith("ي")
                    and common.get(s.norms[k], 0) < FAMILY_NISBA_MAX_COUNT)
                or (common.get(s.norms[k], 0) < SURNAME_MAX_COUNT
                    # a rare noun construed with what follows is an apposition (عمر السومة مهاجم النادي الأهلي)
                    and (definite(s.norms[k]) or k + 1 == end or not definite(s.norms[k + 1])))):
            k += 1
        if k - j >= 2:
            return j, k
    return None


# -- quotes ---------------------------------------------------------------------------------------------------------
def find_quotes(doc: Document) -> None:
    """Fill ``doc.quotes`` (run after the resolver: speakers are entities)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    table = cues()
    bylines = _bylines(doc)
    speakers = _Speakers((m for m in doc.mentions if m.label in SPEAKER_LABELS and m.entity and m.id not in bylines),
                         (m for m in doc.mentions if m.label in ("DATE", "TIME")))
    speaker_by_id = {m.id: m for m in speakers}
    quotes: list[Quote] = []
    last_speaker: Mention | None = None
    history: list[Mention] = []       # the speakers so far, in order
    genders: dict[str, str] = {}      # entity -> F or M, as the verbs that named it agreed with it
    previous: SentenceView | None = None
    for s in sentence_views(doc):
        if previous is not None and not (quotes and quotes[-1].sentence == previous.index):
            # «من جهته، هنأ د. فلان ... . وقال: ...»: a sentence with no quote whose subject is a person named at its
            # start brings that person in; a cue with no subject after it continues with them, not with whoever
            # spoke before
            topic = _subject(doc, previous, speakers, table)
            if topic is not None:
                last_speaker = topic
        earlier, previous = previous, s
        recap = _recap(doc, s, earlier, speakers, table) if earlier is not None and \
            not (quotes and quotes[-1].sentence == earlier.index) else None
        if recap is not None:
            # «"...". ذلك ما أعلنته وزيرة الصحة»: the sentence before is what the speaker named here said
            recap.id = f"q{len(quotes) + 1}"
            quotes.append(recap)
            speaker = speaker_by_id.get(recap.speaker_mention or "")
            last_speaker = speaker or last_speaker
            if speaker is not None and (not history or history[-1] is not speaker):
                history.append(speaker)
            continue
        found: list[tuple[int, int, str]] = []     # (view start, view end, role) of each cue
        fronted = False     # the first cue is a verb after a masdar's phrase: its subject follows it
        nested: set[int] = set()     # the cues inside what an earlier cue of the sentence says
        p = 0
        while p < len(s.norms):
            roles = table.roles_at(s.norms, p)
            role = next((r for r in _CUE_ROLES if r in roles), None)
            if role is None and _split_cue(doc, s, p, speakers, table):
                # «وعبر المفوض النقابي ... وليد المازني عن امتعاضه»: a cue written with its preposition (عبر_عن),
                # its subject between them
                roles = {"verb": (p + 1, None)}
                role = "verb"
            opens = role is not None and _starts_statement(doc, s, p, role, table, speakers.times)
            if role == "verb" and not opens and found and all(r == "masdar" for _, _, r in found):
                # «وفي تعليق على الحادثة قال الطبيب: ...»: the masdar's phrase was the verb's aside
                opens = True
                found.clear()
                fronted = True
            if role is None or not (opens or (role == "verb" and (_speaker_before(doc, s, p, speakers) is not None
                                                                  or _named_and_said(doc, s, p, speakers, table)
                                                                  or _titled_subject(doc, s, p) is not None))):
                p += 1
                continue
            after = roles[role][0]
            if role == "verb" and after - p >= 2 and s.norms[after - 1] == "علي" and \
                    any(m.label == "PER" for m in speakers.starting_upto(toks.start[s.view[after - 1]],
                                                                         toks.start[s.view[after - 1]])):
                after -= 1    # «فيما أكد علي حسن أن»: علي the name, not the preposition of أكد على
                roles = {**roles, role: (after, None)}
            if role == "verb" and p > 1 and s.norms[p - 1] == "كما" and s.norms[p - 2] in ("،", ",") and \
                    _speaker_after(doc, s, after, speakers) is not None and \
                    not any(_says_directly(s, i, table) or _opening(s, i) or s.norms[i] in ("،", ",")
                            or "verb" in table.phrases.get((s.norms[p], s.norms[i]), {})   # (كما دعا X إلى)
                            for i in range(after, len(s.norms))):
                # «أرجئت المحاكمة ...، كما أعلنت المحكمة الخاصة التي تحاكمه أمس.»: «as the court announced» at the
                # end of the sentence attributes what came before it, as a source does
                found.append((p - 1, after, "source"))
                p = after
                continue
            if role == "verb" and p > 0 and s.norms[p - 1] in ("،", ",") and after < len(s.norms) and \
                    s.norms[after] == "ذلك":
                # «...، أوضح ذلك مدير عام شؤون الموظفين فلان»: the verb and «that» after a clause attribute it, as a
                # source at the end of a sentence does
                role, after = "source", after + 1
                roles = {**roles, role: (after, None)}
            if role == "source" and found and after < len(s.norms) and not (
                    _speaker_after(doc, s, after, speakers) is not None or s.norms[after] == "ما" or
                    "aside" in table.roles_at(s.norms, after) or
                    doc.text[toks.start[s.view[after]]:toks.end[s.view[after]]].endswith(("ه", "ها", "هم")) or
                    "statement" in groups().roles_at(s.norms, after)):
                p = after    # «... وفق مبدإ التمييز الإيجابي»، «وفق القانون»: according to a rule, no source
                continue
            if role == "source" and after < len(s.norms) and "rule" in table.roles_at(s.norms, after):
                p = after    # «وفق توجيهات الرئاسة العامة»: according to someone's directives or rules, no source
                continue
            if role == "source" and after < len(s.norms) and not _fused_source(s, p, after) and \
                    doc.text[toks.start[s.view[after]]:toks.end[s.view[after]]].endswith(("ه", "ها", "هم", "هما")) and \
                    "own_words" not in table.roles_at(s.norms, after) and \
                    not speakers.starting_upto(toks.start[s.view[after]], toks.start[s.view[after]]):
                p = after    # «وتستهدف اللجنة بحسب صلاحياتها»: by its powers; only one's words are a source (بحسب قوله)
                continue
            if role in ("verb", "continue") and after < len(s.norms) and \
                    s.norms[after] in _row_words("cues.tsv", "about_it") and \
                    not any(_says_directly(s, i, table) or _opening(s, i) or s.norms[i] == ":"
                            for i in range(after + 1, min(len(s.norms), after + MAX_ASIDE_WORDS + 1))):
                p = after    # «وأعلن عنها إثر ذلك في لقاء صحفي»: what he announced is the pronoun, said before
                continue
            if "relay" in roles and not _relays(s, p, after, table):
                p = after    # «وتم إجلاء ونقل مواطن»: carried, not relayed
                continue
            if role in ("verb", "continue") and _proclitic(doc, s, p) == "س":
                p = after    # «ترامب سيعترف بأهمية الحلف»: what someone will say is not said yet
                continue
            if "first_only" in roles and found:
                p = after    # «أكد أنه توجه إلى الصليب الأحمر وطلب منهم مساعدته»: what he did, inside what he said
                continue
            if "blame" in roles and not any("blamed" in table.roles_at(s.norms, i)
                                            for i in range(after, min(len(s.norms), after + MAX_BLAME_REACH))):
                p = after    # «حمل المتظاهرون لافتات»: carried, laid no responsibility on anyone
                continue
            if "said_only" in roles and not _says_next(doc, s, after, table):
                p = after    # «تحدثا هاتفيا»: they spoke, nothing said is reported
                continue
            said_at = next((i for i in range(after + 1, min(len(s.norms), after + SAID_AT_ONCE_REACH + 1))
                            if _says_directly(s, i, table)), None)
            named_before = said_at is not None and any(
                m.label in ("PER", "ORG", "TITLE", "NORP") and not _after_preposition(doc.text, m.start)
                for m in speakers.starting_upto(toks.start[s.view[after]], toks.start[s.view[said_at - 1]]))
            # (not whom it was told: «وبين في تصريح لوكالة تونس افريقيا للانباء ... أن»)
            if "said_at_once" in roles and said_at is None and after < len(s.norms):
                # «وبين سفيان طوبال، في هذا السياق، أن»: who says it set off by a comma, then an aside
                person = next((m for m in speakers.starting_upto(toks.start[s.view[after]], toks.start[s.view[after]])
                               if m.label in ("PER", "ORG", "TITLE")), None)
                comma = _view_after(doc, s, person.end) if person is not None else len(s.norms)
                named_before = comma < len(s.norms) and s.norms[comma] in ("،", ",") and any(
                    _says_directly(s, i, table) for i in range(comma + 1, min(len(s.norms), comma + MAX_ASIDE_WORDS)))
            if "said_at_once" in roles and not (_says_directly(s, after, table) or named_before):
                # «وبين الطرفين خلاف»: between, not «he showed»; «وبين أن»، «وبين الوزير، أن»، «بين المدير العام محمد
                # العتيبي أن» say
                p = after
                continue
            if "clause_only" in roles and not _starts_statement(doc, s, p, "verb", table):
                p = after    # «عاد مجددا إلى العاصمة»: again, not renewing a statement
                continue
            if role in ("verb", "participle") and _anonymity(s, after):
                p = after    # «وقال المسؤول لوكالة فرانس برس طالبا عدم كشف اسمه ان»: asking not to be named
                continue
            if role == "participle" and "manner" in roles and _proclitic(doc, s, p) != "ب":
                p = after    # a masdar of manner speaks only with its ب: «بالقول: ...»، «بقوله», not «يمكن القول»
                continue
            if "superlative" in roles and after < len(s.norms) and s.norms[after] == "ما":
                p = after    # «أبرز ما في القارة الأوروبية»: the most notable thing, no one highlighting
                continue
            if role == "participle" and p > 0 and s.norms[p - 1] == "غير":
                p = after    # «معلقات غير معلنة»: «undisclosed», an adjective, not «announcing»
                continue
            if role == "participle" and p > 0 and s.norms[p] in _row_words("cues.tsv", "also_adjective") and \
                    not definite(s.norms[p - 1]) and s.norms[p - 1].endswith("ا") and len(s.norms[p - 1]) > 3 and \
                    not table.roles_at(s.norms, p - 1):
                p = after    # «سجلوا حضوراً لافتاً»: «remarkable», agreeing with the noun before it, not «pointing out»
                continue
            if role == "participle" and "manner" not in roles and doc.text[toks.end[s.view[p]] - 1] == "ه":
                p = after    # «تغلب على مضيفه»: «his host», written with ه, not the feminine participle in ة
                continue
            if role == "participle" and "object_first" in roles and after < len(s.norms) and \
                    _proclitic(doc, s, after) == "ب":
                p = after    # «590 شخصا متهمين بالارتباط»: accused of, passive — accusing names its object first
                continue
            if role == "participle" and found and _only_speaker_between(doc, s, found[-1][1], p, speakers):
                # «وأردف قائلا:»، «وأضاف محسن الغامدي قائلاً:»: the manner of the cue before it, past no more than
                # its speaker — no statement of its own
                p = after
                continue
            if role == "participle" and not found and _describes_noun(doc, s, p, speakers) and \
                    not _says_directly(s, after, table):
                # «إلى احتجاجات مطالبة بتخصيص استثمارات»: protests that demand, no one speaking (but «بأسعار تفاضلية
                # مؤكدة أن»: what is said follows at once)
                p = after
                continue
            if role == "participle" and p > 0 and "copula" in table.roles_at(s.norms, p - 1):
                p = after    # «كان متوقعا»: the predicate of what is said, not its speaker's manner
                continue
            if role == "verb" and "impersonal" in roles and \
                    (_says_directly(s, after, table) or "preposition" in table.roles_at(s.norms, after)):
                p = after   # «يذكر أن ...»، «يشار إلى أن ...»: the journalist's voice
                continue
            if role == "verb" and found and "imperfect" in roles and not _says_directly(s, after, table) and \
                    _speaker_after(doc, s, after, speakers) is None and _speaker_before(doc, s, p, speakers) is None:
                p = after    # «... أن المرأة من حقها أن تدافع عن نفسها وتصرح بما يحدث لها»: inside what is said
                continue
            if role == "masdar" and found:
                p = roles[role][0]   # «قال X في تصريحات لـ...»: the aside of a statement already cued
                continue
            said = table.next_match(s.norms, roles[role][0], "complementiser") if role == "source" and found else None
            if said is not None and said[0] - roles[role][0] <= 6:
                p = roles[role][0]   # «وقال ظريف حسب الإعلام الإيراني إن ...»: the source of a statement already cued
                continue
            if role == "source" and found and \
                    (close := _comma_source(s.norms, p, len(s.norms), table, {"preposition"})) is not None:
                # «كما أعرب، وفق بلاغ إعلامي للخارجية، عن ارتياحه»: the source of the statement cued before, set off
                # by commas before the preposition that statement's cue governs
                p = close
                continue
            if not found and _inside_quotation(s, p) and _quoted_after_cue(s, p, table):
                # «قالت "نعم، أعتقد أن ذلك تأكد"»: a verb of the words a cue before the quotation introduces (the
                # speaker's first person), no cue of its own — even where that cue names no one the stage found
                p = roles[role][0]
                continue
            if found and _inside_quotation(s, p) and (
                    s.norms[p - 1] in _OPENERS or not _says_next(doc, s, roles[role][0], table, MAX_NESTED_REACH)):
                # «عبرت تونس عن "إدانتها ..."»: the first word of what is quoted; «إن "الوزراء ... كشفوا حجم
                # الخطر"»: a verb of what is quoted, no statement reported in it (as «وأفادني بأن» is)
                p = roles[role][0]
                continue
            if found and (not opens or (_inside_quotation(s, p) and not _opens_with_colon(s, roles[role][0]))
                          or (_reported_within(doc, s, p, role, found[-1], table) and
                              _speaker_after(doc, s, roles[role][0], speakers) is None)
                          or (p > 0 and s.norms[p - 1] == "كما" and s.norms[p][:1] in ("ي", "ت"))):
                # («... وليس كما يقول البعض بأنه ...»: «as some say», a comparison inside what is said)
                # «أكد X أن رئيس الحكومة أوضح أن ...», «وتابع: "... وأفادني بأن ..."»: a statement reported inside
                # another, which goes on past it
                nested.add(len(found))
            found.append((p, roles[role][0], role))
            p = roles[role][0]
        sentence_speaker: Mention | None = None
        for k, (a, b, role) in enumerate(found):
            limit = next((c for i, (c, _, _) in enumerate(found[k + 1:], k + 1) if i not in nested), len(s.norms))
            if k in nested:
                limit = found[k + 1][0] if k + 1 < len(found) else len(s.norms)
            # quotes come in sentence order: the last one says whether this sentence has one (a scan of them all
            # for every cue made the stage quadratic in the length of the article)
            q = _quote(doc, s, a, b, role, limit, speakers, sentence_speaker, last_speaker, table,
                       said=quotes[-1].speaker if quotes and quotes[-1].sentence == s.index else None,
                       going_on=bool(quotes) and quotes[-1].sentence == s.index - 1 and not k,
                       svo=k in nested or (not k and not fronted and
                                          not _starts_statement(doc, s, a, role, table, speakers.times)),
                       fronted=fronted and not k)
            if q is None or _only_when(doc, q.content.start, q.content.end, speakers):
                continue   # «... كما أعلنت الاستخبارات الأفغانية الأسبوع الماضي.»: no words said, only when
            if quotes and quotes[-1].sentence == s.index and quotes[-1].speaker == q.speaker and \
                    quotes[-1].content.start == q.content.start:
                continue   # «وأفادت الأرقام التي أوردتها الوزارة بأن»: the cue of the relative clause, said once
            if "considered" in table.roles_at(s.norms, a) and \
                    doc.text[max(0, q.content.start - 4):q.content.start].split()[-1:] == ["من"]:
                continue   # «ويعتبر طلال مداح من أبرز الفنانين»: he is considered one of them, says nothing
            # «وأوضح مصدر ... أن ...، وفقاً لصحيفة "الحياة".»: a medium at the end of a sentence that quotes someone
            # else passes on that statement — its words are the statement's, and who spoke goes on speaking
            relayed = role == "source" and bool(quotes) and quotes[-1].sentence == s.index and \
                quotes[-1].speaker != q.speaker and q.content.end <= toks.start[s.view[a]] <= s.end and \
                q.content.start < quotes[-1].content.start < q.content.end
            if relayed:
                # (all the statements of the sentence before it: «واعترف الرجل بأنه ... وقال إن ... مطالبا "..."،
                # بحسب الصحيفة» — from the first)
                first = quotes[-1]
                for before in reversed(quotes):
                    if before.sentence != s.index or before.speaker == q.speaker:
                        break
                    if q.content.start < before.content.start:
                        first = before
                # (from the cue of the statement it passes on, with who made it: «أوضح مساهل، خلال ...، أن ...»)
                relay_from = first.cue.start if first.cue is not None and \
                    q.content.start <= first.cue.start < first.content.start else first.content.start
                q.content = doc.span(relay_from, q.content.end)
            topic = _relative_topic(doc, s, a, q, quotes) if role == "verb" else None
            if topic is not None:
                # «وذكر بلاغ للخارجية أن الجهيناوي الذي التقى لافروف ...، عبر عن الارتياح»: the name that opens
                # what the first cue says, described by a relative clause, is the subject of the verb after it —
                # a statement reported inside the first, which runs on to its end
                q.speaker, q.speaker_mention = topic.entity, topic.id
                quotes[-1].content = doc.span(quotes[-1].content.start, max(quotes[-1].content.end, q.content.end))
                nested.add(k)
            q.id = f"q{len(quotes) + 1}"
            quotes.append(q)
            if q.speaker_mention and q.speaker_mention not in speaker_by_id:
                # an unnamed speaker found here («وقال عقيد في الشرطة إن»): a mention made just now, at the end of
                # the list; it speaks on for the participles and subject-less verbs that follow
                made = next((m for m in reversed(doc.mentions) if m.id == q.speaker_mention), None)
                if made is not None:
                    speaker_by_id[made.id] = made
                    speakers.add(made)
            named = speaker_by_id.get(q.speaker_mention or "")
            if named is not None and named.entity and named.end > s.start and \
                    role in ("verb", "continue") and (gender := _cue_gender(s.norms[a], table)) is not None:
                genders.setdefault(named.entity, gender)   # «أن كواريسما أعلن»: the verb names its subject's gender
            reported = k in nested and len(quotes) > 1 and quotes[-2].sentence == s.index and \
                not (named is not None and named.label == "PER" and _issued(doc, s, quotes[-2]))
            if reported or relayed or (a > 0 and s.norms[a - 1] in RELATIVE_PRONOUNS):
                # the sentence's speaker stays the one who reports it; and a relative clause's statement («قطر ...
                # على موقف الجامعة التي استنكرت القصف، مؤكدة») is not the sentence's, whose participles go on (but
                # where the cue it was inside reported nothing, «وبحسب "الفرنسية"، فإن X يعتبر أن», it is the
                # sentence's statement, and X speaks on in «وأضاف»)
                continue
            speaker = speaker_by_id.get(q.speaker_mention or "")
            if speaker is not None and role in ("verb", "continue", "participle"):
                cue_gender = _cue_gender(s.norms[a], table)
                if role == "participle" and speaker.end > s.start and cue_gender is not None and \
                        genders.get(speaker.entity or "") not in (None, cue_gender):
                    # «ذكرت الصحف أن كواريسما أعلن رحيله، معربا عن استعداده»: a participle of the other gender than
                    # the sentence's speaker goes on with the speaker of a statement inside it who agrees with it
                    inner = next((m for x in reversed(quotes[:-1]) if x.sentence == s.index
                                  for m in [speaker_by_id.get(x.speaker_mention or "")]
                                  if m is not None and genders.get(m.entity or "") == cue_gender), None)
                    if inner is not None:
                        q.speaker, q.speaker_mention, speaker = inner.entity, inner.id, inner
                elif speaker.end > s.start:
                    # «وقالت حنان بكار»: the verb says the speaker's gender
                    if cue_gender is not None and speaker.entity:
                        genders.setdefault(speaker.entity, cue_gender)
                elif cue_gender is not None and genders.get(speaker.entity or "") not in (None, cue_gender):
                    # «وأضافت: ...» after a man spoke: the woman who spoke before him, if one did
                    agreeing = next((h for h in reversed(history) if genders.get(h.entity or "") == cue_gender), None)
                    if agreeing is not None:
                        q.speaker, q.speaker_mention, speaker = agreeing.entity, agreeing.id, agreeing
            if speaker is not None and (not history or history[-1] is not speaker):
                history.append(speaker)
            sentence_speaker = speaker or sentence_speaker
            last_speaker = speaker or last_speaker
        for q in _descriptions(doc, s, quotes, speakers, speaker_by_id, table):
            q.id = f"q{len(quotes) + 1}"
            quotes.append(q)
        headline = _headline(doc, s, speakers)
        if headline is not None and not (quotes and quotes[-1].sentence == s.index):
            # (a cue inside the heading that made no quote of its own, «تعثّر المفاوضات يلوّح باحتقان», leaves it
            # the heading's speaker's)
            headline.id = f"q{len(quotes) + 1}"
            quotes.append(headline)
    doc.quotes = _one_statement_per_manner(doc, quotes)
    doc.order_mentions()   # speakers found here joined the mentions: back in text order, references updated


#: how far after a verb that is a cue only before what is said (تحدث) that may begin, past its subject (a title,
#: a comma and the name: تحدث الأمين العام لحركة الشعب، زهير المغزاوي عن)
MAX_SAID_ONLY_REACH = 8

#: how many words after a verb of blame its word of responsibility may stand (حمّلت عبد العزيز والي الجهة مسؤولية)
MAX_BLAME_REACH = 10
#: how far after a verb inside a quotation what it says may begin, for a statement reported within the quotation
MAX_NESTED_REACH = 6
#: ... for a cue that is also a common preposition (بيّن / بين): what is said right after it, or after the name of
#: who says it and a comma
SAID_AT_ONCE_REACH = 5


def _recap(doc: Document, s: SentenceView, before: SentenceView, speakers: _Speakers,
           table: PhraseTable) -> Quote | None:
    """The quote of a sentence that opens «ذلك ما أعلنته X» / «وهذا ما أكده X»: X said the sentence before it (in
    quotation marks, a direct quote), which no one was quoted in."""
    if len(s.norms) < 4 or s.norms[0] not in _RECAP_DEMONSTRATIVES or s.norms[1] != "ما" or \
            doc.blocks[doc.sentences[before.index].block].kind != "paragraph":
        return None
    verb = s.norms[2]
    forms = [verb] + [verb[:-len(end)] for end in ("ها", "ه") if verb.endswith(end)]
    if not any("verb" in table.roles_at([f], 0) for f in forms):
        return None
    speaker = _speaker_after(doc, s, 3, speakers, speech=True)
    if speaker is not None and speaker.label == "TITLE":
        # «ذلك ما أعلنته وزيرة الصحة سميرة مرعي»: who holds the office
        titled = _person_after_title(doc, s, 2, 3, speakers, table)
        speaker = titled[0] if titled is not None and titled[0].start >= speaker.end else speaker
    if speaker is None or not speaker.entity:
        return None
    text = doc.text
    start, end = before.start, before.end
    while end > start and text[end - 1] in ". \u00a0":
        end -= 1
    kind = "indirect"
    if (inside := _in_marks(text, start, end)) is not None:
        kind, (start, end) = "direct", inside
    if end - start < 2:
        return None
    cue = _token_span(s, doc, 2, 3)
    return Quote(id="", kind=kind, speaker=speaker.entity, speaker_mention=speaker.id, cue=doc.span(*cue),
                 content=doc.span(start, end), sentence=s.index)


#: the demonstratives that open a sentence naming who said the one before it (ذلك ما أعلنته، وهذا ما أكده)
_RECAP_DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هو"})


def _says_next(doc: Document, s: SentenceView, b: int, table: PhraseTable, reach: int = MAX_SAID_ONLY_REACH) -> bool:
    """Whether what is said begins within ``reach`` words of ``b``, in the same clause: a complementiser, a colon,
    a quotation or a preposition a cue governs (تحدث الوزير عن)."""
    for i in range(b, min(len(s.norms), b + reach)):
        roles = table.roles_at(s.norms, i)
        if _complementiser(s, i, table) or "preposition" in roles or s.norms[i] in (":", "عما") \
                or _opening(s, i):
            return True
        if s.norms[i] in (".", "؛") or (i > b and _proclitic(doc, s, i) == "و"):
            return False     # «تحدثا هاتفيا أيضا السبت وناقشا»: another clause
    return False


def _split_cue(doc: Document, s: SentenceView, p: int, speakers: _Speakers, table: PhraseTable) -> bool:
    """Whether the word at ``p``, a cue only with its preposition (عبر_عن: alone عبر is «via»), opens a clause and
    has its subject between it and that preposition (وعبر المكتب التنفيذي عن، عبر المفوض النقابي ...، وليد المازني
    عن): a definite word or a name first, then no punctuation but commas and no other cue before the preposition."""
    preps = _split_cue_prepositions(table).get(s.norms[p])
    if not preps or p + 2 >= len(s.norms) or not _starts_statement(doc, s, p, "verb", table):
        return False
    toks = doc.tokens
    assert toks is not None
    named = toks.start[s.view[p + 1]]
    if not (definite(s.norms[p + 1]) or speakers.starting_upto(named, named)):
        return False
    for q in range(p + 2, min(len(s.norms), p + MAX_SPLIT_SUBJECT + 2)):
        if s.norms[q] in preps:
            return True
        roles = table.roles_at(s.norms, q)
        if (toks.kind[s.view[q]] == PUNCT and s.norms[q] not in ("،", ",")) or \
                (roles.keys() & {"complementiser", *_CUE_ROLES} - {"masdar"} and s.norms[q - 1] != "من"):
            return False    # (a masdar is an aside: «وعبر الدكتور الزياني في تصريح صحفي ... عن سعادته»; «من بين
            #                 27 منسقا»: «among», no cue)
    return False


@lru_cache(maxsize=4)
def _split_cue_prepositions(table: PhraseTable) -> dict[str, frozenset[str]]:
    """The cue verbs written only with their preposition (عبر_عن), and those prepositions."""
    out: dict[str, set[str]] = {}
    for key, roles in table.phrases.items():
        if len(key) == 2 and "verb" in roles and not table.phrases.get(key[:1], {}).keys() & set(_CUE_ROLES):
            out.setdefault(key[0], set()).add(key[1])
    return {k: frozenset(v) for k, v in out.items()}


#: a spokesman's office right before the name of whom he speaks for (المتحدث باسم، الناطقة الرسمية باسم), folded
_SPOKESMAN_OF = re.compile(r"^\s*((?:ال)?(?:متحدث|ناطق)[ةه]?(?:\s+(?:ال)?رسمي[ةه]?)?\s+باسم)\s*$")


#: a reporter's byline at the start of a line: «فهد العتيبي- سبق:»، «عبدالرحمن الشهري – المجاردة» (then a line
#: break), or after the place: «حائل - بشير الرشيدي:»
_BYLINE_AFTER = re.compile(r"[ \t\u00a0]*[-–—][ \t\u00a0]*[^\n:.،]{1,25}?(?::|[ \t\u00a0]*\n)")
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[ \t\u00a0]*[^\n\s:.،]+(?:[ \t\u00a0][^\n\s:.،]+)?[ \t\u00a0]*[-–—][ \t\u00a0]*$")


def _bylines(doc: Document) -> set[str]:
    """The ids of the people named as a line's byline: who wrote the report, never who speaks in it."""
    found = set()
    for m in doc.mentions:
        if m.label != "PER":
            continue
        line_start = doc.text.rfind("\n", 0, m.start) + 1
        opens_line = not doc.text[line_start:m.start].strip(" \t\u00a0")
        colon_after = doc.text[m.end:m.end + 3].strip(" ")[:1] == ":"
        if (opens_line and _BYLINE_AFTER.match(doc.text, m.end)) or \
                (colon_after and _BYLINE_BEFORE.search(doc.text[line_start:m.start])):
            found.add(m.id)
    return found


def _one_statement_per_manner(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """«وأضاف فلان قائلاً: "..."»: a verb whose words are only the participle of manner and what it says is one
    statement — the verb's, with the participle's words; so is a source named before its own cue («وبحسب منظمة الفاو
    (...) فقد ذكرت أن»)."""
    kept: list[Quote] = []
    for q in quotes:
        prev = kept[-1] if kept else None
        if prev is not None and prev.cue is not None and q.cue is not None and prev.sentence == q.sentence and \
                prev.speaker == q.speaker and prev.content.end <= q.cue.start and \
                "source" in cues().roles_at([fold(w) for w in prev.cue.text.split()], 0) and \
                len(doc.text[prev.content.start:prev.content.end].split()) <= MAX_APPOSITION_WORDS + 2:
            kept[-1] = q    # «وبحسب منظمة الفاو (منظمة الأغذية والزراعة) فقد ذكرت أن»: the source, then its statement
            continue
        if prev is not None and q.cue is not None and prev.sentence == q.sentence and prev.speaker == q.speaker and \
                prev.content.start <= q.cue.start and q.content.end <= prev.content.end and \
                not doc.text[prev.content.start:q.cue.start].strip():
            prev.content, prev.kind = q.content, q.kind
            continue
        kept.append(q)
    for i, q in enumerate(kept, 1):
        q.id = f"q{i}"
    return kept


#: how many words may stand between the end of what a statement says and the comma before a verb whose subject is
#: the name that statement opens with
MAX_TOPIC_GAP = 4


def _relative_topic(doc: Document, s: SentenceView, a: int, q: Quote, quotes: list[Quote]) -> Mention | None:
    """For a cue verb at ``a`` inside or right after what the sentence's last statement says, when that opens with a
    name followed by a relative clause, the name, the verb's subject; else None:
    - after the comma that closes the statement («أن الجهيناوي الذي التقى لافروف ...، عبر عن»), where the verb named
      no speaker of its own;
    - right after the relative clause («أن الوفد التونسي الذي التقى نائب رئيس مجلس الشعب عبر عن دعمه»), where the
      speaker found for it is a name inside that clause (its object)."""
    if a == 0 or not quotes or quotes[-1].sentence != s.index:
        return None
    toks = doc.tokens
    assert toks is not None
    before = quotes[-1]
    first = next((m for m in doc.mentions_at(before.content.start)
                  if m.entity and m.label in ("PER", "ORG", "NORP")), None)
    if first is None:
        return None
    after = next((i for i, t in enumerate(s.view) if toks.start[t] >= first.end), None)
    if after is None or after >= a or s.norms[after] not in RELATIVE_PRONOUNS:
        return None
    cue_at = toks.start[s.view[a]]
    if s.norms[a - 1] in ("،", ","):
        gap = doc.text[before.content.end:cue_at] if before.content.end <= cue_at else "،"
        if q.speaker != before.speaker or gap.count("،") + gap.count(",") != 1 or \
                len(gap.split()) > MAX_TOPIC_GAP:
            return None     # (what it says may stop short of the comma: «... الروسي المنعقد بأبوظبي،»)
        return first
    clause_start = toks.end[s.view[after]]
    inside = before.content.start < cue_at < before.content.end and \
        not any(s.norms[i] in ("،", ",", ":") or s.norms[i] in RELATIVE_PRONOUNS for i in range(after + 1, a))
    spoken = next((m for m in doc.mentions if m.id == q.speaker_mention), None)
    if inside and spoken is not None and clause_start <= spoken.start and spoken.end <= cue_at:
        return first
    return None


def _issued(doc: Document, s: SentenceView, q: Quote) -> bool:
    """Whether the statement ``q`` of sentence ``s`` is a document's (وذكر بلاغ إعلامي للوزارة أن ...): a word of
    the statement group between its cue and what it says. A person whose words it reports goes on speaking in the
    participles after them («... أن الجهيناوي عبر عن الارتياح ...، مشددا على»)."""
    if q.cue is None:
        return False
    toks = doc.tokens
    assert toks is not None
    words = [i for i, t in enumerate(s.view) if q.cue.start <= toks.start[t] and toks.end[t] <= q.content.start]
    return any("statement" in groups().roles_at(s.norms, i) for i in words)


def _relays(s: SentenceView, p: int, after: int, table: PhraseTable) -> bool:
    """Whether a relay verb (نقل) at ``p`` passes on a statement: its source follows with عن or what is said
    with a complementiser (نقلت رويترز عن الشرطة أن، نقل الوزير أن), or it is the verb of a relative clause about a
    statement (البيان الذي نقلته الوكالة). Otherwise it carries or moves something (نقل مواطن إلى المستشفى)."""
    if p > 0 and s.norms[p - 1] in RELATIVE_PRONOUNS:
        return True
    for i in range(after, min(len(s.norms), after + 8)):
        if s.norms[i] in ("عن", "،", ",") or _complementiser(s, i, table):
            return s.norms[i] not in ("،", ",")
    return False


def _describes_noun(doc: Document, s: SentenceView, p: int, speakers: _Speakers) -> bool:
    """Whether the feminine participle at ``p`` follows an indefinite feminine noun that names no speaker, and so
    agrees with it as its adjective (احتجاجات مطالبة، مسيرة منددة) rather than telling how someone spoke."""
    toks = doc.tokens
    assert toks is not None
    if p == 0 or toks.kind[s.view[p - 1]] in (PUNCT, CLITIC) or definite(s.norms[p - 1]):
        return False
    before, word = (doc.text[toks.start[s.view[i]]:toks.end[s.view[i]]] for i in (p - 1, p))
    at = toks.start[s.view[p - 1]]
    return word.endswith("ة") and before.endswith(("ة", "ات")) and \
        not any(m.end >= toks.end[s.view[p - 1]] for m in speakers.starting_upto(s.start, at))


def _feminine_noun(doc: Document, s: SentenceView, i: int, speakers: _Speakers) -> bool:
    """Whether the word at ``i`` is a definite feminine singular noun as written (الهيئة، الحكومة), not the start of
    a person's name: no subject of a masculine verb before it."""
    toks = doc.tokens
    assert toks is not None
    written = doc.text[toks.start[s.view[i]]:toks.end[s.view[i]]]
    if not (written.startswith("ال") and written.endswith("ة")):
        return False
    # (not a title before the name of its holder: «وأكد الداعية محمد العريفي»)
    upto = toks.start[s.view[min(i + 2, len(s.view) - 1)]]
    return not any(m.label in ("PER", "TITLE") for m in speakers.starting_upto(toks.start[s.view[i]], upto))


def _cue_gender(word: str, table: PhraseTable) -> str | None:
    """The gender a cue word agrees with: F (قالت، تضيف، مؤكدة), M (قال، يضيف، مؤكدا), or None (plural or unknown)."""
    def is_cue(w: str) -> bool:
        return bool(table.roles_at([w], 0).keys() & {"verb", "continue", "participle"})

    if word.endswith(("وا", "ون", "ين")) or (word.endswith("ان") and len(word) > 4):
        return None    # plural or dual (قالوا، يقولون، يقولان); not دان، أدان
    # (دعت، نفت: a defective verb's feminine; normalised, a participle's ة is ه — مؤكدة —, not a verb's own ه: نوه)
    if (word.endswith("ت") and any(is_cue(word[:-1] + last) for last in ("", "ا", "ي"))) or \
            (word.endswith("ه") and is_cue(word[:-1] + "ا")) or (word.startswith("ت") and is_cue("ي" + word[1:])):
        return "F"
    return "M" if is_cue(word) else None


class _Speakers(MentionIndex):
    """The mentions that may speak, by start, and the organisations among them by the first word of their name."""

    __slots__ = ("_by_head", "_by_surname", "_time_starts", "times")

    def __init__(self, mentions: Iterable[Mention], times: Iterable[Mention] = ()) -> None:
        super().__init__(mentions)
        self._by_head: dict[str, MentionIndex] | None = None
        self._by_surname: dict[str, MentionIndex] | None = None
        #: where a date or time phrase starts, and where it ends (أعلن اليوم الأربعاء الشاب فلان)
        self.times: dict[int, int] = {m.start: m.end for m in times}
        self._time_starts = sorted(self.times)

    def times_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The date and time phrases that overlap ``start:end``, as (start, end)."""
        i = bisect_left(self._time_starts, start - MAX_TIME_CHARS)
        out: list[tuple[int, int]] = []
        while i < len(self._time_starts) and self._time_starts[i] < end:
            a = self._time_starts[i]
            if self.times[a] > start:
                out.append((a, self.times[a]))
            i += 1
        return out

    def people(self, surname: str) -> MentionIndex | None:
        """The PER mentions of two words or more whose normalised name ends with the word ``surname``."""
        if self._by_surname is None:
            by_surname: dict[str, list[Mention]] = {}
            for m in self.items:
                words = fold(m.text).split()
                if m.label == "PER" and len(words) > 1:
                    by_surname.setdefault(words[-1], []).append(m)
            self._by_surname = {w: MentionIndex(ms) for w, ms in by_surname.items()}
        return self._by_surname.get(surname)

    def named_before(self, surname: str, offset: int) -> Mention | None:
        """The latest person named in full before ``offset`` whose name ends with ``surname`` (وأضاف اليعقوبي)."""
        people = self.people(surname)
        return people.last_ending_by(offset) if people is not None else None

    def add(self, m: Mention) -> None:
        """Take in a mention made while quotes are read (an unnamed speaker), in start order."""
        k = bisect_right(self.starts, m.start)
        self.items.insert(k, m)
        self.starts.insert(k, m.start)
        self.longest = max(self.longest, m.end - m.start)

    def organisations(self, head: str) -> MentionIndex | None:
        """The ORG mentions whose normalised name starts with the word ``head``."""
        if self._by_head is None:
            by_head: dict[str, list[Mention]] = {}
            for m in self.items:
                if m.label == "ORG":
                    by_head.setdefault(next(iter(fold(m.text).split()), ""), []).append(m)
            self._by_head = {h: MentionIndex(ms) for h, ms in by_head.items()}
        return self._by_head.get(head)


def _starts_statement(doc: Document, s: SentenceView, p: int, role: str, table: PhraseTable,
                      times: dict[int, int] | None = None) -> bool:
    """Whether a cue word at ``p`` opens a statement: at the start of the sentence or of a clause (after a comma,
    a colon, a conjunction such as بينما, or with و/ف attached). A verb inside what is being said (… أن الدعم يعتبر
    …) is part of the content, not a new quote."""
    if role in ("participle", "source", "masdar") or p == 0:
        return True
    toks = doc.tokens
    assert toks is not None
    t = s.view[p]
    if t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t] and toks.norm[t - 1] in ("و", "ف"):
        return True
    prev = s.norms[p - 1]
    if role == "verb" and s.norms[0] in _HEADING_TOPICS and p <= MAX_FRONTED_TOPIC_WORDS + 1 and \
            not any(toks.kind[s.view[i]] == PUNCT for i in range(1, p)) and \
            not any(m.label == "PER" and m.start == toks.start[s.view[1]] for m in doc.mentions):
        # (not «وعن أنس رضي الله عنه قال»: from whom a report is handed down)
        return True    # «وحول عدد المشتركين أفاد التقرير بأن»: what the statement is about, then the statement
    if role == "verb" and times and p <= MAX_FRONTED_TIME_WORDS and _fronted_time(doc, s, p, table, times):
        return True    # «وفي مساء أمس قال الوزير ...»: a time phrase, then the statement
    if role == "verb" and "fronted_when" in table.roles_at(s.norms, 0) and p <= MAX_FRONTED_WHEN_WORDS and \
            "imperfect" not in table.roles_at(s.norms, p) and \
            not any(toks.kind[s.view[i]] == PUNCT or table.roles_at(s.norms, i).keys() & {*_CUE_ROLES, "complementiser"}
                    for i in range(1, p)):
        return True    # «وبعد العشاء أعلن ترامب عن ...»، «وخلال الاجتماع أكد الوزير ...»: when, then the statement
        #                (not «بعد قرار أممي يدين الاستيطان»: an imperfect describing the noun before it)
    linked = table.roles_at(s.norms, 0).get("discourse", (None,))[0]
    if role == "verb" and linked == p:
        return True    # «من جهة أخرى وصف بالحاج ...»: a phrase linking to what came before, then the statement
    if role == "verb" and linked is not None and linked < p <= linked + MAX_LINK_COMPLEMENT_WORDS and \
            (_proclitic(doc, s, linked) in ("ب", "ل") or s.norms[linked] == "من") and \
            not any(toks.kind[s.view[i]] == PUNCT or table.roles_at(s.norms, i).keys() & {*_CUE_ROLES, "complementiser"}
                    for i in range(linked, p)):
        return True    # «وفي سياق متصل ببرنامج الحكومة دعت المنظمة»، «وفي جانب آخر من الندوة أعلنت»: with what it
        #                links to, then the statement
    # «و أعلنت»: the conjunction written apart
    return prev in ("،", ",", ":", "(", "«", "\"", "و", "ف") or "boundary" in table.roles_at(s.norms, p - 1)


#: the longest complement of a linking phrase before a cue (في سياق متصل | ببرنامج الحكومة | دعت)
MAX_LINK_COMPLEMENT_WORDS = 3
#: the longest topic fronted before a cue (وحول عدد المشتركين أفاد)
MAX_FRONTED_TOPIC_WORDS = 5
#: the longest time phrase fronted before a cue (وفي وقت سابق من يوم الثلاثاء قال)
MAX_FRONTED_TIME_WORDS = 7
#: the longest phrase opened by a preposition of time before a cue (وخلال اجتماعه بالوفد | أكد)
MAX_FRONTED_WHEN_WORDS = 4


def _fronted_time(doc: Document, s: SentenceView, p: int, table: PhraseTable, times: dict[int, int],
                  first: int = 0) -> bool:
    """Whether the words from ``first`` to ``p`` are all a time phrase: words of the ``fronted_time`` row or of a
    DATE or TIME mention (``times``: start -> end of each), with at least one date (not «في مساء» alone)."""
    toks = doc.tokens
    assert toks is not None
    dated = False
    i = first
    while i < p:
        start = toks.start[s.view[i]]
        if start in times:
            end = times[start]
            while i < p and toks.start[s.view[i]] < end:
                i += 1
            dated = True
        elif "fronted_time" in table.roles_at(s.norms, i):
            i += 1
        else:
            return False
    return dated


def _token_span(s: SentenceView, doc: Document, a: int, b: int) -> tuple[int, int]:
    toks = doc.tokens
    assert toks is not None
    return toks.start[s.view[a]], toks.end[s.view[b - 1]]


def _past_times(doc: Document, s: SentenceView, b: int, times: dict[int, int]) -> int:
    """The view index past the dates and times (``times``: start -> end of each mention) that start at ``b``."""
    toks = doc.tokens
    assert toks is not None
    while b < len(s.view) and toks.start[s.view[b]] in times:
        end = times[toks.start[s.view[b]]]
        while b < len(s.view) and toks.start[s.view[b]] < end:
            b += 1
    return b


def _speaker_after(doc: Document, s: SentenceView, b: int, speakers: _Speakers, *,
                   speech: bool = False) -> Mention | None:
    """The speaker named right after the cue (proclitics and spaces between allowed): VSO order. A bare title
    may stand before the name (وقالت النائبة عبلة الهواري): up to MAX_TITLE_WORDS plain words are passed over.
    ``speech``: the cue is a speech verb, after which a name carrying ل past the title words is whom it is said to
    (وقال المتحدث لوكالة رويترز), not the speaker; after a source (بحسب بيان للخارجية) it is the source. A date
    right after the cue is passed over (أعلن اليوم الأربعاء الشاب التونسي فلان)."""
    toks = doc.tokens
    assert toks is not None
    b = _past_times(doc, s, b, speakers.times)
    for skip in range(MAX_TITLE_WORDS + 1):
        if b + skip >= len(s.view) or (skip and not _plain_word(doc, s, b + skip - 1)):
            return None
        if skip and _proclitic(doc, s, b) == "ب":
            return None    # «يعترف بأهمية حلف شمال الأطلسي»: what a preposition governs is no subject
        if skip and speech and "object_noun" in cues().roles_at(s.norms, b + skip - 1):
            return None    # «وانتقد النائب تصريحات الوزير محمد العلي»: the name completes the object
        if skip and "aside" in cues().roles_at(s.norms, b + skip - 1) and s.norms[b + skip - 1].endswith("ا"):
            return None    # «فقال مخاطبا أنصار الحزب»: whom he addressed, after the manner of saying, is no speaker
        if s.norms[b + skip] in _OPENERS and b + skip + 1 < len(s.view):
            b += 1   # a name in quotation marks: وكالة "رويترز"، أشارت "نيويورك تايمز"
        found = _speaker_at(doc, s, b + skip, speakers)
        if found is not None and not skip and _proclitic(doc, s, b) == "ب" and found.label in _SETTING_LABELS and \
                found.start >= toks.start[s.view[b]]:
            return None    # «وكان الوزير قد أكد بمجلس نواب الشعب أن»: where he said it, not who says it (a person
            #                the tagger cut after a ب of his name stays: «ندد بان كي مون»، «وقال بلان»)
        if found is not None and skip == 1 and found.label != "PER" and _pronominal_noun(doc, s, b):
            return None    # «وجدّد مطالبته الحكومة بـ»: a noun with its own pronoun right after the cue is what is
            # said, its pronoun the subject (not «قالت زوجته ميساء غانم»: a kinship before a name)
        if found is not None and not skip and _object_group(doc, s, b, speakers, cues()):
            return None    # «وتحذر المواطنين من»: a sound plural in ين is the verb's object, its subject would be in ون
        if found is not None and not skip and found.label == "NORP" and not definite(s.norms[b]) and b > 0 and \
                _object_pronoun(s.norms[b - 1]) and "affiliated" in groups().roles_at(s.norms, b):
            return None    # «وأعلنتها جماعة إرهابية»: what the verb declared its object to be, not who declared it
            #                (but «أكده مصدر أمني»: a source confirmed it)
        if found is not None and any(_governed(doc, s, b + k) for k in range(1, skip + 1)):
            # «أكد الأمين العام للحزب الجمهوري، عصام الشابي، أن»: the name after ل completes the title; the person
            # named next, if any, is the speaker
            gap = _APPOSITION.match(doc.text, found.end)
            end = gap.end() if gap is not None else found.end
            person = next((m for m in speakers.starting_upto(end, end) if m.label == "PER"), None) \
                or _titled_person(doc, s, _view_after(doc, s, end), speakers) \
                or _apposed_person(doc, s, _view_after(doc, s, found.end), speakers)
            return person or (None if speech else found)
        if found is not None and skip and found.label in PLACE_SPEAKERS and \
                not any(title_words().roles_at(s.norms, b + k) for k in range(skip)):
            return None    # «وقال ضيف "بوليتيكا"»: a place (or a programme read as one) that completes a description
        if found is not None and skip and found.label != "PER":
            # «صرح رئيس حركة النهضة، راشد الغنوشي»: the body completes the title; the person named next speaks
            gap = _APPOSITION.match(doc.text, found.end)
            end = gap.end() if gap is not None else found.end
            return next((m for m in speakers.starting_upto(end, end) if m.label == "PER"), found)
        if found is not None:
            return found
    return None


#: «all», normalised: after a verb of calling (دعت كافة أعوان البريد، دعا جميع الأطراف) it opens whom the call is
#: to, not who calls
_ALL = frozenset({"كافه", "جميع", "كل"})


def _object_group(doc: Document, s: SentenceView, b: int, speakers: _Speakers, table: PhraseTable) -> bool:
    """Whether a group named in a sound plural in ين stands right after the cue at ``b`` as its object (وتحذر
    المواطنين والمقيمين من; the subject would be المواطنون) — unless what is said follows it at once, as informal
    copy writes a subject (وقال المحتجين إن)."""
    toks = doc.tokens
    assert toks is not None
    if not (s.norms[b].endswith("ين") and len(s.norms[b]) > 4):
        return False
    start = toks.start[s.view[b]]
    group = next((m for m in speakers.starting_upto(start, start) if m.label == "NORP"), None)
    if group is None and definite(s.norms[b]) and not speakers.starting_upto(start, start) and \
            start not in speakers.times and \
            not title_words().roles_at(s.norms, b):    # (not an office: وقال الأمين العام)
        # a group the tables do not list (ودعا الفاعلين الاقتصاديين إلى): the plural and the adjectives after it
        end = b + 1
        while end < len(s.norms) and definite(s.norms[end]) and s.norms[end].endswith("ين"):
            end += 1
        return not _says_directly(s, end, table)
    return group is not None and not _says_directly(s, _view_after(doc, s, group.end), table)


def _titled_person(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """The person named after up to MAX_TITLE_WORDS title words from ``b`` (المدير الجهوي للأمن بمنوبة | العميد جمال
    الورفلي): the rank before the name of who holds the office."""
    toks = doc.tokens
    assert toks is not None
    i = b
    while i < len(s.norms) and i - b < MAX_TITLE_WORDS and title_words().roles_at(s.norms, i) and \
            toks.kind[s.view[i]] != PUNCT:
        i += 1
    if i == b or i >= len(s.view):
        return None
    start = toks.start[s.view[i]]
    return next((m for m in speakers.starting_upto(start, start) if m.label == "PER"), None)


def _apposed_person(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """The person named after a comma that closes a title (وقال كاتب عام النقابة، فلان; قال النائب بمجلس الشعب
    عن الجبهة، فلان): up to MAX_TITLE_PHRASE words from ``b``, none of them a cue, a complementiser or other
    punctuation than quotation marks and parentheses."""
    toks = doc.tokens
    assert toks is not None
    table = cues()
    for i in range(b, min(len(s.norms), b + MAX_TITLE_PHRASE + 1)):
        if s.norms[i] in ("،", ","):
            if i == b or i + 1 >= len(s.view):
                return None
            start = toks.start[s.view[i + 1]]
            return next((m for m in speakers.starting_upto(start, start) if m.label == "PER"), None)
        if toks.kind[s.view[i]] == PUNCT and s.norms[i] not in "()\"«»“”'":
            return None
        if table.roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES} or \
                _quotation_opens(s, i):
            return None    # (what is said opens, names in it included)
    return None


def _person_after_title(doc: Document, s: SentenceView, a: int, b: int, speakers: _Speakers,
                        table: PhraseTable) -> tuple[Mention, int] | None:
    """The person named at the end of a title in the speaker's place, right before what is said (وأشارت المتحدثة
    باسم شرطة مقاطعة "ناسو" ماري فيرنا إلى أن): the title opens with a title word or a definite noun, runs up to
    MAX_TITLE_PHRASE words with no cue, complementiser or other punctuation than quotation marks, and the name is
    followed by the complementiser, the preposition the cue at ``a`` governs, or a comma (or, past a short office
    in apposition, by a colon or the complementiser). With the person, where what is said may start."""
    toks = doc.tokens
    assert toks is not None
    if b >= len(s.norms) or not (definite(s.norms[b]) or title_words().roles_at(s.norms, b)):
        return None
    for i in range(b + 1, min(len(s.norms), b + MAX_TITLE_PHRASE + 1)):
        if toks.kind[s.view[i]] == PUNCT and s.norms[i] not in "\"«»“”'":
            return None
        if table.roles_at(s.norms, i).keys() & {"complementiser", "object_noun", *_CUE_ROLES} or \
                s.norms[i] in ("الي", "علي") or s.norms[i] in _RELATIVES or _quotation_opens(s, i):
            # «حث المجتمع الدولي على عدم الاعتراف بمحاكمة سيف الإسلام القذافي،»: what is said (but a title may
            # hold عن: «النائب عن اسطنبول مراد اوزشليك»)
            return None
        start = toks.start[s.view[i]]
        person = next((m for m in speakers.starting_upto(start, start) if m.label == "PER"), None)
        if person is None:
            continue
        after = _view_after(doc, s, person.end)
        if after < len(s.norms) and any(m.label == "PER" for m in speakers.starting_upto(
                toks.start[s.view[after]], toks.start[s.view[after]])):
            continue   # «وزير التربية الأسبق في حكومة مهدي جمعة فتحي الجراي»: whose government; the minister follows
        denied = after < len(s.norms) and s.norms[after] == "ما" and "denial" in table.roles_at(s.norms, a)
        if after < len(s.norms) and not _says_directly(s, after, table) and toks.kind[s.view[after]] != PUNCT \
                and not table.roles_at(s.norms, after) and not denied:
            # «الكاتب والمخرج المسرحي فهد بن محمد الأسمري مدرب الدورة: إن»: a short office in apposition, then what
            # is said at once
            after = next((k for k in range(after + 1, min(len(s.norms), after + MAX_APPOSITION_WORDS + 2))
                          if _says_directly(s, k, table) or toks.kind[s.view[k]] == PUNCT
                          or table.roles_at(s.norms, k)), after)
            if not _says_directly(s, after, table):
                return None
        if after < len(s.norms) and "aside" in table.roles_at(s.norms, after):
            # «... المطيري في تصريح له اليوم إلى أن»
            after = _after_aside(doc, s, after, len(s.norms), table, times=speakers.times)
        if after < len(s.norms) and (_complementiser(s, after, table) or
                                     s.norms[after] in ("،", ",", ":") or
                                     denied or
                                     "verb" in table.phrases.get((s.norms[a], s.norms[after]), {}) or
                                     "preposition" in table.roles_at(s.norms, after)):
            return person, after
        return None
    return None


def _titled_source(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """The person a source phrase names after a title, its last words (وفق ما ذكره المدير الجهوي للحماية المدنية
    بمنوبة العميد جمال الورفلي.): up to MAX_TITLE_PHRASE plain words from ``b``, then the name, then the end of the
    sentence or a comma."""
    toks = doc.tokens
    assert toks is not None
    table = cues()
    if b < len(s.norms) and s.norms[b] in ("،", ","):
        b += 1     # «بحسب ما أكدته لمراسل الجوهرة أف أم، فتيحة دحدوح»: past whom it was said to
    commas = 0
    for i in range(b, min(len(s.norms), b + MAX_TITLE_PHRASE + 1)):
        if s.norms[i] in ("،", ",") and i > b and not commas:
            commas += 1
            continue   # «وفق ما أكده والي قبلي، سامي الغابي.»: the title set off from the name
        if toks.kind[s.view[i]] == PUNCT and s.norms[i] not in "()\"«»“”'":
            return None
        if table.roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES}:
            return None
        start = toks.start[s.view[i]]
        person = next((m for m in speakers.starting_upto(start, start) if m.label == "PER"), None)
        if commas and person is None:
            return None    # (after the comma, the name at once)
        if person is not None:
            after = _view_after(doc, s, person.end)
            last = len(s.norms) - (s.norms[-1] == ".")
            return person if after >= len(s.norms) or s.norms[after] in ("،", ",", ".") or \
                _closing_aside(s, after, last, table) or _closing_office(s, after, last) else None
    return None


def _closing_source(doc: Document, s: SentenceView, b: int) -> Mention | None:
    """The source named by the words from ``b`` to the end of the sentence, where they are a short noun phrase (up to
    MAX_UNNAMED_WORDS words, opening with a definite word, a group's head or an office, with no punctuation, cue or
    complementiser) and no document or rule (حسب الأرقام، وفق القانون): a group (NORP) or an office (TITLE) mention
    made here, or None."""
    toks = doc.tokens
    assert toks is not None
    limit = len(s.norms) - (bool(s.norms) and s.norms[-1] == ".")
    if not b < limit or limit - b > MAX_UNNAMED_WORDS:
        return None
    table, group_roles = cues(), groups().roles_at(s.norms, b)
    office = bool(title_words().roles_at(s.norms, b).keys() & {"head", "dependent", "body_head"})
    if not (definite(s.norms[b]) or office or group_roles.keys() & {"head", "plural", "quantifier"}) or \
            group_roles.keys() & {"not_speaker", "statement", "occasion"} or \
            table.roles_at(s.norms, b).keys() & {"rule", "aside", "own_words"} or _proclitic(doc, s, b):
        return None
    if any((toks.kind[s.view[i]] == PUNCT and s.norms[i] not in "\"«»“”") or
           table.roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES} for i in range(b, limit)):
        return None
    start, stop = _token_span(s, doc, b, limit)
    if any(m.start < stop and start < m.end for m in doc.mentions if m.label in SPEAKER_LABELS):
        return None    # a name or office the article's mentions already hold is found by the other rules
    return _group_speaker(doc, start, stop, label="TITLE", entity_label="PER") if office else \
        _group_speaker(doc, start, stop)


#: how often the news writes a definite noun (its masculine form) for it to be known; with a feminine it writes
#: fewer times than the tagger's ADJECTIVE_MIN_FEMININE, it is no adjective (الهجوم 283 / الهجومة 0; but الدائم 23 /
#: الدائمة 23 is one)
NOUN_MIN_COUNT = 20


def _noun_not_adjective(norm: str) -> bool:
    """Whether a definite word is a noun the news knows and not an adjective (no feminine in the news, no ending of
    relation): after a definite head it cannot describe it, so it is a new phrase — the verb's object."""
    from marsad.ner.tagger import ADJECTIVE_MIN_FEMININE
    from marsad.text.tokenize import clitic_rules

    lexicon = clitic_rules().lexicon
    return definite(norm) and not norm.endswith(("ي", "يه", "ين", "ون")) and \
        lexicon.get(norm, 0) >= NOUN_MIN_COUNT and lexicon.get(norm + "ه", 0) < ADJECTIVE_MIN_FEMININE


#: the possessive pronouns a noun may end in (كلمته، تصريحها، مواقفهم)
_POSSESSIVE_ENDINGS = ("هما", "هم", "ها", "ه")


def _possessed_noun(norm: str) -> bool:
    """Whether a word is a noun the news knows with a possessive pronoun on it (كلمته، حديثها): no adjective of
    the office before it, but a new phrase — the verb's object. Not a word of reference back (نفسه، ذاته)."""
    from marsad.text.tokenize import clitic_rules

    if norm in _row_words("groups.tsv", "same_after") or definite(norm):
        return False    # (a definite word takes no possessive: السعودية ends in ة, no pronoun)
    ending = next((e for e in _POSSESSIVE_ENDINGS if norm.endswith(e) and len(norm) > len(e) + 2), None)
    if ending is None:
        return False
    stem = norm[:-len(ending)]
    stem = stem[:-1] + "ه" if stem.endswith("ت") else stem   # (كلمت-ه: the noun كلمة)
    return clitic_rules().lexicon.get(stem, 0) >= NOUN_MIN_COUNT


def undescribing(head: str, word: str) -> bool:
    """Whether a ``word`` right after a definite ``head`` noun cannot describe it, so starts a new phrase (the verb's
    object: «وطالب الحزب السلطة القائمة»، «واختتم الوزير كلمته»): a feminine definite word after a masculine head,
    a definite noun the news knows with no feminine of its own, or a noun with a possessive."""
    if not definite(word):
        return _possessed_noun(word)
    if word.endswith("ه") and not head.endswith("ه"):
        return True
    return (not word.endswith("ه") and _noun_not_adjective(word)) or _possessed_noun(word)


def _body_head(norm: str) -> bool:
    """Whether a word is the definite head of organisation names (الهيئة، المنظمة، المجلس): alone right after a cue,
    before the preposition the cue governs (حذرت الهيئة من، طالبت المنظمة بـ), the body that speaks."""
    from marsad.ner.organisations import heads

    return definite(norm) and "head" in heads().roles_at([norm], 0)


def _closing_office(s: SentenceView, p: int, limit: int) -> bool:
    """Whether the words from ``p`` to the end of the sentence are the office of the person named before them, with no
    comma (فتيحة دحدوح رئيسة مكتب جندوبة المتنقل للانتخابات.)."""
    return p < limit and bool(title_words().roles_at(s.norms, p).keys() & {"head", "dependent", "body_head"}) and \
        _runs_to_the_end(s, p, limit, cues())


#: the longest title passed over to the name after its comma
MAX_TITLE_PHRASE = 12
#: words (and commas) between a cue and its preposition that may name its subject (عبر المكتب السياسي لحزب المسار
#: ... عن; «عبّر 21 منسقا جهويا، من بين 27 منسقا، لحركة نداء تونس في بيان، عن»)
MAX_SPLIT_SUBJECT = 16


def _plain_word(doc: Document, s: SentenceView, i: int) -> bool:
    """A word that may sit between a cue and its speaker's name: not punctuation, not a complementiser or
    preposition, not a cue."""
    toks = doc.tokens
    assert toks is not None
    if toks.kind[s.view[i]] == PUNCT:
        return False
    return not (cues().roles_at(s.norms, i).keys() & {"complementiser", "preposition", *_CUE_ROLES})


def _person_next(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether a person's name starts at the word ``i``."""
    toks = doc.tokens
    assert toks is not None
    return i < len(s.view) and any(m.label == "PER" and m.start == toks.start[s.view[i]] for m in doc.mentions)


def _pronominal_noun(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether the word at ``i`` is an indefinite noun written with a third-person pronoun (مطالبته، دعوتها) that is
    no title word nor cue: after a verb (وجدّد مطالبته الحكومة بـ) it is the object whose pronoun is the subject."""
    toks = doc.tokens
    assert toks is not None
    word = doc.text[toks.start[s.view[i]]:toks.end[s.view[i]]]
    return len(word) > 4 and word.endswith(WRITTEN_POSSESSIVES) and not definite(s.norms[i]) and \
        not title_words().roles_at(s.norms, i) and not cues().roles_at(s.norms, i)


def _speaker_at(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    if b >= len(s.view):
        return None
    toks = doc.tokens
    assert toks is not None
    t = s.view[b]
    word_start = t
    while word_start > 0 and toks.word[word_start - 1] == toks.word[t]:
        word_start -= 1
    for m in speakers.starting_upto(toks.start[word_start], toks.start[t])[:1]:
        if m.label == "TITLE":
            # «الرئيس الأوكراني زيلينسكي»: the title's person, or the name right after it, past an acronym in
            # parentheses («الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته»)
            end = m.end
            aside = _PARENTHESIS.match(doc.text, end) or _APPOSITION.match(doc.text, end)
            if aside is not None:
                end = aside.end()
            end = after_honorifics(doc.text, end)   # «وزير الخارجية الأستاذ عادل الجبير»
            # (not a name the title speaks to: «وقال وزير الخارجية لوكالة الأناضول»)
            # (a person: not the cue's object, «وانتقد رئيس الحكومة المستثمرين الخواص»)
            after = next((n for n in speakers.starting_upto(end, end + 1) if n.label == "PER"
                          and doc.text[end:n.start] not in ("ل", "ب")), None)
            return after or m
        return m
    return None


#: what may stand between a title and the name in apposition to it: spaces and a comma
_APPOSITION = re.compile(r"\s*[،,]?\s*[\"«“]?\s*")   # and a name in quotation marks: «المدعية العامة " فاتو بنسودا "»
#: a short parenthesis after a title, before the name: « (الناتو) »
_PARENTHESIS = re.compile(r"\s*\([^()\n]{1,40}\)\s*")


#: speakers that are places: written after a preposition (بالمحكمة الابتدائية بقابس) they end a phrase of place
PLACE_SPEAKERS = frozenset({"GPE", "LOC", "FAC"})


#: what may stand between a speaker named before the cue and the cue (أما الوزير فإنه قال; فإنه not after a comma:
#: «ورغم أن إردوغان لم يشر إلى حزب العمال، فإنه قال» — the party ends the concessive clause, it does not speak)
_BEFORE_CUE = frozenset({"", "ف", "قد", "فقد", "وقد", "فإنه", "فانه", "فإنها", "فانها", "فإنهم", "فانهم",
                         # a relative clause about the name before it (فلان الذي أكد في تصريح ... أن)
                         "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})


def _speaker_before(doc: Document, s: SentenceView, a: int, speakers: _Speakers) -> Mention | None:
    """The speaker named right before the cue: SVO order («زيلينسكي قال»); not whom something is said to («وفي
    تصريح لصحيفة "عكاظ" قال إنه»)."""
    toks = doc.tokens
    assert toks is not None
    cue_start = toks.start[s.view[a]]
    said_in = next((k for k in range(a - 1, max(0, a - 4), -1)
                    if groups().roles_at(s.norms, k).keys() & {"statement", "occasion"}), None) \
        if a > 1 and a + 1 < len(s.norms) and s.norms[a + 1] in ("فيه", "فيها") else None
    if said_in is not None:
        # «أصدرت وزارة الداخلية بيانا قالت فيه: ...»، «ألقى الوزير خالد العمري كلمة قال فيها»، «أقامت ناسا مؤتمرا
        # صحفيا اليوم أعلنت فيه»: who issued the statement or held the occasion it was said in, named before it
        issued = toks.start[s.view[said_in]]
        # (a date may stand between: «وأصدر الحزب اليوم الثلاثاء بيانا أكد فيه»)
        issuer = [m for m in speakers.starting_upto(s.start, issued) if m.end <= issued
                  and not _without_times(doc.text, m.end, issued, speakers).strip(" ،,\u00a0")
                  and not _after_preposition(doc.text, m.start)]
        if issuer:
            return issuer[-1]
    before = [m for m in speakers.starting_upto(s.start, cue_start) if m.end <= cue_start and not _addressed(doc, s, m)
              and doc.text[m.end:cue_start].strip(" ،,\u00a0") in _BEFORE_CUE
              and not (len(doc.text[m.end:cue_start].strip(" ،,\u00a0")) > 3 and
                       ("،" in doc.text[m.end:cue_start] or "," in doc.text[m.end:cue_start]) and
                       # (a relative after a comma is the name's: «سليم الرياحي، الذي نفى»)
                       fold(doc.text[m.end:cue_start].strip(" ،,\u00a0")) not in _RELATIVES)]
    if before and before[-1].label in ("ORG", "GPE", "NORP") and _genitive_of_governed(doc, before[-1]) and \
            a + 1 < len(s.view) and speakers.starting_upto(toks.start[s.view[a + 1]], toks.start[s.view[a + 1]]):
        # «وفي سياق متصل ببرنامج الحكومة دعت المنظمة»: a noun's genitive after a preposition is no subject where
        # one follows the verb (but «قضت محكمة بحق ناشط دعا إلى»: the one the relative clause is about)
        return None
    if before and before[-1].label in PLACE_SPEAKERS and _in_place_phrase(doc.text, before[-1].start):
        return None   # «ملصقات في مساجد في منطقة الأحساء يدعو فيها»: a place of a phrase a preposition governs
    if before and before[-1].label in PLACE_SPEAKERS and _after_preposition(doc.text, before[-1].start):
        # «بالمحكمة الابتدائية بقابس، وقد أوضح»: a place after a preposition is no subject; «وزارة الأمن القومي في
        # كوريا الشمالية أعلنت»: the body it completes is
        place = before[-1]
        return next((m for m in speakers.starting_upto(s.start, place.start) if m.label in ("ORG", "NORP")
                     and re.fullmatch(r"\s+في\s+", doc.text[m.end:place.start])
                     and not _after_preposition(doc.text, m.start)), None)   # (not «بالسفارة الأميركية في القاهرة»)
    if before and fold(doc.text[before[-1].end:cue_start].strip(" ،,\u00a0")) in _RELATIVES and (
            _object_pronoun(s.norms[a]) or (a + 1 < len(s.view) and any(
                m.label in SPEAKER_LABELS for m in speakers.starting_upto(toks.start[s.view[a + 1]],
                                                                          toks.start[s.view[a + 1]])))):
        return None   # «أرقام البنك الدولي التي أوردتها منظمة الصحة»: what the clause is about, not its subject
    relative = fold(doc.text[before[-1].end:cue_start].strip(" ،,\u00a0")) if before else ""
    if relative in _RELATIVE_GENDER and _cue_gender(s.norms[a], cues()) not in (None, _RELATIVE_GENDER[relative]):
        return None   # «في تونس، التي قال إنها "بلد آمن"»: a relative the verb does not agree with is its topic
    if before and before[-1].label in ("ORG", "TITLE", "GPE"):
        # «وكان راشد الغنوشي رئيس حركة النهضة التونسية اعترف بأنه»: the person, then his office in apposition
        office = next((m for m in speakers.starting_upto(s.start, before[-1].start) if m.label == "TITLE"
                       and m.end >= before[-1].end), None)
        if office is not None:
            person = next((m for m in speakers.starting_upto(s.start, office.start) if m.label == "PER"
                           and not doc.text[m.end:office.start].strip(" ،,\u00a0")), None)
            if person is not None:
                return person
    return before[-1] if before else None


def _without_times(text: str, start: int, end: int, speakers: _Speakers) -> str:
    """The text from ``start`` to ``end`` with the dates and times in it left out."""
    out, at = [], start
    for a, b in speakers.times_within(start, end):
        out.append(text[at:max(at, a)])
        at = max(at, b)
    out.append(text[at:end])
    return "".join(out)


#: words that open a clause of contrast with a subject of its own (فيما وجّه فلان، بينما أكد فلان، في حين)
_CONTRAST = frozenset({"فيما", "بينما", "حين"})


def _contrast_subject(doc: Document, s: SentenceView, a: int, speakers: _Speakers,
                      table: PhraseTable) -> Mention | None:
    """The subject named right after the verb that follows the last clause of contrast (فيما، بينما، في حين) before
    the participle at ``a``, where that verb is no cue (a cue there made its own statement) and no other cue stands
    between; or None."""
    toks = doc.tokens
    assert toks is not None
    for k in range(a - 1, 0, -1):
        if table.roles_at(s.norms, k).keys() & set(_CUE_ROLES) or s.norms[k] in (".", ":", "؛"):
            return None
        if s.norms[k] not in _CONTRAST or s.norms[k - 1] not in ("،", ",", "في"):
            continue
        if k + 2 >= a or definite(s.norms[k + 1]) or \
                speakers.starting_upto(toks.start[s.view[k + 1]], toks.start[s.view[k + 1]]):
            return None
        subject = _speaker_after(doc, s, k + 2, speakers)
        return subject if subject is not None and subject.end <= toks.start[s.view[a]] and \
            subject.label in ("PER", "ORG", "NORP", "TITLE") else None
    return None


def _titled_subject(doc: Document, s: SentenceView, a: int) -> tuple[int, int] | None:
    """The span of an office that opens the sentence as the subject of the cue at ``a`` (وزير ألماني يحذر من، رئيس
    الجمعية يدعو إلى): up to MAX_TITLED_SUBJECT_WORDS words, no punctuation, no mention, headed by a title word."""
    toks = doc.tokens
    assert toks is not None
    if not 0 < a <= MAX_TITLED_SUBJECT_WORDS or "head" not in title_words().roles_at(s.norms, 0) or \
            any(toks.kind[s.view[i]] in (PUNCT, CLITIC) for i in range(a)):
        return None
    start, stop = _token_span(s, doc, 0, a)
    if any(m.start < stop and m.end > start for m in doc.mentions if m.label != "NORP"):
        return None
    return start, stop


#: the longest office opening a sentence as the subject of its cue
MAX_TITLED_SUBJECT_WORDS = 3


def _object_pronoun(norm: str) -> bool:
    """Whether a cue verb carries an object pronoun (أوردتها، أكده): its subject is someone else."""
    table = cues()
    return any("verb" in table.roles_at([stem], 0) for stem in object_stems(norm))


#: words of a sentence's opening that never precede its subject: prepositions and the journalist's own voice
_NO_SUBJECT_BEFORE = frozenset({"ان", "انه", "في", "على", "علي", "من", "الى", "الي", "عن", "مع", "بعد", "قبل", "منذ",
                                "خلال", "حيث", "كما", "لكن", "اذا", "لو", "يذكر", "يشار", "ذلك", "هذا", "هذه"})


def _definite_as_written(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether the word at ``i`` carries the article as written: not a verb whose hamza normalises to it (ألقى،
    ألغى، ألمح read القي، الغي)."""
    toks = doc.tokens
    assert toks is not None
    return definite(s.norms[i]) and not doc.text[toks.start[s.view[i]]:toks.end[s.view[i]]].startswith("أ")


def _subject(doc: Document, s: SentenceView, speakers: _Speakers, table: PhraseTable) -> Mention | None:
    """The person a sentence opens with as its subject: named first (فلان يزور) or right after the first word, its
    verb (هنأ فلان، وكان فلان قد), past a «for his part» (من جهته، بدوره); None where the opening is a preposition,
    a cue or the journalist's aside (يذكر أن فلان)."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    i = 0
    if i + 1 < n and s.norms[i] == "من" and "boundary" in table.roles_at(s.norms, i + 1):
        i += 2
    elif i < n and "boundary" in table.roles_at(s.norms, i):
        i += 1
    if i < n and s.norms[i] in ("،", ","):
        i += 1
    after_verb = i + 1
    honorifics = title_words()
    while after_verb < n and (hit := honorifics.roles_at(s.norms, after_verb).get("honorific")) is not None:
        after_verb = hit[0]    # «هنأ د. فلان»، «قال الشيخ فلان»
    if after_verb < n:
        # «ألقى الوزير خالد العمري كلمة»: an office, then who holds it
        word = toks.start[s.view[after_verb]]
        office = next((m for m in speakers.starting_upto(word, word) if m.label == "TITLE"), None)
        if office is not None:
            after_verb = _view_after(doc, s, office.end)
        elif (head := honorifics.roles_at(s.norms, after_verb).get("head")) is not None:
            after_verb = head[0]
    for j in (i, after_verb):
        if j >= n or (j > i and (s.norms[i] in _NO_SUBJECT_BEFORE or _definite_as_written(doc, s, i) or
                                 toks.kind[s.view[i]] == PUNCT or table.roles_at(s.norms, i))):
            return None
        at = speakers.starting_upto(toks.start[s.view[j]], toks.start[s.view[j]])
        person = next((m for m in at if m.label == "PER"), None)
        if person is not None:
            return None if _after_preposition(doc.text, person.start) else person
    return None


def _quote(doc: Document, s: SentenceView, a: int, b: int, role: str, limit: int, speakers: _Speakers,
           sentence_speaker: Mention | None, last_speaker: Mention | None, table: PhraseTable, *,
           said: str | None = None, svo: bool = False, going_on: bool = False,
           fronted: bool = False) -> Quote | None:
    """The quote a cue at ``a:b`` opens, or None. ``said``: the speaker of a quote the sentence already has (a
    source phrase at its end naming the same speaker only repeats that attribution; one naming another is a quote
    of its own: «أعلنت السلطات ...، وفق ما أوردته وكالة الأنباء»). ``svo``: the cue stands inside a clause
    («كوريا الشمالية تطالب أمريكا بـ...»): the name right before it, if any, is its subject. ``going_on``: the
    cue opens the sentence right after one that quoted someone, who goes on speaking when no subject is named
    («... وانتقد الوضع السياسي القائم»: what follows the verb is its object). ``fronted``: the cue follows a
    masdar's phrase (وفي تصريح للصحفيين أكد الوزير): what that phrase names is no subject."""
    toks = doc.tokens
    assert toks is not None
    speaker: Mention | None = None
    content_from = b
    if role == "source":
        b = _past_relative_verb(doc, s, b, table, speakers.times, fused=_fused_source(s, a, b))
        if b > a + 1 and b < len(s.norms) and (_proclitic(doc, s, b) == "ل" or s.norms[b] == "ل"):
            b = _past_medium(doc, s, b, speakers)   # «وفق ما أكده للجوهرة "اف ام" الناطق الرسمي ...»: to whom
        elif b > a + 1 and b < len(s.norms) and not any(
                w.endswith(("ت", "ته", "تها", "تهم")) for w in s.norms[a + 1:b]):
            # «وفق ما أفاد به وكالة تونس إفريقيا للأنباء فلان»: a masculine verb, whose subject no medium named as a
            # feminine (وكالة، صحيفة) is, informed it (not «وفقا لما ذكرته وكالة الأنباء»: the agency said)
            b = _past_informed_medium(doc, s, b, speakers)
        if b < len(s.norms) and _with_possessive(doc, s, b, speakers):
            # «بحسب تعبيره لـ"الجوهرة اف أم"»، «حسب قولها»: by the words of whom the pronoun refers to, the last
            # speaker; whom it was said to is no source. In a sentence that quotes someone already, they are the
            # words of that statement («وأوضح فلان أن ... وفق قوله»): no quote of their own
            if sentence_speaker is not None or last_speaker is None or said == last_speaker.entity:
                return None
            speaker, content_from = last_speaker, b + 1
        elif (told := _statements_told(doc, s, b, limit)) is not None:
            # «...، بحسب تصريحات لمراسلتنا.»: statements to a medium, no one named — those of whoever spoke last
            if sentence_speaker is not None or last_speaker is None or said == last_speaker.entity:
                return None
            speaker, content_from = last_speaker, told
        elif b + 1 < len(s.norms) and "statement" in groups().roles_at(s.norms, b) and \
                "received" in cues().roles_at(s.norms, b + 1):
            # «بحسب بلاغ تلقت الجوهرة أف أم نسخة منه»: whoever received a copy does not speak; the statement does,
            # for an issuer the sentence does not name — the body or person quoted last, else the statement itself
            toks = doc.tokens
            assert toks is not None
            speaker = last_speaker if last_speaker is not None and last_speaker.label in _ISSUER_LABELS else \
                _group_speaker(doc, toks.start[s.view[b]], toks.end[s.view[b]])
            content_from = b + 1
            if a > 0 and s.norms[a - 1] in ("،", ","):
                # (set off in the middle of its clause, it attributes the whole clause, as a source there does)
                return _make(doc, s, 0, limit, speaker, a, b, limit=limit)
    # «كما عبر عن استنكار ...»: a cue written with its preposition has left its subject out (it would stand before
    # the preposition: عبر الوزير عن)
    adverb = b - a >= 2 and role in ("verb", "continue") and "preposition" in table.roles_at(s.norms, b - 1)
    # ... and a name after it is what is said («وأكد على ضرورة مساندة يوسف الشاهد»), not who says it (but «نقل عن
    # الوزير» names whom it relays)
    no_subject_after = adverb and "relay" not in table.roles_at(s.norms, a)
    # «فأبلغوا السلطات التركية»: a verb before its subject does not take the plural, so a plural verb's subject is
    # its pronoun and the noun after it is its object
    plural = role in ("verb", "continue") and s.norms[a].endswith(("وا", "ون")) and \
        "relay" not in table.roles_at(s.norms, a)
    no_subject_after = no_subject_after or plural
    honorific = False    # «وقال سموه»: a person, with the honour of his office, speaks
    while b < len(s.norms) and ("adverb" in table.roles_at(s.norms, b) or
                                (role in ("verb", "continue") and b + 1 < len(s.norms) and
                                 (_accusative(doc, s, b, speakers) or
                                  # «وأكد مجددا أن»: a participle right before what is said is the verb's manner
                                  ("participle" in table.roles_at(s.norms, b) and
                                   _complementiser(s, b + 1, table))) and
                                 s.norms[b + 1] != "من" and _proclitic(doc, s, b + 1) != "ل")):
        # «كما أعلنت أيضا التقدم بمبادرة»، «صرح مرارا أنه»: also, and then what is said — a subject would stand
        # before it (not the object «أبدت استعدادا لمراجعة»، «اتهمت عددا من المواطنين»)
        honorific = honorific or "honorific" in table.roles_at(s.norms, b)
        b += 1
        content_from, adverb = b, True
    if role in ("verb", "continue") and b + 1 < len(s.norms) and s.norms[b] == "من" and \
            "boundary" in table.roles_at(s.norms, b + 1):
        b += 2   # «وقال من جهته الوزير إن»: for his part, and then who speaks
        content_from = b
    # «ودعا الهيئة العليا للانتخابات إلى»: a masculine verb before a feminine noun does not agree with it — the noun
    # is its object, and the verb's subject the one already speaking
    object_after = role in ("verb", "continue") and b < len(s.norms) and _cue_gender(s.norms[a], table) == "M" and \
        _feminine_noun(doc, s, b, speakers)
    # «ودعت كافة أعوان البريد للالتحاق»: whom a call is to, all of them, is its object
    called_all = role == "verb" and b < len(s.norms) and s.norms[b] in _ALL and \
        "verb" in table.phrases.get((s.norms[a], "الي"), {})
    no_subject_after = no_subject_after or object_after or called_all or \
        (role in ("verb", "continue") and b < len(s.norms) and _object_group(doc, s, b, speakers, table))
    # («ودعا الفاعلين الاقتصاديين الإيطاليين إلى»: a group in ين right after the verb is its object)
    if role in ("verb", "continue") and b < len(s.norms) and "audience" in table.roles_at(s.norms, b):
        b += 1   # «وأكد لي رئيس القسم أن»: to me, and then who speaks
        content_from = b
    if svo and role == "verb":
        speaker = _speaker_before(doc, s, a, speakers)
        if speaker is not None and _after_preposition(doc.text, speaker.start) and \
                _speaker_after(doc, s, b, speakers, speech=True) is not None:
            speaker = None    # «رئيسا للفلبين اعلن رئيس البلاد»: the name a preposition governs is no subject
        if speaker is not None and _name_quoted_at(doc, s, b) and \
                _says_directly(s, next(i for i in range(b + 1, len(s.norms)) if s.norms[i] in _CLOSERS) + 1, table):
            speaker = None    # «... مارين لوبان كشف "جون لويس بوكارنوت" أنها»: the name quoted after the cue speaks
        if speaker is None and (office := _titled_subject(doc, s, a)) is not None:
            # «وزير ألماني يحذر من موجة لجوء»: an office the article does not name, as the subject
            speaker = _group_speaker(doc, *office, label="TITLE", entity_label="PER")
        if speaker is not None:
            return _make(doc, s, _after_aside(doc, s, b, limit, table, times=speakers.times), limit, speaker, a, b,
                         limit=limit, table=table)
    if role in ("verb", "continue") and b < len(s.norms) and (s.norms[b] == "ل" or _audience(doc, s, b)) and \
            (told_first := _told_then_speaker(doc, s, a, b, speakers, table)) is not None:
        # «أكد لـ«عكاظ» الدكتور أحمد الصغير مدير الشؤون الصحية، أن»: to whom, then who speaks
        speaker, content_from = told_first
        return _make(doc, s, _after_aside(doc, s, content_from, limit, table, times=speakers.times), limit, speaker,
                     a, b, limit=limit,
                     table=table)
    calls = "verb" in table.phrases.get((s.norms[a], "الي"), {})    # دعا لـ is دعا إلى: what is called for
    if role in ("verb", "continue") and _audience(doc, s, b) and not calls:
        # «وقالت للصحفيين في بروكسل: ...»: who is told, not who speaks; the speaker is the subject named before
        start = _after_aside(doc, s, b + 1, limit, table, opened=True, times=speakers.times)
        if start == b + 1 and not _says_directly(s, start, table):
            return None
        speaker = (_speaker_before(doc, s, a, speakers) or sentence_speaker or
                   _nearest_before(doc, s, a, speakers, sentence_only=True) or last_speaker)
        if speaker is None:
            return None
        return _make(doc, s, start, limit, speaker, a, b, limit=limit, table=table)
    if speaker is None and role == "verb" and a > 1 and s.norms[a - 1] == "قد":
        # «وكان خان قد طالب المحكمة العليا بتشكيل لجنة»: the subject stands between كان and قد, however long its
        # phrase («وكان أعضاء المكتب الجهوي للاتحاد الوطني الحر بسوسة، قد أعلنوا»: the body whose members speak);
        # the noun after the cue is its object
        k = next((k for k in range(a - 2, max(-1, a - 2 - MAX_COPULA_SUBJECT), -1)
                  if "copula" in table.roles_at(s.norms, k)), None)
        if k is not None and k + 2 < a and "member" in groups().roles_at(s.norms, k + 1):
            k += 1
        if k is not None and k == a - 2:
            speaker = _speaker_before(doc, s, k, speakers)    # «أن مرزوق كان قد أعلم»: the subject before كان
        elif k is not None:
            at = toks.start[s.view[k + 1]]
            speaker = next((m for m in speakers.starting_upto(at, at) if m.end <= toks.start[s.view[a]]), None)
    if role in ("verb", "continue") and not no_subject_after and speaker is None and \
            (holder := _title_then_object(doc, s, b, speakers)) is not None:
        speaker, content_from = holder, b + 1
    if role in ("verb", "masdar", "source", "continue") and not no_subject_after and speaker is None and \
            not (role == "verb" and b < len(s.norms) and "stance_noun" in table.roles_at(s.norms, b)):
        # (not a group inside the object a stance noun opens: «كما أكد ضرورة حماية السكان»)
        speaker = _speaker_after(doc, s, b, speakers, speech=role in ("verb", "continue"))
        if speaker is not None:
            content_from = _view_after(doc, s, speaker.end)
            if content_from < len(s.norms) and s.norms[content_from] in _CLOSERS and \
                    doc.text[max(0, speaker.start - 3):speaker.start].rstrip()[-1:] in _OPENERS:
                content_from += 1    # وكالة "رويترز"
            content_from = _skip_apposition(doc, s, content_from, speakers)
            if speaker.label in ("ORG", "GPE", "PER") and toks.start[s.view[b]] < speaker.start and \
                    title_words().roles_at(s.norms, b).keys() & {"head", "dependent", "body_head"} and \
                    (speaker.label != "PER" or (not definite(s.norms[b]) and b + 1 < len(s.view) and
                                                toks.start[s.view[b + 1]] == speaker.start)):
                # «وأشار وكيل وزارة الشؤون البلدية ... المهندس عبدالله المطيري»، «مفتي أستراليا»، «نائب خادم
                # الحرمين» (a person right after an office in construct): the body, country or person is the office's
                # genitive — who holds the office speaks: the person named after it, else the office
                titled = _person_after_title(doc, s, a, b, speakers, table)
                if titled is not None and titled[0].start >= speaker.end:
                    speaker, content_from = titled
                else:
                    speaker = _group_speaker(doc, toks.start[s.view[b]], speaker.end, label="TITLE",
                                             entity_label="PER")
            if speaker.label == "TITLE":
                # «وأوضح المتحدث الرسمي لمديرية الدفاع المدني بمنطقة جازان الرائد يحيى القحطاني أنه»: the office,
                # then who holds it — the person speaks
                titled = _person_after_title(doc, s, a, b, speakers, table)
                person = (_apposed_person(doc, s, _view_after(doc, s, speaker.end), speakers) or
                          _titled_source(doc, s, b, speakers)) if titled is None and role == "source" else None
                if titled is not None and titled[0].start >= speaker.end:
                    speaker, content_from = titled
                elif person is not None:
                    # «وفق ما أكده ... الناطق الرسمي باسم نقابة الشرطة البلدية، منتصر بالله بربيرو»
                    speaker, content_from = person, _view_after(doc, s, person.end)
                elif speaker.start == toks.start[s.view[b]]:
                    speaker = _office_holder_before(doc, speaker, speakers) or speaker
            if "relay" in table.roles_at(s.norms, a):
                speaker, content_from = _relayed(doc, s, content_from, speakers, table) or (speaker, content_from)
    if speaker is None and role in ("verb", "continue") and b + 3 < len(s.norms) and _opening(s, b) and \
            s.norms[b + 2] in _CLOSERS and s.norms[b + 3] == ":" and _person_word(s.norms[b + 1]):
        # «وقال "مضحي": "..."»: a name quoted right after the cue, then a colon — one named before, or a person
        inner = _token_span(s, doc, b + 1, b + 2)
        speaker = speakers.named_before(s.norms[b + 1], inner[0]) or \
            _group_speaker(doc, *inner, label="PER")
        content_from = b + 4
    if speaker is None and role in ("verb", "continue", "masdar") and b < len(s.norms) and not no_subject_after:
        # «وأضاف اليعقوبي أن»: a surname the tagger did not mark, of a person named in full before
        speaker = None if _governed(doc, s, b) else speakers.named_before(s.norms[b], _token_span(s, doc, b, b + 1)[0])
        if speaker is not None:
            content_from = _skip_apposition(doc, s, b + 1, speakers)
    if speaker is None and role in ("verb", "continue") and not no_subject_after:
        # «كما أضاف المتحدث بأن»: the title alone, of someone it named before
        speaker = _title_reference(doc, s, b, speakers, table)
        if speaker is not None:
            content_from = b + 1
    if speaker is None and role == "source":
        speaker = _titled_source(doc, s, b, speakers)
        if speaker is None and b < len(s.norms) and definite(s.norms[b]) and \
                (b + 1 == len(s.norms) or s.norms[b + 1] in ("،", ",", ".")):
            # «... خلال الاحتجاجات حسب المعتمد.»: the office alone, of the person it titled before
            speaker = _titled_before(doc, s, b, speakers)
        issued = _statement_issuer(doc, s, b, speakers) if speaker is None else None
        if issued is not None:
            speaker, content_from = issued
        if speaker is None:
            speaker = _group_named_before(doc, s, b, speakers)
        named = b + (b + 1 < len(s.norms) and s.norms[b] in _DEMONSTRATIVES)   # «في هذا البيان»
        if speaker is None and named < len(s.norms) and definite(s.norms[named]) and \
                "statement" in groups().roles_at(s.norms, named) and \
                (named + 1 == len(s.norms) or s.norms[named + 1] in ("،", ",", ".") or
                 _complementiser(s, named + 1, table)):
            # «...، حسب البيان.»، «وجاء في البيان أن»: the statement named before, whose issuer speaks
            speaker = _issuer(doc, s, named, toks.end[s.view[named]], speakers)
            if speaker is not None and named + 1 < len(s.norms) and _complementiser(s, named + 1, table):
                issued, content_from = (speaker, named + 1), named + 1   # what it says follows the complementiser
        if speaker is not None and issued is None:
            content_from = _view_after(doc, s, speaker.end)
        elif (same := _same_source(s, b)) is not None and last_speaker is not None and sentence_speaker is None:
            # «وتم إيداع المتهم، حسب ذات المصدر، بسجن المرناقية»، «... وفق المصدر نفسه.»: the source quoted last
            speaker, content_from = last_speaker, same
        elif a > 0 and s.norms[a - 1] in ("،", ",") and (closing := _closing_source(doc, s, b)) is not None:
            # «...، وفق الإعلامي الليبي.»، «...، حسب منظمي هذا اللقاء.»، «...، وفق ما أكده والي قبلي.»: a short
            # description ends the sentence after its comma — the source, a group or an office the tagger did not
            # name
            speaker, content_from = closing, len(s.norms)
    if speaker is None and role in ("verb", "continue", "masdar") and not no_subject_after:
        speaker = _apposed_person(doc, s, b, speakers)
        if speaker is not None:
            content_from = _skip_apposition(doc, s, _view_after(doc, s, speaker.end), speakers)
    if speaker is None and role in ("verb", "continue") and not no_subject_after:
        titled = _person_after_title(doc, s, a, b, speakers, table)
        if titled is not None:
            speaker, content_from = titled
    if speaker is None and role in ("verb", "continue") and not fronted:
        speaker = _speaker_before(doc, s, a, speakers)
    if speaker is None and role == "participle" and s.norms[a].endswith(("ين", "ات")) and \
            (sentence_speaker is None or sentence_speaker.label != "NORP"):
        # a plural participle (مطالبين، مؤكدين) agrees with a group: the nearest named before it in the sentence
        before_groups = [m for m in speakers.starting(s.start, toks.start[s.view[a]])
                         if m.label == "NORP" and m.end <= toks.start[s.view[a]]]
        k = len(before_groups) - 1
        while k > 0 and doc.text[before_groups[k - 1].end:before_groups[k].start].split() in (["و"], ["و", "من"]):
            k -= 1    # «أهالي الموقوفين و عدد من الشباب ... مطالبين»: the first of them speaks
        speaker = before_groups[k] if before_groups else None
        if speaker is None and s.norms[a].endswith("ات"):
            return None    # «مؤكدات»: women, of a group the sentence has not named — not whoever spoke last
    if speaker is None and role == "participle":
        # «ودعت المنظمات ...، فيما وجّه الأسير مروان البرغوثي رسالة ... مشيراً إلى أن»: a clause of contrast with
        # its own verb and subject, between the statement and the participle, gives the participle its subject
        speaker = _contrast_subject(doc, s, a, speakers, table) or sentence_speaker or \
            _first_speaker(doc, s, a, speakers) or last_speaker
    if speaker is None and role == "continue" and (_says_directly(s, b, table) or _no_subject_next(doc, s, b, table)
                                                   or bool(table.roles_at(s.norms, b).keys() & set(_CUE_ROLES))) \
            and not _name_quoted_at(doc, s, b):
        # «وأضاف أن»، «وتابع: ...»، «وتابع يقول»، «وأضاف في تصريح ... أن»: who spoke last goes on (not «وأضاف مدير
        # المستشفى أن», a new speaker, nor «وتختتم سلسلة الإضرابات بـ...», no statement)
        speaker = last_speaker
        saying = next((r for r in ("verb", "participle") if r in table.roles_at(s.norms, b)), None)
        if saying is not None:
            content_from = table.roles_at(s.norms, b)[saying][0]     # «وتابع يقول "..."»: what he says
    if speaker is None and role == "verb":
        speaker = _back_reference(doc, s, b, speakers)
        if speaker is not None:
            content_from = b + 1
    if speaker is None and role in ("verb", "continue"):
        # «وأضاف المسؤول النقابي أن» after a person spoke: a definite description that goes on with that person
        # (any cue for a description with a demonstrative: «وأفادت هذه الباحثة بأن»)
        refers = last_speaker if (role == "continue" or (b < len(s.norms) and s.norms[b] in _DEMONSTRATIVES)) \
            and last_speaker is not None and last_speaker.label == "PER" else None
        # «وتحذر المواطنين والمقيمين من»: a group in ين right after the verb is its object; no subject is named
        addressed = called_all or (b < len(s.norms) and _object_group(doc, s, b, speakers, table))
        # «وأكدت الحرص على مزيد ...» right after a sentence that quoted her: a definite word no table knows as a
        # speaker, before the preposition the cue governs and no complementiser (not «وأشار الباحثون إلى أن»), is
        # the object of whoever goes on speaking
        object_next = going_on and not a and role == "verb" and b + 2 < len(s.norms) and definite(s.norms[b]) and \
            "verb" in table.phrases.get((s.norms[a], s.norms[b + 1]), {}) and not _complementiser(s, b + 2, table) and \
            not groups().roles_at(s.norms, b) and not title_words().roles_at(s.norms, b) and \
            not _family_name(s.norms[b]) and not _mention_at(doc, s, b, tuple(SPEAKER_LABELS)) and \
            last_speaker is not None
        unnamed = None if adverb or addressed or plural or object_after or object_next else \
            _unnamed_speaker(doc, s, b, table, speakers, cue=s.norms[a], subject=not (a and sentence_speaker),
                             refers=refers)
        if unnamed is not None:
            speaker, content_from = unnamed
            if "relay" in table.roles_at(s.norms, a):
                # «ونقل موقع الخبر عن المصادر قولها إن»: a medium the tagger did not name relays whom it names
                speaker, content_from = _relayed(doc, s, _view_after(doc, s, speaker.end), speakers, table) or \
                    (speaker, content_from)
        elif adverb or addressed or object_after or _says_directly(s, b, table) or \
                _no_subject_next(doc, s, b, table) or (a and sentence_speaker) or \
                (going_on and not a and role == "verb" and b < len(s.norms) and definite(s.norms[b])
                 and not groups().roles_at(s.norms, b)) or \
                (role == "verb" and b < len(s.norms) and "stance_noun" in table.roles_at(s.norms, b)):
            # («كما أكد حرص بلاده على»: a noun of what is said or stood for right after the verb is its object)
            # «وقال إن ...», «وأكد أنه ...», «وأشار إلى ...», «وطالب في هذا الصدد بـ...»: no subject named — the
            # sentence's speaker or subject when the cue continues a sentence («وكان الأمير فلان ...، وقال إنه»),
            # else the previous speaker, else the person or body the article named last before the cue
            candidates = (sentence_speaker, _first_speaker(doc, s, a, speakers) if a else None, last_speaker,
                          _nearest_before(doc, s, a, speakers, labels=("PER",) if honorific else _NEAREST_LABELS))
            speaker = next((m for m in candidates if m is not None and (not honorific or m.label == "PER")), None)
            if plural and speaker is not None and speaker.label != "NORP":
                # «وأكدوا أنهم»: a plural verb with no subject named goes on with the group named last, not with a
                # person or body
                group = _nearest_before(doc, s, a, speakers, labels=("NORP",))
                if group is not None and not _after_preposition(doc.text, group.start):
                    speaker = group    # (not «لوسائل إعلام»: whom something was told)
                elif speaker.label == "PER":
                    speaker = None     # «حيث وصفوا حضوره» after a player was named: not his words
        elif role == "continue" and "imperfect" not in table.roles_at(s.norms, a):
            speaker = last_speaker   # «وأضاف تمت مناقشة ...»: what he said, at once (not «وتختتم سلسلة الإضرابات»)
    if role == "masdar" and speaker is not None and speaker.label == "ORG" and \
            fold(speaker.text.split()[0]) in _row_words("cues.tsv", "medium") and \
            _after_preposition(doc.text, speaker.start):
        # «وبين في تصريح لوكالة تونس افريقيا للانباء ... أن»: the medium the statement was made to does not speak;
        # whoever was speaking goes on
        speaker = sentence_speaker or last_speaker
    if speaker is None:
        return None
    cue_end = toks.end[s.view[b - 1]]
    spokesman = _SPOKESMAN_OF.search(fold(doc.text[cue_end:speaker.start])) if speaker.start > cue_end else None
    if speaker.label == "PER" and spokesman is not None:
        # «وقال المتحدث باسم خالد العمري»: his spokesman speaks for him, an office-holder the article does not name
        speaker = _group_speaker(doc, cue_end + spokesman.start(1), speaker.end, label="TITLE", entity_label="PER")
    if role == "source" and any(_relay_word(s.norms[i], table) for i in range(a, min(b, len(s.norms)))) and \
            (relayed := _relayed(doc, s, _view_after(doc, s, speaker.end), speakers, table)) is not None:
        speaker = relayed[0]   # «وفق ما نقلته وكالة "رويترز" عن بيان لوزارة الداخلية»: whom the medium relays
    if role == "source":
        # «وفقا لتقارير إعلامية، غادر ويتكوف ...»: what the source says is the rest of the sentence after its comma;
        # «... بحسب المصدر» at the end: the sentence before the phrase
        comma = next((i for i in range(content_from, limit) if s.norms[i] in ("،", ",")), None)
        if a > 0 and s.norms[a - 1] in ("،", ",") and comma is not None and comma + 1 < limit and (
                (comma - content_from <= 2 and (_governed(doc, s, comma + 1) or s.norms[comma + 1] in _CLAUSE_GOES_ON
                                                or _closing_aside(s, comma + 1, limit, table))) or
                _clause_resumes(doc, s, content_from, comma, limit, table)):
            # «وقد بدأت العملية، حسب مصدر عليم، برفع درجة التأهب»، «وتم نقل المصابين، وفق مصدر طبي، إلى المستشفى»: a
            # source set off in the middle of a clause that goes on after it attributes the whole clause; so it
            # does before a phrase of when (وجاء الاجتماع، وفق بلاغ للنقابة، بعد تلقيها إعلاما ...), which may as
            # well say when the source spoke (...، حسب ما جاء على لسان المتحدث، خلال مؤتمر صحفي.)
            return None if said == speaker.entity else _make(doc, s, 0, limit, speaker, a, b, limit=limit)
        inside = a > 0 and not _opens_sentence(doc, s, a) and s.norms[a - 1] not in ("،", ",") and \
            not any(table.roles_at(s.norms, i).keys() & set(_CUE_ROLES) for i in range(a))
        if comma is not None and comma == content_from and not inside and \
                not (comma + 1 < limit and fold(s.norms[comma + 1]) in _RELATIVES) and \
                not (a > 0 and _apposition_only(doc, s, comma + 1, limit)):
            # (not «...، وفق تأكيد القروي، الذي عبر عن»: the source's own clause; nor «...، حسب ما جاء على لسان
            # المتحدث باسم الوزارة، يوهانس ديميروث.»: the name of who holds the office, at the end)
            content_from = comma + 1
        elif a > 0 and (_nothing_after(doc, s, content_from, limit) or s.norms[a - 1] in ("،", ",") or
                        _apposition_only(doc, s, content_from, limit) or
                        _closing_aside(s, content_from, limit, table)):
            # the phrase ends the sentence or closes a clause («...، بحسب ما أعلنت الوزارة صباح اليوم، ما أدى
            # إلى...»): it attributes what came before it, unless a cue already did
            return None if said == speaker.entity else _make(doc, s, 0, a, speaker, a, b, limit=a)
        elif inside:
            # the phrase stands inside its clause with no comma before it: what follows the source's name is a
            # phrase of that clause («ووصل أكثر من 2300 مهاجر إلى إيطاليا بحسب أرقام المفوضية على الرغم من ...»)
            # — it attributes what came before; or the rest of the clause («واتفق الطرفان وفق بلاغ صادر عن
            # الوزارة، على أن ...») — it attributes the whole. (After a cue, «وأوضح التقرير نقلا عن أحد موظفي
            # الطوارئ قوله ...», it relays what follows.)
            if content_from >= limit or _governed(doc, s, content_from) or \
                    s.norms[content_from] in _CLAUSE_GOES_ON or "aside" in table.roles_at(s.norms, content_from) or \
                    (s.norms[content_from] in ("،", ",") and content_from + 1 < limit and
                     fold(s.norms[content_from + 1]) in _RELATIVES):
                return None if said == speaker.entity else _make(doc, s, 0, a, speaker, a, b, limit=a)
            return None if said == speaker.entity else _make(doc, s, 0, limit, speaker, a, b, limit=limit)
        return _make(doc, s, content_from, limit, speaker, a, b, limit=limit, table=table, governs=False)
    preps = _split_cue_prepositions(table).get(s.norms[a]) if role == "verb" and b - a == 1 else None
    if preps and not table.roles_at(s.norms, a).keys() & set(_CUE_ROLES):
        # «عبر المكتب السياسي للحزب، عن مساندته»: what is said follows the preposition, past the subject
        q = next((i for i in range(content_from, min(limit, content_from + MAX_SPLIT_SUBJECT)) if s.norms[i] in preps),
                 None)
        if q is not None:
            content_from = q + 1
    if role == "verb" and s.norms[a] in _row_words("cues.tsv", "describing") and content_from + 1 < limit and \
            s.norms[content_from] in ("،", ",") and not definite(s.norms[content_from + 1]) and \
            not table.roles_at(s.norms, content_from + 1).keys() & {"aside", "closed_aside", *_CUE_ROLES} and \
            s.norms[content_from + 1] not in ("في", "خلال") and fold(s.norms[content_from + 1]) not in _RELATIVES and \
            not _mention_at(doc, s, content_from + 1, ("TITLE", "PER", "ORG")):
        # «وصف رئيس الحزب، محمد الحامدي، قانون المصالحة، بأنه ...»: what is described, after the name set off by
        # commas, is what is said — no aside before a complementiser
        return _make(doc, s, content_from + 1, limit, speaker, a, b, limit=limit, table=table)
    # «وقال مصدر دبلوماسي لوكالة الأناضول، إن»: whom it was said to, then what
    told = content_from < len(s.view) and _audience(doc, s, content_from) and \
        "verb" not in table.phrases.get((s.norms[a], "الي"), {})    # (دعا لـ is دعا إلى: what is called for)
    start = _after_aside(doc, s, content_from, limit, table, opened=told, times=speakers.times)
    if start + 1 < limit and "saying" in table.roles_at(s.norms, start) and \
            (_says_directly(s, start + 1, table) or s.norms[start + 1] == ":"):
        start += 1    # «وأوضح المتحدث الرسمي قائلاً: إن ...»: saying, the manner of the cue, then what is said
    return _make(doc, s, start, limit, speaker, a, b, limit=limit, table=table)



#: how many words may stand between كان and قد before a cue: the subject's phrase (وكان X ...، قد أعلن)
MAX_COPULA_SUBJECT = 12

#: how many words of a medium's name and description may stand between the relay verb's subject and عن
MAX_MEDIUM_REST = 4


def _relayed(doc: Document, s: SentenceView, p: int, speakers: _Speakers,
             table: PhraseTable) -> tuple[Mention, int] | None:
    """«نقلت رويترز عن الشرطة الألمانية أن ...»: who the relaying medium quotes, named after عن, speaks; what
    follows that name is what was said."""
    toks = doc.tokens
    assert toks is not None
    # (past the rest of the medium's name the tagger left out and its description: «وكالة «باس نيوز» الكردية عن»،
    # «وكالة "فارس" الإيرانية شبه الرسمية عن»)
    p = next((k for k in range(p, min(len(s.norms), p + MAX_MEDIUM_REST + 1))
              if s.norms[k] == "عن" or (toks.kind[s.view[k]] == PUNCT and s.norms[k] not in _CLOSERS)), p)
    if p + 1 >= len(s.norms) or s.norms[p] != "عن":
        return None
    found = _speaker_at(doc, s, p + 1, speakers)
    if found is None and "statement" in groups().roles_at(s.norms, p + 1) and \
            (issuer := _issuer(doc, s, p + 1, min(s.end, toks.end[s.view[p + 1]] + MAX_ISSUER_GAP), speakers)) \
            is not None:
        return issuer, _view_after(doc, s, issuer.end)   # «عن بيان لوزارة الداخلية الإيطالية»: its issuer
    if found is None:
        unnamed = _unnamed_speaker(doc, s, p + 1, table, speakers)
        if unnamed is not None and unnamed[0].label == "TITLE" and \
                (person := _apposed_person(doc, s, _view_after(doc, s, unnamed[0].end), speakers)) is not None:
            found = person    # «عن مدير عام العلاقات العامة في شركة الطيران الوطنية، شاهرخ نوش آبادي، قوله»
        else:
            return unnamed
    after = _view_after(doc, s, found.end)
    if after < len(s.norms) and s.norms[after] in _CLOSERS and \
            doc.text[max(0, found.start - 3):found.start].rstrip()[-1:] in _OPENERS:
        after += 1
    k = after + 1 if after < len(s.norms) and s.norms[after] in ("،", ",") else after
    if k < len(s.norms) and "own_words" in table.roles_at(s.norms, k):
        # «...، شاهرخ نوش آبادي، قوله، "..."»: his words, set off by commas, then what he said
        return found, k + 1 + (k + 1 < len(s.norms) and s.norms[k + 1] in ("،", ","))
    return found, _skip_apposition(doc, s, after, speakers)


#: how far after a statement's noun (characters) the body that issued it is looked for (بيان لوزارة الداخلية)
MAX_ISSUER_GAP = 40


def _named_and_said(doc: Document, s: SentenceView, p: int, speakers: _Speakers, table: PhraseTable) -> bool:
    """Whether a verb inside a clause names its speaker right after it and what it says then opens with a
    complementiser or colon («وفي تعقيبه على العمليتين قال محمد الناصر إن ...»)."""
    after = table.roles_at(s.norms, p)["verb"][0]
    speaker = _speaker_after(doc, s, after, speakers, speech=True)
    if speaker is None:
        return False
    start = _skip_apposition(doc, s, _view_after(doc, s, speaker.end), speakers)
    return _says_directly(s, _after_aside(doc, s, start, len(s.norms), table, times=speakers.times), table)


def _with_possessive(doc: Document, s: SentenceView, i: int, speakers: _Speakers) -> bool:
    """Whether the word at ``i`` is a speaker's words with his pronoun (``own_words``: تعبيره، قولها), no name."""
    toks = doc.tokens
    assert toks is not None
    start = toks.start[s.view[i]]
    return "own_words" in cues().roles_at(s.norms, i) and not speakers.starting_upto(start, start)


def _statements_told(doc: Document, s: SentenceView, b: int, limit: int) -> int | None:
    """Where the phrase ends, if the words from ``b`` are statements (تصريحات، تصريح سابق) made to whom, with no
    speaker's name, up to the end of the sentence (بحسب تصريحات لمراسلتنا.، حسب تصريحات سابقة لـ"الجوهرة أف
    أم".); else None."""
    if b >= limit or "object_noun" not in cues().roles_at(s.norms, b) or "own_words" in cues().roles_at(s.norms, b):
        return None
    k = b + 1
    if k < limit and not definite(s.norms[k]) and not _audience(doc, s, k) and s.norms[k] != "ل":
        k += 1    # (an adjective: سابقة)
    if k < limit and _audience(doc, s, k) and office_word(s.norms[k]):
        return None     # «وفق تصريحات للنائب منجي الحرباوي»: statements by an office-holder, who speaks
    if k < limit and (_audience(doc, s, k) or s.norms[k] == "ل") and _apposition_only(doc, s, k, limit):
        return k
    return None


def _audience(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether the word at ``i`` carries the preposition ل: after a speech verb, whom it is said to (للصحفيين،
    لوكالة رويترز), not who says it."""
    return _proclitic(doc, s, i) == "ل"


def _proclitic(doc: Document, s: SentenceView, i: int) -> str:
    """The proclitic written last before the word at ``i`` (ل in وللصحفيين), or ""."""
    toks = doc.tokens
    assert toks is not None
    if i >= len(s.view):
        return ""
    t = s.view[i]
    if t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t]:
        return toks.norm[t - 1]
    return ""


def _governed(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether the word at ``i`` carries a preposition (ب، ل، ك): the object of a verb or the complement of a
    title (القيادي بالحزب، الأمين العام للحزب), never a subject."""
    return _proclitic(doc, s, i) in ("ب", "ل", "ك")


def _relay_word(norm: str, table: PhraseTable) -> bool:
    """Whether ``norm`` is a verb by which a medium relays (نقلت), also with the pronoun of its object (نقلته)."""
    return any("relay" in table.roles_at([form], 0)
               for form in [norm] + [norm[:-len(p)] for p in ("ها", "هم", "ه") if norm.endswith(p)])


def _past_relative_verb(doc: Document, s: SentenceView, b: int, table: PhraseTable,
                        times: dict[int, int], *, fused: bool = False) -> int:
    """Past «ما أفادت به» after a source word (وفق ما أفادت به مصادر، بحسب ما ذكرت وكالة، حسب ما أكده الإعلامي):
    where its subject starts. The word after ما is its verb, a speech cue or not (أكده: a cue with its object);
    whom it was said to (بحسب ما أكدته لمراسل الإذاعة، فتيحة دحدوح) is passed over up to its comma, and so is when
    it was said (وفق ما أعلنت عنه، اليوم الثلاثاء، التنسيقية). ``fused``: the source word holds its ما (حسبما
    أعلن محققون), and its verb is at ``b``."""
    if (fused and b + 1 < len(s.norms) and s.norms[b] not in ("،", ",", ".")) or \
            (b + 2 < len(s.norms) and s.norms[b] == "ما" and s.norms[b + 1] not in ("،", ",", ".")):
        verb = b if fused else b + 1
        roles = table.roles_at(s.norms, verb)
        b = roles["verb"][0] if "verb" in roles else verb + 1
        if b < len(s.norms) and s.norms[b] in ("به", "ه", "عنه", "عنها"):
            b += 1
        if b + 1 < len(s.norms) and s.norms[b] == "علي" and s.norms[b + 1] == "لسان":
            b += 2    # «حسب ما جاء على لسان المتحدث»: by the tongue of
        if b + 1 < len(s.norms) and s.norms[b] == "في":
            # «وفق ما جاء في نص البيان»: in (the text of) the statement, which speaks for its issuer
            k = b + 1 + (s.norms[b + 1] == "نص" and b + 2 < len(s.norms))
            if "statement" in groups().roles_at(s.norms, k):
                b = k
        if b + 1 < len(s.norms) and s.norms[b] in ("،", ",") and \
                (dated := _past_times(doc, s, b + 1, times)) > b + 1 and \
                dated < len(s.norms) and s.norms[dated] in ("،", ","):
            b = dated + 1
        if _audience(doc, s, b):
            comma = next((i for i in range(b + 1, min(len(s.norms), b + MAX_AUDIENCE_WORDS + 1))
                          if s.norms[i] in ("،", ",")), None)
            if comma is not None:
                b = comma + 1
    return b


def _fused_source(s: SentenceView, a: int, b: int) -> bool:
    """Whether the source phrase at ``a:b`` holds its ما (حسبما، وفقا لما): the relative verb follows at once, its
    object pronoun no possessive of a rule (حسبما ذكرته الوكالة, not «بحسب صلاحياتها»)."""
    return s.norms[a] in _row_words("cues.tsv", "source_ma") or s.norms[b - 1] == "لما"


def _opens_sentence(doc: Document, s: SentenceView, a: int) -> bool:
    """Whether only conjunctions, particles that open a clause (فقد، كما) and punctuation stand before ``a``."""
    toks = doc.tokens
    assert toks is not None
    return all(toks.kind[s.view[i]] in (PUNCT, CLITIC) or s.norms[i] in _CLAUSE_OPENERS for i in range(a))


#: words that open a sentence before a source phrase that then names the source of all that follows
_CLAUSE_OPENERS = frozenset({"فقد", "كما", "ثم", "لكن", "ولكن", "بينما", "فيما", "و", "ف"})


def _apposition_only(doc: Document, s: SentenceView, p: int, limit: int) -> bool:
    """Whether no more than MAX_APPOSITION_WORDS words and no comma come from ``p`` to the sentence end: a title
    after the source's name («... وفق ما أكده محمد الناصر رئيس البرلمان.»), not a statement; or no more than
    MAX_AUDIENCE_WORDS after ل, whom the source told («... وفق ما ذكرته مصادر لـ"سكاي نيوز عربية".»)."""
    toks = doc.tokens
    assert toks is not None
    if limit < len(s.norms) and s.norms[limit] != ".":
        return False
    words = [i for i in range(p, limit) if toks.kind[s.view[i]] not in (PUNCT, CLITIC)]
    told = p < limit and (_audience(doc, s, p) or s.norms[p] == "ل")   # (لـ"سكاي نيوز": ل written apart)
    most = MAX_AUDIENCE_WORDS if told else MAX_APPOSITION_WORDS
    return len(words) <= most and not any(s.norms[i] in ("،", ",") for i in range(p, limit))


#: the longest «to whom» phrase passed over after a source's verb (لمراسل الجوهرة أف أم،)
MAX_AUDIENCE_WORDS = 6
#: the most words after a closing source's name that are read as its title
MAX_APPOSITION_WORDS = 3


def _nothing_after(doc: Document, s: SentenceView, p: int, limit: int) -> bool:
    """Whether only punctuation and a parenthesis («(واس)») come from ``p`` to ``limit``."""
    toks = doc.tokens
    assert toks is not None
    depth = 0
    for i in range(p, limit):
        if s.norms[i] == "(":
            depth += 1
        elif s.norms[i] == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and toks.kind[s.view[i]] != PUNCT:
            return False
    return True


def _closing_aside(s: SentenceView, p: int, limit: int, table: PhraseTable) -> bool:
    """Whether the words from ``p`` to the end of the sentence are an aside of when or on what occasion, with no
    comma, cue or complementiser (وفق ما أكده ... الحبيب رجب اثر جلسة صلحية انعقدت مساء اليوم.)."""
    return p < limit and "aside" in table.roles_at(s.norms, p) and _runs_to_the_end(s, p, limit, table)


def _runs_to_the_end(s: SentenceView, p: int, limit: int, table: PhraseTable) -> bool:
    """Whether the words after ``p`` run to ``limit``, the sentence's end or its full stop, with no comma, cue or
    complementiser among them: one phrase that closes the sentence."""
    return (limit >= len(s.norms) or s.norms[limit] == ".") and \
        not any(s.norms[i] in ("،", ",") or table.roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES}
                for i in range(p + 1, limit))


def _mention_at(doc: Document, s: SentenceView, p: int, labels: tuple[str, ...]) -> bool:
    """Whether a mention with one of ``labels`` starts at word ``p`` of the sentence."""
    toks = doc.tokens
    assert toks is not None
    if p >= len(s.view):
        return False
    return any(m.label in labels for m in doc.mentions_at(toks.start[s.view[p]]))


def _after_aside(doc: Document, s: SentenceView, p: int, limit: int, table: PhraseTable, *,
                 opened: bool = False, times: dict[int, int] | None = None) -> int:
    """Where what is said starts when an aside stands before the complementiser («قال X في تصريح لـ... إن»): at
    the complementiser, if one comes within MAX_ASIDE_WORDS; else at ``p``. An aside opens with a comma or a word
    of the ``aside`` row (في، خلال، عقب، اليوم...) unless ``opened`` (the words after whom it was said to); what
    opens otherwise is what is said, an object that may hold a complementiser of its own (أعلنت الشرطة العثور
    على ... يعتقد أن ...، أعرب عن أمله في أن ...). With no complementiser, an aside closed by a comma before a
    governed word or a quotation («وطالب في هذا الصدد، بتدعيم ...»، «ونوه، في هذا السياق، "بالدعم ..."») ends there."""
    start = _aside_proper(doc, s, p, limit, table, opened=opened, times=times)
    if start != p:
        return start
    while p < limit and (hit := table.roles_at(s.norms, p + (s.norms[p] in ("،", ","))).get("closed_aside")):
        # «وأكد في هذا السياق ضرورة الحوار»، «وأعلن في كلمته التزام الجامعة»: an aside closed by its own words, and
        # whom it was said to (في تصريحه للصحيفة الأمريكية)
        p = hit[0] + (hit[0] < limit and s.norms[hit[0]] in ("،", ","))
        if p < limit and _proclitic(doc, s, p) == "ل" and definite(s.norms[p]):
            p += 1
            while p < limit and definite(s.norms[p]) and not _proclitic(doc, s, p) and \
                    (_ends_in_ya(doc, s, p) or _relation_adjective(doc, s, p)):
                p += 1
        if p < limit and s.norms[p] in RELATIVE_PRONOUNS:
            return start     # «في كلمته التي افتتح بها المجلس إن»: the aside goes on
    return p


def _aside_proper(doc: Document, s: SentenceView, p: int, limit: int, table: PhraseTable, *,
                  opened: bool = False, times: dict[int, int] | None = None) -> int:
    """:func:`_after_aside` for asides that end at a complementiser, a colon or a comma."""
    if p >= limit or _complementiser(s, p, table) or \
            (s.norms[p] in (":", "«", "\"", "“") and not (opened and _quoted_name(doc, s, p))):
        return p    # (after whom it was told, a quoted name is more of it: لمراسل "الجوهرة أف أم" أن)
    if not opened and s.norms[p] not in ("،", ",", "(", "ل") and "aside" not in table.roles_at(s.norms, p) and \
            not (_proclitic(doc, s, p) == "و" and definite(s.norms[p])) and \
            not _audience(doc, s, p) and not _mention_at(doc, s, p, ("TITLE",)) and \
            not (s.norms[p] == "من" and _mention_at(doc, s, p + 1, ("GPE", "LOC", "FAC"))):
        # (an office after the speaker's name is an aside too: «قال X مسؤول الصليب الأحمر ... إن»; so is where it
        # was said from: «أعلن التحالف من واشنطن أن», to whom: «أوضح فلان لـ"الوطن" أنه», and what an office set off
        # after the name goes on with: «الناطق باسم المحكمة ... والقطب القضائي ...، في تصريح ...، أن»)
        return p
    closed: int | None = None
    aside_word = "aside" in table.roles_at(s.norms, p)
    for i in range(p + 1, min(limit, p + MAX_LONG_ASIDE_WORDS + 1)):
        roles = table.roles_at(s.norms, i)
        # past MAX_ASIDE_WORDS, a long aside (to whom, where, at what occasion and when) ends only at a comma right
        # before the complementiser: «وقال الحامدي، في تصريح لمراسلة ...، على هامش اجتماع شعبي ...، اليوم السبت
        # في قصر المؤتمرات بالعاصمة، إن ...»
        long = i > p + MAX_ASIDE_WORDS
        if long and closed is not None:
            break
        if (_complementiser(s, i, table) and (not long or s.norms[i - 1] in ("،", ",")
                                              or (aside_word and _bare_that(doc, s, p, i)))) or \
                (s.norms[i] == ":" and not long):
            return i
        if (any(r in roles for r in _CUE_ROLES if r != "masdar") and not _anonymity(s, i + 1) and
                not _describes_statement(s, i)) or s.norms[i] == ".":
            break      # (a masdar is the aside itself: «، في بيان له اليوم، أن»; so is a verb that describes the
            #            statement: «في بيان أوردته وكالة الأنباء الجزائرية إن»)
        if closed is None and not long and s.norms[i] in ("،", ",") and i + 1 < limit and \
                (s.norms[i + 1] in _OPENERS or _governed(doc, s, i + 1) or
                 (s.norms[i + 1] in _CUE_PREPOSITIONS and "aside" not in table.roles_at(s.norms, i + 1)) or
                 (times is not None and _fronted_time(doc, s, i, table, times, first=p + 1))):
            closed = i + 1    # (or a time alone: «أعلنوا خلال شهر نوفمبر الفارط، استقالتهم»)
    return p if closed is None or opened else closed


def _bare_that(doc: Document, s: SentenceView, p: int, i: int) -> bool:
    """Whether the complementiser at ``i`` is «أن» written with its hamza (not «إن», nor the «أن» of a clause of
    time, purpose or cause: بعد أن، من أجل أن، خاصة أن; nor one inside a quotation still open since the aside began
    at ``p``), which ends even a long aside opened by an aside word with no comma before it («وأوضح في
    تصريح لمراسلة "الجوهرة أف أم" على هامش اجتماع المكتب السياسي ... بالحمامات أن الغنوشي تجاوز صلاحياته»)."""
    toks = doc.tokens
    assert toks is not None
    written = doc.text[toks.start[s.view[i]]:toks.end[s.view[i]]]
    return written in ("أن", "بأن") and i > 0 and s.norms[i - 1] not in _THAT_GOVERNORS and \
        s.norms[i - 1][:1].isalpha() and not _quotation_open(s.norms[p:i])


def _quotation_open(words: list[str]) -> bool:
    """Whether a quotation opened among ``words`` is still open after them (a name quoted whole, "الجوهرة أف أم", is
    closed)."""
    return words.count('"') % 2 == 1 or words.count("«") > words.count("»") or words.count("“") > words.count("”")


#: words after which «أن» opens a clause of time, purpose or manner inside an aside, not what is said
_THAT_GOVERNORS = frozenset({"بعد", "قبل", "منذ", "حتي", "الي", "علي", "من", "دون", "رغم", "بدل", "اجل", "بعدما",
                             "يمكن", "يجب", "ينبغي", "لابد", "بد", "عسي", "بامكان", "بوسع", "يريد", "تريد", "اراد",
                             "ارادت", "يحاول", "تحاول", "حاول", "حاولت", "قرر", "قررت", "يقرر", "تقرر", "يرجح", "يتوقع",
                             "المنتظر", "المتوقع", "المقرر", "المرجح", "المفترض", "الممكن", "الضروري", "سبق", "لبث",
                             "او", "خاصه", "سيما", "لاسيما", "بما", "حيث", "كما"})


#: prepositions a cue governs that, written apart after a comma, close an aside before what is said («عبروا، إبان
#: لقائهم رئيس الحكومة، عن استيائهم»; not في or من, which as often open another aside: «، في ندوة صحفية»، «، من جهته»;
#: nor one that opens an aside phrase: «، على هامش اجتماع»)
_CUE_PREPOSITIONS = frozenset({"عن", "علي", "على", "الي", "إلى"})


def _make(doc: Document, s: SentenceView, start: int, end: int, speaker: Mention, a: int, b: int, *, limit: int,
          table: PhraseTable | None = None, governs: bool = True) -> Quote | None:
    toks = doc.tokens
    assert toks is not None
    norms = s.norms
    # skip punctuation, an adverb (أيضا), a preposition the cue governs (أعرب عن، دعا إلى) and the complementiser
    # (أن، إن، بأن، أنه)
    while start < end and ((toks.kind[s.view[start]] == PUNCT and norms[start] not in _OPENERS) or
                           (table is not None and "adverb" in table.roles_at(norms, start))):
        start += 1
    if table is not None:
        start = _past_setting(doc, s, start, end, table)
    if table is not None and start < end and "source" in table.roles_at(norms, start) and \
            (close := _comma_source(norms, start, end, table, {"preposition", "complementiser"})) is not None:
        start = close + 1    # «أعرب، وفق بلاغ للوزارة، عن ارتياحه»: the source set off by commas is no part of it
    if governs and start < end and table is not None and "preposition" in table.roles_at(norms, start):
        start += 1
    if start < end and table is not None and "complementiser" in table.roles_at(norms, start):
        start = table.roles_at(norms, start)["complementiser"][0]
    end = _contrast_end(doc, s, start, end)
    while end > start and toks.kind[s.view[end - 1]] == PUNCT and norms[end - 1] not in _CLOSERS:
        end -= 1
    while end > start and (norms[end - 1] in ("و", "،", ",") or
                           (table is not None and "boundary" in table.roles_at(norms, end - 1))):
        end -= 1
    if end - start < 2:
        return None
    c_start, c_end = _token_span(s, doc, start, end)
    t = s.view[start]
    # what is said starts with the word as written: «إنها واثقة» (read و + اثقة), «أنه بفضل معلومات ...»; but not
    # with the preposition a cue governs (طالب بتدعيم)
    said = start > 0 and (s.norms[start - 1] == ":" or (table is not None and "complementiser" in table.roles_at(
        norms, start - 1)))
    while t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t] and \
            (said or toks.norm[t - 1] in ("و", "ف", "س") or
             (start > b and table is not None and "preposition" not in table.roles_at([toks.norm[t - 1]], 0)
              and not (toks.norm[t - 1] == "ل" and "verb" in table.phrases.get((norms[a], "الي"), {})))):
        # (nor with a clitic cut off a word after the speaker: «للنقابة تدهور ...», not «لنقابة تدهور ...»; right
        # after the cue a ل is governed: «تدعو لحوار»)
        t -= 1
        c_start = toks.start[t]
    text = doc.text
    kind = "indirect"
    if (inside := _in_marks(text, c_start, c_end)) is not None:
        kind, (c_start, c_end) = "direct", inside
    elif any(ch in "«“„" for ch in text[c_start:c_end]) or text[c_start:c_end].count('"') >= 2:
        kind = "mixed"
    whole = table is not None and any(hit[0] == b for role, hit in table.roles_at(norms, a).items()
                                      if role in _CUE_ROLES)
    while not whole and b - 1 > a and table is not None and "adverb" in table.roles_at(norms, b - 1):
        b -= 1    # the adverb passed over after the cue (وأكدت أيضا أن) is not the cue
    cue_start, cue_end = _token_span(s, doc, a, b)
    return Quote(id="", kind=kind, speaker=speaker.entity, speaker_mention=speaker.id,
                 cue=doc.span(cue_start, cue_end), content=doc.span(c_start, c_end), sentence=s.index)


def _in_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """What ``start:end`` holds inside the quotation marks that open and close it, with no other mark between
    (straight double marks aside) and the spaces inside the marks trimmed (« سيتم ... »); None if it is not so."""
    if not (end - start > 2 and text[start] in _OPENERS and text[end - 1] in _CLOSERS and
            not any(ch in _OPENERS + _CLOSERS for ch in text[start + 1:end - 1].replace('"', ""))):
        return None
    start, end = start + 1, end - 1
    while end - start > 1 and text[start].isspace():
        start += 1
    while end - start > 1 and text[end - 1].isspace():
        end -= 1
    return start, end


#: the labels of a place or body named with ب between a cue and what is said (أكد بمجلس نواب الشعب أن)
_SETTING_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


def _past_setting(doc: Document, s: SentenceView, start: int, end: int, table: PhraseTable) -> int:
    """Past where and when something was said, between the cue and a complementiser, an opening mark or the
    preposition the cue governs: a place or body with ب and a date (وكان الوزير قد أكد بمجلس نواب الشعب امس أن ...،
    أكد امس "..."، أعلن في جانفي 2016 عن); else ``start``."""
    toks = doc.tokens
    assert toks is not None
    k = start
    for _ in range(3):
        if k >= end:
            return start
        if s.norms[k] in ("في", "منذ") and k + 1 < end and \
                any(m.label in ("DATE", "TIME") for m in doc.mentions_at(toks.start[s.view[k + 1]])):
            k += 1     # «أعلن في جانفي 2016 عن استقالته»
        at = toks.start[s.view[k]]
        here = doc.mentions_at(at)
        if any(m.label in ("DATE", "TIME") for m in here):
            k = _view_after(doc, s, max(m.end for m in here if m.label in ("DATE", "TIME")))
        elif _proclitic(doc, s, k) == "ب" and any(m.label in _SETTING_LABELS for m in here):
            k = _view_after(doc, s, max(m.end for m in here if m.label in _SETTING_LABELS))
        else:
            break
    if k > start and k < end and (_complementiser(s, k, table) or _opening(s, k) or
                                  "preposition" in table.roles_at(s.norms, k)):
        return k   # (or the preposition the cue governs: «أعلن أمس عن استقالته»)
    return start


def _contrast_end(doc: Document, s: SentenceView, start: int, end: int) -> int:
    """Where a clause of contrast with a subject of its own (...، فيما وجّه المناضل الأسير مروان البرغوثي رسالة)
    cuts what is said short: the journalist goes on with someone else, outside any quotation mark; else ``end``."""
    toks = doc.tokens
    assert toks is not None
    for i in range(start + 1, end - 2):
        if s.norms[i] in _OPENERS:
            return end     # (inside a quotation the words are the speaker's)
        if s.norms[i] not in _CONTRAST or s.norms[i - 1] not in ("،", ",") or \
                "copula" in cues().roles_at(s.norms, i + 1):
            continue     # (not «بينما كان عدد رجال الأمن ...»: a state the speaker describes)
        lo, hi = toks.start[s.view[i + 2]], toks.end[s.view[min(i + 4, end - 1)]]
        if any(m.label in ("PER", "ORG", "NORP", "TITLE") and lo <= m.start < hi for m in doc.mentions):
            return i
    return end


def _view_after(doc: Document, s: SentenceView, offset: int) -> int:
    toks = doc.tokens
    assert toks is not None
    for i, t in enumerate(s.view):
        if toks.start[t] >= offset:
            return i
    return len(s.view)


def _skip_apposition(doc: Document, s: SentenceView, p: int, speakers: _Speakers) -> int:
    """Past «، مساعد الرئيس الروسي،» or a relative clause between commas («، الذي يقود الحكومة،») after a
    speaker's name, or past the rest of a name the tagger cut short when a complementiser follows it (وكالة دوجان |
    التركية للأنباء أن، المصادر | لوكالة الأنباء الألمانية إن)."""
    toks = doc.tokens
    assert toks is not None
    if p < len(s.norms) and _proclitic(doc, s, p) == "ب" and \
            (place := next((m for m in speakers.starting_upto(toks.start[s.view[p]], toks.start[s.view[p]])
                            if m.label in ("GPE", "LOC")), None)) is not None:
        p = _view_after(doc, s, place.end)    # «أعضاء المكتب الجهوي للحزب بسوسة»: where the body is, of its name
    elif p < len(s.norms) and _proclitic(doc, s, p) == "ب" and \
            (body := next((m for m in speakers.starting_upto(toks.start[s.view[p]], toks.start[s.view[p]])
                           if m.label in ("ORG", "FAC")), None)) is not None and \
            (k := _view_after(doc, s, body.end)) < len(s.norms) and \
            (_complementiser(s, k, cues()) or s.norms[k] in ("في", "،", ",")):
        p = k    # «هيئة كبار العلماء بالازهر في بيان ... ان»: the institution it belongs to (not «ندد بالحكومة»)
    j = p
    while j < len(s.norms) and j - p < 5 and _name_rest(toks, s, j, after_rest=j > p):
        j += 1
    if j > p and j < len(s.norms) and _complementiser(s, j, cues()):
        return j
    if p + 1 < len(s.norms) and s.norms[p] in ("،", ",") and s.norms[p + 1] in _RELATIVES:
        close = next((i for i in range(p + 2, min(len(s.norms), p + MAX_ASIDE_WORDS + 2))
                      if s.norms[i] in ("،", ",", ".")), None)
        if close is not None and s.norms[close] != ".":
            return close + 1
    if p < len(s.norms) and s.norms[p] in ("،", ","):
        start = toks.start[s.view[p + 1]] if p + 1 < len(s.view) else s.end
        title = next((m for m in speakers.starting_upto(start, start) if m.label == "TITLE"), None)
        after = _view_after(doc, s, title.end) if title is not None else p + 1
        if title is not None and after < len(s.norms) and s.norms[after] in ("،", ","):
            return after + 1
        if title is not None or (p + 1 < len(s.norms) and definite(s.norms[p + 1])):
            # «أكدت زهرة إدريس، النائب بمجلس الشعب وصاحبة نزل "امبريال مرحبا" ضيفة برنامج "بوليتيكا" أنه»: who
            # the speaker is, up to the complementiser, when nothing else (no comma, no other cue) comes first
            table = cues()
            for j in range(after, min(len(s.norms), p + MAX_ASIDE_WORDS + 2)):
                roles = table.roles_at(s.norms, j)
                if _complementiser(s, j, table):
                    return j
                if _opening(s, j) and not _quoted_name(doc, s, j):
                    break     # a quotation: what is said, not more of who says it
                if s.norms[j] in ("،", ",", ".", ":", "؛") or \
                        (roles.keys() & set(_CUE_ROLES) and "clause_only" not in roles):
                    break
        if title is not None:
            return after
    if p < len(s.norms) and title_words().roles_at(s.norms, p).keys() & {"head", "dependent"}:
        # «وقال جريك كلارك وزير المجتمعات المحلية البريطاني إن»: his office, with no comma, up to the complementiser
        table = cues()
        for j in range(p + 1, min(len(s.norms), p + MAX_ASIDE_WORDS + 1)):
            roles = table.roles_at(s.norms, j)
            if _complementiser(s, j, table) or (_opening(s, j) and not _quoted_name(doc, s, j)):
                return j      # (what is said may open with a quotation: «... نائب مدير الهيئة “اتحاد الكرة يجب أن»)
            if s.norms[j] in ("،", ",", ".", ":", "؛") or roles.keys() & set(_CUE_ROLES) or _opening(s, j):
                break         # (a short quotation is part of an object: «وصف ... الزيارة بـ "الممتازة"»)
    if p < len(s.norms):
        start = toks.start[s.view[p]]
        title = next((m for m in speakers.starting_upto(start, start) if m.label == "TITLE"), None)
        if title is not None:
            # «حذر فلان عضو الهيئة السياسية لحزب حركة نداء تونس، من خطورة»: no complementiser; what is said follows
            # the office and the body it completes with ل, closed by a comma. (Without the comma the office may run
            # on past its mention: «زعيم حزب الشعوب الديمقراطي الموالي للأكراد».)
            j = _view_after(doc, s, title.end)
            if j < len(s.norms) and _proclitic(doc, s, j) == "ل":
                j = next((i for i in range(j + 1, min(len(s.norms), j + MAX_TITLE_PHRASE))
                          if s.norms[i] in ("،", ",") or toks.kind[s.view[i]] == PUNCT
                          or cues().roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES}), j)
                if j < len(s.norms) and s.norms[j] in ("،", ",") and j + 1 < len(s.norms) and \
                        "preposition" in cues().roles_at(s.norms, j + 1):
                    return j + 1
            elif j < len(s.norms):
                # «أشاد أحمد الجروان رئيس البرلمان العربي بأداء رجال الأمن»: the office, then the preposition the
                # cue governs (a date may stand between): who speaks, not what is said
                at = toks.start[s.view[j]]
                k = _view_after(doc, s, speakers.times[at]) if at in speakers.times else j
                near = toks.start[s.view[min(len(s.view) - 1, k + MAX_TITLE_PHRASE)]]
                if k < len(s.norms) and ("preposition" in cues().roles_at(s.norms, k)
                                         or _proclitic(doc, s, k) == "ب") and \
                        not any(m.label == "PER" for m in speakers.starting(toks.start[s.view[k]], near)) and \
                        not _complementiser_ahead(s, k):
                    # (not «أكد ... أمين عام مجلس التنمية بالمنطقة المهندس فلان»: a title running on to a name; nor
                    # «قال X مسؤول الصليب الأحمر بمنطقة بيلما إن»: a post, then what is said)
                    return k
    return p


def _comma_source(norms: list[str], p: int, limit: int, table: PhraseTable, follows: set[str]) -> int | None:
    """Where a source phrase set off by commas at ``p`` inside a statement closes («أعرب، وفق بلاغ للخارجية، عن»،
    «قالت الوكالة، نقلا عن وزارة الداخلية، إن»): the comma after it, within a few words and before ``limit``, that a
    word of one of the roles ``follows`` (the preposition the cue governs, the complementiser) comes right after."""
    if p == 0 or norms[p - 1] not in ("،", ","):
        return None
    close = next((i for i in range(p + 1, min(limit, p + MAX_ASIDE_WORDS)) if norms[i] in ("،", ",")), None)
    if close is None or close + 1 >= limit or not table.roles_at(norms, close + 1).keys() & follows:
        return None
    return close


def _complementiser_ahead(s: SentenceView, j: int) -> bool:
    """Whether a complementiser comes within a few words from ``j``, before any punctuation."""
    table = cues()
    for i in range(j, min(len(s.norms), j + MAX_ASIDE_WORDS)):
        if _complementiser(s, i, table):
            return True
        if s.norms[i] in ("،", ",", ".", ":", "؛"):
            return False
    return False


def _name_rest(toks: Any, s: SentenceView, j: int, *, after_rest: bool) -> bool:
    """A word that may continue a speaker's name or say whom it is told: a relational adjective (التركية), a word
    with ل attached (للأنباء، لوكالة) or, ``after_rest``, a definite word after one of those (الأنباء الألمانية)."""
    word, t = s.norms[j], s.view[j]
    if toks.kind[t] == PUNCT:
        return False
    lam = t > 0 and toks.kind[t - 1] == CLITIC and toks.norm[t - 1] == "ل" and toks.word[t - 1] == toks.word[t]
    return lam or (definite(word) and (word.endswith(("ي", "يه", "يون", "يين")) or after_rest))


#: relative pronouns that open a clause about the speaker
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "وهو", "وهي", "هو", "هي"})
#: the gender of the singular relatives and pronouns above, which a verb whose subject they are agrees with
_RELATIVE_GENDER = {"الذي": "M", "التي": "F", "وهو": "M", "هو": "M", "وهي": "F", "هي": "F"}
#: the most words (a bare title: النائبة، الطبيبة) passed over between a cue and its speaker's name
MAX_TITLE_WORDS = 2
#: how far after the speaker the complementiser may come (قال X في تصريح لمراسل الجوهرة أف أم إن ...)
MAX_ASIDE_WORDS = 14
#: ... and the longest aside with في or خلال after an unnamed speaker, up to the comma before the complementiser
MAX_LONG_ASIDE_WORDS = 40
#: the longest unnamed speaker phrase between a cue and its complementiser (وقالت شركة تشغيل القطارات إن)
MAX_UNNAMED_WORDS = 8
#: the most words of a chain of offices before the name of who holds them (نائب محافظ المؤسسة للتدريب الدكتور)
MAX_TITLE_CHAIN = 12
#: words that end an unnamed speaker's phrase: a relative clause (الشرطة التي حققت) or an aside (من جهته)
_PHRASE_STOPS = frozenset({"التي", "الذي", "الذين", "اللذان", "اللتان", "من", "لدي", "خلال", "في", "عبر", "امام",
                           "عن",    # «أفاد المرصد عن مقتل تسعة»: the observatory speaks
                           "هو", "هي", "هم"})   # «وتقول الوكالة وهي متخصصة ... إن»: a clause about the speaker


#: longer than any date or time phrase, in characters (the reach back of a lookup of those overlapping a span)
MAX_TIME_CHARS = 200


def _only_when(doc: Document, start: int, end: int, speakers: _Speakers) -> bool:
    """Whether every word from ``start`` to ``end`` belongs to a date or time (أول أمس الجمعة، الأسبوع الماضي)."""
    spans = speakers.times_within(start, end)
    if not spans:
        return False
    return all(any(a <= i < b for a, b in spans) for i in range(start, end) if doc.text[i].isalnum())


#: words that call on whom one speaks to (واعلم أيها الأخ، أن): no speaker follows them
_VOCATIVES = frozenset({"ايها", "ايتها", "يا"})

#: words after من that make it an aside on the speaker's side (من جهته، من جانبها، من ناحيته), not «one of»
_ASIDE_SIDES = ("جهت", "جانب", "ناحيت", "طرف")
#: «another» after the noun of a speaker who is one of a body (عضو آخر من هيئة الدفاع)
_OTHER = frozenset({"اخر", "اخري"})

#: the most words of a definite description that goes on with the last speaker (المسؤول النقابي)
MAX_REFERRING_WORDS = 3
#: prepositions that a cue's object may govern (دعا X إلى، حث X على): no unnamed subject runs past them
_GOVERNED = frozenset({"الي", "علي", "عن"})


def _complementiser(s: SentenceView, i: int, table: PhraseTable) -> bool:
    """Whether the word at ``i`` is a complementiser (أن، إن، بأن) opening what is said — not one opening a clause
    of time (``temporal``: «قالت ...، بعد أن تمت مواجهتها بالحالة، إن السبب ...»)."""
    return i < len(s.norms) and "complementiser" in table.roles_at(s.norms, i) and \
        not (i > 0 and "temporal" in table.roles_at(s.norms, i - 1))


def _says_directly(s: SentenceView, b: int, table: PhraseTable) -> bool:
    """Whether the cue is followed at once by a complementiser or a colon."""
    return b < len(s.norms) and (s.norms[b] == ":" or _complementiser(s, b, table))


def _unnamed_speaker(doc: Document, s: SentenceView, b: int, table: PhraseTable,
                     speakers: _Speakers, *, cue: str = "", subject: bool = True,
                     refers: Mention | None = None) -> tuple[Mention, int] | None:
    """A speaker the tagger did not name: the noun phrase between the cue and its complementiser, a quotation or
    the preposition the cue governs (وقالت الشرطة إن، قال عمال إنقاذ إن، قال له الموظف "..."، ودعت متدخلة في كلمة
    إلى ...). It becomes a group mention and entity. A phrase that starts with a preposition (وأضافت في بيان أن)
    is no subject. A phrase that ends with a person's name is a title and the name (المتحدثة باسم الوزارة ماريا
    زاخاروفا): the person speaks. ``subject``: whether the cue still lacks one; where the sentence has named its
    speaker already, a noun phrase before the governed preposition is the cue's object (ودعا الفاعلين إلى ...).
    ``refers``: the person who spoke last, whom a short definite description goes on with (وأضاف المسؤول النقابي،
    after حسان العرفاوي spoke); an indefinite one (وأضاف مدير المستشفى) is someone new."""
    issued = _issued_in_relative(doc, s, b, speakers)
    if issued is not None:
        by, named_end = issued
        said_from = _after_aside(doc, s, named_end, len(s.norms), table, times=speakers.times)
        if said_from > named_end or _complementiser(s, named_end, table):
            return by, said_from
    quoted = _name_quoted_at(doc, s, b)   # «وأضافت «جدوى للاستثمار» أنه»
    if b + 2 < len(s.norms) and s.norms[b] in ("هذه", "تلك") and definite(s.norms[b + 1]) and \
            not s.norms[b + 1].endswith("ه") and not title_words().roles_at(s.norms, b + 1):
        # «وأضافت هذه المواقع أن»: هذه before a noun with no feminine ending points back to a plural of things (المواقع،
        # الصحف), the group named before with that noun — not to the person who spoke last
        k = b + 2
        while k < len(s.norms) and k - b <= MAX_REFERRING_WORDS and definite(s.norms[k]) and _ends_in_ya(doc, s, k):
            k += 1
        if _says_directly(s, k, table):
            toks = doc.tokens
            assert toks is not None
            start, stop = _token_span(s, doc, b, k)
            noun = s.norms[b + 1][2:]
            group = next((m for m in reversed(speakers.starting_upto(0, start)) if m.end <= start and
                          m.label in ("NORP", "ORG") and any(w in (noun, "ال" + noun) for w in fold(m.text).split())),
                         None)
            return (group or _group_speaker(doc, start, stop)), k
    if refers is not None and b + 2 < len(s.norms) and s.norms[b] in _DEMONSTRATIVES and definite(s.norms[b + 1]):
        # «وأفادت هذه الباحثة بأن»: a description pointing back, to whoever spoke last
        k = b + 2
        while k < len(s.norms) and k - b <= MAX_REFERRING_WORDS and definite(s.norms[k]) and _ends_in_ya(doc, s, k):
            k += 1
        if _says_directly(s, k, table):
            return refers, k
    toks = doc.tokens
    assert toks is not None
    b = _past_times(doc, s, b, speakers.times)    # «أعلنت الأسبوع الماضي ...»: when, then who
    if b < len(s.norms) and not quoted and _accusative(doc, s, b, speakers):
        return None    # «صرح مرارا في الأسابيع الأخيرة أنه»، «ويقولون علنا»: an adverb, no subject
    if b >= len(s.norms) or _says_directly(s, b, table) or (s.norms[b] in _OPENERS and not quoted) \
            or s.norms[b] in _DEMONSTRATIVES or s.norms[b] in _VOCATIVES \
            or _governed(doc, s, b) \
            or table.roles_at(s.norms, b).keys() & {"aside", *_CUE_ROLES} \
            or "preposition" in table.roles_at(s.norms, b) or s.norms[b] in ("في", "خلال") \
            or "not_speaker" in groups().roles_at(s.norms, b) or \
            table.roles_at(s.norms, b).keys() & {"object_noun", "stance_noun"} \
            or "negation" in table.roles_at(s.norms, b):
        return None     # (right after the cue, «تفند ادعاءات الحوثيين»: its object; «فقال لا أستطيع»: what is said)
    n = len(s.norms)

    def roles(i: int) -> dict[str, tuple[int, object]]:
        return table.roles_at(s.norms, i) if i < n else {}

    def governs(i: int) -> bool:
        return "verb" in table.phrases.get((cue, s.norms[i]), {})

    def opens(i: int) -> bool:
        # (a noun of what someone said is the object: «وانتقد النائب تصريحات الوزير»)
        return _complementiser(s, i, table) or s.norms[i] == ":" or (subject and governs(i)) or \
            (subject and i == b + 1 and (("preposition" in roles(i) and s.norms[i] != "في") or
                                         _proclitic(doc, s, i) == "ب") and _body_head(s.norms[b])) or \
            (subject and i == b + 1 and _body_head(s.norms[b]) and not _proclitic(doc, s, i) and
             undescribing(s.norms[b], s.norms[i])) or \
            (i > b and "object_noun" in roles(i) and not _proclitic(doc, s, i) and
             s.norms[i - 1] not in ("في", "خلال", "عبر", "حسب", "بحسب", "وفق")) or \
            (_opening(s, i) and not _quoted_name(doc, s, i))

    office = b
    while office < n and (hit := title_words().roles_at(s.norms, office).get("honorific")) is not None:
        office = hit[0]    # «معالي مدير عام المؤسسة المهندس فلان»
    if {"head", "dependent", "body_head"} & title_words().roles_at(s.norms, office).keys():
        # «وأوضح نائب محافظ المؤسسة للتدريب الدكتور راشد بن محمد الزهراني، أن»: a chain of offices longer than an
        # unnamed speaker's phrase, ending in the name of who holds them
        for q in range(b + 1, min(n, b + MAX_TITLE_CHAIN + 1)):
            t = s.view[q]
            if (toks.kind[t] == PUNCT and s.norms[q] != ".") or s.norms[q] in _PHRASE_STOPS or "verb" in roles(q) \
                    or opens(q):
                break     # (what is said starts: «أضاف المتحدث بأن ترامب سيلتقي», the name inside it says nothing)
            person = next((m for m in speakers.starting_upto(toks.start[t], toks.start[t]) if m.label == "PER"), None)
            if person is not None:
                after = _view_after(doc, s, person.end)
                content = next((i for i in range(after, min(n, after + MAX_ASIDE_WORDS + 1)) if opens(i)), None)
                if content is not None:
                    return person, content
                break
    partitive = False
    for q in range(b + 1, min(n, b + MAX_UNNAMED_WORDS + 1)):
        if s.norms[q] == "من" and (q == b + 1 or (q == b + 2 and s.norms[b + 1] in _OTHER)) and q + 1 < n and \
                not s.norms[q + 1].startswith(_ASIDE_SIDES) and not definite(s.norms[b]) and not roles(b):
            partitive = True
            continue   # «وأوضح عضو (آخر) من هيئة الدفاع أن»: one of a body (not «مسؤول من جهته»: an aside)
        says = opens(q) or (s.norms[q] in ("،", ",") and q + 1 < n and _complementiser(s, q + 1, table)) or \
            "negation" in roles(q)    # «قال الرجل لا أستطيع»: what he says starts at the negation
        aside = s.norms[q] in _PHRASE_STOPS or "source" in roles(q) or toks.start[s.view[q]] in speakers.times or \
            (partitive and (_audience(doc, s, q) or s.norms[q] in ("ل", "-"))) or \
            ("preposition" in roles(q) and _complementiser(s, q + 1, table)) or \
            ("temporal" in roles(q) and q + 1 < n and "complementiser" in roles(q + 1)) or \
            (s.norms[q] in ("،", ",") and bool(roles(q + 1).keys() & {"aside", "masdar"}))   # «للحزب، في بيان له»
        if says or aside:
            end = q
            while end > b and toks.kind[s.view[end - 1]] == PUNCT and not \
                    (s.norms[end - 1] in _CLOSERS and not _opening(s, end - 1)):
                end -= 1    # but not the mark that closes a name in the phrase (موقع "الصباح نيوز")
            if end > b and not partitive:
                # a title and the name in apposition (الأمين العام للحزب الاشتراكي، محمد الكيلاني إن); not one close
                # to a person (مقرب من المندعي), who is not that person
                start, stop = _token_span(s, doc, b, end)
                person = next((m for m in reversed(speakers.starting_upto(start, stop))
                               if m.label == "PER" and m.end == stop), None)
                if person is None:
                    # «دعا رجل الدين العراقي مقتدى الصدر المتظاهرين إلى»: a description, the name in apposition to
                    # it (after an adjective of relation, not a genitive: أحد أقارب محمد), then the cue's object
                    person = next((m for m in speakers.starting_upto(start, stop) if m.label == "PER"
                                   and start < m.start and m.end < stop
                                   and _after_relation_adjective(doc, s, b, m)), None)
                if person is not None:
                    content = next((i for i in range(q, min(n, q + MAX_ASIDE_WORDS + 1)) if opens(i)), None)
                    if content is not None:
                        return person, content
            if end == b or any(toks.kind[s.view[i]] == PUNCT and s.norms[i] not in "()\"«»“”"
                               for i in range(b, end)):
                return None
            # what is said starts at the complementiser, after any aside (الشرطة التي حققت في الجريمة إن ...); a
            # long one opened by في/خلال is closed by a comma before it («في تعليقه على سلسلة الإيقافات التي ...، إنه»)
            content = next((i for i in range(q, min(n, q + MAX_ASIDE_WORDS + 1)) if opens(i)), None)
            if content is None and s.norms[q] in ("في", "خلال"):
                content = next((i for i in range(q + 1, min(n, q + MAX_LONG_ASIDE_WORDS))
                                if s.norms[i - 1] in ("،", ",") and _complementiser(s, i, table)), None)
            if content is None:
                return None
            start, stop = _token_span(s, doc, b, end)
            if _only_when(doc, start, stop, speakers):
                return None   # «كشف أول أمس الجمعة، أن»: when, not who
            if refers is not None and not groups().roles_at(s.norms, b) and (
                    (end - b <= MAX_REFERRING_WORDS and all(definite(s.norms[i]) for i in range(b, end))
                     and not _family_name(s.norms[b])     # (not «وأضاف السحيباني»: a name)
                     and not _other_office(doc, start, stop, refers, speakers))
                    or _named_with(doc, start, stop, s.start, refers, speakers)):
                return refers, content
            if "statement" in groups().roles_at(s.norms, b):
                issuer = _issuer(doc, s, b, stop, speakers)
                if issuer is not None:
                    return issuer, content
            if quoted and s.norms[end - 1] in _CLOSERS and end - b > 2:
                # a body named in quotation marks: the name inside them; a person's (family) name as Saudi papers
                # quote it (وأوضح "الأسمري" أن، وقال "مضحي": ...), one named before or a rare or family name alone
                inner = _token_span(s, doc, b + 1, end - 1)
                if end - b == 3:
                    named = speakers.named_before(s.norms[b + 1], inner[0])
                    if named is not None:
                        return named, content
                    if _person_word(s.norms[b + 1]):
                        return _group_speaker(doc, *inner, label="PER"), content
                return _group_speaker(doc, *inner, label="ORG"), content
            if end - b == 1 and _family_name(s.norms[b]):
                return _group_speaker(doc, start, stop, label="PER"), content    # «وأضاف السحيباني أن»
            if end - b > 1 and definite(s.norms[b]) and \
                    {"head", "dependent"} & title_words().roles_at(s.norms, b).keys() and \
                    (_noun_not_adjective(s.norms[b + 1]) or _possessed_noun(s.norms[b + 1])) and \
                    not _proclitic(doc, s, b + 1) and \
                    not title_words().roles_at(s.norms, b + 1) and not groups().roles_at(s.norms, b):
                return None   # «ووصف الوزير الهجوم بأنه»، «واختتم الوزير كلمته بالتأكيد على أن»: a bare office, then
                #               the cue's object (no «الوزير الهجوم»)
            if end - b > 1 and {"head", "dependent"} & title_words().roles_at(s.norms, b).keys() and \
                    not groups().roles_at(s.norms, b):
                # «وقال والي الجهة إن»، «وأكد الرئيس الدوري للاتحاد الأفريقي أن»: one office-holder the article does
                # not name, a role phrase (TITLE) standing for a person (a bare head, «قال الرئيس», says no office)
                return _group_speaker(doc, start, stop, label="TITLE", entity_label="PER"), content
            return _group_speaker(doc, start, stop), content
        if s.norms[q] in ("،", ","):
            # «وأوضح مدير مستشفى تيماء العام عبدالعزيز سليمان الشولي، أن»: a title ending in the person's name, set off
            # by a comma before what is said
            named_end = toks.end[s.view[q - 1]]
            person = next((m for m in speakers.starting_upto(toks.start[s.view[b]], named_end)
                           if m.label == "PER" and m.end == named_end), None)
            content = next((i for i in range(q + 1, min(n, q + MAX_ASIDE_WORDS + 1)) if opens(i)), None) \
                if person is not None else None
            if person is not None and content is not None:
                return person, content
        named_next = toks.start[s.view[q + 1]] if q + 1 < n else -1
        if s.norms[q] in ("،", ",") and any(m.label == "PER" for m in speakers.starting_upto(named_next, named_next)):
            continue    # a name in apposition to the title: «الأمين العام للحزب، محمد الكيلاني إن»
        if s.norms[q] in ("،", ",") and subject and q + 1 < n and governs(q + 1):
            continue    # «عبر المكتب السياسي للحزب، عن مساندته»
        if s.norms[q] in ("،", ",", ".") or "verb" in roles(q) or governs(q):
            return None     # «ودعا الفاعلين الاقتصاديين إلى ...»: the cue's object, then the preposition it governs
    return None


def _describes_statement(s: SentenceView, i: int) -> bool:
    """Whether the cue verb at ``i``, with the pronoun of its object, follows an indefinite statement or occasion
    it describes (في بيان أوردته وكالة الأنباء، في تصريح أدلى به): a relative clause, no statement of its own."""
    return i > 0 and not definite(s.norms[i - 1]) and _object_pronoun(s.norms[i]) and \
        bool(groups().roles_at(s.norms, i - 1).keys() & {"statement", "occasion"})


def _issued_in_relative(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> tuple[Mention, int] | None:
    """«وأفادت الأرقام التي أوردتها "يونامي" ... بأن»، «وأكد التقرير الذي أصدرته منظمة العفو الدولية أن»: a
    statement, document or figures (``statement`` and ``not_speaker`` nouns of the groups table) whose relative
    clause names who issued them right after its verb; that body or person speaks. With the view position past
    the name."""
    n = len(s.norms)
    if b + 3 >= n or s.norms[b + 1] not in RELATIVE_PRONOUNS or \
            not groups().roles_at(s.norms, b).keys() & {"statement", "not_speaker"}:
        return None
    toks = doc.tokens
    assert toks is not None
    k = b + 3 + (s.norms[b + 3] in _OPENERS)   # (the name in quotation marks: "يونامي")
    if k >= n:
        return None
    start = toks.start[s.view[k]]
    issuer = next((m for m in speakers.starting_upto(start, start) if m.label in _ISSUER_LABELS), None)
    if issuer is None:
        return None
    after = _view_after(doc, s, issuer.end)
    return issuer, after + (after < n and s.norms[after] in _CLOSERS)


def _accusative(doc: Document, s: SentenceView, i: int, speakers: _Speakers) -> bool:
    """Whether the word at ``i`` is an indefinite noun in the accusative, an adverb (مرارا، علنا، رسميا): no
    subject is in the accusative (but a name may end so, أوباما، أمريكا, and a group's or a title's word: أعضاء)."""
    word = s.norms[i]
    # (not a word with a pronoun, شجبها، تمسكها، بلادنا، بينهما, nor a plural in ايا: قضايا، ضحايا)
    if definite(word) or not word.endswith("ا") or word.endswith(("اء", "ها", "نا", "ما", "ايا")) or len(word) <= 3 or \
            groups().roles_at(s.norms, i) or title_words().roles_at(s.norms, i) or cues().roles_at(s.norms, i):
        return False
    toks = doc.tokens
    assert toks is not None
    start = toks.start[s.view[i]]
    return toks.kind[s.view[i]] != PUNCT and not speakers.starting_upto(start, start)


def _reported_within(doc: Document, s: SentenceView, p: int, role: str, last: tuple[int, int, str],
                     table: PhraseTable) -> bool:
    """Whether the cue verb at ``p`` reports a statement inside what the last cue says: «قال الفطحلي إن رئيس
    البرلمان، محمد الناصر، دعا ...» — a complementiser of the last cue stands between them, and no conjunction
    or word of the ``boundary`` row («وأضاف»، «كما أعلن»، «ومن جهته قال») starts a statement of its own — not the
    verb's own particle قد («أنه قد عبر عن رفضه» is reported inside)."""
    if role != "verb" or _proclitic(doc, s, p) in ("و", "ف") or \
            (p and s.norms[p - 1] != "قد" and "boundary" in table.roles_at(s.norms, p - 1)):
        return False
    return any(_complementiser(s, i, table) for i in range(last[1], p))


def _opens_with_colon(s: SentenceView, b: int) -> bool:
    """Whether a colon follows the cue ending at ``b`` within a short name (وتابع "الشولي": ...): a statement of its
    own, which ends a quotation left open before it rather than being reported inside it."""
    return any(s.norms[i] == ":" for i in range(b, min(len(s.norms), b + MAX_QUOTED_NAME_WORDS + 2)))


def _quoted_after_cue(s: SentenceView, p: int, table: PhraseTable) -> bool:
    """Whether the quotation that holds the token at ``p`` opens right after a speech verb (قالت "...")."""
    opener = next((k for k in range(p - 1, -1, -1) if s.norms[k] in _OPENERS), None)
    return opener is not None and opener > 0 and \
        bool(table.roles_at(s.norms, opener - 1).keys() & {"verb", "continue"})


def _inside_quotation(s: SentenceView, p: int) -> bool:
    """Whether the token at ``p`` stands inside a quotation opened before it in the sentence and not yet closed."""
    depth = 0
    straight = False
    for w in s.norms[:p]:
        if w in ("«", "“", "„"):
            depth += 1
        elif w in ("»", "”"):
            depth = max(0, depth - 1)
        elif w == '"':
            straight = not straight
    return depth > 0 or straight


#: a noun phrase that starts with one of these is what a verb acts on, never who speaks («وختم هذا العقد بهذه الجملة»)
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})    # (not هؤلاء: «اعتبر هؤلاء الفلاسفة أن»)
#: how far (characters) from a phrase's earlier occurrence a mention of the last speaker shows the phrase named them
_NAMED_WITH_REACH = 40


def _named_with(doc: Document, start: int, stop: int, before: int, person: Mention, speakers: _Speakers) -> bool:
    """Whether the phrase at ``start:stop`` was written earlier (before offset ``before``) right next to a mention of
    ``person``'s entity: «جريك كلارك وزير المجتمعات المحلية البريطاني ... وأضاف وزير المجتمعات المحلية البريطاني»."""
    phrase = doc.text[start:stop]
    at = doc.text.rfind(phrase, 0, before)
    if at < 0 or not person.entity:
        return False
    end = at + len(phrase)
    return any(m.entity == person.entity and (abs(at - m.end) <= _NAMED_WITH_REACH or abs(m.start - end)
                                             <= _NAMED_WITH_REACH)
               for m in speakers.starting_upto(max(0, at - 200), end + _NAMED_WITH_REACH))


def _family_name(norm: str) -> bool:
    """Whether a definite word alone reads as a family name (السحيباني، الديلمي): a word of relation that the news
    does not use often and that names no group (not الإحصاءات، المجلة، القصة)."""
    model = load_model()
    count = model.common.get(norm, 0) if model is not None else 0
    return definite(norm) and norm.endswith("ي") and count < FAMILY_NISBA_MAX_COUNT and \
        not groups().roles_at([norm], 0)


def _person_word(norm: str) -> bool:
    """Whether one word alone reads as a person's name: a family name of relation (الأسمري), a known first name or
    a word the news lexicon has rarely seen (مضحي)."""
    model = load_model()
    if model is None or groups().roles_at([norm], 0) or title_words().roles_at([norm], 0):
        return False
    return _family_name(norm) or model.featurizer.person_word(norm) or \
        (not definite(norm) and model.common.get(norm, 0) < SURNAME_MAX_COUNT)


def _opening(s: SentenceView, i: int) -> bool:
    """Whether the token at ``i`` opens a quotation (a straight mark opens when an even number came before it)."""
    if s.norms[i] in ("«", "“", "„"):
        return True
    return s.norms[i] == '"' and s.norms[:i].count('"') % 2 == 0


def _name_quoted_at(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether a short name in quotation marks opens at ``i`` (مصادر "الوطن"، وأضافت «جدوى للاستثمار» أنه)."""
    return i < len(s.norms) and _opening(s, i) and _quoted_name(doc, s, i)


def _anonymity(s: SentenceView, i: int) -> bool:
    """Whether a request not to be named starts at ``i``, after a participle (طالبا عدم كشف اسمه، مفضلا عدم ذكر
    هويته): an aside of who speaks, no statement."""
    return i < len(s.norms) and s.norms[i] == "عدم" and \
        any("anonymity" in cues().roles_at(s.norms, k) for k in range(i + 1, min(len(s.norms), i + 4)))


def _quotation_opens(s: SentenceView, i: int) -> bool:
    """Whether a quotation opens at ``i`` that is longer than a quoted name (a name is closed within
    MAX_QUOTED_NAME_WORDS words: حزب "النهضة"): what is said, not more of who says it."""
    return _opening(s, i) and not any(s.norms[k] in _CLOSERS
                                      for k in range(i + 1, min(len(s.norms), i + MAX_QUOTED_NAME_WORDS + 2)))


def _quoted_name(doc: Document, s: SentenceView, i: int) -> bool:
    """Whether the quotation mark at ``i`` opens a short name (موقع "سكاي نيوز" أن): closed within
    MAX_QUOTED_NAME_WORDS words by a mark that the sentence goes on after."""
    toks = doc.tokens
    assert toks is not None
    if i > 0 and definite(s.norms[i - 1]) and s.norms[i - 1].endswith("ي") and len(s.norms[i - 1]) > 4:
        return False   # «وانتقد المسؤول النقابي "عدم جدية" الحكومة»: after an adjective, no name but what is said
    for k in range(i + 1, min(len(s.norms), i + MAX_QUOTED_NAME_WORDS + 2)):
        if s.norms[k] in _CLOSERS:
            return k + 1 < len(s.norms) and toks.kind[s.view[k + 1]] != PUNCT
    return False


#: the longest name in quotation marks within a speaker's phrase
MAX_QUOTED_NAME_WORDS = 4


#: how far back (characters) a statement (وأفاد البيان) looks for the one its issuer was named with
_ISSUER_REACH = 1500
_ISSUER_LABELS = frozenset({"PER", "ORG", "NORP", "GPE"})
#: what may stand between a statement and its issuer (normalised): «بيان صادر عن»، «بيان من»
_ISSUED_BY = frozenset({"عن", "من", "صادر عن", "صادره عن", "صادرا عن", "الصادر عن", "الصادره عن"})


def _issuer(doc: Document, s: SentenceView, b: int, stop: int, speakers: _Speakers) -> Mention | None:
    """Who issued the statement named at view index ``b`` (البيان، بلاغ الوزارة): a body named inside the phrase;
    else, at the last statement named before, the body named right after it (بيان لوزارة الدفاع) or the nearest
    one before it in its sentence (دانت التنسيقية، في بيان أصدرته)."""
    toks = doc.tokens
    assert toks is not None
    after = toks.end[s.view[b]]
    inside = [m for m in speakers.starting_upto(after, stop) if m.label in _ISSUER_LABELS and m.end <= stop]
    if inside:
        return inside[0]
    # «بيان صادر عن وزارة الداخلية»: the body named right after the phrase
    beyond = next((m for m in speakers.starting_upto(stop, stop + 40) if m.label in _ISSUER_LABELS
                   and fold(doc.text[stop:m.start]).strip() in _ISSUED_BY), None)
    if beyond is not None:
        return beyond
    table = groups()
    first = s.view[0]
    for t in range(first - 1, -1, -1):
        if toks.start[t] < toks.start[first] - _ISSUER_REACH:
            break
        if "statement" not in table.roles_at([toks.norm[t]], 0):
            continue
        # (right after it, or after «صادر عن»، «من»: بيان من وزارة الدفاع)
        # («بلاغ صادر اليوم الأربعاء عن وزارة الشؤون الخارجية»: a time between)
        named = [m for m in speakers.starting_upto(toks.end[t], toks.end[t] + 40) if m.label in _ISSUER_LABELS
                 and (fold(doc.text[toks.end[t]:m.start]).strip() in _ISSUED_BY | {"", "ل"}
                      or _ISSUED_BY_RE.fullmatch(doc.text[toks.end[t]:m.start]))]
        if named:
            return named[0]
        bound = max(doc.text.rfind(c, 0, toks.start[t]) for c in ".!?؟\n") + 1
        before = [m for m in speakers.ending(bound, toks.start[t]) if m.label in _ISSUER_LABELS
                  and not _after_preposition(doc.text, m.start)]
        if before:
            return before[-1]
    return None


#: «بلاغ صادر (اليوم) عن الوزارة»، «بلاغ للنقابة»، «بيان وزارة الداخلية»: the words between a statement and the
#: body that issued it
_ISSUED_BY_RE = re.compile(r"\s*(ال)?صادر(ه|ة)?(\s+\S+){0,2}?\s+عن\s+(ال)?$|\s+ل?"
                           r"|\s+(أعلن|أصدر)ت?(ه|ها)\s+")    # (وفق حصيلة أعلنتها المفوضية; not أوردته: relayed)


def _statement_issuer(doc: Document, s: SentenceView, b: int, speakers: _Speakers
                      ) -> tuple[Mention, int] | None:
    """After a source word, a statement and whom it was issued by (وفق بلاغ صادر عن وزارة الصحة، وفق ما جاء في
    بيان صادر اليوم عن التنسيقية): the body that issued it speaks; with where the phrase ends."""
    toks = doc.tokens
    assert toks is not None
    if b < len(s.norms) and s.norms[b] == "في":
        b += 1
    if b >= len(s.norms) or "statement" not in groups().roles_at(s.norms, b):
        return None
    after = toks.end[s.view[b]]
    named = next((m for m in speakers.starting_upto(after, after + 40) if m.label in _ISSUER_LABELS
                  and (_ISSUED_BY_RE.fullmatch(doc.text[after:m.start]) or _titled_issuer(doc.text[after:m.start]))),
                 None)
    if named is not None:
        return named, _view_after(doc, s, named.end)
    # «بحسب بلاغ صادر عن المجلس»: a body named before, by the head of its name
    by = next((i for i in range(b + 1, min(len(s.norms), b + 5)) if s.norms[i] == "عن"), None)
    if by is not None and by + 1 < len(s.norms) and \
            _ISSUED_BY_RE.fullmatch(doc.text[after:toks.start[s.view[by + 1]]]) and \
            (body := _back_reference(doc, s, by + 1, speakers)) is not None:
        return body, by + 2
    return None


def _titled_issuer(between: str) -> bool:
    """Whether the words between a statement and a name are an office with ل (وفق تصريحات للنائب منجي الحرباوي)."""
    words = between.split()
    if len(words) != 1 or not words[0].startswith("ل"):
        return False
    word = fold(words[0][1:])
    return office_word("ا" + word if word.startswith("ل") else word)   # (للنائب: ل + النائب, its alif taken)


def _after_relation_adjective(doc: Document, s: SentenceView, b: int, m: Mention) -> bool:
    """Whether the mention ``m`` follows a definite adjective of relation with nothing attached (رجل الدين العراقي
    مقتدى الصدر), inside the phrase from ``b`` — not a genitive (جامعة الملك عبد العزيز، أحد أقارب محمد)."""
    k = _view_after(doc, s, m.start) - 1
    return k >= b and definite(s.norms[k]) and _ends_in_ya(doc, s, k) and not _proclitic(doc, s, k)


def _group_speaker(doc: Document, start: int, stop: int, label: str = "NORP",
                   entity_label: str | None = None) -> Mention:
    """A speaker the tagger did not name, as a group (or ``label``) mention and entity of its own (labelled
    ``entity_label``, by default as the mention)."""
    mention = doc.add_mention(start, stop, label)
    if label == "TITLE" and (known := _same_office(doc, mention)) is not None:
        mention.entity = known.id    # «رئيسة الهيئة» after «رئيسة هيئة الحقيقة والكرامة سهام بن سدرين»: her
        known.mentions.append(mention.id)
        return mention
    kind = entity_label or label
    entity = Entity(id=f"e{len(doc.entities) + 1}", label=kind, name=mention.text,
                    kb_id=local_id(kind, " ".join(mention.text.split())), mentions=[mention.id])
    mention.entity = entity.id
    doc.entities.append(entity)
    return mention


def _same_office(doc: Document, title: Mention) -> Entity | None:
    """The person an office named by its body's definite head (رئيسة الهيئة، رئيس الحزب) stands for: the one person
    whose title before it names that office of a body in full, in construct (رئيسة هيئة الحقيقة والكرامة ...)."""
    words = fold(title.text).split()
    if len(words) != 2 or not words[1].startswith("ال"):
        return None
    people = {e.id: e for e in doc.entities if e.label == "PER"}
    found = {m.entity for m in doc.mentions if m.label == "TITLE" and m.end <= title.start and m.entity in people
             and len(full := fold(m.text).split()) >= 3 and full[0] == words[0] and not full[1].startswith("ال")
             and "ال" + full[1] == words[1]}
    return people[found.pop()] if len(found) == 1 else None


def _back_reference(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """«وشددت الوزارة على أن»: a definite noun after the cue that heads the name of an organisation named earlier
    (وزارة الخارجية الروسية) stands for it; the speaker is that organisation's nearest mention before."""
    if b >= len(s.norms) or not s.norms[b].startswith("ال") or len(s.norms[b]) < 5:
        return None
    head = s.norms[b][2:]
    toks = doc.tokens
    assert toks is not None
    offset = toks.start[s.view[b]]
    organisations = speakers.organisations(head)
    return organisations.last_ending_by(offset) if organisations is not None else None


#: prepositions that carry a clause on past a source phrase set off by commas inside it
_CLAUSE_GOES_ON = frozenset({"الي", "في", "علي", "من", "عن", "مع"})

#: the most words after a source's name, before the comma that closes it, of its office or whom it told (وفق ما
#: أفاد به طارق الحداد احد منسقي الاعتصامات، ...؛ وفق ما صرح به معتمد الجهة عمر الكوز لمراسلة الجوهرة اف ام، ...)
MAX_SOURCE_REST = 6


def _clause_resumes(doc: Document, s: SentenceView, rest: int, comma: int, limit: int, table: PhraseTable) -> bool:
    """Whether, after a source set off by commas in mid-sentence whose name is followed by at most MAX_SOURCE_REST
    words of description up to ``comma``, the clause it interrupted goes on: a word after the comma that opens no
    clause of its own (no و, no cue, no complementiser, no relative: «ليقرروا، وفق ما أفاد به فلان احد منسقي
    الاعتصامات، مواصلة الاعتصام»، «وتتواصل فعاليات التظاهرة، وفق ما صرح به فلان لمراسلة الجوهرة، إلى يوم 7 مارس»)."""
    if comma - rest > MAX_SOURCE_REST or comma + 1 >= limit:
        return False
    if any(table.roles_at(s.norms, i).keys() & {*_CUE_ROLES, "complementiser"} or s.norms[i] in ("(", ":")
           for i in range(rest, comma)):
        return False
    nxt = comma + 1
    word = s.norms[nxt]
    toks = doc.tokens
    assert toks is not None
    return toks.kind[s.view[nxt]] != PUNCT and _proclitic(doc, s, nxt) not in ("و", "ف") and \
        not table.roles_at(s.norms, nxt).keys() & {*_CUE_ROLES, "complementiser", "aside"} and \
        fold(word) not in _RELATIVES and word not in _DEMONSTRATIVES and \
        word not in _row_words("cues.tsv", "describe_after")    # («...، ما أدى إلى»: a clause of its own)


def _same_source(s: SentenceView, b: int) -> int | None:
    """The view position past «ذات المصدر» / «نفس المصدر» / «المصدر ذاته» / «المصدر نفسه» at ``b``, the source
    already quoted named again, or None."""
    table = groups()
    n = len(s.norms)
    if b + 1 < n and "same_before" in table.roles_at(s.norms, b) and "source_noun" in table.roles_at(s.norms, b + 1):
        return b + 2
    if b + 1 < n and "source_noun" in table.roles_at(s.norms, b) and "same_after" in table.roles_at(s.norms, b + 1):
        return b + 2
    return None


def _group_named_before(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """«... حسب الضابط.» after «وقال ضابط في الجيش العراقي إن»: a definite noun that ends the sentence or its
    clause, whose bare form opened a group named before (as a speaker the tagger did not name), is that group."""
    if b >= len(s.norms) or not definite(s.norms[b]) or len(s.norms[b]) < 5 or \
            (b + 1 < len(s.norms) and s.norms[b + 1] not in ("،", ",", ".")):
        return None
    toks = doc.tokens
    assert toks is not None
    head = s.norms[b][2:]
    offset = toks.start[s.view[b]]
    return next((m for m in reversed(speakers.starting_upto(0, offset)) if m.label == "NORP" and m.end <= offset
                 and fold(m.text.split()[0]) == head), None)


def _title_reference(doc: Document, s: SentenceView, b: int, speakers: _Speakers,
                     table: PhraseTable) -> Mention | None:
    """«وأضاف المتحدث أن»: a definite noun standing alone after the cue (what is said, or an aside, follows it) that
    begins a role phrase named earlier (المتحدث باسم البيت الأبيض شون سبايسر) stands for whoever that phrase named:
    the latest such phrase before it."""
    n = len(s.norms)
    if b + 1 >= n or not definite(s.norms[b]) or len(s.norms[b]) < 5 or _proclitic(doc, s, b) or not (
            _says_directly(s, b + 1, table) or "aside" in table.roles_at(s.norms, b + 1)
            or s.norms[b + 1] in ("،", ",")
            # «وأكد الوزير أهمية التعاون»: what is said as a noun phrase, an indefinite masdar right after it
            or (not definite(s.norms[b + 1]) and not _proclitic(doc, s, b + 1) and len(s.norms[b + 1]) > 3
                and doc.tokens is not None and doc.tokens.kind[s.view[b + 1]] != PUNCT
                and not table.roles_at(s.norms, b + 1).keys() - {"stance_noun"}
                and not title_words().roles_at(s.norms, b + 1))):
        return None
    return _titled_before(doc, s, b, speakers)


def _titled_before(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """The latest role phrase before the definite noun at ``b`` that begins with it (الوزيرة: وزيرة الدفاع
    الألمانية أورسولا فون دير لاين), within TITLE_REFERENCE_REACH characters before the sentence; or None."""
    toks = doc.tokens
    assert toks is not None
    offset = toks.start[s.view[b]]
    word = s.norms[b]
    return next((m for m in reversed(speakers.starting_upto(s.start - TITLE_REFERENCE_REACH, offset))
                 if m.label == "TITLE" and m.end <= offset and m.entity
                 and next(iter(fold(m.text).split()), "") in (word, word[2:])), None)


def _title_then_object(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> Mention | None:
    """«وحذرت الوزيرة ترامب من ...»: a definite title alone after the cue, then a person who holds another office in
    the article (so no name of hers in apposition): the title stands for the office-holder named before with it, who
    speaks; the person is the cue's object."""
    toks = doc.tokens
    assert toks is not None
    if b + 1 >= len(s.norms) or not definite(s.norms[b]) or _proclitic(doc, s, b) or \
            not (title_words().roles_at(s.norms, b).keys() | title_words().roles_at([s.norms[b][2:]], 0).keys()) & \
            {"head", "dependent"}:
        return None
    at = toks.start[s.view[b + 1]]
    person = next((m for m in speakers.starting_upto(at, at) if m.label == "PER"), None)
    if person is None:
        return None
    # the person holds another office in the article (ترامب: الرئيس الأمريكي), not this one (الأمير فيصل: أمير منطقة
    # عسير — the prince named by his title)
    word = s.norms[b]
    offices = {next(iter(fold(m.text).split()), "") for m in doc.mentions if m.label == "TITLE" and
               m.entity == person.entity}
    if not offices or offices & {word, word[2:]}:
        return None
    holder = _titled_before(doc, s, b, speakers)
    if holder is None or holder.entity == person.entity or any(
            m.entity == person.entity for m in speakers.starting_upto(holder.end, holder.end + _HOLDER_NAME_REACH)):
        return None   # «القنصل السعودي ...، عبدالله الحمراني ... توقع القنصل عبدالله الحمراني»: the office's own holder
    return holder


#: how many characters after an office its holder's name may stand (a comma and a qualifier between)
_HOLDER_NAME_REACH = 40


def _told_then_speaker(doc: Document, s: SentenceView, a: int, b: int, speakers: _Speakers,
                       table: PhraseTable) -> tuple[Mention, int] | None:
    """After a cue, whom it was told (a medium with ل: لـ«عكاظ»، لـ"الوطن"، لصحيفة الحياة), then who speaks — a person
    (past a title), a body or a title — then, past an apposition, what is said: the speaker and where what is said
    may start."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    k = b + 1 if s.norms[b] == "ل" else b
    if k < n and _opening(s, k):
        close = next((i for i in range(k + 1, min(n, k + MAX_QUOTED_NAME_WORDS + 2)) if s.norms[i] in _CLOSERS), None)
        if close is None:
            return None
        k = close + 1
    else:
        medium = next((m for m in speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])), None) \
            if k < n else None
        if medium is None or medium.label not in ("ORG", "NORP"):
            return None
        k = _view_after(doc, s, medium.end)
    if k < n and s.norms[k] in ("،", ","):
        k += 1
    if k >= n or not (definite(s.norms[k]) or title_words().roles_at(s.norms, k) or
                      speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])):
        return None
    titled = _person_after_title(doc, s, a, k, speakers, table)
    if titled is not None:
        return titled
    found = _speaker_after(doc, s, k, speakers, speech=True)
    if found is None:
        return None
    after = _skip_apposition(doc, s, _view_after(doc, s, found.end), speakers)
    start = _after_aside(doc, s, after, n, table, times=speakers.times)
    if start < n and not _says_directly(s, start, table):
        # (his office, in apposition up to a comma: «الدكتور أحمد الصغير مدير الشؤون الصحية بالمنطقة، أن»)
        for i in range(after, min(n, after + MAX_TITLE_PHRASE + 2)):
            if _says_directly(s, i, table) and s.norms[i - 1] in ("،", ","):
                start = i
                break
            if (toks.kind[s.view[i]] == PUNCT and s.norms[i] not in ("،", ",")) or \
                    table.roles_at(s.norms, i).keys() & {"complementiser", *_CUE_ROLES}:
                break
    return (found, start) if start < n and (_says_directly(s, start, table) or
                                            "preposition" in table.roles_at(s.norms, start)) else None


def _past_medium(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> int:
    """Past the medium a statement was told to, written with ل at ``b`` (للجوهرة "اف ام"، لـ«عكاظ»، لوكالة رويترز),
    where who speaks follows it (a definite word, a title or a name); else ``b``."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    k = b + 1 if s.norms[b] == "ل" else b
    medium = next(iter(speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])), None) if k < n else None
    if medium is not None:
        k = _view_after(doc, s, medium.end)
    elif k < n and not _opening(s, k):
        k += 1     # (the medium's word itself: للجوهرة، لصحيفة)
    if k < n and _opening(s, k):
        close = next((i for i in range(k + 1, min(n, k + MAX_QUOTED_NAME_WORDS + 2)) if s.norms[i] in _CLOSERS), None)
        if close is None:
            return b
        k = close + 1
    if k < n and (definite(s.norms[k]) or title_words().roles_at(s.norms, k) or
                  speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])):
        return k
    return b


def _past_informed_medium(doc: Document, s: SentenceView, b: int, speakers: _Speakers) -> int:
    """Past a medium a source's verb informed, its direct object at ``b`` (وفق ما أفاد به وكالة تونس إفريقيا
    للأنباء سفيان السيلتي، بحسب ما أفاد به "وات"، الأمين العام ...), where who informed it follows: a name, a title
    or a definite word, after a comma at most; else ``b``."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    k = b + (s.norms[b] in _OPENERS)
    medium = next((m for m in speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])
                   if m.label == "ORG"), None) if k < n else None
    if medium is None or not (fold(medium.text.split()[0]) in _row_words("cues.tsv", "medium") or k > b):
        return b
    k = _view_after(doc, s, medium.end)
    k += k < n and s.norms[k] in _CLOSERS
    k += k < n and s.norms[k] in ("،", ",")
    if k < n and (definite(s.norms[k]) or title_words().roles_at(s.norms, k) or
                  speakers.starting_upto(toks.start[s.view[k]], toks.start[s.view[k]])):
        return k
    return b


def _office_holder_before(doc: Document, office: Mention, speakers: _Speakers) -> Mention | None:
    """The person an office named alone stands for (وأكد المبعوث الأممي ...): the one named right next to the
    latest earlier role phrase that opens with the same words (خالد منصور المبعوث الأممي إلى السودان، المبعوث الأممي
    خالد منصور; not الرئيس المصري for الرئيس الجزائري), within TITLE_REFERENCE_REACH."""
    words = fold(office.text).split()
    for m in reversed(speakers.starting_upto(office.start - TITLE_REFERENCE_REACH, office.start)):
        if m.label != "TITLE" or m.end > office.start or fold(m.text).split()[:len(words)] != words:
            continue
        people = _named_with_office(doc, m, speakers)
        if people:
            return people[-1]
    return None


def _other_office(doc: Document, start: int, stop: int, person: Mention, speakers: _Speakers) -> bool:
    """Whether the description at ``start:stop`` names an office (المتحدث) other than every office the article has
    named right next to ``person`` (رئيسة الحكومة البريطانية تيريزا ماي): someone else, not that person."""
    head = next(iter(fold(doc.text[start:stop]).split()), "")
    if not title_words().roles_at([head], 0):
        return False
    heads = set()
    for m in speakers.starting_upto(max(0, start - TITLE_REFERENCE_REACH), start):
        if m.label == "TITLE" and any(p.entity == person.entity for p in _named_with_office(doc, m, speakers)):
            heads.add(next(iter(fold(m.text).split()), ""))
    return bool(heads) and head not in heads


def _named_with_office(doc: Document, office: Mention, speakers: _Speakers) -> list[Mention]:
    """The people named right before or after a role phrase, with at most a comma or quotation mark between
    (خالد منصور المبعوث الأممي، المبعوث الأممي "خالد منصور")."""
    return [p for p in speakers.starting_upto(office.start - MAX_APPOSED_GAP - MAX_NAME_CHARS,
                                              office.end + MAX_APPOSED_GAP)
            if p.label == "PER" and p.entity and
            (not doc.text[p.end:office.start].strip(" ،,\u00a0") if p.end <= office.start else
             not doc.text[office.end:p.start].strip(" ،,\u00a0\"«“") if p.start >= office.end else False)]


#: the longest person's name looked for before a role phrase (characters)
MAX_NAME_CHARS = 40
#: the most characters between a role phrase and the person named next to it
MAX_APPOSED_GAP = 3


#: how far back (characters) a title standing alone looks for the role phrase it repeats
TITLE_REFERENCE_REACH = 3000


#: who may speak when no one is named: the person, body or group named last
_NEAREST_LABELS = ("PER", "ORG", "NORP")


def _nearest_before(doc: Document, s: SentenceView, a: int, speakers: _Speakers, *,
                    sentence_only: bool = False, labels: tuple[str, ...] = _NEAREST_LABELS) -> Mention | None:
    toks = doc.tokens
    assert toks is not None
    cue_start = toks.start[s.view[a]]
    lo = s.start if sentence_only else cue_start - _IMPLICIT_REACH + 1
    before = [m for m in speakers.ending(lo, cue_start)
              if m.label in labels and (not sentence_only or m.start >= s.start)
              # (not a person a preposition governs: «رفع شكره لفلان»)
              and not (m.label == "PER" and _after_preposition(doc.text, m.start))
              and not _addressed(doc, s, m) and not m.extra.get("counted")]
    return before[-1] if before else None


def _addressed(doc: Document, s: SentenceView, m: Mention) -> bool:
    """Whether a mention carries ل right after a statement's masdar (في تصريح لصحيفة "عكاظ"): whom something is
    said to, not who says it (the ل of «المصالح الجهوية لوزارة الصحة» belongs to the subject)."""
    toks = doc.tokens
    assert toks is not None
    t = bisect_left(toks.start, m.start)
    i = bisect_left(s.view, t)
    if i >= len(s.view) or s.view[i] != t or toks.start[t] != m.start or _proclitic(doc, s, i) != "ل":
        return False
    table = cues()
    return any(table.roles_at(s.norms, k).get("masdar", (None,))[0] == i for k in range(max(0, i - 4), i))


#: how far back (characters) a subject-less «وقال إن» looks for who is speaking
_IMPLICIT_REACH = 400


def _only_speaker_between(doc: Document, s: SentenceView, b: int, p: int, speakers: _Speakers) -> bool:
    """Whether the words from view position ``b`` to ``p`` are only names that may speak, dates and punctuation."""
    toks = doc.tokens
    assert toks is not None
    if p <= b:
        return True
    lo, hi = toks.start[s.view[b]], toks.start[s.view[p]]
    spans = [(m.start, m.end) for m in speakers.starting(lo, hi)] + speakers.times_within(lo, hi)
    return all(toks.kind[s.view[i]] == PUNCT or any(x <= toks.start[s.view[i]] < y for x, y in spans)
               for i in range(b, p))


def _descriptions(doc: Document, s: SentenceView, quotes: list[Quote], speakers: _Speakers,
                  speaker_by_id: dict[str, Mention], table: PhraseTable) -> list[Quote]:
    """Quotes of the descriptions in sentence ``s`` that no cue of it has made (``describe`` verbs of the cue table):
    «بسبب ما وصفته "تعنت الغرفة"»، «المسألة التي وصفها بالخطيرة»، «ووصفته بالجائر», «التي وصفها البيت الأبيض
    بالقانونية». Who describes is named right after the verb, or is the speaker of the sentence's statement before
    it, or its subject; what is said is the quotation, or the word, after the verb (and its ب)."""
    toks = doc.tokens
    assert toks is not None
    n = len(s.norms)
    firsts = _describe_words(table)
    if not firsts.intersection(s.norms):
        return []
    made = {q.cue.start for q in quotes if q.cue is not None and q.sentence == s.index}
    out: list[Quote] = []
    for p in range(n):
        if s.norms[p] not in firsts:
            continue
        deem = "deem" in table.roles_at(s.norms, p)
        if not (deem or "describe" in table.roles_at(s.norms, p)) or toks.start[s.view[p]] in made or \
                not ((p and s.norms[p - 1] in _row_words("cues.tsv", "describe_after")) or
                     _proclitic(doc, s, p) in ("و", "ف")):
            continue
        k = p + 1
        start = toks.start[s.view[k]] if k < n else s.end
        speaker = next((m for m in speakers.starting_upto(start, start) if m.label in SPEAKER_LABELS), None)
        if speaker is not None:
            k = _view_after(doc, s, speaker.end)
        else:
            earlier = [q for q in quotes if q.sentence == s.index and q.cue is not None
                       and q.cue.start < toks.start[s.view[p]]]
            speaker = speaker_by_id.get(earlier[-1].speaker_mention or "") if earlier else None
        if k < n and s.norms[k] == "ب" and toks.kind[s.view[k]] != CLITIC:
            k += 1    # «بـ»
        if k < n and s.norms[k] in ("ـ",):
            k += 1
        if k >= n:
            continue
        that = _complementiser(s, k, table)
        if that:
            k = table.roles_at(s.norms, k)["complementiser"][0]    # «وصفها بأنها "الدكتاتورية بعينها"»
        if k < n and _opening(s, k):
            close = next((i for i in range(k + 1, min(n, k + MAX_QUOTED_DESCRIPTION + 1)) if s.norms[i] in _CLOSERS),
                         None)
            if close is None:
                continue
            last = close
            while last + 2 < n and (s.norms[last + 1] == "و" or _joined(toks, s.view[last + 1])):
                # «بأنها "الدكتاتورية بعينها" وبأنها "النظام الفاسد"»: descriptions joined, one statement
                j = last + 1 + (s.norms[last + 1] == "و")
                j = table.roles_at(s.norms, j)["complementiser"][0] if _complementiser(s, j, table) else j
                nxt = next((i for i in range(j + 1, min(n, j + MAX_QUOTED_DESCRIPTION + 1))
                            if s.norms[i] in _CLOSERS), None) if j < n and _opening(s, j) else None
                if nxt is None:
                    break
                last = nxt
            c_start, c_end = _token_span(s, doc, k + 1, close) if last == close else \
                _token_span(s, doc, k, last + 1)
            kind = "direct" if last == close else "mixed"
        elif deem and not that and k < n and toks.kind[s.view[k]] != PUNCT:
            # what is deemed runs to the end of the sentence, or to the next statement (not one set off by dashes
            # inside it: «إلاّ -حسب ما جاء في الفصل 80 من الدستور- في حالة ...»)
            dashed = False
            end = n
            for i in range(k + 1, n):
                if s.norms[i] in ("-", "–"):
                    dashed = not dashed
                elif not dashed and (s.norms[i] in (".", "؟", "!", ":") or "boundary" in table.roles_at(s.norms, i)
                                     or any(r in table.roles_at(s.norms, i) for r in _CUE_ROLES)):
                    end = i
                    break
            while end > k and toks.kind[s.view[end - 1]] == PUNCT:
                end -= 1
            if end - k > MAX_DEEMED_WORDS:
                continue
            c_start, c_end = _token_span(s, doc, k, end)
            kind = "indirect"
        elif not that and k < n and toks.kind[s.view[k]] != PUNCT and \
                (_proclitic(doc, s, k) == "ب" or definite(s.norms[k])):
            c_start, c_end = _token_span(s, doc, k, k + 1)
            kind = "indirect"
        else:
            continue
        if speaker is None:
            speaker = _first_speaker(doc, s, p, speakers)
        if speaker is None or not speaker.entity or not doc.text[c_start:c_end].strip():
            continue
        cue_start, cue_end = _token_span(s, doc, p, p + 1)
        if p and s.norms[p - 1] in _row_words("cues.tsv", "describe_after") and _proclitic(doc, s, p) == "و":
            cue_start = toks.start[s.view[p] - 1]   # «الذي وصفه»: the verb's own و, read apart as a conjunction
        out.append(Quote(id="", kind=kind, speaker=speaker.entity, speaker_mention=speaker.id,
                         cue=doc.span(cue_start, cue_end), content=doc.span(c_start, c_end), sentence=s.index))
    return out


def _joined(toks: Any, t: int) -> bool:
    """Whether the word of token ``t`` opens with the conjunction و (وبأنها), among its proclitics."""
    while t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t]:
        t -= 1
        if toks.norm[t] == "و":
            return True
    return False


@lru_cache(maxsize=1)
def _describe_words(table: PhraseTable) -> frozenset[str]:
    """The words that begin a ``describe`` or ``deem`` cue."""
    return table.first_words_for(frozenset({"describe", "deem"}))


#: the most words what someone deems may hold (بما اعتبرته الحملة المشبوهة التي أرادت توظيف ...)
MAX_DEEMED_WORDS = 40

#: the most words a quoted description may hold (ما وصفته " تعنت الغرفة الوطنية للمساحات التجارية ")
MAX_QUOTED_DESCRIPTION = 12


def _first_speaker(doc: Document, s: SentenceView, a: int, speakers: _Speakers) -> Mention | None:
    """The sentence's subject before the cue: its first person, body or group not governed by a preposition
    (للسلطات الإيطالية), not inside quotation marks, not inside a relative clause (التصريحات التي أدلى بها
    المسؤولون الإيرانيون) and no group in the object's case (المشاركين)."""
    toks = doc.tokens
    assert toks is not None
    cue_start = toks.start[s.view[a]]
    # (a state speaks as the subject right after the sentence's first verb: «تحفظت قطر على ...، مؤكدة»)
    second = toks.start[s.view[1]] if len(s.view) > 1 else -1
    return next((m for m in speakers.starting(s.start, cue_start)
                 if (m.label in ("PER", "ORG", "NORP", "TITLE") or (m.label == "GPE" and m.start == second))
                 and not _after_preposition(doc.text, m.start) and not _quoted(doc.text, s.start, m.start)
                 and not _in_relative_clause(doc.text, s.start, m.start)
                 and not _in_governed_phrase(doc, s, m) and not _oblique_group(m)), None)


def _oblique_group(m: Mention) -> bool:
    """Whether a group is named in the ين form of its plural (ضحك المشاركين، دعا المواطنين): an object or a
    genitive, never the subject, which takes ون (المشاركون)."""
    head = fold(m.text.split()[0]) if m.text.split() else ""
    return m.label == "NORP" and len(head) > 4 and head.endswith("ين")


#: how many words of a phrase a preposition governs may stand before a name in apposition to it
GOVERNED_PHRASE_WORDS = 4


def _in_governed_phrase(doc: Document, s: SentenceView, m: Mention) -> bool:
    """Whether a name stands in apposition inside a phrase a preposition governs (رفع التعازي لخادم الحرمين
    الشريفين الملك سلمان، رسالة إلى الرئيس السيسي: to whom, not who): definite words back to a word that carries ل
    or ب, or to a preposition written apart."""
    toks = doc.tokens
    assert toks is not None
    i = bisect_left(s.view, bisect_left(toks.start, m.start))
    for k in range(i - 1, max(-1, i - GOVERNED_PHRASE_WORDS - 1), -1):
        governing = _proclitic(doc, s, k) in ("ل", "ب")
        if governing or (k < i - 1 and s.norms[k] in _SEPARATE_PREPOSITIONS):
            return True
        if toks.kind[s.view[k]] == PUNCT or not definite(s.norms[k]):
            return False
    return False


def _in_relative_clause(text: str, start: int, offset: int) -> bool:
    """Whether a relative pronoun opens a clause that reaches ``offset`` (no comma between them)."""
    words = text[start:offset].replace("،", " ، ").replace(",", " , ").split()
    for w in reversed(words[-8:]):
        if w in ("،", ","):
            return False
        if fold(w) in RELATIVE_PRONOUNS:
            return True
    return False


#: prepositions written apart (normalised) that govern the name after them: no subject follows them
_SEPARATE_PREPOSITIONS = frozenset({"من", "قبل", "في", "الي", "علي", "عن", "مع", "ضد", "لدي", "حول"})


def _after_preposition(text: str, start: int) -> bool:
    """Whether a preposition is written onto the word that starts at ``start`` (ب، ل، ك) or stands right before it
    (من قبل الحكومة، مع الوزير)."""
    k = start - 1
    words = text[max(0, start - 12):start].split()
    if words and text[k:start].isspace() and (fold(words[-1]) in _SEPARATE_PREPOSITIONS or (
            fold(words[-1])[:1] in ("و", "ف") and fold(words[-1])[1:] in _SEPARATE_PREPOSITIONS)):
        return True   # (also with و or ف: «وفي نيروبي»)
    if k < 0 or text[k] not in "بلك":
        return False
    while k > 0 and text[k - 1] in "وف":
        k -= 1
    return k == 0 or not text[k - 1].isalpha()


def _genitive_of_governed(doc: Document, m: Mention) -> bool:
    """Whether ``m`` is the genitive of a plain noun that a preposition governs (ببرنامج | الحكومة، في إطار | الاتحاد):
    part of a prepositional phrase."""
    words = doc.text[max(0, m.start - 30):m.start].split()
    if not words or not doc.text[m.start - 1:m.start].isspace() or not words[-1].isalpha():
        return False
    noun_start = m.start - 1 - len(words[-1])
    toks = doc.tokens
    assert toks is not None
    first = bisect_left(toks.start, noun_start)
    word = range(first, bisect_left(toks.start, m.start - 1))   # the tokens of the noun (starts are in order)
    clitics = [toks.norm[i] for i in word if toks.kind[i] == CLITIC]
    noun = next((toks.norm[i] for i in word if toks.kind[i] != CLITIC), "")
    if not noun or doc.mentions_at(noun_start) or title_words().roles_at([noun], 0) or definite(noun) or \
            cues().roles_at([noun], 0):
        return False    # (a title or name of its own: «رئيس الحكومة»; a definite noun ends its phrase; «إلى أن»)
    return bool({"ب", "ل", "ك"} & set(clitics)) or _after_preposition(doc.text, noun_start)


def _in_place_phrase(text: str, start: int) -> bool:
    """Whether the place name at ``start`` completes a noun a preposition governs (في منطقة الأحساء، بولاية
    سيدي بوزيد): where, not who."""
    words = text[max(0, start - 30):start].split()
    if len(words) < 2 or not text[start - 1:start].isspace():
        return False
    noun = fold(words[-1])
    return fold(words[-2]) in _SEPARATE_PREPOSITIONS or (noun[:1] in ("ب", "ل") and len(noun) > 4)


def _quoted(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened after ``start``."""
    before = text[start:offset]
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»") or before.count("“") > before.count("”")


def _no_subject_next(doc: Document, s: SentenceView, b: int, table: PhraseTable) -> bool:
    """Whether what follows a cue leaves no room for a subject: a governed preposition (وأشار إلى، وطالب بـ),
    also as the end of the cue itself (أشار_إلى), an aside (وأفاد في تصريح، وأضاف خلال ...) or a quotation."""
    if b >= len(s.norms):
        return False
    if b > 1 and "preposition" in table.roles_at(s.norms, b - 1) and "verb" in table.roles_at(s.norms, b - 2):
        return True
    roles = table.roles_at(s.norms, b)
    # من opens an aside as often as it is governed (وقال من جهته): governed only before a word that is no aside
    from_aside = s.norms[b] == "من" and (b + 1 >= len(s.norms) or bool(
        table.roles_at(s.norms, b + 1).keys() & {"boundary", "aside"}))
    return s.norms[b] in _OPENERS or s.norms[b] in ("،", ",") or _governed(doc, s, b) or \
        ("preposition" in roles and not from_aside) or "aside" in roles or \
        (_pronominal_noun(doc, s, b) and not _person_next(doc, s, b + 1))


def _headline(doc: Document, s: SentenceView, speakers: _Speakers) -> Quote | None:
    """«خامنئي: ...» in a title or heading: the name that opens it speaks the rest after the colon. Between the name
    and the colon may stand whom it is said to (لـ...) or an aside (في اجتماعه ب...، خلال ...); a name that does not
    open the heading («في ذكرى اعدام فلان: ...») speaks nothing, and a country or place alone before the colon
    («العراق: العثور على ...») labels the news rather than speaks."""
    block = doc.blocks[doc.sentences[s.index].block] if doc.blocks else None
    if block is None or block.kind == "paragraph":
        return None
    colon = doc.text.find(":", s.start, s.end)
    if colon < 0:
        return None
    toks = doc.tokens
    assert toks is not None
    first = s.start
    while first < colon and doc.text[first] in " \u00a0\"«“'":
        first += 1
    opening = next((m for m in speakers.starting_upto(first, first) if m.end <= colon), None)
    if opening is None:
        opening = _titled_heading(doc, s, first, colon, speakers)
    k = 0
    while k < len(s.norms) and (hit := title_words().roles_at(s.norms, k).get("honorific")) is not None:
        k = hit[0]    # «الدكتور العمري : ...»
    if k == 0 and len(s.norms) > 2 and "head" in title_words().roles_at(s.norms, 0) and definite(s.norms[0]):
        k = 1         # «الوزير العمري: ...»
    if opening is None and len(s.norms) > k + 2 and s.norms[k + 1] == ":" and _family_name(s.norms[k]) and \
            not _proclitic(doc, s, k):
        # «الدايمي : ...»: a family name alone before the colon, one the tagger did not know
        opening = _group_speaker(doc, toks.start[s.view[k]], toks.end[s.view[k]], label="PER")
    whole = None
    if (opening is None or (opening.label == "PER" and opening.start == toks.start[s.view[k]]
                            and doc.text[opening.end:colon].strip())) and \
            (whole := _heading_name(doc, s, k, colon)) is not None:
        opening = whole    # «سامية عبو : ...»، «سمير الشفي : ...»: a name the tagger read in part, or not at all
    if opening is None or opening.label in ("GPE", "LOC"):
        return None
    named = whole or _speaker_at(doc, s, _view_after(doc, s, opening.start), speakers) or opening
    if named.end > colon:
        named = opening
    rest = _view_after(doc, s, named.end)
    if doc.text[named.end:colon].strip(" \u00a0\"»”'") and not (
            rest < len(s.norms) and (_audience(doc, s, rest) or "aside" in cues().roles_at(s.norms, rest)
                                     or s.norms[rest] in _HEADING_TOPICS)):
        return None
    start, end = colon + 1, s.end
    while start < end and doc.text[start] in " \u00a0":
        start += 1
    if end - start > 2 and doc.text[start] in _HEADLINE_OPENERS and \
            doc.text[end - 1] == _HEADLINE_OPENERS[doc.text[start]] and \
            not any(ch in doc.text[start + 1:end - 1] for ch in _HEADLINE_OPENERS.values()):
        start, end = start + 1, end - 1     # («مرزوق ... : "شكون قاعد يحكم؟"»: what is said, not its marks)
    if end - start < 3:
        return None
    return Quote(id="", kind="direct", speaker=named.entity, speaker_mention=named.id,
                 cue=doc.span(colon, colon + 1), content=doc.span(start, end), sentence=s.index)


def _heading_name(doc: Document, s: SentenceView, k: int, colon: int) -> Mention | None:
    """The person named by the two or three words from view word ``k`` to a heading's colon, where each reads as a
    name (``_person_word``, or the tagger's) and one is a known first name or the tagger's: the person the article
    names with the same family name, or one of its own."""
    toks = doc.tokens
    assert toks is not None
    end = next((i for i in range(k, len(s.norms)) if toks.start[s.view[i]] >= colon), len(s.norms))
    words = range(k, end)
    if not 2 <= len(words) <= 3 or _proclitic(doc, s, k) or \
            any(toks.kind[s.view[i]] == PUNCT or len(s.norms[i]) < 2 for i in words):
        return None
    tagged = [any(m.label == "PER" for m in doc.mentions_at(toks.start[s.view[i]])) or
              any(m.label == "PER" and m.start <= toks.start[s.view[i]] < m.end
                  for m in doc.mentions_at(toks.start[s.view[k]])) for i in words]
    model = load_model()
    if model is None or not all(t or _person_word(s.norms[i]) for i, t in zip(words, tagged, strict=True)) or \
            not (any(tagged) or model.featurizer.person_word(s.norms[k])):
        return None
    start, stop = toks.start[s.view[k]], toks.end[s.view[end - 1]]
    family = fold(s.norms[end - 1])
    known = next((m for m in doc.mentions if m.label == "PER" and m.entity and m.start >= stop
                  and fold(m.text).split()[-1:] == [family]), None)
    if known is None:
        return _group_speaker(doc, start, stop, label="PER")
    mention = doc.add_mention(start, stop, "PER")
    mention.entity = known.entity
    entity = next((e for e in doc.entities if e.id == known.entity), None)
    if entity is not None:
        entity.mentions.append(mention.id)
    return mention


#: the quotation marks that may enclose all a heading says after its colon, with their closing marks
_HEADLINE_OPENERS = {'"': '"', "«": "»", "“": "”"}


#: words between a heading's speaker and its colon that say what the words are about (قايد السبسي حول أزمة نداء
#: تونس : ...)
_HEADING_TOPICS = frozenset({"حول", "بشان", "بخصوص", "عن"})


def _titled_heading(doc: Document, s: SentenceView, first: int, colon: int, speakers: _Speakers) -> Mention | None:
    """«نائب عن الجبهة الشعبية: ...»: a short heading before the colon that names a body or title but opens with a
    plain word is an unnamed speaker (a group mention made here); one that opens with a preposition or an aside
    («في جولة لرئيس الحكومة: ...») speaks nothing."""
    toks = doc.tokens
    assert toks is not None
    i = _view_after(doc, s, first)
    stop = colon
    while stop > first and doc.text[stop - 1] in " \u00a0":
        stop -= 1
    words = [k for k in range(i, _view_after(doc, s, stop)) if toks.kind[s.view[k]] != PUNCT]
    if not words or len(words) > MAX_HEADING_WORDS or not _plain_word(doc, s, i) or _governed(doc, s, i) \
            or cues().roles_at(s.norms, i).keys() & {"aside", "topic_heading"} or s.norms[i][:1].isdigit():
        return None     # (nor a count: «5 حقائق عن سيدة الإيليزيه : ...» lists, says nothing)
    if not any(m.end <= stop and m.label in ("ORG", "NORP", "TITLE") for m in speakers.starting(first, stop)):
        return None
    return _group_speaker(doc, toks.start[s.view[i]], stop)


#: the longest unnamed speaker before a heading's colon
MAX_HEADING_WORDS = 6
