"""File › Import: files or a folder, with a progress dialog whose Cancel leaves the project
unchanged (an import is one transaction), and a report of what came in and what did not.
Before it runs, the documents' date (dct) can be given, or read from each text's first line,
so that suggested relative dates get their values."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLineEdit, QVBoxLayout

from annotator.core.errors import AnnotatorError
from annotator.core.formats import FORMATS
from annotator.gui.operation import run_operation
from annotator.gui.plain import plain_label
from annotator.gui.report_dialog import show_report


class DctDialog(QDialog):
    """The date (dct) of the documents about to be imported: given, from their first line, or none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents: their date"))
        self.setMinimumWidth(560)
        intro = plain_label(self.tr("Relative dates such as \"yesterday\" or \"last July\" get their values from "
                                    "the date the document was written (dct). Documents that bring a date of their "
                                    "own keep it; you can also set or change it later in the document fields."))
        intro.setWordWrap(True)
        self.from_header = QCheckBox(self.tr("Take it from each text's first line, where that line holds a full date"))
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Date for the other documents (empty: none):"), self.date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.date.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for w in (intro, self.from_header):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _check(self, text: str) -> None:
        from annotator.core.dates_iso import check_dct

        problem = ""
        if text.strip():
            try:
                check_dct(text.strip())
            except AnnotatorError:
                problem = self.tr("Not a date like 2021-12-09")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)

    def choice(self) -> tuple[str | None, bool]:
        """(the dct for documents without one, take it from the first line first)."""
        return self.date.text().strip() or None, self.from_header.isChecked()


class ImportActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_report = None

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import documents"), "",
            self.tr("Documents and other tools' exports (%1);;All files (*)").replace("%1", " ".join(FORMATS.read_patterns())))
        if paths:
            self.run(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of .txt files or a brat folder"))
        if path:
            self.run([path])

    def run(self, paths: list[str]):
        """Import; returns the report, or None when nothing was imported."""
        from annotator.core.importer import import_paths

        w = self.window
        if w.project is None or w.project.readonly:
            return None
        ask = DctDialog(w)
        try:
            if ask.exec() != QDialog.Accepted:
                return None
            dct, from_header = ask.choice()
        finally:
            ask.deleteLater()
        report = run_operation(
            w, self.tr("Import documents"), lambda progress: import_paths(
                w.project, paths, annotator=w.settings.annotator, progress=progress, dct=dct,
                dct_from_header=from_header),
            label=self.tr("Importing…"), refused=self.tr("Import refused: nothing was imported"),
            cancelled=self.tr("Import cancelled: nothing was imported."))
        if report is None:
            return None
        w.set_project(w.project, w.current_doc())
        w.statusBar().showMessage(report.summary(), 10000)
        details = [f"{where}: {why}" for where, why in report.skipped]
        details += [self.tr("not a .txt file, not imported: %1").replace("%1", name) for name in report.ignored]
        if details:
            show_report(w, self.tr("Import documents"), report.summary(), details)
        self.last_report = report
        return report
