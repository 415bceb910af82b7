"""The annotation text view with real widgets (offscreen): offsets, selection, direction, painting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.model import Span
from annotator.gui.span_layout import assign_lanes, first_strong_direction, paragraph_directions
from annotator.gui.text_view import AnnotationView

# Original text written for these tests: harakat, shadda, lam-alef, quote marks of every
# kind, Arabic + Latin + both digit sets in one line, an emoji, a skin-tone emoji, an NBSP,
# then a Latin-only paragraph and an Arabic paragraph with curly and straight quotes.
P1 = (
    "قالَ الوزيرُ «أطلقت شركة Apple نظام iOS 17 في ١٢ سبتمبر 2023» لا شكّ 😀 و👍🏽 "
    "للسفير\u00a0الجديد."
)
P2 = "This line is only Latin text, left to right."
P3 = "وقال المتحدث: “سنعمل معاً” ثم أضاف \"انتهى\"."
TEXT = "\n".join([P1, P2, P3])
COLOURS = {"QUOTE": "#4E9AF1", "SOURCE": "#F39C32", "CUE": "#3DBF6E", "DATE": "#B36AE2"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def u16(text: str, cp: int) -> int:
    """UTF-16 offset computed independently of Utf16Map."""
    return len(text[:cp].encode("utf-16-le")) // 2


def find(word: str, text: str = TEXT, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def span(sid: int, start: int, end: int, label: str, status: str = "accepted", annotator: str = "amal", **attrs) -> Span:
    return Span(sid, 1, start, end, label, annotator, status, attrs)


def demo_spans() -> list[Span]:
    q = (TEXT.index("«"), TEXT.index("»") + 1)
    date = (TEXT.index("١٢"), find("2023")[1])
    return [
        span(1, *q, "QUOTE", type="direct"),
        span(2, *find("Apple"), "SOURCE", kind="organization"),
        span(3, *date, "DATE", type="DATE", value="2023-09-12"),
        span(4, *find("سبتمبر"), "DATE", "suggested"),
        span(5, *find("قالَ"), "CUE"),
        span(6, find("للسفير")[0] + 1, find("للسفير")[1], "SOURCE"),  # partial word: the ل clitic left out
        span(7, *find("“سنعمل معاً”"), "QUOTE", type="direct"),
        span(8, *find("وقال"), "CUE", "rejected"),
    ]


@pytest.fixture
def view(qtbot):
    v = AnnotationView()
    qtbot.addWidget(v)
    v.resize(760, 420)
    v.set_document(TEXT, demo_spans(), COLOURS)
    v.show()
    qtbot.waitExposed(v)
    v.viewport().repaint()
    return v


def select_u16(view: AnnotationView, a: int, b: int) -> None:
    c = QTextCursor(view.document())
    c.setPosition(a)
    c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(c)


def caret_point(view: AnnotationView, u16_pos: int) -> QPoint:
    c = QTextCursor(view.document())
    c.setPosition(u16_pos)
    return view.cursorRect(c).center()


# ----- offsets -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word",
    ["قالَ", "«أطلقت", "Apple", "iOS 17", "١٢ سبتمبر 2023", "😀", "و👍🏽", "للسفير\u00a0الجديد", "لا شكّ",
     "Latin", "“سنعمل معاً”", "\"انتهى\"", "أضاف"],
)
def test_cursor_selection_maps_to_code_points(view, word):
    start, end = find(word)
    select_u16(view, u16(TEXT, start), u16(TEXT, end))
    assert view.selection_cp() == (start, end)
    assert view.text()[start:end] == word


def test_text_is_the_stored_text_not_qts(view):
    assert view.text() == TEXT
    assert "\u00a0" in view.text()
    assert view.toPlainText() != TEXT  # Qt's copy turns the NBSP into a space: never read it
    assert view.document().characterCount() - 1 == u16(TEXT, len(TEXT))


def test_select_cp_after_emoji_highlights_right_glyphs(view):
    start, end = find("للسفير")
    seen = []
    view.selectionChangedCp.connect(lambda a, b: seen.append((a, b)))
    view.select_cp(start, end)
    c = view.textCursor()
    assert (c.selectionStart(), c.selectionEnd()) == (u16(TEXT, start), u16(TEXT, end))
    assert u16(TEXT, start) == start + 3  # 😀 is 2 units, 👍🏽 is 4: three more than code points
    assert seen[-1] == (start, end)
    # The selected glyphs are the word's, read back through the same layout Qt draws.
    block = view.document().findBlock(c.selectionStart())
    units = block.text().encode("utf-16-le")  # Qt's copy, indexed in UTF-16 units
    a, b = c.selectionStart() - block.position(), c.selectionEnd() - block.position()
    assert units[2 * a : 2 * b].decode("utf-16-le") == "للسفير"


def test_selection_signal_reports_code_points(view, qtbot):
    start, end = find("و👍🏽")
    with qtbot.waitSignal(view.selectionChangedCp) as sig:
        select_u16(view, u16(TEXT, start), u16(TEXT, end))
    assert sig.args == [start, end]


def test_copy_puts_the_stored_characters(view):
    start, end = find("للسفير\u00a0الجديد")
    view.select_cp(start, end)
    assert view.createMimeDataFromSelection().text() == "للسفير\u00a0الجديد"


# ----- mouse -----------------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["الوزيرُ", "للسفير", "ppl", "سنعمل", "Latin", "شكّ"])
def test_mouse_drag_selects_code_points(view, qtbot, word):
    start, end = find(word)
    p1, p2 = caret_point(view, u16(TEXT, start)), caret_point(view, u16(TEXT, end))
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=p1)
    qtbot.mouseMove(vp, pos=QPoint((p1.x() + p2.x()) // 2, p1.y()))
    qtbot.mouseMove(vp, pos=p2)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=p2)
    assert view.selection_cp() == (start, end)
    assert TEXT[slice(*view.selection_cp())] == word


def test_mouse_click_on_span_activates_innermost(view, qtbot):
    start, end = find("Apple")
    rects = view._range_rects(view.document().findBlockByNumber(0), u16(TEXT, start) + 2, u16(TEXT, start) + 3)
    assert rects
    top = view.block_top(0)
    point = rects[0].center().toPoint() + QPoint(int(view.contentOffset().x()), int(top))
    with qtbot.waitSignal(view.spanActivated) as sig:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert sig.args == [2]  # SOURCE Apple, inside QUOTE 1
    assert [s.id for s in view.spans_at_point(point)] == [2, 1]


# ----- keyboard --------------------------------------------------------------------------------
def test_shift_arrows_move_logically_in_rtl_paragraph(view, qtbot):
    view.select_cp(0, 0)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    # Left is forward in a right-to-left paragraph; the fatha stays with its lam.
    assert view.selection_cp() == (0, 4)
    assert TEXT[0:4] == "قالَ"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (0, 2)


def test_shift_arrows_over_emoji_take_whole_clusters(view, qtbot):
    start = TEXT.index("😀")
    view.select_cp(start, start)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (start, start + 1)
    thumbs = TEXT.index("👍🏽")
    view.select_cp(thumbs, thumbs)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (thumbs, thumbs + 2)  # thumb + skin tone: one cluster


def test_shift_arrows_in_ltr_paragraph(view, qtbot):
    start = TEXT.index(P2)
    view.select_cp(start, start)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert TEXT[slice(*view.selection_cp())] == "This"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert TEXT[slice(*view.selection_cp())].startswith("This line") or TEXT[slice(*view.selection_cp())] == "This "


def test_shift_ctrl_arrow_selects_words_in_rtl(view, qtbot):
    start = find("وقال")[0]
    view.select_cp(start, start)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    selected = TEXT[slice(*view.selection_cp())]
    assert selected.strip() == "وقال"


# ----- direction and layout --------------------------------------------------------------
def _line_rect(view, number):
    block = view.document().findBlockByNumber(number)
    return block.layout().lineAt(0).naturalTextRect()


def _assert_alignment(view):
    view.viewport().repaint()
    width = view.viewport().width()
    margin = view.document().documentMargin()
    rtl, ltr, rtl2 = _line_rect(view, 0), _line_rect(view, 1), _line_rect(view, 2)
    assert rtl.right() == pytest.approx(width - margin, abs=2)
    assert ltr.left() == pytest.approx(margin, abs=2)
    assert rtl2.right() == pytest.approx(width - margin, abs=2)
    assert rtl2.left() > margin + 20  # not left-aligned
    doc = view.document()
    assert doc.findBlockByNumber(0).layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert doc.findBlockByNumber(1).layout().textOption().textDirection() == Qt.LayoutDirection.LeftToRight


def test_paragraph_alignment_follows_direction(view, qtbot):
    assert [view.block_direction(i) for i in range(3)] == ["rtl", "ltr", "rtl"]
    _assert_alignment(view)
    view.resize(520, 500)
    qtbot.wait(10)
    _assert_alignment(view)
    view.zoom_in()
    view.zoom_in()
    _assert_alignment(view)
    view.set_text_font("DejaVu Sans", 11)
    _assert_alignment(view)


def test_rtl_user_interface_keeps_paragraph_directions(view, qtbot):
    """An Arabic UI (right-to-left widgets) must not flip the Latin paragraph."""
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(10)
    _assert_alignment(view)
    start, end = find("Latin")
    p1, p2 = caret_point(view, u16(TEXT, start)), caret_point(view, u16(TEXT, end))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=p1)
    qtbot.mouseMove(view.viewport(), pos=p2)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=p2)
    assert view.selection_cp() == (start, end)


def test_click_on_glyph_edges_in_wrapped_rtl_line(view, qtbot):
    """Qt's xToCursor is off by a trailing space in wrapped RTL lines; our hit test is not.
    Points come from the glyphs' own rectangles, not from cursorToX."""
    block = view.document().findBlockByNumber(0)
    assert block.layout().lineCount() >= 2
    start, end = find("الوزيرُ")
    glyph = view._range_rects(block, u16(TEXT, start), u16(TEXT, start) + 1)[0]  # the alef
    top, ox = view.block_top(0), view.contentOffset().x()
    right = QPointF(glyph.right() - 1 + ox, glyph.center().y() + top)
    left = QPointF(glyph.left() + 1 + ox, glyph.center().y() + top)
    assert view.position_at(right) == start  # right edge of an RTL letter: before it
    assert view.position_at(left) == start + 1
    # and in the gap below the line, where span bars are drawn, still this line
    below = QPointF(right.x(), top + glyph.bottom() + view._gap - 2)
    assert view.position_at(below) == start


