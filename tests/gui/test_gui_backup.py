"""Nothing lost, through the window: restore a backup, the periodic backup timer, warnings
shown once, a damaged project offered its backup, and a failed save kept for Retry."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QMessageBox  # noqa: E402

from annotator.core import backup  # noqa: E402
from annotator.core.errors import WriteFailed  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.gui.backup_actions import RestoreDialog  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

DOCS = [
    {"id": "a", "meta": {"title": "أ"}, "text": "قال المتحدث إن الجلسة انتهت مساء الخميس."},
    {"id": "b", "meta": {"title": "ب"}, "text": "نص ثان عن الطقس في المدينة."},
    {"id": "c", "meta": {"title": "ج"}, "text": "نص ثالث قصير للحشو."},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "k.annot", DOCS)


def _answers(monkeypatch, *buttons):
    """QMessageBox.exec answers in turn (the last one repeats); returns the texts shown."""
    seen, queue = [], list(buttons)

    def exec_(box):
        seen.append(box.text())
        return queue.pop(0) if len(queue) > 1 else queue[0]
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def _my_spans(path):
    with Project.open(path, readonly=True) as p:
        return [(s.label, p.document(s.doc).text[s.start:s.end]) for s in p.spans(1, ANNOTATOR)]


def test_restore_a_backup_from_the_file_menu(driver_for, path, monkeypatch):
    d = driver_for(path)  # opening made a backup of the file as it was
    assert [b.kind for b in backup.list_backups(path)] == ["auto"]
    d.select("المتحدث")
    d.key(Qt.Key_2)
    assert _my_spans(path) == [("SOURCE", "المتحدث")]
    shown = {}

    def choose(dialog):
        shown["rows"] = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(0)
        return QDialog.Accepted
    monkeypatch.setattr(RestoreDialog, "exec", choose)
    seen = _answers(monkeypatch, QMessageBox.Yes, QMessageBox.Ok)
    report = d.window.backups.restore_dialog()
    assert shown["rows"][0][2] == "automatic" and shown["rows"][0][1]  # time, size, kind
    assert "Replace the project" in seen[0] and "Restored the backup" in seen[1]
    # The window reopened the restored file; the edit made after the backup is gone, and the
    # replaced file was kept as a backup of its own.
    assert d.window.project is not None and d.window.project.path == Path(path)
    assert _my_spans(path) == [] and not d.c.spans
    assert report.kept is not None and "before-restore" in report.kept.name
    with Project.open(report.kept, readonly=True) as kept:
        assert [s.label for s in kept.spans(1, ANNOTATOR)] == ["SOURCE"]


def test_restore_dialog_lists_backups_and_refuses_damaged_ones(qtbot, path):
    Project.open(path).close()
    dead = backup.backup_dir(path) / "k-20200101-000000-000Z.damaged.annot"
    dead.write_bytes(b"not a database")
    dialog = RestoreDialog(Path(path))
    qtbot.addWidget(dialog)
    kinds = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert kinds == ["automatic", "damaged file, moved aside"]
    assert dialog.chosen() is not None and dialog.restore_button.isEnabled()
    dialog.table.clearSelection()
    dialog.table.selectRow(1)
    assert dialog.chosen() is None and not dialog.restore_button.isEnabled()


def test_periodic_backup_while_the_project_is_open(driver_for, path, monkeypatch):
    d = driver_for(path)
    timer = d.window.backups.timer
    assert timer.isActive() and timer.interval() == 60_000
    monkeypatch.setattr(backup, "PERIOD_MINUTES", 0)
    before = len(backup.list_backups(path))
    timer.timeout.emit()  # no edit since opening: no backup
    assert len(backup.list_backups(path)) == before
    d.select("الجلسة")
    d.key(Qt.Key_1)
    timer.timeout.emit()
    after = backup.list_backups(path)
    assert len(after) == before + 1
    with Project.open(after[0].path, readonly=True) as b:
        assert [s.label for s in b.spans(1, ANNOTATOR)] == ["QUOTE"]
    assert "Backup made" in d.window.statusBar().currentMessage()
    d.window.set_project(None)
    assert not timer.isActive()


def test_warnings_are_shown_once(driver_for, tmp_path):
    (tmp_path / "Dropbox").mkdir()
    path = make_project(tmp_path / "Dropbox" / "w.annot", DOCS)
    d = driver_for(path)
    banner = d.window.backups.banner
    assert banner.isVisible() and "cloud-synced folder" in banner.label.text()
    assert banner.label.textFormat() == Qt.PlainText
    banner.hide()
    d.window.set_project(d.window.project)  # the same open project again (e.g. after a merge)
    assert not banner.isVisible()


def _damage(path):
    with open(path, "r+b") as fh:
        fh.write(b"garbage garbage!")


def test_damaged_project_offers_the_latest_backup(driver_for, path, monkeypatch):
    d = driver_for(path)
    d.window.set_project(None)
    _damage(path)
    buttons = []
    seen = _answers(monkeypatch, QMessageBox.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (seen.append(box.text()), buttons.append(
        box.button(QMessageBox.Yes).text()))[0] or QMessageBox.Cancel)
    assert not d.window.open_path(path)
    assert "damaged" in seen[0] and "Restoring it" in seen[0] and buttons == ["Restore the latest backup"]
    assert Path(path).read_bytes()[:16] == b"garbage garbage!"  # declined: left as it was, not opened
    seen = _answers(monkeypatch, QMessageBox.Yes)
    assert d.window.open_path(path)
    assert d.window.project is not None and d.window.ws.doc_panel.model.rowCount() == 3
    assert "Restored the backup" in d.window.backups.banner.label.text()
    assert [b.kind for b in backup.list_backups(path) if b.kind == "damaged"] == ["damaged"]


def test_damaged_project_without_backup_cannot_open(driver_for, path, tmp_path, monkeypatch):
    d = driver_for(path)
    d.window.set_project(None)
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "elsewhere"))  # no backup there
    _damage(path)
    seen = _answers(monkeypatch, QMessageBox.Ok)
    assert not d.window.open_path(path)
    assert d.window.project is None and seen and "annotator project" in seen[0]


def _fill_disk(project):
    """Lower the page limit to the file's size and fill the last free room of the span table."""
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")
    for _ in range(2000):
        try:
            project.add_span(3, 0, 2, "CUE", "filler")
        except WriteFailed:
            return
    raise AssertionError("the disk never filled")


