"""Reviewer work from the annotation window: File › Import annotators' work (merge),
Tools › Review and adjudicate, Tools › Agreement.

The review window shares the window's open Project (one connection, one writer lock) and is
window-modal: the annotation window waits while the reviewer works, and is rebuilt from the
file when review closes, so neither window ever writes from a stale picture.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QVBoxLayout

from annotator.gui.operation import run_operation
from annotator.gui.plain import message
from annotator.gui.report_dialog import show_report


class AgreementDialog(QDialog):
    """The agreement dashboard over the whole project; double-click a document to open it."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        from annotator.gui.review.dashboard import AgreementDashboard

        self.project = project
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Agreement — %1").replace("%1", project.path.name))
        self.dashboard = AgreementDashboard()
        self.dashboard.refreshRequested.connect(self.recompute)
        self.dashboard.openDocument.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dashboard, 1)
        layout.addWidget(buttons)
        self.resize(1200, 760)
        self.recompute()

    def recompute(self) -> None:
        from annotator.core import agreement
        from annotator.core import review as rv

        self.dashboard.set_result(agreement.compute(self.project, rv.review_annotators(self.project) or None))

    def _open(self, num: int) -> None:
        self.chosen = num
        self.accept()


class ReviewActions(QObject):
    """File › Import annotators' work; Tools › Review and adjudicate, Agreement (the window places them)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.review_window = None
        self.a_merge = window._act(self.tr("Import annotators' work…"), self.import_work)
        self.a_review = window._act(self.tr("Review and adjudicate…"), self.open_review)
        self.a_agreement = window._act(self.tr("Agreement…"), self.show_agreement)

    def project_changed(self, project) -> None:
        self.a_merge.setEnabled(project is not None and not project.readonly)
        self.a_review.setEnabled(project is not None)
        self.a_agreement.setEnabled(project is not None)

    # ----- merge ------------------------------------------------------------------------------
    def import_work(self):
        """Merge annotators' project files into this one. Returns the MergeReport or None."""
        w = self.window
        if w.project is None or w.project.readonly:
            return None
        paths, _ = QFileDialog.getOpenFileNames(w, self.tr("Import annotators' work"), "",
                                                self.tr("Annotator projects (*.annot);;All files (*)"))
        if not paths:
            return None
        from annotator.core.merge import merge_projects

        report = run_operation(w, self.tr("Import annotators' work"),
                               lambda progress: merge_projects(w.project, paths, progress=progress),
                               label=self.tr("Importing annotators' work…"),
                               refused=self.tr("Import refused: nothing was changed"),
                               cancelled=self.tr("Import cancelled: nothing was changed."))
        if report is None:
            return None
        w.set_project(w.project, w.current_doc())  # new documents and layers; the undo steps are history now
        matched, added, skipped = report.counts()
        summary = (self.tr("Imported the work of %1 file(s); layers: %2.").replace("%1", str(len(report.sources)))
                   .replace("%2", ", ".join(sorted({n for s in report.sources for n in s.layers})) or "—")
                   + " " + self.tr("Documents: %1 matched, %2 added, %3 skipped (already here, with no work "
                                   "of these annotators).").replace("%1", str(matched)).replace("%2", str(added))
                   .replace("%3", str(skipped)))
        if not report.changed:
            summary += " " + self.tr("Nothing had changed since the last import.")
        w.statusBar().showMessage(summary, 10000)
        show_report(w, self.tr("Import annotators' work"), summary, report.lines())
        return report

    # ----- review -------------------------------------------------------------------------------
    def open_review(self):
        w = self.window
        if w.project is None:
            return None
        if self.review_window is not None:
            self.review_window.raise_()
            self.review_window.activateWindow()
            return self.review_window
        from annotator.core import review as rv
        from annotator.gui.review import ReviewWindow

        if not rv.review_annotators(w.project):
            message(w, self.tr("Review and adjudicate"),
                    self.tr("No annotator has marked a document done yet. Import the annotators' work first "
                            "(File › Import annotators' work…); review shows the documents they marked done."),
                    QMessageBox.Information)
            return None
        review = ReviewWindow(w.project, w.settings.annotator, parent=w)
        review.setAttribute(Qt.WA_DeleteOnClose)
        review.setWindowModality(Qt.WindowModal)
        review.resize(1300, 800)
        review.destroyed.connect(self._review_closed)
        self.review_window = review
        review.show()
        return review

    def _review_closed(self, *_):
        self.review_window = None
        w = self.window
        if w.project is not None and not w.project.closed:
            w.set_project(w.project, w.current_doc())  # show the gold layer as review left it

    # ----- agreement ----------------------------------------------------------------------------
    def show_agreement(self):
        w = self.window
        if w.project is None:
            return None
        dialog = AgreementDialog(w.project, w)
        dialog.exec()
        if dialog.chosen is not None and w.ws is not None:
            w.ws.doc_panel.select_num(dialog.chosen)
        return dialog
