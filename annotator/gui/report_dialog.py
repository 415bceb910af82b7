"""A plain-text report (merge, export, restore): a summary line and the details, selectable and
copyable. File names and document ids in it are user text, so it is never rich text."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from annotator.gui.plain import plain_label


class ReportDialog(QDialog):
    def __init__(self, title: str, summary: str, lines: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = plain_label(summary)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(lines))
        self.details.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.details.setVisible(bool(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text()))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(760, 420 if lines else 160)

    def text(self) -> str:
        body = self.details.toPlainText()
        return self.summary.text() + ("\n\n" + body if body else "")


def show_report(parent, title: str, summary: str, lines: list[str]) -> ReportDialog:
    dialog = ReportDialog(title, summary, lines, parent)
    dialog.exec()
    return dialog
