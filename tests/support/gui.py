"""Helpers of the GUI tests: real project files, a driver for a real window. The `settings` and
`driver_for` fixtures built on them are in tests/conftest.py."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotator.core.importer import import_paths  # noqa: E402
from annotator.core.offsets import Utf16Map  # noqa: E402
from annotator.core.project import Project  # noqa: E402

ANNOTATOR = "tester"


def make_project(path, records) -> str:
    """A project file holding `records` (native JSONL dicts)."""
    src = path.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    project = Project.create(path)
    try:
        import_paths(project, [src], fmt="native", annotator="importer")
    finally:
        project.close()
    return str(path)


class WindowDriver:
    """Drives a MainWindow as a user would, and reads results back from the file."""

    def __init__(self, qtbot, settings, path, readonly=False):
        from annotator.gui.main_window import MainWindow

        self.qtbot, self.settings, self.path = qtbot, settings, path
        self.window = MainWindow(settings, Project.open(path, readonly=readonly))
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    @property
    def ws(self):
        return self.window.ws

    @property
    def c(self):
        return self.window.ws.controller

    @property
    def view(self):
        return self.window.ws.view

    @property
    def text(self) -> str:
        return self.c.doc.text

    def select(self, needle: str, occurrence: int = 1, trim: tuple[int, int] = (0, 0)) -> tuple[int, int]:
        pos = -1
        for _ in range(occurrence):
            pos = self.text.index(needle, pos + 1)
        start, end = pos + trim[0], pos + len(needle) - trim[1]
        self.view.select_cp(start, end)
        return start, end

    def select_with_cursor(self, start: int, end: int) -> None:
        """Select like the keyboard does: a QTextCursor anchored in UTF-16 units."""
        m = Utf16Map(self.text)
        cur = QTextCursor(self.view.document())
        cur.setPosition(m.to_utf16(start))
        cur.setPosition(m.to_utf16(end), QTextCursor.KeepAnchor)
        self.view.setTextCursor(cur)

    def key(self, key, modifiers=Qt.NoModifier, widget=None) -> None:
        QTest.keyClick(widget or self.view, key, modifiers)

    def window_key(self, sequence: str) -> None:
        """Trigger the window action bound to `sequence` (what a key press in the window does)."""
        from PySide6.QtGui import QKeySequence

        wanted = QKeySequence(sequence)
        for action in self.window.actions():
            if wanted in action.shortcuts() and action.isEnabled():
                action.trigger()
                return
        raise AssertionError(f"no enabled action for {sequence}")

    def span_by_text(self, needle: str, label: str | None = None):
        for s in self.c.spans.values():
            if self.text[s.start:s.end] == needle and (label is None or s.label == label):
                return s
        raise AssertionError(f"no span {needle!r}")

    def goto(self, doc_id: str) -> None:
        num = self.c.project.document(doc_id).num
        assert self.ws.doc_panel.select_num(num)
        assert self.c.doc.id == doc_id

    def close(self) -> None:
        self.window.close()

    def reopen(self) -> Project:
        self.close()
        return Project.open(self.path, readonly=True)

