"""The Arabic-aware tokenizer behind the token formats (prodigy, hf-bio).

Rules, applied left to right, longest match first; deterministic, no model, no locale:

1. number: a run of decimal digits of any script (Latin 0-9, Arabic-Indic ٠-٩, Persian ۰-۹),
   with one of ``٫ ٬ . ,`` allowed *between* digits: ``٢٠٢١``, ``3.5``, ``١٬٠٠٠``, ``٣٫٥``.
   A separator not followed by a digit is punctuation: ``2021،`` is ``2021`` + ``،``.
2. word: a run of letters (Unicode L*: Arabic with tatweel, Latin, any script) and
   combining marks (harakat, shadda, superscript alef, ...) with ZWNJ/ZWJ inside. Digits end a
   word: ``و2021`` is ``و`` + ``2021``; ``iOS`` is one word; lam-alef is two letters, one word.
3. anything else that is not white space is one token per character (punctuation
   ``، ؛ ؟ « » " “ ” ( ) . , ! :`` and symbols), kept together with what extends it into one
   grapheme: combining marks, variation selectors, emoji skin-tone modifiers, tag characters,
   keycaps, ZWJ sequences (``👍🏽`` and ``👨‍👩‍👧`` are one token each) and flag pairs.
4. white space is not a token. A single U+0020 space after a token is that token's ``ws``;
   any other run (newlines, tabs, NBSP, two spaces) is a token of its own, as spaCy does,
   so that joining tokens with their ``ws`` gives back the text exactly.

Span edges: a span must start on a token start and end on a token end. When a span edge
falls inside a token (a clitic: CUE on قال inside وقال, a date ٢٠٢١م with the era letter
outside), :func:`tokens_for` SPLITS that token at the edge (وقال -> و + قال). It never moves
or drops the span. A single space is kept as ``ws`` unless a span starts on it or ends after
it, in which case it becomes a token too. The split is done per document with the edges of
every exported span, so every line of a document carries the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache
from typing import Iterable, NamedTuple

VERSION = "annotator-tokenize-1"

_SEP = "٫٬.,"


@cache
def _marks_class() -> str:
    """A regex class body with every combining mark (Mn, Mc, Me) as ranges."""
    ranges: list[list[int]] = []
    # Marks live only in planes 0, 1 and 14 (variation selectors supplement); planes 2-3
    # are ideographs, so scanning them would only slow down the first call.
    for base, stop in ((0, 0x20000), (0xE0000, 0xE1000)):
        cats = map(unicodedata.category, map(chr, range(base, stop)))
        for cp, cat in enumerate(cats, base):
            if cat[0] == "M":
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def _pattern() -> re.Pattern:
    marks = _marks_class()
    ext = f"[{marks}\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
    number = rf"\d+(?:[{_SEP}]\d+)*"
    word = rf"(?:[^\W\d_]|[{marks}])(?:[^\W\d_]|[{marks}\u200c\u200d])*"
    other = rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|[^\s])(?:{ext}|\u200d[^\s])*"
    # Group 1: white space (not a token unless it must be); group 2: a token.
    return re.compile(rf"(\s+)|({number}|{word}|{other})")


class Token(NamedTuple):
    start: int
    end: int
    ws: bool  # followed by one U+0020 that belongs to no token
    space: bool  # this token is white space itself


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_space) covering the whole text, before any span-driven split."""
    return [(m.start(), m.end(), m.group(1) is not None) for m in _pattern().finditer(text)]


def tokenize(text: str) -> list[Token]:
    """Tokens of a text with no spans to respect."""
    return tokens_for(text, ())


def tokens_for(text: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """Tokens of `text` such that every (start, end) in `spans` starts on a token start and
    ends on a token end (splitting tokens where needed; see the module docstring)."""
    starts: set[int] = set()
    ends: set[int] = set()
    for s, e in spans:
        starts.add(s)
        ends.add(e)
    segs = segments(text)
    if starts or ends:
        cuts = sorted(starts | ends)
        out = []
        for s, e, sp in segs:
            i = bisect_left(cuts, s + 1)
            if i < len(cuts) and cuts[i] < e:
                prev = s
                while i < len(cuts) and cuts[i] < e:
                    out.append((prev, cuts[i], sp))
                    prev = cuts[i]
                    i += 1
                out.append((prev, e, sp))
            else:
                out.append((s, e, sp))
        segs = out
    tokens: list[Token] = []
    n = len(segs)
    i = 0
    while i < n:
        s, e, sp = segs[i]
        ws = False
        if not sp and i + 1 < n:
            ns, ne, nsp = segs[i + 1]
            if nsp and ne == ns + 1 and text[ns] == " " and ns not in starts and ne not in ends:
                ws = True
                i += 1
        tokens.append(Token(s, e, ws, sp))
        i += 1
    return tokens


def token_index(tokens: list[Token]) -> tuple[dict[int, int], dict[int, int]]:
    """Maps from a token's start offset and end offset to its index."""
    return {t.start: i for i, t in enumerate(tokens)}, {t.end: i for i, t in enumerate(tokens)}
