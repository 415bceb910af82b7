"""User text shown as text, never as markup: labels, tooltips and message boxes.

Qt guesses "rich text" for strings that look like HTML (QLabel, tooltips, QMessageBox),
so a document id like "<img src=x>" would be rendered. Everything user-supplied goes
through these helpers instead.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally (tooltips always guess rich text)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def message(parent, title: str, text: str, icon=QMessageBox.Warning, buttons=QMessageBox.Ok,
            default=QMessageBox.NoButton) -> int:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.PlainText)
    if default != QMessageBox.NoButton:
        box.setDefaultButton(default)
    return box.exec()
