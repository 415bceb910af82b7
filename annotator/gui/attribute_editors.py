"""The inspector's field for each attribute type, registered under the type's name in
annotator/core/attribute_types.py. An editor shows a value and hands a new one to `commit`
(None removes it); the window then makes the edit as one undo step. `shown` says how the
interface names choices and describes the attribute (the stored values never change).

Adding a type's editor: a subclass of AttributeEditor decorated with @editor("<type name>").
A type without an editor of its own gets the text field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from annotator.gui.plain import plain_label, plain_tip
from annotator.gui.timex_hint import describe

EDITORS: dict[str, type["AttributeEditor"]] = {}


def editor(type_name: str):
    def register(cls):
        EDITORS[type_name] = cls
        return cls
    return register


@dataclass(frozen=True)
class Shown:
    choice: Callable[[str], str] = str  # a choice value as the interface names it
    description: str = ""  # the attribute's description as the interface gives it


def make_editor(attr, value: Any, editable: bool, commit: Callable[[Any], None],
                shown: Shown | None = None) -> "AttributeEditor":
    shown = shown or Shown(description=attr.description)
    return EDITORS.get(attr.type, TextEditor)(attr, value, editable, commit, shown)


def _tr(text: str) -> str:
    # The inspector's context: these strings were its own and keep their translations.
    return QCoreApplication.translate("Inspector", text)


class AttributeEditor:
    """widget: the field; hint: a line under the fields (None: the type has nothing to say)."""

    widget: QWidget
    hint: QLabel | None = None

    def __init__(self, attr, value: Any, editable: bool, commit: Callable[[Any], None], shown: Shown):
        self.attr = attr
        self.commit = commit
        self.shown = shown


@editor("choice")
class ChoiceEditor(AttributeEditor):
    def __init__(self, attr, value, editable, commit, shown):
        super().__init__(attr, value, editable, commit, shown)
        w = self.widget = QComboBox()
        w.addItem("—", None)
        for c in attr.choices:
            w.addItem(shown.choice(c), c)
        w.setCurrentIndex(max(0, w.findData(value)) if value is not None else 0)
        w.setEnabled(editable)
        w.activated.connect(lambda _i: commit(w.currentData()))


@editor("boolean")
class BooleanEditor(AttributeEditor):
    def __init__(self, attr, value, editable, commit, shown):
        super().__init__(attr, value, editable, commit, shown)
        w = self.widget = QCheckBox()
        w.setChecked(bool(value))
        w.setEnabled(editable)
        w.toggled.connect(commit)


@editor("text")
class TextEditor(AttributeEditor):
    """A line edit: checked as it is typed (the hint says what is wrong), committed when
    editing finishes and the value is good."""

    def __init__(self, attr, value, editable, commit, shown):
        super().__init__(attr, value, editable, commit, shown)
        w = self.widget = QLineEdit("" if value is None else str(value))
        w.setReadOnly(not editable)
        w.setToolTip(plain_tip(shown.description))
        self.editable = editable
        self.hint = plain_label()
        self.update_hint(w.text())
        w.textEdited.connect(self.update_hint)
        w.editingFinished.connect(self._done)

    def words(self, text: str) -> str:
        """What a good value means, under the field ('' says nothing)."""
        return ""

    def update_hint(self, text: str) -> bool:
        text = text.strip()
        problem = self.attr.kind.problem(self.attr, text) if text else None
        if problem:
            why = self.shown.description or self.attr.description or self.attr.pattern or problem
            self.hint.setText(_tr("Not a valid value: %1").replace("%1", why))
            self.hint.setStyleSheet("color: #b00020;")
        else:
            self.hint.setText(self.words(text))
            self.hint.setStyleSheet("color: palette(mid);")
        return problem is None

    def _done(self) -> None:
        if not self.editable:
            return
        text = self.widget.text().strip()
        if self.update_hint(text):
            self.commit(text or None)


@editor("timex3")
class Timex3Editor(TextEditor):
    """A TIMEX3 value, read back in plain words in the UI's language ('9 December 2021')."""

    def __init__(self, attr, value, editable, commit, shown):
        super().__init__(attr, value, editable, commit, shown)
        self.widget.setPlaceholderText("2021-12-09, 2021-12, 2021-W49, P3D…")

    def words(self, text: str) -> str:
        return describe(text)
