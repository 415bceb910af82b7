"""`annotator` with no project named: the last project again; the sample on the first run, or
when the last project is gone (and then the status bar says so)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.support.gui import make_project  # noqa: E402


def _start(qtbot, settings):
    from annotator.gui.app import WindowHost
    from annotator.gui.i18n import Translations

    host = WindowHost(QApplication.instance(), settings, Translations())
    assert host.start(None)  # host.shutdown() takes the window down, as at quit
    return host


def test_no_argument_reopens_the_last_project(qtbot, settings, tmp_path):
    last = make_project(tmp_path / "mine.annot", [{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}])
    settings.add_recent(tmp_path / "older.annot")
    settings.add_recent(last)
    host = _start(qtbot, settings)
    assert host.window.project.path == tmp_path / "mine.annot"
    assert host.window.statusBar().currentMessage() == ""
    host.shutdown()


def test_first_run_opens_the_sample_quietly(qtbot, settings, tmp_path):
    host = _start(qtbot, settings)
    assert host.window.project.path == tmp_path / "data" / "sample.annot"
    assert host.window.statusBar().currentMessage() == ""
    host.shutdown()


def test_a_vanished_last_project_opens_the_sample_and_says_so(qtbot, settings, tmp_path):
    gone = make_project(tmp_path / "gone.annot", [{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}])
    settings.add_recent(gone)
    (tmp_path / "gone.annot").unlink()
    host = _start(qtbot, settings)
    assert host.window.project.path == tmp_path / "data" / "sample.annot"
    note = host.window.statusBar().currentMessage()
    assert str(tmp_path / "gone.annot") in note and "no longer exists" in note
    host.shutdown()
    assert host.window is None
