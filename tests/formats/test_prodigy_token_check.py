"""Prodigy's token check has a fast path (every token checked in C); it must accept exactly
what the per-token loop accepts, and a bad token must still be refused by name."""

import pytest

from annotator.core.errors import SpanError
from annotator.core.formats.common import OffsetConverter
from annotator.core.formats.prodigy import _check_tokens, _tokens_fit

TEXT = "قال الوزير إن الخطة جاهزة"


def _loop_accepts(tokens, text):
    """The per-token rule, written out: an object whose int (not bool) start/end slice the
    text to its str text."""
    for t in tokens:
        if type(t) is not dict:
            return False
        s, e, tt = t.get("start"), t.get("end"), t.get("text")
        if not (type(s) is int and type(e) is int and type(tt) is str and text[s:e] == tt):
            return False
    return True


GOOD = [{"text": "قال", "start": 0, "end": 3}, {"text": "الوزير", "start": 4, "end": 10}]
CASES = {
    "good": GOOD,
    "empty": [],
    "extra keys": [dict(GOOD[0], id=0, ws=True), GOOD[1]],
    "text differs": [GOOD[0], {"text": "الوزراء", "start": 4, "end": 10}],
    "shifted": [GOOD[0], {"text": "الوزير", "start": 5, "end": 11}],
    "bool start": [GOOD[0], {"text": "ا", "start": True, "end": 2}],
    "float end": [GOOD[0], {"text": "الوزير", "start": 4, "end": 10.0}],
    "str offset": [{"text": "قال", "start": "0", "end": 3}],
    "no text": [GOOD[0], {"start": 4, "end": 10}],
    "no end": [{"text": "قال", "start": 0}],
    "text not str": [{"text": 5, "start": 0, "end": 3}],
    "null text": [{"text": None, "start": 0, "end": 0}],
    "token a list": [GOOD[0], ["الوزير", 4, 10]],
    "token a string": [GOOD[0], "start"],
    "token null": [None],
    "past the end": [{"text": "", "start": 100, "end": 200}],
    "negative": [{"text": "جاهزة", "start": -5, "end": len(TEXT)}],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_path_accepts_what_the_loop_accepts(name):
    tokens = CASES[name]
    assert _tokens_fit(tokens, TEXT) is _loop_accepts(tokens, TEXT)


@pytest.mark.parametrize("name", sorted(n for n in CASES if not _loop_accepts(CASES[n], TEXT)))
def test_a_bad_token_is_refused_by_index(name):
    tokens = CASES[name]
    bad = next(i for i, t in enumerate(tokens) if not _loop_accepts([t], TEXT))
    with pytest.raises(SpanError, match=rf"^line 7: token {bad}: "):
        _check_tokens(tokens, TEXT, OffsetConverter(TEXT, "codepoints"), "codepoints", "line 7")
