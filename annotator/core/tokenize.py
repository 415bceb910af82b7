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
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count, repeat
from operator import add, is_, itemgetter, not_, sub
from functools import cache
from typing import Iterable, NamedTuple

VERSION = "annotator-tokenize-1"

_SEP = "٫٬.,"


def _class(ranges: list[list[int]]) -> str:
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def _marks_classes() -> tuple[str, str]:
    """Regex class bodies with every combining mark (Mn, Mc, Me): (BMP, astral).

    Kept apart because Python's re matches a class of BMP characters with a bitmap but
    scans a class holding astral ranges range by range, which made tokenizing 2x slower.
    """
    bmp: list[list[int]] = []
    astral: list[list[int]] = []
    # Marks live only in planes 0, 1 and 14 (variation selectors supplement); planes 2-3
    # are ideographs, so scanning them would only slow down the first call.
    for base, stop in ((0, 0x20000), (0xE0000, 0xE1000)):
        cats = map(unicodedata.category, map(chr, range(base, stop)))
        for cp, cat in enumerate(cats, base):
            if cat[0] == "M":
                ranges = bmp if cp < 0x10000 else astral
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])
    return _class(bmp), _class(astral)


@cache
def _pattern() -> re.Pattern:
    bmp, astral = _marks_classes()
    letter = r"[^\W\d_]"  # \w without digits and underscore: letters of every script
    is_astral = "(?=[\U00010000-\U0010ffff])"  # one range test before the long astral class
    mark = f"(?:[{bmp}]|{is_astral}[{astral}])"
    joiner = f"(?:[{bmp}\u200c\u200d]|{is_astral}[{astral}])"
    ext = f"(?:[{bmp}\ufe00-\ufe0f]|{is_astral}[{astral}\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f])"
    number = rf"\d+(?:[{_SEP}]\d+)*"
    # Unrolled (letters, then marks/ZWNJ/ZWJ, then letters ...): the same words as
    # (letter|mark)+ without trying an alternation at every character.
    word = rf"(?:{letter}|{mark}){letter}*(?:{joiner}+{letter}*)*"
    other = rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|[^\s])(?:{ext}|\u200d[^\s])*"
    # Every character of the text belongs to exactly one match, so the pieces rebuild it.
    return re.compile(rf"\s+|{number}|{word}|{other}")


@cache
def _pattern_ws() -> re.Pattern:
    """The same tokens, each with the single space that follows it (its ws) as group 2."""
    return re.compile(rf"({_pattern().pattern})( (?!\s))?")


