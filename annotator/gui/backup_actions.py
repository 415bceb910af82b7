"""Nothing lost, from the window: File › Restore a backup, the periodic backup timer, the
one-time warnings of an opened project (network or cloud folder, failed backup), and the
offer to restore the latest backup when a project file turns out damaged."""

from __future__ import annotations

import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QHeaderView,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from annotator.core import backup
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.gui.plain import message, plain_label, plain_tip

TICK_MS = 60_000
_warned: "weakref.WeakSet" = weakref.WeakSet()  # projects whose warnings were shown


def kind_text(kind: str) -> str:
    return {"auto": QCoreApplication.translate("Backups", "automatic"),
            "before-restore": QCoreApplication.translate("Backups", "kept before a restore"),
            "damaged": QCoreApplication.translate("Backups", "damaged file, moved aside")}.get(kind, kind)


def local_time(info: backup.BackupInfo) -> str:
    when = QDateTime.fromSecsSinceEpoch(int(info.time.timestamp()))  # in the user's time zone
    return QLocale().toString(when, "yyyy-MM-dd HH:mm:ss")


# ----- damaged on open --------------------------------------------------------------------------
def offer_restore(parent, path: str | Path, exc: AnnotatorError) -> Project | None:
    """A damaged project: offer its latest backup, never open the damaged file. Re-raises `exc`
    when there is no backup; None when the user declines."""
    found = backup.restorable(path)
    if not found:
        raise exc
    box = QMessageBox(QMessageBox.Critical, QCoreApplication.translate("Backups", "Damaged project"),
                      str(exc) + "\n\n" + QCoreApplication.translate(
                          "Backups", "The latest backup is from %1. Restoring it moves the damaged file aside "
                          "(nothing is deleted) and opens the backup.").replace("%1", local_time(found[0])),
                      QMessageBox.Yes | QMessageBox.Cancel, parent)
    box.setTextFormat(Qt.PlainText)
    box.button(QMessageBox.Yes).setText(QCoreApplication.translate("Backups", "Restore the latest backup"))
    box.setDefaultButton(QMessageBox.Yes)
    if box.exec() != QMessageBox.Yes:
        return None
    report = backup.restore_backup(path)
    project = Project.open(path)
    project.warnings.insert(0, restored_text(report))
    return project


def restored_text(report: backup.RestoreReport) -> str:
    text = QCoreApplication.translate("Backups", "Restored the backup from %1.").replace(
        "%1", local_time(report.restored_from))
    if report.kept:
        text += " " + QCoreApplication.translate("Backups", "The replaced file was kept as %1.").replace("%1", str(report.kept))
    return text


# ----- the restore dialog ------------------------------------------------------------------------
class RestoreDialog(QDialog):
    """The backups of one project, newest first; Restore replaces the project with the chosen one."""

    def __init__(self, project_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup — %1").replace("%1", project_path.name))
        self.backups = backup.list_backups(project_path)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Size"), self.tr("Kind")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        loc = QLocale()
        for r, b in enumerate(self.backups):
            # formattedDataSize's units come from CLDR, which has no Arabic ones ("KiB").
            size = self.tr("%1 MB").replace("%1", loc.toString(b.size / 1_000_000, "f", 1 if b.size < 10**8 else 0))
            for col, text in enumerate((local_time(b), size, kind_text(b.kind))):
                item = QTableWidgetItem(text)
                flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                item.setFlags(flags if b.kind != "damaged" else Qt.NoItemFlags)  # a damaged file cannot be restored
                item.setToolTip(plain_tip(str(b.path)))  # a folder may be named <img src=…>
                self.table.setItem(r, col, item)
        where = plain_label(self.tr("Backups are kept in %1. Restoring keeps the current file as a backup first: "
                                    "nothing is deleted.").replace("%1", str(backup.backup_dir(project_path))))
        self.empty = plain_label(self.tr("This project has no backups yet. One is made when it opens after a "
                                         "change, and every %1 minutes while you work.").replace(
                                             "%1", str(backup.PERIOD_MINUTES)))
        self.empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.table.itemDoubleClicked.connect(lambda _i: self.chosen() is not None and self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)
        first = next((r for r, b in enumerate(self.backups) if b.kind != "damaged"), None)
        if first is not None:
            self.table.selectRow(first)

    def chosen(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        b = self.backups[rows[0].row()]
        return b if b.kind != "damaged" else None


class WarningBanner(QFrame):
    """Warnings about the open project (shown once per project), above the panes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("WarningBanner { background: #fff3cd; } QLabel { color: #664d03; }")
        self.label = plain_label()
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignTop)
        self.hide()

    def show_lines(self, lines: list[str]) -> None:
        self.label.setText("\n".join(lines))
        self.setVisible(bool(lines))


# ----- the window's part ----------------------------------------------------------------------------
class BackupActions(QObject):
    def __init__(self, window, file_menu):
        super().__init__(window)
        self.window = window
        self.a_restore = window._act(self.tr("Restore a backup…"), self.restore_dialog, menu=file_menu)
        self.banner = WarningBanner()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.failed_once = False

    def project_changed(self, project) -> None:
        # A project on a server has no file to back up: the server's own backups apply.
        self.a_restore.setEnabled(project is not None and not project.is_server)
        if project is None:
            self.timer.stop()
            self.banner.hide()
            return
        if not project.readonly and not project.is_server:
            self.timer.start()
        else:
            self.timer.stop()
        if project.checks_pending:
            return  # the deferred checks add their warnings; show them all together after
        if project not in _warned:
            _warned.add(project)
            self.banner.show_lines(list(project.warnings))

    def tick(self):
        """The timer: a backup when there were edits and the period has passed since the last."""
        project = self.window.project
        if project is None or project.readonly or project.closed:
            return None
        try:
            made = backup.maybe_periodic_backup(project, minutes=backup.PERIOD_MINUTES)
        except backup.BackupsKept as exc:  # made; older backups with more work were kept
            if not self.failed_once:
                self.failed_once = True
                self.banner.show_lines([str(exc)])
            return exc.dest
        except AnnotatorError as exc:
            if not self.failed_once:  # say it once, not every minute
                self.failed_once = True
                self.banner.show_lines([self.tr("Could not make a backup: %1").replace("%1", str(exc))])
            return None
        if made is not None:
            self.failed_once = False
            self.window.statusBar().showMessage(self.tr("Backup made: %1").replace("%1", made.name), 5000)
        return made

    def restore_dialog(self):
        w = self.window
        if w.project is None:
            return None
        dialog = RestoreDialog(w.project.path, w)
        if dialog.exec() != QDialog.Accepted or dialog.chosen() is None:
            return None
        return self.restore(dialog.chosen())

    def restore(self, chosen: backup.BackupInfo):
        w = self.window
        path, doc = w.project.path, w.current_doc()
        answer = message(w, self.tr("Restore a backup"),
                         self.tr("Replace the project with the backup from %1? The current file is kept as a backup "
                                 "first, so this can be reversed the same way.").replace("%1", local_time(chosen)),
                         QMessageBox.Question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return None
        w.set_project(None)  # closes it: the restore needs the writer lock
        try:
            report = backup.restore_backup(path, chosen.path)
        except AnnotatorError as exc:
            message(w, self.tr("Restore failed: nothing was changed"), str(exc))
            w.open_path(path)
            return None
        if w.open_path(path) and w.project is not None and doc is not None and w.ws is not None:
            w.ws.doc_panel.select_num(doc)
        text = restored_text(report)
        w.statusBar().showMessage(text, 10000)
        message(w, self.tr("Restore a backup"), text, QMessageBox.Information)
        return report
