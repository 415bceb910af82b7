"""The inspector: the selected span (attributes, links, annotator, times) and the
document's metadata (title, dct). It only shows and asks; the window makes the edits."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError
from annotator.gui.attribute_editors import Shown, make_editor
from annotator.gui.i18n import attr_text, description_text, label_text, relation_text, value_text
from annotator.gui.plain import plain_label, plain_tip
from annotator.gui.span_list import status_text
from annotator.gui.timex_hint import describe

SNIPPET = 60


def local_time(stamp: str) -> str:
    """A stored UTC ISO time in the user's time zone and the UI's locale."""
    when = QDateTime.fromString(stamp, Qt.ISODateWithMs)
    if not when.isValid():
        return stamp
    return QLocale().toString(when.toLocalTime(), "yyyy-MM-dd HH:mm:ss")


def _arrow(line_start: str, outgoing: bool) -> str:
    """An arrow that points along the line's reading direction (arrows are not mirrored)."""
    from annotator.gui.cell_direction import text_direction

    forward, back = ("←", "→") if text_direction(line_start) == Qt.RightToLeft else ("→", "←")
    return forward if outgoing else back


def snippet(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"


def attribute_keys(label) -> dict[str, object]:
    """Alt+letter for the label's choice attributes: the first letter of the name not taken
    by an attribute before it (type -> T, mod -> M). Letters, so Arabic layouts map them too."""
    keys: dict[str, object] = {}
    for attr in label.attributes if label is not None else ():
        if attr.type != "choice":
            continue
        letter = next((ch for ch in attr.name.lower() if "a" <= ch <= "z" and ch not in keys), None)
        if letter is not None:
            keys[letter] = attr
    return keys


class OneLineLabel(QLabel):
    """Plain text on one line, elided to the width it is given (the whole text in its
    tooltip), so a long quote never pushes the fields below it down."""

    def __init__(self):
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.PlainText)
        self.setWordWrap(False)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tip(text) if "\n" in text or len(text) > 30 else "")
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        flat = self._full.replace("\n", "  ")
        QLabel.setText(self, self.fontMetrics().elidedText(flat, Qt.ElideMiddle, max(self.width(), 40)))


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


