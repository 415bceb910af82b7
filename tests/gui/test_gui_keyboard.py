"""Without a mouse: panes, selection by keys, hotkeys, shortcuts; language switch; first run."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

DOCS = [
    {"id": "one", "meta": {"title": "الأول"}, "text": "أكد الوزير أن الاجتماع انتهى."},
    {"id": "two", "meta": {"title": "الثاني"}, "text": "وقال المتحدث إن الحوار مستمر."},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "k.annot", DOCS)


def _activate(d, qtbot):
    d.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d.window, timeout=2000)


def test_keyboard_only_session(driver_for, path, qtbot):
    d = driver_for(path)
    _activate(d, qtbot)
    view = d.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    # Select "أكد" from the start of the text with Shift+→ ... in logical order.
    cur = view.textCursor()
    cur.setPosition(0)
    view.setTextCursor(cur)
    for _ in range(3):
        QTest.keyClick(view, Qt.Key_Left, Qt.ShiftModifier)  # RTL paragraph: ← moves forward
    assert view.selection_cp() == (0, 3)
    QTest.keyClick(view, Qt.Key_3)
    QTest.keyClick(view, Qt.Key_Escape)
    assert d.c.current is None
    # Shortcuts through the real shortcut map: next document, back, mark done and next.
    QTest.keyClick(view, Qt.Key_PageDown, Qt.ControlModifier)
    assert d.c.doc.id == "two"
    QTest.keyClick(view, Qt.Key_PageUp, Qt.ControlModifier)
    assert d.c.doc.id == "one"
    QTest.keyClick(view, Qt.Key_Return, Qt.ControlModifier)
    assert d.c.doc.id == "two"
    QTest.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # undo the status
    p = d.reopen()
    one = p.document("one")
    assert [(one.text[s.start:s.end], s.label) for s in p.spans(one.num)] == [("أكد", "CUE")]
    assert p.doc_status(one.num, ANNOTATOR) == "in_progress"  # as the first edit left it, before "done"


def test_f6_cycles_the_panes_and_tab_leaves_the_text(driver_for, path, qtbot):
    d = driver_for(path)
    _activate(d, qtbot)
    ws = d.ws
    d.view.setFocus()
    qtbot.waitUntil(d.view.hasFocus, timeout=2000)
    QTest.keyClick(d.view, Qt.Key_F6)
    assert ws.span_view.hasFocus()
    QTest.keyClick(ws.span_view, Qt.Key_F6)
    assert ws.inspector.isAncestorOf(QApplication.focusWidget())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_F6)
    assert ws.doc_panel.table.hasFocus()
    QTest.keyClick(ws.doc_panel.table, Qt.Key_Down)  # arrows in the list open documents
    assert d.c.doc.id == "two"
    QTest.keyClick(ws.doc_panel.table, Qt.Key_F6, Qt.ShiftModifier)
    assert ws.inspector.isAncestorOf(QApplication.focusWidget())
    d.view.setFocus()
    QTest.keyClick(d.view, Qt.Key_Tab)
    assert not d.view.hasFocus()


def test_span_list_keys_select_and_delete(driver_for, path, qtbot):
    d = driver_for(path)
    d.select("الوزير")
    d.key(Qt.Key_2)
    d.select("الاجتماع انتهى")
    d.key(Qt.Key_1)
    sv = d.ws.span_view
    sv.setFocus()
    sv.setCurrentIndex(sv.model().index(0, 1))
    assert d.c.current_span().label == "SOURCE"
    QTest.keyClick(sv, Qt.Key_Down)
    assert d.c.current_span().label == "QUOTE"
    QTest.keyClick(sv, Qt.Key_S)  # link from the list too
    QTest.keyClick(sv, Qt.Key_Return)
    assert [r.label for r in d.c.project.relations_of(d.c.current)] == ["source"]


def test_language_switch_rebuilds_the_window_on_the_same_project(qtbot, settings, path):
    from annotator.gui.app import WindowHost
    from annotator.gui.i18n import Translations

    host = WindowHost(QApplication.instance(), settings, Translations())
    assert host.start(path)
    old = host.window
    project = old.project
    old.ws.doc_panel.select_num(project.document("two").num)
    settings.language = "ar"
    try:
        old.languageChangeRequested.emit()
        new = host.window
        qtbot.addWidget(new)
        assert new is not old and new.project is project and project.conn is not None
        assert new.ws.controller.doc.id == "two"
        assert QApplication.layoutDirection() == Qt.RightToLeft
        assert new.menuBar().actions()[0].text() == "&ملف"
    finally:
        settings.language = "en"
        host.translations.install(QApplication.instance(), "en")
        host.window.close()


def test_first_run_asks_the_name_once(monkeypatch, settings):
    from PySide6.QtWidgets import QInputDialog

    from annotator.gui.settings import ask_annotator_name

    answers = iter([("   ", True), ("سلمى", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    assert ask_annotator_name(None) == "سلمى"  # a blank name is asked again
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert ask_annotator_name(None) is None


def test_edits_record_the_annotator_from_settings(driver_for, path, settings):
    settings.annotator = "نور"
    d = driver_for(path)
    assert d.window.st_annotator.text().endswith("نور")
    d.select("الوزير")
    d.key(Qt.Key_2)
    d.window_key("Ctrl+Return")
    p = d.reopen()
    one = p.document("one")
    assert [s.annotator for s in p.spans(one.num)] == ["نور"]
    assert p.doc_status(one.num, "نور") == "done"
