"""The page shown when no project is open: sample, new, open, and recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from annotator import __version__
from annotator.gui.plain import plain_tip


class WelcomePage(QWidget):
    openSample = Signal()
    newProject = Signal()
    openOther = Signal()
    openRecent = Signal(str)

    def __init__(self, recent: list[str], parent=None):
        super().__init__(parent)
        title = QLabel(self.tr("annotator"))
        title.setTextFormat(Qt.PlainText)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        self.title = title
        # A Latin title would align by its own text, to the left of an Arabic page.
        title.setAlignment(Qt.AlignAbsolute | Qt.AlignVCenter
                           | (Qt.AlignRight if self.layoutDirection() == Qt.RightToLeft else Qt.AlignLeft))
        intro = QLabel(self.tr("Mark quotes, their sources and cues, and dates in Arabic news text. "
                               "Every edit is saved at once in the project file."))
        intro.setTextFormat(Qt.PlainText)
        intro.setWordWrap(True)
        version = QLabel(self.tr("Version {version}").format(version=__version__))
        version.setTextFormat(Qt.PlainText)

        self.b_sample = QPushButton(self.tr("Open the sample project"))
        self.b_new = QPushButton(self.tr("New project…"))
        self.b_open = QPushButton(self.tr("Open a project…"))
        self.b_sample.clicked.connect(self.openSample)
        self.b_new.clicked.connect(self.newProject)
        self.b_open.clicked.connect(self.openOther)
        buttons = QVBoxLayout()
        for b in (self.b_sample, self.b_new, self.b_open):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        buttons.addStretch(1)

        recent_title = QLabel(self.tr("Recent projects"))
        recent_title.setTextFormat(Qt.PlainText)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent projects"))
        self.set_recent(recent)
        self.recent.itemActivated.connect(lambda item: self.openRecent.emit(item.data(Qt.UserRole)))
        right = QVBoxLayout()
        right.addWidget(recent_title)
        right.addWidget(self.recent, 1)

        columns = QHBoxLayout()
        columns.addLayout(buttons, 1)
        columns.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        outer.addWidget(title)
        outer.addWidget(intro)
        outer.addWidget(version)
        outer.addSpacing(18)
        outer.addLayout(columns, 1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            # Item views show plain text; the full path is the tooltip, the name the label.
            item = QListWidgetItem(f"{Path(p).name}    {Path(p).parent}")
            item.setData(Qt.UserRole, p)
            item.setToolTip(plain_tip(p))
            if not Path(p).exists():
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            self.recent.addItem(item)
        if not paths:
            empty = QListWidgetItem(self.tr("(none yet)"))
            empty.setFlags(Qt.NoItemFlags)
            self.recent.addItem(empty)
        elif self.recent.count():
            self.recent.setCurrentRow(0)
