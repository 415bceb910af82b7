"""Quitting the window never raises: the real start, an edit on the undo stack, a close, and
the interpreter's exit, several times over (the teardown order at exit varies run to run)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from tests.support.gui import make_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RUNS = 6

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from annotator.gui import app, crash

    real_install = crash.install

    def install(parent_getter):
        path = real_install(parent_getter)
        # The crash dialog would wait for a click; print what it would have shown.
        sys.excepthook = lambda t, e, tb: print("UNCAUGHT", t.__name__, e, file=sys.stderr, flush=True)
        QTimer.singleShot(200, edit_and_quit)
        return path

    def edit_and_quit():
        for w in QApplication.topLevelWidgets():
            if getattr(w, "ws", None) is not None:
                w.ws.controller.set_doc_status("in_progress")  # a command on the undo stack
                w.ws.controller.set_doc_status("done")
                w.close()

    crash.install = install
    rc = app.run(sys.argv[1])
    print("exit code", rc, flush=True)
    sys.exit(rc)
""")


def test_quitting_with_edits_on_the_undo_stack_never_raises(tmp_path):
    project = make_project(tmp_path / "p.annot", [{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}])
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "annotator.ini").write_text("[annotator]\nname=tester\n", encoding="utf-8")
    env = {**os.environ, "ANNOTATOR_SETTINGS_DIR": str(settings), "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
           "ANNOTATOR_LOG_DIR": str(tmp_path / "log"), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    for run in range(RUNS):
        done = subprocess.run([sys.executable, "-c", SCRIPT, project], env=env, capture_output=True, text=True,
                              timeout=120)
        assert "exit code 0" in done.stdout, done.stderr
        assert done.returncode == 0, done.stderr
        assert "UNCAUGHT" not in done.stderr and "Traceback" not in done.stderr, f"run {run + 1}: {done.stderr}"
    log = (tmp_path / "log" / "annotator.log").read_text(encoding="utf-8")
    assert "uncaught error" not in log
