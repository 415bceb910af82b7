"""Team work from the annotation window: Tools › Assign documents, Collect packages, Team
progress; File › Pull from / Push to team project; Document › Take my next document. The
work is done by annotator.core.assign, .progress, .sync and .checkout; this module asks for
the inputs and shows the results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from annotator.core.errors import AnnotatorError
from annotator.gui.operation import run_operation
from annotator.gui.plain import message, plain_label
from annotator.gui.review.dashboard import draw_unit_grid
from annotator.gui.report_dialog import show_report

STATE_COLOURS = {"done": "#2E9E5B", "in_progress": "#E0A526", "todo": "#B8B8B8"}


class AssignDialog(QDialog):
    """Who gets what: names, overlap, annotators per shared document, seed, which documents,
    and the folder for the packages."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents to annotators"))
        self.names = QLineEdit()
        self.names.setPlaceholderText(self.tr("names, separated by commas"))
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setDecimals(0)
        self.overlap.setSuffix(" %")
        self.overlap.setValue(20)
        self.per_doc = QSpinBox()
        self.per_doc.setRange(2, 50)
        self.per_doc.setValue(2)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.status = QComboBox()
        for text, value in ((self.tr("every document not yet assigned"), None),
                            (self.tr("documents nobody has begun"), "todo")):
            self.status.addItem(text, value)
        self.folder = QLineEdit(str(project.path.with_name(project.path.stem + "-packages")))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Annotators:"), self.names)
        form.addRow(self.tr("Shared for agreement:"), self.overlap)
        form.addRow(self.tr("Annotators per shared document:"), self.per_doc)
        form.addRow(self.tr("Seed of the draw:"), self.seed)
        form.addRow(self.tr("Documents:"), self.status)
        form.addRow(self.tr("Packages folder:"), row)
        hint = plain_label(self.tr("Each annotator gets one project file with their documents, the scheme and the "
                                   "suggestions. Send it to them; bring it back with Tools › Collect packages."))
        _lay_out(self, form, hint)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Packages folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def values(self) -> dict:
        return {"annotators": [n for n in self.names.text().split(",") if n.strip()],
                "overlap": self.overlap.value() / 100, "per_doc": self.per_doc.value(), "seed": self.seed.value(),
                "by_status": self.status.currentData(), "out": self.folder.text()}


