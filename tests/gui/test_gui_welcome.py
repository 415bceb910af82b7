"""First run and everyday care: the welcome page, a new project with a chosen scheme, and
big projects that open at once and allow edits only after their file check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from annotator.core import backup
from annotator.core.project import Project
from annotator.gui import open_checks
from annotator.gui.main_window import MainWindow
from tests.support.gui import make_project

DOCS = [{"id": "a", "meta": {"title": "أ"}, "text": "قال المتحدث إن الجلسة انتهت مساء الخميس."}]


@pytest.fixture
def window(qtbot, settings):
    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.set_project(None)


def test_welcome_page_opens_the_sample_and_lists_recent_projects(window, settings, tmp_path):
    page = window.placeholder
    assert window.stack.currentWidget() is page
    page.b_sample.click()
    assert window.project is not None and window.project.document_count() >= 12
    sample = str(window.project.path)
    window.set_project(None)
    assert window.stack.currentWidget() is page
    assert page.recent.item(0).data(Qt.UserRole) == sample
    page.openRecent.emit(sample)
    assert str(window.project.path) == sample


def test_new_project_with_a_scheme_file(window, tmp_path, monkeypatch):
    from annotator.gui import new_project

    scheme = tmp_path / "mini.json"
    scheme.write_text(json.dumps({"name": "mini", "labels": [{"name": "PER", "hotkey": "1", "colour": "#AA3311"}]}),
                      encoding="utf-8")

    def fill(dialog):
        dialog.path_edit.setText(str(tmp_path / "fresh"))
        dialog.custom_scheme.setChecked(True)
        dialog.scheme_edit.setText(str(scheme))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(new_project.NewProjectDialog, "exec", fill)
    window.placeholder.b_new.click()
    assert window.project is not None
    assert window.project.path == tmp_path / "fresh.annot"
    assert [l.name for l in window.project.scheme.labels] == ["PER"]


def test_new_project_dialog_reports_a_bad_scheme_and_stays_open(qtbot, tmp_path):
    from annotator.gui.new_project import NewProjectDialog

    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "labels": []}', encoding="utf-8")
    d = NewProjectDialog()
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "p"))
    d.custom_scheme.setChecked(True)
    d.scheme_edit.setText(str(bad))
    d.accept()
    assert d.result() != QDialog.Accepted and d.project is None
    assert "invalid scheme" in d.error.text()
    assert not (tmp_path / "p.annot").exists()


def test_big_project_is_readable_at_once_and_editable_after_its_check(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setattr(open_checks, "DEFER_ABOVE_BYTES", 0)  # treat every file as big
    path = make_project(tmp_path / "big.annot", DOCS)
    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    w.show()
    started = []
    monkeypatch.setattr(open_checks.DeferredChecks, "start", lambda self: started.append(self))
    assert w.open_path(path)
    assert w.project.checks_pending and not w.ws.controller.editable
    assert w.ws.controller.doc.text == DOCS[0]["text"]  # reading works meanwhile
    (checks,) = started
    checks._run()  # the worker's work, here in the test thread
    qtbot.waitUntil(lambda: not w.project.checks_pending, timeout=5000)
    assert w.ws.controller.editable
    assert [b.kind for b in backup.list_backups(path)] == ["auto"]
    assert w.ws.inspector.isEnabled()
    w.set_project(None)


def test_big_damaged_project_is_closed_when_its_check_fails(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setattr(open_checks, "DEFER_ABOVE_BYTES", 0)
    path = make_project(tmp_path / "big.annot", DOCS)
    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    w.show()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.Ok)
    monkeypatch.setattr(open_checks.DeferredChecks, "start", lambda self: None)
    assert w.open_path(path)
    w._checks.finished.emit(f"{path}: the project file is damaged (test)", [])
    qtbot.waitUntil(lambda: w.project is None, timeout=5000)
    assert any("damaged" in t for t in shown)
    assert w.stack.currentWidget() is w.placeholder
