"""Undo commands of review mode: one reviewer action = one ChangeCommand = one review mutator.

Every review mutator returns a Change (the gold rows before and after), so undo and redo are
exact restores; the window runs each command through its UndoGuard (annotator.gui.undo), so
a failed save offers Retry and the stack never moves past what is in the file.
"""

from __future__ import annotations

from annotator.core.change import Change
from annotator.gui.undo import ChangeCommand


class ReviewCommand(ChangeCommand):
    """`owner` is the review window; after each step it shows the change's document."""

    def __init__(self, window, text: str, call, refresh_unchanged: bool = True):
        super().__init__(window, text, call)
        self.refresh_unchanged = refresh_unchanged

    def told(self, change: Change | None, backward: bool) -> None:
        if change is not None and not change.empty:
            self.owner.show_doc_of_change(change.doc)
        elif self.refresh_unchanged:
            self.owner.refresh()
