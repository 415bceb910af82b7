"""Links, suggestions, attributes, document status and metadata through the window."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

TEXT = "وقال الوزير إن \"المفاوضات ستستمر\".\nوأضاف أن الاتفاق سيوقع في 9 كانون الأول/ ديسمبر 2024."


def _spans(text):
    def sp(i, label, needle, **kw):
        s = text.index(needle)
        return {"id": i, "start": s, "end": s + len(needle), "label": label, "text": needle,
                "annotator": kw.pop("annotator", "sample"), **kw}
    return [sp(1, "CUE", "وقال"), sp(2, "SOURCE", "الوزير"), sp(3, "QUOTE", "المفاوضات ستستمر", attrs={"type": "direct"}),
            sp(4, "CUE", "وأضاف"), sp(5, "QUOTE", "الاتفاق سيوقع في 9 كانون الأول/ ديسمبر 2024", attrs={"type": "indirect"}),
            sp(6, "DATE", "9 كانون الأول/ ديسمبر 2024", annotator="suggester", status="suggested", rule="months",
               attrs={"type": "DATE", "value": "2024-12-09"}),
            sp(7, "DATE", "2024", annotator="suggester", status="suggested", rule="years", attrs={"value": "2024"})]


DOCS = [
    {"id": "a", "meta": {"title": "أ", "dct": "2024-12-01"}, "text": TEXT, "spans": _spans(TEXT),
     "relations": [{"label": "source", "from": 3, "to": 2}]},
    {"id": "b", "meta": {"title": "ب"}, "text": "نص ثان قصير."},
    {"id": "c", "meta": {"title": "ج"}, "text": "نص ثالث."},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "r.annot", DOCS)


def test_link_quote_to_cue_by_key_and_number(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("المفاوضات ستستمر")
    d.c.select_span(quote.id)
    d.key(Qt.Key_C)
    assert d.c.link is not None and d.ws.link_banner.isVisible()
    assert "وقال" in d.ws.link_banner.text()
    d.key(Qt.Key_1)  # the nearest CUE: the one before the quote
    assert d.c.link is None and not d.ws.link_banner.isVisible()
    # The selected quote outlines both its links; the inspector lists them.
    assert d.view.current_span() == quote.id
    assert d.ws.inspector.links.count() == 2
    d.window_key("Ctrl+Z")
    assert d.ws.inspector.links.count() == 1
    d.window_key("Ctrl+Shift+Z")
    p = d.reopen()
    rels = {(r.label, r.from_span, r.to_span, r.annotator) for r in p.relations(p.document("a").num)}
    cue = next(s for s in p.spans(p.document("a").num) if p.document("a").text[s.start:s.end] == "وقال")
    assert ("cue", quote.id, cue.id, ANNOTATOR) in rels


def test_link_by_clicking_the_target_and_escape_cancels(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("الاتفاق سيوقع في 9 كانون الأول/ ديسمبر 2024")
    d.c.select_span(quote.id)
    d.key(Qt.Key_S)
    d.key(Qt.Key_Escape)
    assert d.c.link is None
    d.key(Qt.Key_S)
    d.view.spanActivated.emit(d.span_by_text("الوزير").id)  # what a click on the span sends
    rels = d.c.project.relations_of(quote.id)
    assert [(r.label, r.to_span) for r in rels] == [("source", d.span_by_text("الوزير").id)]


def test_link_from_the_inspector_and_remove_it(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("الاتفاق سيوقع في 9 كانون الأول/ ديسمبر 2024")
    d.c.select_span(quote.id)
    insp = d.ws.inspector
    cue = d.span_by_text("وأضاف")
    i = next(k for k in range(insp.link_target.count()) if insp.link_target.itemData(k) == ("cue", cue.id))
    insp.link_target.setCurrentIndex(i)
    insp.add_link_button.click()
    assert [(r.label, r.to_span) for r in d.c.project.relations_of(quote.id)] == [("cue", cue.id)]
    insp.links.setCurrentRow(0)
    insp.remove_link_button.click()
    assert d.c.project.relations_of(quote.id) == []
    d.window_key("Ctrl+Z")
    assert len(d.c.project.relations_of(quote.id)) == 1


def test_delete_span_with_links_and_undo_restores_them(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("المفاوضات ستستمر")
    before = d.c.project.relations_of(quote.id)
    d.c.select_span(quote.id)
    d.ws.span_view.setFocus()
    d.key(Qt.Key_Delete, widget=d.ws.span_view)  # Delete in the span list removes too
    assert quote.id not in d.c.spans and d.c.project.relations_of(d.span_by_text("الوزير").id) == []
    d.window_key("Ctrl+Z")
    assert d.c.project.relations_of(quote.id) == before


def test_accept_and_reject_suggestions(driver_for, path):
    d = driver_for(path)
    date = d.span_by_text("9 كانون الأول/ ديسمبر 2024")
    d.c.select_span(date.id)
    d.key(Qt.Key_Return)
    assert d.c.project.span(date.id).status == "accepted"
    assert d.c.project.span(date.id).origin.get("edited_by") == ANNOTATOR
    year = d.span_by_text("2024", "DATE")
    d.c.select_span(year.id)
    d.key(Qt.Key_R)
    assert d.c.project.span(year.id).status == "rejected"
    assert year.id not in d.c.spans and year.id not in {s.id for s in d.view.spans()}
    d.window_key("Ctrl+Z")
    assert d.c.project.span(year.id).status == "suggested" and year.id in d.c.spans
    d.c.select_span(year.id)
    d.key(Qt.Key_Delete, Qt.ShiftModifier)
    assert d.c.project.span(year.id).status == "rejected"


def test_accept_all_suggestions_of_a_label_is_one_undo_step(driver_for, path):
    d = driver_for(path)
    action = next(a for a in d.window.accept_all_menu.actions() if a.text() == "DATE")
    action.trigger()
    num = d.c.doc.num
    assert {s.status for s in d.c.project.spans(num) if s.label == "DATE"} == {"accepted"}
    d.window_key("Ctrl+Z")
    assert {s.status for s in d.c.project.spans(num) if s.label == "DATE"} == {"suggested"}


def test_attributes_choice_and_date_value_validation(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("المفاوضات ستستمر")
    d.c.select_span(quote.id)
    combo = d.ws.inspector.attr_widgets["type"]
    combo.setCurrentIndex(combo.findData("mixed"))
    combo.activated.emit(combo.currentIndex())
    assert d.c.project.span(quote.id).attrs["type"] == "mixed"
    date = d.span_by_text("9 كانون الأول/ ديسمبر 2024")
    d.c.select_span(date.id)
    edit = d.ws.inspector.attr_widgets["value"]
    hint = d.ws.inspector.attr_hints["value"]
    assert "2024" in hint.text() and "December" in hint.text()  # what the value means
    edit.setText("2024-13-45x")
    edit.textEdited.emit(edit.text())
    assert "Not a valid value" in hint.text()
    edit.editingFinished.emit()
    assert d.c.project.span(date.id).attrs["value"] == "2024-12-09"  # refused, unchanged
    edit.setText("2024-W50")
    edit.textEdited.emit(edit.text())
    assert "week 50" in hint.text()
    edit.editingFinished.emit()
    assert d.c.project.span(date.id).attrs["value"] == "2024-W50"
    d.window_key("Ctrl+Z")
    assert d.c.project.span(date.id).attrs["value"] == "2024-12-09"


def test_dct_is_editable_and_validated(driver_for, path):
    d = driver_for(path)
    edit = d.ws.inspector.dct_edit
    assert edit.text() == "2024-12-01"
    edit.setText("2024-02-30")
    edit.editingFinished.emit()
    assert d.c.project.document("a").meta["dct"] == "2024-12-01"
    edit.setText("2024-12-02")
    edit.editingFinished.emit()
    assert d.c.project.document("a").meta["dct"] == "2024-12-02"
    d.window_key("Ctrl+Z")
    assert d.c.project.document("a").meta["dct"] == "2024-12-01"
    assert d.ws.inspector.dct_edit.text() == "2024-12-01"


def test_mark_done_and_next_navigation_and_progress(driver_for, path):
    d = driver_for(path)
    panel = d.ws.doc_panel
    assert panel.progress.text().startswith("0 of 3 done")
    d.window_key("Ctrl+Return")
    assert d.c.doc.id == "b"
    assert d.c.project.doc_status(d.c.project.document("a").num, ANNOTATOR) == "done"
    assert panel.progress.text().startswith("1 of 3 done")
    assert panel.model.data(panel.model.index(0, 2)) == "Done"
    d.window_key("Ctrl+PgDown")
    assert d.c.doc.id == "c"
    d.window_key("Ctrl+PgUp")
    d.window_key("Alt+Up")
    assert d.c.doc.id == "a"
    d.window_key("Ctrl+Z")  # the status change is undone
    assert d.c.project.doc_status(d.c.project.document("a").num, ANNOTATOR) == "todo"
    assert panel.progress.text().startswith("0 of 3 done")


def test_undo_in_another_document_brings_it_back(driver_for, path):
    d = driver_for(path)
    d.goto("b")
    d.select("ثان")
    d.key(Qt.Key_1)
    d.goto("c")
    d.window_key("Ctrl+Z")
    assert d.c.doc.id == "b" and d.c.spans == {}
    d.window_key("Ctrl+Shift+Z")
    assert d.c.doc.id == "b" and len(d.c.spans) == 1


def test_reopened_project_shows_the_same_spans(driver_for, path):
    d = driver_for(path)
    d.select("الوزير")  # an existing SOURCE: same range and label is not duplicated
    d.key(Qt.Key_2)
    d.select("الاتفاق")
    d.key(Qt.Key_1)
    shown = sorted((s.start, s.end, s.label) for s in d.view.spans())
    d.close()
    d2 = driver_for(path)
    assert sorted((s.start, s.end, s.label) for s in d2.view.spans()) == shown
    assert d2.ws.span_model.rowCount() == len(shown)


def test_choosing_a_span_in_the_list_scrolls_the_text_to_it(driver_for, tmp_path):
    text = "\n".join(f"فقرة رقم {i} من نص طويل جداً." for i in range(300)) + "\nقال الوزير في النهاية."
    s = text.index("الوزير")
    path = make_project(tmp_path / "long.annot", [{"id": "long", "text": text, "spans": [
        {"start": 0, "end": 4, "label": "CUE"}, {"start": s, "end": s + 6, "label": "SOURCE"}]}])
    d = driver_for(path)
    bar = d.view.verticalScrollBar()
    assert bar.value() == 0
    sv = d.ws.span_view
    sv.setCurrentIndex(sv.model().index(1, 1))
    assert d.c.current_span().start == s
    assert bar.value() > 0 and d.view.current_span() == d.c.current
