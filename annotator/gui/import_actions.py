"""File › Import: files or a folder, with a progress dialog whose Cancel leaves the project
unchanged (an import is one transaction), and a report of what came in and what did not."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from annotator.core.errors import AnnotatorError, WriteFailed
from annotator.gui.plain import message
from annotator.gui.report_dialog import show_report
from annotator.gui.save_retry import ask_retry


class _Cancelled(Exception):
    pass


class ImportActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_report = None

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import documents"), "",
            self.tr("Documents and other tools' exports (*.txt *.jsonl *.json *.ann);;All files (*)"))
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
        while True:
            dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 1000, w)
            dialog.setWindowTitle(self.tr("Import documents"))
            dialog.setWindowModality(Qt.WindowModal)
            dialog.setMinimumDuration(400)  # small imports finish before it would show

            def progress(done: int, total: int) -> None:
                dialog.setValue(int(1000 * done / total) if total else 0)
                QApplication.processEvents()
                if dialog.wasCanceled():
                    raise _Cancelled()

            try:
                report = import_paths(w.project, paths, annotator=w.settings.annotator, progress=progress)
                break
            except _Cancelled:
                w.statusBar().showMessage(self.tr("Import cancelled: nothing was imported."), 10000)
                return None
            except WriteFailed as exc:
                if not ask_retry(w, exc):
                    return None
            except AnnotatorError as exc:
                message(w, self.tr("Import refused: nothing was imported"), str(exc))
                return None
            finally:
                dialog.close()
                dialog.deleteLater()
        w.set_project(w.project, w.current_doc())
        w.statusBar().showMessage(report.summary(), 10000)
        details = [f"{where}: {why}" for where, why in report.skipped]
        details += [self.tr("not a .txt file, not imported: %1").replace("%1", name) for name in report.ignored]
        if details:
            show_report(w, self.tr("Import documents"), report.summary(), details)
        self.last_report = report
        return report
