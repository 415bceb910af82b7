"""A save that failed (disk full, file turned read-only, disk error): say so in plain words and
offer to try the same action again. The caller keeps the action until it is saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox


def retry_text(exc: Exception) -> str:
    return "\n\n".join([
        QCoreApplication.translate("SaveRetry", "Could not save your change. Nothing was changed."),
        str(exc),
        QCoreApplication.translate("SaveRetry", "Your change is kept: fix the problem (for example free some disk space), then press Retry. Cancel drops the change."),
    ])


def ask_retry(parent, exc: Exception) -> bool:
    """True when the user wants the failed action tried again."""
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("SaveRetry", "Could not save"), retry_text(exc),
                      QMessageBox.Retry | QMessageBox.Cancel, parent)
    box.setTextFormat(Qt.PlainText)
    box.setDefaultButton(QMessageBox.Retry)
    return box.exec() == QMessageBox.Retry
