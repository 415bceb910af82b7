"""Setting a document's date (dct) as one undo step: the dct and the suggested date values
it re-resolves (annotator.core.suggest.dct) change together and are undone together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.change import Change
from annotator.core.store.change_rows import recorded
from annotator.gui.commands import _Command


class SetDocDct(_Command):
    def __init__(self, editor, doc: int, value):
        super().__init__(editor, QCoreApplication.translate("Commands", "Set document %1").replace("%1", "dct"))
        self.doc, self.value = doc, value

    def make(self) -> Change:
        from annotator.core.suggest.dct import set_dct

        return recorded(self.project, self.doc, lambda: set_dct(self.project, self.doc, self.value))

    @property
    def reload(self) -> bool:
        return bool(self.change is not None and self.change.result.redated)


def set_dct(controller, doc: int, value) -> bool:
    """The controller's way to set a dct: run the command, then say what it re-resolved."""
    command = SetDocDct(controller, doc, value)
    if not controller.run(command, keep=lambda c: c.change.result.old != c.change.result.new):
        return False
    n = command.change.result.redated
    if n and value is not None:
        controller.message.emit(QCoreApplication.translate("Annotate", "Document date set: %1 suggested dates took "
                                                           "their values from it.").replace("%1", str(n)))
    elif n:
        controller.message.emit(QCoreApplication.translate("Annotate", "Document date removed: %1 suggested dates "
                                                           "lost the values it gave them.").replace("%1", str(n)))
    return True
