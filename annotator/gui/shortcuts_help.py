"""F1: every key of the window, in one table built from one list (the menus show the same keys)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from annotator.gui.i18n import attr_text, label_text, relation_text
from annotator.gui.inspector import attribute_keys


def key_table(scheme) -> list[tuple[str, str, str]]:
    """(section, keys, what they do). Label and link keys come from the project's scheme."""
    ann, docs, view, files, panes = QCoreApplication.translate("Shortcuts", "Annotating"), QCoreApplication.translate("Shortcuts", "Documents"), QCoreApplication.translate("Shortcuts", "Viewing and finding"), QCoreApplication.translate("Shortcuts", "Files"), QCoreApplication.translate("Shortcuts", "Moving around")
    rows: list[tuple[str, str, str]] = []
    for label in scheme.labels:
        if label.hotkey:
            k = label.hotkey.upper()
            rows.append((ann, k, QCoreApplication.translate("Shortcuts", "Label the selection %1 (whole words), or relabel the selected span").replace("%1", label_text(scheme, label.name))))
            rows.append((ann, f"Alt+{k}", QCoreApplication.translate("Shortcuts", "Label the selection %1 with exact characters").replace("%1", label_text(scheme, label.name))))
    for rel in scheme.relations:
        if rel.hotkey:
            rows.append((ann, rel.hotkey.upper(), QCoreApplication.translate("Shortcuts", "Link the selected span by %1: then press 1–9 or Enter (nearest), or click the span; Esc cancels").replace("%1", relation_text(scheme, rel.name))))
    by_key: dict[str, list[str]] = {}
    for label in scheme.labels:
        for letter, attr in attribute_keys(label).items():
            by_key.setdefault(f"Alt+{letter.upper()}", []).append(
                f"{label_text(scheme, label.name)} {attr_text(scheme, label.name, attr.name)}")
    for keys, names in by_key.items():
        rows.append((ann, keys, QCoreApplication.translate("Shortcuts", "Next value of %1 for the selected span (with Shift: the previous one)")
                     .replace("%1", ", ".join(names))))
    rows += [
        (ann, "Enter, A", QCoreApplication.translate("Shortcuts", "Accept the selected suggestion")),
        (ann, "R, Shift+Del", QCoreApplication.translate("Shortcuts", "Reject the selected suggestion")),
        (ann, "N / P", QCoreApplication.translate("Shortcuts", "Next / previous suggestion (accepting or rejecting one also goes to the next)")),
        (ann, "Del", QCoreApplication.translate("Shortcuts", "Delete the selected span (and its links)")),
        (ann, "Alt+Shift+→ / Alt+Shift+←", QCoreApplication.translate("Shortcuts", "Move the start of the selected span one word the way the arrow points. In right-to-left (Arabic) text → extends the start backward (earlier in the text) and ← shrinks it forward; in left-to-right text the other way round")),
        (ann, "Ctrl+Alt+→ / Ctrl+Alt+←", QCoreApplication.translate("Shortcuts", "Move the end of the selected span the same way. In Arabic text ← extends the end forward (later in the text) and → shrinks it backward")),
        (ann, "Ctrl+Shift+P", QCoreApplication.translate("Shortcuts", "Character precision: snap to characters instead of whole words (for labels and edge moves)")),
        (ann, "Ctrl+Shift+S", QCoreApplication.translate("Shortcuts", "Suggest dates and quotes in this document (Tools menu: what to suggest, all documents)")),
        (ann, "Esc", QCoreApplication.translate("Shortcuts", "Deselect the span, or cancel linking")),
        (ann, "Ctrl+Z", QCoreApplication.translate("Shortcuts", "Undo")),
        (ann, "Ctrl+Shift+Z, Ctrl+Y", QCoreApplication.translate("Shortcuts", "Redo")),
        (docs, "Ctrl+PgDown, Alt+↓", QCoreApplication.translate("Shortcuts", "Next document")),
        (docs, "Ctrl+PgUp, Alt+↑", QCoreApplication.translate("Shortcuts", "Previous document")),
        (docs, "Ctrl+Enter", QCoreApplication.translate("Shortcuts", "Mark the document done and go to the next")),
        (docs, "Ctrl+L", QCoreApplication.translate("Shortcuts", "Filter the document list")),
        (docs, "Ctrl+Shift+N", QCoreApplication.translate("Shortcuts", "Take my next document (mine first, then one nobody has)")),
        (view, "Ctrl+F", QCoreApplication.translate("Shortcuts", "Find in the document (Esc closes)")),
        (view, "F3 / Shift+F3", QCoreApplication.translate("Shortcuts", "Next / previous match")),
        (view, "Ctrl+=, Ctrl++ / Ctrl+-", QCoreApplication.translate("Shortcuts", "Bigger / smaller text")),
        (view, "Ctrl+0", QCoreApplication.translate("Shortcuts", "Text size from the settings")),
        (view, "Ctrl+Shift+I", QCoreApplication.translate("Shortcuts", "Show invisible characters (bidi marks, joiners, special spaces)")),
        (panes, "Tab / Shift+Tab", QCoreApplication.translate("Shortcuts", "Next / previous pane or control")),
        (panes, "F6 / Shift+F6", QCoreApplication.translate("Shortcuts", "Next / previous pane: documents, text, spans, inspector")),
        (panes, QCoreApplication.translate("Shortcuts", "Shift+arrows"), QCoreApplication.translate("Shortcuts", "In the text: select (logical order follows the arrows as seen)")),
        (files, "Ctrl+N", QCoreApplication.translate("Shortcuts", "New project")),
        (files, "Ctrl+O", QCoreApplication.translate("Shortcuts", "Open a project")),
        (files, "Ctrl+I", QCoreApplication.translate("Shortcuts", "Import documents")),
        (files, "Ctrl+E", QCoreApplication.translate("Shortcuts", "Export the project")),
        (files, "Ctrl+W", QCoreApplication.translate("Shortcuts", "Close the project")),
        (files, "Ctrl+,", QCoreApplication.translate("Shortcuts", "Settings")),
        (files, "Ctrl+Q", QCoreApplication.translate("Shortcuts", "Quit")),
        (files, "F1", QCoreApplication.translate("Shortcuts", "This list")),
    ]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, scheme, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = key_table(scheme)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What it does")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        note = QLabel(self.tr("Everything works from the keyboard. Offsets are stored in logical (reading) order "
                              "whatever the display direction."))
        note.setTextFormat(Qt.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 620)
