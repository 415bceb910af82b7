"""Find text inside a document, optionally Arabic-aware.

Arabic-aware matching folds both the text and the query: harakat, Quranic marks and
tatweel are ignored, alef forms (أ إ آ ٱ) match ا, ى matches ي, ة matches ه, Persian
ی/ک match ي/ك and Arabic-Indic digits match ASCII digits. Matches are reported as
code-point offsets into the ORIGINAL text, extended over the marks that follow the
last letter, so a match never ends between a letter and its haraka.
"""

from __future__ import annotations

from annotator.core.offsets import _is_cluster_extender

# Harakat and other marks that change no letter: dropped before comparing.
_MARK_RANGES = (
    (0x0610, 0x061A),  # Quranic honorifics and small letters above
    (0x064B, 0x065F),  # harakat, shadda, sukun, hamza above/below marks
    (0x0670, 0x0670),  # superscript (dagger) alef
    (0x06D6, 0x06DC),  # Quranic annotation marks
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08E1),  # Arabic Extended-A marks
    (0x08E3, 0x08FF),
)
TATWEEL = "\u0640"


def _ignorable_table() -> frozenset[str]:
    chars = {TATWEEL}
    for lo, hi in _MARK_RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return frozenset(chars)


IGNORABLE = _ignorable_table()

_LETTER_FOLD = {
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ (wasla)
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # Persian ye
    "\u0629": "\u0647",  # ة -> ه
    "\u06a9": "\u0643",  # keheh -> kaf
}
_LETTER_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})
_LETTER_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})


class FoldedText:
    """A text folded for searching, with the original offset of every folded character.

    Build it once per (text, options) and reuse it for every query: folding a long
    document is the slow part, the search itself is str.find.
    """

    __slots__ = ("text", "folded", "origin", "arabic_aware", "case_sensitive")

    def __init__(self, text: str, arabic_aware: bool = True, case_sensitive: bool = False):
        self.text = text
        self.arabic_aware = arabic_aware
        self.case_sensitive = case_sensitive
        if not arabic_aware and case_sensitive:
            self.folded = text
            self.origin = None  # identity
            return
        parts: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            f = fold_char(ch, arabic_aware, case_sensitive)
            if f:
                parts.append(f)
                origin.extend([i] * len(f))
        self.folded = "".join(parts)
        self.origin = origin

    def find_all(self, query: str) -> list[tuple[int, int]]:
        q = fold(query, self.arabic_aware, self.case_sensitive)
        if not q:
            return []
        text, folded, origin = self.text, self.folded, self.origin
        n = len(text)
        out: list[tuple[int, int]] = []
        pos = folded.find(q)
        while pos >= 0:
            fend = pos + len(q)
            if origin is None:
                start, end = pos, fend
            else:
                start, end = origin[pos], origin[fend - 1] + 1
            # The marks after the last matched letter are part of the match, and so is
            # the rest of its grapheme cluster (an emoji's skin tone).
            while end < n and (text[end] in IGNORABLE and text[end] != TATWEEL or _is_cluster_extender(text[end])):
                end += 1
            out.append((start, end))
            pos = folded.find(q, fend)
        return out


def fold_char(ch: str, arabic_aware: bool = True, case_sensitive: bool = False) -> str:
    if arabic_aware:
        if ch in IGNORABLE:
            return ""
        ch = _LETTER_FOLD.get(ch, ch)
    if not case_sensitive:
        ch = ch.lower()
    return ch


def fold(s: str, arabic_aware: bool = True, case_sensitive: bool = False) -> str:
    return "".join(fold_char(c, arabic_aware, case_sensitive) for c in s)


def find_all(text: str, query: str, arabic_aware: bool = True, case_sensitive: bool = False) -> list[tuple[int, int]]:
    """Non-overlapping matches of query in text as code-point (start, end) pairs, in order."""
    return FoldedText(text, arabic_aware, case_sensitive).find_all(query)


def has_match(text: str, query: str, arabic_aware: bool = True) -> bool:
    return bool(find_all(text, query, arabic_aware))


__all__ = ["FoldedText", "IGNORABLE", "find_all", "fold", "fold_char", "has_match"]