def test_line_spacing_leaves_room_for_lanes(view):
    view.viewport().repaint()
    layout = view.document().findBlockByNumber(0).layout()
    assert layout.lineCount() >= 2
    first, second = layout.lineAt(0), layout.lineAt(1)
    gap = second.y() - (first.y() + first.height())
    assert gap >= 3 * (view._lane_w + 1)


def test_neutral_paragraph_follows_previous_direction(qtbot):
    v = AnnotationView()
    qtbot.addWidget(v)
    v.set_document("قال الوزير\n2023/09/12\nEnglish\n١٢٣", [], COLOURS)
    assert [v.block_direction(i) for i in range(4)] == ["rtl", "rtl", "ltr", "ltr"]
    # Qt's cursor movement follows the block direction we decided.
    assert v.document().findBlockByNumber(1).textDirection() == Qt.LayoutDirection.RightToLeft


def test_first_strong_direction_skips_isolates():
    assert first_strong_direction("\u2066Apple\u2069 قال") == "rtl"
    assert first_strong_direction("123 «قال»") == "rtl"
    assert first_strong_direction("123 ...") is None
    assert paragraph_directions(["123", "Hello", "456"]) == ["ltr", "ltr", "ltr"]
    assert paragraph_directions(["123", "مرحبا", "456"]) == ["rtl", "rtl", "rtl"]