def test_a_failed_save_is_kept_and_retried(driver_for, path, monkeypatch):
    d = driver_for(path)
    project = d.c.project
    _fill_disk(project)
    seen = []

    def exec_(box):
        seen.append(box.text())
        if len(seen) == 2:  # the user freed some space before the second Retry
            project.conn.execute("PRAGMA max_page_count = 1073741823")
        return QMessageBox.Retry
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    d.select("المتحدث")
    d.key(Qt.Key_2)
    assert len(seen) == 2
    assert seen[0].startswith("Could not save your change. Nothing was changed.") and "disk is full" in seen[0]
    assert "Retry" in seen[0]
    assert d.ws.undo.count() == 1  # pushed once, when it was saved
    assert _my_spans(path) == [("SOURCE", "المتحدث")]
    d.window_key("Ctrl+Z")
    assert _my_spans(path) == []


def test_a_failed_save_cancelled_changes_nothing(driver_for, path, monkeypatch):
    d = driver_for(path)
    _fill_disk(d.c.project)
    seen = _answers(monkeypatch, QMessageBox.Cancel)
    d.select("المتحدث")
    d.key(Qt.Key_2)
    assert len(seen) == 1 and d.ws.undo.count() == 0 and not d.c.spans
    assert "Not saved" in d.window.statusBar().currentMessage()
    d.c.project.conn.execute("PRAGMA max_page_count = 1073741823")
    assert _my_spans(path) == []


def test_a_failed_undo_or_redo_leaves_the_stack_where_the_file_is(driver_for, path, monkeypatch):
    d = driver_for(path)
    conn = d.c.project.conn
    d.select("المتحدث")
    d.key(Qt.Key_2)
    assert _my_spans(path) == [("SOURCE", "المتحدث")] and d.ws.undo.index() == 1
    seen = _answers(monkeypatch, QMessageBox.Cancel)
    conn.execute("PRAGMA query_only = 1")  # every write now fails as on a read-only disk
    d.window_key("Ctrl+Z")
    assert "could not save" in seen[-1].lower()
    assert d.ws.undo.index() == 1 and _my_spans(path) == [("SOURCE", "المتحدث")]
    conn.execute("PRAGMA query_only = 0")
    d.window_key("Ctrl+Z")
    assert d.ws.undo.index() == 0 and _my_spans(path) == []
    conn.execute("PRAGMA query_only = 1")
    d.window_key("Ctrl+Shift+Z")
    assert d.ws.undo.index() == 0 and _my_spans(path) == []
    conn.execute("PRAGMA query_only = 0")
    d.window_key("Ctrl+Shift+Z")
    assert d.ws.undo.index() == 1 and _my_spans(path) == [("SOURCE", "المتحدث")]
    assert {s.label for s in d.view.spans() if s.annotator == ANNOTATOR} == {"SOURCE"}
