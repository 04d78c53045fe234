"""Regular Arabic inflection for the lexicons: one verb or noun written in a data file stands for the forms news uses.

Data files list a sound verb as ``past/imperfect`` (its third person masculine singular forms: ``اقتحم/يقتحم``) and a
noun with a trailing ``+`` (``اعتقال+``); :func:`expand` turns either into the written forms, which the phrase
tables then normalise like any other word. Verbs that the regular pattern does not fit (weak, doubled or hollow
verbs whose stems change: دعا/يدعو، التقى/يلتقي، قال/يقول) are written out in full instead.

- a verb: the past in the persons news reports (فعل، فعلت، فعلوا، فعلا، فعلتا، فعلن), the imperfect (يفعل، تفعل،
  يفعلون، يفعلوا، يفعلان، تفعلان، يفعلا، يفعلن، نفعل), and those with an object pronoun (فعله، فعلتها،
  فعلوهم، يفعلها...); the future prefix (سيفعل) and conjunctions are proclitics the tokeniser removes anyway;
- a noun (a masdar): the bare and definite forms and the bare form with a possessive pronoun (اعتقاله، اعتقالهم),
  ة becoming ت before the pronoun (مداهمته).
"""

from __future__ import annotations

_OBJECT = ("ه", "ها", "هم", "هما", "هن")
_POSSESSIVE = ("ه", "ها", "هم", "هما")


def verb_forms(past: str, imperfect: str) -> list[str]:
    """The forms of a sound verb given by its past and imperfect third person masculine singular."""
    stem = imperfect[1:]
    pasts = [past, past + "ت", past + "وا", past + "ا", past + "تا", past + "ن"]
    presents = ["ي" + stem, "ت" + stem, "ن" + stem, "ي" + stem + "ون", "ت" + stem + "ون", "ي" + stem + "وا",
                "ت" + stem + "وا", "ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem + "ا", "ت" + stem + "ا",
                "ي" + stem + "ن"]
    # not فعله: written with ة it is a noun (طلبة «students», not طلبه «asked for it»)
    with_object = [past + o for o in _OBJECT[1:]]
    with_object += [f + o for f in (past + "ت", "ي" + stem, "ت" + stem, "ن" + stem) for o in _OBJECT]
    with_object += [f + o for f in (past + "و", "ي" + stem + "و") for o in _OBJECT]   # اقتحموه، يقتلونهم
    with_object += ["ي" + stem + "ون" + o for o in _OBJECT]
    return _unique(pasts + presents + with_object)


def object_stems(norm: str) -> list[str]:
    """The verbs a normalised word may be with an object pronoun taken off (أوردتها → أوردت، أعدمهم → أعدم، التقاه →
    التقا and التقي): the forms a table of verbs is asked about, to tell a verb that carries its object (whose subject
    is named after it) from one that does not."""
    out: list[str] = []
    for p in ("هما", "ها", "هم", "ه"):
        stem = norm[:-len(p)]
        if norm.endswith(p) and len(stem) >= 3:
            out.append(stem)
            if stem.endswith("ا"):
                out.append(stem[:-1] + "ي")    # (a final ى written ا before the pronoun)
    return out


def noun_forms(noun: str) -> list[str]:
    """A noun's bare and definite forms, and the bare form with a possessive pronoun. Not its indefinite accusative
    (حرقا، اعتراضا), as often an adverb of manner (توفيت حرقا) as an object: the lists write it out where it is the
    object of the verb that carries the event out (نفذوا إضرابا)."""
    base = noun[:-1] + "ت" if noun.endswith("ة") else noun
    return _unique([noun, "ال" + noun] + [base + p for p in _POSSESSIVE])


def plural_forms(plural: str) -> list[str]:
    """A plural noun written without the article: with and without it, and for a sound masculine plural (ون) the
    ين form and the construct forms (خاطفو الطائرة، خاطفي الطائرة)."""
    forms = [plural]
    if plural.endswith("ون") and len(plural) > 3:
        forms += [plural[:-2] + "ين", plural[:-1], plural[:-2] + "ي"]
    return _unique(forms + ["ال" + f for f in forms if f.endswith(("ون", "ين")) or f == plural])


def expand(form: str) -> list[str]:
    """The written forms a data-file entry stands for (the entry itself when it is a plain form). In a phrase
    (words joined by ``_``) the first word may be a verb or noun entry: ``فرض/يفرض_عقوبات``."""
    head, sep, tail = form.partition("_")
    if sep and head != form:
        return [f + sep + tail for f in expand(head)] if ("/" in head or head.endswith("+")) else [form]
    if "/" in form:
        past, _, imperfect = form.partition("/")
        return verb_forms(past, imperfect)
    if form.endswith("+") and len(form) > 1:
        return noun_forms(form[:-1])
    return [form]


def _unique(forms: list[str]) -> list[str]:
    return list(dict.fromkeys(forms))
