"""The review window on a conflict (real window offscreen, real files): attribute values side by
side, Alt+number takes a version, undo, the gold export through File › Export, Close/Quit/F1,
the reviewer's name from Settings, and the dashboard's attribute and confusion captions."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from annotator.core import review as rv  # noqa: E402
from annotator.core.model import GOLD  # noqa: E402
from annotator.gui.export_dialog import ExportDialog  # noqa: E402
from annotator.gui.report_dialog import ReportDialog  # noqa: E402
from tests.support.review_data import T1, team  # noqa: E402


@pytest.fixture
def window(qtbot, disputed):
    from annotator.gui.review import ReviewWindow

    w = ReviewWindow(disputed, "hind")
    qtbot.addWidget(w)
    w.resize(1300, 760)
    w.show()
    qtbot.waitExposed(w)
    return w


def key(qtbot, w, k, mod=Qt.NoModifier):
    qtbot.keyClick(w.view, k, mod)


def row_values(table) -> dict[str, dict[str, str]]:
    """'span attribute' -> {column header: cell} of the "what differs" table."""
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [dict(zip(heads, [table.item(r, c).text() for c in range(table.columnCount())]))
            for r in range(table.rowCount())]
    return {f"{row['span']} {row['attribute or link']}": row for row in rows}


def gold(disputed, d):
    return sorted((T1[s.start:s.end], s.label, s.attrs) for s in disputed.spans(d, GOLD))


def test_conflicts_are_undecided_shown_side_by_side_and_taken_with_alt_number(window, qtbot, disputed):
    d = window.doc
    assert gold(disputed, d) == [("قال", "CUE", {})]  # the only cluster on which they agree entirely
    assert "1 of 3 clusters decided" in window.progress_label.text()
    c = window.current_cluster()  # the first undecided: the source
    assert not c.decided and "attributes or links differ" in window.cluster_label.text()
    rows = row_values(window.diff_table)
    assert rows["SOURCE: المتحدث باسم الوزارة kind"]["amal"] == "person"
    assert rows["SOURCE: المتحدث باسم الوزارة kind"]["badr"] == "organization"
    assert rows["SOURCE: المتحدث باسم الوزارة kind"]["gold"] == "(no gold span)"
    key(qtbot, window, Qt.Key_N, Qt.ShiftModifier)  # the next undecided: the quote and its dates
    rows = row_values(window.diff_table)
    assert {k: (v["amal"], v["badr"]) for k, v in rows.items()} == {
        "DATE: عام 2020 value": ("2020", "2021"), "DATE: لمدة عامين value": ("P24M", "P2Y"),
        "QUOTE: العقد الموقع عام 2020 يمتد لمدة عامين type": ("indirect", "direct")}
    key(qtbot, window, Qt.Key_2, Qt.AltModifier)  # badr's version: its spans with its values
    assert ("لمدة عامين", "DATE", {"type": "DURATION", "value": "P2Y"}) in gold(disputed, d)
    assert window.current_cluster().decision == "accepted"
    assert row_values(window.diff_table)["DATE: لمدة عامين value"]["gold"] == "P2Y"
    # one value from the other annotator, by double-clicking it
    table = window.diff_table
    span_col = next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "span")
    r = next(r for r in range(table.rowCount()) if table.item(r, span_col).text() == "DATE: عام 2020")
    col = next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "amal")
    rect = table.visualItemRect(table.item(r, col))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert ("عام 2020", "DATE", {"value": "2020"}) in gold(disputed, d)
    # each decision is one undo step
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert ("عام 2020", "DATE", {"value": "2021"}) in gold(disputed, d)
    key(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert gold(disputed, d) == [("قال", "CUE", {})]
    assert not rv.clusters(disputed, d)[2].decided


@pytest.fixture
def export_gold(monkeypatch, tmp_path):
    """File › Export the gold layer: answer the warning, write the file as a user would."""
    asked, reports = [], []
    monkeypatch.setattr(ReportDialog, "exec", lambda self: reports.append(self) or 0)
    monkeypatch.setattr("annotator.gui.review.window.message",
                        lambda parent, title, text, *a: asked.append(text) or 0x00004000)  # Yes

    def run(window, name):
        out = tmp_path / name

        def exec_(dialog):
            assert dialog.layer.currentData() == GOLD
            dialog.output.setText(str(out))
            dialog.export_button.click()
            return dialog.result()
        monkeypatch.setattr(ExportDialog, "exec", exec_)
        window.a_export.trigger()
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        return next(r for r in recs if r["id"] == "t1")
    run.asked = asked
    return run


def test_file_export_holds_a_disputed_value_only_after_the_decision(window, qtbot, disputed, export_gold):
    rec = export_gold(window, "before.jsonl")
    assert export_gold.asked and "not finished" in export_gold.asked[0] and "2 of 3 clusters undecided" in \
        export_gold.asked[0]
    assert [(s["label"], s["attrs"]) for s in rec["spans"]] == [("CUE", {})]
    key(qtbot, window, Qt.Key_1, Qt.AltModifier)  # amal's source
    key(qtbot, window, Qt.Key_N, Qt.ShiftModifier)
    key(qtbot, window, Qt.Key_1, Qt.AltModifier)  # amal's quote and dates
    asked = len(export_gold.asked)
    rec = export_gold(window, "after.jsonl")
    assert len(export_gold.asked) == asked  # nothing left undecided: no warning
    got = {(s["text"], s["label"]): s["attrs"] for s in rec["spans"]}
    assert got[("لمدة عامين", "DATE")] == {"type": "DURATION", "value": "P24M"}
    assert got[("المتحدث باسم الوزارة", "SOURCE")] == {"kind": "person"}
    assert got[("العقد الموقع عام 2020 يمتد لمدة عامين", "QUOTE")] == {"type": "indirect"}


def test_file_menu_close_quit_and_f1(window, qtbot, monkeypatch):
    from annotator.gui.review.keys import ReviewKeysDialog

    menus = {a.menu().title().replace("&", ""): [x.text() for x in a.menu().actions()]
             for a in window.menuBar().actions() if a.menu()}
    assert list(menus)[0] == "File" and "Help" in menus
    assert menus["File"][0] == "Export the gold layer…" and {"Close review", "Quit"} <= set(menus["File"])
    shown = []
    monkeypatch.setattr(ReviewKeysDialog, "exec", lambda self: shown.append(self) or 0)
    key(qtbot, window, Qt.Key_F1)
    table = shown[0].table
    keys = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert "Alt+1" in keys and "Shift+N" in keys and "Ctrl+Shift+E" in keys and "F1" in keys
    key(qtbot, window, Qt.Key_W, Qt.ControlModifier)
    assert not window.isVisible()


def test_quit_closes_every_window(qtbot, window):
    from PySide6.QtWidgets import QMainWindow

    other = QMainWindow()
    qtbot.addWidget(other)
    other.show()
    window.a_quit.trigger()
    assert not window.isVisible() and not other.isVisible()


def test_the_reviewer_defaults_to_the_name_in_settings(tmp_path):
    from annotator.commands.review import reviewer_name
    from annotator.gui.settings import Settings, open_qsettings

    settings = Settings(open_qsettings(tmp_path / "s"))
    settings.annotator = "هند"
    never = lambda *a: pytest.fail("asked although Settings has a name")  # noqa: E731
    assert reviewer_name(None, settings, never) == "هند"  # not the login name
    assert reviewer_name("سمير", settings, never) == "سمير"
    empty = Settings(open_qsettings(tmp_path / "t"))
    assert reviewer_name(None, empty, lambda parent, current: "ليلى") == "ليلى"
    assert empty.annotator == "ليلى"  # answered once, kept
    assert reviewer_name(None, Settings(open_qsettings(tmp_path / "u")), lambda *a: None) is None


def test_dashboard_says_how_many_matches_differ_in_attributes(window):
    text = window.dashboard.summary.text()
    assert "whose attributes differ: amal / badr: 4 of 5" in text


def test_confusion_table_names_the_annotator_of_each_axis(qtbot, tmp_path):
    from annotator.gui.review import ReviewWindow

    work = {"amal": [("t1", [("المتحدث باسم الوزارة", "SOURCE", {"kind": "person"}), ("قال", "CUE", {})], ())],
            "badr": [("t1", [("قال", "CUE", {})], ())],
            "cala": [("t1", [("المتحدث باسم الوزارة", "QUOTE", {"type": "direct"})], ())]}
    with team(tmp_path, work) as p:
        w = ReviewWindow(p, "hind")
        qtbot.addWidget(w)
        dash = w.dashboard
        assert [dash.confusion_pair.itemText(i) for i in range(dash.confusion_pair.count())] == [
            "amal / badr", "amal / cala", "badr / cala"]
        t = dash.confusion_table

        def cell(row_head, col_head):
            r = next(i for i in range(t.rowCount()) if t.verticalHeaderItem(i).text() == row_head)
            c = next(i for i in range(t.columnCount()) if t.horizontalHeaderItem(i).text() == col_head)
            return t.item(r, c).text()
        assert "Rows: amal's label" in dash.confusion_axes.text() and "Columns: badr's label" in dash.confusion_axes.text()
        assert cell("amal: SOURCE", "badr: (nothing)") == "1" and cell("amal: (nothing)", "badr: SOURCE") == ""
        dash.confusion_pair.setCurrentIndex(2)  # badr / cala: cala's quote has nothing of badr's over it
        assert "Rows: badr's label" in dash.confusion_axes.text()
        assert cell("badr: (nothing)", "cala: QUOTE") == "1" and cell("badr: QUOTE", "cala: (nothing)") == ""
        dash.confusion_pair.setCurrentIndex(1)
        assert cell("amal: SOURCE", "cala: QUOTE") == "1" and cell("amal: QUOTE", "cala: SOURCE") == ""


def test_a_link_waiting_for_its_other_end_says_so(qtbot, tmp_path):
    from annotator.gui.review import ReviewWindow
    from tests.support.review_data import QUOTE2

    work = {"amal": [("t2", [("الشركة", "SOURCE", {"kind": "organization"}), (QUOTE2, "QUOTE", {"type": "indirect"})],
                      [("source", 1, 0)])],
            "badr": [("t2", [("الشركة", "SOURCE", {"kind": "group"}), (QUOTE2, "QUOTE", {"type": "indirect"})],
                      [("source", 1, 0)])]}
    with team(tmp_path, work) as p:
        w = ReviewWindow(p, "hind")  # opens t2, the one with disagreement; the quote is accepted automatically
        qtbot.addWidget(w)
        assert w.relation_table.item(0, 4).text() == "accepted automatically (made when both its spans are gold)"
        w.accept_annotator(0)  # the current cluster: the source; amal's kind
        assert w.relation_table.item(0, 4).text() == "accepted automatically"
        assert [r.label for r in p.relations(w.doc, GOLD)] == ["source"]
