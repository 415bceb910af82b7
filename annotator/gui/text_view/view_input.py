"""Mouse and keyboard in the text view: hit tests on the painted layout (which span is under
the pointer, which caret position), tooltips, click to choose a span, Ctrl+wheel and
Ctrl+plus/minus zoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.model import Span
from annotator.gui.span_layout import describe_span, plain_tooltip
from annotator.gui.text_view.block_layout import LANES_ROOM


class ViewInput:
    """Mixed into AnnotationView (a QPlainTextEdit) first, so its event handlers are the ones
    Qt calls; they hand the rest on with super()."""

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
        return plain_tooltip(describe_span(s, self._text, scheme=self.scheme) for s in spans)

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
