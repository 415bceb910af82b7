"""Item-view cells laid out in the direction of their own text.

A view lays out every cell in the interface's direction, so in the English interface an
Arabic cell that holds numbers ("15 يوما") is drawn in the wrong order, and in the Arabic
interface a Latin or numeric id ("12-report", "12_3", "type=DATE, value=…") is scrambled and
elided on the wrong side. A cell's first strong character decides instead, as a plain-text
QLabel does; numbers joined by punctuation ("12_3", "2021-12-09") read left to right.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strong character of `text`; None when it has none (numbers)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LeftToRight
        if kind in ("R", "AL"):
            return Qt.RightToLeft
    return None


def cell_direction(text: str) -> Qt.LayoutDirection | None:
    """text_direction, and left to right for digits joined by punctuation, which right to left
    would reorder ("12_3" reads "3_12"); None (the view's direction) for a plain number."""
    direction = text_direction(text)
    if direction is None and any(c.isdigit() for c in text) and not text.strip().isdigit():
        return Qt.LeftToRight
    return direction


class TextDirectionDelegate(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        direction = cell_direction(option.text) if option.text else None
        if direction is not None:
            option.direction = direction
