"""Blocks and sentences: headings stay headings, and sentences end where Arabic news ends them."""

from __future__ import annotations

from marsad import analyze
from marsad.text.segment import is_heading_line, segment_blocks, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_seed_article_headings(seed_text: str) -> None:
    doc = analyze(seed_text)
    headings = [seed_text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        "تفاصيل اجتماع بوتين مع ويتكوف وكوشنر وجهود السلام في أوكرانيا",
        "مخاوف أوكرانية من تراجع الدعم الأمريكي",
        "خلفية الأزمة وأهمية الوساطة",
        "ردود الفعل الدولية على الاجتماع",
    ]
    assert doc.blocks[0].kind == "paragraph"   # the lede ends with a full stop: not a title


def test_heading_is_never_merged_into_a_sentence(seed_text: str) -> None:
    doc = analyze(seed_text)
    for b in doc.blocks:
        inside = [s for s in doc.sentences if s.start < b.end and s.end > b.start]
        assert all(b.start <= s.start and s.end <= b.end for s in inside)
        if b.kind == "heading":
            assert [(s.start, s.end) for s in inside] == [(b.start, b.end)]


def test_seed_sentence_count_and_edges(seed_text: str) -> None:
    doc = analyze(seed_text)
    texts = [seed_text[s.start:s.end] for s in doc.sentences]
    assert texts[0].startswith("عقد الرئيس الروسي") and texts[0].endswith("جاريد كوشنر.")
    ushakov = ("صرح يوري أوشاكوف، مساعد الرئيس الروسي، بأن المحادثات بين بوتين وويتكوڤ كانت"
               " “بناءة ومفيدة للغاية وموضوعية”.")
    assert ushakov in texts
    assert all(t == t.strip() for t in texts)
    assert len(texts) == 35


def test_arabic_comma_and_semicolon_do_not_end_sentences() -> None:
    text = "قال الرئيس، وهو يبتسم، إن الوضع جيد؛ ثم غادر."
    assert sentences(text) == [text]


def test_full_stop_question_and_exclamation_end_sentences() -> None:
    assert sentences("وصل الوفد. هل يتفقون؟ نعم! انتهى…") == ["وصل الوفد.", "هل يتفقون؟", "نعم!", "انتهى…"]


def test_no_split_inside_quotation_marks() -> None:
    text = "قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر. وأضاف مسؤول: “الوضع صعب. لكننا هنا”."
    assert sentences(text) == ["قال الوزير: «لن نتراجع. سنواصل العمل» ثم غادر.", "وأضاف مسؤول: “الوضع صعب. لكننا هنا”."]


def test_quote_that_ends_the_sentence_closes_it() -> None:
    text = "وقال: \"سنواصل العمل.\" وأضاف أن الوفد سيعود."
    assert sentences(text) == ["وقال: \"سنواصل العمل.\"", "وأضاف أن الوفد سيعود."]


def test_unbalanced_quote_protects_nothing() -> None:
    assert sentences("قال: «لن نتراجع. سنواصل العمل") == ["قال: «لن نتراجع.", "سنواصل العمل"]


def test_abbreviations_and_initials() -> None:
    assert sentences("التقى د. محمد علي بالوفد. ثم غادر.") == ["التقى د. محمد علي بالوفد.", "ثم غادر."]
    assert sentences("نقلت وكالة أ. ف. ب. الخبر.") == ["نقلت وكالة أ. ف. ب. الخبر."]
    assert sentences("وصل إلى U.S. embassy اليوم.") == ["وصل إلى U.S. embassy اليوم."]


def test_era_abbreviation_after_a_number_may_end_a_sentence() -> None:
    assert sentences("ولد عام 1380 هـ. وتوفي لاحقا.") == ["ولد عام 1380 هـ.", "وتوفي لاحقا."]


def test_decimal_numbers_do_not_split() -> None:
    assert sentences("بلغ النمو 3.5 في المئة. وارتفع التضخم.") == ["بلغ النمو 3.5 في المئة.", "وارتفع التضخم."]


def test_title_block_and_jsonl_title() -> None:
    text = "بوتين يستقبل ويتكوف في الكرملين\nعقد الرئيس الروسي اجتماعا مطولا. وقال مساعده إنه كان بناء."
    blocks = segment_blocks(text)
    assert [b.kind for b in blocks] == ["title", "paragraph"]
    blocks = segment_blocks("سطر أول.\nسطر ثان.", title="سطر أول.")
    assert blocks[0].kind == "title"


