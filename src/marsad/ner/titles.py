"""TITLE mentions: role and office phrases (الرئيس الروسي، وزير الخارجية الأمريكي، مساعد الرئيس الروسي،
المبعوث الأمريكي الخاص بشأن الشرق الأوسط), the words in ``data/ner/titles.tsv``.

A title is a head (الرئيس، وزير، المبعوث), then any of: a portfolio (وزير الخارجية), a nationality (الروسي),
qualifiers (الخاص، السابق) and a remit after بشأن/باسم/لدى (الشرق الأوسط). A dependent office (مساعد، نائب، صهر)
takes a whole title after it: «مساعد الرئيس الروسي» is a title and so is the «الرئيس الروسي» inside it; both are
mentions, for the resolver to tell who each denotes. A bare head (الرئيس) is not a title mention: it needs at least
one of the other parts to say whose office it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources

from marsad.document import Document
from marsad.ner.phrases import PhraseTable, read_rows
from marsad.text.normalise import fold
from marsad.text.tokenize import CLITIC, Tokens


@lru_cache(maxsize=1)
def words() -> PhraseTable:
    """The title table: titles.tsv, and as nationalities also the adjectives of the countries' names that
    ``scripts/build_ner_resources.py`` derives from the country gazetteer (التشادي، القمري)."""
    rows = [(form, role, True) for role, forms in read_rows("titles.tsv") for form in forms.split()]
    derived = resources.files("marsad").joinpath("data/ner/resources/gaz/nationality.txt")
    if derived.is_file():
        rows += [(form, "nationality", True) for form in derived.read_text(encoding="utf-8").split()]
    return PhraseTable(rows)


#: the roles of the title table that name an office held by someone (not a nationality, qualifier or honorific)
OFFICE_ROLES = frozenset({"head", "office", "dependent", "body_head"})


def office_word(norm: str) -> bool:
    """Whether a normalised word, with or without its article, names an office (النائب، وزير، الوالي)."""
    bare = norm[2:] if norm.startswith("ال") else norm
    return any(words().roles_at([w], 0).keys() & OFFICE_ROLES for w in (bare, "ال" + bare))


class _Parser:
    def __init__(self, norms: list[str], after_lam: list[bool]) -> None:
        self.norms, self.after_lam = norms, after_lam
        self.table = words()

    def match(self, p: int, role: str) -> int | None:
        """End of the longest phrase with ``role`` at ``p``."""
        hit = self.table.roles_at(self.norms, p).get(role)
        return None if hit is None else hit[0]

    def title(self, p: int, found: list[tuple[int, int]]) -> int | None:
        """End of the title starting at ``p``; appends (start, end) of it and of any title nested in it."""
        dep = self.match(p, "dependent")
        if dep is not None:
            inner = self.title(dep, found)
            if inner is not None:
                end = self.modifiers(inner)
                found.append((p, end))
                return end
        office = self.match(p, "office")
        if office is not None:   # وكيل الجمهورية: an office that says whose it is
            end = self.modifiers(office)
            found.append((p, end))
            return end
        head = self.match(p, "head")
        if head is None:
            return None
        end = self.modifiers(head)
        if end == head:
            return None   # a bare head does not say whose office it is
        found.append((p, end))
        return end

    def modifiers(self, q: int) -> int:
        while q < len(self.norms):
            for role in ("portfolio", "nationality", "qualifier"):
                end = self.match(q, role)
                if end is not None:
                    q = end
                    break
            else:
                if self.after_lam[q] and (region := self.match(q, "region")) is not None:
                    q = region   # الأمين العام للأمم المتحدة
                    continue
                remit = self.match(q, "remit")
                target = None if remit is None else self.remit_target(remit)
                if target is None:
                    return q
                q = target
        return q

    def remit_target(self, p: int) -> int | None:
        """What an envoy or spokesperson is for: a region or body, a portfolio, or a ministry and its portfolio."""
        ministry = self.match(p, "ministry")
        if ministry is not None:
            return self.match(ministry, "portfolio")
        return self.match(p, "region") or self.match(p, "portfolio")


def title_mentions(doc: Document) -> None:
    """Add TITLE mentions to ``doc`` (tokenise it first)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    first = words().first_words
    norms, kinds, sents, starts, ends = toks.norm, toks.kind, toks.sentence, toks.start, toks.end
    n = len(toks)
    i = 0
    while i < n:
        j = i
        while j < n and sents[j] == sents[i]:
            j += 1
        view = [k for k in range(i, j) if kinds[k] != CLITIC]
        if any(norms[k] in first for k in view):
            after_lam = [k > i and kinds[k - 1] == CLITIC and norms[k - 1] == "ل" for k in view]
            parser = _Parser([norms[k] for k in view], after_lam)
            p = 0
            while p < len(view):
                found: list[tuple[int, int]] = []
                end = parser.title(p, found)
                if end is None:
                    p += 1
                    continue
                for a, b in sorted(found, key=lambda ab: (ab[0], -ab[1])):
                    doc.add_mention(starts[view[a]], ends[view[b - 1]], "TITLE")
                p = end
        i = j


