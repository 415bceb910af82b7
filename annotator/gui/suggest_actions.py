"""Tools › Suggest: rule-based dates and quotes into the user's own layer as suggested spans.

In one document it is one undo step (annotate.AnnotationController.suggest). In all documents
it is one transaction behind a cancellable progress dialog: cancelling raises out of the
progress callback, the transaction rolls back, and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMessageBox

from annotator.core.store import suggestion_rows
from annotator.gui.operation import Operation
from annotator.gui.plain import message


class SuggestActions(QObject):
    """The suggest entries of the Tools menu and what they run."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.only: str | None = None
        self.operation: Operation | None = None  # while suggesting in all documents
        self.last_report = None
        self.a_doc = window._act(self.tr("Suggest dates and quotes in this document"), self.suggest_document,
                                 ["Ctrl+Shift+S"], menu=menu)
        self.a_all = window._act(self.tr("Suggest dates and quotes in all documents…"), self.suggest_all, menu=menu)
        kinds = menu.addMenu(self.tr("What to suggest"))
        group = QActionGroup(self)
        self.kind_actions: dict[str | None, QAction] = {}
        for only, text in ((None, self.tr("Dates and quotes")), ("dates", self.tr("Dates only")),
                           ("quotes", self.tr("Quotes only"))):
            a = QAction(text, self, checkable=True)
            a.setChecked(only is None)
            a.triggered.connect(lambda _=False, o=only: self.set_only(o))
            group.addAction(a)
            kinds.addAction(a)
            self.kind_actions[only] = a
        self.actions = [self.a_doc, self.a_all]

    @property
    def progress_dialog(self):
        return self.operation.dialog if self.operation is not None else None

    def set_only(self, only: str | None) -> None:
        self.only = only
        self.kind_actions[only].setChecked(True)
        doc_text = {None: self.tr("Suggest dates and quotes in this document"),
                    "dates": self.tr("Suggest dates in this document"),
                    "quotes": self.tr("Suggest quotes in this document")}[only]
        all_text = {None: self.tr("Suggest dates and quotes in all documents…"),
                    "dates": self.tr("Suggest dates in all documents…"),
                    "quotes": self.tr("Suggest quotes in all documents…")}[only]
        self.a_doc.setText(doc_text)
        self.a_all.setText(all_text)

    def _what(self) -> str:
        return {None: self.tr("dates and quotes"), "dates": self.tr("dates"), "quotes": self.tr("quotes")}[self.only]

    # ----- one document ----------------------------------------------------------------------
    def suggest_document(self) -> int:
        c = self.window.ws.controller if self.window.ws else None
        if c is None:
            return 0
        made = c.suggest(self.only)
        if c.doc is not None and self.only != "quotes":
            self._note_undated(c)
        return made

    def _note_undated(self, c) -> None:
        """Say so when relative dates stay without a value because the document has no date."""
        from annotator.core.suggest import unresolved_dates

        left = unresolved_dates(c.project, c.doc.num)
        if not left:
            return
        bar = self.window.statusBar()
        note = self.tr("This document has no date (dct): %1 relative dates have no value. Set its date in the "
                       "document fields; their values then fill in.").replace("%1", str(left))
        bar.showMessage(f"{bar.currentMessage()}  {note}" if bar.currentMessage() else note, 20000)

    # ----- every document --------------------------------------------------------------------
    def suggest_all(self):
        """Returns the SuggestReport, or None when nothing was written."""
        w = self.window
        project = w.project
        if project is None or project.readonly or w.ws is None:
            return None
        total = project.document_count()
        question = (self.tr("Suggest %1 in all %2 documents?").replace("%1", self._what()).replace("%2", str(total))
                    + "\n\n" + self.tr("The suggestions go into your own layer (%1) as suggested spans that you accept "
                                       "(Enter or A) or reject (R). Spans you already have are not suggested again. "
                                       "This cannot be undone with Ctrl+Z; Cancel during the run leaves the project "
                                       "unchanged.").replace("%1", w.settings.annotator))
        undated = 0 if self.only == "quotes" else suggestion_rows.undated_count(project)
        if undated:
            question += "\n\n" + self.tr("%1 of the documents have no date (dct): their relative dates will have no "
                                          "value until it is set (in each document's fields).").replace("%1", str(undated))
        if message(w, self.tr("Suggest in all documents"), question, QMessageBox.Question,
                   QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes) != QMessageBox.Yes:
            return None
        from annotator.core.suggest import suggest_project

        self.operation = Operation(w, self.tr("Suggest in all documents"),
                                   self.tr("Suggesting %1…").replace("%1", self._what()), minimum_ms=0,
                                   cancelled=self.tr("Suggesting was cancelled: nothing was changed."))
        try:
            report = self.operation.run(
                lambda progress: suggest_project(project, w.settings.annotator, self.only, progress=progress))
        finally:
            self.operation.deleteLater()
            self.operation = None
        if report is None:
            return None
        ws = w.ws
        ws.doc_panel.apply_filter()  # span counts
        if ws.controller.doc is not None:
            ws.controller.spans_reloaded(ws.controller.doc.num)
        labels = ", ".join(f"{k}: {v}" for k, v in sorted(report.by_label.items())) or "—"
        text = (self.tr("%1 new suggested spans and %2 links in %3 documents.").replace("%1", str(report.spans))
                .replace("%2", str(report.relations)).replace("%3", str(report.documents))
                + "\n" + self.tr("By label: %1").replace("%1", labels)
                + ("\n" + self.tr("%1 suggested dates took their values from their document's date (dct).")
                   .replace("%1", str(report.refreshed)) if report.refreshed else "")
                + ("\n" + self.tr("%1 documents have no date (dct): %2 relative dates there have no value. Set a "
                                  "document's date in its document fields; its values then fill in.")
                   .replace("%1", str(report.undated)).replace("%2", str(report.unresolved)) if report.undated else "")
                + "\n\n" + self.tr("Enter or A accepts the selected suggestion, R rejects it; Tools › Accept all "
                                   "suggestions of label accepts a whole label in a document."))
        first = text.split("\n")[0]
        if report.undated:
            first += "  " + self.tr("%1 documents have no date (dct): their relative dates have no value.").replace(
                "%1", str(report.undated))
        w.statusBar().showMessage(first, 20000)
        message(w, self.tr("Suggest in all documents"), text, QMessageBox.Information)
        self.last_report = report
        return report