def test_single_line_document_is_a_paragraph() -> None:
    assert [b.kind for b in segment_blocks("خبر قصير بلا نقطة")] == ["paragraph"]


def test_heading_line_rules() -> None:
    assert is_heading_line("ردود الفعل الدولية على الاجتماع")
    assert not is_heading_line("وقال الرئيس:")
    assert not is_heading_line("انتهى الاجتماع.")
    assert not is_heading_line(" ".join(["كلمة"] * 30))
    assert not is_heading_line("***")


def test_blank_and_punctuation_lines_are_not_blocks() -> None:
    text = "فقرة أولى.\n\n   \n***\nفقرة ثانية.\r\nفقرة ثالثة."
    assert [text[b.start:b.end] for b in segment_blocks(text)] == ["فقرة أولى.", "فقرة ثانية.", "فقرة ثالثة."]


def test_a_closing_mark_whose_opening_was_left_out_opens_nothing() -> None:
    # «... ليس غريبا على فلان" على حد تعبيره.» (an ANT article of the thirteenth tuning set): the mark closes a
    # quotation the writer never opened; read as an opening it paired with the next quoted name and hid the
    # sentence ends between them
    text = ('قائلا إنه عيب لكنه ليس غريبا على سليم" على حد تعبيره. كما استنكر عضو الحزب في برنامج "بوليتكا" '
            'تصريحاته. وتحصلت "الجوهرة" على نسخة.')
    assert len(split_sentences(text, 0, len(text))) == 3


def test_a_mark_after_a_colon_opens_and_an_unclosed_quotation_protects_nothing() -> None:
    # «:" لقد»: after a colon a straight mark opens what is said, even with a space after it; the sentences inside
    # stay one until it closes
    text = 'وبيّن الوزير :" لقد أطلقنا المشروع. وسيتم إنجازه قريبا". وعن السفارة قال إنها جاهزة.'
    assert sentences(text) == ['وبيّن الوزير :" لقد أطلقنا المشروع. وسيتم إنجازه قريبا".', "وعن السفارة قال إنها جاهزة."]
    # a quotation never closed, then another opened: the first protects nothing, the second pairs with its own close
    text = 'وأوضح أن "الاحتجاج حق أساسي. وأشار إلى أنه "يتعين حماية المتظاهرين ". وكان الوزير أكد "عدم وجود إرادة" .'
    assert sentences(text) == ['وأوضح أن "الاحتجاج حق أساسي.', 'وأشار إلى أنه "يتعين حماية المتظاهرين ".',
                                'وكان الوزير أكد "عدم وجود إرادة" .']


def test_a_full_stop_with_no_space_between_two_words_ends_a_sentence() -> None:
    text = "حيث بدأت أمس محاكمة المتهم بارتكاب الجريمة.وبحسب صحيفة الدعوى، شكا المتهم. قال د.محمد إن أ.ف.ب نقلت ذلك."
    assert sentences(text) == ["حيث بدأت أمس محاكمة المتهم بارتكاب الجريمة.", "وبحسب صحيفة الدعوى، شكا المتهم.",
                               "قال د.محمد إن أ.ف.ب نقلت ذلك."]
    # initials spelled as letters' names, and a short word after the stop, stay inside the sentence
    assert len(sentences("وفاز نادي إيه.سي ميلان أمس.")) == 1


def test_a_first_line_that_asks_or_exclaims_is_the_title_and_its_speaker_says_it() -> None:
    text = ('مرزوق في انتقاده لتحركات الغنوشي : "شكون قاعد يحكم؟"\n'
            "انتقد الأمين العام لحركة مشروع تونس، محسن مرزوق تحركات رئيس حركة النهضة راشد الغنوشي الأخيرة.\n"
            "وتساءل مرزوق عن الجهة التي تحكم اليوم؟\n")
    assert [b.kind for b in segment_blocks(text)] == ["title", "paragraph", "paragraph"]
    assert not is_heading_line("هل هذا سؤال؟")      # (not a later line: a question the article asks)
    doc = analyze(text)
    assert [(q.sentence, q.content.text) for q in doc.quotes if q.sentence == 0] == [(0, "شكون قاعد يحكم؟")]