def test_crlf_keeps_offsets(qtbot):
    text = "السطر الأول\r\nالسطر الثاني 😀 هنا\rثالث"
    v = AnnotationView()
    qtbot.addWidget(v)
    v.set_document(text, [], COLOURS)
    for word in ["الثاني", "هنا", "ثالث"]:
        s, e = find(word, text)
        v.select_cp(s, e)
        assert v.selection_cp() == (s, e)
        c = v.textCursor()
        assert (c.selectionStart(), c.selectionEnd()) == (u16(text, s), u16(text, e))


# ----- spans -----------------------------------------------------------------------------------
def test_spans_at_innermost_first_and_rejected_hidden(view):
    cp = find("Apple")[0] + 1
    assert [s.id for s in view.spans_at(cp)] == [2, 1]
    cp = find("سبتمبر")[0]
    assert [s.id for s in view.spans_at(cp)] == [4, 3, 1]
    cp = find("وقال")[0]
    assert view.spans_at(cp) == []
    assert [s.id for s in view.spans_at(cp, include_rejected=True)] == [8]


def test_nested_spans_get_lanes(view):
    bp = view._block_paint(view.document().findBlockByNumber(0))
    lanes = {s.id: lane for s, lane, _ in bp.items}
    assert lanes[1] == 0 and lanes[5] == 0 and lanes[6] == 0
    assert lanes[2] == 1 and lanes[3] == 1
    assert lanes[4] == 2  # سبتمبر inside the date inside the quote
    assert 8 not in lanes  # rejected: not drawn


