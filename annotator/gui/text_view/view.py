"""AnnotationView: the read-only annotation text view and its API (all offsets code points).

The stored text is the truth: the widget holds a copy with the same UTF-16 length at every
character, and every offset crosses the boundary through one Utf16Map; text is never read
back from Qt (it turns NBSP into a space, joins blocks with U+2029). Layout, painting and
input live in the mixins named below; this module holds the document, spans, selection and
fonts."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.core.snapping import snap
from annotator.gui.fonts import ensure_fonts, text_font
from annotator.gui.span_layout import RTL, has_bidi_controls, paragraph_directions, qt_auto_direction
from annotator.gui.text_view.block_layout import BlockLayout
from annotator.gui.text_view.span_index import SpanIndex
from annotator.gui.text_view.span_painter import SpanPainter, _BlockPaint
from annotator.gui.text_view.view_input import ViewInput

MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 72.0


def _display_copy(text: str) -> str:
    """The widget's copy of the text: Qt would merge CR LF into one block separator and drop
    lone surrogates, so those become characters of the same UTF-16 length (a zero-width
    space, a line feed, U+FFFD). Every other character goes in unchanged."""
    if "\r" in text:
        text = text.replace("\r\n", "\u200b\n").replace("\r", "\n")
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


class AnnotationView(ViewInput, SpanPainter, BlockLayout, QPlainTextEdit):
    """Read-only annotation text view. All offsets in its API are code points."""

    scheme = None  # the project's scheme, set by the window: tooltips name labels as the interface does

    selectionChangedCp = Signal(int, int)
    spanActivated = Signal(int)
    fontSizeChanged = Signal(float)
    documentReplaced = Signal()  # set_document/clear_document: a new text (find bar, caches)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        doc = self.document()
        option = QTextOption(doc.defaultTextOption())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self._family = ensure_fonts()
        self._size = 15.0
        self._text = ""
        self._map = Utf16Map("")
        self._block_cp: list[int] = [0]  # code-point start of every block
        self._block_u16: list[int] = [0]
        self._block_dir: list[str] = ["ltr"]
        self._index = SpanIndex()
        self._colours: dict[str, QColor] = {}
        self._paint: dict[int, _BlockPaint] = {}
        self._current: int | None = None
        self._linked: set[int] = set()
        self._numbers: dict[int, int] = {}  # link mode: span id -> the number its key has
        self._number_rects: dict[int, QRectF] = {}  # number -> where it was last painted (viewport)
        self._show_invisibles = False
        self._bidi = False
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self._current_match: tuple[int, int] | None = None
        self._last_sel: tuple[int, int] | None = None
        self._press_pos: QPoint | None = None
        self._quiet = 0  # > 0 while a mouse event is being corrected: one signal, after it
        self._word_drag = False
        self._scroll_fix_pending = False
        self.setFont(text_font(self._family, self._size))
        self._update_metrics()
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._emit_selection)

    def set_document(self, text: str, spans: Iterable[Span], colours: dict[str, str]) -> None:
        self._text = text
        self._map = Utf16Map(text)
        self._bidi = has_bidi_controls(text)
        self._current, self._linked = None, set()
        self._numbers, self._number_rects = {}, {}
        self._matches, self._match_starts, self._current_match = [], [], None
        self._paint.clear()
        self._last_sel = None
        self.set_colours(colours, repaint=False)
        self._quiet += 1
        try:
            self.setPlainText(_display_copy(text))
        finally:
            self._quiet -= 1
        doc = self.document()
        if doc.characterCount() - 1 != self._map.utf16_length:  # a Qt change we do not know of
            raise RuntimeError(
                f"text view holds {doc.characterCount() - 1} UTF-16 units, the text has {self._map.utf16_length}"
            )
        self._index_blocks()
        self.set_spans(spans)
        self._emit_selection()
        self.documentReplaced.emit()

    def clear_document(self) -> None:
        self.set_document("", (), {k: v.name() for k, v in self._colours.items()})

    def text(self) -> str:
        return self._text

    def set_colours(self, colours: dict[str, str], repaint: bool = True) -> None:
        self._colours = {label: QColor(c) for label, c in colours.items()}
        if repaint:
            self.viewport().update()

    def _index_blocks(self) -> None:
        doc = self.document()
        starts_u16, starts_cp, paragraphs = [], [], []
        block = doc.begin()
        from_u16 = self._map.from_utf16
        while block.isValid():
            u = block.position()
            cp = from_u16(u)
            starts_u16.append(u)
            starts_cp.append(cp)
            block = block.next()
        ends = starts_cp[1:] + [len(self._text) + 1]
        paragraphs = [self._text[s : e - 1] for s, e in zip(starts_cp, ends)]
        self._block_u16, self._block_cp = starts_u16, starts_cp
        self._block_dir = paragraph_directions(paragraphs)
        # Cursor movement (Left/Right in logical style) follows QTextBlock::textDirection();
        # set it only where Qt's own guess differs (neutral paragraphs, leading isolates).
        cursor = None
        for number, (para, direction) in enumerate(zip(paragraphs, self._block_dir)):
            if qt_auto_direction(para) != direction:
                cursor = cursor or QTextCursor(doc)
                cursor.setPosition(starts_u16[number])
                fmt = QTextBlockFormat(cursor.blockFormat())
                fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if direction == RTL else Qt.LayoutDirection.LeftToRight)
                cursor.setBlockFormat(fmt)

    def block_direction(self, block_number: int) -> str:
        return self._block_dir[block_number]

    def has_bidi_controls(self) -> bool:
        return self._bidi

    # ----- spans ---------------------------------------------------------------------
    def set_spans(self, spans: Iterable[Span]) -> None:
        self._index.reset(self._block_cp, spans)
        self._paint.clear()
        self.viewport().update()

    def add_span(self, span: Span) -> None:
        self._repaint_blocks(self._index.remove(span.id))
        self._repaint_blocks(self._index.add(span))

    def remove_span(self, span_id: int) -> None:
        self._repaint_blocks(self._index.remove(span_id))

    def update_span(self, span: Span) -> None:
        self.add_span(span)

    def span(self, span_id: int) -> Span | None:
        return self._index.spans.get(span_id)

    def spans(self) -> list[Span]:
        return list(self._index.spans.values())

    def spans_at(self, cp: int, include_rejected: bool = False) -> list[Span]:
        """Spans covering code point cp, innermost (shortest) first."""
        if not 0 <= cp < max(len(self._text), 1):
            return []
        return self._index.at(cp, include_rejected)

    def set_current_span(self, span_id: int | None, linked: Iterable[int] = ()) -> None:
        self._current = span_id
        self._linked = set(linked)
        self.viewport().update()

    def current_span(self) -> int | None:
        return self._current

    # Each number is painted as its own text item inside its span, so no bidi run of the
    # interface or of the text can carry it next to another span (issue 12: in the English
    # interface "1: «…» 2: «…»" in one string put the numbers beside the wrong names).
    def set_link_numbers(self, span_ids: list[int]) -> None:
        """Number the spans 1, 2, ... (what the keys choose) until cleared with []."""
        self._numbers = {sid: k for k, sid in enumerate(span_ids, 1)}
        self._number_rects = {}
        self.viewport().update()

    def link_number_rect(self, number: int) -> QRectF | None:
        """Where `number` was last painted, in viewport coordinates (None: not on screen)."""
        return self._number_rects.get(number)

    def selection_cp(self) -> tuple[int, int]:
        c = self.textCursor()
        top = self._map.utf16_length
        return (self._map.from_utf16(min(max(c.selectionStart(), 0), top)),
                self._map.from_utf16(min(max(c.selectionEnd(), 0), top)))

    def select_cp(self, start: int, end: int) -> None:
        n = len(self._text)
        start, end = sorted((max(0, min(start, n)), max(0, min(end, n))))
        c = QTextCursor(self.document())
        c.setPosition(self._map.to_utf16(start))
        c.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        target = c.block().blockNumber()
        shown = [b.blockNumber() for b, _ in self._visible_blocks()]
        far = not shown or not shown[0] <= target <= shown[-1]
        self.setTextCursor(c)
        if far and self.isVisible():
            self.centerCursor()  # a jump (find, span list): show it mid-screen, not on the edge
        else:
            self.ensureCursorVisible()

    def snapped_selection(self, mode: str = "word") -> tuple[int, int] | None:
        return snap(self._text, *self.selection_cp(), mode=mode)

    def _emit_selection(self) -> None:
        if self._quiet:
            return
        sel = self.selection_cp()
        if sel != self._last_sel:
            self._last_sel = sel
            self.selectionChangedCp.emit(*sel)

    def createMimeDataFromSelection(self) -> QMimeData:
        # The exact stored characters, not Qt's copy (NBSP -> space, U+2029 between blocks).
        data = QMimeData()
        start, end = self.selection_cp()
        data.setText(self._text[start:end])
        return data

    def set_find_matches(self, matches: list[tuple[int, int]], current: tuple[int, int] | None = None) -> None:
        self._matches = sorted(matches)
        self._match_starts = [m[0] for m in self._matches]
        self._current_match = current
        self.viewport().update()

    def set_text_font(self, family: str, point_size: float) -> None:
        self._family = family or ensure_fonts()
        self._size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, float(point_size)))
        self.setFont(text_font(self._family, self._size))
        self._update_metrics()
        self._relayout_all()
        self.fontSizeChanged.emit(self._size)

    def text_font_family(self) -> str:
        return self._family

    def text_point_size(self) -> float:
        return self._size

    def zoom_in(self) -> None:
        self.set_text_font(self._family, self._size + (1 if self._size < 20 else 2))

    def zoom_out(self) -> None:
        self.set_text_font(self._family, self._size - (1 if self._size <= 20 else 2))

    def set_show_invisibles(self, on: bool) -> None:
        self._show_invisibles = bool(on)
        self.viewport().update()

    def show_invisibles(self) -> bool:
        return self._show_invisibles
