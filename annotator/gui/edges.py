"""Moving a span's edges by keyboard, in logical (stored) order.

Word mode steps over whole words, char mode over grapheme clusters (a letter keeps its
harakat). The arrow keys follow what the eye sees: in a right-to-left paragraph the
right arrow points at the text's beginning, so it moves an edge backward.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

from annotator.core.offsets import grapheme_starts
from annotator.core.snapping import is_space_or_mark, is_word_char, unmatched


BACKWARD, FORWARD = -1, 1


_BREAKS = "\n\r\u2028\u2029\u0085"  # what ends a paragraph (Qt takes U+2029 and U+2028 too)


def paragraph_is_rtl(text: str, pos: int) -> bool:
    """Direction of the paragraph holding `pos`, by its first strong character (UAX #9 P2)."""
    start = max(text.rfind(b, 0, pos) for b in _BREAKS) + 1
    ends = [i for i in (text.find(b, pos) for b in _BREAKS) if i >= 0]
    end = min(ends) if ends else len(text)
    for ch in text[start:end]:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def arrow_to_logical(text: str, pos: int, arrow_right: bool) -> int:
    rtl = paragraph_is_rtl(text, pos)
    return (BACKWARD if rtl else FORWARD) if arrow_right else (FORWARD if rtl else BACKWARD)


_WINDOW = 64  # characters read around the edge: clusters are far shorter


def _char_step(text: str, pos: int, direction: int) -> int:
    # Cluster boundaries in a window that begins and ends at whitespace (which always
    # starts a cluster), not over the whole text: a 1 MB document took half a second a key.
    n = len(text)
    lo, hi = max(0, pos - _WINDOW), min(n, pos + _WINDOW)
    while lo > 0 and not text[lo].isspace() and pos - lo < 4 * _WINDOW:
        lo -= 1
    while hi < n and not text[hi].isspace() and hi - pos < 4 * _WINDOW:
        hi += 1
    starts = [lo + i for i in grapheme_starts(text[lo:hi])] + [hi]
    if direction > 0:
        i = bisect_right(starts, pos)
        return starts[i] if i < len(starts) else n
    i = bisect_left(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _skip_space(text: str, i: int, direction: int) -> int:
    """From caret i, past spaces and invisible marks in `direction`."""
    if direction > 0:
        while i < len(text) and is_space_or_mark(text[i]):
            i += 1
    else:
        while i > 0 and is_space_or_mark(text[i - 1]):
            i -= 1
    return i


def _over_token(text: str, i: int, direction: int) -> int:
    """From caret i, past one token in `direction`: a word, or one punctuation mark
    (with any combining marks on it), so no step goes past punctuation unseen."""
    n = len(text)
    if direction > 0:
        if i >= n:
            return i
        if is_word_char(text, i):
            while i < n and is_word_char(text, i):
                i += 1
            return i
        i += 1
        while i < n and unicodedata.combining(text[i]):
            i += 1
        return i
    if i <= 0:
        return i
    while i > 1 and unicodedata.combining(text[i - 1]) and not is_word_char(text, i - 2):
        i -= 1
    if is_word_char(text, i - 1):
        while i > 0 and is_word_char(text, i - 1):
            i -= 1
        return i
    return i - 1


def _token_step(text: str, start: int, end: int, edge: str, direction: int) -> int:
    if edge == "start":
        pos = start
        if direction > 0:
            return _skip_space(text, _over_token(text, pos, 1), 1)
        return _over_token(text, _skip_space(text, pos, -1), -1)
    pos = end
    if direction > 0:
        return _over_token(text, _skip_space(text, pos, 1), 1)
    return _skip_space(text, _over_token(text, pos, -1), -1)


_MAX_TRIES = 12  # steps looked ahead for a span whose brackets and quotes pair up


def _unpaired(text: str, s: int, e: int) -> int:
    openers, closers = unmatched(text, s, e)
    return len(openers) + len(closers)


def step_edge(text: str, start: int, end: int, edge: str, direction: int, mode: str = "word") -> tuple[int, int] | None:
    """The span after moving its `edge` ('start' or 'end') one step; None if it cannot move.

    A word-mode step goes to the next word or punctuation mark. When that leaves a bracket
    or quote mark without its partner, the edge goes on (a few steps at most, within the
    paragraph) to the first place where the pairs are as whole as before: the end moving
    forward over (الخميس) stops after the closing bracket, moving back it skips the pair.
    """
    if mode == "char":
        if edge == "start":
            new = _char_step(text, start, direction)
            return (new, end) if new < end and new != start else None
        new = _char_step(text, end, direction)
        return (start, new) if new > start and new != end else None
    before = _unpaired(text, start, end)
    fallback = None
    s, e = start, end
    for _ in range(_MAX_TRIES):
        old = s if edge == "start" else e
        pos = _token_step(text, s, e, edge, direction)
        if pos == old:
            break
        s, e = (pos, e) if edge == "start" else (s, pos)
        if s >= e or is_space_or_mark(text[s]) or is_space_or_mark(text[e - 1]):
            break  # nothing but spaces or an invisible mark that way: a span never begins on one
        if _unpaired(text, s, e) <= before:
            return s, e
        crossed = text[min(pos, old):max(pos, old)]
        at_word = is_word_char(text, pos if edge == "start" else pos - 1)
        if fallback is None and at_word:
            fallback = (s, e)  # a word: where the edge goes if the pairs cannot be made whole
        if any(b in crossed for b in _BREAKS):
            break
    return fallback
