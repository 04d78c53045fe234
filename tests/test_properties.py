"""Property-based tests: over arbitrary Unicode text (mixed Arabic and Latin, emoji, bidi controls, combining marks,
presentation forms, lone surrogates), the span invariant and the normalisation map never break."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import analyze
from marsad.document import Document
from marsad.pipeline import InputError
from marsad.text.normalise import Folds, fold, normalise

ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئىةڤگپچژیک"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
PUNCT = " .،؛؟!:«»“”\"()-\n\n\t\u00a0…٫٬"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲"
SPECIAL = "\ufefb\ufef7\ufdf2\ufdfa\ufe8d\ufedf\ufb01ＡＢ😀👍🏽\u0301\ud800\udfff"

pieces = st.one_of(
    st.text(alphabet=ARABIC + MARKS, min_size=1, max_size=8),
    st.text(alphabet=CONTROLS + PUNCT + DIGITS + SPECIAL, min_size=1, max_size=3),
    st.text(min_size=1, max_size=4),  # anything at all, surrogates included
    st.sampled_from(["د.", "أ.", "3.5", "U.S.", "وويتكوڤ", "للولايات", "اجتماعًا", "«قال: نعم.»", "هـ."]),
)
texts = st.lists(pieces, min_size=1, max_size=40).map("".join)
folds = st.builds(Folds, **{name: st.booleans() for name in Folds.__dataclass_fields__})

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, folds)
def test_normalisation_map_is_consistent(text: str, f: Folds) -> None:
    n = normalise(text, f)
    assert n.text == fold(text, f)
    starts = [n.orig_start(i) for i in range(len(n.text))]
    assert starts == sorted(starts)
    for i, o in enumerate(starts):
        assert 0 <= o < n.orig_end(i) <= len(text)
        assert n.text[i] in fold(text[o], f)       # each normalised character comes from its original one
    # a span that does not cut through an expansion maps to original text that folds back to it exactly
    bounds = [i for i in range(len(n.text) + 1) if i in (0, len(n.text)) or starts[i] != starts[i - 1]]
    for a in bounds:
        for b in bounds:
            if a < b and b - a <= 12:
                s, e = n.to_original(a, b)
                assert fold(text[s:e], f) == n.text[a:b]


@SETTINGS
@given(texts)
def test_span_invariant_holds_for_any_text(text: str) -> None:
    try:
        doc = analyze(text)
    except InputError:
        assert not text.strip()
        return
    doc.validate()
    assert doc.tokens is not None
    prev = 0
    for i in range(len(doc.tokens)):
        s, e = doc.tokens.start[i], doc.tokens.end[i]
        assert prev <= s < e <= len(text)
        prev = e
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text)
    ends = [0]
    for s in doc.sentences:
        assert ends[-1] <= s.start < s.end <= len(text)
        block = doc.blocks[s.block]
        assert block.start <= s.start and s.end <= block.end
        ends.append(s.end)
    again = Document.from_json(doc.to_json())
    assert again.text == text


@SETTINGS
@given(texts)
def test_clitic_pieces_rebuild_their_word(text: str) -> None:
    try:
        doc = analyze(text)
    except InputError:
        return
    toks = doc.tokens
    assert toks is not None
    by_word: dict[int, list[int]] = {}
    for i in range(len(toks)):
        by_word.setdefault(toks.word[i], []).append(i)
    for idx in by_word.values():
        for a, b in itertools.pairwise(idx):
            assert toks.end[a] == toks.start[b]     # pieces of one word are contiguous