def _lay_out(dialog: QDialog, form: QFormLayout, hint) -> None:
    """The fields, a line saying what happens, and OK / Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(hint)
    layout.addWidget(buttons)


def _browse_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class PullDialog(QDialog):
    """Where the team project is, whose documents, and the file to write them to."""

    def __init__(self, annotator: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pull from team project"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("a project file, or a server address (postgresql://…)"))
        pick_source = QPushButton(self.tr("Choose…"))
        pick_source.clicked.connect(self._browse_source)
        self.annotator = QLineEdit(annotator)
        self.out = QLineEdit()
        pick_out = QPushButton(self.tr("Choose…"))
        pick_out.clicked.connect(self._browse_out)
        self.all = QCheckBox(self.tr("Every document, not only those assigned to me"))
        self.take = QSpinBox()
        self.take.setRange(0, 100_000)
        self.take.setSpecialValueText(self.tr("none"))
        form = QFormLayout()
        form.addRow(self.tr("Team project:"), _browse_row(self.source, pick_source))
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Save my copy as:"), _browse_row(self.out, pick_out))
        form.addRow(self.tr("Also take new documents:"), self.take)
        form.addRow("", self.all)
        hint = plain_label(self.tr("Your copy holds your documents, the scheme, the suggestions and your work so far. "
                                   "Work in it anywhere; File › Push to team project brings your work back."))
        _lay_out(self, form, hint)

    def _browse_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Team project"), "",
                                              self.tr("Projects (*.annot);;All files (*)"))
        if path:
            self.source.setText(path)
            if not self.out.text():
                self.out.setText(str(Path(path).with_name(f"{Path(path).stem}-{self.annotator.text().strip()}.annot")))

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save my copy as"), self.out.text(),
                                              self.tr("Projects (*.annot)"))
        if path:
            self.out.setText(path if path.endswith(".annot") else path + ".annot")

    def values(self) -> dict:
        return {"source": self.source.text().strip(), "annotator": self.annotator.text().strip(),
                "out": self.out.text().strip(), "all": self.all.isChecked(), "take": self.take.value()}


class CurveChart(QWidget):
    """Agreement on the overlap (span F1, 0..1) against shared documents done: a line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[tuple[int, float]] = []
        self.setMinimumHeight(160)

    def set_points(self, points: list[tuple[int, float]]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        w, h = self.width(), self.height()
        left, bottom, top, right = fm.horizontalAdvance("1.0") + 8, fm.height() + 6, fm.height() // 2 + 2, 8
        plot_w, plot_h = max(10, w - left - right), max(10, h - top - bottom)
        fg = self.palette().color(self.foregroundRole())
        p.setPen(QPen(fg))
        draw_unit_grid(p, left, top, left + plot_w, plot_h)
        if self.points:
            n = self.points[-1][0]
            p.drawText(QRectF(left, top + plot_h + 2, plot_w, fm.height()), Qt.AlignRight | Qt.AlignTop, str(n))
            p.drawText(QRectF(left, top + plot_h + 2, plot_w, fm.height()), Qt.AlignLeft | Qt.AlignTop, "1")
            line = QPolygonF([QPointF(left + plot_w * (k - 1) / max(1, n - 1), top + plot_h * (1 - f))
                              for k, f in self.points])
            p.setPen(QPen(QColor("#3366CC"), 2))
            p.drawPolyline(line)
            p.setBrush(QColor("#3366CC"))
            for point in line:  # a dot each, so a curve of one document still shows
                p.drawEllipse(point, 3, 3)
        p.end()


class ProgressDialog(QDialog):
    """Per annotator: documents done / in progress / to do (a bar each), spans, minutes; and
    agreement on the shared documents with its curve."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        from annotator.gui.review.dashboard import read_only_table

        self.project = project
        self.setWindowTitle(self.tr("Team progress — %1").replace("%1", project.path.name))
        self.table = read_only_table([self.tr("Annotator"), self.tr("Assigned"), self.tr("Done"),
                                      self.tr("In progress"), self.tr("To do"), self.tr("Spans"), self.tr("Minutes"),
                                      self.tr("Progress")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = plain_label()
        self.chart = CurveChart()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.recompute)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(refresh, QDialogButtonBox.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(plain_label(self.tr("Agreement on the shared documents (span F1) as more of them are done:")))
        layout.addWidget(self.chart, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.recompute()

    def recompute(self) -> None:
        from PySide6.QtWidgets import QProgressBar, QTableWidgetItem

        from annotator.core import progress

        res = progress.compute(self.project)
        self.result = res
        t = self.table
        t.setRowCount(len(res.annotators))
        for row, a in enumerate(res.annotators):
            cells = [a.annotator, a.assigned, a.states["done"], a.states["in_progress"], a.states["todo"], a.spans,
                     f"{a.seconds / 60:.0f}"]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                t.setItem(row, col, item)
            bar = QProgressBar()
            bar.setRange(0, max(1, a.assigned))
            bar.setValue(a.states["done"])
            bar.setFormat(f"{100 * a.states['done'] // max(1, a.assigned)} %")
            t.setCellWidget(row, 7, bar)
        if res.agreement is None:
            text = self.tr("%1 of %2 documents are shared for agreement; none is done by two annotators yet.")
        else:
            text = self.tr("%1 of %2 documents are shared for agreement; %3 are done by two annotators: "
                           "span F1 %4.").replace("%3", str(res.overlap_done)).replace("%4", f"{res.agreement:.3f}")
        self.summary.setText(text.replace("%1", str(res.overlap)).replace("%2", str(res.documents)))
        self.chart.set_points(res.curve)


class TeamActions(QObject):
    """Tools › Assign documents, Collect packages, Team progress (the window places them)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.a_assign = window._act(self.tr("Assign documents to annotators…"), lambda: self.assign())
        self.a_collect = window._act(self.tr("Collect packages…"), lambda: self.collect())
        self.a_progress = window._act(self.tr("Team progress…"), lambda: self.show_progress())
        self.a_pull = window._act(self.tr("Pull from team project…"), lambda: self.pull())
        self.a_push = window._act(self.tr("Push to team project…"), lambda: self.push())
        self.a_next = window._act(self.tr("Take my next document"), lambda: self.next_document(), ["Ctrl+Shift+N"])

    def project_changed(self, project) -> None:
        writable = project is not None and not project.readonly
        self.a_assign.setEnabled(writable)
        self.a_collect.setEnabled(writable)
        self.a_progress.setEnabled(project is not None)
        self.a_next.setEnabled(writable)
        self.a_push.setEnabled(project is not None)

    def _retrying(self, title: str, work, passing: tuple = ()):
        """Run work() through run_operation (shown at once: a server may be slow; a failed
        write offers Retry, a refusal is said in one line). Exceptions in `passing` go to the
        caller. Returns its result or None."""
        caught: list[Exception] = []

        def run(progress):
            try:
                return work()
            except passing as exc:
                caught.append(exc)
                return None

        result = run_operation(self.window, title, run, label=title, minimum_ms=0,
                               refused=self.tr("%1: refused, nothing was changed").replace("%1", title))
        if caught:
            raise caught[0]
        return result

    def next_document(self):
        """Open this annotator's next document, checking a new one out when theirs are done."""
        from annotator.core.checkout import next_document

        w = self.window
        if w.project is None or w.project.readonly or w.ws is None:
            return None
        num = self._retrying(self.tr("Take my next document"),
                             lambda: next_document(w.project, w.settings.annotator) or 0)
        if num is None:
            return None
        if not num:
            w.statusBar().showMessage(self.tr("Nothing left for you: your documents are done and every other one "
                                              "is someone else's."), 10000)
            return None
        panel = w.ws.doc_panel
        panel.mine_check.setVisible(True)
        panel.apply_filter()  # a document just taken joins "Assigned to me"
        if not panel.select_num(num):  # hidden by a filter: show everything
            panel.filter_edit.clear()
            panel.status_combo.setCurrentIndex(0)
            panel.apply_filter()
            panel.select_num(num)
        doc = w.project.document(num)
        w.statusBar().showMessage(self.tr("Your next document: %1").replace("%1", doc.id), 10000)
        return num

    def pull(self, values: dict | None = None):
        """Pull a copy of my documents from a team project and open it. Returns the package."""
        from annotator.core.sync import pull

        w = self.window
        if values is None:
            dialog = PullDialog(w.settings.annotator, w)
            if dialog.exec() != QDialog.Accepted:
                return None
            values = dialog.values()
        if not values["source"] or not values["out"]:
            message(w, self.tr("Pull from team project"), self.tr("Name the team project and the file to write."))
            return None
        package = self._retrying(self.tr("Pull from team project"),
                                 lambda: pull(values["source"], values["out"], values["annotator"], values["all"],
                                              values["take"]))
        if package is None:
            return None
        w.open_path(package.path)
        w.statusBar().showMessage(self.tr("Pulled %1 documents into %2.").replace("%1", str(package.documents))
                                  .replace("%2", str(package.path)), 10000)
        return package

    def push(self, target: str | None = None):
        """Push the open project (a pulled copy) back to its team project. Returns the report."""
        from annotator.core.assign import package_info
        from annotator.core.sync import push

        w = self.window
        if w.project is None:
            return None
        info = package_info(w.project.path)
        if info is None:
            message(w, self.tr("Push to team project"),
                    self.tr("This project is not a copy pulled from a team project (File › Pull from team project "
                            "makes one)."))
            return None
        if target is None:
            from PySide6.QtWidgets import QInputDialog

            target, ok = QInputDialog.getText(w, self.tr("Push to team project"),
                                              self.tr("Team project (a file or a server address):"), QLineEdit.Normal,
                                              info.get("source", ""))
            if not ok or not target.strip():
                return None
        from annotator.core.sync import PushConflict

        title = self.tr("Push to team project")
        try:
            report = self._retrying(title, lambda: push(w.project.path, target.strip(), copy=w.project), (PushConflict,))
        except PushConflict as exc:
            answer = QMessageBox.question(
                w, title, str(exc) + "\n\n" + self.tr("Replace the team project's version of these documents with "
                                                       "this copy's?"), QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No)
            if answer != QMessageBox.Yes:
                return None
            report = self._retrying(title, lambda: push(w.project.path, target.strip(), overwrite=True,
                                                        copy=w.project))
        if report is None:
            return None
        summary = (self.tr("Pushed your work to %1.") if report.changed
                   else self.tr("Nothing new: %1 already holds this work.")).replace("%1", report.target)
        w.statusBar().showMessage(summary, 10000)
        show_report(w, self.tr("Push to team project"), summary, report.lines())
        return report

    def assign(self, values: dict | None = None):
        """Assign and write packages; `values` skips the dialog (tests). Returns the packages or None."""
        from annotator.core.assign import plan_assignment, select_documents, write_packages

        w = self.window
        if w.project is None or w.project.readonly:
            return None
        if values is None:
            dialog = AssignDialog(w.project, w)
            if dialog.exec() != QDialog.Accepted:
                return None
            values = dialog.values()
        refused = self.tr("Assignment refused: nothing was written")
        try:
            docs, skipped = select_documents(w.project, values.get("by_status"))
            if not docs:
                message(w, self.tr("Assign documents"),
                        self.tr("No document is left to assign: %1 are assigned already.").replace("%1", str(skipped)))
                return None
            plan = plan_assignment(docs, values["annotators"], values["overlap"], values["per_doc"], values["seed"])
        except AnnotatorError as exc:
            message(w, refused, str(exc))
            return None
        packages = run_operation(w, self.tr("Assign documents"),
                                 lambda progress: write_packages(w.project, plan, values["out"], progress=progress,
                                                                 per_doc=values["per_doc"], overlap=values["overlap"]),
                                 label=self.tr("Writing packages…"), refused=refused,
                                 cancelled=self.tr("Assignment cancelled: no package was written."))
        if packages is None:
            return None
        w.set_project(w.project, w.current_doc())  # the document list offers "Assigned to me" now
        summary = (self.tr("Assigned %1 documents to %2 annotators; %3 of them are shared for agreement.")
                   .replace("%1", str(len(plan.docs))).replace("%2", str(len(plan.annotators)))
                   .replace("%3", str(len(plan.overlap))))
        w.statusBar().showMessage(summary, 10000)
        show_report(w, self.tr("Assign documents"), summary,
                    [f"{p.path}: {p.annotator}, {p.documents}" for p in packages])
        return packages

    def collect(self, paths: list[str] | None = None):
        from annotator.core.assign import collect_packages

        w = self.window
        if w.project is None or w.project.readonly:
            return None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(w, self.tr("Collect packages"), "",
                                                    self.tr("Packages (*.annot);;All files (*)"))
            if not paths:
                return None
        report = run_operation(w, self.tr("Collect packages"),
                               lambda progress: collect_packages(w.project, paths, progress=progress),
                               label=self.tr("Collecting packages…"),
                               refused=self.tr("Collect refused: nothing was changed"),
                               cancelled=self.tr("Collecting cancelled: nothing was changed."))
        if report is None:
            return None
        w.set_project(w.project, w.current_doc())
        summary = self.tr("Collected %1 package(s).").replace("%1", str(len(paths)))
        w.statusBar().showMessage(summary, 10000)
        show_report(w, self.tr("Collect packages"), summary, report.lines())
        return report

    def show_progress(self):
        from annotator.core.assign import assignments

        w = self.window
        if w.project is None:
            return None
        if not assignments(w.project):
            message(w, self.tr("Team progress"),
                    self.tr("No document is assigned yet: Tools › Assign documents to annotators hands them out."))
            return None
        dialog = ProgressDialog(w.project, w)
        dialog.show()
        return dialog
