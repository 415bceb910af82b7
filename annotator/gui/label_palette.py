"""The label palette: one button per label (colour, name, hotkey) and one per relation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from annotator.gui.i18n import description_text, label_text, relation_text
from annotator.gui.plain import plain_tip


def swatch(colour: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


def _button_text(name: str, hotkey: str | None) -> str:
    # '&' would become a mnemonic in a button: show user text literally.
    name = name.replace("&", "&&")
    return f"{name}   [{hotkey.upper()}]" if hotkey else name


class LabelPalette(QWidget):
    labelChosen = Signal(str)
    relationChosen = Signal(str)

    def __init__(self, scheme, parent=None):
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.relation_buttons: dict[str, QPushButton] = {}
        labels = QGroupBox(self.tr("Labels"))
        lay = QVBoxLayout(labels)
        for label in scheme.labels:
            b = QPushButton(swatch(label.colour), _button_text(label_text(scheme, label.name), label.hotkey))
            b.setFocusPolicy(Qt.TabFocus)  # a click leaves the focus (and selection) in the text
            tip = description_text(scheme, label.name, fallback=label.description) or label_text(scheme, label.name)
            if label.hotkey:
                tip += "\n" + self.tr("Key: %1 (Alt+%1: exact characters)").replace("%1", label.hotkey.upper())
            b.setToolTip(plain_tip(tip))
            b.clicked.connect(lambda _=False, n=label.name: self.labelChosen.emit(n))
            lay.addWidget(b)
            self.buttons[label.name] = b
        rels = QGroupBox(self.tr("Links"))
        rlay = QVBoxLayout(rels)
        for rel in scheme.relations:
            text = self.tr("Link %1").replace("%1", relation_text(scheme, rel.name))
            b = QPushButton(_button_text(text, rel.hotkey))
            b.setFocusPolicy(Qt.TabFocus)
            b.setToolTip(plain_tip(description_text(scheme, rel.name, relation=True, fallback=rel.description)
                                   or relation_text(scheme, rel.name)))
            b.clicked.connect(lambda _=False, n=rel.name: self.relationChosen.emit(n))
            rlay.addWidget(b)
            self.relation_buttons[rel.name] = b
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(labels)
        if scheme.relations:
            layout.addWidget(rels)
        layout.addStretch(1)

    def set_editable(self, on: bool) -> None:
        for b in (*self.buttons.values(), *self.relation_buttons.values()):
            b.setEnabled(on)
