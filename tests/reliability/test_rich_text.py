"""Rich-text injection: markup in any user-controlled field is shown literally, never rendered.

Qt renders a QLabel, a tooltip or a message box as HTML when its text looks like HTML, so a
document id "<img src=x>" would fetch an image and "<b>x</b>" would be bold. Every field a user
or an imported file controls gets markup here: document text, id, title and other metadata,
the scheme's display names and descriptions, a choice value, a text attribute value, annotator
names, the project's folder and file name (and so its backups). Then every widget of the main
window, the restore dialog, the welcome page and the review window is walked: a label showing
markup must be plain text, a tooltip holding user markup must not be read as rich text (escaped
or plain), item views must draw cells with a delegate that does not render HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import Qt  # noqa: E402  (QtGui.Qt holds mightBeRichText)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHeaderView, QLabel,  # noqa: E402
                               QMenu, QStyledItemDelegate, QToolBar, QWidget)

from annotator.core import backup  # noqa: E402
from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.scheme import Scheme, default_scheme  # noqa: E402

B, IMG, I = "<b>b</b>", "<img src=x>", "<i>i</i>"
ENTITY = "&lt;u&gt; R&D"  # shown as typed: an escaping helper must escape '&' too
MARKUP = (B, IMG, I)
TEXT = f"قال {B} الوزير إن {IMG} الاجتماع {I} انتهى يوم 9 ديسمبر."


def _hostile_scheme() -> Scheme:
    raw = json.loads(default_scheme().to_json())
    for label in raw["labels"]:
        label["display"] = {"en": f"{label['name']} {B}", "ar": f"{label['name']} {IMG}"}
        label["description"] = f"{I} {label.get('description', '')}"
        for attr in label.get("attributes", []):
            attr["display"] = {"en": f"{attr['name']} {I}"}
            attr["description"] = f"{B} described"
            if attr["type"] == "choice":
                attr["choices"].append(B)
                attr["choice_display"] = {attr["choices"][0]: {"en": f"first {IMG}"}}
    for rel in raw["relations"]:
        rel["display"] = {"en": f"{rel['name']} {IMG}"}
        rel["description"] = f"{B} link"
    return Scheme.from_dict(raw)


def _span(sid, needle, label, annotator, attrs=None):
    start = TEXT.index(needle)
    return {"id": sid, "start": start, "end": start + len(needle), "label": label, "text": needle,
            "annotator": annotator, "status": "accepted", "attrs": attrs or {}}


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    folder = tmp_path / B / IMG / ENTITY
    folder.mkdir(parents=True)
    path = folder / f"{IMG}.annot"
    project = Project.create(path, scheme=_hostile_scheme())
    src = tmp_path / "docs.jsonl"
    who = f"{B}ann"
    records = [{"id": IMG, "meta": {"title": B, "dct": "2021-12-10", "source": I, "note": ENTITY}, "text": TEXT,
                "spans": [_span(1, f"{B} الوزير", "SOURCE", who, {"kind": B}),
                          _span(2, f"{IMG} الاجتماع", "QUOTE", who, {"type": "direct"}),
                          _span(3, "9 ديسمبر", "DATE", who, {"type": "DATE", "value": "2021-12-09"}),
                          _span(4, "قال", "CUE", who)],
                "relations": [{"from": 2, "to": 1, "label": "source", "annotator": who},
                              {"from": 2, "to": 4, "label": "cue", "annotator": who}]},
               {"id": B, "meta": {"title": I}, "text": f"نص {I} آخر."}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    try:
        import_paths(project, [src], fmt="native", annotator=who)
    finally:
        project.close()
    return path


def shown_tooltip(tip: str) -> str:
    """The text a tooltip shows: Qt reads it as HTML when it looks like HTML."""
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(tip).toPlainText() if Qt.mightBeRichText(tip) else tip


def _tooltip_renders_markup(tip: str) -> bool:
    return bool(tip) and Qt.mightBeRichText(tip) and any(m in tip for m in MARKUP)


def rich_text_shown(top: QWidget) -> list[str]:
    """Where `top` would render user markup (see the module docstring)."""
    found = []
    actions = []  # those whose tooltip is shown: on a toolbar, or in a menu that shows tooltips
    for w in [top, *top.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()}".strip()
        if _tooltip_renders_markup(w.toolTip()):
            found.append(f"{name} tooltip {w.toolTip()!r}")
        if isinstance(w, QLabel) and any(m in w.text() for m in MARKUP) and w.textFormat() != Qt.PlainText:
            found.append(f"{name} label {w.text()!r} ({w.textFormat()})")
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            delegate = w.itemDelegate()
            in_combo = isinstance(w.parentWidget() and w.parentWidget().parentWidget(), QComboBox)
            if type(delegate).paint is not QStyledItemDelegate.paint and not in_combo:  # combos draw plain text
                found.append(f"{name} paints its own cells ({type(delegate).__name__}): check it for HTML")
            model = w.model()
            rows = model.rowCount() if model is not None else 0
            for r in range(min(rows, 100)):
                for c in range(8):
                    index = model.index(r, c)
                    if not index.isValid():
                        break
                    tip = model.data(index, Qt.ToolTipRole)
                    if isinstance(tip, str) and _tooltip_renders_markup(tip):
                        found.append(f"{name} cell ({r}, {c}) tooltip {tip!r}")
        if isinstance(w, QToolBar) or isinstance(w, QMenu) and w.toolTipsVisible():
            actions += w.actions()
    for a in set(actions):
        if _tooltip_renders_markup(a.toolTip()):
            found.append(f"action {a.text()!r} tooltip {a.toolTip()!r}")
    return found


def _settle():
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def hostile_settings(tmp_path, monkeypatch):
    from annotator.gui.settings import Settings, open_qsettings

    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))
    s = Settings(open_qsettings(tmp_path / "settings"))
    s.annotator = f"{IMG}me"
    return s


def test_no_user_markup_is_rendered_in_the_main_window(qtbot, hostile_settings, hostile):
    from annotator.gui.main_window import MainWindow

    w = MainWindow(hostile_settings, Project.open(hostile))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    c = w.ws.controller
    assert c.doc.text == TEXT and w.ws.view.toPlainText() == TEXT  # the text view shows it literally
    checked = 0
    for span in sorted(c.spans.values(), key=lambda s: s.start):
        c.select_span(span.id)
        _settle()
        found = rich_text_shown(w)
        assert not found, f"{span.label} span selected:\n" + "\n".join(found)
        assert not _tooltip_renders_markup(w.ws.view.tooltip_for([span]))  # the hover tooltip of a span
        checked += 1
    assert checked == 4
    # The markup did reach the widgets: the walk looked at it.
    insp = w.ws.inspector
    assert insp.doc_id.text() == IMG and insp.doc_title.text() == B
    assert any(B in b.text() for b in w.ws.palette.buttons.values())
    assert IMG in w.windowTitle() and B in w.st_path.text()
    w.set_project(None)  # the welcome page lists the hostile path
    _settle()
    item = w.placeholder.recent.item(0)
    assert item.data(Qt.UserRole) == str(hostile)
    assert shown_tooltip(item.toolTip()) == str(hostile)  # shown as it is, not half-escaped
    found = rich_text_shown(w)
    assert not found, "welcome page:\n" + "\n".join(found)
    w.close()


def test_no_user_markup_is_rendered_in_the_restore_dialog(qtbot, hostile):
    from annotator.gui.backup_actions import RestoreDialog

    backup.make_backup(hostile)
    dialog = RestoreDialog(Path(hostile))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert shown_tooltip(dialog.table.item(0, 0).toolTip()) == str(dialog.backups[0].path)
    found = rich_text_shown(dialog)
    assert not found, "\n".join(found)
    dialog.close()


def test_no_user_markup_is_rendered_in_the_review_window(qtbot, hostile):
    from annotator.gui.review import ReviewWindow

    project = Project.open(hostile)
    try:
        w = ReviewWindow(project, f"{B}rev")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        for tab in range(w.tabs.count()):
            w.tabs.setCurrentIndex(tab)
            _settle()
            found = rich_text_shown(w)
            assert not found, f"tab {tab}:\n" + "\n".join(found)
        w.close()
    finally:
        project.close()
