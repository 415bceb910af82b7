"""Tools › Recommender: train the span recommender in a worker thread (progress, Cancel), suggest
with it, go to the document that teaches it most, show its learning curve, retrain on its own.

The database is only touched from the GUI thread: the training data are read before the worker
starts and the model is stored after it ends (gui/operation.py: a thread's work, then its
commit); the worker only featurizes and trains. A cancelled training stores nothing. CRFsuite holds the GIL while it optimizes but gives it back
at every iteration (its progress callback), which keeps the window drawing.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QPainter, QPen
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError, WriteFailed
from annotator.gui.commands import SuggestInDocument
from annotator.gui.operation import Operation, run_operation
from annotator.gui.plain import message

AUTO_POLL_MS = 2000
DEFAULT_EVERY = 10
RANK_LIMIT = 1000  # to-do documents ranked for "next document" (a fixed sample of bigger lists)


class RecommendInDocument(SuggestInDocument):
    """Rules and recommender suggestions for one document: one undo step, like the rules'."""

    def __init__(self, editor, doc: int, model, text: str):
        super().__init__(editor, doc, None, text)
        self.model = model

    def make(self):
        from annotator.core.recommender.suggest import recommend_project
        from annotator.core.store.change_rows import recorded

        return recorded(self.project, self.doc, lambda: recommend_project(
            self.project, self.model, self.editor.annotator, [self.doc])[1])


class CurveChart(QWidget):
    """F1 per label against the number of done documents, one line per label."""

    COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f")

    def __init__(self, rows: list[dict], parent=None):
        super().__init__(parent)
        self.rows = rows
        self.setMinimumSize(420, 220)

    def labels(self) -> list[str]:
        return sorted({l for r in self.rows for l in r["scores"].get("labels", {})})

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        left, top, right, bottom = 40, 10, self.width() - 110, self.height() - 30
        pen = QPen(self.palette().text().color())
        p.setPen(pen)
        p.drawLine(left, bottom, right, bottom)
        p.drawLine(left, top, left, bottom)
        for f in (0.0, 0.5, 1.0):
            y = bottom - f * (bottom - top)
            p.drawText(4, int(y) + 4, f"{f:.1f}")
        docs = [r["docs"] for r in self.rows] or [1]
        hi = max(docs) or 1
        p.drawText(left, self.height() - 8, "0")
        p.drawText(right - 30, self.height() - 8, str(hi))
        for i, label in enumerate(self.labels()):
            colour = QColor(self.COLOURS[i % len(self.COLOURS)])
            p.setPen(QPen(colour, 2))
            pts = [QPointF(left + (right - left) * r["docs"] / hi,
                           bottom - (bottom - top) * r["scores"]["labels"][label]["f1"])
                   for r in self.rows if label in r["scores"].get("labels", {})]
            for a, b in zip(pts, pts[1:]):
                p.drawLine(a, b)
            for pt in pts:
                p.drawEllipse(pt, 3, 3)
            p.drawText(right + 10, top + 14 + 16 * i, label)
        p.end()


class CurveWorker(QThread):
    """Trains on the first 10, 25, 50 … done documents and scores each on the held-out ones."""

    computed = Signal(object)
    failed = Signal(str)

    def __init__(self, data, parent=None):
        super().__init__(parent)
        self.data = data
        self.cancel = threading.Event()

    def run(self) -> None:
        from annotator.core.recommender.train import Cancelled, learning_curve

        try:
            rows = learning_curve(self.data, cancel=self.cancel)
        except Cancelled:
            return
        except Exception as exc:  # a CRFsuite failure ends in a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.computed.emit(rows)


