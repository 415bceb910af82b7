"""Undo commands of review mode: one reviewer action = one QUndoCommand = one review mutator.

Every review mutator returns a Change holding the document's gold state before and after,
so undo and redo are exact restores; the command runs the mutator once in execute() (a
refused action raises there and never reaches the stack) and the window refreshes after each.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core import review as rv


class ReviewCommand(QUndoCommand):
    def __init__(self, window, text: str, action: Callable[[], rv.Change | None]):
        super().__init__(text)
        self.window = window
        self.action = action
        self.change: rv.Change | None = None
        self._pushed = False

    def execute(self) -> "ReviewCommand | None":
        """Run the action; None when it changed nothing (nothing to push)."""
        self.change = self.action()
        if self.change is None or self.change.before == self.change.after:
            self.window.refresh()
            return None
        return self

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # execute() already did it
        else:
            rv.redo(self.window.project, self.change)
        self.window.show_doc_of_change(self.change.doc)

    def undo(self) -> None:
        rv.undo(self.window.project, self.change)
        self.window.show_doc_of_change(self.change.doc)
