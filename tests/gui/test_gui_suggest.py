"""Tools › Suggest through the window: one document as one undo step, every document behind a
cancellable progress dialog, accept/reject keys on the suggestions, the DATE value in the inspector."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FIRST = "وقال الوزير إن \"المفاوضات ستستمر\".\nوأضاف أن الاتفاق سيوقع في 9 كانون الأول/ ديسمبر 2024."
SECOND = "أعلنت الوزارة أمس أن الامتحانات ستبدأ في 15 حزيران المقبل، وقال مدير التعليم إن \"الاستعدادات اكتملت\"."
DOCS = [
    {"id": "a", "meta": {"title": "أ", "dct": "2024-12-01"}, "text": FIRST},
    {"id": "b", "meta": {"title": "ب", "dct": "2024-03-01"}, "text": SECOND},
    {"id": "c", "meta": {"title": "ج"}, "text": "نص قصير بلا تواريخ ولا أقوال."},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "s.annot", DOCS)


def _mine(path, doc_id):
    with Project.open(path, readonly=True) as p:
        num = p.document(doc_id).num
        return ([(s.id, s.label, s.status, p.document(num).text[s.start:s.end], s.attrs) for s in p.spans(num, ANNOTATOR)],
                [(r.label, r.status) for r in p.relations(num, ANNOTATOR)])


def _answer(monkeypatch, button=QMessageBox.Yes):
    seen = []

    def exec_(box):
        seen.append(box.text())
        return button
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def test_suggest_in_this_document_is_one_undo_step(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    spans, rels = _mine(path, "a")
    assert {(label, status) for _, label, status, _, _ in spans} == {
        ("CUE", "suggested"), ("SOURCE", "suggested"), ("QUOTE", "suggested"), ("DATE", "suggested")}
    date = next(s for s in spans if s[1] == "DATE")
    assert date[3] == "9 كانون الأول/ ديسمبر 2024" and date[4]["value"] == "2024-12-09"
    assert rels and all(status == "suggested" for _, status in rels)
    # The view and the span list show them (dashed, as suggestions); the first one is selected.
    shown = {s.id: s.status for s in d.view.spans()}
    assert {i for i, *_ in spans} <= set(shown) and shown[date[0]] == "suggested"
    assert d.ws.span_model.rowCount() == len(spans)
    assert d.c.current_span() is not None and d.c.current_span().status == "suggested"
    assert "new suggestions" in d.window.statusBar().currentMessage()
    # One Ctrl+Z removes all of them (with their links), one redo brings them back with the same ids.
    assert d.ws.undo.count() == 1
    d.window_key("Ctrl+Z")
    assert _mine(path, "a") == ([], []) and not d.view.spans()
    d.window_key("Ctrl+Shift+Z")
    assert _mine(path, "a") == (spans, rels)
    assert {s.id for s in d.view.spans()} == {i for i, *_ in spans}
    # Suggesting again adds nothing, and leaves no empty undo step.
    d.window_key("Ctrl+Shift+S")
    assert d.ws.undo.count() == 1 and "No new suggestions" in d.window.statusBar().currentMessage()


def test_suggestions_are_accepted_and_rejected_with_the_keys(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    date = d.span_by_text("9 كانون الأول/ ديسمبر 2024", "DATE")
    d.c.select_span(date.id)
    d.key(Qt.Key_Return)
    cue = min((s for s in d.c.spans.values() if s.label == "CUE"), key=lambda s: s.start)
    d.c.select_span(cue.id)
    d.key(Qt.Key_R)
    spans, _ = _mine(path, "a")
    status = {i: s for i, _, s, _, _ in spans}
    assert status[date.id] == "accepted" and status[cue.id] == "rejected"
    assert cue.id not in {s.id for s in d.view.spans()}


def test_accepting_both_ends_one_by_one_accepts_their_link(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    with Project.open(path, readonly=True) as p:
        rel = next(r for r in p.relations(p.document("a").num, ANNOTATOR) if r.label == "source")
    for span_id in (rel.from_span, rel.to_span):
        d.c.select_span(span_id)
        d.key(Qt.Key_A)
    _, rels = _mine(path, "a")
    assert ("source", "accepted") in rels
    d.window_key("Ctrl+Z")  # the second accept, and with it the link, goes back
    _, rels = _mine(path, "a")
    assert ("source", "suggested") in rels and ("source", "accepted") not in rels


def test_only_dates_then_only_quotes(driver_for, path):
    d = driver_for(path)
    d.goto("b")
    d.window.suggest.kind_actions["dates"].trigger()
    assert d.window.suggest.a_doc.text().startswith("Suggest dates in this document")
    d.window_key("Ctrl+Shift+S")
    spans, rels = _mine(path, "b")
    assert {label for _, label, *_ in spans} == {"DATE"} and rels == []
    assert {(t, a["value"]) for _, _, _, t, a in spans} == {("أمس", "2024-02-29"), ("15 حزيران المقبل", "2024-06-15")}
    d.window.suggest.kind_actions["quotes"].trigger()
    d.window_key("Ctrl+Shift+S")
    spans, rels = _mine(path, "b")
    assert {label for _, label, *_ in spans} == {"DATE", "QUOTE", "SOURCE", "CUE"} and len(rels) == 4
    assert d.ws.undo.count() == 2
    d.window_key("Ctrl+Z")
    assert {label for _, label, *_ in _mine(path, "b")[0]} == {"DATE"}


def test_inspector_shows_and_edits_the_value_of_a_suggested_date(driver_for, path):
    d = driver_for(path)
    d.goto("b")
    d.window_key("Ctrl+Shift+S")
    date = d.span_by_text("أمس", "DATE")
    d.c.select_span(date.id)
    insp = d.ws.inspector
    assert insp.span_status.text().lower().startswith("suggest")
    edit = insp.attr_widgets["value"]
    assert edit.text() == "2024-02-29"
    assert insp.attr_hints["value"].text()  # the value in words
    edit.setText("2024-02-28")
    edit.editingFinished.emit()
    spans, _ = _mine(path, "b")
    assert next(a for i, _, _, _, a in spans if i == date.id)["value"] == "2024-02-28"
    d.window_key("Ctrl+Z")
    assert next(a for i, _, _, _, a in _mine(path, "b")[0] if i == date.id)["value"] == "2024-02-29"


def test_accept_all_of_a_label_accepts_the_links_between_accepted_spans(driver_for, path):
    d = driver_for(path)
    d.goto("b")
    d.window_key("Ctrl+Shift+S")
    menu = {a.text(): a for a in d.window.accept_all_menu.actions()}
    for label in ("QUOTE", "SOURCE"):
        menu[label].trigger()
    spans, rels = _mine(path, "b")
    assert {s for _, label, s, _, _ in spans if label in ("QUOTE", "SOURCE")} == {"accepted"}
    assert {s for _, label, s, _, _ in spans if label in ("CUE", "DATE")} == {"suggested"}
    assert sorted(rels) == [("cue", "suggested"), ("cue", "suggested"), ("source", "accepted"), ("source", "accepted")]
    d.window_key("Ctrl+Z")  # SOURCE back to suggested, and the links with it
    spans, rels = _mine(path, "b")
    assert {s for _, label, s, _, _ in spans if label == "SOURCE"} == {"suggested"}
    assert {s for _, s in rels} == {"suggested"}


def test_suggest_in_all_documents_asks_reports_and_can_be_cancelled(driver_for, path, monkeypatch):
    d = driver_for(path)
    seen = _answer(monkeypatch, QMessageBox.No)
    assert d.window.suggest.suggest_all() is None
    assert "3 documents" in seen[0] and ANNOTATOR in seen[0]
    assert _mine(path, "a") == ([], []) and _mine(path, "b") == ([], [])
    # Cancel pressed while it runs: the one transaction rolls back, nothing is written.
    seen = _answer(monkeypatch, QMessageBox.Yes)
    QTimer.singleShot(0, lambda: d.window.suggest.progress_dialog.cancel())
    assert d.window.suggest.suggest_all() is None
    assert _mine(path, "a") == ([], []) and _mine(path, "b") == ([], [])
    assert "cancelled" in d.window.statusBar().currentMessage()
    # Run to the end: counts reported, the current document shows its suggestions.
    seen = _answer(monkeypatch, QMessageBox.Yes)
    report = d.window.suggest.a_all.trigger() or d.window.suggest.last_report
    a, b = _mine(path, "a"), _mine(path, "b")
    assert len(a[0]) == 6 and len(b[0]) == 8
    assert report.spans == 14 and report.documents == 3
    assert "14 new suggested spans" in seen[-1] and "DATE: 3" in seen[-1]
    assert {s.id for s in d.view.spans()} == {i for i, *_ in a[0]}
    counts = d.ws.doc_panel.model
    assert counts.data(counts.index(counts.row_of(d.c.project.document("b").num), 3)) == 8


def test_suggest_is_disabled_read_only(driver_for, path):
    d = driver_for(path, readonly=True)
    assert not d.window.suggest.a_doc.isEnabled() and not d.window.suggest.a_all.isEnabled()


def test_screenshot_after_suggest(driver_for, path):
    d = driver_for(path)
    d.window.resize(1400, 860)
    d.goto("b")
    d.window_key("Ctrl+Shift+S")
    d.c.select_span(d.span_by_text("15 حزيران المقبل", "DATE").id)
    for _ in range(5):
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / "window_suggest.png"
    assert d.window.grab().save(str(out))
    assert out.stat().st_size > 10_000


def test_a_and_r_go_through_the_suggestions_in_text_order(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    order = sorted((s for s in d.c.spans.values() if s.status == "suggested"), key=lambda s: (s.start, -s.end, s.id))
    ids = [s.id for s in order]
    assert len(ids) >= 4 and d.c.current == ids[0]
    d.key(Qt.Key_A)
    assert d.c.project.span(ids[0]).status == "accepted" and d.c.current == ids[1]
    d.key(Qt.Key_R)
    assert d.c.project.span(ids[1]).status == "rejected" and d.c.current == ids[2]
    d.key(Qt.Key_N)
    assert d.c.current == ids[3]
    d.key(Qt.Key_P)
    d.key(Qt.Key_P)  # before ids[2] only accepted or rejected spans: round to the last suggestion
    assert d.c.current == ids[-1]
    d.key(Qt.Key_N)
    assert d.c.current == ids[2]
    d.window_key("Ctrl+Z")  # the reject is one step, the accept before it another
    assert d.c.project.span(ids[1]).status == "suggested"
    d.window_key("Ctrl+Z")
    assert d.c.project.span(ids[0]).status == "suggested"


def test_rejecting_the_last_suggestion_leaves_a_span_selected(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    while any(s.status == "suggested" for s in d.c.spans.values()):
        before = d.c.current
        d.key(Qt.Key_R)
        assert d.c.project.span(before).status == "rejected"
        if d.c.spans:
            assert d.c.current is not None and d.c.current in d.c.spans
    assert d.c.spans == {}  # all rejected: nothing left to select
    d.window_key("Ctrl+Z")
    assert len(d.c.spans) == 1  # one reject undone: that suggestion is back
    # With one accepted span left, rejecting the last suggestion selects that span.
    d.goto("b")
    d.window_key("Ctrl+Shift+S")
    order = sorted((s for s in d.c.spans.values() if s.status == "suggested"), key=lambda s: (s.start, s.id))
    d.c.select_span(order[0].id)
    d.key(Qt.Key_A)
    for _ in order[1:]:
        d.key(Qt.Key_R)
    assert [s.status for s in d.c.spans.values()] == ["accepted"]
    assert d.c.current == order[0].id
    assert "No suggestions left" in d.window.statusBar().currentMessage()


def test_the_inspector_reject_button_also_goes_to_the_next_suggestion(driver_for, path):
    d = driver_for(path)
    d.window_key("Ctrl+Shift+S")
    order = sorted((s for s in d.c.spans.values() if s.status == "suggested"), key=lambda s: (s.start, -s.end, s.id))
    d.ws.inspector.reject_button.click()
    assert d.c.project.span(order[0].id).status == "rejected"
    assert d.c.current == order[1].id
    d.ws.inspector.accept_button.click()
    assert d.c.project.span(order[1].id).status == "accepted" and d.c.current == order[2].id
    d.window_key("Ctrl+Z")
    assert d.c.project.span(order[1].id).status == "suggested"
