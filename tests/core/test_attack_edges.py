"""Adversarial checks of moving a span's edges by keyboard: exact cluster steps and speed
on a long document."""

from __future__ import annotations

import time

from annotator.core.offsets import grapheme_starts
from annotator.gui.edges import step_edge

TEXT = "قالَ الوزيرُ «إنّ الاتفاق» 👍🏽 في 12.5% من المدن 👨‍👩‍👧، وأضاف: \"نحن مستعدون\"."


def test_char_steps_are_the_grapheme_boundaries():
    bounds = grapheme_starts(TEXT) + [len(TEXT)]
    for k in range(1, len(bounds) - 1):
        s = bounds[0]
        assert step_edge(TEXT, s, bounds[k], "end", 1, "char") == (s, bounds[k + 1])
        if k > 1:
            assert step_edge(TEXT, s, bounds[k], "end", -1, "char") == (s, bounds[k - 1])
        assert step_edge(TEXT, bounds[k], len(TEXT), "start", -1, "char") == (bounds[k - 1], len(TEXT))


def test_a_char_step_on_a_megabyte_document_is_immediate():
    text = TEXT * 12000  # about a million characters
    mid = len(text) // 2
    mid = max(b for b in grapheme_starts(text[mid - 200: mid]) ) + mid - 200
    t0 = time.perf_counter()
    for _ in range(5):
        step_edge(text, mid, mid + 40, "end", 1, "char")
        step_edge(text, mid, mid + 40, "start", -1, "char")
    assert (time.perf_counter() - t0) / 10 < 0.03  # it took 0.47 s a key over the whole text


def test_the_start_never_moves_onto_an_invisible_mark():
    text = "\u200f👍🏽 قال"
    assert step_edge(text, 1, 3, "start", -1, "word") is None
    text = "قال\u200f"
    assert step_edge(text, 0, 3, "end", 1, "word") is None


def test_a_paragraph_after_a_unicode_paragraph_separator_has_its_own_direction():
    from annotator.gui.edges import paragraph_is_rtl

    text = "Latin first\u2029قال الوزير"
    assert paragraph_is_rtl(text, text.index("الوزير"))
    assert not paragraph_is_rtl(text, 2)
