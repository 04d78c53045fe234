"""The quote scorer places each gold quote where the article says it: gold quotes are written as text, without
offsets, so a content the article writes twice (a headline that the body repeats) is the occurrence nearest its
cue."""

from __future__ import annotations

from marsad.eval.quotes import locate


def test_a_content_written_twice_is_placed_at_the_occurrence_nearest_its_cue() -> None:
    text = "الشابي : النخبة هي مصدر خيبة أمل التونسيين\nوأكد أن المشكل يتعلق بالنخبة التي اعتبرها مصدر خيبة أمل للشعب."
    body = text.index("اعتبرها") + len("اعتبرها ")
    assert locate(text, "مصدر خيبة أمل", "اعتبرها") == body
    # once written, it is there; never written, it is nowhere
    assert locate(text, "النخبة هي", "") == text.index("النخبة هي")
    assert locate(text, "لم يقل هذا", "قال") == -1