def test_assign_lanes_crossing_spans_do_not_share_a_lane():
    lanes = assign_lanes([(0, 100, 1), (10, 30, 2), (20, 40, 3), (50, 60, 4)])
    assert lanes[1] == 0
    assert lanes[2] == 1 and lanes[3] == 2 and lanes[4] == 1


def test_add_and_remove_span_incrementally(view, qtbot):
    s, e = find("لا شكّ")
    view.add_span(span(20, s, e, "CUE"))
    view.viewport().repaint()
    assert [x.id for x in view.spans_at(s)] == [20]
    assert any(it[0].id == 20 for it in view._block_paint(view.document().findBlockByNumber(0)).items)
    # Other blocks' paint caches survive an edit in block 0.
    cached = view._paint.get(1)
    view.add_span(span(21, *find("Latin"), "SOURCE"))
    assert view._paint.get(1) is None and 0 in view._paint or cached is None
    view.viewport().repaint()
    view.update_span(span(20, s, s + 2, "DATE"))
    assert view.spans_at(s)[0].label == "DATE"
    assert view.spans_at(e - 1) == []
    view.remove_span(20)
    view.remove_span(21)
    view.remove_span(999)  # unknown ids are ignored
    view.viewport().repaint()
    assert view.spans_at(s) == []


def test_span_crossing_direction_boundary_gets_one_rect_per_run(view):
    """WebAnno #283: '17 في' in an RTL line is two separate pieces on screen (iOS between)."""
    block = view.document().findBlockByNumber(0)
    s, e = find("17 في")
    rects = view._range_rects(block, u16(TEXT, s), u16(TEXT, e))
    ios = view._range_rects(block, *(u16(TEXT, x) for x in find("iOS")))
    assert len(rects) == 2
    assert len(ios) == 1
    assert not any(r.intersects(ios[0].adjusted(1, 1, -1, -1)) for r in rects)


def test_partial_word_rect_is_inside_the_word(view):
    block = view.document().findBlockByNumber(0)
    s, e = find("للسفير")
    whole = view._range_rects(block, u16(TEXT, s), u16(TEXT, e))
    part = view._range_rects(block, u16(TEXT, s + 1), u16(TEXT, e))
    assert len(whole) == 1 and len(part) == 1
    assert whole[0].left() - 0.5 <= part[0].left() and part[0].right() <= whole[0].right() + 0.5
    assert part[0].width() < whole[0].width()
    # RTL: the clitic ل is the rightmost letter, so leaving it out trims the right side.
    assert part[0].right() < whole[0].right()


def test_current_and_linked_spans(view):
    view.set_current_span(1, [2, 5])
    view.viewport().repaint()
    assert view.current_span() == 1
    view.set_current_span(None)
    assert view.current_span() is None


# ----- tooltips --------------------------------------------------------------------------------
def test_tooltip_is_plain_text(view):
    tip = view.tooltip_for([span(30, 0, 4, "<b>x</b>", annotator="a&b", note="<i>y</i>")])
    doc = QTextDocument()
    doc.setHtml(tip)
    shown = doc.toPlainText()
    assert "<b>x</b>" in shown and "<i>y</i>" in shown and "a&b" in shown
    assert "قالَ" in shown


def test_tooltip_event_lists_spans_under_mouse(view, qtbot):
    block = view.document().findBlockByNumber(0)
    s = find("Apple")[0]
    r = view._range_rects(block, u16(TEXT, s) + 1, u16(TEXT, s) + 2)[0]
    point = r.center().toPoint() + QPoint(int(view.contentOffset().x()), int(view.block_top(0)))
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    doc = QTextDocument()
    doc.setHtml(QToolTip.text())
    lines = doc.toPlainText().splitlines()
    assert lines[0].startswith("SOURCE (organization) — amal")
    assert lines[1].startswith("QUOTE (direct) — amal")
    QToolTip.hideText()