class Token(NamedTuple):
    start: int
    end: int
    ws: bool  # followed by one U+0020 that belongs to no token
    space: bool  # this token is white space itself


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_space) covering the whole text, before any span-driven split."""
    pieces = _pattern().findall(text)
    ends = list(accumulate(map(len, pieces)))
    return [(e - len(p), e, p.isspace()) for p, e in zip(pieces, ends)]


class TokenTable:
    """Tokens as parallel lists (what the writers need, without one object per token).

    texts, starts, ends: lists. ws and space (lists of bools) are made on first use: each
    writer needs only one of them. ws_flags is ws as given (bools, or bytes of 0/1), for
    lookups that take either (a dict keyed by False/True also answers 0/1).
    """

    __slots__ = ("texts", "starts", "ends", "ws_flags", "_ws", "_space")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int], ws, space: list[bool] | None = None):
        self.texts = texts
        self.starts = starts
        self.ends = ends
        self.ws_flags = ws
        self._ws = ws if isinstance(ws, list) else None
        self._space = space

    @property
    def ws(self) -> list[bool]:
        if self._ws is None:
            self._ws = list(map(bool, self.ws_flags))
        return self._ws

    @property
    def space(self) -> list[bool]:
        if self._space is None:
            self._space = list(map(str.isspace, self.texts))
        return self._space


def token_table(text: str, spans: Iterable[tuple[int, int]] = ()) -> TokenTable:
    """Tokens of `text` such that every (start, end) in `spans` starts on a token start and
    ends on a token end (splitting tokens where needed; see the module docstring)."""
    spans = list(spans)
    fast = _fast_table(text, spans)
    if fast is not None:
        return fast
    span_starts: set[int] = set()
    span_ends: set[int] = set()
    for s, e in spans:
        span_starts.add(s)
        span_ends.add(e)
    pieces = _pattern().findall(text)
    ends = list(accumulate(map(len, pieces)))
    cuts = (span_starts | span_ends).difference(ends)
    cuts.discard(0)
    if cuts:
        for c in sorted(cuts, reverse=True):  # from the end, so earlier indices stay valid
            i = bisect_right(ends, c)
            if i >= len(pieces):
                continue  # beyond the text; the caller's offset checks report it
            piece, start = pieces[i], ends[i] - len(pieces[i])
            pieces[i : i + 1] = [piece[: c - start], piece[c - start :]]
            ends.insert(i, c)
    n = len(pieces)
    starts = [0, *ends[:-1]] if n else []
    space = [p.isspace() for p in pieces]
    absorbed = [False] * n
    for i in range(1, n):
        if pieces[i] == " " and not space[i - 1] and starts[i] not in span_starts and ends[i] not in span_ends:
            absorbed[i] = True
    if not any(absorbed):
        return TokenTable(pieces, starts, ends, [False] * n, space)
    keep = [i for i in range(n) if not absorbed[i]]
    absorbed.append(False)
    return TokenTable([pieces[i] for i in keep], [starts[i] for i in keep], [ends[i] for i in keep],
                      [absorbed[i + 1] for i in keep], [space[i] for i in keep])


def _fast_table(text: str, spans: list[tuple[int, int]]) -> TokenTable | None:
    """The common case: every span edge already on a token edge (and not on a space taken
    as ws). None when some token must be split; token_table then does it."""
    split = _split_lines(text)
    if split is None:
        pairs = _pattern_ws().findall(text)
        texts = list(map(itemgetter(0), pairs))
        ws = bytes(map(bool, map(itemgetter(1), pairs)))
    else:
        texts, ws = split
    # map() with C functions throughout: this runs once per token of every exported document.
    # ws is bytes of 0/1 here: int arithmetic on it, and one pass to bools at the end.
    nexts = list(accumulate(map(add, map(len, texts), ws)))
    ends = list(map(sub, nexts, ws))
    starts = [0, *nexts[:-1]] if texts else []
    n = len(texts)
    for s, e in spans:
        i = bisect_left(starts, s)
        j = bisect_left(ends, e)
        if i >= n or starts[i] != s or j >= n or ends[j] != e:
            return None
    return TokenTable(texts, starts, ends, ws)


# Tokens of the chunks _split_lines() could not take as one word, by chunk (a word with its
# comma, a quoted word, a date): they repeat across documents, so most are found here
# instead of by the regex (the cache spaCy's tokenizer keeps for the same reason). Bounded:
# emptied when full, so memory stays flat however large the export.
_CHUNKS: dict[str, str] = {}
_CHUNKS_MAX = 20_000  # ~3 MB at most
_CHUNK_MAX_LEN = 64


def _split_lines(text: str) -> tuple[list[str], bytes] | None:
    """(token texts, ws as bytes of 0/1) exactly as _pattern_ws() finds them, when every
    line of the text holds chunks separated by single spaces (news text); None for anything
    else (tabs, runs of spaces, white space at a line's edge, ...): the regex takes those.

    Why: the regex costs ~200 ns per match, str.split() finds the same chunks in C. No
    token except a white-space run holds white space and the pattern never looks behind, so
    a chunk's tokens do not depend on its neighbours. A chunk of letters only (isalpha:
    Unicode L*, every one in the pattern's letter class) is one word; the other chunks are
    looked up in _CHUNKS or go through the regex in one call, joined by single spaces.
    """
    texts: list[str] = []
    ws: list[bytes] = []  # one byte 1/0 per chunk, so that a split chunk can widen it
    newlines = 0  # since the last chunk: the run of \n that is the next white-space token
    first = True
    for line in text.split("\n"):
        if first:
            first = False
        else:
            newlines += 1
        chunks = line.split()
        if " ".join(chunks) != line:
            return None
        if chunks:
            if newlines:
                texts.append("\n" * newlines)
                ws.append(b"\0")
                newlines = 0
            texts += chunks
            ws += repeat(b"\1", len(chunks) - 1)
            ws.append(b"\0")
    if newlines:
        texts.append("\n" * newlines)
        ws.append(b"\0")
    bad = list(compress(count(), map(not_, map(str.isalpha, texts))))
    if not bad:
        return texts, b"".join(ws)
    chunks = list(map(texts.__getitem__, bad))
    reps = list(map(_CHUNKS.get, chunks))
    if None in reps:
        missing = list(dict.fromkeys(compress(chunks, map(is_, reps, repeat(None)))))
        found = dict(zip(missing, missing))  # a run of \n is one token
        words = [c for c in missing if c[0] != "\n"]
        if words:
            joined = " ".join(words)
            if "\x00" in joined:
                return None
            # NUL between tokens; a chunk's tokens are what lies between two separators.
            found.update(zip(words, "\x00".join(_pattern().findall(joined)).split("\x00 \x00")))
        if len(_CHUNKS) + len(found) > _CHUNKS_MAX:
            _CHUNKS.clear()
        _CHUNKS.update((c, r) for c, r in found.items() if len(c) <= _CHUNK_MAX_LEN)
        reps = list(map(found.get, chunks, reps))
    split = False
    for i, rep in zip(bad, reps):
        if "\x00" in rep:
            texts[i] = rep
            ws[i] = b"\0" * rep.count("\x00") + ws[i]
            split = True
    if split:
        texts = "\x00".join(texts).split("\x00")
    return texts, b"".join(ws)


def tokenize(text: str) -> list[Token]:
    """Tokens of a text with no spans to respect."""
    return tokens_for(text, ())


def tokens_for(text: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """token_table() as a list of Token tuples."""
    t = token_table(text, spans)
    return [Token(*row) for row in zip(t.starts, t.ends, t.ws, t.space)]
