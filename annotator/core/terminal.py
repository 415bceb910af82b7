"""Showing Arabic in a terminal, which neither shapes letters nor runs the bidi algorithm.

This is the one place arabic-reshaper and python-bidi belong: Qt does both itself, so
nothing shown in the GUI may pass through here.
"""

from __future__ import annotations

import re

import arabic_reshaper
from bidi import algorithm as _bidi

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": False, "shift_harakat_position": False}
)

# Lam-alef ligatures, applied after 1:1 reshaping so every glyph still maps to one source index.
_LAM = {"\ufedf": "isolated", "\ufee0": "final"}
_ALEF_FINAL = {"\ufe8e": ("\ufefb", "\ufefc"), "\ufe82": ("\ufef5", "\ufef6"),
               "\ufe84": ("\ufef7", "\ufef8"), "\ufe88": ("\ufef9", "\ufefa")}

PALETTE = [31, 34, 32, 35, 33, 36, 91, 94, 92, 95]  # ANSI colours, one per label in scheme order
RESET = "\x1b[0m"


# Control characters a terminal acts on: C0 (ESC starts colour, cursor and title
# sequences, BEL, CR overwrites the line), DEL and C1 (CSI U+009B, OSC U+009D ...).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and line feed kept
_CONTROLS_ALL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _code(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"  # visible, and still valid inside a JSON string


def escape_controls(text: str, keep_lines: bool = True) -> str:
    """`text` with every control character a terminal would act on written as \\uXXXX.
    keep_lines: tab and line feed stay (document text); otherwise they are escaped too (a
    name or id must not start a line of its own)."""
    return (_CONTROLS if keep_lines else _CONTROLS_ALL).sub(_code, text)


def field(value) -> str:
    """A name, id or label for one line of output."""
    return escape_controls(str(value), keep_lines=False)


class SafeStream:
    """A text stream that escapes control characters in everything written to it: the CLI
    prints through it (annotator.cli), so ids, names and text from a project or an input
    file never reach the terminal as escape sequences. write_raw() is for the CLI's own
    sequences (colours whose text is escaped already, a progress bar's carriage return);
    the byte buffer (an export to standard output) is the data itself and passes as is."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text))
        return len(text)

    def write_raw(self, text: str) -> int:
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def write_raw(stream, text: str) -> None:
    getattr(stream, "write_raw", stream.write)(text)


def reshape(line: str) -> list[tuple[str, int]]:
    """Presentation-form glyphs of a line, each with the index of the source character."""
    shaped = _RESHAPER.reshape(line)
    if len(shaped) != len(line):  # the reshaper changed the length: show unshaped letters
        shaped = line
    glyphs = []
    i = 0
    while i < len(shaped):
        g = shaped[i]
        if g in _LAM and i + 1 < len(shaped) and shaped[i + 1] in _ALEF_FINAL:
            iso, fin = _ALEF_FINAL[shaped[i + 1]]
            glyphs.append((iso if _LAM[g] == "isolated" else fin, i))
            i += 2
            continue
        glyphs.append((g, i))
        i += 1
    return glyphs


def visual_order(glyphs: list[tuple[str, int]], base_dir: str | None = None) -> list[tuple[str, int]]:
    """Reorder (glyph, source index) pairs into display order by the Unicode bidi algorithm."""
    text = "".join(g for g, _ in glyphs)
    if not text:
        return []
    storage = _bidi.get_empty_storage()
    level = _bidi.PARAGRAPH_LEVELS[base_dir] if base_dir else _bidi.get_base_level(text)
    storage["base_level"] = level
    storage["base_dir"] = ("L", "R")[level]
    _bidi.get_embedding_levels(text, storage)
    for ch, (_, src) in zip(storage["chars"], glyphs):
        ch["src"] = src
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    return [(ch["ch"], ch["src"]) for ch in storage["chars"]]


def display_line(line: str, styles: list[str | None] | None = None, logical: bool = False) -> str:
    """One line for a terminal; styles[i] is an ANSI SGR code for source character i."""
    pairs = [(c, i) for i, c in enumerate(line)] if logical else visual_order(reshape(line))
    return _paint(pairs, styles)


def display(text: str, logical: bool = False) -> str:
    """Any Arabic the CLI prints (labels, span texts, messages), made readable in a terminal."""
    return "\n".join(display_line(line, None, logical) for line in text.split("\n"))


def wrap_logical(line: str, width: int) -> list[tuple[int, int]]:
    """Split a logical line into (start, end) pieces of at most `width` characters at spaces.

    Wrapping must happen before reordering: a terminal wraps the visual string from the
    left, which would put the end of a right-to-left sentence on its first row.
    """
    if width <= 0 or len(line) <= width:
        return [(0, len(line))]
    pieces = []
    start = 0
    while len(line) - start > width:
        cut = line.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = start + width
        pieces.append((start, cut))
        start = cut + 1 if line[cut:cut + 1] == " " else cut
    pieces.append((start, len(line)))
    return pieces


def render_document(text: str, spans, label_colours: dict[str, int], logical: bool = False,
                    colour: bool = True, width: int = 0) -> str:
    """The document with each span's characters coloured by its label (innermost span wins)."""
    styles: list[str | None] = [None] * len(text)
    if colour:
        for s in sorted(spans, key=lambda s: (s.end - s.start), reverse=True):
            code = label_colours.get(s.label, 37)
            for i in range(s.start, s.end):
                styles[i] = f"4;{code}"
    lines = []
    pos = 0
    for line in text.split("\n"):
        base = None if logical else ("R" if _bidi.get_base_level(line or "a") else "L")
        for a, b in wrap_logical(line, width):
            piece = line[a:b]
            st = styles[pos + a:pos + b] if colour else None
            if logical:
                lines.append(display_line(piece, st, True))
            else:
                # Every row keeps its paragraph's direction, and RTL rows are right-aligned.
                pairs = visual_order(reshape(piece), base)
                row = _paint(pairs, st)
                if base == "R" and width:
                    row = " " * max(0, width - len(pairs)) + row
                lines.append(row)
        pos += len(line) + 1
    return "\n".join(lines)


def _paint(pairs, styles) -> str:
    out = []
    current = None
    for glyph, src in pairs:
        style = styles[src] if styles else None
        if style != current:
            out.append(RESET if style is None else f"\x1b[{style}m")
            current = style
        out.append(_CONTROLS.sub(_code, glyph))
    if current is not None:
        out.append(RESET)
    return "".join(out)
