"""The annotation window: composition of the panes, menus, actions and status bar.

The work itself is elsewhere: annotate.py (keys, edits, undo), doc_list.py, span_list.py,
label_palette.py, inspector.py. This module only wires them together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QMainWindow, QMessageBox, QStackedWidget, QToolBar, QVBoxLayout,
                               QWidget)

from annotator.core.errors import AnnotatorError, DamagedProject, ProjectInUse
from annotator.core.project import Project
from annotator.gui.backup_actions import BackupActions, offer_restore
from annotator.gui.i18n import label_text, relation_text
from annotator.gui.merge_actions import ReviewActions
from annotator.gui.team_actions import TeamActions
from annotator.gui.plain import message, plain_label, plain_tip
from annotator.gui.shortcuts_help import ShortcutsDialog
from annotator.gui.recommender_actions import RecommenderActions
from annotator.gui.suggest_actions import SuggestActions
from annotator.gui.workspace import BIDI_WARNING, Workspace, bidi_warning  # noqa: F401 - re-exported


def open_project_interactively(parent, path: str | Path) -> Project | None:
    """Open a project; if another process has it, offer to open it read-only; if it is damaged,
    offer its latest backup (a damaged file is never opened)."""
    from annotator.gui.open_checks import open_fast

    try:
        return open_fast(path)
    except DamagedProject as exc:
        return offer_restore(parent, path, exc)
    except ProjectInUse as exc:
        answer = message(
            parent, QCoreApplication.translate("MainWindow", "Project in use"),
            str(exc) + "\n\n" + QCoreApplication.translate("MainWindow", "Open it read-only?"),
            QMessageBox.Question, QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer == QMessageBox.Yes:
            return Project.open(path, readonly=True)
        return None


class MainWindow(QMainWindow):
    languageChangeRequested = Signal()

    def __init__(self, settings, project: Project | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.project: Project | None = None
        self.ws: Workspace | None = None
        self.stack = QStackedWidget()
        from annotator.gui.welcome import WelcomePage

        self.placeholder = WelcomePage(settings.recent)
        self.placeholder.openSample.connect(self.open_sample)
        self.placeholder.newProject.connect(self.new_project)
        self.placeholder.openOther.connect(self.open_dialog)
        self.placeholder.openRecent.connect(self.open_path)
        self.stack.addWidget(self.placeholder)
        self._checks = None
        self.setWindowTitle("annotator")
        self._build_actions()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.backups.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.resize(1280, 800)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        self.set_project(project)

    # ----- actions and menus --------------------------------------------------------------
    def _act(self, text: str, slot=None, keys=(), checkable=False, menu=None, shown_keys: str = "") -> QAction:
        """An action; `shown_keys` labels keys handled by the text and span list themselves."""
        action = QAction(text + (f"\t{shown_keys}" if shown_keys else ""), self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _c(self):
        return self.ws.controller if self.ws else None

    def _build_actions(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu(self.tr("&File"))
        self._act(self.tr("New project…"), self.new_project, ["Ctrl+N"], menu=f)
        self._act(self.tr("Open…"), self.open_dialog, ["Ctrl+O"], menu=f)
        self.recent_menu = f.addMenu(self.tr("Open recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._act(self.tr("Open the sample project"), self.open_sample, menu=f)
        f.addSeparator()
        from annotator.gui.import_actions import ImportActions

        self.importer = ImportActions(self)
        self.a_import = self._act(self.tr("Import documents…"), self.import_dialog, ["Ctrl+I"], menu=f)
        self.a_import_folder = self._act(self.tr("Import a folder…"), self.importer.import_folder, menu=f)
        self.review = ReviewActions(self)
        f.addAction(self.review.a_merge)
        self.a_export = self._act(self.tr("Export…"), self.export_dialog, ["Ctrl+E"], menu=f)
        f.addSeparator()
        self.backups = BackupActions(self, f)
        f.addSeparator()
        self.a_close = self._act(self.tr("Close project"), lambda: self.set_project(None), ["Ctrl+W"], menu=f)
        self._act(self.tr("Settings…"), self.settings_dialog, ["Ctrl+,"], menu=f)
        self._act(self.tr("Quit"), self.close, ["Ctrl+Q"], menu=f)
        e = mb.addMenu(self.tr("&Edit"))
        self.a_undo = self._act(self.tr("Undo"), lambda: self._c() and self._c().step(backward=True), ["Ctrl+Z"], menu=e)
        self.a_redo = self._act(self.tr("Redo"), lambda: self._c() and self._c().step(backward=False), ["Ctrl+Shift+Z", "Ctrl+Y"], menu=e)
        e.addSeparator()
        self.a_find = self._act(self.tr("Find…"), lambda: self._find("open"), ["Ctrl+F"], menu=e)
        self._act(self.tr("Find next"), lambda: self._find("find_next"), ["F3"], menu=e)
        self._act(self.tr("Find previous"), lambda: self._find("find_previous"), ["Shift+F3"], menu=e)
        e.addSeparator()
        self.base_edit_actions = [
            self._act(self.tr("Delete span"), lambda: self._c() and self._c().delete_current(), menu=e, shown_keys="Del"),
            self._act(self.tr("Accept suggestion"), lambda: self._c() and self._c().accept_current(), menu=e, shown_keys="Enter, A"),
            self._act(self.tr("Reject suggestion"), lambda: self._c() and self._c().reject_current(), menu=e, shown_keys="R, Shift+Del"),
        ]
        self._act(self.tr("Next suggestion"), lambda: self._c() and self._c().goto_suggestion(1), menu=e, shown_keys="N")
        self._act(self.tr("Previous suggestion"), lambda: self._c() and self._c().goto_suggestion(-1), menu=e, shown_keys="P")
        self.annotate_menu = mb.addMenu(self.tr("&Annotate"))
        d = mb.addMenu(self.tr("&Document"))
        self._act(self.tr("Next document"), lambda: self.ws and self.ws.doc_panel.step(1), ["Ctrl+PgDown", "Alt+Down"], menu=d)
        self._act(self.tr("Previous document"), lambda: self.ws and self.ws.doc_panel.step(-1), ["Ctrl+PgUp", "Alt+Up"], menu=d)
        d.addSeparator()
        self.a_done_next = self._act(self.tr("Mark done and go to next"), lambda: self._c() and self._c().mark_done_and_next(),
                                     ["Ctrl+Return", "Ctrl+Enter"], menu=d)
        self.status_actions = [self.a_done_next] + [
            self._act(text, lambda _=False, s=state: self._c() and self._c().set_doc_status(s), menu=d)
            for state, text in (("in_progress", self.tr("Mark in progress")), ("todo", self.tr("Mark to do")),
                                ("done", self.tr("Mark done")))]
        d.addSeparator()
        self._act(self.tr("Filter documents"), lambda: self.ws and self.ws.doc_panel.filter_edit.setFocus(), ["Ctrl+L"], menu=d)
        v = mb.addMenu(self.tr("&View"))
        self._act(self.tr("Zoom in"), lambda: self.ws and self.ws.view.zoom_in(), ["Ctrl+=", "Ctrl++"], menu=v)
        self._act(self.tr("Zoom out"), lambda: self.ws and self.ws.view.zoom_out(), ["Ctrl+-"], menu=v)
        self._act(self.tr("Reset text size"), self._reset_zoom, ["Ctrl+0"], menu=v)
        self.a_invisibles = self._act(self.tr("Show invisible characters"), self._toggle_invisibles, ["Ctrl+Shift+I"],
                                      checkable=True, menu=v)
        self.a_invisibles.setChecked(self.settings.show_invisibles)
        v.addSeparator()
        self._act(self.tr("Next pane"), lambda: self._cycle_pane(1), ["F6"], menu=v)
        self._act(self.tr("Previous pane"), lambda: self._cycle_pane(-1), ["Shift+F6"], menu=v)
        self.edit_actions = list(self.base_edit_actions)
        self.tools_menu = t = mb.addMenu(self.tr("&Tools"))
        self.suggest = SuggestActions(self, t)
        self.recommender = RecommenderActions(self, t.addMenu(self.tr("Recommender")))
        self.accept_all_menu = t.addMenu(self.tr("Accept all suggestions of label"))
        t.addSeparator()
        t.addActions([self.review.a_review, self.review.a_agreement])
        t.addSeparator()
        self.team = TeamActions(self)
        t.addActions([self.team.a_assign, self.team.a_collect, self.team.a_progress])
        f.insertActions(self.a_close, [self.team.a_pull, self.team.a_push])
        f.insertSeparator(self.a_close)
        d.insertAction(self.a_done_next, self.team.a_next)
        h = mb.addMenu(self.tr("&Help"))
        self._act(self.tr("Keyboard shortcuts"), self.show_shortcuts, ["F1"], menu=h)
        self._act(self.tr("About annotator"), self.about, menu=h)
        self.a_precision = QAction(self.tr("Character precision"), self, checkable=True)
        self.a_precision.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.a_precision.setToolTip(self.tr("Snap to exact characters instead of whole words (Ctrl+Shift+P)"))
        self.a_precision.toggled.connect(lambda on: self._c() and setattr(self._c(), "char_precision", on))
        self.addAction(self.a_precision)
        tb = QToolBar(self.tr("Annotation"))
        tb.setObjectName("annotation-toolbar")
        tb.addAction(self.a_precision)
        tb.addAction(self.a_invisibles)
        tb.addAction(self.a_done_next)
        self.addToolBar(tb)

    def _fill_annotate_menu(self) -> None:
        m = self.annotate_menu
        for a in self.edit_actions[len(self.base_edit_actions):]:
            self.removeAction(a)
            a.deleteLater()
        self.edit_actions = list(self.base_edit_actions)
        m.clear()
        self.accept_all_menu.clear()
        if self.ws is None:
            return
        c = self.ws.controller
        scheme = self.project.scheme
        for label in scheme.labels:
            keys = label.hotkey.upper() if label.hotkey else ""
            shown = label_text(scheme, label.name).replace("&", "&&")
            a = self._act(self.tr("Label %1").replace("%1", shown), lambda _=False, n=label.name: c.apply_label(n),
                          menu=m, shown_keys=keys)
            self.edit_actions.append(a)
            b = self._act(shown, lambda _=False, n=label.name: c.accept_all(n), menu=self.accept_all_menu)
            self.edit_actions.append(b)
        m.addSeparator()
        for rel in scheme.relations:
            shown = relation_text(scheme, rel.name).replace("&", "&&")
            a = self._act(self.tr("Link %1…").replace("%1", shown), lambda _=False, n=rel.name: c.start_link(n),
                          menu=m, shown_keys=(rel.hotkey or "").upper())
            self.edit_actions.append(a)
        m.addSeparator()
        for edge, right, text, keys in (
            ("start", True, self.tr("Move start →"), "Alt+Shift+→"), ("start", False, self.tr("Move start ←"), "Alt+Shift+←"),
            ("end", True, self.tr("Move end →"), "Ctrl+Alt+→"), ("end", False, self.tr("Move end ←"), "Ctrl+Alt+←"),
        ):
            a = self._act(text, lambda _=False, e=edge, r=right: c.move_edge(e, r), menu=m, shown_keys=keys)
            self.edit_actions.append(a)
        m.addSeparator()
        m.addAction(self.a_precision)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.st_path = plain_label(wrap=False)
        self.st_readonly = plain_label(wrap=False)
        self.st_readonly.setStyleSheet("color: #b00020; font-weight: bold;")
        self.st_saved = plain_label(wrap=False)
        self.st_annotator = plain_label(wrap=False)
        self.st_bidi = plain_label(self.tr("Bidi controls in this document"), wrap=False)
        self.st_bidi.setStyleSheet("color: #8a6d00;")
        self.st_bidi.setToolTip(plain_tip(bidi_warning()))
        for w in (self.st_bidi, self.st_path, self.st_readonly, self.st_saved, self.st_annotator):
            sb.addPermanentWidget(w)

    def _update_status(self) -> None:
        p = self.project
        self.st_path.setText(str(p.path) if p else "")
        self.st_path.setToolTip(plain_tip(str(p.path)) if p else "")
        self.st_readonly.setText(self.tr("Read-only: %1").replace("%1", p.readonly_reason) if p and p.readonly else "")
        self.st_readonly.setVisible(bool(p and p.readonly))
        self.st_annotator.setText(self.tr("Annotator: %1").replace("%1", self.settings.annotator))
        self.st_bidi.setVisible(bool(self.ws and self.ws.view.has_bidi_controls()))
        if p is None:
            self.st_saved.setText("")
        elif p.readonly:
            self.st_saved.setText(self.tr("No changes possible"))
        elif p.edits:
            self.st_saved.setText(self.tr("All changes saved (%1)").replace("%1", QTime.currentTime().toString("HH:mm:ss")))
        else:
            self.st_saved.setText(self.tr("All changes saved"))

    # ----- project -----------------------------------------------------------------------
    def set_project(self, project: Project | None, doc: int | None = None) -> None:
        if self.ws is not None:
            self.stack.removeWidget(self.ws)
            self.ws.deleteLater()
            self.ws = None
        if self.project is not None and self.project is not project:
            self.project.close()
        self.project = project
        if project is not None:
            self.ws = Workspace(project, self.settings.annotator, self.settings, self)
            self.stack.addWidget(self.ws)
            self.stack.setCurrentWidget(self.ws)
            c = self.ws.controller
            c.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            c.char_precision = self.a_precision.isChecked()
            self.ws.undo.indexChanged.connect(lambda _i: self._update_status())
            self.ws.undo.indexChanged.connect(self._label_undo)  # a method: dropped with the window
            self.ws.doc_panel.currentDocChanged.connect(lambda _n: self._doc_opened())
            self.settings.add_recent(project.path)
            self.setWindowTitle(f"{project.path.name} — annotator")
            self._fill_annotate_menu()
            if doc is None or not self.ws.doc_panel.select_num(doc):
                self.ws.doc_panel.select_row(0)
            self.ws.view.setFocus()
        else:
            self.placeholder.set_recent(self.settings.recent)
            self.stack.setCurrentWidget(self.placeholder)
            self.setWindowTitle("annotator")
            self._fill_annotate_menu()
        checking = project is not None and project.checks_pending
        self._apply_editable()
        self.review.project_changed(project)
        self.team.project_changed(project)
        self.backups.project_changed(project)
        self.a_export.setEnabled(project is not None)
        self.a_close.setEnabled(project is not None)
        self._update_status()
        if checking:
            self._start_checks(project)

    def _apply_editable(self) -> None:
        project = self.project
        editable = project is not None and not project.readonly and not project.checks_pending
        for a in (*self.edit_actions, *self.status_actions, *self.suggest.actions, self.a_undo, self.a_redo,
                  self.a_import, self.a_import_folder, self.a_precision):
            a.setEnabled(editable)
        self.a_invisibles.setEnabled(project is not None)  # the toolbar: nothing to act on without a project
        if self.ws is not None:
            self.ws.inspector.set_editable(editable)
            self.ws.palette.set_editable(editable)
        self._label_undo()

    def _label_undo(self, _index: int = 0) -> None:
        """Undo and Redo name what they would do, and are off when there is nothing to do."""
        stack = self.ws.undo if self.ws is not None else None
        editable = self.project is not None and not self.project.readonly and not self.project.checks_pending
        for action, can, text, base in (
                (self.a_undo, stack is not None and stack.canUndo(), stack.undoText() if stack else "", self.tr("Undo")),
                (self.a_redo, stack is not None and stack.canRedo(), stack.redoText() if stack else "", self.tr("Redo"))):
            action.setEnabled(editable and can)
            action.setText(f"{base} {text}" if can and text else base)

    def _start_checks(self, project: Project) -> None:
        """Editing stays off until the deferred whole-file check and backup have passed."""
        from annotator.gui.open_checks import DeferredChecks

        self.statusBar().showMessage(self.tr("Checking the project file… (reading works already)"))
        self._checks = DeferredChecks(project, self)
        self._checks.finished.connect(lambda problem, warnings, p=project: self._checks_done(p, problem, warnings))
        self._checks.start()

    def _checks_done(self, project: Project, problem, warnings: list) -> None:
        if project is not self.project:
            return  # the user moved on; that project is closed
        project.checks_pending = False
        if problem:
            from annotator.core.errors import DamagedProject
            from annotator.gui.backup_actions import offer_restore

            path = project.path
            self.set_project(None)
            try:
                restored = offer_restore(self, path, DamagedProject(problem))
            except AnnotatorError as exc:
                message(self, self.tr("Cannot open"), str(exc))
                return
            if restored is not None:
                self.set_project(restored)
            return
        from annotator.core import backup

        backup.start_session(project)
        project.warnings.extend(warnings)
        self.statusBar().showMessage(self.tr("Project file checked: editing is on"), 5000)
        self._apply_editable()
        self.backups.project_changed(project)  # shows the warnings the checks found

    def detach_project(self) -> Project | None:
        """Hand the open project over (for a rebuilt window) without closing it."""
        project, self.project = self.project, None
        return project

    def current_doc(self) -> int | None:
        return self.ws.controller.doc.num if self.ws and self.ws.controller.doc else None

    def _doc_opened(self) -> None:
        self._update_status()
        if self.ws and self.ws.view.has_bidi_controls():
            self.statusBar().showMessage(bidi_warning(), 10000)

    def open_path(self, path: str | Path) -> bool:
        try:
            project = open_project_interactively(self, path)
        except AnnotatorError as exc:
            message(self, self.tr("Cannot open"), str(exc))
            return False
        if project is None:
            return False
        self.set_project(project)
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Annotator projects (*.annot);;All files (*)"))
        if path:
            self.open_path(path)

    def open_sample(self) -> None:
        from annotator.gui.sample import ensure_sample_project

        self.open_path(ensure_sample_project())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent:
            a = self.recent_menu.addAction(path.replace("&", "&&"))
            a.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not self.settings.recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def new_project(self) -> None:
        from annotator.gui.new_project import create_project_interactively

        project = create_project_interactively(self)
        if project is not None:
            self.set_project(project)

    def import_dialog(self) -> None:
        self.importer.import_files()

    def export_dialog(self) -> None:
        if self.project is None:
            return
        from annotator.gui.export_dialog import ExportDialog

        ExportDialog(self.project, self).exec()

    # ----- view ---------------------------------------------------------------------------
    def _find(self, method: str) -> None:
        if self.ws and self.ws.find_bar is not None:
            getattr(self.ws.find_bar, method)()

    def _reset_zoom(self) -> None:
        if self.ws:
            self.ws.view.set_text_font(self.ws.view.text_font_family(), self.settings.font_size)

    def _toggle_invisibles(self, on: bool) -> None:
        self.settings.show_invisibles = on
        if self.ws:
            self.ws.view.set_show_invisibles(on)

    def _cycle_pane(self, step: int) -> None:
        if not self.ws:
            return
        panes = self.ws.panes
        focus = self.focusWidget()
        i = next((k for k, p in enumerate(panes) if focus is p or (focus and p.isAncestorOf(focus))), -1)
        target = panes[(i + step) % len(panes)]
        if target is self.ws.inspector:
            # The inspector is a form: focus its first control that takes the keyboard.
            w = target.nextInFocusChain()
            while w is not target and not (target.isAncestorOf(w) and w.isVisible() and w.focusPolicy() & Qt.TabFocus):
                w = w.nextInFocusChain()
            target = w
        target.setFocus(Qt.TabFocusReason)

    def show_shortcuts(self) -> None:
        scheme = self.project.scheme if self.project else None
        if scheme is None:
            from annotator.core.scheme import default_scheme

            scheme = default_scheme()
        ShortcutsDialog(scheme, self).exec()

    def about(self) -> None:
        from annotator import __version__

        QMessageBox.about(self, self.tr("About annotator"),
                          self.tr("annotator %1: quotes, sources, cues and dates in Arabic news.").replace("%1", __version__))

    def settings_dialog(self) -> None:
        from annotator.gui.settings import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if not dialog.exec():
            return
        changed = dialog.apply()
        if "language" in changed:
            self.languageChangeRequested.emit()
            return
        if self.ws and {"font_family", "font_size"} & set(changed):
            self.ws.view.set_text_font(self.settings.font_family or self.ws.view.text_font_family(), self.settings.font_size)
        if self.ws and "snap_mode" in changed:
            self.ws.controller.default_mode = self.settings.snap_mode
        if "annotator" in changed and self.project is not None:
            self.set_project(self.project, self.current_doc())
        self._update_status()

    def closeEvent(self, event) -> None:
        self.settings.geometry = self.saveGeometry()
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)
