"""Find inside the open document (Ctrl+F), Arabic-aware by default.

The match is selected in the view, so a label hotkey labels it at once. Escape closes
the bar and gives the focus back to the text with the match still selected.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.search import FoldedText
from annotator.gui.text_view import AnnotationView


class FindBar(QWidget):
    matchSelected = Signal(int, int)  # the match now selected, code points
    closed = Signal()

    def __init__(self, view: AnnotationView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self._folded: FoldedText | None = None
        self._matches: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._index = -1

        self.edit = QLineEdit(self)
        # Room for a few Arabic words even when the text pane is narrow.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("m" * 22))
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.arabic = QCheckBox(self.tr("Ignore harakat and letter forms"), self)
        self.arabic.setToolTip(
            self.tr("Arabic-aware: ignore harakat and tatweel; أ إ آ match ا, ى matches ي, ة matches ه")
        )
        self.arabic.setChecked(True)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("8888 of 8888") + 8)
        self.prev_button = QToolButton(self)
        self.prev_button.setText(self.tr("Previous"))
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next match (F3 or Enter)"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.close_button.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.arabic)
        layout.addWidget(self.case)
        layout.addWidget(self.close_button)

        self.edit.textChanged.connect(self._query_changed)
        self.arabic.toggled.connect(self._options_changed)
        self.case.toggled.connect(self._options_changed)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        view.documentReplaced.connect(self._document_replaced)
        self.edit.installEventFilter(self)
        self._show_count()

    # ----- API ----------------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar and focus the query (prefilled with a short one-line selection)."""
        start, end = self.view.selection_cp()
        chosen = self.view.text()[start:end]
        if chosen and len(chosen) <= 80 and "\n" not in chosen and chosen != self.edit.text():
            self.edit.blockSignals(True)
            self.edit.setText(chosen)
            self.edit.blockSignals(False)
            self._recompute(select="at")
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self._matches:
            self.view.set_find_matches(self._matches, self.current_match())

    def close_bar(self) -> None:
        self.hide()
        self.view.set_find_matches([])
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.closed.emit()

    def query(self) -> str:
        return self.edit.text()

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current_match(self) -> tuple[int, int] | None:
        return self._matches[self._index] if 0 <= self._index < len(self._matches) else None

    def _has_matches(self) -> bool:
        """Matches of the query to step through; with no query, the bar opens for one."""
        if not self.edit.text():
            self.open()
            return False
        self._ensure_matches()
        return bool(self._matches)

    def find_next(self) -> None:
        if not self._has_matches():
            return
        start, end = self.view.selection_cp()
        current = self.current_match()
        # After the match already selected, else after the caret.
        if current == (start, end) or (start, end) in self._matches:
            i = bisect_right(self._starts, start)
        else:
            i = bisect_left(self._starts, end if end > start else start)
        self._select(i % len(self._matches))

    def find_previous(self) -> None:
        if not self._has_matches():
            return
        start, _ = self.view.selection_cp()
        i = bisect_left(self._starts, start) - 1
        self._select(i % len(self._matches))

    # ----- internals ----------------------------------------------------------------------
    def _fold(self) -> FoldedText:
        text = self.view.text()
        f = self._folded
        if (
            f is None
            or f.text is not text
            or f.arabic_aware != self.arabic.isChecked()
            or f.case_sensitive != self.case.isChecked()
        ):
            f = self._folded = FoldedText(text, self.arabic.isChecked(), self.case.isChecked())
        return f

    def _ensure_matches(self) -> None:
        if self._folded is None or self._folded.text is not self.view.text():
            self._recompute(select=None)

    def _recompute(self, select: str | None) -> None:
        query = self.edit.text()
        self._matches = self._fold().find_all(query) if query else []
        self._starts = [m[0] for m in self._matches]
        self._index = -1
        if self._matches and select == "at":
            # Incremental search: the first match at or after the selection start.
            start, _ = self.view.selection_cp()
            i = bisect_left(self._starts, start)
            self._select(i % len(self._matches))
        else:
            self.view.set_find_matches(self._matches if self.isVisible() else [], None)
            self._show_count()

    def _select(self, i: int) -> None:
        self._index = i
        start, end = self._matches[i]
        self.view.select_cp(start, end)
        self.view.set_find_matches(self._matches if self.isVisible() else [], (start, end))
        self._show_count()
        self.matchSelected.emit(start, end)

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        elif self._index < 0:
            self.count.setText(self.tr("{0} matches").format(len(self._matches)))
        else:
            self.count.setText(self.tr("{0} of {1}").format(self._index + 1, len(self._matches)))

    def _query_changed(self, _text: str) -> None:
        self._recompute(select="at")

    def _options_changed(self, _on: bool) -> None:
        self._recompute(select="at")

    def _document_replaced(self) -> None:
        self._folded = None
        self._recompute(select=None)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            handled = key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3)
            if handled and event.type() == QEvent.Type.ShortcutOverride:
                if key == Qt.Key.Key_Escape:  # ours, whatever the window binds to Escape
                    event.accept()
                    return True
                return False
            if event.type() == QEvent.Type.KeyPress and handled:
                if key == Qt.Key.Key_Escape:
                    self.close_bar()
                elif shift:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(obj, event)
