"""Moving a span's edges by keyboard, in logical (stored) order.

Word mode steps over whole words, char mode over grapheme clusters (a letter keeps its
harakat). The arrow keys follow what the eye sees: in a right-to-left paragraph the
right arrow points at the text's beginning, so it moves an edge backward.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

from annotator.core.offsets import grapheme_starts
from annotator.core.snapping import is_separator

BACKWARD, FORWARD = -1, 1


def paragraph_is_rtl(text: str, pos: int) -> bool:
    """Direction of the paragraph holding `pos`, by its first strong character (UAX #9 P2)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
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


def _char_step(text: str, pos: int, direction: int) -> int:
    starts = grapheme_starts(text) + [len(text)]
    if direction > 0:
        i = bisect_right(starts, pos)
        return starts[i] if i < len(starts) else len(text)
    i = bisect_left(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _word(text: str, i: int) -> bool:
    return not is_separator(text[i])


def step_edge(text: str, start: int, end: int, edge: str, direction: int, mode: str = "word") -> tuple[int, int] | None:
    """The span after moving its `edge` ('start' or 'end') one step; None if it cannot move."""
    n = len(text)
    if mode == "char":
        if edge == "start":
            new = _char_step(text, start, direction)
            return (new, end) if new < end and new != start else None
        new = _char_step(text, end, direction)
        return (start, new) if new > start and new != end else None
    if edge == "start":
        i = start
        if direction < 0:
            while i > 0 and not _word(text, i - 1):
                i -= 1
            while i > 0 and _word(text, i - 1):
                i -= 1
        else:
            while i < n and _word(text, i):
                i += 1
            while i < n and not _word(text, i):
                i += 1
        return (i, end) if i < end and i != start else None
    i = end
    if direction > 0:
        while i < n and not _word(text, i):
            i += 1
        while i < n and _word(text, i):
            i += 1
    else:
        while i > 0 and _word(text, i - 1):
            i -= 1
        while i > 0 and not _word(text, i - 1):
            i -= 1
    return (start, i) if i > start and i != end else None
