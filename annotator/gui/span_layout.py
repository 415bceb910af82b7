"""Helpers of the annotation view that need no widget: direction, lanes, marks, tooltips.

Kept apart from the text_view package so they can be reasoned about (and tested) on their own.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterable, Sequence

from annotator.core.model import Span

LTR, RTL = "ltr", "rtl"

# Characters "show invisibles" marks: (short tag, kind). Kinds pick the colour.
INVISIBLES: dict[str, tuple[str, str]] = {
    "\u200e": ("LRM", "mark"),
    "\u200f": ("RLM", "mark"),
    "\u061c": ("ALM", "mark"),
    "\u202a": ("LRE", "bidi"),
    "\u202b": ("RLE", "bidi"),
    "\u202c": ("PDF", "bidi"),
    "\u202d": ("LRO", "bidi"),
    "\u202e": ("RLO", "bidi"),
    "\u2066": ("LRI", "bidi"),
    "\u2067": ("RLI", "bidi"),
    "\u2068": ("FSI", "bidi"),
    "\u2069": ("PDI", "bidi"),
    "\u200d": ("ZWJ", "joiner"),
    "\u200c": ("ZWNJ", "joiner"),
    "\u200b": ("ZWSP", "joiner"),
    "\u2060": ("WJ", "joiner"),
    "\ufeff": ("BOM", "joiner"),
    "\u00ad": ("SHY", "joiner"),
    "\u00a0": ("NBSP", "space"),
    "\u202f": ("NNBSP", "space"),
    "\u2007": ("FIGSP", "space"),
    "\u2028": ("LS", "space"),
    "\u0640": ("", "tatweel"),
    "\r": ("CR", "space"),
    "\t": ("TAB", "space"),
}
INVISIBLES_RE = re.compile("[" + "".join(re.escape(c) for c in INVISIBLES) + "]")

# Embeddings, overrides and isolates: the displayed order may differ from the stored one.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def has_bidi_controls(text: str) -> bool:
    return _BIDI_CONTROLS_RE.search(text) is not None


def first_strong_direction(text: str) -> str | None:
    """Unicode rules P2/P3: the direction of the first strong character outside isolates."""
    depth = 0
    bidi = unicodedata.bidirectional
    for ch in text:
        kind = bidi(ch)
        if kind == "L":
            if depth == 0:
                return LTR
        elif kind == "R" or kind == "AL":
            if depth == 0:
                return RTL
        elif kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI" and depth:
            depth -= 1
    return None


def qt_auto_direction(text: str) -> str:
    """What QTextBlock::textDirection() guesses: the first strong character, isolates not skipped."""
    bidi = unicodedata.bidirectional
    for ch in text:
        kind = bidi(ch)
        if kind == "L":
            return LTR
        if kind == "R" or kind == "AL":
            return RTL
    return LTR


def paragraph_directions(paragraphs: Sequence[str]) -> list[str]:
    """One direction per paragraph; paragraphs with no strong letter (a date line, a row
    of digits) follow the paragraph before them, or the first decided one."""
    found = [first_strong_direction(p) for p in paragraphs]
    default = next((d for d in found if d), LTR)
    out, last = [], default
    for d in found:
        last = d or last
        out.append(last)
    return out


def assign_lanes(items: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Lanes for (start, end, key) intervals: 0 for spans no other span contains (drawn as a
    background), k >= 1 for nested spans (drawn as the k-th underline bar), so that a span
    sits below everything containing it and crossing spans at one depth never share a lane."""
    ordered = sorted(items, key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    lanes: dict[int, int] = {}
    # Only intervals still open at the current start can contain or cross what follows (later
    # ones start no earlier), so the ones that ended are dropped: a paragraph of thousands of
    # spans side by side costs linear time, not quadratic.
    active: list[tuple[int, int, int]] = []  # (start, end, lane)
    for s, e, key in ordered:
        if active and any(pe <= s for _, pe, _ in active):
            active = [p for p in active if p[1] > s]
        # Everything still open that reaches e contains this one (sorted by start, longer first).
        lane = 0
        for ps, pe, pl in active:
            if ps <= s and pe >= e:
                lane = max(lane, pl + 1)
        if lane:
            busy = {pl for ps, pe, pl in active if ps < e and s < pe}
            while lane in busy:
                lane += 1
        lanes[key] = lane
        active.append((s, e, lane))
    return lanes


def describe_span(span: Span, text: str | None = None, max_chars: int = 40, scheme=None) -> str:
    """One plain-text line: 'QUOTE (direct) — amal: «...»'; with the scheme, the label and
    choice values as the interface language names them."""
    if scheme is not None:
        from annotator.gui.i18n import label_text, value_text

        label = label_text(scheme, span.label)
        values = [value_text(scheme, span.label, k, v) for k, v in span.attrs.items() if v not in (None, "", [], {})]
    else:
        label = span.label
        values = [str(v) for v in span.attrs.values() if v not in (None, "", [], {})]
    line = label + (f" ({', '.join(values)})" if values else "")
    if span.annotator:
        line += f" — {span.annotator}"
    if span.status != "accepted":
        line += f" [{span.status}]"
    if text is not None:
        snippet = text[span.start : span.end].replace("\n", " ")
        if len(snippet) > max_chars:
            snippet = snippet[: max_chars - 1] + "…"
        line += f": {snippet}"
    return line


def plain_tooltip(lines: Iterable[str]) -> str:
    """Qt tooltip markup that shows every line literally.

    QToolTip guesses rich text with Qt::mightBeRichText, so a label or attribute like
    "<b>x</b>" would be rendered as bold. We make the text rich ourselves, with every
    line escaped, one paragraph per line so each gets its own bidi direction.
    """
    body = "".join(f"<p style='white-space:pre'>{html.escape(line, quote=False)}</p>" for line in lines)
    return f"<qt>{body}</qt>"
