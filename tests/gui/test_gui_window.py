"""The window as a whole: plain text, find, language and direction, status bar, startup,
screenshots (artifacts/window.png, artifacts/window_ar.png)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from annotator.core.project import Project  # noqa: E402
from tests.support.gui import ANNOTATOR, make_project  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
HOSTILE = "<img src=x>"
BOLD = "<b>bold</b>"


@pytest.fixture
def hostile_path(tmp_path):
    return make_project(tmp_path / "h.annot", [
        {"id": HOSTILE, "meta": {"title": BOLD, "dct": "2024-01-01", "source": "<i>x</i>"},
         "text": "قال <b>الوزير</b> إن <img src=x> انتهى"},
        {"id": "second", "meta": {}, "text": "وقال المُتحدِّثُ الرسميُّ إن الاجتماع انتهى."},
    ])


def test_user_text_is_shown_as_plain_text(driver_for, hostile_path):
    d = driver_for(hostile_path)
    assert d.c.doc.id == HOSTILE
    model = d.ws.doc_panel.model
    assert model.data(model.index(0, 0)) == HOSTILE
    assert model.data(model.index(0, 1)) == BOLD
    tip = model.data(model.index(0, 0), Qt.ToolTipRole)
    assert "&lt;img src=x&gt;" in tip and "<img" not in tip  # tooltips guess rich text: escaped
    insp = d.ws.inspector
    assert insp.doc_id.text() == HOSTILE and insp.doc_id.textFormat() == Qt.PlainText
    assert insp.doc_title.text() == BOLD and insp.doc_title.textFormat() == Qt.PlainText
    assert "<i>x</i>" in insp.doc_other.text()
    d.select("<b>الوزير</b>")
    d.window.a_precision.trigger()  # exact characters: keep the tags in the span
    d.key(Qt.Key_2)
    span = d.c.current_span()
    assert d.text[span.start:span.end] == "<b>الوزير</b>"
    assert insp.span_text.text() == "<b>الوزير</b>" and insp.span_text.textFormat() == Qt.PlainText
    sm = d.ws.span_model
    assert sm.data(sm.index(0, 1)) == "<b>الوزير</b>"
    # Every QLabel of the window that shows text is plain text.
    rich = [w.text() for w in d.window.findChildren(QLabel) if w.text() and w.textFormat() != Qt.PlainText
            and w.parent() is not None and "QMessageBox" not in type(w.window()).__name__]
    assert not any(HOSTILE in t or BOLD in t for t in rich)
    assert d.window.windowTitle().startswith("h.annot")


def test_find_with_arabic_aware_matching(driver_for, hostile_path):
    pytest.importorskip("annotator.gui.find_bar")
    d = driver_for(hostile_path)
    d.goto("second")
    bar = d.ws.find_bar
    d.window_key("Ctrl+F")
    assert bar.isVisible()
    bar.edit.setText("المتحدث الرسمي")  # typed without harakat
    start = d.text.index("المُتحدِّثُ")
    assert bar.current_match() is not None and bar.current_match()[0] == start
    assert d.text[slice(*bar.current_match())] == "المُتحدِّثُ الرسميُّ"
    d.window_key("F3")
    d.window_key("Shift+F3")
    assert bar.current_match()[0] == start
    QTest.keyClick(bar.edit, Qt.Key_Escape)
    assert not bar.isVisible()


def test_status_bar_shows_path_saved_state_and_annotator(driver_for, hostile_path):
    d = driver_for(hostile_path)
    w = d.window
    assert w.st_path.text() == hostile_path
    assert w.st_annotator.text().endswith(ANNOTATOR)
    assert not w.st_readonly.isVisible()
    assert "saved" in w.st_saved.text().lower()
    d.goto("second")
    d.select("الاجتماع")
    d.key(Qt.Key_1)
    assert "saved" in w.st_saved.text().lower() and ":" in w.st_saved.text()  # with the time of the last commit


def test_bidi_controls_warning(driver_for, tmp_path):
    path = make_project(tmp_path / "b.annot", [
        {"id": "clean", "text": "نص عادي بلا علامات."},
        {"id": "bidi", "text": "رقم الطلب \u2066AB-12\u2069 وصل."},
    ])
    d = driver_for(path)
    assert not d.ws.bidi_banner.isVisible()
    d.goto("bidi")
    assert d.ws.bidi_banner.isVisible()
    assert "bidi control characters" in d.ws.bidi_banner.text()
    assert d.window.st_bidi.isVisible()
    d.window.a_invisibles.trigger()
    assert d.view.show_invisibles() and d.window.settings.show_invisibles
    d.goto("clean")
    assert not d.ws.bidi_banner.isVisible()


def test_zoom_keys(driver_for, hostile_path):
    d = driver_for(hostile_path)
    size = d.view.text_point_size()
    d.window_key("Ctrl+=")
    assert d.view.text_point_size() > size
    d.window_key("Ctrl+-")
    d.window_key("Ctrl+-")
    assert d.view.text_point_size() < size
    d.window_key("Ctrl+0")
    assert d.view.text_point_size() == d.window.settings.font_size


def test_project_in_use_offers_read_only(qtbot, settings, hostile_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui import main_window

    holder = Project.open(hostile_path)
    try:
        asked = []
        monkeypatch.setattr(main_window, "message", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
        project = main_window.open_project_interactively(None, hostile_path)
        assert project.readonly and "another" in asked[0]
        w = main_window.MainWindow(settings, project)
        qtbot.addWidget(w)
        assert w.st_readonly.text().startswith("Read-only")
        w.close()
        monkeypatch.setattr(main_window, "message", lambda *a, **k: QMessageBox.No)
        assert main_window.open_project_interactively(None, hostile_path) is None
    finally:
        holder.close()


def test_shortcuts_help_lists_every_key(qtbot, settings, hostile_path):
    from annotator.core.scheme import default_scheme
    from annotator.gui.shortcuts_help import ShortcutsDialog

    dialog = ShortcutsDialog(default_scheme())
    qtbot.addWidget(dialog)
    keys = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    for k in ("1", "2", "3", "4", "Alt+1", "S", "C", "Del", "Ctrl+Z", "Ctrl+Enter", "Ctrl+F", "F1",
              "Alt+Shift+→ / Alt+Shift+←", "Ctrl+Alt+→ / Ctrl+Alt+←", "Ctrl+PgDown, Alt+↓"):
        assert k in keys, k
    # Every window shortcut is documented.
    from annotator.gui.main_window import MainWindow

    w = MainWindow(__import__("annotator.gui.settings", fromlist=["Settings"]).Settings(settings.q),
                   Project.open(hostile_path))
    qtbot.addWidget(w)
    documented = " ".join(keys).replace("Return", "Enter")
    for action in w.actions():
        for seq in action.shortcuts():
            text = seq.toString().replace("Return", "Enter").replace("PgDown", "PgDown")
            first = text.replace("Down", "↓").replace("Up", "↑") if text.startswith("Alt+") else text
            assert text in documented or first in documented, text
    w.close()


def test_xcb_check_names_the_packages():
    from annotator.gui import xcb_check

    env = {"DISPLAY": ":0"}
    assert xcb_check.platform_will_be_xcb(env, "linux")
    assert not xcb_check.platform_will_be_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not xcb_check.platform_will_be_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not xcb_check.platform_will_be_xcb({}, "win32")
    line = xcb_check.check(env, loadable=lambda so: "cursor" not in so and "icccm" not in so)
    assert line.startswith("annotator: Qt needs system libraries")
    assert "libxcb-cursor0" in line and "libxcb-icccm4" in line
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in line
    assert "\n" not in line
    assert xcb_check.check(env, loadable=lambda so: True) is None


def test_run_exits_with_one_line_when_xcb_libraries_are_missing(monkeypatch, capsys):
    from annotator.gui import app, xcb_check

    monkeypatch.setattr(xcb_check, "check", lambda: "annotator: Qt needs system libraries: libxcb-cursor0")
    assert app.run(None) == 1
    assert capsys.readouterr().err.strip() == "annotator: Qt needs system libraries: libxcb-cursor0"


def test_startup_opens_a_copy_of_the_sample_project(qtbot, settings, tmp_path, monkeypatch):
    from annotator.core.paths import resource_path
    from annotator.gui.app import WindowHost
    from annotator.gui.i18n import Translations

    bundled = resource_path("sample", "sample.jsonl")
    before = bundled.read_bytes()
    host = WindowHost(QApplication.instance(), settings, Translations())
    assert host.start(None)
    w = host.window
    qtbot.addWidget(w)
    assert w.project.path == tmp_path / "data" / "sample.annot"
    assert w.ws.doc_panel.model.rowCount() >= 12 and w.ws.controller.spans
    assert bundled.read_bytes() == before
    w.close()


def _apply_language(lang):
    from annotator.gui.i18n import Translations

    t = Translations()
    loaded = t.install(QApplication.instance(), lang)
    return t, loaded


def test_arabic_ui_is_translated_and_right_to_left(qtbot, settings, hostile_path):
    from annotator.gui.main_window import MainWindow

    t, loaded = _apply_language("ar")
    try:
        assert any(p.endswith("annotator_ar.qm") for p in loaded)
        assert any(p.endswith("qtbase_ar.qm") for p in loaded)
        w = MainWindow(settings, Project.open(hostile_path))
        qtbot.addWidget(w)
        assert QApplication.layoutDirection() == Qt.RightToLeft
        assert w.layoutDirection() == Qt.RightToLeft
        titles = [a.text() for a in w.menuBar().actions()]
        assert "&ملف" in titles or "ملف" in [x.replace("&", "") for x in titles]
        assert w.ws.doc_panel.model.headerData(1, Qt.Horizontal) == "العنوان"
        w.close()
    finally:
        t.install(QApplication.instance(), "en")
    assert QApplication.layoutDirection() == Qt.LeftToRight


def test_language_follows_the_system_unless_set():
    from PySide6.QtCore import QLocale

    from annotator.gui.i18n import effective_language

    assert effective_language("system", QLocale("ar_EG")) == "ar"
    assert effective_language("system", QLocale("fr_FR")) == "en"
    assert effective_language("en", QLocale("ar_EG")) == "en"
    assert effective_language("ar", QLocale("en_US")) == "ar"


def test_settings_dialog_writes_settings(qtbot, settings):
    from annotator.gui.settings import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.name.setText("  ليلى  ")
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.snap.setCurrentIndex(dialog.snap.findData("char"))
    dialog.font_size.setValue(19)
    changed = dialog.apply()
    assert settings.annotator == "ليلى" and settings.language == "ar" and settings.snap_mode == "char"
    assert settings.font_size == 19.0
    assert {"annotator", "language", "snap_mode", "font_size"} <= set(changed)
    from annotator.gui.settings import Settings, open_qsettings

    again = Settings(open_qsettings(Path(settings.q.fileName()).parent))
    assert again.annotator == "ليلى"


def _screenshot(qtbot, settings, name: str):
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sample import ensure_sample_project

    project = Project.open(ensure_sample_project())
    w = MainWindow(settings, project)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    c = w.ws.controller
    quote = next(s for s in sorted(c.spans.values(), key=lambda s: s.start) if s.label == "QUOTE")
    c.select_span(quote.id)
    for _ in range(5):
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / name
    assert w.grab().save(str(out))
    assert out.stat().st_size > 10_000
    w.close()
    return out


def test_screenshot_english(qtbot, settings):
    _screenshot(qtbot, settings, "window.png")


def test_screenshot_arabic(qtbot, settings):
    t, _ = _apply_language("ar")
    try:
        _screenshot(qtbot, settings, "window_ar.png")
    finally:
        t.install(QApplication.instance(), "en")


def test_undo_and_redo_name_the_action_and_are_off_when_there_is_nothing(driver_for, hostile_path):
    d = driver_for(hostile_path)
    w = d.window
    assert not w.a_undo.isEnabled() and not w.a_redo.isEnabled() and w.a_undo.text() == "Undo"
    d.goto("second")
    d.select("الرسميُّ")
    d.key(Qt.Key_2)
    assert w.a_undo.isEnabled() and w.a_undo.text().startswith("Undo ") and len(w.a_undo.text()) > len("Undo ")
    w.a_undo.trigger()
    assert not w.a_undo.isEnabled() and w.a_redo.isEnabled() and w.a_redo.text().startswith("Redo ")
