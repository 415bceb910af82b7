import pytest
from hypothesis import given, strategies as st

from annotator.core.errors import SpanError
from annotator.core.offsets import (
    Utf16Map,
    check_span,
    cp_to_grapheme,
    grapheme_starts,
    grapheme_to_cp,
    is_grapheme_boundary,
)

EMOJI = "قال 😀 الوزير 👍🏽 «لا» شَدَّدَ"


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_emoji_shifts_utf16_but_not_code_points():
    m = Utf16Map(EMOJI)
    after = EMOJI.index("الوزير")
    assert m.to_utf16(after) == utf16_len(EMOJI[:after]) == after + 1
    assert m.from_utf16(after + 1) == after
    assert m.utf16_length == utf16_len(EMOJI)


def test_skin_tone_emoji_is_two_astral_characters():
    m = Utf16Map(EMOJI)
    start = EMOJI.index("«")
    assert m.to_utf16(start) == start + 3  # 😀 plus 👍 and 🏽 are all astral


def test_inside_surrogate_pair_rounds_down():
    text = "a😀b"
    m = Utf16Map(text)
    assert m.to_utf16(3) == 4
    assert m.from_utf16(2) == 1  # the middle of the pair belongs to 😀
    assert m.from_utf16(3) == 2


def test_bmp_only_text_is_identity_with_harakat_and_lam_alef():
    text = "لا إِلَهَ، قالَ: «لأن» ﻻ"
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        assert m.to_utf16(i) == i
        assert m.from_utf16(i) == i


def test_out_of_range_is_refused():
    m = Utf16Map("abc")
    with pytest.raises(ValueError):
        m.to_utf16(4)
    with pytest.raises(ValueError):
        m.from_utf16(-1)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_round_trip_every_code_point_offset(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == utf16_len(text[:i])
        assert m.from_utf16(u) == i


def test_grapheme_clusters_keep_harakat_and_emoji_modifiers():
    text = "شَدَّ👍🏽x"
    starts = grapheme_starts(text)
    assert [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])] == ["شَ", "دَّ", "👍🏽", "x"]
    assert not is_grapheme_boundary(text, 1)
    assert is_grapheme_boundary(text, 2)
    assert grapheme_to_cp(text, 2) == 5
    assert cp_to_grapheme(text, 5) == 2
    assert cp_to_grapheme(text, 4) == 1  # a shadda's fatha belongs to its letter
    assert grapheme_to_cp(text, 4) == len(text)


def test_zwj_sequence_is_one_cluster():
    family = "👨\u200d👩\u200d👧"
    assert grapheme_starts(family + "ب") == [0, len(family)]


@pytest.mark.parametrize(
    "start,end,text,msg",
    [
        (-1, 2, None, "outside"),
        (0, 99, None, "outside"),
        (3, 3, None, "less than"),
        (0, 3, "xyz", "does not match"),
        ("0", 3, None, "integers"),
    ],
)
def test_check_span_refuses_bad_spans(start, end, text, msg):
    with pytest.raises(SpanError, match=msg):
        check_span("قال الوزير", start, end, text, where="f.jsonl:3")


def test_check_span_accepts_exact_text():
    check_span("قال الوزير", 4, 10, "الوزير")


def test_strict_utf16_refuses_an_offset_between_surrogate_halves():
    text = "قال 😀 نعم"
    m = Utf16Map(text)
    emoji = text.index("😀")
    assert m.from_utf16_strict(emoji) == emoji
    assert m.from_utf16_strict(emoji + 2) == emoji + 1  # just after the pair
    assert m.from_utf16_strict(m.utf16_length) == len(text)
    with pytest.raises(ValueError, match="splits a surrogate pair"):
        m.from_utf16_strict(emoji + 1)
    assert m.from_utf16(emoji + 1) == emoji  # the lenient one rounds down
    with pytest.raises(ValueError, match="outside"):
        m.from_utf16_strict(m.utf16_length + 1)


def test_grapheme_to_cp_with_known_starts():
    text = "شَدَّ👍🏽x"
    starts = grapheme_starts(text)
    assert [grapheme_to_cp(text, g, starts) for g in range(5)] == [grapheme_to_cp(text, g) for g in range(5)]
    with pytest.raises(ValueError, match="outside"):
        grapheme_to_cp(text, 5, starts)
