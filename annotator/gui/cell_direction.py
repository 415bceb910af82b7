"""Item-view cells laid out in the direction of their own text.

A view lays out every cell in the interface's direction, so in the English interface an
Arabic cell that holds numbers ("15 يوما") is drawn in the wrong order, and in the Arabic
interface a Latin id ("12-report", "type=DATE, value=…") is scrambled and elided on the
wrong side. A cell's first strong character decides instead, as a plain-text QLabel does.
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


def id_direction(text: str) -> Qt.LayoutDirection:
    """Ids are left to right unless they hold right-to-left letters: "12_3" or "12-report"
    laid out right to left reads "3_12", "report-12"."""
    return Qt.RightToLeft if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text) else Qt.LeftToRight


class TextDirectionDelegate(QStyledItemDelegate):
    """`id_columns`: columns that hold identifiers (see id_direction)."""

    def __init__(self, parent=None, id_columns=()):
        super().__init__(parent)
        self.id_columns = frozenset(id_columns)

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if not option.text:
            return
        if index.column() in self.id_columns:
            direction = id_direction(option.text)
        else:
            direction = text_direction(option.text)
        if direction is not None:
            option.direction = direction