class CurveDialog(QDialog):
    """The stored versions' scores; and, on request, the curve computed from subsets of the done
    documents (what `annotator train --curve` prints)."""

    def __init__(self, rows: list[dict], parent=None, collect=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recommender learning curve"))
        self.collect = collect
        self.worker: CurveWorker | None = None
        lay = QVBoxLayout(self)
        self.intro = QLabel(self.tr("F1 on held-out documents for every trained version, against the number of "
                                    "done documents it learnt from."))
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.chart = CurveChart(rows, self)
        lay.addWidget(self.chart)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        lay.addWidget(self.table)
        self.show_rows(rows, self.tr("Version"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.compute_button = buttons.addButton(self.tr("Compute from the done documents"),
                                                QDialogButtonBox.ActionRole)
        self.compute_button.setEnabled(collect is not None)
        self.compute_button.clicked.connect(self.compute)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(600, 520)

    def show_rows(self, rows: list[dict], first: str) -> None:
        self.chart.rows = rows
        self.chart.update()
        labels = self.chart.labels()
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(2 + len(labels))
        self.table.setHorizontalHeaderLabels([first, self.tr("Documents")] + labels)
        for i, r in enumerate(rows):
            cells = [str(r["version"]), str(r["docs"])] + [
                f"{r['scores']['labels'][l]['f1']:.2f}" if l in r["scores"].get("labels", {}) else "—" for l in labels]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def compute(self) -> bool:
        try:
            data = self.collect()
        except AnnotatorError as exc:
            message(self, self.windowTitle(), str(exc))
            return False
        self.compute_button.setEnabled(False)
        self.intro.setText(self.tr("Training on the first 10, 25, 50, 100 and 200 done documents…"))
        self.worker = CurveWorker(data, self)
        self.worker.computed.connect(self._computed)
        self.worker.failed.connect(lambda text: message(self, self.windowTitle(), text))
        self.worker.start()
        return True

    def _computed(self, rows: list[dict]) -> None:
        if not rows:
            self.intro.setText(self.tr("Too few done documents for a curve: the first point needs 10 outside the "
                                       "held-out ones."))
            return
        self.intro.setText(self.tr("F1 on the held-out documents after training on the first n done documents."))
        self.show_rows([{"version": "—", "docs": r["docs"], "scores": {"labels": r["labels"]}} for r in rows],
                       self.tr("Version"))

    def done(self, result: int) -> None:
        if self.worker is not None:
            self.worker.cancel.set()
            self.worker.wait()
        super().done(result)


class RecommenderActions(QObject):
    """The Recommender submenu of Tools and what it runs."""

    trained = Signal(int)  # version stored

    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.training: Operation | None = None
        self.ranking: Operation | None = None
        self.order = "uncertainty"
        self._ranking: tuple[int, str, list[int]] | None = None  # (model version, order, doc nums)
        self.last_result = None
        self.a_train = window._act(self.tr("Train recommender…"), self.train_interactive, menu=menu)
        self.a_cancel = window._act(self.tr("Cancel training"), self.cancel_training, menu=menu)
        self.a_cancel.setEnabled(False)
        # No shortcut keys: every key of the window is listed in the F1 table (shortcuts_help).
        self.a_doc = window._act(self.tr("Suggest with the recommender in this document"), self.suggest_document,
                                 menu=menu)
        self.a_all = window._act(self.tr("Suggest with the recommender in all documents…"), self.suggest_all, menu=menu)
        menu.addSeparator()
        self.a_next = window._act(self.tr("Next document the model learns most from"), self.next_document,
                                  menu=menu)
        orders = menu.addMenu(self.tr("Order the to-do list by"))
        group = QActionGroup(self)
        self.order_actions = {}
        for key, text in (("uncertainty", self.tr("The model's uncertainty")), ("gain", self.tr("Expected gain"))):
            a = QAction(text, self, checkable=True)
            a.setChecked(key == self.order)
            a.triggered.connect(lambda _=False, k=key: self.set_order(k))
            group.addAction(a)
            orders.addAction(a)
            self.order_actions[key] = a
        menu.addSeparator()
        self.a_curve = window._act(self.tr("Learning curve…"), self.show_curve, menu=menu)
        self.a_auto = window._act(self.tr("Retrain automatically…"), self.toggle_auto, checkable=True, menu=menu)
        menu.aboutToShow.connect(self._refresh)
        # Documents are marked done by keys, menus and undo alike: the count in the project is
        # the one thing all of them change, so it is what the automatic retraining watches.
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_POLL_MS)
        self.timer.timeout.connect(self.check_auto)
        self.timer.start()
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Close:
            self.shutdown()
        return False

    def shutdown(self) -> None:
        """Stop a running training (it stores nothing) before the window and its threads go."""
        self.timer.stop()
        for operation in (self.training, self.ranking):
            if operation is not None and operation.worker is not None:
                operation.cancel.set()
                operation.worker.wait()

    @property
    def worker(self):
        """The training's thread while one runs (and until its model is stored)."""
        return self.training.worker if self.training is not None else None

    @property
    def progress_dialog(self):
        return self.training.dialog if self.training is not None else None

    # ----- helpers ---------------------------------------------------------------------------
    def _project(self, writable: bool = True):
        p = self.window.project
        if p is None or (writable and (p.readonly or p.checks_pending)):
            return None
        return p

    def _model(self):
        from annotator.core.recommender.store import load_model

        p = self._project(writable=False)
        if p is None:
            return None
        try:
            model = load_model(p)
        except AnnotatorError as exc:
            message(self.window, self.tr("Recommender"), str(exc))
            return None
        if model is None:
            message(self.window, self.tr("Recommender"),
                    self.tr("No recommender has been trained in this project yet: Tools › Recommender › Train "
                            "recommender… learns from the documents marked done."), QMessageBox.Information)
        return model

    def _refresh(self) -> None:
        p = self._project()
        busy = self.training is not None
        self.a_train.setEnabled(p is not None and not busy)
        self.a_cancel.setEnabled(busy)
        for a in (self.a_doc, self.a_all):
            a.setEnabled(p is not None)
        self.a_auto.setChecked(bool(p is not None and self._auto()["on"]))
        self.a_auto.setEnabled(p is not None)

    def set_order(self, order: str) -> None:
        self.order = order
        self.order_actions[order].setChecked(True)
        self._ranking = None

    # ----- training --------------------------------------------------------------------------
    def train_interactive(self) -> bool:
        return self.start_training(show_dialog=True)

    def start_training(self, show_dialog: bool = True) -> bool:
        """Read the data, start the worker; False when there is nothing to do or it is busy."""
        from annotator.core.recommender.train import collect, fit

        p = self._project()
        if p is None or self.training is not None:
            return False
        try:
            data = collect(p)
        except AnnotatorError as exc:
            if show_dialog:
                message(self.window, self.tr("Train recommender"), str(exc))
            else:
                self.window.statusBar().showMessage(str(exc), 10000)
            return False
        done_at_start = self._done_count(p)
        if not show_dialog:
            self.window.statusBar().showMessage(self.tr("Retraining the recommender in the background…"))
        self.training = Operation(
            self.window, self.tr("Train recommender"),
            self.tr("Training the recommender on %1 documents…").replace("%1", str(len(data.done))),
            thread=True, commit=lambda result: self._store(p, data, result, done_at_start),
            cancelled=self.tr("Training was cancelled: no model was stored."), minimum_ms=0, show=show_dialog)
        self.training.finished.connect(lambda result: self._trained(result, show_dialog))
        self.a_cancel.setEnabled(True)
        self.training.start(lambda progress: fit(data, None, progress.cancel, progress))
        return True

    def cancel_training(self) -> None:
        if self.training is not None:
            self.training.cancel.set()

    def _store(self, p, data, result, done_at_start: int):
        """The commit of a training, on the GUI thread: None when there is nowhere to store it."""
        from annotator.core.recommender.train import save

        if self.window.project is not p or p.readonly:
            return None  # the project was closed meanwhile
        save(p, data, result)
        self._set_auto(last_done=done_at_start)
        return result

    def _trained(self, result, interactive: bool) -> None:
        self.training.deleteLater()
        self.training = None
        self.a_cancel.setEnabled(False)
        if result is None:
            return
        self.last_result = result
        self._ranking = None
        text = result.summary()
        self.window.statusBar().showMessage(text.splitlines()[0], 10000)
        if interactive:
            message(self.window, self.tr("Train recommender"), text, QMessageBox.Information)
        self.trained.emit(result.version)

    # ----- automatic retraining --------------------------------------------------------------
    def _auto(self) -> dict:
        from annotator.core.recommender.store import get_setting

        p = self.window.project
        saved = get_setting(p, "auto", {}) if p is not None else {}
        return {"on": False, "every": DEFAULT_EVERY, "last_done": 0, **(saved or {})}

    def _set_auto(self, **changes) -> None:
        from annotator.core.recommender.store import set_setting

        p = self._project()
        if p is None:
            return
        try:
            set_setting(p, "auto", {**self._auto(), **changes})
        except WriteFailed as exc:
            self.window.statusBar().showMessage(str(exc), 10000)

    def _done_count(self, p) -> int:
        from annotator.core.recommender.store import done_count

        return done_count(p)

    def toggle_auto(self, on: bool) -> None:
        if self._project() is None:
            self.a_auto.setChecked(False)
            return
        if on:
            every, ok = QInputDialog.getInt(self.window, self.tr("Retrain automatically"),
                                            self.tr("Retrain the recommender after every how many newly done "
                                                    "documents?"), self._auto()["every"], 1, 100000)
            if not ok:
                self.a_auto.setChecked(False)
                return
            self.enable_auto(every)
        else:
            self._set_auto(on=False)

    def enable_auto(self, every: int) -> None:
        p = self._project()
        if p is None:
            return
        from annotator.core.recommender.store import versions

        last = self._auto()["last_done"] if versions(p) else 0
        self._set_auto(on=True, every=every, last_done=last)
        self.a_auto.setChecked(True)

    def check_auto(self) -> bool:
        """Start a background retraining when N more documents are done than at the last one."""
        p = self._project()
        if p is None or self.training is not None:
            return False
        auto = self._auto()
        if not auto["on"] or self._done_count(p) - auto["last_done"] < auto["every"]:
            return False
        return self.start_training(show_dialog=False)

    # ----- suggesting ------------------------------------------------------------------------
    def suggest_document(self) -> int:
        c = self.window.ws.controller if self.window.ws else None
        if c is None or c.doc is None or self._project() is None:
            return 0
        model = self._model()
        if model is None:
            return 0
        command = RecommendInDocument(c, c.doc.num, model, self.tr("Suggest with the recommender"))
        if not c.run(command, keep=lambda cm: bool(cm.ids)):
            return 0
        n = len(command.ids or [])
        c.message.emit(self.tr("%1 new suggestions (rules and %2): Enter or A accepts, R rejects.")
                       .replace("%1", str(n)).replace("%2", model.name()) if n else
                       self.tr("No new suggestions in this document."))
        return n

    def suggest_all(self):
        from annotator.core.recommender.suggest import recommend_project

        w = self.window
        p = self._project()
        if p is None or w.ws is None:
            return None
        model = self._model()
        if model is None:
            return None
        total = p.document_count()
        question = self.tr("Suggest with the rules and %1 in all %2 documents? The suggestions go into your own "
                           "layer (%3). Cancel during the run leaves the project unchanged.").replace(
            "%1", model.name()).replace("%2", str(total)).replace("%3", w.settings.annotator)
        if message(w, self.tr("Suggest in all documents"), question, QMessageBox.Question,
                   QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes) != QMessageBox.Yes:
            return None
        found = run_operation(w, self.tr("Suggest in all documents"),
                              lambda progress: recommend_project(p, model, w.settings.annotator, progress=progress),
                              label=self.tr("Suggesting…"), minimum_ms=0,
                              cancelled=self.tr("Suggesting was cancelled: nothing was changed."))
        if found is None:
            return None
        report, _ = found
        ws = w.ws
        ws.doc_panel.apply_filter()
        if ws.controller.doc is not None:
            ws.controller.spans_reloaded(ws.controller.doc.num)
        w.statusBar().showMessage(f"{model.name()}: {report.summary()}", 10000)
        return report

    # ----- active learning -------------------------------------------------------------------
    def next_document(self) -> int | None:
        """Open the to-do document the model is least sure of (or expects most gain from)."""
        from annotator.core.recommender.store import todo_docs

        w = self.window
        p = self._project(writable=False)
        if p is None or w.ws is None:
            return None
        model = self._model()
        if model is None:
            return None
        annotator = w.settings.annotator
        key = (model.meta.get("version"), self.order)
        if self._ranking is None or self._ranking[:2] != key:
            from annotator.core.recommender.active import candidates

            texts = [(n, p.document(n).text) for n in candidates(p, annotator, RANK_LIMIT)]
            order = self._rank(model, texts)
            if order is None:
                return None
            self._ranking = (*key, order)
        current = w.current_doc()
        todo = set(todo_docs(p, annotator))
        for num in self._ranking[2]:
            if num != current and num in todo:
                w.ws.doc_panel.select_num(num)
                w.statusBar().showMessage(self.tr("Opened the to-do document the model learns most from."), 8000)
                return num
        w.statusBar().showMessage(self.tr("No document left to do."), 8000)
        return None

    def _rank(self, model, texts) -> list[int] | None:
        """Rank in a worker behind a progress dialog; None when cancelled."""
        from annotator.core.recommender.active import rank_texts

        self.ranking = Operation(self.window, self.tr("Recommender"), self.tr("Ranking the to-do documents…"),
                                 thread=True, minimum_ms=500)
        try:
            ranked = self.ranking.run(
                lambda progress: rank_texts(model, texts, self.order, progress, cancel=progress.cancel))
        finally:
            self.ranking.deleteLater()
            self.ranking = None
        return None if ranked is None else [n for n, _ in ranked]

    # ----- learning curve --------------------------------------------------------------------
    def show_curve(self) -> CurveDialog | None:
        from annotator.core.recommender.store import versions

        p = self._project(writable=False)
        if p is None:
            return None
        from annotator.core.recommender.train import collect

        rows = [{**r, "version": f"v{r['version']}"} for r in versions(p)]
        dialog = CurveDialog(rows, self.window, lambda: collect(p))
        dialog.setWindowModality(Qt.WindowModal)  # the project stays open while it may read it
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        self.curve_dialog = dialog
        return dialog
