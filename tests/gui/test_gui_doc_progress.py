"""A "to do" document moves to "in progress" for the annotator at their first edit or decision
on a suggestion, in the same undo step as that edit; running suggestions does not move it."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

TEXT = "وقال الوزير إن \"المفاوضات ستستمر\" حتى 9 كانون الأول/ ديسمبر 2024."


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "g.annot", [{"id": "a", "meta": {"dct": "2024-12-01"}, "text": TEXT},
                                               {"id": "b", "text": "نص ثان.", "status": {ANNOTATOR: "done"}}])


def _status(path, doc_id="a") -> str:
    with Project.open(path, readonly=True) as p:
        return p.doc_status(p.document(doc_id).num, ANNOTATOR)


def _shown(d, doc_id="a") -> str:
    model = d.ws.doc_panel.model
    return model.data(model.index(model.row_of(d.c.project.document(doc_id).num), model.STATUS))


def test_first_edit_starts_the_document_in_the_same_undo_step(driver_for, path):
    d = driver_for(path)
    assert _status(path) == "todo"
    d.select("الوزير")
    d.key(Qt.Key_2)
    assert _status(path) == "in_progress" and _shown(d) == "In progress"
    assert d.ws.undo.count() == 1
    d.window_key("Ctrl+Z")
    assert _status(path) == "todo" and _shown(d) == "To do"
    assert not d.c.spans
    d.window_key("Ctrl+Shift+Z")
    assert _status(path) == "in_progress" and len(d.c.spans) == 1
    # Later edits leave the status alone, and nudges of one edge still merge into one step.
    span = next(iter(d.c.spans.values()))
    d.c.select_span(span.id)
    d.key(Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)
    d.key(Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)
    assert d.ws.undo.count() == 2
    d.window_key("Ctrl+Z")
    d.window_key("Ctrl+Z")
    assert _status(path) == "todo"


def test_accepting_a_suggestion_starts_the_document_but_suggesting_does_not(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    assert _status(path) == "todo"
    date = d.span_by_text("9 كانون الأول/ ديسمبر 2024", "DATE")
    d.c.select_span(date.id)
    d.key(Qt.Key_Return)
    assert _status(path) == "in_progress"
    d.window_key("Ctrl+Z")
    assert _status(path) == "todo"
    with Project.open(path, readonly=True) as p:
        assert p.span(date.id).status == "suggested"


def test_a_done_document_stays_done(driver_for, path):
    d = driver_for(path)
    d.goto("b")
    d.select("نص")
    d.key(Qt.Key_2)
    assert _status(path, "b") == "done"
