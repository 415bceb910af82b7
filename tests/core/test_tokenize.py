"""The Arabic-aware tokenizer: rules, exact reconstruction, splitting at span edges."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokenize import tokenize, tokens_for


def words(text, tokens=None):
    return [text[t.start:t.end] for t in (tokens if tokens is not None else tokenize(text))]


def rebuild(text, tokens):
    return "".join(text[t.start:t.end] + (" " if t.ws else "") for t in tokens)


def test_words_harakat_lam_alef_and_clitics_stay_whole():
    assert words("وقالَ الوزيرُ: لا تأجيلَ") == ["وقالَ", "الوزيرُ", ":", "لا", "تأجيلَ"]
    assert words("مـــصر") == ["مـــصر"]  # tatweel is part of the word


def test_numbers_in_three_scripts_with_separators():
    assert words("في ٢٠٢١ و۱۴۰۰ و2022") == ["في", "٢٠٢١", "و", "۱۴۰۰", "و", "2022"]
    assert words("نمو ٣٫٥٪ و3.5% و١٬٠٠٠") == ["نمو", "٣٫٥", "٪", "و", "3.5", "%", "و", "١٬٠٠٠"]
    assert words("عام 2021، ثم") == ["عام", "2021", "،", "ثم"]  # a separator not between digits is punctuation


def test_punctuation_each_its_own_token():
    assert words("«نعم»؟ (لا)؛ \"ربما\" “حقاً”.") == ["«", "نعم", "»", "؟", "(", "لا", ")", "؛", '"', "ربما", '"',
                                                      "“", "حقاً", "”", "."]


def test_mixed_scripts_and_emoji():
    assert words("نظام iOS 17 في ٢٠٢١ 😀👍🏽 👨‍👩‍👧 🇸🇦") == ["نظام", "iOS", "17", "في", "٢٠٢١", "😀", "👍🏽",
                                                             "👨‍👩‍👧", "🇸🇦"]


def test_white_space_single_space_is_ws_other_runs_are_tokens():
    text = "قال  الوزير\nاليوم\t! "
    toks = tokenize(text)
    assert words(text, toks) == ["قال", "  ", "الوزير", "\n", "اليوم", "\t", "!"]
    assert [t.ws for t in toks] == [False, False, False, False, False, False, True]
    assert [t.space for t in toks] == [False, True, False, True, False, True, False]
    assert rebuild(text, toks) == text


def test_span_inside_a_word_splits_the_token_never_moves_the_span():
    text = "وقالَ الوزيرُ في ٢٠٢١م"
    cue = (1, 5)  # قالَ without the conjunction
    date = (text.index("٢٠٢١"), text.index("٢٠٢١") + 4)  # without the era letter, which is already split
    toks = tokens_for(text, [cue, date])
    assert words(text, toks) == ["و", "قالَ", "الوزيرُ", "في", "٢٠٢١", "م"]
    assert toks[0].ws is False and toks[1].ws is True
    starts, ends = {t.start for t in toks}, {t.end for t in toks}
    assert cue[0] in starts and cue[1] in ends and date[0] in starts and date[1] in ends
    assert rebuild(text, toks) == text


def test_span_that_includes_its_trailing_space_makes_the_space_a_token():
    text = "قال الوزير"
    toks = tokens_for(text, [(0, 4)])
    assert words(text, toks) == ["قال", " ", "الوزير"]
    assert rebuild(text, toks) == text


def test_deterministic():
    text = "أكّد 👨‍👩‍👧 أن «الدراسة\nستبدأ» في ١٠/٩"
    assert tokenize(text) == tokenize(text)


ALPHABET = st.sampled_from(list("وقالزيرمنَُِّْـلا ٠١٢3.،؛؟«»\"\n\t") + ["😀", "👍🏽", "\u200d", "\u200c", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=40).map("".join), st.data())
def test_any_text_any_spans_rebuilds_and_aligns(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n)).filter(lambda p: p[0] < p[1]),
                               max_size=5))
    toks = tokens_for(text, spans)
    assert rebuild(text, toks) == text
    assert all(t.start < t.end for t in toks)
    assert all(a.end + (1 if a.ws else 0) == b.start for a, b in zip(toks, toks[1:]))
    starts, ends = {t.start for t in toks}, {t.end for t in toks}
    for s, e in spans:
        assert s in starts and e in ends


JSON_COMMON = list("وقال زير\u064e\u0651٠١3.،«»\"\n\t\x1b\x1c\x1f\x0b\r/u0") + [
    "😀", "👍🏽", "\u200d", "\u00a0", "  ", "\n\n", "\u2028", "\"\u064e"]
# Texts with a NUL or a backslash take tokens_json's other road; both are checked.
JSON_TEXTS = st.one_of(st.lists(st.sampled_from(JSON_COMMON), max_size=50).map("".join),
                       st.lists(st.sampled_from(JSON_COMMON + ["\x00", "\\", "\\u0000"]), max_size=50).map("".join))


@settings(max_examples=500, deadline=None)
@given(JSON_TEXTS, st.data())
def test_prodigy_tokens_json_is_what_orjson_writes(text, data):
    """The hand-built "tokens" array is byte for byte orjson's: quotes, backslashes, control
    characters inside and outside white space, line and paragraph separators."""
    import orjson

    from annotator.core.formats.prodigy import token_rows, tokens_json
    from annotator.core.tokenize import token_table

    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(1, max(n, 1)))
                               .filter(lambda p: p[0] < p[1] <= n), max_size=4)) if n else []
    tt = token_table(text, spans)
    assert tokens_json(text, tt) == orjson.dumps(token_rows(tt))


SPLIT_TEXTS = st.lists(st.sampled_from(["قال", "الوزيرُ", "لا", "iOS", "٢٠٢١", "3.5", "،", "«", "»", "\"", ".", "😀",
                                        "👍🏽", "و2021", "ـ", "\u200c", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0"]),
                       max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(SPLIT_TEXTS)
def test_fast_split_finds_what_the_pattern_finds(text):
    """The str.split road of the tokenizer (news text: single spaces, line breaks) gives the
    very tokens and ws of the regex, or declines (None) and leaves the text to the regex."""
    from annotator.core.tokenize import _pattern_ws, _split_lines

    fast = _split_lines(text)
    if fast is None:
        return
    pairs = _pattern_ws().findall(text)
    assert fast[0] == [t for t, _ in pairs]
    assert list(fast[1]) == [1 if w else 0 for _, w in pairs]
