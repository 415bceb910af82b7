"""The annotation controller: keys and clicks in, undo commands out, panes kept in step.

It is the `Editor` the undo commands report to: after each core mutator it updates the
view, the span list, the document list and the inspector incrementally.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from annotator.core.errors import AnnotatorError
from annotator.core.snapping import is_quoted, snap
from annotator.gui import commands as cmd
from annotator.gui.edges import arrow_to_logical, step_edge
from annotator.gui.i18n import label_text, relation_text
from annotator.gui.inspector import attribute_keys

# Letters of the standard Arabic keyboard at the place of each Latin letter, so hotkeys
# work without switching the layout.
ARABIC_KEYBOARD = {a: l for a, l in zip("ضصثقفغعهخحشسيبلاتنمئءؤرىة", "qwertyuiopasdfghjklzxcvnm")}
ARABIC_KEYBOARD.update({"لا": "b", "ذ": "`"})
_DIGITS = {**{str(i): str(i) for i in range(10)}, **{chr(0x660 + i): str(i) for i in range(10)},
           **{chr(0x6F0 + i): str(i) for i in range(10)}}
MAX_LINK_CHOICES = 9


def key_char(event) -> str | None:
    """The hotkey character of a key press: a digit or a Latin letter, whatever the layout."""
    key = event.key()
    if Qt.Key_0 <= key <= Qt.Key_9:
        return chr(key)
    if Qt.Key_A <= key <= Qt.Key_Z:
        return chr(key).lower()
    text = event.text()
    if text in _DIGITS:
        return _DIGITS[text]
    if text in ARABIC_KEYBOARD:
        return ARABIC_KEYBOARD[text]
    return None


def _order(span) -> tuple[int, int, int]:
    """Document order of spans: by start, the longer (outer) one first at one start."""
    return (span.start, -span.end, span.id)


class AnnotationController(QObject):
    message = Signal(str)
    currentSpanChanged = Signal(object)
    linkModeChanged = Signal(str)  # prompt, or '' when the mode ends

    def __init__(self, project, annotator: str, view, span_model, span_view, doc_panel, inspector, undo_stack,
                 parent=None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.view = view
        self.span_model = span_model
        self.span_view = span_view
        self.doc_panel = doc_panel
        self.inspector = inspector
        self.undo = undo_stack
        self.doc = None
        self.spans: dict[int, object] = {}
        self.current: int | None = None
        self.char_precision = False
        self.default_mode = "word"
        self.link: tuple[str, bool, list] | None = None  # (relation, current is the 'from' end, candidates)
        scheme = project.scheme
        self.colours = {l.name: l.colour for l in scheme.labels}
        inspector.scheme = scheme
        inspector.show_attr_keys = True
        view.spanActivated.connect(self.span_clicked)
        span_view.spanChosen.connect(self.reveal_span)
        inspector.spanChosen.connect(self.reveal_span)
        inspector.attrEdited.connect(self.set_attr)
        inspector.linkRemoveRequested.connect(self.remove_link)
        inspector.linkAddRequested.connect(self.add_link)
        inspector.statusRequested.connect(self.set_span_status)
        inspector.metaEdited.connect(self.set_meta)
        inspector.set_editable(self.editable)
        for w in (view, span_view):
            w.installEventFilter(self)

    @property
    def editable(self) -> bool:
        # A big project is readable at once; edits wait for its deferred file check.
        return not self.project.readonly and not self.project.checks_pending

    # ----- running commands -------------------------------------------------------------
    @property
    def guard(self):
        """The save/retry guard over the undo stack (annotator.gui.undo), made on first use."""
        if getattr(self, "_guard", None) is None or self._guard.stack is not self.undo:
            from annotator.gui.undo import UndoGuard

            self._guard = UndoGuard(self.undo, self.view.window, self.message.emit, lambda: self.editable)
        return self._guard

    def run(self, command, keep=None) -> bool:
        """Perform `command` and push it on the undo stack (unless `keep(command)` says it changed nothing)."""
        from annotator.gui.doc_progress import with_progress

        step = with_progress(self, command)  # an edit of a "to do" document also starts it
        return self.guard.run(step, keep=(lambda _: keep(command)) if keep is not None else None)

    def step(self, backward: bool) -> bool:
        """Undo (backward) or redo one command; a failed write leaves the stack where it was."""
        return self.guard.step(backward)

    # ----- documents ----------------------------------------------------------------------
    def open_doc(self, num: int | None) -> None:
        self.cancel_link()
        self.current = None
        if num is None:
            self.doc, self.spans = None, {}
            self.view.clear_document()
            with self.span_view.quiet():
                self.span_model.clear()
            self.inspector.show_document(None)
            self.inspector.show_span(None)
            return
        self.doc = self.project.document(num)
        visible = [s for s in self.project.spans(num) if s.status != "rejected"]
        self.spans = {s.id: s for s in visible}
        self.view.set_document(self.doc.text, visible, self.colours)
        with self.span_view.quiet():
            self.span_model.set_document(self.doc.text, visible, self.colours)
        self.inspector.show_document(self.doc)
        self._show_current()

    def _ensure_doc(self, doc: int) -> bool:
        """True when `doc` is on screen; otherwise bring it up (fresh from the file)."""
        if self.doc is not None and self.doc.num == doc:
            return True
        if not self.doc_panel.select_num(doc):
            self.open_doc(doc)
        return False

    # ----- current span -------------------------------------------------------------------
    def select_span(self, span_id: int | None) -> None:
        if span_id is not None and span_id not in self.spans:
            return
        self.current = span_id
        self._show_current()

    def reveal_span(self, span_id: int) -> None:
        """Select a span chosen in a list and scroll the text to it (the caret goes to its start)."""
        span = self.spans.get(span_id)
        if span is None:
            return
        self.view.select_cp(span.start, span.start)
        self.select_span(span_id)

    def current_span(self):
        return self.spans.get(self.current) if self.current is not None else None

    def _linked(self, span_id: int):
        out = []
        for rel in self.project.relations_of(span_id):
            outgoing = rel.from_span == span_id
            other = self.spans.get(rel.to_span if outgoing else rel.from_span)
            if other is not None:
                out.append((rel, other, outgoing))
        return out

    def _candidates(self, span, relation: str | None = None):
        """(relation, span, span is the 'from' end) for every span the current one could link to."""
        out = []
        linked = {(r.label, o.id) for r, o, _ in self._linked(span.id)}
        for rel in self.project.scheme.relations:
            if relation and rel.name != relation:
                continue
            if span.label in rel.from_labels:
                targets, from_end = rel.to_labels, True
            elif span.label in rel.to_labels:
                targets, from_end = rel.from_labels, False
            else:
                continue
            for other in self.spans.values():
                # A link stays inside one annotator's layer, as merge and the exports expect.
                if (other.id != span.id and other.label in targets and other.annotator == span.annotator
                        and (rel.name, other.id) not in linked):
                    out.append((rel.name, other, from_end))
        # Nearest first; a speaker usually comes before what they said.
        out.sort(key=lambda c: (abs(c[1].start - span.start) + (0 if c[1].start <= span.start else 1), c[1].id))
        return out

    def _show_current(self) -> None:
        span = self.current_span()
        if span is None:
            self.current = None
            self.view.set_current_span(None)
            self.span_view.show_span(None)
            self.inspector.show_span(None)
        else:
            links = self._linked(span.id)
            self.view.set_current_span(span.id, [o.id for _, o, _ in links])
            self.span_view.show_span(span.id)
            self.inspector.show_span(span, self.doc.text, links,
                                     [(name, other) for name, other, _ in self._candidates(span)])
        self.currentSpanChanged.emit(span)

    def span_clicked(self, span_id: int) -> None:
        if self.link is not None:
            self.finish_link(span_id)
        else:
            self.select_span(span_id)

    # ----- editing actions ------------------------------------------------------------------
    def mode(self, alt: bool = False) -> str:
        return "char" if alt or self.char_precision else self.default_mode

    def apply_label(self, label: str, char_mode: bool = False) -> bool:
        if self.doc is None:
            return False
        start, end = self.view.selection_cp()
        current = self.current_span()
        if start != end:
            snapped = snap(self.doc.text, min(start, end), max(start, end), self.mode(char_mode))
            if snapped is None:
                self.message.emit(QCoreApplication.translate("Annotate", "Nothing to annotate in the selection (only spaces or punctuation)."))
                return False
            if current is None or (current.start, current.end) != snapped:
                same = [s for s in self.spans.values() if (s.start, s.end, s.label) == (*snapped, label)]
                if same:
                    self.select_span(same[0].id)
                    self.message.emit(QCoreApplication.translate("Annotate", "That text already has this label."))
                    return False
                return self._add(snapped[0], snapped[1], label)
        if current is None:
            self.message.emit(QCoreApplication.translate("Annotate", "Select some text first, or click a span to relabel it."))
            return False
        if current.label == label:
            return False
        return self._update(current, QCoreApplication.translate("Annotate", "Relabel as %1").replace("%1", self._label(label)),
                            label=label, attrs=self._attrs_for(label, current.attrs, (current.start, current.end)))

    def _label(self, name: str) -> str:
        """A label as the user reads it (the scheme's name in the interface language)."""
        return label_text(self.project.scheme, name)

    def _relation(self, name: str) -> str:
        return relation_text(self.project.scheme, name)

    def _attrs_for(self, label: str, attrs: dict, where: tuple[int, int] | None = None) -> dict:
        """Attributes carried over a relabel: those the new label has and accepts, then its
        defaults. A direct/indirect choice is read from the text at `where`: in quotation
        marks it is direct, otherwise indirect."""
        out = {}
        for attr in self.project.scheme.label(label).attributes:
            value = attrs.get(attr.name)
            if value is not None:
                try:
                    attr.check(value)
                except AnnotatorError:
                    value = None
            if value is None and where is not None and {"direct", "indirect"} <= set(attr.choices):
                value = "direct" if is_quoted(self.doc.text, *where) else "indirect"
            if value is None:
                value = attr.default
            if value is not None:
                out[attr.name] = value
        return out

    def _add(self, start: int, end: int, label: str) -> bool:
        c = cmd.AddSpan(self, self.doc.num, start, end, label, self._attrs_for(label, {}, (start, end)))
        if not self.run(c):
            return False
        self.view.select_cp(end, end)
        self.select_span(c.span.id)
        return True

    def _update(self, span, text: str, merge_key: str | None = None, **changes) -> bool:
        if span.annotator != self.annotator:
            # The core keeps the span's author; record who changed it.
            changes["origin"] = {**span.origin, "edited_by": self.annotator}
        return self.run(cmd.UpdateSpan(self, span.id, text, merge_key=merge_key, **changes))

    def delete_current(self) -> bool:
        span = self.current_span()
        if span is None:
            self.message.emit(QCoreApplication.translate("Annotate", "No span selected."))
            return False
        return self.run(cmd.DeleteSpan(self, span.id))

    def set_span_status(self, span_id: int, status: str) -> bool:
        span = self.spans.get(span_id)
        if span is None or span.status == status:
            return False
        if span.status == "suggested" and status in ("accepted", "rejected"):
            # The inspector's buttons do what A and R do: links too, then the next suggestion.
            return self._decide_suggestion(span, status)
        text = QCoreApplication.translate("Annotate", "Accept suggestion") if status == "accepted" else QCoreApplication.translate("Annotate", "Reject suggestion")
        return self._update(span, text, status=status)

    def accept_current(self) -> bool:
        span = self.current_span()
        if span is None or span.status != "suggested":
            self.message.emit(QCoreApplication.translate("Annotate", "Select a suggested span to accept it."))
            return False
        return self._decide_suggestion(span, "accepted")

    def reject_current(self) -> bool:
        span = self.current_span()
        if span is None or span.status != "suggested":
            self.message.emit(QCoreApplication.translate("Annotate", "Select a suggested span to reject it."))
            return False
        return self._decide_suggestion(span, "rejected")

    def _decide_suggestion(self, span, status: str) -> bool:
        """One suggestion accepted or rejected with its links (a link is accepted once both
        ends are, rejected with either): the same core call as accept-all, one undo step.
        Then the next suggestion in the text is selected, so A / R go through them all;
        after the last one the selection stays on a span (never nothing after R)."""
        text = (QCoreApplication.translate("Annotate", "Accept suggestion") if status == "accepted"
                else QCoreApplication.translate("Annotate", "Reject suggestion"))
        if not self.run(cmd.SetSuggestionStatus(self, self.doc.num, {span.annotator: [span.id]}, status, text)):
            return False
        following = self._suggestion_from(_order(span), 1)
        if following is not None:
            self.reveal_span(following.id)
            return True
        if self.current_span() is None:  # the rejected span is gone: stay near where it was
            nearest = min(self.spans.values(), default=None,
                          key=lambda s: (abs(s.start - span.start), s.start, s.id))
            if nearest is not None:
                self.reveal_span(nearest.id)
        self.message.emit(QCoreApplication.translate("Annotate", "No suggestions left in this document."))
        return True

    def _suggestion_from(self, key: tuple, step: int):
        """The suggested span after (step 1) or before (step -1) document position `key`,
        going round the document's end."""
        found = sorted((s for s in self.spans.values() if s.status == "suggested"), key=_order)
        if not found:
            return None
        if step > 0:
            return next((s for s in found if _order(s) > key), found[0])
        return next((s for s in reversed(found) if _order(s) < key), found[-1])

    def goto_suggestion(self, step: int) -> bool:
        """Select the next (1) or previous (-1) suggestion in document order."""
        if self.doc is None:
            return False
        span = self.current_span()
        if span is not None:
            key = _order(span)
        else:
            caret = self.view.selection_cp()[0]
            key = (caret, -(2**62), -1)  # spans starting at the caret come after it
        target = self._suggestion_from(key, step)
        if target is None:
            self.message.emit(QCoreApplication.translate("Annotate", "No suggestions in this document."))
            return False
        self.reveal_span(target.id)
        return True

    def accept_all(self, label: str) -> int:
        """Accept every suggested span of `label` in this document, with their links: one undo step."""
        if self.doc is None or not self.editable:
            return 0
        todo: dict[str, list[int]] = {}
        for s in self.spans.values():
            if s.label == label and s.status == "suggested":
                todo.setdefault(s.annotator, []).append(s.id)
        if not todo:
            self.message.emit(QCoreApplication.translate("Annotate", "No %1 suggestions in this document.").replace("%1", self._label(label)))
            return 0
        c = cmd.SetSuggestionStatus(self, self.doc.num, todo, "accepted",
                                    QCoreApplication.translate("Annotate", "Accept all %1 suggestions").replace("%1", self._label(label)))
        if not self.run(c):
            return 0
        done = c.count()
        self.message.emit(QCoreApplication.translate("Annotate", "Accepted %1 suggestions.").replace("%1", str(done)))
        return done

    def suggest(self, only: str | None = None) -> int:
        """Suggest dates and quotes (or `only` one kind) in this document: one undo step."""
        if self.doc is None:
            return 0
        c = cmd.SuggestInDocument(self, self.doc.num, only,
                                  QCoreApplication.translate("Annotate", "Suggest in this document"))
        if not self.run(c, keep=lambda c: bool(c.ids)):
            return 0
        if not c.ids:
            self.message.emit(QCoreApplication.translate("Annotate", "No new suggestions in this document."))
            return 0
        self.message.emit(QCoreApplication.translate("Annotate", "%1 new suggestions: Enter or A accepts the selected one, R rejects it.")
                          .replace("%1", str(len(c.ids))))
        first = min((self.spans[i] for i in c.ids if i in self.spans), key=lambda s: s.start, default=None)
        if first is not None:
            self.reveal_span(first.id)
        return len(c.ids)

    def move_edge(self, edge: str, arrow_right: bool) -> bool:
        span = self.current_span()
        if span is None:
            self.message.emit(QCoreApplication.translate("Annotate", "Select a span to move its edges."))
            return False
        pos = span.start if edge == "start" else span.end - 1
        direction = arrow_to_logical(self.doc.text, pos, arrow_right)
        return self.move_edge_logical(edge, direction)

    def move_edge_logical(self, edge: str, direction: int) -> bool:
        span = self.current_span()
        if span is None:
            return False
        new = step_edge(self.doc.text, span.start, span.end, edge, direction, self.mode())
        if new is None:
            return False
        return self._update(span, QCoreApplication.translate("Annotate", "Move span edge"), merge_key=f"edge-{span.id}", start=new[0], end=new[1])

    def set_attr(self, span_id: int, name: str, value) -> bool:
        return self.run(cmd.SetSpanAttr(self, span_id, name, value))

    def _attr_for_key(self, ch: str | None):
        span = self.current_span()
        if span is None or ch is None or not self.project.scheme.has_label(span.label):
            return None
        return attribute_keys(self.project.scheme.label(span.label)).get(ch)

    def cycle_attr(self, name: str, backward: bool = False) -> bool:
        """The selected span's choice attribute `name` to its next (or previous) value: one undo step.
        An attribute without a default can also go back to empty."""
        span = self.current_span()
        if span is None:
            return False
        attr = self.project.scheme.label(span.label).attribute(name)
        values = [*attr.choices] + ([None] if attr.default is None else [])
        current = span.attrs.get(name)
        i = values.index(current) if current in values else -1
        value = values[(i + (-1 if backward else 1)) % len(values)] if i >= 0 else values[-1 if backward else 0]
        if not self.set_attr(span.id, name, value):
            return False
        self.message.emit(f"{name}: {attr.kind.text(value)}")
        return True

    def set_meta(self, doc: int, key: str, value) -> bool:
        if key == "dct":  # the suggested date values that hang on it change in the same undo step
            from annotator.gui.dct_command import set_dct

            return set_dct(self, doc, value)
        return self.run(cmd.SetDocMeta(self, doc, key, value))

    def set_doc_status(self, state: str, doc: int | None = None) -> bool:
        doc = doc if doc is not None else (self.doc.num if self.doc else None)
        if doc is None:
            return False
        if self.project.doc_status(doc, self.annotator) == state:
            return False
        texts = {"done": QCoreApplication.translate("Annotate", "Mark done"), "in_progress": QCoreApplication.translate("Annotate", "Mark in progress"), "todo": QCoreApplication.translate("Annotate", "Mark to do")}
        return self.run(cmd.SetDocStatus(self, doc, state, texts[state]))

    def mark_done_and_next(self) -> bool:
        if self.doc is None:
            return False
        num = self.doc.num
        following = self.doc_panel.next_after(num)
        if self.project.doc_status(num, self.annotator) != "done" and not self.set_doc_status("done", num):
            return False
        if following is None:
            self.message.emit(QCoreApplication.translate("Annotate", "That was the last document in the list."))
            return True
        self.doc_panel.select_num(following)
        return True

    # ----- relations ------------------------------------------------------------------------
    def add_link(self, relation: str, a: int, b: int, from_end: bool = True) -> bool:
        """Link a -> b. Unless the scheme lets this link type have several per 'from' span
        (`"many": true`), a's old link of the type is replaced, in the same undo step."""
        if not from_end:
            a, b = b, a
        rel_type = self.project.scheme.relation(relation)
        old = [] if rel_type.many else [r for r in self.project.relations_of(a)
                                         if r.label == relation and r.from_span == a]
        if any(r.to_span == b for r in old):
            return False  # already linked to this one
        text = (QCoreApplication.translate("Annotate", "Replace %1 link").replace("%1", self._relation(relation)) if old else None)
        if not self.run(cmd.AddRelation(self, relation, a, b, replace=old, text=text)):
            return False
        if old:
            self.message.emit(QCoreApplication.translate(
                "Annotate", "The %1 link was replaced (one per %2 in this scheme); Ctrl+Z brings the old one back.")
                .replace("%1", self._relation(relation)).replace("%2", self._label(self.project.span(a).label)))
        return True

    def remove_link(self, rel_id: int) -> bool:
        return self.run(cmd.DeleteRelation(self, rel_id))

    def start_link(self, relation: str) -> bool:
        span = self.current_span()
        if span is None:
            self.message.emit(QCoreApplication.translate("Annotate", "Select a quote first, then press the link key."))
            return False
        if not self.editable:
            self.message.emit(QCoreApplication.translate("Annotate", "The project is read-only: nothing was changed."))
            return False
        rel = self.project.scheme.relation(relation)
        if span.label not in rel.from_labels and span.label not in rel.to_labels:
            self.message.emit(QCoreApplication.translate("Annotate", "A %1 span cannot take a %2 link.")
                              .replace("%1", self._label(span.label)).replace("%2", self._relation(relation)))
            return False
        candidates = self._candidates(span, relation)
        if not candidates:
            wanted = "/".join(map(self._label, rel.to_labels if span.label in rel.from_labels else rel.from_labels))
            self.message.emit(QCoreApplication.translate("Annotate", "No %1 span to link in this document: mark it first.").replace("%1", wanted))
            return False
        self.link = (relation, candidates[0][2], candidates)
        shown = candidates[:MAX_LINK_CHOICES]
        self.view.set_link_numbers([c.id for _, c, _ in shown])
        # Each choice is an isolate in the interface's direction, its text a first-strong
        # isolate inside it: a number can never be drawn beside another choice's text.
        outer = "\u2067" if QGuiApplication.layoutDirection() == Qt.RightToLeft else "\u2066"
        parts = [f"{outer}{i}: \u2068«{self.doc.text[c.start:c.end][:40]}»\u2069\u2069"
                 for i, (_, c, _) in enumerate(shown, 1)]
        prompt = (QCoreApplication.translate("Annotate", "Link %1: press a number, Enter for the nearest, or click a span; Esc cancels.")
                  .replace("%1", self._relation(relation)) + "   " + "   ".join(parts))
        self.linkModeChanged.emit(prompt)
        return True

    def finish_link(self, target: int) -> bool:
        if self.link is None:
            return False
        relation, from_end, candidates = self.link
        span = self.current_span()
        valid = {c.id for _, c, _ in candidates}
        if span is None or target not in valid:
            self.message.emit(QCoreApplication.translate("Annotate", "That span cannot be linked here; pick one of the numbered spans."))
            return False
        self.cancel_link()
        return self.add_link(relation, span.id, target, from_end)

    def cancel_link(self) -> None:
        if self.link is not None:
            self.link = None
            self.view.set_link_numbers([])
            self.linkModeChanged.emit("")

    # ----- keys ----------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.KeyPress and self.doc is not None:
            if self.handle_key(event):
                return True
        elif event.type() == QEvent.ShortcutOverride and self.doc is not None and self._attr_key_event(event):
            event.accept()  # Alt+T cycles the span's type here, not the Tools menu's mnemonic
            return True
        return super().eventFilter(obj, event)

    def _attr_key_event(self, event):
        mods = event.modifiers() & ~Qt.KeypadModifier
        if not mods & Qt.AltModifier or mods & (Qt.ControlModifier | Qt.MetaModifier) or self.link is not None:
            return None
        ch = key_char(event)
        return None if ch is None or ch.isdigit() else self._attr_for_key(ch)

    def handle_key(self, event) -> bool:
        key, mods = event.key(), event.modifiers() & ~Qt.KeypadModifier
        alt, shift, ctrl = bool(mods & Qt.AltModifier), bool(mods & Qt.ShiftModifier), bool(mods & Qt.ControlModifier)
        if self.link is not None:
            ch = key_char(event)
            if key == Qt.Key_Escape:
                self.cancel_link()
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter) and not mods:
                return self.finish_link(self.link[2][0][1].id) or True
            if ch and ch.isdigit() and not mods and 1 <= int(ch) <= min(MAX_LINK_CHOICES, len(self.link[2])):
                return self.finish_link(self.link[2][int(ch) - 1][1].id) or True
            self.cancel_link()
        if key in (Qt.Key_Left, Qt.Key_Right) and alt and (shift or ctrl) and not (shift and ctrl):
            self.move_edge("start" if shift else "end", key == Qt.Key_Right)
            return True
        if key == Qt.Key_Delete and not alt and not ctrl:
            if shift:
                self.reject_current()
            else:
                self.delete_current()
            return True
        if key in (Qt.Key_Return, Qt.Key_Enter) and not mods:
            span = self.current_span()
            if span is not None and span.status == "suggested":
                self.accept_current()
                return True
            return False
        if key == Qt.Key_Escape and not mods and self.current is not None:
            self.select_span(None)
            return True
        if ctrl or (mods & Qt.MetaModifier):
            return False
        attr = self._attr_key_event(event)
        if attr is not None:
            self.cycle_attr(attr.name, backward=shift)
            return True
        ch = key_char(event)
        if ch is None:
            return False
        scheme = self.project.scheme
        rel = next((r for r in scheme.relations if r.hotkey and r.hotkey.lower() == ch), None)
        if rel is not None and self.current is not None and not alt:
            self.start_link(rel.name)
            return True
        label = scheme.label_for_hotkey(ch)
        if label is not None:
            self.apply_label(label.name, char_mode=alt)
            return True
        if not alt and ch == "a" and self.current is not None:
            self.accept_current()
            return True
        if not alt and ch == "r" and self.current is not None:
            self.reject_current()
            return True
        if not alt and ch in ("n", "p"):
            self.goto_suggestion(1 if ch == "n" else -1)
            return True
        return False

    # ----- Editor hooks (called by the undo commands) ----------------------------------------
    def span_added(self, span) -> None:
        self._refresh_counts(span.doc)
        if not self._ensure_doc(span.doc):
            return
        if span.status == "rejected":
            return
        self.spans[span.id] = span
        self.view.add_span(span)
        with self.span_view.quiet():
            self.span_model.add(span)
        self._show_current()

    def span_removed(self, span) -> None:
        self._refresh_counts(span.doc)
        if not self._ensure_doc(span.doc):
            return
        if self.spans.pop(span.id, None) is not None:
            self.view.remove_span(span.id)
            with self.span_view.quiet():
                self.span_model.remove(span.id)
        if self.current == span.id:
            self.current = None
        self._show_current()

    def span_changed(self, span) -> None:
        self._refresh_counts(span.doc)
        if not self._ensure_doc(span.doc):
            return
        if span.status == "rejected":
            self.span_removed(span)
            return
        if span.id in self.spans:
            self.spans[span.id] = span
            self.view.update_span(span)
            with self.span_view.quiet():
                self.span_model.update(span)
        else:
            self.spans[span.id] = span
            self.view.add_span(span)
            with self.span_view.quiet():
                self.span_model.add(span)
        self.current = span.id
        self._show_current()

    def relations_changed(self, doc: int) -> None:
        if self._ensure_doc(doc):
            self._show_current()

    def doc_status_changed(self, doc: int) -> None:
        self.doc_panel.model.refresh_num(doc)
        self.doc_panel.update_progress()

    def doc_meta_changed(self, doc: int) -> None:
        self.doc_panel.model.refresh_num(doc)
        if self.doc is not None and self.doc.num == doc:
            self.doc = self.project.document(doc)
            self.inspector.show_document(self.doc)

    def spans_reloaded(self, doc: int) -> None:
        """Many spans of `doc` changed at once: read them again, keep the selection if it is still there."""
        self._refresh_counts(doc)
        if not self._ensure_doc(doc):
            return
        visible = [s for s in self.project.spans(doc) if s.status != "rejected"]
        self.spans = {s.id: s for s in visible}
        self.view.set_spans(visible)
        with self.span_view.quiet():
            self.span_model.set_document(self.doc.text, visible, self.colours)
        self._show_current()

    def _refresh_counts(self, doc: int) -> None:
        self.doc_panel.model.refresh_num(doc)
