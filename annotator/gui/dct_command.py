"""Setting a document's date (dct) as one undo step: the dct and the suggested date values
it re-resolves (annotator.core.suggest.dct) change together and are undone together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.gui.commands import _Command


class SetDocDct(_Command):
    def __init__(self, editor, doc: int, value):
        super().__init__(editor, QCoreApplication.translate("Commands", "Set document %1").replace("%1", "dct"))
        self.doc, self.value = doc, value
        self.change = None

    def _redo(self) -> None:
        from annotator.core.suggest.dct import redo_dct_change, set_dct

        if self.change is None:
            self.change = set_dct(self.project, self.doc, self.value)
        else:
            redo_dct_change(self.project, self.change)
        self._changed()

    def _undo(self) -> None:
        from annotator.core.suggest.dct import undo_dct_change

        undo_dct_change(self.project, self.change)
        self._changed()

    def _changed(self) -> None:
        self.editor.doc_meta_changed(self.doc)
        if self.change.redated:
            self.editor.spans_reloaded(self.doc)


def set_dct(controller, doc: int, value) -> bool:
    """The controller's way to set a dct: run the command, then say what it re-resolved."""
    command = SetDocDct(controller, doc, value)
    if not controller.run(command, keep=lambda c: c.change.old != c.change.new):
        return False
    n = command.change.redated
    if n and value is not None:
        controller.message.emit(QCoreApplication.translate("Annotate", "Document date set: %1 suggested dates took "
                                                           "their values from it.").replace("%1", str(n)))
    elif n:
        controller.message.emit(QCoreApplication.translate("Annotate", "Document date removed: %1 suggested dates "
                                                           "lost the values it gave them.").replace("%1", str(n)))
    return True
