"""Review mode through the real window (offscreen): keys, side table, undo/redo, dashboard."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core import review as rv  # noqa: E402
from annotator.core.model import GOLD  # noqa: E402
from tests.support.review_data import TEXT  # noqa: E402


@pytest.fixture
def window(qtbot, review_project):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(review_project, "hind")
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def key(qtbot, w, k, mod=Qt.NoModifier):
    qtbot.keyClick(w.view, k, mod)


def gold(review_project, doc):
    return sorted((TEXT[s.start:s.end], s.label) for s in review_project.spans(doc, GOLD))


def test_documents_are_ordered_by_disagreement_and_unanimous_spans_auto_accepted(window, review_project):
    assert [window.doc_table.item(r, 0).text() for r in range(window.doc_table.rowCount())] == ["busy", "calm"]
    d = review_project.document("busy").num
    assert window.doc == d
    assert gold(review_project, d) == [("قال", "CUE")]  # unanimous: accepted on opening, marked automatic
    assert window.current_cluster().decision is None  # the first undecided cluster is current
    cue_cluster = window.clusters[0]
    assert cue_cluster.decision == "auto"
    window.set_cluster(0)
    texts = [window.cluster_table.item(r, 0).text() for r in range(window.cluster_table.rowCount())]
    assert "gold (automatic)" in texts
    # the view shows every annotator's spans and gold, each coloured by who made it
    labels = {s.label for s in window.view.spans()}
    assert {"a · QUOTE", "b · QUOTE", "c · DATE", "gold · CUE"} <= labels


def test_auto_accept_can_be_switched_off(qtbot, review_project):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(review_project, "hind", auto_accept=False)
    qtbot.addWidget(w)
    assert review_project.spans(review_project.document("busy").num, GOLD) == []
    w.a_auto.setChecked(True)  # and on again: the open document gets them now
    assert gold(review_project, review_project.document("busy").num) == [("قال", "CUE")]


def test_accept_version_with_key_then_undo_and_redo(window, qtbot, review_project):
    d = window.doc
    i = next(k for k, c in enumerate(window.clusters) if TEXT[c.start:c.end].startswith("القطار"))
    window.set_cluster(i)
    row = next(r for r in range(window.cluster_table.rowCount())
               if window.cluster_table.item(r, 0).data(Qt.UserRole)[0] == "b")
    window.cluster_table.selectRow(row)
    key(qtbot, window, Qt.Key_A)
    assert ("القطار السريع سيعمل اعتبارا من آذار المقبل", "QUOTE") in gold(review_project, d)
    q = next(s for s in review_project.spans(d, GOLD) if s.label == "QUOTE")
    assert q.origin["from"] == ["b"] and q.origin["reviewer"] == "hind" and q.origin["auto"] is False
    after = gold(review_project, d)
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert gold(review_project, d) == [("قال", "CUE")]
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert gold(review_project, d) == after
    assert "accepted" in window.cluster_label.text()


def test_reject_next_and_progress(window, qtbot, review_project):
    d = window.doc
    start = window.cluster_index
    key(qtbot, window, Qt.Key_R)
    assert rv.clusters(review_project, d)[start].decision == "rejected"
    key(qtbot, window, Qt.Key_N)
    assert window.cluster_index == (start + 1) % len(window.clusters)
    key(qtbot, window, Qt.Key_D)
    assert review_project.doc_status(d, GOLD) == "done"
    assert "done" in window.progress_label.text()
    assert window.doc_table.item(0, 2).text() == "done"


def test_add_span_nobody_made_from_selection_and_relabel(window, qtbot, review_project):
    d = window.doc
    s = TEXT.index("بين المدينتين")
    window.view.select_cp(s, s + len("بين المدينتين"))
    key(qtbot, window, Qt.Key_4)  # DATE's hotkey
    added = next(x for x in review_project.spans(d, GOLD) if x.start == s)
    assert added.label == "DATE" and added.origin["from"] == []
    # select the gold row and relabel it with no text selected
    window.view.select_cp(0, 0)
    i = next(k for k, c in enumerate(window.clusters) if any(g.id == added.id for g in c.gold))
    window.set_cluster(i, scroll=False)
    row = next(r for r in range(window.cluster_table.rowCount())
               if window.cluster_table.item(r, 0).data(Qt.UserRole) == (GOLD, added.id))
    window.cluster_table.selectRow(row)
    key(qtbot, window, Qt.Key_1)
    assert review_project.span(added.id).label == "QUOTE" and review_project.span(added.id).origin["edited"] is True


def test_links_are_adjudicated_from_the_side_table(window, qtbot, review_project):
    d = window.doc
    for piece, who in (("وزير", "a"), ("القطار", "a")):
        i = next(k for k, c in enumerate(window.clusters) if TEXT[c.start:c.end].startswith(piece))
        window.set_cluster(i)
        row = next(r for r in range(window.cluster_table.rowCount())
                   if window.cluster_table.item(r, 0).data(Qt.UserRole)[0] == who)
        window.cluster_table.selectRow(row)
        key(qtbot, window, Qt.Key_A)
    # a's version of the quote brought a's links with it
    assert sorted(x.label for x in review_project.relations(d, GOLD)) == ["cue", "source"]
    r = next(k for k, c in enumerate(window.relations) if c.label == "source")
    window.relation_table.selectRow(r)
    key(qtbot, window, Qt.Key_K)
    assert [x.label for x in review_project.relations(d, GOLD)] == ["cue"]
    r = next(k for k, c in enumerate(window.relations) if c.label == "source")
    window.relation_table.selectRow(r)
    key(qtbot, window, Qt.Key_L)
    assert sorted(x.label for x in review_project.relations(d, GOLD)) == ["cue", "source"]


def test_refused_action_shows_a_message_and_changes_nothing(window, qtbot, review_project, monkeypatch):
    shown = []
    monkeypatch.setattr("annotator.gui.review.window.message", lambda parent, title, text, *a: shown.append(text))
    r = next(k for k, c in enumerate(window.relations) if c.label == "source")
    window.relation_table.selectRow(r)
    before = window.undo_stack.count()
    key(qtbot, window, Qt.Key_L)  # its spans are not gold yet
    assert shown and "accept the spans before their link" in shown[0]
    assert window.undo_stack.count() == before


def test_dashboard_tables_and_double_click_opens_the_document(window, qtbot, review_project):
    dash = window.dashboard
    window.tabs.setCurrentIndex(1)
    assert dash.labels_table.rowCount() == 5  # four labels and all together
    assert dash.labels_table.item(4, 0).text() == "all labels"
    # The figures are named in words, not by their keys (alpha, f1_exact...); three annotators: mean kappa.
    heads = [dash.labels_table.horizontalHeaderItem(c).text() for c in range(dash.labels_table.columnCount())]
    assert heads == ["label", "Krippendorff's α", "F1 exact", "F1 overlap", "Cohen's κ (mean of the pairs)"]
    assert dash.chart.groups and dash.chart.groups[0][0] == "QUOTE"
    assert dash.pairs_table.rowCount() == 3 * 5
    grabbed = dash.chart.grab()  # the chart paints
    assert not grabbed.isNull()
    docs = [dash.docs_table.item(r, 0).text() for r in range(dash.docs_table.rowCount())]
    assert docs[0] == "busy"
    calm = docs.index("calm")
    item = dash.docs_table.item(calm, 0)
    rect = dash.docs_table.visualItemRect(item)
    # a real double click is a press/release followed by the double-click event
    qtbot.mouseClick(dash.docs_table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dash.docs_table.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == 0
    assert window.doc == review_project.document("calm").num
    # calm was unanimous: its only cluster was accepted automatically
    assert [s.label for s in review_project.spans(window.doc, GOLD)] == ["SOURCE"]


def test_curate_empty_document(window, qtbot, review_project):
    window.select_doc_row(review_project.document("calm").num)
    key(qtbot, window, Qt.Key_E, Qt.ControlModifier)
    d = review_project.document("calm").num
    p = rv.progress(review_project, d)
    assert p.empty and p.state == "done" and review_project.spans(d, GOLD) == []
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert not rv.progress(review_project, d).empty


def test_legend_shows_each_annotators_colour(window):
    from PySide6.QtWidgets import QLabel

    labels = window.legend.findChildren(QLabel)
    names = [l.text() for l in labels if l.text()]
    swatches = [l.styleSheet() for l in labels if not l.text()]
    assert names[-1] == "gold" and len(names) == len(window.doc_annotators) + 1
    assert len(set(swatches)) == len(swatches)  # a distinct colour each


def test_the_reviewer_edits_a_gold_spans_attributes_in_the_inspector(window, qtbot, review_project):
    d = window.doc
    i = next(k for k, c in enumerate(window.clusters) if TEXT[c.start:c.end].startswith("القطار"))
    window.set_cluster(i)
    row = next(r for r in range(window.cluster_table.rowCount())
               if window.cluster_table.item(r, 0).data(Qt.UserRole)[0] == "b")
    window.cluster_table.selectRow(row)
    key(qtbot, window, Qt.Key_A)  # b's QUOTE becomes gold
    q = next(s for s in review_project.spans(d, GOLD) if s.label == "QUOTE")
    row = next(r for r in range(window.cluster_table.rowCount())
               if window.cluster_table.item(r, 0).data(Qt.UserRole) == (GOLD, q.id))
    window.cluster_table.selectRow(row)
    assert window.inspector.span is not None and window.inspector.span.id == q.id
    combo = window.inspector.attr_widgets["type"]
    combo.setCurrentIndex(combo.findData("mixed"))
    combo.activated.emit(combo.currentIndex())
    assert review_project.span(q.id).attrs["type"] == "mixed"
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert review_project.span(q.id).attrs.get("type") != "mixed"
