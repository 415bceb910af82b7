"""Arabic-aware find: folding, exact offsets back into the original text."""

from __future__ import annotations

from annotator.core.search import FoldedText, find_all, fold

# Original text written for these tests.
T = "قالَ المديرُ إنّ المدرسةَ الجديدة ستُفتح في مستشفى قديم، وأكّد أن الآباء راضون عن المــدرسه 😀 الكبرى."


def words(matches, text=T):
    return [text[s:e] for s, e in matches]


def test_harakat_ignored_and_kept_in_match():
    assert words(find_all(T, "قال")) == ["قالَ"]
    assert words(find_all(T, "المدير")) == ["المديرُ"]
    assert words(find_all(T, "ستفتح")) == ["ستُفتح"]
    assert words(find_all(T, "قالَ")) == ["قالَ"]  # harakat in the query are ignored too


def test_alef_ya_ta_marbuta_and_tatweel():
    assert words(find_all(T, "ان")) == ["إنّ", "أن"]
    assert words(find_all(T, "اكد")) == ["أكّد"]
    assert words(find_all(T, "الاباء")) == ["الآباء"]
    assert words(find_all(T, "مستشفي")) == ["مستشفى"]
    assert words(find_all(T, "الكبري")) == ["الكبرى"]
    assert words(find_all(T, "المدرسة")) == ["المدرسةَ", "المــدرسه"]
    assert words(find_all(T, "الجديده")) == ["الجديدة"]


def test_plain_mode_is_exact():
    assert words(find_all(T, "المدرسة", arabic_aware=False)) == ["المدرسةَ"]
    assert find_all(T, "اكد", arabic_aware=False) == []


def test_case_and_latin():
    t = "أطلقت Apple نظام iOS؛ وقالت apple إن IOS أسرع"
    assert words(find_all(t, "apple"), t) == ["Apple", "apple"]
    assert words(find_all(t, "apple", case_sensitive=True), t) == ["apple"]
    assert words(find_all(t, "ios"), t) == ["iOS", "IOS"]


def test_offsets_after_emoji_and_astral_characters():
    t = "😀👍🏽 قالَ 😀 قال"
    m = find_all(t, "قال")
    assert words(m, t) == ["قالَ", "قال"]
    assert m[0] == (t.index("قالَ"), t.index("قالَ") + 4)
    assert words(find_all(t, "👍"), t) == ["👍🏽"]  # the skin tone stays with its emoji


def test_digits_fold():
    t = "في ١٢ سبتمبر 2023 و۱۲ أكتوبر"
    assert words(find_all(t, "12"), t) == ["١٢", "۱۲"]
    assert words(find_all(t, "٢٠٢٣"), t) == ["2023"]


def test_non_overlapping_in_order_and_empty_queries():
    t = "ااا"
    assert find_all(t, "اا") == [(0, 2)]
    assert find_all(T, "") == []
    assert find_all(T, "\u064e") == []  # a query of only harakat folds to nothing
    assert find_all("", "قال") == []


def test_folded_text_reused():
    ft = FoldedText(T)
    assert ft.find_all("قال") == find_all(T, "قال")
    assert ft.find_all("مدرسه") == find_all(T, "مدرسه")
    assert fold("أإآٱ ىة ـ َ") == "اااا يه  "


def test_every_match_maps_back_exactly():
    for q in ["ال", "د", "ون", "قديم", "راض"]:
        for s, e in find_all(T, q):
            assert fold(T[s:e]) == fold(q)
            assert e == len(T) or T[e] not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
