"""Undo for both windows: one user action = one ChangeCommand = one call that returns a Change.

A command runs its call once in perform() before it is pushed, so a refused edit (SpanError,
read-only project) raises there and never reaches the stack. Undo and redo write the
Change's rows back through the Project (project.undo / project.redo), one transaction each.

UndoGuard moves the stack: it does the command's write first and moves the QUndoStack only
once the write is saved; a failed save (disk full, file turned read-only) offers Retry, and
Cancel leaves the stack where the file is. QUndoStack's own redo()/undo() calls are told to
skip the work already done, so the stack never moves past a change that failed.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.change import Change
from annotator.core.errors import AnnotatorError, WriteFailed


class ChangeCommand(QUndoCommand):
    """`call()` makes the change (returns a Change, or None for nothing done); `told(change,
    backward)` is called after each of do, undo and redo, to bring the window up to date."""

    def __init__(self, owner, text: str, call: Callable[[], Change | None] | None = None):
        super().__init__(text)
        self.owner = owner
        self.call = call
        self.change: Change | None = None
        self._done_outside = False

    @property
    def project(self):
        return self.owner.project

    def make(self) -> Change | None:
        return self.call()

    def perform(self) -> "ChangeCommand":
        """Make the change (the first time); the push's redo() will not do it again."""
        self.change = self.make()
        self._done_outside = True
        self.told(self.change, False)
        return self

    @property
    def changed(self) -> bool:
        return self.change is not None and not self.change.empty

    def run_undo(self) -> None:
        if self.change is not None:
            self.project.undo(self.change)
        self._done_outside = True
        self.told(self.change, True)

    def run_redo(self) -> None:
        if self.change is not None:
            self.project.redo(self.change)
        self._done_outside = True
        self.told(self.change, False)

    def redo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self.run_redo()
        self._done_outside = False

    def undo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self.run_undo()
        self._done_outside = False

    def told(self, change: Change | None, backward: bool) -> None:
        """Bring the window up to date after the change went forward or back."""

    def merges(self, other: "ChangeCommand") -> bool:
        """Whether `other`, pushed right after this one, is the same undo step (see mergeWith)."""
        return False

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other.change is None or not self.merges(other):
            return False
        self.change = self.change.then(other.change)
        return True


class UndoGuard:
    """Runs commands onto `stack` with the save/retry guard. `parent()`: the window a Retry
    question belongs to; `say(text)`: tell the user a refused action (a status line);
    `editable()`: False refuses every action; `say_cancelled(text)`: tell that a failed save
    was cancelled (the Retry question has said why already; default `say`)."""

    def __init__(self, stack: QUndoStack, parent: Callable, say: Callable[[str], None],
                 editable: Callable[[], bool] = lambda: True, say_cancelled: Callable[[str], None] | None = None):
        self.stack, self.parent, self.say, self.editable = stack, parent, say, editable
        self.say_cancelled = say_cancelled or say

    def save(self, work) -> bool:
        """Do `work` (one command's write); on a failed save offer Retry. True once saved.

        Nothing reaches the undo stack before this returns True, so the stack never moves
        past a change that is not in the file: the user may free space and retry.
        """
        if not self.editable():
            self.say(QCoreApplication.translate("Annotate", "The project is read-only: nothing was changed."))
            return False
        while True:
            try:
                work()
                return True
            except WriteFailed as exc:
                from annotator.gui.save_retry import ask_retry

                if not ask_retry(self.parent(), exc):
                    self.say_cancelled(QCoreApplication.translate("Annotate", "Not saved: nothing was changed."))
                    return False
            except AnnotatorError as exc:
                self.say(str(exc))
                return False

    def run(self, command: ChangeCommand, keep=None) -> bool:
        """Perform `command` and push it (unless `keep(command)` says it changed nothing)."""
        if not self.save(command.perform):
            return False
        if keep is None or keep(command):
            self.stack.push(command)
        return True

    def step(self, backward: bool) -> bool:
        """Undo (backward) or redo one command; a failed write leaves the stack where it was."""
        stack = self.stack
        if not (stack.canUndo() if backward else stack.canRedo()):
            return False
        command = stack.command(stack.index() - 1 if backward else stack.index())
        if not self.save(command.run_undo if backward else command.run_redo):
            return False
        stack.undo() if backward else stack.redo()
        return True
