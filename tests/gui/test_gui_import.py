"""File › Import through the window: files and folders, duplicates and ignored files
reported, and Cancel during the run leaving the project as it was."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.gui import import_actions, operation
from annotator.gui.report_dialog import ReportDialog
from tests.support.gui import make_project

DOCS = [{"id": "a", "meta": {"title": "أ"}, "text": "قال المتحدث إن الجلسة انتهت."}]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "i.annot", DOCS)


@pytest.fixture(autouse=True)
def no_date(monkeypatch):
    """The date question before each import, answered with OK and nothing filled in."""
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(import_actions.DctDialog, "exec", lambda dialog: QDialog.Accepted)


@pytest.fixture
def report_texts(monkeypatch):
    shown = []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: shown.append(self.text()) or 0)
    return shown


def test_import_a_folder_reports_duplicates_and_ignored_files(driver_for, path, tmp_path, monkeypatch, report_texts):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("وثيقة جديدة عن الطقس.", encoding="utf-8")
    (folder / "dup.txt").write_text(DOCS[0]["text"], encoding="utf-8")
    (folder / "notes.md").write_text("x", encoding="utf-8")
    d = driver_for(path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    d.window.a_import_folder.trigger()
    assert d.c.project.document_count() == 2
    assert d.ws.doc_panel.model.rowCount() == 2
    (text,) = report_texts
    assert "imported 1 documents" in text and "dup.txt" in text and "notes.md" in text


def test_cancel_during_an_import_changes_nothing(driver_for, path, tmp_path, monkeypatch):
    files = []
    for i in range(5):
        f = tmp_path / f"d{i}.txt"
        f.write_text(f"وثيقة رقم {i} للتجربة.", encoding="utf-8")
        files.append(str(f))
    d = driver_for(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    monkeypatch.setattr(operation.QProgressDialog, "wasCanceled", lambda self: True)
    d.window_key("Ctrl+I")
    assert d.c.project.document_count() == 1
    assert "cancelled" in d.window.statusBar().currentMessage()
