"""Qt's messages go to the log; an uncaught error shows a dialog naming the log file.

Saved work is never at risk here: every edit was committed when it was made, so the
dialog only has to tell the user what happened and where the details are.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.logs import setup_logging

log = logging.getLogger("annotator.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind, context, message) -> None:
    where = f" ({context.file}:{context.line})" if context and context.file else ""
    log.log(_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install(parent_getter=lambda: None) -> str:
    """Route Qt messages to the log and show uncaught errors in a dialog. Returns the log path."""
    path = str(setup_logging())
    qInstallMessageHandler(_qt_message)
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        logging.getLogger("annotator").error("uncaught error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        app = QApplication.instance()
        if app is None:
            previous(exc_type, exc, tb)
            return
        box = QMessageBox(parent_getter())
        box.setIcon(QMessageBox.Critical)
        box.setWindowTitle(app.translate("crash", "Unexpected error"))
        box.setTextFormat(Qt.PlainText)
        box.setText(app.translate("crash", "Something went wrong: {error}\n\nYour saved work is safe: every edit was "
                                  "stored when you made it.\nDetails are in the log file:\n{path}")
                    .format(error=f"{exc_type.__name__}: {exc}", path=path))
        box.exec()

    sys.excepthook = hook
    return path
