"""F1 in review: every key of the window, read from its own actions (so the list and the
menus cannot disagree)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from annotator.gui.plain import plain_label


def review_keys(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the window that has a key."""
    rows = []
    for a in window.actions():
        keys = ", ".join(k.toString(QKeySequence.NativeText) for k in a.shortcuts())
        if keys and a.text():
            rows.append((keys, a.text().replace("&", "")))
    return rows


class ReviewKeysDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Review: keyboard shortcuts"))
        rows = review_keys(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.Stretch)
        note = plain_label(self.tr(
            "A cluster is decided when the reviewer accepts a version, rejects it, or draws gold there; only "
            "clusters whose versions agree in edges, labels, attribute values and links are accepted "
            "automatically. Alt+1, Alt+2 … take the version of the annotator with that number in the legend."))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 600)
