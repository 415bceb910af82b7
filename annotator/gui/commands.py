"""Undo commands of the annotation window: one user action = one ChangeCommand = one core mutator.

Each command's call returns a Change (annotator.core.change); annotator.gui.undo runs it once
before the push, and undo and redo write its rows back (same ids). After each, the command
tells the editor what changed (from the Change's rows), so the view and the lists are
updated incrementally.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication

from annotator.core.change import Change, row_span
from annotator.core.store.change_rows import recorded
from annotator.core.model import Relation, Span
from annotator.gui.i18n import attr_text, label_text, relation_text
from annotator.gui.undo import ChangeCommand

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


def tell(editor: Editor, change: Change, backward: bool, reload: bool = False) -> None:
    """Tell the editor what `change` (undone when backward) did: each span added, removed or
    changed (or, with reload, the document's spans read again), links, status, metadata."""
    if change is None:
        return
    done = change.inverse() if backward else change
    tables = done.tables()
    if reload and "spans" in tables:
        editor.spans_reloaded(done.doc)
    elif "spans" in tables:
        for r in done.rows:
            if r.table != "spans":
                continue
            if r.after is None:
                editor.span_removed(row_span(r.before))
            elif r.before is None:
                editor.span_added(row_span(r.after))
            else:
                editor.span_changed(row_span(r.after))
    if "relations" in tables:
        editor.relations_changed(done.doc)
    if "doc_status" in tables:
        editor.doc_status_changed(done.doc)
    if "documents" in tables:
        editor.doc_meta_changed(done.doc)


class _Command(ChangeCommand):
    """A command of the annotation window: its editor is the window's controller."""

    reload = False  # True: many spans change at once, the editor reads the document again

    @property
    def editor(self) -> Editor:
        return self.owner

    def told(self, change: Change | None, backward: bool) -> None:
        tell(self.editor, change, backward, self.reload)


class AddSpan(_Command):
    def __init__(self, editor: Editor, doc: int, start: int, end: int, label: str, attrs: dict | None = None):
        super().__init__(editor, QCoreApplication.translate("Commands", "Add %1 span")
                         .replace("%1", label_text(editor.project.scheme, label)))
        self.args = (doc, start, end, label)
        self.attrs = dict(attrs or {})

    def make(self) -> Change:
        doc, start, end, label = self.args
        return self.project.add_span(doc, start, end, label, self.editor.annotator, self.attrs)

    @property
    def span(self) -> Span | None:
        return self.change.result if self.change is not None else None


class DeleteSpan(_Command):
    def __init__(self, editor: Editor, span_id: int):
        super().__init__(editor, QCoreApplication.translate("Commands", "Delete span"))
        self.span_id = span_id

    def make(self) -> Change:
        return self.project.delete_span(self.span_id)


class UpdateSpan(_Command):
    """Label, edges, status or attributes of one span."""

    def __init__(self, editor: Editor, span_id: int, text: str, merge_key: str | None = None, **changes):
        super().__init__(editor, text)
        self.span_id = span_id
        self.changes = changes
        self.merge_key = merge_key

    def make(self) -> Change:
        return self.project.update_span(self.span_id, **self.changes)

    def id(self) -> int:
        return EDGE_MERGE_ID if self.merge_key else -1

    def merges(self, other: ChangeCommand) -> bool:
        # Repeated edge nudges of one span are one undo step.
        return isinstance(other, UpdateSpan) and other.merge_key == self.merge_key and other.span_id == self.span_id


class SetSpanAttr(_Command):
    def __init__(self, editor: Editor, span_id: int, name: str, value):
        label = editor.project.span(span_id).label
        super().__init__(editor, QCoreApplication.translate("Commands", "Set %1")
                         .replace("%1", attr_text(editor.project.scheme, label, name)))
        self.span_id, self.name, self.value = span_id, name, value

    def make(self) -> Change:
        return self.project.set_span_attr(self.span_id, self.name, self.value)


class AddRelation(_Command):
    """A new link; the links in `replace` (a quote's old source) go in the same transaction."""

    def __init__(self, editor: Editor, label: str, from_span: int, to_span: int, replace: list[Relation] = (),
                 text: str | None = None):
        super().__init__(editor, text or QCoreApplication.translate("Commands", "Link %1")
                         .replace("%1", relation_text(editor.project.scheme, label)))
        self.args = (label, from_span, to_span)
        self.replace = list(replace)

    def make(self) -> Change:
        label, a, b = self.args
        return self.project.add_relation(label, a, b, self.editor.annotator, replace=[r.id for r in self.replace])

    @property
    def relation(self) -> Relation | None:
        return self.change.result if self.change is not None else None


class DeleteRelation(_Command):
    def __init__(self, editor: Editor, rel_id: int):
        super().__init__(editor, QCoreApplication.translate("Commands", "Remove link"))
        self.rel_id = rel_id

    def make(self) -> Change:
        return self.project.delete_relation(self.rel_id)


class SetDocStatus(_Command):
    def __init__(self, editor: Editor, doc: int, state: str, text: str):
        super().__init__(editor, text)
        self.doc, self.state = doc, state

    def make(self) -> Change:
        return self.project.set_doc_status(self.doc, self.editor.annotator, self.state)


class SetDocMeta(_Command):
    def __init__(self, editor: Editor, doc: int, key: str, value):
        super().__init__(editor, QCoreApplication.translate("Commands", "Set document %1").replace("%1", key))
        self.doc, self.key, self.value = doc, key, value

    def make(self) -> Change:
        return self.project.set_doc_meta(self.doc, self.key, self.value)


class SuggestInDocument(_Command):
    """Rule-based suggestions for one document into the user's layer."""

    reload = True

    def __init__(self, editor: Editor, doc: int, only: str | None, text: str):
        super().__init__(editor, text)
        self.doc, self.only = doc, only

    def make(self) -> Change:
        from annotator.core.suggest import suggest_document

        return recorded(self.project, self.doc,
                        lambda: suggest_document(self.project, self.doc, self.editor.annotator, self.only))

    @property
    def ids(self) -> list[int] | None:
        return self.change.result if self.change is not None else None


class SetSuggestionStatus(_Command):
    """Accept or reject many suggested spans of one document (and their links) at once: all
    layers or none."""

    reload = True

    def __init__(self, editor: Editor, doc: int, by_annotator: dict[str, list[int]], status: str, text: str):
        super().__init__(editor, text)
        self.doc, self.by_annotator, self.status = doc, by_annotator, status

    def make(self) -> Change:
        from annotator.core.suggest import accept_suggestions, reject_suggestions

        mutator = accept_suggestions if self.status == "accepted" else reject_suggestions
        return recorded(self.project, self.doc, lambda: [
            mutator(self.project, self.doc, annotator, span_ids=ids, edited_by=self.editor.annotator)
            for annotator, ids in self.by_annotator.items()])

    def count(self) -> int:
        return sum(len(c.spans) for c in self.change.result) if self.change is not None else 0
