"""Snap a raw selection to what an annotator means: whole words, or exact characters.

Offsets are code points over the stored text. Both modes keep grapheme clusters whole
(a letter with its harakat and shadda, an emoji with its skin tone), so a span can never
end between a letter and its vowel mark.

- "word": extend both edges to whole words, then trim spaces and punctuation at the
  edges (quote marks, Arabic comma, brackets ...). A selection of only a quote mark
  is trimmed away to nothing (None), never a span of just the mark (WebAnno #265).
  Brackets and quote marks come in pairs: when the trimmed span holds one half of a
  pair (اليوم (الخميس), the edge goes on to its partner in the same paragraph, so the
  closing bracket the trim removed is taken back.
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

# Pairs of brackets and quotation marks: opener -> the closers that end it. “ opens in
# English and closes a German „; both readings are kept, the innermost open pair wins.
PAIRS: dict[str, str] = {
    "(": ")", "[": "]", "{": "}", "«": "»", "‹": "›", "“": "”", "‘": "’", "„": "“”", "‚": "‘’",
    "﴾": "﴿", "「": "」", "『": "』", "⟨": "⟩", "〈": "〉", "《": "》", "⹂": "”",
}
# Marks that open and close alike: which one they are is read from the letters around them.
SYMMETRIC = frozenset("\"'”’")
_CLOSERS = frozenset("".join(PAIRS.values()))
_PARAGRAPH_ENDS = frozenset("\n\r\u2028\u2029\u0085")  # a pair is never looked for past one
_BALANCE_REACH = 2000  # how far the partner of a bracket is looked for (never past the paragraph)

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


def is_space_or_mark(ch: str) -> bool:
    """Whitespace or an invisible format mark: what lies between tokens."""
    return is_space(ch) or ch in _EDGE_FORMAT


def is_word_char(text: str, i: int) -> bool:
    """True when text[i] belongs to a word (a joiner like the . of 3.5 does, between word characters)."""
    return _word_char(text, i)


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
    if mode == "word":
        s2, e2 = balance(text, s, e)
        if (s2, e2) != (s, e):
            cl = _Clusters(text, s2, e2)
            s, e = cl.floor(s2), cl.ceil(e2)
    return s, e


def _pair_role(text: str, i: int) -> str | None:
    """'open', 'close', 'either' or None (not a pair mark, or an apostrophe inside a word)."""
    ch = text[i]
    if ch in SYMMETRIC:
        before = i > 0 and not is_separator(text[i - 1])
        after = i + 1 < len(text) and not is_separator(text[i + 1])
        if before and after:
            # don't, l'armée: an apostrophe; و"هذا": a quote mark after a clitic
            return None if ch in "'’" else "either"
        if after:
            return "open"
        if before:
            return "close"
        return "either"
    if ch in PAIRS:
        return "either" if ch in _CLOSERS else "open"
    if ch in _CLOSERS:
        return "close"
    return None


def _closes(opener: str, ch: str) -> bool:
    return ch in PAIRS.get(opener, "") or (opener in SYMMETRIC and ch == opener)


def unmatched(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Brackets and quote marks in [start, end) without their partner inside it:
    (openers, closers), as text offsets, openers outermost first."""
    stack: list[int] = []
    closers: list[int] = []
    for i in range(start, end):
        role = _pair_role(text, i)
        if role is None:
            continue
        ch = text[i]
        if role != "open" and stack and _closes(text[stack[-1]], ch):
            stack.pop()
        elif role == "close":
            closers.append(i)
        elif role == "open" or ch in PAIRS or ch in SYMMETRIC:
            stack.append(i)
    return stack, closers


def _partner_after(text: str, openers: list[int], end: int) -> int | None:
    """The offset just past the mark that closes every one of `openers` (after `end`)."""
    need = [text[i] for i in openers]
    nested: list[str] = []
    limit = min(len(text), end + _BALANCE_REACH)
    for j in range(end, limit):
        ch = text[j]
        if ch in _PARAGRAPH_ENDS:
            return None
        role = _pair_role(text, j)
        if role is None:
            continue
        if nested and role != "open" and _closes(nested[-1], ch):
            nested.pop()
        elif not nested and role != "open" and _closes(need[-1], ch):
            need.pop()
            if not need:
                return j + 1
        elif role != "close" and (ch in PAIRS or role == "open"):
            nested.append(ch)
    return None


def _partner_before(text: str, closers: list[int], start: int) -> int | None:
    """The offset of the mark that opens every one of `closers` (before `start`)."""
    need = [text[i] for i in closers]  # innermost last when read backward: first closer first
    nested: list[str] = []
    limit = max(0, start - _BALANCE_REACH)
    for j in range(start - 1, limit - 1, -1):
        ch = text[j]
        if ch in _PARAGRAPH_ENDS:
            return None
        role = _pair_role(text, j)
        if role is None:
            continue
        if nested and role != "close" and _closes(ch, nested[-1]):
            nested.pop()
        elif not nested and role != "close" and _closes(ch, need[0]):
            need.pop(0)
            if not need:
                return j
        elif role != "open" and (ch in _CLOSERS or role == "close"):
            nested.append(ch)
    return None


def balance(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown to take in the partner of every bracket or quote mark in it
    that has none, when that partner is in the same paragraph; otherwise unchanged.

    Taking a partner in can bring in another half pair when pairs cross (قال (اليوم
    “الخميس) ب”: the ” taken in for “ brings the ) without its (), so the growing goes
    on until nothing more is found."""
    for _ in range(8):  # each round takes in at least one more pair; crossings run shallow
        s0, e0 = start, end
        openers, closers = unmatched(text, start, end)
        if openers:
            e = _partner_after(text, openers, end)
            end = e if e is not None else end
        if closers:
            s = _partner_before(text, closers, start)
            start = s if s is not None else start
        if (start, end) == (s0, e0):
            break
    return start, end


QUOTE_OPENERS = frozenset("«‹“‘„‚「『\"'”’⹂")
QUOTE_CLOSERS = frozenset("»›”’“‘」』\"'")
_BETWEEN = frozenset(".,،؛:;!?؟…")  # may sit between a quote's last word and the closing mark


def is_quoted(text: str, start: int, end: int) -> bool:
    """True when [start, end) is inside quotation marks, or begins and ends with them:
    what tells a direct quote from a reported one."""
    if start >= end:
        return False
    s, e = start, end
    while s > 0 and is_space_or_mark(text[s - 1]):
        s -= 1
    while e < len(text) and (is_space_or_mark(text[e]) or (text[e] in _BETWEEN and e - end < 3)):
        e += 1
    if s > 0 and e < len(text) and text[s - 1] in QUOTE_OPENERS and text[e] in QUOTE_CLOSERS:
        # between two quotations (قال “أ” الوضع صعب “ب”) the mark before closes one and the
        # mark after opens the next: that text is outside quotation marks
        return _mark_side(text, s - 1) != "close" and _mark_side(text, e) != "open"
    return text[start] in QUOTE_OPENERS and text[end - 1] in QUOTE_CLOSERS and end - start > 1


def _mark_side(text: str, i: int) -> str | None:
    """'open' or 'close' when the letters around the mark at i say which it is, else its
    pair role: “ opens an English quote and closes a German one, so it is read in place."""
    role = _pair_role(text, i)
    if role != "either":
        return role
    before = i > 0 and not is_separator(text[i - 1])
    after = i + 1 < len(text) and not is_separator(text[i + 1])
    if after and not before:
        return "open"
    if before and not after:
        return "close"
    return role
