"""Review mode keeps a decision whose save failed: Retry (after the user fixed the disk) saves it
once, and undo and redo go through the same guard, so the undo stack never moves past what is in
the file. The same guard as the annotation window's (annotator.gui.undo)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.model import GOLD  # noqa: E402
from annotator.core.project import Project  # noqa: E402

TEXT = "قال المتحدث باسم البلدية إن أعمال الصيانة ستنتهي قبل نهاية الشهر المقبل."
LONG = "إن أعمال الصيانة ستنتهي قبل نهاية الشهر المقبل"
SHORT = "أعمال الصيانة ستنتهي"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_BACKUP_DIR", str(tmp_path / "backups"))
    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = Project.create(tmp_path / "review.annot")
    import_paths(p, [src])
    doc = p.document("n1").num
    for name, piece in (("amal", LONG), ("badr", SHORT)):  # two versions of one quote
        start = TEXT.index(piece)
        p.add_span(doc, start, start + len(piece), "QUOTE", name, {"type": "indirect"})
        p.set_doc_status(doc, name, "done")
    yield p
    p.close()


@pytest.fixture
def window(qtbot, project):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(project, "hind", auto_accept=False)
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    qtbot.waitExposed(w)
    return w


def stored(project):
    """What the file holds of the review: gold spans and cluster decisions."""
    doc = project.document("n1").num
    gold = [TEXT[s.start:s.end] for s in project.spans(doc, GOLD)]
    decisions = project.conn.execute("SELECT key, decision FROM review_decisions WHERE kind = 'cluster'").fetchall()
    return gold, decisions


def answers(monkeypatch, *replies, then=None):
    """QMessageBox.exec answers `replies` in turn; `then(n)` runs before the n-th answer."""
    seen = []

    def exec_(box):
        seen.append(box.text())
        if then is not None:
            then(len(seen))
        return replies[min(len(seen), len(replies)) - 1]
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def test_a_failed_review_save_is_retried_and_stored_once(window, qtbot, project, monkeypatch):
    conn = project.conn
    conn.execute("PRAGMA query_only = 1")  # every write fails, as on a disk turned read-only

    def fixed(n):
        if n == 2:  # the user fixed the disk before the second Retry
            conn.execute("PRAGMA query_only = 0")
    seen = answers(monkeypatch, QMessageBox.Retry, then=fixed)
    qtbot.keyClick(window.view, Qt.Key_1, Qt.AltModifier)  # take amal's version
    assert len(seen) == 2 and "could not save" in seen[0].lower() and "Retry" in seen[0]
    assert stored(project) == ([LONG], [(window.clusters[0].key, "accepted")])
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 1
    assert window.clusters[0].decision == "accepted"
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert stored(project) == ([], []) and window.undo_stack.index() == 0
    assert not window.clusters[0].decided
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert stored(project) == ([LONG], [(window.clusters[0].key, "accepted")])


def test_a_cancelled_review_save_changes_nothing(window, qtbot, project, monkeypatch):
    project.conn.execute("PRAGMA query_only = 1")
    seen = answers(monkeypatch, QMessageBox.Cancel)
    qtbot.keyClick(window.view, Qt.Key_1, Qt.AltModifier)
    assert len(seen) == 1 and window.undo_stack.count() == 0
    assert "Not saved" in window.statusBar().currentMessage()
    project.conn.execute("PRAGMA query_only = 0")
    assert stored(project) == ([], [])


def test_a_failed_review_undo_or_redo_leaves_the_stack_where_the_file_is(window, qtbot, project, monkeypatch):
    conn = project.conn
    qtbot.keyClick(window.view, Qt.Key_1, Qt.AltModifier)
    decided = stored(project)
    assert decided[0] == [LONG] and window.undo_stack.index() == 1
    seen = answers(monkeypatch, QMessageBox.Cancel)
    conn.execute("PRAGMA query_only = 1")
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert seen and "could not save" in seen[-1].lower()
    assert window.undo_stack.index() == 1 and stored(project) == decided
    conn.execute("PRAGMA query_only = 0")
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert window.undo_stack.index() == 0 and stored(project) == ([], [])
    conn.execute("PRAGMA query_only = 1")
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.undo_stack.index() == 0 and stored(project) == ([], [])
    conn.execute("PRAGMA query_only = 0")
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.undo_stack.index() == 1 and stored(project) == decided
