"""Adversarial checks of word snapping: crossing brackets and quote marks, and a span
snapped twice staying what it was the first time."""

from __future__ import annotations

from annotator.core.snapping import snap


def test_crossing_pairs_are_taken_in_whole():
    # the quote mark taken in for “ brings a ) whose ( was outside the span
    text = "قال (اليوم “الخميس) ب”"
    start = text.index("اليوم")
    s, e = snap(text, start, text.index("الخميس") + len("الخميس"))
    assert text[s:e] == "(اليوم “الخميس) ب”"
    assert snap(text, s, e) == (s, e)


def test_snapping_a_snapped_span_again_changes_nothing_on_ordinary_text():
    text = "قال الوزير «إن الاتفاق (الموقع أمس) سيُنفَّذ» في 12.5% من المدن، وأضاف: \"نحن مستعدون\" 👍🏽."
    n = len(text)
    for a in range(n):
        for b in range(a + 1, n + 1):
            r = snap(text, a, b)
            if r is not None:
                assert snap(text, *r) == r, (a, b, r)


def test_text_between_two_quotations_is_not_inside_quotation_marks():
    from annotator.core.snapping import is_quoted

    for text in ['قال "أ" الوضع صعب "ب" اليوم', "قال “أ” الوضع صعب “ب” اليوم", "قال 'أ' الوضع صعب 'ب' اليوم"]:
        s = text.index("الوضع صعب")
        assert not is_quoted(text, s, s + len("الوضع صعب")), text
    for text in ['قال "الوضع صعب" اليوم', "قال «الوضع صعب.» اليوم", "قال “الوضع صعب” اليوم", "قال „الوضع صعب“ اليوم"]:
        s = text.index("الوضع صعب")
        assert is_quoted(text, s, s + len("الوضع صعب")), text


def test_a_bracket_is_never_paired_across_a_paragraph_separator():
    for sep in ("\n", "\u2029", "\u2028", "\r"):
        text = f"قال اليوم (الخميس{sep}وغدا) الجمعة"
        s, e = snap(text, text.index("اليوم"), text.index("الخميس") + len("الخميس"))
        assert text[s:e] == "اليوم (الخميس", repr(sep)
