"""The Arabic interface has no English left: every visible text of the main window (with the
sample project open) and of the review window, with the Arabic translation loaded, has no Latin
letters outside user data (ids, titles, paths, names, values), key names and TIMEX values."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from tests.support.ui_walk import english_left, english_left_in_text, project_user_data, report, visible_texts  # noqa: E402


def _settle():
    for _ in range(3):
        QApplication.processEvents()


def test_the_walk_finds_english(qtbot, settings):
    """The walk itself: in the English interface it reports the menus, headers and buttons."""
    from annotator.gui.main_window import MainWindow

    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    left = english_left(w, set())
    assert ("menu", "File") in left
    assert any(where == "QPushButton" and text == "New project…" for where, text in left)
    # What it lets through: user data, keys, TIMEX values; not an English word that names a key.
    assert english_left_in_text("Delete", set()) and english_left_in_text("Del", set())
    assert not english_left_in_text("Del", set(), key_cell=True)
    assert not english_left_in_text("حذف (Del، Ctrl+Shift+P، [S])", set())
    assert not english_left_in_text("القيمة P15D أو 2021-W49", set())
    assert english_left_in_text("القيمة value", set()) and not english_left_in_text("المعرّف a-1", {"a-1"})
    w.close()


def test_no_english_in_the_arabic_main_window(arabic, qtbot, settings):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sample import ensure_sample_project

    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    left = english_left(w, {settings.annotator, *map(str, settings.recent)})  # the welcome page
    assert not left, report(left)
    w.set_project(Project.open(ensure_sample_project()))
    c = w.ws.controller
    data = project_user_data(w.project, {settings.annotator})
    seen = set()
    for label in ("QUOTE", "SOURCE", "DATE", "CUE"):
        span = next(s for s in sorted(c.spans.values(), key=lambda s: s.start) if s.label == label)
        c.select_span(span.id)
        _settle()
        left = english_left(w, data)
        assert not left, f"{label} span selected: " + report(left)
        seen |= {t for _, t in visible_texts(w)}
    assert "اقتباس" in " ".join(seen) and "النوع" in " ".join(seen)  # the walk saw the scheme's names
    w.close()


def _review_left(qtbot, project, data: set[str]):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(project, "hind")
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    _settle()
    left = []
    for tab in range(w.tabs.count()):
        w.tabs.setCurrentIndex(tab)
        _settle()
        left += english_left(w, data)
    w.close()
    return sorted(set(left))


def test_no_english_in_the_arabic_review_window(arabic, qtbot, review_project):
    """Scheme names, values and the figures' names included: the window names them in Arabic."""
    left = _review_left(qtbot, review_project, project_user_data(review_project, {"hind"}))
    assert not left, report(left)


def test_the_arabic_review_window_shows_arabic_names_and_stores_the_scheme_s(arabic, qtbot, review_project):
    """Only what is shown is translated: a gold span drawn from the Arabic menu is stored as QUOTE."""
    from annotator.core.model import GOLD
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(review_project, "hind")
    qtbot.addWidget(w)
    w.select_doc_row(review_project.document("busy").num)
    quote = next(a for a in w.label_actions if "اقتباس" in a.text())
    assert "QUOTE" not in quote.text()
    w.view.select_cp(0, 4)
    quote.trigger()
    stored = [s for s in review_project.spans(w.doc, GOLD) if (s.start, s.end) == (0, 4)]
    assert [s.label for s in stored] == ["QUOTE"]
    assert "اقتباس" in w.undo_stack.undoText()
    w._span_activated(stored[0].id)  # as clicking it in the text: its cluster in the table
    shown = {w.cluster_table.item(r, 1).text() for r in range(w.cluster_table.rowCount())}
    assert "اقتباس" in shown and "QUOTE" not in shown
    w.close()


def test_no_english_in_the_arabic_file_dialog(arabic, qtbot, tmp_path):
    """Qt's own dialog: qtbase_ar.qm lacks some of its Qt 6 strings; annotator_ar.ts adds them."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "folder").mkdir()
    (tmp_path / "work.annot").write_bytes(b"")
    dialog = QFileDialog(None, QCoreApplication.translate("MainWindow", "Open project"), str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.Detail)
    dialog.setNameFilter(QCoreApplication.translate("MainWindow", "Annotator projects (*.annot);;All files (*)"))
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle()
    from pathlib import Path

    folders = [tmp_path, *tmp_path.parents, Path.home()]  # the sidebar shows the home folder
    paths = {"folder", "work.annot", "annot", "*.annot", *map(str, folders), *(p.name for p in folders)}
    left = english_left(dialog, paths)
    assert not left, report(left)
    dialog.close()


def test_no_english_after_edits_in_the_arabic_main_window(arabic, qtbot, settings):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sample import ensure_sample_project

    w = MainWindow(settings, Project.open(ensure_sample_project()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    c = w.ws.controller
    data = project_user_data(w.project, {settings.annotator})
    date = next(s for s in sorted(c.spans.values(), key=lambda s: s.start) if s.label == "DATE")
    c.select_span(date.id)
    assert c.apply_label("CUE")  # a relabel: the Edit menu's Undo names it
    _settle()
    left = english_left(w, data)
    c.accept_all("DATE")  # none suggested: the status bar says so
    left += english_left(w, data)
    c.start_link("source")  # a CUE takes no source link: the status bar says so
    left += english_left(w, data)
    quote = next(s for s in c.spans.values() if s.label == "QUOTE")
    tip = w.ws.view.tooltip_for([quote])  # what hovering the span shows
    if english_left_in_text(tip, data):
        left.append(("span tooltip", tip))
    w.close()
    assert not left, report(sorted(set(left)))


def test_no_english_in_the_arabic_dialogs_of_the_window(arabic, qtbot, settings):
    """File › Restore a backup, File › New project and Help › Keyboard shortcuts."""
    from annotator.core import backup
    from annotator.gui.backup_actions import RestoreDialog
    from annotator.gui.new_project import NewProjectDialog
    from annotator.gui.sample import ensure_sample_project
    from annotator.gui.shortcuts_help import ShortcutsDialog

    path = ensure_sample_project()
    project = Project.open(path)
    try:
        backup.make_backup(path)
        data = project_user_data(project, {str(backup.backup_dir(path)), *(str(b.path) for b in backup.list_backups(path))})
        for dialog in (RestoreDialog(path), NewProjectDialog(), ShortcutsDialog(project.scheme)):
            qtbot.addWidget(dialog)
            dialog.show()
            _settle()
            left = english_left(dialog, data)
            assert not left, f"{type(dialog).__name__}: " + report(left)
            dialog.close()
    finally:
        project.close()
