"""graphemes_are_codepoints answers from a regex of the characters already known to be
plain; it must answer exactly as the character-set path (_joining) does, whatever the order
in which characters were first met."""

from hypothesis import given, settings, strategies as st

from annotator.core import offsets
from annotator.core.offsets import _joining, graphemes_are_codepoints

# Plain Arabic and Latin, characters special inside a regex class, CR/LF, NUL, and joiners
# (fatha, shadda, ZWJ, a variation selector, a regional indicator).
ALPHABET = "قال وزير ab]^-\\[.*\r\n\x00\u064e\u0651\u200d\ufe0f\U0001f1f8"


def test_crlf_between_plain_characters_still_joins():
    assert graphemes_are_codepoints("x\ry\nz")  # \r, \n, x, y, z now known plain
    assert graphemes_are_codepoints("x\ry\nz")  # answered by the regex
    assert not graphemes_are_codepoints("x\r\nz")


def test_regex_special_characters_are_plain():
    for _ in range(2):
        assert graphemes_are_codepoints("]^-\\[a\x00")


def test_a_mark_after_plain_text_is_seen():
    assert graphemes_are_codepoints("كتب")
    assert graphemes_are_codepoints("كتب")
    assert not graphemes_are_codepoints("كَتب")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=8))
def test_same_answer_as_the_character_set(texts):
    for text in texts:
        assert graphemes_are_codepoints(text) is (_joining(text) is None), text
    assert offsets._PLAIN_RE is not None


def test_a_known_mark_is_found_among_new_characters():
    assert not graphemes_are_codepoints("كَ")  # fatha now known joining
    assert not graphemes_are_codepoints("كَ")
    assert not graphemes_are_codepoints("\u4e00\u4e01كَ")  # unknown characters around it
    assert offsets._MARK_RE is not None and offsets._MARK_RE.search("\u064e")
