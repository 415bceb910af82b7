"""Snap a raw selection to what an annotator means: whole words, or exact characters.

Offsets are code points over the stored text. Both modes keep grapheme clusters whole
(a letter with its harakat and shadda, an emoji with its skin tone), so a span can never
end between a letter and its vowel mark.

- "word": extend both edges to whole words, then trim spaces and punctuation at the
  edges (quote marks, Arabic comma, brackets ...). A selection of only a quote mark
  is trimmed away to nothing (None), never a span of just the mark (WebAnno #265).
- "char": keep the user's characters (so a clitic can be split off: the و of وقال, the
  ل of للسفير), only trim whitespace at the edges and round out to cluster boundaries.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

from annotator.core.offsets import grapheme_starts

MODES = ("word", "char")

# Punctuation trimmed from word-mode edges; any other Unicode P* or S* character, too,
# except the few symbols that belong to a token (%, currency, degree...): see _is_punct.
EDGE_PUNCT = frozenset("،؛؟«»\"“”‘’'()[]{}<>.,:;!?-–—…٪٫٬۔*/\\|_~`‹›„‚")
_KEEP_SYMBOLS = frozenset("%٪$€£¥°@#&+=§")
# Between two word characters these belong to the word: 3.5, 1,000, 12:30, co-op, don't.
_INNER_JOINERS = frozenset(".,:'’-٫٬/")
# Invisible format characters trimmed at edges in both modes (a span should not start
# or end with a bidi mark), but kept inside.
_EDGE_FORMAT = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b")

_WINDOW = 64  # characters looked at around the selection; clusters are far shorter


def is_space(ch: str) -> bool:
    return ch.isspace() or ch in "\u00a0\u202f\u2007\u200b\ufeff"


def _is_punct(ch: str) -> bool:
    if ch in EDGE_PUNCT:
        return True
    if ch in _KEEP_SYMBOLS:
        return False
    return unicodedata.category(ch)[0] == "P"


def is_separator(ch: str) -> bool:
    """True for characters that end a word: whitespace, punctuation, bidi marks."""
    return is_space(ch) or _is_punct(ch) or ch in _EDGE_FORMAT


def _word_char(text: str, i: int) -> bool:
    ch = text[i]
    if not is_separator(ch):
        return True
    return (
        ch in _INNER_JOINERS
        and 0 < i < len(text) - 1
        and not is_separator(text[i - 1])
        and not is_separator(text[i + 1])
    )


class _Clusters:
    """Grapheme-cluster boundaries in a window around [start, end), in text offsets."""

    def __init__(self, text: str, start: int, end: int):
        n = len(text)
        lo = max(0, start - _WINDOW)
        # Begin the window at whitespace, which always starts a cluster.
        while lo > 0 and not text[lo].isspace():
            lo -= 1
            if start - lo > 4 * _WINDOW:
                break
        hi = min(n, end + _WINDOW)
        while hi < n and not text[hi].isspace():
            hi += 1
            if hi - end > 4 * _WINDOW:
                break
        self.bounds = [lo + s for s in grapheme_starts(text[lo:hi])] + [hi]
        self.lo, self.hi = lo, hi

    def floor(self, i: int) -> int:
        return self.bounds[max(0, bisect_right(self.bounds, i) - 1)]

    def ceil(self, i: int) -> int:
        k = bisect_left(self.bounds, i)
        return self.bounds[min(k, len(self.bounds) - 1)]

    def next(self, i: int) -> int:
        """The boundary after the cluster starting at i."""
        k = bisect_right(self.bounds, i)
        return self.bounds[min(k, len(self.bounds) - 1)]

    def prev(self, i: int) -> int:
        """The start of the cluster that ends at i."""
        k = bisect_left(self.bounds, i)
        return self.bounds[max(k - 1, 0)]


def snap(text: str, start: int, end: int, mode: str = "word") -> tuple[int, int] | None:
    """The span [s, e) a raw selection [start, end) should become, or None if nothing is left."""
    if mode not in MODES:
        raise ValueError(f"snap mode must be one of {', '.join(MODES)}, got {mode!r}")
    n = len(text)
    start, end = sorted((max(0, min(start, n)), max(0, min(end, n))))
    if start == end:
        return None
    cl = _Clusters(text, start, end)
    s, e = cl.floor(start), cl.ceil(end)

    if mode == "word":
        while s > 0 and _word_char(text, s) and _word_char(text, s - 1):
            s -= 1
        while e < n and _word_char(text, e - 1) and _word_char(text, e):
            e += 1
        if s < cl.lo or e > cl.hi:  # a very long "word" left the window: recompute around it
            cl = _Clusters(text, s, e)
        s, e = cl.floor(s), cl.ceil(e)

        def trim(ch: str) -> bool:
            return is_separator(ch)
    else:

        def trim(ch: str) -> bool:
            return is_space(ch) or ch in _EDGE_FORMAT

    # Trim whole clusters, judged by their first character (a quote mark with a stray
    # combining mark is still a quote mark).
    while s < e and trim(text[s]):
        s = cl.next(s)
    while e > s and trim(text[cl.prev(e)]):
        e = cl.prev(e)
    if s >= e:
        return None
    return s, e
