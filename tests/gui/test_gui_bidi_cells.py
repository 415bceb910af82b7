"""Cells of the document and span lists are laid out in the direction of their own text, and
the interface names labels, attributes and choice values in its own language."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem  # noqa: E402

from tests.support.gui import make_project  # noqa: E402

TEXT = "قالت الوزارة إن المهلة 15 يوما تنتهي في 9 ديسمبر 2021 بحسب البيان."


def drawn_direction(view, row: int, col: int) -> Qt.LayoutDirection:
    """The direction the view's delegate lays the cell out in."""
    index = view.model().index(row, col)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.direction


@pytest.fixture
def dates_path(tmp_path):
    def span(sid, needle, label, attrs):
        start = TEXT.index(needle)
        return {"id": sid, "start": start, "end": start + len(needle), "label": label, "text": needle,
                "annotator": "importer", "status": "accepted", "attrs": attrs}

    return make_project(tmp_path / "d.annot", [
        {"id": "12_3", "meta": {"title": "مهلة 15 يوما"}, "text": TEXT,
         "spans": [span(1, "15 يوما", "DATE", {"type": "DURATION", "value": "P15D"}),
                   span(2, "9 ديسمبر 2021", "DATE", {"type": "DATE", "value": "2021-12-09"}),
                   span(3, "الوزارة", "SOURCE", {"kind": "organization"})]},
        {"id": "12-report", "meta": {"title": "Trade report 2021"}, "text": "نص آخر."},
        {"id": "7_2", "text": "نص بلا عنوان."},  # the title column shows the id
    ])


def _row(model, needle: str) -> int:
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == needle)


def test_arabic_span_cells_are_right_to_left_in_the_english_interface(driver_for, dates_path):
    d = driver_for(dates_path)
    assert d.window.layoutDirection() == Qt.LeftToRight
    view, model = d.ws.span_view, d.ws.span_model
    for needle in ("15 يوما", "9 ديسمبر 2021"):
        assert drawn_direction(view, _row(model, needle), model.TEXT) == Qt.RightToLeft, needle
    row = _row(model, "15 يوما")
    assert model.data(model.index(row, model.ATTRS)) == "type=DURATION, value=P15D"  # English: canonical names
    assert drawn_direction(view, row, model.ATTRS) == Qt.LeftToRight
    docs = d.ws.doc_panel
    assert drawn_direction(docs.table, 0, docs.model.TITLE) == Qt.RightToLeft  # "مهلة 15 يوما"


def test_ids_and_latin_cells_are_left_to_right_in_the_arabic_interface(arabic, driver_for, dates_path):
    d = driver_for(dates_path)
    assert d.window.layoutDirection() == Qt.RightToLeft
    docs = d.ws.doc_panel
    for row in (0, 1, 2):  # "12_3", "12-report", "7_2" read "3_12", "report-12", "2_7" right to left
        assert drawn_direction(docs.table, row, docs.model.ID) == Qt.LeftToRight
    assert drawn_direction(docs.table, 1, docs.model.TITLE) == Qt.LeftToRight  # "Trade report 2021"
    assert drawn_direction(docs.table, 0, docs.model.TITLE) == Qt.RightToLeft
    assert docs.model.data(docs.model.index(2, docs.model.TITLE)) == "7_2"
    assert drawn_direction(docs.table, 2, docs.model.TITLE) == Qt.LeftToRight
    assert drawn_direction(docs.table, 0, docs.model.SPANS) == Qt.RightToLeft  # a count: the interface's


def test_the_arabic_interface_names_labels_attributes_and_values_from_the_scheme(arabic, driver_for, dates_path):
    d = driver_for(dates_path)
    view, model = d.ws.span_view, d.ws.span_model
    row = _row(model, "15 يوما")
    assert model.data(model.index(row, model.LABEL)) == "تاريخ"
    assert model.data(model.index(row, model.ATTRS)) == "النوع=مدة، القيمة=P15D"
    assert drawn_direction(view, row, model.ATTRS) == Qt.RightToLeft
    assert model.data(model.index(_row(model, "الوزارة"), model.ATTRS)) == "الفئة=مؤسسة"
    palette = d.ws.palette
    assert palette.buttons["QUOTE"].text().startswith("اقتباس")
    assert "المصدر" in palette.relation_buttons["source"].text()
    # Stored data keeps the canonical names.
    span = d.span_by_text("15 يوما")
    assert span.label == "DATE" and span.attrs == {"type": "DURATION", "value": "P15D"}


def test_a_project_stored_before_display_names_still_shows_them(arabic, driver_for, tmp_path):
    import json

    from annotator.core.project import Project
    from annotator.core.scheme import Scheme, default_scheme

    raw = json.loads(default_scheme().to_json())

    def strip(item):
        if isinstance(item, dict):
            return {k: strip(v) for k, v in item.items() if not k.endswith("display")}
        return [strip(v) for v in item] if isinstance(item, list) else item

    path = make_project(tmp_path / "old.annot", [{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}])
    p = Project.open(path)
    p.set_scheme(Scheme.from_dict(strip(raw)))
    p.close()
    d = driver_for(path)
    assert "display" not in d.window.project.scheme.to_json()  # as stored before display names
    assert d.ws.palette.buttons["QUOTE"].text().startswith("اقتباس")


def _ink_columns(widget) -> tuple[int, int]:
    """The first and last pixel columns of `widget` that differ from its background."""
    img = widget.grab().toImage()
    bg = img.pixel(0, 0)
    cols = [x for x in range(img.width()) if any(img.pixel(x, y) != bg for y in range(img.height()))]
    return cols[0], cols[-1]


def test_toolbar_actions_are_off_without_a_project_and_the_welcome_title_is_leading(arabic, qtbot, settings):
    from annotator.gui.main_window import MainWindow

    w = MainWindow(settings, None)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    from PySide6.QtWidgets import QToolBar

    (tb,) = w.findChildren(QToolBar)
    assert tb.actions() and not any(a.isEnabled() for a in tb.actions())
    title = w.placeholder.title
    first, last = _ink_columns(title)
    assert title.width() - last < first, (first, last, title.width())  # drawn at the right, where Arabic starts
    w.close()


def test_link_arrows_point_along_the_reading_direction(driver_for, tmp_path):
    from annotator.core.project import Project

    path = make_project(tmp_path / "l.annot", [{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}])
    p = Project.open(path)
    text = p.document("a").text
    q = p.add_span(p.document("a").num, text.index("الاجتماع"), len(text) - 1, "QUOTE", "importer").result
    s = p.add_span(p.document("a").num, text.index("الوزير"), text.index("الوزير") + 6, "SOURCE", "importer").result
    p.add_relation("source", q.id, s.id, "importer")
    p.close()
    for language, arrow in (("en", "→"), ("ar", "←")):
        from annotator.gui.i18n import Translations

        t = Translations()
        t.install(QApplication.instance(), language)
        try:
            d = driver_for(path)
            d.c.select_span(q.id)
            line = d.ws.inspector.links.item(0).text()
            assert f" {arrow} " in line, (language, line)  # the QUOTE's outgoing link, read forwards
            d.close()
        finally:
            t.install(QApplication.instance(), "en")
