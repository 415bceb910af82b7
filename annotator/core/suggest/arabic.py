"""A folded view of Arabic text for matching, with exact offsets back to the original.

Rules match on a folded copy: harakat, tatweel and bidi marks removed, alef forms (أ إ آ ٱ) folded to
ا, ى to ي, ة to ه, Arabic-Indic and Persian digits to ASCII, Persian ک/ی to ك/ي. Every
offset a rule reports is mapped back to the original text, which is never changed: a span
starts on the original letter and ends after the letter's own harakat.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Marks that are removed: harakat (tanween, shadda, sukun, dagger alef ...), Quranic marks, tatweel.
_REMOVED = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
# Bidi marks and controls (LRM, RLM, ALM, embeddings, isolates) are invisible and come with
# text pasted from the web: left in, "أن\u061c الاجتماع" began a quote with the mark, a
# "\u200e" after a full stop hid the sentence's end, "لم \u200fيكشف" hid a description.
_BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
REMOVED_RE = re.compile(f"[{_REMOVED}{_BIDI}]+")
_MARK_RE = re.compile(f"[{_REMOVED}]+")  # a span's end takes the harakat and tatweel after its last letter (هـ), no bidi mark

_FOLD = {ord(c): "ا" for c in "أإآٱٲٳ"}
_FOLD.update({ord("ى"): "ي", ord("ة"): "ه", ord("ی"): "ي", ord("ې"): "ي", ord("ک"): "ك", ord("ٶ"): "ؤ"})
for _i in range(10):
    _FOLD[0x0660 + _i] = str(_i)
    _FOLD[0x06F0 + _i] = str(_i)
# Quotation marks and dashes keep their length (one code point each): fold the look-alikes.
_FOLD.update({ord(c): '"' for c in "“”„‟″"})
_FOLD.update({ord(c): "-" for c in "‐‑‒–—"})
_FOLD.update({ord("٫"): ".", ord("٬"): ",", ord("\u00a0"): " ", ord("\u202f"): " "})
# Every paragraph or line separator is a line break to the rules (a quote ran on past U+2029).
_FOLD.update({ord(c): "\n" for c in "\r\u2028\u2029\u0085\u000b\u000c"})
_TABLE = str.maketrans(_FOLD)


def fold(s: str) -> str:
    """Fold a pattern or a word the way texts are folded (for writing rules in plain Arabic)."""
    return REMOVED_RE.sub("", s).translate(_TABLE)


class Folded:
    """The folded text and the map from folded offsets to original offsets."""

    __slots__ = ("original", "text", "_keys", "_shift")

    def __init__(self, original: str):
        self.original = original
        keys: list[int] = []
        shift: list[int] = []
        removed = 0
        pieces = []
        last = 0
        for m in REMOVED_RE.finditer(original):
            pieces.append(original[last:m.start()])
            removed += m.end() - m.start()
            # Folded position of the first character after this run.
            keys.append(m.end() - removed)
            shift.append(removed)
            last = m.end()
        if keys:
            pieces.append(original[last:])
            self.text = "".join(pieces).translate(_TABLE)
        else:
            self.text = original.translate(_TABLE)
        self._keys = keys
        self._shift = shift

    def orig(self, i: int) -> int:
        """Original offset of the folded character at i (i may be len: the text's end)."""
        if not self._keys:
            return i
        k = bisect_right(self._keys, i) - 1
        return i + (self._shift[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of a folded [start, end): the end takes the last letter's harakat."""
        s = self.orig(start)
        if end <= start:
            return s, s
        e = self.orig(end - 1) + 1
        if self._keys:
            m = _MARK_RE.match(self.original, e)
            if m:
                e = m.end()
        return s, e


class Disjoint:
    """A set of disjoint [start, end) intervals with O(log n) overlap tests (rules on long texts
    would be quadratic with a list scan)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self):
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self._starts, s)
        if k and self._ends[k - 1] > s:
            return True
        return k < len(self._starts) and self._starts[k] < e

    def add(self, s: int, e: int) -> None:
        """Add an interval that overlaps none already held."""
        k = bisect_right(self._starts, s)
        self._starts.insert(k, s)
        self._ends.insert(k, e)

    def __iter__(self):
        return iter(zip(self._starts, self._ends))
