"""Adversarial check of link replacement: the old link was a suggestion; undo must bring it
back exactly (id, status, rule), and redo must replace it again."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

TEXT = "قال الوزير والمتحدث باسم الحكومة إن الاتفاق سيوقع غدا في العاصمة."


def _record():
    def at(piece):
        return TEXT.index(piece), TEXT.index(piece) + len(piece)

    q, s1, s2 = at("الاتفاق سيوقع غدا"), at("الوزير"), at("المتحدث باسم الحكومة")
    spans = [
        {"id": "q", "label": "QUOTE", "start": q[0], "end": q[1], "attrs": {"type": "indirect"},
         "status": "suggested", "rule": "quotes:cue_comp", "annotator": ANNOTATOR},
        {"id": "s1", "label": "SOURCE", "start": s1[0], "end": s1[1], "status": "suggested",
         "rule": "quotes:cue_comp", "annotator": ANNOTATOR},
        {"id": "s2", "label": "SOURCE", "start": s2[0], "end": s2[1], "annotator": ANNOTATOR},
    ]
    rels = [{"label": "source", "from": "q", "to": "s1", "status": "suggested", "rule": "quotes:cue_comp",
             "annotator": ANNOTATOR}]
    return {"id": "a", "meta": {}, "text": TEXT, "spans": spans, "relations": rels}


def test_replacing_a_suggested_source_undoes_to_the_exact_suggestion(driver_for, tmp_path):
    d = driver_for(make_project(tmp_path / "l.annot", [_record()]))
    p = d.c.project
    quote = d.span_by_text("الاتفاق سيوقع غدا")
    [before] = p.relations_of(quote.id)
    assert before.status == "suggested"
    d.c.select_span(quote.id)
    d.key(Qt.Key_S)
    d.view.spanActivated.emit(d.span_by_text("المتحدث باسم الحكومة").id)
    [now] = [r for r in p.relations_of(quote.id) if r.from_span == quote.id]
    assert p.span(now.to_span).start == TEXT.index("المتحدث")
    d.window_key("Ctrl+Z")
    [back] = [r for r in p.relations_of(quote.id) if r.from_span == quote.id]
    assert back == before  # same id, status, rule, annotator, times
    d.window_key("Ctrl+Shift+Z")
    [again] = [r for r in p.relations_of(quote.id) if r.from_span == quote.id]
    assert again == now