def _people_before_titles(doc: Document) -> None:
    """A person's name the tagger ran into the office after it ends where the office begins («لسعد اليعقوبي |
    الكاتب العام للنقابة»): a title that starts inside the name and goes on past it is no part of it."""
    titles = sorted((m.start, m.end) for m in doc.mentions if m.label == "TITLE")
    if not titles:
        return
    starts = [a for a, _ in titles]
    cut: dict[str, int] = {}
    for m in doc.mentions:
        if m.label == "PER":
            k = bisect_right(starts, m.start)
            at = next((a for a, b in titles[k:bisect_left(starts, m.end)] if m.end < b), None)
            if at is not None and doc.text[m.start:at].strip():
                cut[m.id] = at
    if not cut:
        return
    people = [m for m in doc.mentions if m.id in cut]
    doc.mentions = [m for m in doc.mentions if m.id not in cut]
    for m in people:
        rest = doc.text[m.start:cut[m.id]].rstrip()
        if fold(rest) not in _honorifics():    # (not «سماحة | المفتي»: an honorific and an office, no name)
            doc.add_mention(m.start, m.start + len(rest), "PER", **m.extra)


def body_titles(doc: Document) -> None:
    """TITLE mentions for an office of a named body (run after the organisation names): a head of the title table
    (or a ``body_head``: مسؤول، عضو، مدير) right before an ORG mention, in construct or with ل (رئيس حزب المجد،
    رئيس حكومة الوحدة الوطنية، الأمين العام لاتحاد الشغل), or a head right before a state or city (حاكم دبي).
    The body stays a mention of its own inside the title, which is the office-holder's: the name in apposition
    after it, or the person the resolver finds it denotes."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    table = words()
    token_at = {toks.start[t]: t for t in range(len(toks))}
    titled = {(m.start, m.end) for m in doc.mentions if m.label == "TITLE"}
    body_ends = {m.end for m in doc.mentions if m.label in ("GPE", "ORG")}   # (the loop adds neither)
    person_starts = {m.start for m in doc.mentions if m.label == "PER"}
    for org in [m for m in doc.mentions if m.label in ("ORG", "GPE", "FAC")]:
        t = token_at.get(org.start)
        if t is None:
            continue
        p = t - 1
        w = p - 1 if p > 0 and toks.kind[p - 1] == CLITIC and toks.end[p - 1] == toks.start[p] else p   # بـ|اسم
        last = bisect_left(toks.end, org.end)
        if w > 0 and toks.kind[p] != CLITIC and org.label == "ORG" and toks.sentence[w] == toks.sentence[t] and \
                table.roles_at([toks.norm[p]], 0).get("remit", (0,))[0] == 1 and \
                not table.roles_at([toks.norm[last]], 0):   # (not «مركز الملك» cut before سلمان: a name follows)
            # «الناطق الرسمي باسم اتحاد الشغل»: a spokesperson's title runs over the body named after its remit
            office = next((m for m in doc.mentions if m.label == "TITLE" and m.end == toks.end[w - 1]), None)
            start = office.start if office is not None else None
            if office is None and toks.kind[w - 1] != CLITIC and toks.sentence[w - 1] == toks.sentence[t] and \
                    table.roles_at([toks.norm[w - 1], toks.norm[p]], 0).get("dependent", (0,))[0] == 2:
                start = toks.start[w - 1]   # «المتحدث باسم حركة النهضة»: no title before, the spokesperson alone
            if start is not None and (start, org.end) not in titled:
                doc.mentions = [m for m in doc.mentions if m is not office]
                doc.add_mention(start, org.end, "TITLE")
                titled.add((start, org.end))
            continue
        if org.label in ("ORG", "FAC") and (start := _affiliate_before(toks, table, t)) is not None:
            # «القيادي في حركة النهضة»، «الباحثة بجامعة تونس»: a role in the body named after في or بـ (not over a
            # person the body's name ran into: «الباحثة في جامعة تونس سلوى الشرفي»)
            if (start, org.end) not in titled and not any(a < start < b for a, b in titled) and \
                    not any(toks.start[k] in person_starts for k in range(t + 1, last + 1)):
                doc.add_mention(start, org.end, "TITLE")
                titled.add((start, org.end))
            continue
        lam = p >= 0 and toks.kind[p] == CLITIC and toks.norm[p] == "ل" and toks.end[p] == toks.start[t]
        if lam:
            p -= 1        # الأمين العام لاتحاد الشغل
        # the head (one or two words: الأمين العام) right before, in the same sentence
        for size in (2, 1):
            first = p - size + 1
            if first < 0 or any(toks.kind[k] == CLITIC or toks.sentence[k] != toks.sentence[t]
                                for k in range(first, p + 1)):
                continue
            roles = table.roles_at([toks.norm[k] for k in range(first, p + 1)], 0)
            # (an office of a state only in construct: حاكم دبي، ملك الأردن; مسؤول تونس is no title)
            hit = roles.get("head") or roles.get("office") or (
                roles.get("body_head") if org.label in ("ORG", "FAC") else None)
            if hit is not None and lam and not toks.norm[first].startswith("ال"):
                break     # «حاجز رئيس للحوثيين»: «main», not an office (an office takes ل only when definite)
            if hit is not None and not lam and toks.norm[p].startswith("ال"):
                break     # «وزار الوزير المستشفى الجهوي»: a definite word is in construct with nothing — the body
                #           after it is the verb's object
            if hit is not None and "body_head" in roles and first > 0 and toks.end[first - 1] in body_ends:
                break     # «تركيا عضو حلف الناتو»: a member state in apposition, no office
            if hit is not None and hit[0] == size:
                if first > 0 and toks.kind[first - 1] != CLITIC and toks.sentence[first - 1] == toks.sentence[t] and \
                        "dependent" in table.roles_at([toks.norm[first - 1]], 0):
                    first -= 1    # «نائب مدير مطار عدن»: the office that depends on the one before the body
                start = toks.start[first]
                if (start, org.end) not in titled and not any(a < start < b for a, b in titled):
                    # (not inside a longer title the title rules found: نائب مدير مطار عدن)
                    doc.add_mention(start, org.end, "TITLE")
                    titled.add((start, org.end))
                    if "office" in roles:
                        # «المدعية العامة | للمحكمة الجنائية الدولية»: the office alone is no second title
                        inner = toks.end[p]
                        doc.mentions = [m for m in doc.mentions if not (m.label == "TITLE" and m.start == start
                                                                         and m.end == inner)]
                break
    _people_before_titles(doc)


def _affiliate_before(toks: Tokens, table: PhraseTable, t: int) -> int | None:
    """The start of a role word of the ``affiliate`` row (القيادي، الباحثة) right before في or the proclitic بـ
    before token ``t``, in its sentence: the role in the body named at ``t``."""
    p = t - 1
    if p < 1 or toks.sentence[p - 1] != toks.sentence[t]:
        return None
    if not ((toks.kind[p] == CLITIC and toks.norm[p] == "ب" and toks.end[p] == toks.start[t])
            or (toks.kind[p] != CLITIC and toks.norm[p] == "في")):
        return None
    role = p - 1
    if toks.kind[role] == CLITIC or "affiliate" not in table.roles_at([toks.norm[role]], 0):
        return None
    return toks.start[role]


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(fold(w.replace("_", " ")) for role, forms in read_rows("titles.tsv") if role == "honorific"
                     for w in forms.split())


#: a word, after any spaces
_WORD = re.compile(r"\s*(\S+)")


def after_honorifics(text: str, offset: int) -> int:
    """``offset`` moved past the words of address and rank that follow it (الأستاذ، الشيخ، اللواء): where the name
    after a title starts."""
    from marsad.text.normalise import fold

    honorifics = _honorifics()
    while True:
        m = _WORD.match(text, offset)
        if m is None or fold(m.group(1)) not in honorifics:
            return offset
        offset = m.end()

