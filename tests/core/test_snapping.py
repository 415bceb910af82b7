"""Snapping raw selections to words or characters, never splitting a grapheme cluster."""

from __future__ import annotations

import pytest

from annotator.core.offsets import grapheme_starts, is_grapheme_boundary
from annotator.core.snapping import snap

# Original sentences written for these tests.
S = "وقال الوزيرُ: «إنّ المدرسةَ ستفتح» للسفير، ثم نشر 😀👍🏽 عن iOS 17 في ١٢/٢٠٢١."


def at(word: str, text: str = S) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def snapped(text, start, end, mode="word"):
    r = snap(text, start, end, mode)
    return None if r is None else text[r[0] : r[1]]


def test_word_mode_extends_to_whole_word_with_clitic():
    s, e = at("قال")  # the user dragged over قال inside وقال
    assert snapped(S, s, e) == "وقال"
    assert snapped(S, s + 1, s + 2) == "وقال"


def test_char_mode_keeps_the_clitic_split():
    s, e = at("قال")
    assert snapped(S, s, e, "char") == "قال"
    s, e = at("للسفير")
    assert snapped(S, s + 1, e, "char") == "لسفير"  # the ل preposition split off
    assert snapped(S, s, s + 1, "char") == "ل"


def test_word_mode_trims_punctuation_and_quote_marks():
    s, e = at("«إنّ المدرسةَ ستفتح»")
    assert snapped(S, s, e) == "إنّ المدرسةَ ستفتح"
    s, e = at("الوزيرُ:")
    assert snapped(S, s - 1, e + 1) == "الوزيرُ"
    s, e = at("للسفير،")
    assert snapped(S, s, e) == "للسفير"


def test_selection_of_only_a_quote_mark_gives_nothing():
    s, e = at("«")
    assert snap(S, s, e) is None
    s, e = at("» ")
    assert snap(S, s, e) is None
    assert snap(S, s, s + 1, "char") == (s, s + 1)  # char mode keeps what was chosen


def test_harakat_and_shadda_are_never_split():
    s, e = at("المدرسةَ")
    # ending between ة and its fatha
    assert snapped(S, s, e - 1, "char") == "المدرسةَ"
    assert snapped(S, s, e - 1) == "المدرسةَ"
    s, e = at("إنّ")
    assert snapped(S, s, s + 2, "char") == "إنّ"  # نّ: nun with shadda is one cluster
    t = "قالَ"
    assert snap(t, 0, 3, "char") == (0, 4)
    assert snap(t, 3, 4, "char") == (2, 4)  # a selection of only the fatha takes its letter


def test_emoji_clusters_stay_whole():
    s, e = at("👍🏽")
    assert snap(S, s, s + 1, "char") == (s, e)  # thumb without its skin tone
    assert snap(S, s + 1, e, "char") == (s, e)
    assert snapped(S, s, s + 1) == "😀👍🏽"  # emoji are word characters
    starts = grapheme_starts(S)
    r = snap(S, s + 1, s + 2, "word")
    assert is_grapheme_boundary(S, r[0], starts) and is_grapheme_boundary(S, r[1], starts)


def test_lam_alef_and_tatweel():
    t = "لا شيء يعلو فوق القانـــون"
    assert snapped(t, 0, 1) == "لا"
    assert snapped(t, 0, 1, "char") == "ل"  # lam-alef is two clusters (one ligature glyph)
    s, e = at("القانـــون", t)
    assert snapped(t, s + 4, s + 6) == "القانـــون"


def test_mixed_latin_and_digits():
    s, e = at("iOS 17")
    assert snapped(S, s + 1, e - 1) == "iOS 17"
    s, e = at("١٢/٢٠٢١")
    assert snapped(S, s + 1, s + 4) == "١٢/٢٠٢١"  # a date with a slash is one token
    assert snapped(S, s + 1, e + 1) == "١٢/٢٠٢١"  # the final full stop is trimmed
    t = "بلغ النمو 3.5% في 2021, أي 1,000 وحدة"
    s, e = at("3.5%", t)
    assert snapped(t, s + 1, s + 2) == "3.5%"
    s, e = at("2021", t)
    assert snapped(t, s, e + 1) == "2021"
    s, e = at("1,000", t)
    assert snapped(t, s + 2, s + 3) == "1,000"


def test_spaces_trimmed_in_both_modes():
    s, e = at(" الوزيرُ")
    assert snapped(S, s, e + 1, "char") == "الوزيرُ:"
    assert snapped(S, s, e + 1) == "الوزيرُ"
    assert snap(S, s, s + 1) is None
    assert snap(S, s, s + 1, "char") is None
    nb = "كلمة\u00a0أخرى"
    assert snapped(nb, 3, 6, "char") == "ة\u00a0أ"
    assert snapped(nb, 3, 5, "char") == "ة"
    assert snapped(nb, 4, 5, "char") is None


def test_bidi_marks_trimmed_at_edges():
    t = "قال \u200fiOS\u200f اليوم"
    s, e = at("\u200fiOS\u200f", t)
    assert snapped(t, s, e, "char") == "iOS"
    assert snapped(t, s, e) == "iOS"


def test_edges_reversed_empty_and_out_of_range():
    s, e = at("الوزيرُ")
    assert snap(S, e, s) == (s, e)
    assert snap(S, s, s) is None
    assert snap("", 0, 0) is None
    assert snap("كلمة", -5, 99) == (0, 4)
    with pytest.raises(ValueError):
        snap(S, 0, 3, "sentence")


def test_never_splits_clusters_anywhere():
    starts = grapheme_starts(S)
    for a in range(0, len(S), 3):
        for b in range(a, min(len(S), a + 12)):
            for mode in ("word", "char"):
                r = snap(S, a, b, mode)
                if r is not None:
                    assert r[0] < r[1]
                    assert is_grapheme_boundary(S, r[0], starts) and is_grapheme_boundary(S, r[1], starts)
                    assert not S[r[0]].isspace() and not S[r[1] - 1].isspace()


# Brackets and quotation marks come in pairs (issue 12): the trim must not keep one half.
B = "وقال إن اليوم (الخميس) هو يوم عطلة، وأضاف: «نعم» و„هنا“ و‹هناك› و\"هذا\" وذلك (أي [كل] شيء)."


@pytest.mark.parametrize("selected,expected", [
    ("اليوم (الخميس)", "اليوم (الخميس)"),  # the closing bracket is no longer dropped
    ("اليوم (الخميس", "اليوم (الخميس)"),
    ("الخميس) هو", "(الخميس) هو"),
    ("(الخميس)", "الخميس"),  # a whole pair at both edges is still trimmed
    ("وأضاف: «نعم»", "وأضاف: «نعم»"),
    ("«نعم»", "نعم"),
    ("و„هنا“", "و„هنا“"),
    ("و‹هناك›", "و‹هناك›"),
    ("و\"هذا\"", "و\"هذا\""),
    ("وذلك (أي [كل", "وذلك (أي [كل] شيء)"),
    ("كل] شيء)", "[كل] شيء"),  # the last ) is edge punctuation, trimmed; [ comes back for ]
])
def test_word_mode_keeps_brackets_and_quotes_paired(selected, expected):
    s, e = at(selected, B)
    assert snapped(B, s, e) == expected


def test_a_bracket_without_partner_in_the_paragraph_is_left_as_it_was():
    t = "البند (أ من القرار\nوالبند) ب"
    s, e = at("البند (أ", t)
    assert snapped(t, s, e) == "البند (أ"
    assert snapped("don't stop", 0, 5) == "don't"  # an apostrophe is no quote mark
