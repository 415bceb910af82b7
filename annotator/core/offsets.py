"""Offsets: Python code points, end-exclusive, over the stored text.

Qt counts UTF-16 code units, JavaScript tools too; doccano's grapheme mode counts
grapheme clusters. All conversions live here so there is exactly one of each.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import compress

from annotator.core.errors import SpanError


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def has_astral(text: str) -> bool:
    """True when some character of `text` takes two UTF-16 units (emoji, rare CJK)."""
    return _ASTRAL.search(text) is not None


class Utf16Map:
    """Maps code-point offsets to UTF-16 offsets and back for one text.

    Built once per text in O(n); each lookup is O(1) (code point -> UTF-16) or
    O(log n) (UTF-16 -> code point). For text without astral characters both are identity.
    """

    __slots__ = ("_astral", "_len")

    def __init__(self, text: str):
        self._len = len(text)
        # Code-point positions of the astral characters, sorted: enough for both ways.
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if _ASTRAL.search(text) else []

    @property
    def utf16_length(self) -> int:
        return self._len + len(self._astral)

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self._len:
            raise ValueError(f"code-point offset {cp} outside 0..{self._len}")
        if not self._astral:
            return cp
        return cp + bisect_right(self._astral, cp - 1)

    def from_utf16(self, u16: int) -> int:
        """UTF-16 offset to code point. An offset inside a surrogate pair rounds down."""
        if not 0 <= u16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self.utf16_length}")
        if not self._astral:
            return u16
        # The k-th astral char (0-based) at cp a starts at UTF-16 position a + k.
        lo, hi = 0, len(self._astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < u16:
                lo = mid + 1
            else:
                hi = mid
        # lo astral chars start strictly before u16; if u16 is the second half of the
        # last of them, round down onto that character.
        if lo and self._astral[lo - 1] + (lo - 1) + 1 == u16:
            return self._astral[lo - 1]
        return u16 - lo

    def from_utf16_strict(self, u16: int) -> int:
        """UTF-16 offset to code point, for offsets read from a file: ValueError when it
        falls between the two halves of a surrogate pair (or outside the text)."""
        cp = self.from_utf16(u16)
        if self.to_utf16(cp) != u16:
            raise ValueError(f"UTF-16 offset {u16} splits a surrogate pair")
        return cp


def _is_cluster_extender(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # Combining marks (harakat, shadda), ZWJ, variation selectors, emoji modifiers.
    return (
        cat in ("Mn", "Me", "Mc")
        or ch == "\u200d"
        or "\ufe00" <= ch <= "\ufe0f"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


_RI_FIRST, _RI_LAST = "\U0001f1e6", "\U0001f1ff"
# One cluster over a text spelled in marker letters (see _markers): CR LF; or a regional-
# indicator pair or any one character, then extenders, a ZWJ taking the character after it.
_CLUSTER = re.compile(r"cn|(?:rr|.)(?:z.?|e)*", re.DOTALL)
_STARTS = {ord("e"): "\x00", ord("x"): "\x01", ord("c"): "\x01", ord("n"): "\x01"}


# Characters met so far, by kind: most texts reuse the same few hundred, so each one is
# classified once per process and a text costs a few set operations in C.
_PLAIN: set[str] = set()
_MARK: dict[str, str] = {}  # character -> marker letter, for the ones that join clusters


def _classify(chars: set[str]) -> None:
    for ch in chars:
        if ch == "\u200d":
            _MARK[ch] = "z"
        elif _is_cluster_extender(ch):
            _MARK[ch] = "e"
        elif _RI_FIRST <= ch <= _RI_LAST:
            _MARK[ch] = "r"
        else:
            _PLAIN.add(ch)


def _joining(text: str) -> tuple[set[str], list[str]] | None:
    """(the text's characters, those that join clusters), or None when every code point is
    a cluster of its own. Only the distinct characters are looked at."""
    chars = set(text)
    unknown = chars - _PLAIN
    unknown.difference_update(_MARK)
    if unknown:
        _classify(unknown)
    joining = [ch for ch in chars if ch in _MARK]
    if not joining and "\r\n" not in text:
        return None
    return chars, joining


def _markers(text: str) -> str | None:
    """The text spelled in marker letters, one per code point (e extender, z ZWJ, r regional
    indicator, c CR, n LF, x anything else), or None when every code point is a cluster of
    its own."""
    found = _joining(text)
    if found is None:
        return None
    chars, joining = found
    table = dict.fromkeys(map(ord, chars), "x")
    table.update((ord(ch), _MARK[ch]) for ch in joining)
    table[ord("\r")] = "c"
    table[ord("\n")] = "n"
    return text.translate(table)


# A regex search for a character outside _PLAIN as it was when compiled: set(text) builds a
# string object for every character of an Arabic text (~75 us a page), the search ~10 us.
# A text with a character the regex does not know yet takes the set path, as before.
# The same for a character already classified as joining (harakat: most vocalized text).
_PLAIN_RE: re.Pattern | None = None
_PLAIN_RE_SIZE = 0
_MARK_RE: re.Pattern | None = None
_MARK_RE_SIZE = 0


def _stale(size: int, built: int) -> bool:
    # Rebuilt whenever the set grew while it is small (a news corpus meets its few hundred
    # characters early), then only when it has doubled (compiling thousands costs ms).
    return size > built and (size <= 512 or size >= 2 * built)


def _plain_only(text: str) -> bool:
    """True when every character of `text` was already classified plain."""
    global _PLAIN_RE, _PLAIN_RE_SIZE
    if _stale(len(_PLAIN), _PLAIN_RE_SIZE):
        _PLAIN_RE = re.compile("[^" + "".join(map(re.escape, sorted(_PLAIN))) + "]")
        _PLAIN_RE_SIZE = len(_PLAIN)
    return _PLAIN_RE is not None and _PLAIN_RE.search(text) is None


def _known_joiner(text: str) -> bool:
    """True when `text` holds a character already classified as joining a cluster."""
    global _MARK_RE, _MARK_RE_SIZE
    if _stale(len(_MARK), _MARK_RE_SIZE):
        _MARK_RE = re.compile("[" + "".join(map(re.escape, sorted(_MARK))) + "]")
        _MARK_RE_SIZE = len(_MARK)
    return _MARK_RE is not None and _MARK_RE.search(text) is not None


def graphemes_are_codepoints(text: str) -> bool:
    """True when `text` holds no character that can join a cluster (combining marks, ZWJ,
    regional indicators, CR LF), so grapheme offsets and code-point offsets are the same
    numbers. False says only that they may differ."""
    if _known_joiner(text):
        return False
    if "\r\n" not in text and _plain_only(text):
        return True
    return _joining(text) is None


def grapheme_starts(text: str) -> list[int]:
    """Code-point offsets where a grapheme cluster begins (a simplified UAX #29).

    Enough for what we annotate: a base letter with its combining marks, emoji with
    modifiers, ZWJ sequences and regional-indicator pairs stay whole.
    """
    marks = _markers(text)
    if marks is None:
        return list(range(len(text)))
    if "z" not in marks and "r" not in marks and "cn" not in marks:
        # Only combining marks join (harakat, the common case): a cluster starts at every
        # code point that is not one, and at the first even if it is.
        keep = marks.translate(_STARTS).encode("latin-1")
        return [0, *compress(range(1, len(text)), keep[1:])] if text else []
    return [m.start() for m in _CLUSTER.finditer(marks)]


def is_grapheme_boundary(text: str, offset: int, starts: list[int] | None = None) -> bool:
    if offset in (0, len(text)):
        return True
    starts = grapheme_starts(text) if starts is None else starts
    i = bisect_right(starts, offset) - 1
    return i >= 0 and starts[i] == offset


def grapheme_to_cp(text: str, g: int, starts: list[int] | None = None) -> int:
    """Grapheme-cluster offset to code point; `starts` (grapheme_starts(text)) saves
    computing them again for every offset of one text."""
    starts = grapheme_starts(text) if starts is None else starts
    if g == len(starts):
        return len(text)
    if not 0 <= g < len(starts):
        raise ValueError(f"grapheme offset {g} outside 0..{len(starts)}")
    return starts[g]


def cp_to_grapheme(text: str, cp: int) -> int:
    starts = grapheme_starts(text)
    if cp == len(text):
        return len(starts)
    return bisect_right(starts, cp) - 1


def check_span(text: str, start: int, end: int, span_text: str | None = None, where: str = "") -> None:
    """Raise SpanError unless [start, end) is a valid span of text (and matches span_text)."""
    prefix = f"{where}: " if where else ""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise SpanError(f"{prefix}span offsets must be integers, got start={start!r} end={end!r}")
    if start < 0 or end > len(text):
        raise SpanError(f"{prefix}span {start}..{end} is outside the text (length {len(text)})")
    if start >= end:
        raise SpanError(f"{prefix}span start {start} must be less than end {end}")
    if span_text is not None and text[start:end] != span_text:
        raise SpanError(
            f"{prefix}span {start}..{end} text {span_text!r} does not match the document text {text[start:end]!r}"
        )

