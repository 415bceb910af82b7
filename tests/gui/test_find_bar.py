"""The find bar with a real view: Arabic-aware matching, selection, keys, focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.gui.find_bar import FindBar
from annotator.gui.text_view import AnnotationView

# Original text: the same word with and without harakat, ة/ه, أ/ا, ى/ي, tatweel, an emoji.
TEXT = (
    "زار الوزيرُ المدرسةَ 😀 صباحاً، وقال مدير المدرسه إن الأطفال سعداء.\n"
    "Visitors came to the school.\n"
    "ثم عاد إلى المــدرسة مساءً ليلتقي بالمعلمين في مبنى المدرسة الجديد."
)


@pytest.fixture
def setup(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    view = AnnotationView()
    bar = FindBar(view)
    layout.addWidget(view)
    layout.addWidget(bar)
    bar.hide()
    qtbot.addWidget(window)
    view.set_document(TEXT, [], {})
    window.resize(700, 400)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window, view, bar


def type_text(edit, text):
    """Type character by character (QTest.keyClicks aborts on non-Latin-1 characters)."""
    for ch in text:
        edit.insert(ch)


def occurrences(word_variants):
    out = []
    for w in word_variants:
        i = TEXT.find(w)
        while i >= 0:
            out.append((i, i + len(w)))
            i = TEXT.find(w, i + 1)
    return sorted(out)


SCHOOL = ["المدرسةَ", "المدرسه", "المــدرسة", "المدرسة الجديد"[: len("المدرسة")]]


def test_arabic_aware_matches_are_selected(setup, qtbot):
    _, view, bar = setup
    bar.open()
    assert bar.isVisible()
    qtbot.waitUntil(bar.edit.hasFocus)
    type_text(bar.edit, "المدرسة")
    expected = sorted(set(occurrences(["المدرسةَ", "المدرسه", "المــدرسة"]) + occurrences(["المدرسة"])))
    # the harakat after the last letter belong to the match
    expected = [(s, e + 1) if TEXT[s:e] == "المدرسة" and TEXT[e] == "\u064e" else (s, e) for s, e in expected]
    expected = sorted(set(expected))
    assert bar.matches() == expected and len(expected) == 4
    assert view.selection_cp() == expected[0]
    assert bar.count.text() == "1 of 4"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert view.selection_cp() == expected[1]
    assert bar.count.text() == "2 of 4"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert view.selection_cp() == expected[3]
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert view.selection_cp() == expected[0]  # wraps around
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == expected[3]
    for s, e in expected:
        assert view.text()[s:e].replace("\u0640", "").startswith("المدرس")


def test_plain_mode_is_exact(setup, qtbot):
    _, view, bar = setup
    bar.open()
    bar.arabic.setChecked(False)
    type_text(bar.edit, "المدرسة")
    assert len(bar.matches()) == 2  # المدرسةَ (prefix) and المدرسة الجديد
    bar.edit.setText("school")
    assert len(bar.matches()) == 1
    bar.case.setChecked(True)
    bar.edit.setText("School")
    assert bar.matches() == [] and bar.count.text() == "No matches"


def test_escape_returns_focus_with_match_selected(setup, qtbot):
    _, view, bar = setup
    bar.open()
    type_text(bar.edit, "مبنى")
    match = bar.current_match()
    assert match == (TEXT.index("مبنى"), TEXT.index("مبنى") + 4)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(view.hasFocus)
    assert view.selection_cp() == match
    # F3 after closing still goes on with the last query
    bar.find_next()
    assert view.selection_cp() == match  # the only match


def test_find_next_from_caret_and_open_prefills_selection(setup, qtbot):
    _, view, bar = setup
    start = TEXT.index("مدير")
    view.select_cp(start, start + 4)
    bar.open()
    assert bar.query() == "مدير"
    assert view.selection_cp() == (start, start + 4)
    view.select_cp(0, 0)
    bar.edit.setText("في")
    bar.find_next()
    s, e = view.selection_cp()
    assert TEXT[s:e] == "في"


def test_matches_follow_document_replacement(setup, qtbot):
    _, view, bar = setup
    bar.open()
    type_text(bar.edit, "قال")
    assert len(bar.matches()) == 1
    view.set_document("قالَ وقال وقالت", [], {})
    assert [m for m in bar.matches()] == [(0, 4), (6, 9), (11, 14)]
    bar.find_next()
    assert view.selection_cp() == (0, 4)
