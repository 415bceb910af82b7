"""Linking a quote: the numbers drawn on the candidates are the ones the keys choose, in
both interface directions, and a second source replaces the first unless the scheme says
"many" (issue 12)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.scheme import Scheme, default_scheme  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

# Original sentences: three candidate sources on one line, Latin names among them, so the
# interface's bidi runs would reorder numbers put in one string with the names.
TEXT = ("قال الوزير أحمد والمتحدث باسم الوزارة ومدير شركة Acme Ltd إن \"الاتفاق سيوقع غدا\" في العاصمة.\n"
        "وأضاف مصدر مطلع أن المفاوضات مستمرة.")
NAMES = ["الوزير أحمد", "المتحدث باسم الوزارة", "مدير شركة Acme Ltd", "مصدر مطلع"]


def _record(text=TEXT):
    spans = [{"id": i, "label": "SOURCE", "start": text.index(n), "end": text.index(n) + len(n)}
             for i, n in enumerate(NAMES, 1)]
    spans.append({"id": 8, "label": "CUE", "start": 0, "end": 3})  # قال
    q = "الاتفاق سيوقع غدا"
    spans.append({"id": 9, "label": "QUOTE", "start": text.index(q), "end": text.index(q) + len(q),
                  "attrs": {"type": "direct"}})
    return {"id": "a", "meta": {"title": "أ"}, "text": text, "spans": spans}


@pytest.fixture
def path(tmp_path):
    return make_project(tmp_path / "l.annot", [_record()])


@pytest.fixture(params=["ltr", "rtl"])
def direction(request, qapp):
    old = qapp.layoutDirection()
    qapp.setLayoutDirection(Qt.RightToLeft if request.param == "rtl" else Qt.LeftToRight)
    yield request.param
    qapp.setLayoutDirection(old)


def _quote(d):
    return d.span_by_text("الاتفاق سيوقع غدا")


def test_each_painted_number_sits_on_the_span_its_key_links(driver_for, path, direction):
    d = driver_for(path)
    quote = _quote(d)
    d.c.select_span(quote.id)
    d.key(Qt.Key_S)
    candidates = [c.id for _, c, _ in d.c.link[2]]
    assert len(candidates) == 4
    d.view.grab()  # paint
    under = {}
    for k in range(1, len(candidates) + 1):
        badge = d.view.link_number_rect(k)
        assert badge is not None, f"number {k} not painted"
        centre = badge.center()
        on = [sid for sid in candidates if any(r.contains(centre) for r in d.view.span_rects(sid))]
        assert len(on) == 1, f"number {k} is painted over {on}"
        under[k] = on[0]
    assert under == {k: sid for k, sid in enumerate(candidates, 1)}  # number k on candidate k
    d.key(Qt.Key_Escape)
    d.view.grab()
    assert d.c.link is None and d.view.link_number_rect(1) is None  # the numbers go with the mode
    # Pressing k links the span number k was painted on.
    for k, target in under.items():
        d.c.select_span(quote.id)
        d.key(Qt.Key_S)
        assert [c.id for _, c, _ in d.c.link[2]] == candidates
        d.key(getattr(Qt, f"Key_{k}"))
        rels = [(r.label, r.to_span) for r in d.c.project.relations_of(quote.id)]
        assert rels == [("source", target)], (k, rels)
        d.window_key("Ctrl+Z")
        assert d.c.project.relations_of(quote.id) == []


def test_the_banner_isolates_each_choice(driver_for, path, direction):
    d = driver_for(path)
    d.c.select_span(_quote(d).id)
    d.key(Qt.Key_S)
    text = d.ws.link_banner.text()
    outer = "\u2067" if direction == "rtl" else "\u2066"
    assert f"{outer}1: \u2068«" in text and text.count("\u2069") == 2 * len(d.c.link[2])


def test_a_second_source_replaces_the_first_in_one_undo_step(driver_for, path):
    d = driver_for(path)
    quote = _quote(d)
    first, second = d.span_by_text(NAMES[0]), d.span_by_text(NAMES[1])
    d.c.select_span(quote.id)
    d.key(Qt.Key_S)
    d.view.spanActivated.emit(first.id)
    d.c.select_span(quote.id)
    d.key(Qt.Key_S)
    d.view.spanActivated.emit(second.id)
    assert [r.to_span for r in d.c.project.relations_of(quote.id)] == [second.id]
    assert "replaced" in d.window.statusBar().currentMessage()
    d.window_key("Ctrl+Z")  # one step: the first source is back, the second gone
    assert [r.to_span for r in d.c.project.relations_of(quote.id)] == [first.id]
    d.window_key("Ctrl+Shift+Z")
    assert [r.to_span for r in d.c.project.relations_of(quote.id)] == [second.id]
    # A cue is another link type: it goes beside the source, replacing nothing.
    d.c.select_span(quote.id)
    d.key(Qt.Key_C)
    d.key(Qt.Key_Return)
    cue = d.span_by_text("قال")
    p = d.reopen()
    rels = sorted((r.label, r.from_span, r.to_span, r.annotator) for r in p.relations(p.document("a").num))
    assert rels == [("cue", quote.id, cue.id, ANNOTATOR), ("source", quote.id, second.id, ANNOTATOR)]


def test_the_inspector_link_button_replaces_too(driver_for, path):
    d = driver_for(path)
    quote = _quote(d)
    for name in NAMES[:2]:
        d.c.select_span(quote.id)
        insp = d.ws.inspector
        target = d.span_by_text(name)
        i = next(k for k in range(insp.link_target.count()) if insp.link_target.itemData(k) == ("source", target.id))
        insp.link_target.setCurrentIndex(i)
        insp.add_link_button.click()
    assert [r.to_span for r in d.c.project.relations_of(quote.id)] == [d.span_by_text(NAMES[1]).id]
    assert d.ws.undo.count() == 2


def test_many_in_the_scheme_keeps_several_sources(driver_for, tmp_path):
    raw = json.loads(default_scheme().to_json())
    for r in raw["relations"]:
        if r["name"] == "source":
            r["many"] = True
    scheme = Scheme.from_dict(raw)
    assert scheme.relation("source").many and not scheme.relation("cue").many
    path = tmp_path / "m.annot"
    src = tmp_path / "m.jsonl"
    src.write_text(json.dumps(_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(path, scheme=scheme) as p:
        import_paths(p, [src], fmt="native", annotator="importer")
    d = driver_for(str(path))
    quote = _quote(d)
    for name in NAMES[:2]:
        d.c.select_span(quote.id)
        d.key(Qt.Key_S)
        d.view.spanActivated.emit(d.span_by_text(name).id)
    assert sorted(r.to_span for r in d.c.project.relations_of(quote.id)) == sorted(
        d.span_by_text(n).id for n in NAMES[:2])


def test_scheme_rejects_a_many_that_is_not_a_boolean():
    from annotator.core.errors import SchemeError

    raw = json.loads(default_scheme().to_json())
    raw["relations"][0]["many"] = "yes"
    with pytest.raises(SchemeError, match="many"):
        Scheme.from_dict(raw)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_screenshot_of_the_link_numbers(driver_for, path, language):
    from pathlib import Path

    from annotator.gui.i18n import Translations

    app = QApplication.instance()
    t = Translations()
    t.install(app, language)
    try:
        d = driver_for(path)
        d.window.resize(1400, 800)
        d.c.select_span(_quote(d).id)
        d.key(Qt.Key_S)
        for _ in range(5):
            QApplication.processEvents()
        out = Path(__file__).resolve().parents[2] / "artifacts" / f"window_link_numbers_{language}.png"
        out.parent.mkdir(exist_ok=True)
        assert d.window.grab().save(str(out))
        assert all(d.view.link_number_rect(k) is not None for k in range(1, 5))
    finally:
        t.install(app, "en")