# ----- invisibles and bidi controls ------------------------------------------------------------
def test_show_invisibles_keeps_offsets(view):
    start, end = find("للسفير\u00a0الجديد")
    before = view.document().characterCount()
    view.set_show_invisibles(True)
    view.viewport().repaint()
    assert view.document().characterCount() == before
    view.select_cp(start, end)
    assert view.selection_cp() == (start, end)
    select_u16(view, u16(TEXT, start), u16(TEXT, end))
    assert view.selection_cp() == (start, end)
    assert view.text() == TEXT
    view.set_show_invisibles(False)
    assert view.selection_cp() == (start, end)


def test_invisible_marks_found_at_right_positions(qtbot):
    text = "قال\u200f «نعم» \u202eabc\u202c ـــ و\u200dلا\u00a0"
    v = AnnotationView()
    qtbot.addWidget(v)
    v.resize(500, 200)
    v.set_document(text, [], COLOURS)
    v.set_show_invisibles(True)
    v.show()
    v.viewport().repaint()
    block = v.document().firstBlock()
    marks = v._block_marks(block, v._block_paint(block))
    assert [text[p] for p, _ in marks] == [ch for ch in text if ch in "\u200f\u202e\u202c\u0640\u200d\u00a0"]
    assert [p for p, ch in marks] == [i for i, ch in enumerate(text) if ch in "\u200f\u202e\u202c\u0640\u200d\u00a0"]
    ARTIFACTS.mkdir(exist_ok=True)
    v.set_text_font("Noto Sans Arabic", 22)
    v.viewport().repaint()
    assert v.grab().save(str(ARTIFACTS / "text_view_invisibles.png"))


def test_has_bidi_controls(qtbot):
    v = AnnotationView()
    qtbot.addWidget(v)
    v.set_document("قال \u202eabc\u202c", [], COLOURS)
    assert v.has_bidi_controls()
    v.set_document("قال \u200fabc \u2067x\u2069", [], COLOURS)
    assert v.has_bidi_controls()  # isolates count too
    v.set_document("قال \u200fabc\u200e", [], COLOURS)
    assert not v.has_bidi_controls()  # marks alone do not reorder anything
    v.clear_document()
    assert v.text() == "" and not v.has_bidi_controls()


# ----- zoom and fonts ----------------------------------------------------------------------------
def test_zoom_keys(view, qtbot):
    size = view.text_point_size()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.text_point_size() > size
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.text_point_size() < size
    view.set_text_font("Noto Sans Arabic", 500)
    assert view.text_point_size() == 72


def test_empty_and_single_paragraph_documents(qtbot):
    v = AnnotationView()
    qtbot.addWidget(v)
    v.set_document("", [], COLOURS)
    v.show()
    v.viewport().repaint()
    assert v.selection_cp() == (0, 0) and v.spans_at(0) == []
    v.set_document("كلمة", [span(1, 0, 4, "CUE")], COLOURS)
    v.viewport().repaint()
    assert [s.id for s in v.spans_at(3)] == [1]


# ----- picture -----------------------------------------------------------------------------------
def test_render_png(view):
    """Renders artifacts/text_view.png (and a large-font one) for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    view.set_current_span(1, [2])
    view.set_show_invisibles(True)
    view.select_cp(*find("المتحدث"))
    image = view.grab()
    assert not image.isNull()
    assert image.save(str(ARTIFACTS / "text_view.png"))
    view.set_text_font("Noto Sans Arabic", 30)
    view.resize(900, 700)
    view.verticalScrollBar().setValue(0)
    view.viewport().repaint()
    assert view.grab().save(str(ARTIFACTS / "text_view_large.png"))


def test_many_void_qt_calls_do_not_exhaust_none(qtbot):
    """PySide6 6.12 on Python 3.11 drops a None reference per void call; the guard makes
    None immortal so painting for hours cannot abort the interpreter."""
    import sys

    from PySide6.QtCore import QRectF

    from annotator.gui import pyside_guard

    pyside_guard.protect_none()
    r = QRectF()
    before = sys.getrefcount(None)
    for _ in range(50_000):
        r.setX(1.0)
    assert sys.getrefcount(None) > 1 << 39
    assert pyside_guard.protect_none() is False  # already protected (or immortal): idempotent
    assert before > 1 << 39 or sys.version_info >= (3, 12)
