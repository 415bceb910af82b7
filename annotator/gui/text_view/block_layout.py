"""Block layout: every visible block laid out again with its own direction, absolute alignment
and a gap below each line for the underline lanes (QPlainTextDocumentLayout gives every block
the document's option and ignores line height, QTBUG-7516). Line breaking stays Qt's, so its
line-based scrolling stays exact; painting and hit tests use these same layouts."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QTextBlock, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

from annotator.gui.span_layout import RTL

LANES_ROOM = 3  # nested levels that fit in the gap below a line; deeper ones share the last lane
_INT_MAX = float(2**31 - 1)


class BlockLayout:
    """Mixed into AnnotationView (a QPlainTextEdit): reads _block_dir, writes _paint."""

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

    def _range_rects(self, block: QTextBlock, a: int, b: int) -> list[QRectF]:
        """Rectangles (block coordinates) covering block-relative UTF-16 range [a, b): one per
        visual run per line, so bidi runs and partial Arabic words are covered exactly."""
        layout = block.layout()
        rects: list[QRectF] = []
        # Start at the line holding a, not the first: a span costs the lines it covers, so a
        # paragraph of thousands of spans is not laid out in quadratic time.
        # (one line earlier: a position at a line break belongs to both lines.)
        first = max(layout.lineForTextPosition(a).lineNumber() - 1, 0) if layout.lineCount() else 0
        for i in range(first, layout.lineCount()):
            line = layout.lineAt(i)
            ls, ll = line.textStart(), line.textLength()
            if ls > b:
                break
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
