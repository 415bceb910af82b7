import logging
import subprocess
import sys

from annotator.logs import setup_logging


def test_log_goes_to_rotating_file_in_the_given_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path))
    path = setup_logging()
    logging.getLogger("annotator.test").info("سجل تجريبي")
    for h in logging.getLogger("annotator").handlers:
        h.flush()
    assert path == tmp_path / "annotator.log"
    assert "سجل تجريبي" in path.read_text(encoding="utf-8")


def test_qt_messages_and_uncaught_errors_reach_the_log(tmp_path):
    code = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QMessageBox
from annotator.gui import crash
app = QApplication([])
crash.install()
QMessageBox.exec = lambda self: print("DIALOG:" + self.text().splitlines()[0], flush=True)
qWarning("qt says hello")
sys.excepthook(ValueError, ValueError("boom"), None)
"""
    env = {"ANNOTATOR_LOG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "DIALOG:Something went wrong: ValueError: boom" in out.stdout, out.stderr
    log = (tmp_path / "annotator.log").read_text(encoding="utf-8")
    assert "qt says hello" in log and "ValueError: boom" in log
