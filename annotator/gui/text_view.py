"""The annotation text view: read-only right-to-left text with stacked span highlights.

Why it is built this way (each point fixes a bug the peer tools ship):

- The stored text is the truth. The widget holds a copy with the same UTF-16 length at
  every character, and every offset crosses the boundary through one Utf16Map. Text is
  never read back from Qt (it turns NBSP into a space, joins blocks with U+2029).
- Highlights never touch the text's formats. Spans are painted with QPainter over
  rectangles taken from the glyph runs of each block's QTextLayout, so a partly
  highlighted Arabic word keeps its letters joined and a span crossing an RTL/LTR
  boundary gets one rectangle per visual run. Only visible blocks are painted, and a span
  change repaints only the blocks it touches (a few ms with thousands of spans).
- QPlainTextDocumentLayout lays every block out with the document's default option and
  left-aligns right-to-left paragraphs (QTBUG-7516); it also ignores line height. So each
  visible block is re-laid out here with its own direction (Unicode P2/P3: first strong
  character outside isolates), absolute alignment and a gap below every line where the
  underline lanes of nested spans go. Line breaking is unchanged, so Qt's line-based
  scrolling stays exact, and hit testing uses these same layouts.
- Invisible characters are drawn as marks over the text, never substituted, so no offset
  moves when they are shown.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Iterable

from annotator.gui import pyside_guard  # noqa: F401  (first: PySide6 6.12 None refcount bug)
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.core.snapping import snap
from annotator.gui.fonts import ensure_fonts, text_font
from annotator.gui.span_layout import (
    INVISIBLES,
    INVISIBLES_RE,
    RTL,
    assign_lanes,
    describe_span,
    has_bidi_controls,
    paragraph_directions,
    plain_tooltip,
    qt_auto_direction,
)

DEFAULT_COLOUR = "#888888"
MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 72.0
LANES_ROOM = 3  # nested levels that fit in the gap below a line; deeper ones share the last lane
_INT_MAX = float(2**31 - 1)
_MARK_COLOURS = {"bidi": "#D0312D", "mark": "#E07B00", "joiner": "#0E8C8C", "space": "#2F6FD0", "tatweel": "#8E44AD"}


def _display_copy(text: str) -> str:
    """The widget's copy of the text: Qt would merge CR LF into one block separator and drop
    lone surrogates, so those become characters of the same UTF-16 length (a zero-width
    space, a line feed, U+FFFD). Every other character goes in unchanged."""
    if "\r" in text:
        text = text.replace("\r\n", "\u200b\n").replace("\r", "\n")
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


class _BlockPaint:
    """What is drawn for one block, in block coordinates: per span its lane and rectangles."""

    __slots__ = ("items", "marks")

    def __init__(self):
        self.items: list[tuple[Span, int, list[QRectF]]] = []
        self.marks: list[tuple[int, str]] | None = None  # invisibles: (UTF-16 position in block, char)


class AnnotationView(QPlainTextEdit):
    """Read-only annotation text view. All offsets in its API are code points."""

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
        self._spans: dict[int, Span] = {}
        self._block_spans: list[list[int]] = [[]]
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

    # ----- document --------------------------------------------------------------------
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

    # ----- spans -------------------------------------------------------------------------
    def _blocks_of(self, start: int, end: int) -> range:
        first = bisect_right(self._block_cp, start) - 1
        last = bisect_right(self._block_cp, max(start, end - 1)) - 1
        return range(max(first, 0), max(last, 0) + 1)

    def set_spans(self, spans: Iterable[Span]) -> None:
        self._spans = {}
        self._block_spans = [[] for _ in self._block_cp]
        for span in spans:
            self._index_span(span)
        self._paint.clear()
        self.viewport().update()

    def _index_span(self, span: Span) -> range:
        self._spans[span.id] = span
        blocks = self._blocks_of(span.start, span.end)
        for b in blocks:
            self._block_spans[b].append(span.id)
        return blocks

    def _unindex_span(self, span_id: int) -> range:
        span = self._spans.pop(span_id, None)
        if span is None:
            return range(0)
        blocks = self._blocks_of(span.start, span.end)
        for b in blocks:
            try:
                self._block_spans[b].remove(span_id)
            except ValueError:
                pass
        return blocks

    def add_span(self, span: Span) -> None:
        old = self._unindex_span(span.id)
        self._repaint_blocks(old)
        self._repaint_blocks(self._index_span(span))

    def remove_span(self, span_id: int) -> None:
        self._repaint_blocks(self._unindex_span(span_id))

    def update_span(self, span: Span) -> None:
        self.add_span(span)

    def span(self, span_id: int) -> Span | None:
        return self._spans.get(span_id)

    def spans(self) -> list[Span]:
        return list(self._spans.values())

    def spans_at(self, cp: int, include_rejected: bool = False) -> list[Span]:
        """Spans covering code point cp, innermost (shortest) first."""
        if not 0 <= cp < max(len(self._text), 1) or not self._block_spans:
            return []
        b = bisect_right(self._block_cp, cp) - 1
        found = [
            self._spans[i]
            for i in self._block_spans[b]
            if self._spans[i].start <= cp < self._spans[i].end
            and (include_rejected or self._spans[i].status != "rejected")
        ]
        found.sort(key=lambda s: (s.end - s.start, -s.start, s.id))
        return found

    def set_current_span(self, span_id: int | None, linked: Iterable[int] = ()) -> None:
        self._current = span_id
        self._linked = set(linked)
        self.viewport().update()

    def current_span(self) -> int | None:
        return self._current

    # ----- link numbers --------------------------------------------------------------------
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

    def span_rects(self, span_id: int) -> list[QRectF]:
        """The rectangles span `span_id` is painted over, in viewport coordinates (visible part)."""
        out = []
        ox = self.contentOffset().x()
        for block, top in self._visible_blocks():
            for span, _lane, rects in self._block_paint(block).items:
                if span.id == span_id:
                    out.extend(r.translated(ox, top) for r in rects)
        return out

    # ----- selection ---------------------------------------------------------------------
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

    # ----- find matches ------------------------------------------------------------------
    def set_find_matches(self, matches: list[tuple[int, int]], current: tuple[int, int] | None = None) -> None:
        self._matches = sorted(matches)
        self._match_starts = [m[0] for m in self._matches]
        self._current_match = current
        self.viewport().update()

    # ----- fonts ---------------------------------------------------------------------------
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

    def _update_metrics(self) -> None:
        fm = QFontMetricsF(self.font())
        self._lane_w = max(2.0, round(fm.height() * 0.09))
        self._gap = float(math.ceil(max(LANES_ROOM * (self._lane_w + 1) + 2, fm.height() * 0.45)))
        doc = self.document()
        doc.setDocumentMargin(max(4.0, self._gap))

    def _relayout_all(self) -> None:
        # setFont and setDocumentMargin already made Qt drop every block layout; ours are
        # rebuilt as blocks come into view (_ensure_layout sees Qt's option again).
        self._paint.clear()
        self.viewport().update()

    def set_show_invisibles(self, on: bool) -> None:
        self._show_invisibles = bool(on)
        self.viewport().update()

    def show_invisibles(self) -> bool:
        return self._show_invisibles

    # ----- layout --------------------------------------------------------------------------
    def _ensure_layout(self, block: QTextBlock) -> None:
        """Lay the block out with its own direction, alignment and lane gap, unless done."""
        layout = block.layout()
        if layout.lineCount() and layout.textOption().alignment() & Qt.AlignmentFlag.AlignAbsolute:
            return
        number = block.blockNumber()
        rtl = number < len(self._block_dir) and self._block_dir[number] == RTL
        doc = self.document()
        option = QTextOption(doc.defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute)
        layout.setTextOption(option)
        margin = doc.documentMargin()
        available = self._available_width(layout, margin)
        old_height = layout.boundingRect().height() if layout.lineCount() else None
        gap = self._gap
        y = gap
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(available)
            line.setPosition(QPointF(margin, y))
            y += line.height() + gap
            if line.leading() < 0:
                y += math.ceil(line.leading())
        layout.endLayout()
        block.setLineCount(layout.lineCount())
        self._paint.pop(number, None)
        if old_height is None or abs(layout.boundingRect().height() - old_height) > 0.5:
            self._schedule_scroll_fix()

    def _available_width(self, layout, margin: float) -> float:
        """The line width Qt's document layout uses (its textWidth is not exposed)."""
        if layout.lineCount():  # Qt laid this block out just now: reuse its width exactly
            return layout.lineAt(0).width()
        mode = self.lineWrapMode()
        if mode == QPlainTextEdit.LineWrapMode.NoWrap:
            width = 0
        elif mode == QPlainTextEdit.LineWrapMode.WidgetWidth:
            width = self.viewport().width()
        else:
            width = self.lineWrapColumnOrWidth()
        return (width if width > 0 else _INT_MAX) - 2 * margin

    def _schedule_scroll_fix(self) -> None:
        # Qt sized the scroll range with its own (shorter) block heights; recompute it once
        # the blocks near the end carry ours.
        if not self._scroll_fix_pending:
            self._scroll_fix_pending = True
            QTimer.singleShot(0, self._fix_scroll_range)

    def _fix_scroll_range(self) -> None:
        self._scroll_fix_pending = False
        doc = self.document()
        block = doc.lastBlock()
        height, limit = 0.0, self.viewport().height() * 2
        while block.isValid() and height < limit:
            self._ensure_layout(block)
            height += self.blockBoundingRect(block).height()
            block = block.previous()
        self._scroll_fix_pending = False
        layout = doc.documentLayout()
        layout.documentSizeChanged.emit(layout.documentSize())

    def _visible_blocks(self):
        """(block, top) for the blocks intersecting the viewport, laid out our way."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        self._ensure_layout(block)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        bottom_limit = self.viewport().height()
        while block.isValid() and top <= bottom_limit:
            self._ensure_layout(block)
            yield block, top
            top += self.blockBoundingRect(block).height()
            block = block.next()

    def block_top(self, block_number: int) -> float | None:
        for block, top in self._visible_blocks():
            if block.blockNumber() == block_number:
                return top
        return None

    # ----- geometry of spans ---------------------------------------------------------------
    def _range_rects(self, block: QTextBlock, a: int, b: int) -> list[QRectF]:
        """Rectangles (block coordinates) covering block-relative UTF-16 range [a, b): one per
        visual run per line, so bidi runs and partial Arabic words are covered exactly."""
        layout = block.layout()
        rects: list[QRectF] = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls, ll = line.textStart(), line.textLength()
            la, lb = max(a, ls), min(b, ls + ll)
            if la >= lb:
                if a == b == la and ll >= 0 and ls <= a <= ls + ll:
                    x = line.cursorToX(a)[0]
                    rects.append(QRectF(x - 1, line.y(), 2, line.height()))
                continue
            spans_x: list[list[float]] = []
            for run in line.glyphRuns(la, lb - la):
                r = run.boundingRect()
                if r.width() > 0:
                    spans_x.append([r.left(), r.right()])
            if not spans_x:  # zero-width characters only: a thin bar where they are
                x = line.cursorToX(la)[0]
                spans_x.append([x - 1, x + 1])
            spans_x.sort()
            merged = [spans_x[0]]
            for x1, x2 in spans_x[1:]:
                if x1 <= merged[-1][1] + 0.75:
                    merged[-1][1] = max(merged[-1][1], x2)
                else:
                    merged.append([x1, x2])
            for x1, x2 in merged:
                rects.append(QRectF(x1, line.y(), x2 - x1, line.height()))
        return rects

    def _block_paint(self, block: QTextBlock) -> _BlockPaint:
        number = block.blockNumber()
        cached = self._paint.get(number)
        if cached is not None:
            return cached
        bp = _BlockPaint()
        ids = self._block_spans[number] if number < len(self._block_spans) else []
        spans = [self._spans[i] for i in ids if self._spans[i].status != "rejected"]
        if spans:
            to_u16 = self._map.to_utf16
            base = block.position()
            blen = block.length() - 1
            segs = []
            for s in spans:
                a = max(to_u16(s.start) - base, 0)
                b = min(to_u16(s.end) - base, blen)
                if a < b:
                    segs.append((s, a, b))
            lanes = assign_lanes((a, b, s.id) for s, a, b in segs)
            for s, a, b in segs:
                bp.items.append((s, lanes[s.id], self._range_rects(block, a, b)))
            # Outer spans first, so nested bars and outlines are painted over them.
            bp.items.sort(key=lambda it: (it[1], -(it[0].end - it[0].start)))
        self._paint[number] = bp
        return bp

    def _block_marks(self, block: QTextBlock, bp: _BlockPaint) -> list[tuple[int, str]]:
        if bp.marks is None:
            number = block.blockNumber()
            start = self._block_cp[number]
            end = self._block_cp[number + 1] - 1 if number + 1 < len(self._block_cp) else len(self._text)
            base = block.position()
            to_u16 = self._map.to_utf16
            bp.marks = [(to_u16(start + m.start()) - base, m.group()) for m in INVISIBLES_RE.finditer(self._text, start, end)]
        return bp.marks

    def _repaint_blocks(self, blocks: range) -> None:
        if not blocks:
            return
        for b in blocks:
            self._paint.pop(b, None)
        first, last = blocks[0], blocks[-1]
        rect = QRectF()
        for block, top in self._visible_blocks():
            n = block.blockNumber()
            if first <= n <= last:
                # The last line's lanes hang into the next block's top gap.
                r = QRectF(0, top, self.viewport().width(), self.blockBoundingRect(block).height() + self._gap + 2)
                rect = rect.united(r)
            elif n > last:
                break
        if not rect.isNull():
            self.viewport().update(rect.toAlignedRect())

    def spans_at_point(self, pos: QPoint | QPointF) -> list[Span]:
        """Spans drawn under a viewport point (text or underline bar), innermost first."""
        p = QPointF(pos)
        hits: list[tuple[int, int, Span]] = []
        for block, top in self._visible_blocks():
            height = self.blockBoundingRect(block).height()
            if not top <= p.y() < top + height + self._gap:
                continue
            bp = self._block_paint(block)
            ox = self.contentOffset().x()
            local = QPointF(p.x() - ox, p.y() - top)
            for span, lane, rects in bp.items:
                for r in rects:
                    area = QRectF(r)
                    if lane:
                        area.setBottom(r.bottom() + 1 + min(lane, LANES_ROOM) * (self._lane_w + 1))
                    if area.contains(local):
                        hits.append((lane, span.end - span.start, span))
                        break
        hits.sort(key=lambda h: (-h[0], h[1]))
        seen, out = set(), []
        for _, _, span in hits:
            if span.id not in seen:
                seen.add(span.id)
                out.append(span)
        return out

    def tooltip_for(self, spans: list[Span]) -> str:
        return plain_tooltip(describe_span(s, self._text) for s in spans)

    # ----- painting ------------------------------------------------------------------------
    def _colour(self, label: str) -> QColor:
        c = self._colours.get(label)
        if c is None:
            c = QColor(DEFAULT_COLOUR)
            self._colours[label] = c
        return c

    def paintEvent(self, event) -> None:
        visible = list(self._visible_blocks())
        clip = QRectF(event.rect())
        ox = self.contentOffset().x()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for block, top in visible:
            if top > clip.bottom() or top + self.blockBoundingRect(block).height() + self._gap < clip.top():
                continue
            self._paint_backgrounds(painter, block, top, ox)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for block, top in visible:
            if top > clip.bottom() + self._gap or top + self.blockBoundingRect(block).height() + self._gap < clip.top():
                continue
            self._paint_overlays(painter, block, top, ox)
        if self._numbers:
            if clip.contains(QRectF(self.viewport().rect())):
                self._number_rects = {}  # a full repaint: forget numbers scrolled away
            for block, top in visible:
                self._paint_numbers(painter, block, top, ox)
        painter.end()

    def _paint_backgrounds(self, painter: QPainter, block: QTextBlock, top: float, ox: float) -> None:
        bp = self._block_paint(block)
        for span, lane, rects in bp.items:
            if lane:
                continue
            colour = QColor(self._colour(span.label))
            colour.setAlpha(34 if span.status == "suggested" else 80)
            for r in rects:
                painter.fillRect(r.translated(ox, top), colour)
        if self._matches:
            n = block.blockNumber()
            start = self._block_cp[n]
            end = self._block_cp[n + 1] - 1 if n + 1 < len(self._block_cp) else len(self._text)
            i = max(0, bisect_left(self._match_starts, start) - 1)
            base = block.position()
            to_u16 = self._map.to_utf16
            find_colour = QColor(255, 214, 0, 110)
            current_colour = QColor(255, 150, 0, 170)
            while i < len(self._matches) and self._matches[i][0] < end:
                ms, me = self._matches[i]
                i += 1
                if me <= start:
                    continue
                a, b = max(to_u16(ms) - base, 0), min(to_u16(me) - base, block.length() - 1)
                colour = current_colour if (ms, me) == self._current_match else find_colour
                for r in self._range_rects(block, a, b):
                    painter.fillRect(r.translated(ox, top), colour)

    def _paint_overlays(self, painter: QPainter, block: QTextBlock, top: float, ox: float) -> None:
        bp = self._block_paint(block)
        lane_w = self._lane_w
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        for span, lane, rects in bp.items:
            colour = self._colour(span.label)
            suggested = span.status == "suggested"
            if lane:
                y_off = 1 + (min(lane, LANES_ROOM) - 1) * (lane_w + 1)
                for r in rects:
                    r = r.translated(ox, top)
                    bar = QRectF(r.left(), r.bottom() + y_off, r.width(), lane_w)
                    if suggested:
                        pen = QPen(colour, lane_w, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
                        painter.setPen(pen)
                        painter.drawLine(QPointF(bar.left(), bar.center().y()), QPointF(bar.right(), bar.center().y()))
                    else:
                        painter.fillRect(bar, colour)
            elif suggested:
                painter.setPen(QPen(colour.darker(130), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for r in rects:
                    painter.drawRect(r.translated(ox, top).adjusted(0.75, 0.75, -0.75, -0.75))
            if span.id == self._current or span.id in self._linked:
                is_current = span.id == self._current
                pen = QPen(text_colour if is_current else colour.darker(150), 2.0 if is_current else 1.6)
                pen.setStyle(Qt.PenStyle.SolidLine if is_current else Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for r in rects:
                    painter.drawRoundedRect(r.translated(ox, top).adjusted(-1, 0, 1, 0), 3, 3)
        if self._show_invisibles:
            self._paint_marks(painter, block, top, ox, bp)

    def _paint_numbers(self, painter: QPainter, block: QTextBlock, top: float, ox: float) -> None:
        """A badge with the span's number at the visual start of the span's first piece."""
        n = block.blockNumber()
        block_start = self._block_cp[n]
        layout = block.layout()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, self._size * 0.62))
        font.setBold(True)
        fm = QFontMetricsF(font)
        for span, _lane, rects in self._block_paint(block).items:
            number = self._numbers.get(span.id)
            if number is None or not rects or span.start < block_start:
                continue
            first_char = self._map.to_utf16(span.start) - block.position()
            line = layout.lineForTextPosition(first_char)
            if not line.isValid():
                continue
            # The span's first character: its leading edge is where a reader starts the span.
            x = line.cursorToX(first_char)[0]
            rect = min([r for r in rects if abs(r.top() - line.y()) < 0.5] or rects,
                       key=lambda r: min(abs(r.left() - x), abs(r.right() - x)))
            text = str(number)
            w, h = fm.horizontalAdvance(text) + 8, fm.height() + 2
            rtl_start = abs(rect.right() - x) < abs(rect.left() - x)
            left = rect.right() - w if rtl_start else rect.left()
            badge = QRectF(left, rect.top() - h / 3, w, h).translated(ox, top)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1e3a8a"))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("white"))
            painter.setFont(font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            self._number_rects[number] = badge

    def _paint_marks(self, painter: QPainter, block: QTextBlock, top: float, ox: float, bp: _BlockPaint) -> None:
        marks = self._block_marks(block, bp)
        if not marks:
            return
        layout = block.layout()
        tag_font = QFont(self.font())
        tag_font.setPointSizeF(max(5.5, self._size * 0.42))
        painter.setFont(tag_font)
        fm = QFontMetricsF(tag_font)
        for pos, ch in marks:
            tag, kind = INVISIBLES[ch]
            colour = QColor(_MARK_COLOURS[kind])
            line = layout.lineForTextPosition(pos)
            if not line.isValid():
                continue
            rects = self._range_rects(block, pos, pos + 1)
            wide = [r for r in rects if r.width() > 2.5]
            if wide:  # a character with a width (NBSP, tatweel): tint it
                fill = QColor(colour)
                fill.setAlpha(60)
                for r in wide:
                    painter.fillRect(r.translated(ox, top), fill)
                x = wide[0].center().x() + ox
            else:
                x = line.cursorToX(pos)[0] + ox
                painter.setPen(QPen(colour, 1.5))
                painter.drawLine(QPointF(x, top + line.y() + 2), QPointF(x, top + line.y() + line.height() - 2))
            if tag:
                w = fm.horizontalAdvance(tag) + 4
                box = QRectF(x - w / 2, top + line.y() - fm.height() * 0.35, w, fm.height())
                bg = QColor(colour)
                bg.setAlpha(230)
                painter.fillRect(box, bg)
                painter.setPen(QColor("white"))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag)

    # ----- events --------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            spans = self.spans_at_point(event.pos())
            if spans:
                QToolTip.showText(event.globalPos(), self.tooltip_for(spans), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # Mouse selection. Qt's QTextLine::xToCursor is off by the width of the trailing space
    # in wrapped right-to-left lines (cursorToX and the drawn glyphs agree with each other,
    # xToCursor does not), so a click between two letters selected from the wrong one.
    # Qt keeps handling the press (focus, drag, auto-scroll, double-click words); the
    # caret position is then replaced with our own hit test, which also gives the gap
    # under a line (where its span bars are) to that line.
    def position_at(self, point: QPoint | QPointF) -> int | None:
        """The code-point caret position nearest to a viewport point, or None outside the text."""
        u = self._hit_u16(QPointF(point))
        return None if u is None else self._map.from_utf16(u)

    def _hit_u16(self, p: QPointF) -> int | None:
        if p.y() < 0 or p.y() > self.viewport().height():
            return None
        last = None
        for block, top in self._visible_blocks():
            height = self.blockBoundingRect(block).height()
            last = block
            if p.y() >= top + height and block.next().isValid():
                continue
            layout = block.layout()
            local_y = p.y() - top
            line = layout.lineAt(layout.lineCount() - 1)
            for i in range(layout.lineCount()):
                candidate = layout.lineAt(i)
                if local_y < candidate.y() + candidate.height() + self._gap:
                    line = candidate
                    break
            x = p.x() - self.contentOffset().x()
            start, length = line.textStart(), line.textLength()
            best, best_d = start, None
            for pos in range(start, start + length + 1):
                if pos != start + length and not layout.isValidCursorPosition(pos):
                    continue
                d = abs(line.cursorToX(pos)[0] - x)
                if best_d is None or d < best_d:
                    best, best_d = pos, d
            return block.position() + best
        if last is not None:
            return last.position() + last.length() - 1
        return None

    def _fix_mouse_cursor(self, event, new_anchor: bool) -> None:
        if self._word_drag:
            return
        u = self._hit_u16(event.position())
        if u is None:
            return
        c = self.textCursor()
        anchor = u if new_anchor else c.anchor()
        if (c.anchor(), c.position()) != (anchor, u):
            c.setPosition(anchor)
            c.setPosition(u, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(c)

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        self._quiet += 1
        try:
            super().mousePressEvent(event)
            if event.button() == Qt.MouseButton.LeftButton:
                self._word_drag = False
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._fix_mouse_cursor(event, new_anchor=not shift)
        finally:
            self._quiet -= 1
        self._emit_selection()

    def mouseDoubleClickEvent(self, event) -> None:
        super().mouseDoubleClickEvent(event)
        self._word_drag = True  # Qt selects whole words until the button is released

    def mouseMoveEvent(self, event) -> None:
        self._quiet += 1
        try:
            super().mouseMoveEvent(event)
            if event.buttons() & Qt.MouseButton.LeftButton:
                self._fix_mouse_cursor(event, new_anchor=False)
        finally:
            self._quiet -= 1
        self._emit_selection()

    def mouseReleaseEvent(self, event) -> None:
        self._quiet += 1
        try:
            super().mouseReleaseEvent(event)
            if event.button() == Qt.MouseButton.LeftButton and self._press_pos is not None:
                self._fix_mouse_cursor(event, new_anchor=False)
        finally:
            self._quiet -= 1
        self._word_drag = False
        self._emit_selection()
        press, self._press_pos = self._press_pos, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (event.position().toPoint() - press).manhattanLength() < QApplication.startDragDistance()
        ):
            spans = self.spans_at_point(event.position())
            if spans:
                self.spanActivated.emit(spans[0].id)

    def keyPressEvent(self, event) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (ctrl and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore)):
            self.zoom_out()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            return
        super().wheelEvent(event)
