"""A long operation behind a progress dialog: progress, Cancel, a failed write offered again,
and a user error said in one line. Import, export, suggest, merge, assign and collect, and the
recommender's training, suggesting and ranking all run through here.

The work is a core call given a progress callback, `work(progress)`, where `progress(done,
total)` moves the bar. It runs in one of two ways:

- Here, on the GUI thread (the default): the work may write to the project (SQLite is used
  from this thread only). Each progress call lets the window draw and, after Cancel, raises
  `Cancelled` out of the core call: its one transaction rolls back, so a cancelled import,
  merge or suggestion changes nothing. A `WriteFailed` (disk full, file read-only, locked)
  offers Retry, which runs the whole work again (it changed nothing).
- In a worker thread (`thread=True`): the work must not touch the project. Progress calls
  never raise there; the work watches `progress.cancel` (a threading.Event) and a result that
  arrives after Cancel is thrown away. `commit(result)` then stores it on the GUI thread, and
  a failed write retries the commit alone, keeping the computed result.

What the user is told: a cancel note and one-line errors go to the window's status bar or a
message box; the report of a finished operation stays with its caller.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog

from annotator.core.errors import AnnotatorError, WriteFailed
from annotator.gui.plain import message
from annotator.gui.save_retry import ask_retry

STEPS = 1000  # the bar counts per mille: core callers report (done, total) in their own units
REDRAW_S = 0.05  # a few redraws a second: each one runs the event loop inside the work


class Cancelled(Exception):
    """Raised out of a progress call after Cancel, so the core call stops and rolls back."""


class Progress:
    """What the work is given: call it with (done, total); `cancel` is set by Cancel."""

    def __init__(self, report: Callable[[int, int], None], cancel: threading.Event):
        self._report = report
        self.cancel = cancel

    def __call__(self, done: int, total: int) -> None:
        self._report(done, total)


def one_line(exc: Exception) -> str:
    if isinstance(exc, AnnotatorError):
        return str(exc)
    if isinstance(exc, OSError):
        why = exc.strerror or str(exc)
        return f"{exc.filename}: {why}" if exc.filename else why
    return f"{type(exc).__name__}: {exc}"  # a failure inside a worker thread: said, not lost


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work, cancel: threading.Event, parent=None):
        super().__init__(parent)
        self.work = work
        self.cancel = cancel
        self.result = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(Progress(self.progressed.emit, self.cancel))
        except BaseException as exc:  # the GUI thread decides what the user is told
            self.error = exc


class Operation(QObject):
    """One run of a long operation; `finished` carries the result, or None when it was
    cancelled, refused, or a failed write was not retried."""

    finished = Signal(object)

    def __init__(self, parent, title: str, label: str = "", *, refused: str | None = None,
                 cancelled: str | None = None, thread: bool = False, commit: Callable | None = None,
                 minimum_ms: int = 400, show: bool = True):
        super().__init__(parent)
        self.window = parent
        self.title, self.label = title, label
        self.refused = refused or title
        self.cancelled_note = cancelled
        self.thread, self.commit, self.minimum_ms, self.show = thread, commit, minimum_ms, show
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.worker: _Worker | None = None
        self.result = None
        self.outcome: str | None = None  # "done", "cancelled", "refused", "dropped"
        self._drawn = 0.0

    # ----- running ------------------------------------------------------------------------------
    def run(self, work):
        """Run to the end and return the result (None: nothing was done)."""
        if not self.thread:
            self._end(self._run_here(work))
            return self.result
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start(work)
        if self.outcome is None:
            loop.exec()
        return self.result

    def start(self, work) -> None:
        """Start and return at once (a thread runs the work); `finished` tells the end."""
        if not self.thread:
            self._end(self._run_here(work))
            return
        self._open()
        self.worker = _Worker(work, self.cancel, self)
        self.worker.progressed.connect(self._show_value)
        self.worker.finished.connect(self._worker_ended)
        self.worker.start()

    def _run_here(self, work):
        while True:
            self.cancel.clear()
            self._open()
            try:
                result = work(Progress(self._progress_here, self.cancel))
            except Cancelled:
                self._close()
                return self._cancelled()
            except WriteFailed as exc:
                self._close()
                if not ask_retry(self.window, exc):
                    self.outcome = "dropped"
                    return None
                continue
            except (AnnotatorError, OSError) as exc:
                self._close()
                return self._refuse(exc)
            finally:
                self._close()
            return self._commit(result)

    def _progress_here(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._drawn < REDRAW_S:
            return
        self._drawn = now
        self._show_value(done, total)
        QApplication.processEvents()
        if self.cancel.is_set() or (self.dialog is not None and self.dialog.wasCanceled()):
            raise Cancelled()

    def _worker_ended(self) -> None:
        worker = self.worker  # kept until the end: the operation is busy while it stores
        self._close()
        if self.cancel.is_set():
            result = self._cancelled()
        elif worker.error is not None:
            if not isinstance(worker.error, Exception):
                raise worker.error
            result = self._refuse(worker.error)
        else:
            result = self._commit(worker.result)
        self.worker = None
        worker.deleteLater()
        self._end(result)

    def _commit(self, result):
        if self.commit is None:
            self.outcome = "done"
            return result
        while True:
            try:
                stored = self.commit(result)
            except WriteFailed as exc:
                if not ask_retry(self.window, exc):
                    self.outcome = "dropped"
                    return None
                continue
            except AnnotatorError as exc:
                return self._refuse(exc)
            self.outcome = "done" if stored is not None else "dropped"
            return stored

    def _end(self, result) -> None:
        self.result = result
        self.finished.emit(result)

    # ----- what the user sees -------------------------------------------------------------------
    def _open(self) -> None:
        self._drawn = 0.0
        if not self.show:
            return
        dialog = QProgressDialog(self.label, self.tr("Cancel"), 0, STEPS, self.window)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(self.minimum_ms)  # short work ends before it would show
        dialog.canceled.connect(self.cancel.set)
        dialog.setValue(0)
        if self.minimum_ms == 0:
            dialog.show()
        self.dialog = dialog

    def _show_value(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setValue(max(0, min(STEPS, STEPS * done // total)) if total else 0)

    def _close(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel.set)  # closing a progress dialog emits canceled
            dialog.close()
            dialog.deleteLater()

    def _cancelled(self):
        self.outcome = "cancelled"
        if self.cancelled_note:
            self.tell(self.cancelled_note, self.title)
        return None

    def _refuse(self, exc: Exception):
        self.outcome = "refused"
        message(self.window, self.refused, one_line(exc))
        return None

    def tell(self, text: str, title: str) -> None:
        """A note: in the window's status bar, or in a box over a dialog that has none."""
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 10000)
        else:
            message(self.window, title, text)


def run_operation(parent, title: str, work, **options):
    """Run `work(progress)` behind a progress dialog (see the module docstring for the options'
    meaning: label, refused, cancelled, thread, commit, minimum_ms, show). Returns its result,
    or None when it was cancelled, refused or given up: the user has been told why."""
    operation = Operation(parent, title, **options)
    try:
        return operation.run(work)
    finally:
        operation.deleteLater()