class Inspector(QWidget):
    attrEdited = Signal(int, str, object)  # span id, attribute, value (None removes)
    linkRemoveRequested = Signal(int)  # relation id
    linkAddRequested = Signal(str, int, int)  # relation, from span, to span
    statusRequested = Signal(int, str)  # span id, new status
    spanChosen = Signal(int)
    metaEdited = Signal(int, str, object)  # doc num, key, value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = True
        self.show_attr_keys = False  # the annotation window handles Alt+letter for choices
        self.scheme = None
        self.span = None
        self.doc = None
        # --- span ---
        self.span_box = QGroupBox(self.tr("Selected span"))
        sform = QFormLayout(self.span_box)
        # One line each and buttons that keep their room when hidden: the attribute
        # fields below stay in one place from span to span.
        self.span_label = OneLineLabel()
        self.span_text = OneLineLabel()
        self.span_status = OneLineLabel()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        for b in (self.accept_button, self.reject_button):
            policy = b.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            b.setSizePolicy(policy)
        status_row = QHBoxLayout()
        status_row.addWidget(self.span_status, 1)
        status_row.addWidget(self.accept_button)
        status_row.addWidget(self.reject_button)
        self.span_annotator = OneLineLabel()
        self.span_times = OneLineLabel()
        sform.addRow(self.tr("Label:"), self.span_label)
        sform.addRow(self.tr("Text:"), self.span_text)
        sform.addRow(self.tr("Status:"), status_row)
        sform.addRow(self.tr("Annotator:"), self.span_annotator)
        sform.addRow(self.tr("Times:"), self.span_times)
        self.attr_box = QGroupBox(self.tr("Attributes"))
        self.attr_form = QFormLayout(self.attr_box)
        self.link_box = QGroupBox(self.tr("Links"))
        lbox = QVBoxLayout(self.link_box)
        self.links = QListWidget()
        self.links.setMaximumHeight(110)
        self.remove_link_button = QPushButton(self.tr("Remove link"))
        self.link_target = QComboBox()
        self.link_target.setAccessibleName(self.tr("Span to link"))
        self.add_link_button = QPushButton(self.tr("Link"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.link_target, 1)
        add_row.addWidget(self.add_link_button)
        lbox.addWidget(self.links)
        lbox.addWidget(self.remove_link_button)
        lbox.addLayout(add_row)
        self.no_span = plain_label(self.tr("No span selected. Select text and press a label key, or click a span."))
        # --- document ---
        self.doc_box = QGroupBox(self.tr("Document"))
        dform = QFormLayout(self.doc_box)
        self.doc_id = plain_label()
        self.doc_title = plain_label()
        self.dct_edit = QLineEdit()
        self.dct_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.dct_hint = plain_label()
        self.doc_other = plain_label()
        dform.addRow(self.tr("ID:"), self.doc_id)
        dform.addRow(self.tr("Title:"), self.doc_title)
        dform.addRow(self.tr("Date (dct):"), self.dct_edit)
        dform.addRow("", self.dct_hint)
        dform.addRow(self.tr("Other:"), self.doc_other)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.no_span, self.span_box, self.attr_box, self.link_box, self.doc_box):
            layout.addWidget(w)
        layout.addStretch(1)
        self.accept_button.clicked.connect(lambda: self.span and self.statusRequested.emit(self.span.id, "accepted"))
        self.reject_button.clicked.connect(lambda: self.span and self.statusRequested.emit(self.span.id, "rejected"))
        self.remove_link_button.clicked.connect(self._remove_link)
        self.add_link_button.clicked.connect(self._add_link)
        self.links.itemActivated.connect(lambda item: self.spanChosen.emit(item.data(Qt.UserRole + 1)))
        self.dct_edit.textEdited.connect(self._dct_typed)
        self.dct_edit.editingFinished.connect(self._dct_done)
        self.show_span(None)
        self.show_document(None)

    # ----- span -----------------------------------------------------------------------
    def set_editable(self, on: bool) -> None:
        self.editable = on
        for w in (self.accept_button, self.reject_button, self.remove_link_button, self.add_link_button,
                  self.link_target):
            w.setEnabled(on)
        self.dct_edit.setReadOnly(not on)

    def show_span(self, span, text: str = "", links=(), candidates=()) -> None:
        """links: (relation, other span, outgoing); candidates: (relation name, span) to link to."""
        self.span = span
        for w in (self.span_box, self.attr_box, self.link_box):
            w.setVisible(span is not None)
        self.no_span.setVisible(span is None)
        if span is None:
            return
        self.span_label.setText(label_text(self.scheme, span.label))
        self.span_text.setText(text[span.start:span.end])
        self.span_status.setText(status_text(span.status))
        self.accept_button.setVisible(span.status != "accepted")
        self.reject_button.setVisible(span.status == "suggested")
        self.span_annotator.setText(span.annotator + (f" ({span.rule})" if span.rule else ""))
        times = self.tr("created %1").replace("%1", local_time(span.created))
        if span.modified and span.modified != span.created:
            times += ", " + self.tr("modified %1").replace("%1", local_time(span.modified))
        self.span_times.setText(times)
        self._build_attrs(span)
        self.links.clear()
        for rel, other, outgoing in links:
            arrow = _arrow(relation_text(self.scheme, rel.label), outgoing)
            item = QListWidgetItem(f"{relation_text(self.scheme, rel.label)} {arrow} {label_text(self.scheme, other.label)}: "
                                   f"{snippet(text[other.start:other.end])}")
            item.setData(Qt.UserRole, rel.id)
            item.setData(Qt.UserRole + 1, other.id)
            item.setToolTip(plain_tip(self.tr("by %1").replace("%1", rel.annotator)))
            self.links.addItem(item)
        if self.links.count():
            self.links.setCurrentRow(0)
        self.remove_link_button.setEnabled(self.editable and self.links.count() > 0)
        self.link_target.clear()
        for rel_name, other in candidates:
            self.link_target.addItem(f"{relation_text(self.scheme, rel_name)} {_arrow(relation_text(self.scheme, rel_name), True)} "
                                     f"{label_text(self.scheme, other.label)}: "
                                     f"{snippet(text[other.start:other.end])}",
                                     (rel_name, other.id))
        self.link_target.setVisible(self.link_target.count() > 0)
        self.add_link_button.setVisible(self.link_target.count() > 0)

    def _build_attrs(self, span) -> None:
        _clear(self.attr_form)
        label = self.scheme.label(span.label) if self.scheme and self.scheme.has_label(span.label) else None
        attributes = label.attributes if label else ()
        keys = {attr.name: letter for letter, attr in attribute_keys(label).items()} if self.show_attr_keys else {}
        self.attr_box.setVisible(bool(attributes))
        self.attr_editors = {}  # kept: the fields' signals call into them
        self.attr_widgets = {}
        self.attr_hints = {}
        hints = []  # below every field: a hint growing to two lines moves no field
        for attr in attributes:
            # The name in an isolate after an RLM in the Arabic interface: the line reads
            # right to left there, so the colon goes to the name's left.
            caption = (("\u200f" if self.layoutDirection() == Qt.RightToLeft else "") + "\u2068" + attr_text(self.scheme, span.label, attr.name) + (f" (Alt+{keys[attr.name].upper()})" if attr.name in keys else "")
                       + "\u2069:")
            shown = Shown(choice=lambda c, a=attr.name: value_text(self.scheme, span.label, a, c),
                          description=description_text(self.scheme, span.label, attr.name, fallback=attr.description))
            ed = make_editor(attr, span.attrs.get(attr.name), self.editable,
                             lambda value, a=attr.name: self._emit_attr(a, value), shown)
            self.attr_form.addRow(plain_label(caption, wrap=False), ed.widget)
            self.attr_editors[attr.name] = ed
            self.attr_widgets[attr.name] = ed.widget
            if ed.hint is not None:
                self.attr_hints[attr.name] = ed.hint
                hints.append(ed.hint)
        for hint in hints:
            self.attr_form.addRow("", hint)

    def _emit_attr(self, name: str, value) -> None:
        if self.span is not None and self.editable and value != self.span.attrs.get(name):
            self.attrEdited.emit(self.span.id, name, value)

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        if item is not None:
            self.linkRemoveRequested.emit(item.data(Qt.UserRole))

    def _add_link(self) -> None:
        data = self.link_target.currentData()
        if self.span is not None and data:
            self.linkAddRequested.emit(data[0], self.span.id, data[1])

    # ----- document ------------------------------------------------------------------
    def show_document(self, doc) -> None:
        self.doc = doc
        self.doc_box.setVisible(doc is not None)
        if doc is None:
            return
        self.doc_id.setText(doc.id)
        self.doc_title.setText(str(doc.meta.get("title", "")))
        self.dct_edit.setText(str(doc.meta.get("dct") or ""))
        self._dct_typed(self.dct_edit.text())
        other = [f"{k}: {v}" for k, v in sorted(doc.meta.items()) if k not in ("title", "dct")]
        self.doc_other.setText("\n".join(other) or "—")

    def _dct_check(self, text: str) -> str | None:
        from annotator.core.dates_iso import check_dct

        try:
            check_dct(text)
        except AnnotatorError as exc:
            return str(exc)
        return None

    def _dct_typed(self, text: str) -> None:
        text = text.strip()
        problem = self._dct_check(text) if text else None
        if problem:
            self.dct_hint.setText(self.tr("Not a date like 2021-12-09"))
            self.dct_hint.setStyleSheet("color: #b00020;")
        else:
            self.dct_hint.setText(describe(text[:10]) if text else
                                  self.tr("The date the document was written: relative dates are read from it."))
            self.dct_hint.setStyleSheet("color: palette(mid);")

    def _dct_done(self) -> None:
        if self.doc is None or not self.editable:
            return
        text = self.dct_edit.text().strip()
        if text and self._dct_check(text):
            return
        value = text or None
        if value != self.doc.meta.get("dct"):
            self.metaEdited.emit(self.doc.num, "dct", value)
