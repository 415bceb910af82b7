"""Undo commands: one user action = one QUndoCommand = one core mutator.

Each command runs its mutator once in `perform()` before it is pushed, so a refused edit
(SpanError, read-only project) raises to the caller and never lands on the undo stack;
QUndoStack.push() then calls redo(), which the first time does nothing.
After each mutator the command tells the editor what changed, so the view and the lists
are updated incrementally.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.model import Relation, Span
from annotator.gui.i18n import attr_text, label_text, relation_text

EDGE_MERGE_ID = 1001


class Editor(Protocol):
    """What a command needs from the window: the project, the user, and change hooks."""

    project: object
    annotator: str

    def span_added(self, span: Span) -> None: ...
    def span_removed(self, span: Span) -> None: ...
    def span_changed(self, span: Span) -> None: ...
    def relations_changed(self, doc: int) -> None: ...
    def doc_status_changed(self, doc: int) -> None: ...
    def doc_meta_changed(self, doc: int) -> None: ...
    def spans_reloaded(self, doc: int) -> None: ...


class _Command(QUndoCommand):
    """A command does its work in perform() / run_undo() / run_redo(), which may raise (a full
    disk); only then does the controller move the QUndoStack, whose redo()/undo() calls are
    told to skip the work already done. So the stack never moves past a change that failed."""

    def __init__(self, editor: Editor, text: str):
        super().__init__(text)
        self.editor = editor
        self._done_outside = False

    @property
    def project(self):
        return self.editor.project

    def perform(self) -> "_Command":
        self._redo()
        self._done_outside = True  # the push's redo() must not do it again
        return self

    def run_undo(self) -> None:
        self._undo()
        self._done_outside = True

    def run_redo(self) -> None:
        self._redo()
        self._done_outside = True

    def redo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self._redo()

    def undo(self) -> None:
        if self._done_outside:
            self._done_outside = False
            return
        self._undo()

    def _redo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddSpan(_Command):
    def __init__(self, editor: Editor, doc: int, start: int, end: int, label: str, attrs: dict | None = None):
        super().__init__(editor, QCoreApplication.translate("Commands", "Add %1 span")
                         .replace("%1", label_text(editor.project.scheme, label)))
        self.args = (doc, start, end, label)
        self.attrs = dict(attrs or {})
        self.span: Span | None = None

    def _redo(self) -> None:
        if self.span is None:
            doc, start, end, label = self.args
            self.span = self.project.add_span(doc, start, end, label, self.editor.annotator, self.attrs)
        else:
            # Same id as the first time, so later commands that name this span still work.
            self.project.restore_span(self.span, [])
        self.editor.span_added(self.span)

    def _undo(self) -> None:
        self.project.delete_span(self.span.id)
        self.editor.span_removed(self.span)


class DeleteSpan(_Command):
    def __init__(self, editor: Editor, span_id: int):
        super().__init__(editor, QCoreApplication.translate("Commands", "Delete span"))
        self.span_id = span_id
        self.span: Span | None = None
        self.relations: list[Relation] = []

    def _redo(self) -> None:
        self.span, self.relations = self.project.delete_span(self.span_id)
        self.editor.span_removed(self.span)
        if self.relations:
            self.editor.relations_changed(self.span.doc)

    def _undo(self) -> None:
        self.project.restore_span(self.span, self.relations)
        self.editor.span_added(self.project.span(self.span_id))
        if self.relations:
            self.editor.relations_changed(self.span.doc)


class UpdateSpan(_Command):
    """Label, edges, status or attributes of one span: project.update_span and its inverse."""

    def __init__(self, editor: Editor, span_id: int, text: str, merge_key: str | None = None, **changes):
        super().__init__(editor, text)
        self.span_id = span_id
        self.changes = changes
        self.old: Span | None = None
        self.merge_key = merge_key

    def _redo(self) -> None:
        old = self.project.update_span(self.span_id, **self.changes)
        if self.old is None:
            self.old = old
        self.editor.span_changed(self.project.span(self.span_id))

    def _undo(self) -> None:
        o = self.old
        self.project.update_span(self.span_id, start=o.start, end=o.end, label=o.label, attrs=o.attrs,
                                 status=o.status, origin=o.origin)
        self.editor.span_changed(self.project.span(self.span_id))

    def id(self) -> int:
        return EDGE_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Repeated edge nudges of one span are one undo step: keep our `old`, take their result.
        if not isinstance(other, UpdateSpan) or other.merge_key != self.merge_key or other.span_id != self.span_id:
            return False
        self.changes = {**self.changes, **other.changes}
        return True


class SetSpanAttr(_Command):
    def __init__(self, editor: Editor, span_id: int, name: str, value):
        label = editor.project.span(span_id).label
        super().__init__(editor, QCoreApplication.translate("Commands", "Set %1")
                         .replace("%1", attr_text(editor.project.scheme, label, name)))
        self.span_id, self.name, self.value = span_id, name, value
        self.old = None

    def _redo(self) -> None:
        self.old = self.project.set_span_attr(self.span_id, self.name, self.value)
        self.editor.span_changed(self.project.span(self.span_id))

    def _undo(self) -> None:
        self.project.set_span_attr(self.span_id, self.name, self.old)
        self.editor.span_changed(self.project.span(self.span_id))


class AddRelation(_Command):
    """A new link; the links in `replace` (a quote's old source) go in the same transaction."""

    def __init__(self, editor: Editor, label: str, from_span: int, to_span: int, replace: list[Relation] = (),
                 text: str | None = None):
        super().__init__(editor, text or QCoreApplication.translate("Commands", "Link %1")
                         .replace("%1", relation_text(editor.project.scheme, label)))
        self.args = (label, from_span, to_span)
        self.replace = list(replace)
        self.relation: Relation | None = None

    def _redo(self) -> None:
        if self.relation is None:
            label, a, b = self.args
            self.relation = self.project.add_relation(label, a, b, self.editor.annotator,
                                                      replace=[r.id for r in self.replace])
        elif self.replace:
            self.project.swap_relations([r.id for r in self.replace], [self.relation])
        else:
            self.project.restore_relation(self.relation)
        self.editor.relations_changed(self.relation.doc)

    def _undo(self) -> None:
        if self.replace:
            self.project.swap_relations([self.relation.id], self.replace)
        else:
            self.project.delete_relation(self.relation.id)
        self.editor.relations_changed(self.relation.doc)


class DeleteRelation(_Command):
    def __init__(self, editor: Editor, rel_id: int):
        super().__init__(editor, QCoreApplication.translate("Commands", "Remove link"))
        self.rel_id = rel_id
        self.relation: Relation | None = None

    def _redo(self) -> None:
        self.relation = self.project.delete_relation(self.rel_id)
        self.editor.relations_changed(self.relation.doc)

    def _undo(self) -> None:
        self.project.restore_relation(self.relation)
        self.editor.relations_changed(self.relation.doc)


class SetDocStatus(_Command):
    def __init__(self, editor: Editor, doc: int, state: str, text: str):
        super().__init__(editor, text)
        self.doc, self.state = doc, state
        self.old: str | None = None

    def _redo(self) -> None:
        self.old = self.project.set_doc_status(self.doc, self.editor.annotator, self.state)
        self.editor.doc_status_changed(self.doc)

    def _undo(self) -> None:
        self.project.set_doc_status(self.doc, self.editor.annotator, self.old)
        self.editor.doc_status_changed(self.doc)


class SetDocMeta(_Command):
    def __init__(self, editor: Editor, doc: int, key: str, value):
        super().__init__(editor, QCoreApplication.translate("Commands", "Set document %1").replace("%1", key))
        self.doc, self.key, self.value = doc, key, value
        self.old = None

    def _redo(self) -> None:
        self.old = self.project.set_doc_meta(self.doc, self.key, self.value)
        self.editor.doc_meta_changed(self.doc)

    def _undo(self) -> None:
        self.project.set_doc_meta(self.doc, self.key, self.old)
        self.editor.doc_meta_changed(self.doc)


class SuggestInDocument(_Command):
    """Rule-based suggestions for one document into the user's layer: one transaction each way."""

    def __init__(self, editor: Editor, doc: int, only: str | None, text: str):
        super().__init__(editor, text)
        self.doc, self.only = doc, only
        self.ids: list[int] | None = None
        self.removed = None

    def _redo(self) -> None:
        from annotator.core.suggest import restore_suggestions, suggest_document

        if self.ids is None:
            self.ids = suggest_document(self.project, self.doc, self.editor.annotator, self.only)
        else:
            restore_suggestions(self.project, self.removed)  # same ids as the first time
        self.editor.spans_reloaded(self.doc)

    def _undo(self) -> None:
        from annotator.core.suggest import remove_suggestions

        self.removed = remove_suggestions(self.project, self.ids)
        self.editor.spans_reloaded(self.doc)


class SetSuggestionStatus(_Command):
    """Accept or reject many suggested spans of one document (and their links) at once."""

    def __init__(self, editor: Editor, doc: int, by_annotator: dict[str, list[int]], status: str, text: str):
        super().__init__(editor, text)
        self.doc, self.by_annotator, self.status = doc, by_annotator, status
        self.changes: list = []

    def _redo(self) -> None:
        from annotator.core.suggest import accept_suggestions, reject_suggestions, undo_status_change

        mutator = accept_suggestions if self.status == "accepted" else reject_suggestions
        changes = []
        try:
            for annotator, ids in self.by_annotator.items():
                changes.append(mutator(self.project, self.doc, annotator, span_ids=ids,
                                       edited_by=self.editor.annotator))
        except Exception:
            for change in reversed(changes):  # all or nothing across layers
                undo_status_change(self.project, change)
            raise
        self.changes = changes
        self.editor.spans_reloaded(self.doc)

    def _undo(self) -> None:
        from annotator.core.suggest import undo_status_change

        for change in reversed(self.changes):
            undo_status_change(self.project, change)
        self.editor.spans_reloaded(self.doc)

    def count(self) -> int:
        return sum(len(c.spans) for c in self.changes)
