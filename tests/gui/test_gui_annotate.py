"""Annotating through the window: selections + hotkeys, checked in the project file."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotator.core.offsets import Utf16Map  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

DOCS = [
    {"id": "plain", "meta": {"title": "خبر", "dct": "2024-01-10"},
     "text": "قال الوزير إن الاجتماع انتهى أمس.\nوأضاف أن المفاوضات ستستمر."},
    {"id": "emoji", "meta": {"title": "رموز"}, "text": "كتبت 😀 الجمعية 🌊 على حسابها: شكراً لكم"},
    {"id": "harakat", "meta": {}, "text": "وقال المُتحدِّثُ الرسميُّ إنَّ القرارَ نهائيٌّ."},
    {"id": "mixed", "meta": {}, "text": "Exports 2023: 4.2 bn USD — الصادرات ارتفعت بنسبة 7% في Q4 2022"},
    {"id": "quotes", "meta": {}, "text": "وصرّح بأن «الأمطار أنعشت الآمال» وقال: \"سنعود\" ثم “انتهى” الأمر"},
    {"id": "brackets", "meta": {}, "text": "قال إن اليوم (الخميس) عطلة رسمية.\nوأضاف أن العمل يعود."},
]


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "p.annot", DOCS)


def stored(project, doc_id):
    doc = project.document(doc_id)
    return doc.text, project.spans(doc.num)


def test_select_and_hotkey_stores_word_snapped_span(driver_for, path):
    d = driver_for(path)
    d.goto("plain")
    d.select("الوزير", trim=(2, 1))  # a partial selection inside the word
    d.key(Qt.Key_2)
    p = d.reopen()
    text, spans = stored(p, "plain")
    assert [(text[s.start:s.end], s.label, s.annotator) for s in spans] == [("الوزير", "SOURCE", ANNOTATOR)]
    assert spans[0].attrs == {"kind": "person"}  # the scheme's default


def test_offsets_after_emoji_are_code_points(driver_for, path):
    d = driver_for(path)
    d.goto("emoji")
    start = d.text.index("الجمعية")
    d.select_with_cursor(start, start + len("الجمعية"))  # through QTextCursor: UTF-16 inside Qt
    d.key(Qt.Key_2)
    s2 = d.text.index("حسابها")
    d.select_with_cursor(s2 - 3, s2 + 6)  # starts inside "على", ends inside the word: snaps to both words
    d.key(Qt.Key_1)
    p = d.reopen()
    text, spans = stored(p, "emoji")
    got = {(s.start, s.end, s.label) for s in spans}
    assert (start, start + 7, "SOURCE") in got
    assert {text[s.start:s.end] for s in spans} == {"الجمعية", "على حسابها"}
    assert Utf16Map(text).to_utf16(start) == start + 1  # the emoji before it is two UTF-16 units


def test_harakat_stay_with_their_letter_in_character_mode(driver_for, path):
    d = driver_for(path)
    d.goto("harakat")
    word = "المُتحدِّثُ"
    i = d.text.index(word)
    # Select up to just after "د", before its shadda and kasra: exact characters (Alt+3).
    cut = word.index("د") + 1
    d.view.select_cp(i, i + cut)
    d.key(Qt.Key_3, Qt.AltModifier)
    p = d.reopen()
    text, spans = stored(p, "harakat")
    assert len(spans) == 1
    got = text[spans[0].start:spans[0].end]
    assert got.startswith("المُتحد") and got[-1] in "\u0650\u0651"  # the marks came along
    assert text[spans[0].end] not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def test_mixed_direction_line(driver_for, path):
    d = driver_for(path)
    d.goto("mixed")
    d.select("USD")
    d.key(Qt.Key_2)
    d.select("Q4 2022")
    d.key(Qt.Key_4)
    d.select("الصادرات ارتفعت")
    d.key(Qt.Key_1)
    p = d.reopen()
    text, spans = stored(p, "mixed")
    assert sorted((text[s.start:s.end], s.label) for s in spans) == [
        ("Q4 2022", "DATE"), ("USD", "SOURCE"), ("الصادرات ارتفعت", "QUOTE")]


@pytest.mark.parametrize("needle,expected", [
    ("«الأمطار أنعشت الآمال»", "الأمطار أنعشت الآمال"),
    ("\"سنعود\"", "سنعود"),
    ("“انتهى”", "انتهى"),
])
def test_word_mode_leaves_quote_marks_out(driver_for, path, needle, expected):
    d = driver_for(path)
    d.goto("quotes")
    d.select(needle)
    d.key(Qt.Key_1)
    p = d.reopen()
    text, spans = stored(p, "quotes")
    assert [text[s.start:s.end] for s in spans] == [expected]


def test_quote_mark_alone_makes_no_span(driver_for, path):
    d = driver_for(path)
    d.goto("quotes")
    i = d.text.index("«")
    d.view.select_cp(i, i + 1)
    d.key(Qt.Key_1)
    assert d.c.spans == {}
    p = d.reopen()
    assert stored(p, "quotes")[1] == []


def test_mouse_drag_selection(driver_for, path, qtbot):
    d = driver_for(path)
    d.goto("plain")
    i = d.text.index("المفاوضات")
    j = i + len("المفاوضات")
    vp = d.view.viewport()
    qtbot.wait(150)  # the view lays out and re-wraps its blocks after the window settles

    def point(cp):
        cur = QTextCursor(d.view.document())
        cur.setPosition(Utf16Map(d.text).to_utf16(cp))
        r = d.view.cursorRect(cur)
        return QPoint(r.center().x(), r.center().y())

    a, b = point(i), point(j)
    qtbot.mousePress(vp, Qt.LeftButton, pos=a)
    qtbot.mouseMove(vp, pos=QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(vp, pos=b)
    qtbot.mouseRelease(vp, Qt.LeftButton, pos=b)
    assert d.view.selection_cp() in ((i, j), (j, i))
    d.key(Qt.Key_1)
    p = d.reopen()
    text, spans = stored(p, "plain")
    assert [text[s.start:s.end] for s in spans] == ["المفاوضات"]


def test_relabel_delete_and_undo_redo_round_trip(driver_for, path):
    d = driver_for(path)
    d.goto("plain")
    d.select("الاجتماع انتهى")
    d.key(Qt.Key_1)
    span = d.c.current_span()
    assert span.label == "QUOTE"
    d.key(Qt.Key_4)  # span selected, another hotkey: relabel, not a second span
    assert len(d.c.spans) == 1 and d.c.current_span().label == "DATE"
    assert d.c.project.span(span.id).label == "DATE"
    d.window_key("Ctrl+Z")
    assert d.c.project.span(span.id).label == "QUOTE"
    d.window_key("Ctrl+Shift+Z")
    assert d.c.project.span(span.id).label == "DATE"
    d.key(Qt.Key_Delete)
    assert d.c.spans == {} and d.c.project.spans(d.c.doc.num) == []
    assert d.view.spans() == []
    d.window_key("Ctrl+Z")
    restored = d.c.project.span(span.id)  # the same id comes back
    assert (restored.start, restored.end, restored.label) == (span.start, span.end, "DATE")
    assert [s.id for s in d.view.spans()] == [span.id]
    assert d.ws.span_model.rowCount() == 1
    d.window_key("Ctrl+Z")
    d.window_key("Ctrl+Z")
    assert d.c.project.spans(d.c.doc.num) == []
    d.window_key("Ctrl+Shift+Z")  # add again (same id)
    d.window_key("Ctrl+Shift+Z")  # relabel again; the delete stays undone
    assert d.ws.undo.canRedo()
    p = d.reopen()
    text, spans = stored(p, "plain")
    assert [(text[s.start:s.end], s.label, s.id) for s in spans] == [("الاجتماع انتهى", "DATE", span.id)]


def test_edges_move_in_logical_order_in_rtl_text(driver_for, path):
    d = driver_for(path)
    d.goto("plain")
    d.select("الاجتماع")
    d.key(Qt.Key_1)
    sid = d.c.current
    # Right-to-left paragraph: → points at the beginning, so the start moves backward.
    d.key(Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)
    assert d.text[d.c.current_span().start:d.c.current_span().end] == "إن الاجتماع"
    d.key(Qt.Key_Left, Qt.ControlModifier | Qt.AltModifier)  # the end moves forward
    d.key(Qt.Key_Left, Qt.ControlModifier | Qt.AltModifier)
    assert d.text[d.c.current_span().start:d.c.current_span().end] == "إن الاجتماع انتهى أمس"
    d.key(Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier)  # the start moves forward again
    assert d.text[d.c.current_span().start:d.c.current_span().end] == "الاجتماع انتهى أمس"
    # Consecutive nudges of one span are one undo step.
    d.window_key("Ctrl+Z")
    assert d.text[d.c.current_span().start:d.c.current_span().end] == "الاجتماع"
    d.window_key("Ctrl+Shift+Z")
    p = d.reopen()
    text, spans = stored(p, "plain")
    assert [text[s.start:s.end] for s in spans if s.id == sid] == ["الاجتماع انتهى أمس"]


def test_edges_in_ltr_text_follow_the_arrows(driver_for, path):
    d = driver_for(path)
    d.goto("mixed")
    d.select("2023")
    d.key(Qt.Key_4)
    d.key(Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier)  # LTR paragraph: ← is backward
    span = d.c.current_span()
    assert d.text[span.start:span.end] == "Exports 2023"


def test_character_precision_toggle(driver_for, path):
    d = driver_for(path)
    d.goto("plain")
    i = d.text.index("وأضاف")
    d.view.select_cp(i + 1, i + 5)  # the verb without its و
    d.window.a_precision.trigger()
    d.key(Qt.Key_3)
    d.window.a_precision.trigger()
    p = d.reopen()
    text, spans = stored(p, "plain")
    assert [text[s.start:s.end] for s in spans] == ["أضاف"]


def test_letter_hotkeys_work_on_an_arabic_keyboard_layout(driver_for, path):
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    d = driver_for(path)
    d.goto("plain")
    d.select("الوزير")
    d.key(Qt.Key_2)
    d.select("المفاوضات ستستمر")
    d.key(Qt.Key_1)
    quote = d.c.current
    # On an Arabic layout the S key types "س": it still starts a source link.
    ev = QKeyEvent(QKeyEvent.KeyPress, 0x0633, Qt.NoModifier, "س")
    QApplication.sendEvent(d.view, ev)
    assert d.c.link is not None
    d.key(Qt.Key_1)
    rels = d.c.project.relations_of(quote)
    assert [(r.label, d.text[d.c.project.span(r.to_span).start:d.c.project.span(r.to_span).end]) for r in rels] == [
        ("source", "الوزير")]


def test_readonly_project_refuses_edits(driver_for, path):
    d = driver_for(path, readonly=True)
    d.goto("plain")
    d.select("الوزير")
    d.key(Qt.Key_2)
    assert d.c.spans == {}
    assert d.window.st_readonly.isVisible() and "Read-only" in d.window.st_readonly.text()
    assert not d.ws.palette.buttons["QUOTE"].isEnabled()
    assert not d.window.a_done_next.isEnabled()
    p = d.reopen()
    assert stored(p, "plain")[1] == []


def test_word_snap_keeps_the_closing_bracket(driver_for, path):
    d = driver_for(path)
    d.goto("brackets")
    d.select("اليوم (الخميس)")
    d.key(Qt.Key_4)
    assert d.text[d.c.current_span().start:d.c.current_span().end] == "اليوم (الخميس)"
    d.window_key("Ctrl+Z")
    assert d.c.spans == {}
    d.select("اليوم (الخميس", trim=(0, 0))  # the drag stopped before the bracket
    d.key(Qt.Key_4)
    p = d.reopen()
    text, spans = stored(p, "brackets")
    assert [text[s.start:s.end] for s in spans] == ["اليوم (الخميس)"]


def test_edge_steps_stop_at_punctuation_and_keep_brackets_paired(driver_for, path):
    d = driver_for(path)
    d.goto("brackets")
    d.select("اليوم")
    d.key(Qt.Key_4)
    shown = lambda: d.text[d.c.current_span().start:d.c.current_span().end]  # noqa: E731
    end_forward = (Qt.Key_Left, Qt.ControlModifier | Qt.AltModifier)  # RTL paragraph: ← is forward
    end_back = (Qt.Key_Right, Qt.ControlModifier | Qt.AltModifier)
    d.key(*end_forward)
    assert shown() == "اليوم (الخميس)"  # over the pair, never into it
    d.key(*end_forward)
    d.key(*end_forward)
    assert shown() == "اليوم (الخميس) عطلة رسمية"
    d.key(*end_forward)
    assert shown() == "اليوم (الخميس) عطلة رسمية."  # the full stop is a step: no jump into the next line
    d.key(*end_back)
    d.key(*end_back)
    d.key(*end_back)
    assert shown() == "اليوم (الخميس)"
    d.key(*end_back)
    assert shown() == "اليوم"  # back over the whole pair
    d.key(*end_forward)
    assert d.ws.undo.count() == 2  # the nudges of one span are one undo step
    d.window_key("Ctrl+Z")
    assert shown() == "اليوم"
    d.window_key("Ctrl+Shift+Z")
    p = d.reopen()
    text, spans = stored(p, "brackets")
    assert [text[s.start:s.end] for s in spans] == ["اليوم (الخميس)"]
