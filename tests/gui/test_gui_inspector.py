"""The inspector and the attribute keys (issue 12): a new QUOTE's type read from the text,
fields that stay in place whatever wraps above them, Alt+letter cycling a choice."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.support.gui import make_project  # noqa: E402

# Original sentences written for these tests.
TEXT = ("وقال الوزير إن \"المفاوضات ستستمر\". وأضاف أن الاتفاق سيوقع قريبا، وتابع: «لا تراجع.»\n"
        "وقالت مصادر مطلعة إن الحكومة ستعقد اجتماعا طويلا يناقش فيه الوزراء الميزانية العامة للدولة "
        "والخطط الاقتصادية للسنوات الخمس المقبلة وسبل تمويل المشاريع الكبرى في المحافظات كلها، "
        "في 9 كانون الأول/ ديسمبر 2024.")
LONG = ("الحكومة ستعقد اجتماعا طويلا يناقش فيه الوزراء الميزانية العامة للدولة والخطط الاقتصادية للسنوات "
        "الخمس المقبلة وسبل تمويل المشاريع الكبرى في المحافظات كلها")


def _span(i, label, needle, **kw):
    s = TEXT.index(needle)
    return {"id": i, "start": s, "end": s + len(needle), "label": label, "annotator": kw.pop("annotator", "x"), **kw}


DOCS = [{"id": "a", "meta": {"title": "أ"}, "text": TEXT, "spans": [
    _span(1, "QUOTE", "الوزير", attrs={"type": "direct"}),
    _span(2, "QUOTE", LONG, attrs={"type": "indirect"}, status="suggested", annotator="suggester"),
    _span(3, "DATE", "9 كانون الأول/ ديسمبر 2024", attrs={"type": "DATE"}),
]}]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "i.annot", DOCS)


@pytest.mark.parametrize("needle,expected", [
    ("المفاوضات ستستمر", "direct"),
    ("الاتفاق سيوقع قريبا", "indirect"),
    ("لا تراجع", "direct"),  # the full stop before » does not hide the marks
    ("«لا تراجع.»", "direct"),  # trimmed to the words, still in marks
])
def test_a_new_quote_takes_its_type_from_the_text(driver_for, path, needle, expected):
    d = driver_for(path)
    d.select(needle)
    d.key(Qt.Key_1)
    span = d.c.current_span()
    assert span.label == "QUOTE" and span.attrs == {"type": expected}
    assert d.ws.inspector.attr_widgets["type"].currentData() == expected
    d.window_key("Ctrl+Z")
    assert span.id not in d.c.spans


def test_relabelling_as_quote_reads_the_type_too(driver_for, path):
    d = driver_for(path)
    d.select("الاتفاق سيوقع قريبا")
    d.key(Qt.Key_2)
    d.key(Qt.Key_1)  # the selected SOURCE becomes a QUOTE
    assert d.c.current_span().attrs == {"type": "indirect"}


def _y(inspector, widget) -> int:
    return widget.mapTo(inspector, QPoint(0, 0)).y()


def test_attribute_fields_keep_their_place(driver_for, path):
    d = driver_for(path)
    d.window.resize(1100, 700)
    insp = d.ws.inspector
    short, long_ = d.span_by_text("الوزير"), d.span_by_text(LONG)
    d.c.select_span(short.id)
    QApplication.processEvents()
    y_short = _y(insp, insp.attr_widgets["type"])
    d.c.select_span(long_.id)  # a long, suggested quote: wraps, and shows Accept / Reject
    QApplication.processEvents()
    assert _y(insp, insp.attr_widgets["type"]) == y_short
    assert insp.span_text.text() == LONG  # the whole text is still there (and in the tooltip)
    d.key(Qt.Key_T, Qt.AltModifier)  # now modified: the times line grows
    d.c.select_span(long_.id)
    QApplication.processEvents()
    assert _y(insp, insp.attr_widgets["type"]) == y_short
    # A DATE value's hint growing from nothing to a long complaint moves no field.
    d.c.select_span(d.span_by_text("9 كانون الأول/ ديسمبر 2024").id)
    QApplication.processEvents()
    mod = insp.attr_widgets["mod"]
    y_mod = _y(insp, mod)
    edit = insp.attr_widgets["value"]
    edit.setFocus()
    edit.selectAll()
    from PySide6.QtTest import QTest
    QTest.keyClicks(edit, "not a date at all, really not one")
    QApplication.processEvents()
    assert insp.attr_hints["value"].text()
    assert _y(insp, mod) == y_mod


def test_alt_t_cycles_the_type_in_one_undo_step_each(driver_for, path):
    d = driver_for(path)
    quote = d.span_by_text("الوزير")
    d.view.setFocus()
    QApplication.processEvents()
    d.c.select_span(quote.id)
    assert "Alt+T" in d.ws.inspector.attr_form.labelForField(d.ws.inspector.attr_widgets["type"]).text()
    seen = []
    for _ in range(3):
        d.key(Qt.Key_T, Qt.AltModifier)
        seen.append(d.c.project.span(quote.id).attrs.get("type"))
        assert QApplication.activePopupWidget() is None  # the Tools menu did not open
    assert seen == ["indirect", "mixed", "direct"]
    d.key(Qt.Key_T, Qt.AltModifier | Qt.ShiftModifier)
    assert d.c.project.span(quote.id).attrs["type"] == "mixed"
    assert d.ws.inspector.attr_widgets["type"].currentData() == "mixed"
    d.window_key("Ctrl+Z")
    assert d.c.project.span(quote.id).attrs["type"] == "direct"
    # DATE: Alt+T its type, Alt+M its modifier, which can go back to empty.
    date = d.span_by_text("9 كانون الأول/ ديسمبر 2024")
    d.c.select_span(date.id)
    d.key(Qt.Key_M, Qt.AltModifier)
    assert d.c.project.span(date.id).attrs.get("mod") == "START"
    d.key(Qt.Key_M, Qt.AltModifier | Qt.ShiftModifier)
    d.key(Qt.Key_M, Qt.AltModifier | Qt.ShiftModifier)
    assert d.c.project.span(date.id).attrs.get("mod") == "AFTER"
