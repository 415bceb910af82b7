"""Adversarial check of the text view under review load: many overlapping spans (each
annotator's layer and gold) in one long paragraph."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("pytestqt")

from annotator.core.model import Span  # noqa: E402


def _layers(n: int) -> tuple[str, list[Span], dict[str, str]]:
    text = " ".join(["كلمة"] * (n * 2))  # one paragraph
    spans = [Span(k * n + i + 1, 1, i * 10, i * 10 + 4, f"DATE{k}", "a") for k in range(3) for i in range(n)]
    return text, spans, {f"DATE{k}": "#cc3333" for k in range(3)}


def test_laying_out_many_overlapping_spans_in_one_paragraph_grows_with_their_number(qtbot):
    from annotator.gui.text_view import AnnotationView

    def cost(n):
        v = AnnotationView()
        qtbot.addWidget(v)
        v.resize(900, 600)
        v.show()
        text, spans, colours = _layers(n)
        t0 = time.perf_counter()
        v.set_document(text, spans, colours)
        v.grab()
        return time.perf_counter() - t0

    cost(20)
    ratio = cost(1500) / max(cost(150), 1e-3)
    assert ratio < 20, ratio  # ten times the spans: about ten times the time (it is about 50)
