"""Span painting: highlights are painted with QPainter over the rectangles of each block's
glyph runs, never as text formats, so a partly highlighted Arabic word keeps its letters
joined and a span crossing an RTL/LTR boundary gets one rectangle per visual run. Only
visible blocks are painted; what a block shows is cached until one of its spans changes.
Nested spans get underline lanes; invisible characters are marks drawn over the text."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTextBlock

from annotator.core.model import Span
from annotator.gui.span_layout import INVISIBLES, INVISIBLES_RE, assign_lanes
from annotator.gui.text_view.block_layout import LANES_ROOM

DEFAULT_COLOUR = "#888888"
_MARK_COLOURS = {"bidi": "#D0312D", "mark": "#E07B00", "joiner": "#0E8C8C", "space": "#2F6FD0", "tatweel": "#8E44AD"}


class _BlockPaint:
    """What is drawn for one block, in block coordinates: per span its lane and rectangles."""

    __slots__ = ("items", "marks")

    def __init__(self):
        self.items: list[tuple[Span, int, list[QRectF]]] = []
        self.marks: list[tuple[int, str]] | None = None  # invisibles: (UTF-16 position in block, char)


class SpanPainter:
    """Mixed into AnnotationView (a QPlainTextEdit) after BlockLayout: reads the span index,
    colours, current and linked spans, link numbers, find matches; caches in _paint."""

    def _colour(self, label: str) -> QColor:
        c = self._colours.get(label)
        if c is None:
            c = QColor(DEFAULT_COLOUR)
            self._colours[label] = c
        return c

    def _block_paint(self, block: QTextBlock) -> _BlockPaint:
        number = block.blockNumber()
        cached = self._paint.get(number)
        if cached is not None:
            return cached
        bp = _BlockPaint()
        index = self._index
        ids = index.by_block[number] if number < len(index.by_block) else []
        by_id = index.spans
        spans = [by_id[i] for i in ids if by_id[i].status != "rejected"]
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

    def span_rects(self, span_id: int) -> list[QRectF]:
        """The rectangles span `span_id` is painted over, in viewport coordinates (visible part)."""
        out = []
        ox = self.contentOffset().x()
        for block, top in self._visible_blocks():
            for span, _lane, rects in self._block_paint(block).items:
                if span.id == span_id:
                    out.extend(r.translated(ox, top) for r in rects)
        return out

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
