"""A document an annotator starts working on leaves "to do": the first edit of their layer (a
span or link added, changed or removed, a suggestion accepted or rejected) also moves the
document to "in progress" for them, in the same undo step, so Ctrl+Z puts both back.

Running suggestions is not such an edit: nothing is decided yet. Neither is the document's
metadata, which is not anyone's layer.
"""

from __future__ import annotations

from annotator.gui import commands as cmd

_EDITS = (cmd.AddSpan, cmd.DeleteSpan, cmd.UpdateSpan, cmd.SetSpanAttr, cmd.AddRelation, cmd.DeleteRelation,
          cmd.SetSuggestionStatus)


def with_progress(editor, command):
    """`command`, or it wrapped so that it also starts the document, when it is an edit of a
    document that is still "to do" for the editor's annotator."""
    doc = getattr(command, "doc", None)
    if doc is None and isinstance(command, cmd.AddSpan):
        doc = command.args[0]
    if doc is None and editor.doc is not None:
        doc = editor.doc.num
    if doc is None or not isinstance(command, _EDITS) or editor.project.doc_status(doc, editor.annotator) != "todo":
        return command
    return StartsDocument(editor, command, doc)


class StartsDocument(cmd._Command):
    """An edit, and "to do" -> "in progress" for the editor when the edit changed something:
    one Change, so undo and redo move both in one transaction."""

    def __init__(self, editor, inner, doc: int):
        super().__init__(editor, inner.text())
        self.inner, self.doc = inner, doc

    def make(self):
        change = self.inner.make()
        self.inner.change = change
        if change is None or change.empty or self.project.doc_status(self.doc, self.editor.annotator) != "todo":
            return change
        try:
            return change.then(self.project.set_doc_status(self.doc, self.editor.annotator, "in_progress"))
        except Exception:
            self.project.undo(change)  # all or nothing: the edit goes back when its status cannot be written
            raise

    @property
    def reload(self) -> bool:
        return self.inner.reload

    def id(self) -> int:
        return self.inner.id()

    def merges(self, other) -> bool:
        # Edge nudges after the first are plain commands (the document is in progress by then).
        return self.inner.merges(other.inner if isinstance(other, StartsDocument) else other)
