"""The current document's spans as a table (label, text, attributes), a thin adapter."""

from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from annotator.core.model import Span
from annotator.gui.cell_direction import TextDirectionDelegate
from annotator.gui.i18n import attr_text, label_text, value_text
from annotator.gui.plain import plain_tip

MAX_SHOWN = 120


def status_text(status: str) -> str:
    return {
        "accepted": QCoreApplication.translate("SpanList", "accepted"),
        "suggested": QCoreApplication.translate("SpanList", "suggested"),
        "rejected": QCoreApplication.translate("SpanList", "rejected"),
    }.get(status, status)


def _key(span: Span):
    return (span.start, -span.end, span.id)


def attrs_text(span: Span, scheme=None) -> str:
    """Attribute names and choice values as the interface language names them."""
    parts = [f"{attr_text(scheme, span.label, k)}={value_text(scheme, span.label, k, v)}"
             for k, v in sorted(span.attrs.items())]
    if span.status != "accepted":
        parts.insert(0, status_text(span.status))
    return QCoreApplication.translate("SpanList", ", ").join(parts)


class SpanListModel(QAbstractTableModel):
    LABEL, TEXT, ATTRS = range(3)

    def __init__(self, parent=None, scheme=None):
        super().__init__(parent)
        self.scheme = scheme
        self.text = ""
        self.spans: list[Span] = []
        self.colours: dict[str, str] = {}

    def set_document(self, text: str, spans, colours: dict[str, str]) -> None:
        self.beginResetModel()
        self.text = text
        self.spans = sorted(spans, key=_key)
        self.colours = dict(colours)
        self.endResetModel()

    def clear(self) -> None:
        self.set_document("", [], self.colours)

    def row_of(self, span_id: int) -> int | None:
        return next((i for i, s in enumerate(self.spans) if s.id == span_id), None)

    def span_at(self, row: int) -> Span | None:
        return self.spans[row] if 0 <= row < len(self.spans) else None

    def add(self, span: Span) -> None:
        keys = [_key(s) for s in self.spans]
        row = bisect_left(keys, _key(span))
        self.beginInsertRows(QModelIndex(), row, row)
        self.spans.insert(row, span)
        self.endInsertRows()

    def remove(self, span_id: int) -> None:
        row = self.row_of(span_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.spans[row]
        self.endRemoveRows()

    def update(self, span: Span) -> None:
        row = self.row_of(span.id)
        if row is None:
            self.add(span)
            return
        if _key(self.spans[row]) == _key(span):
            self.spans[row] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        else:
            self.remove(span.id)
            self.add(span)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Label"), self.tr("Text"), self.tr("Attributes"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        span = self.spans[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.LABEL:
                return label_text(self.scheme, span.label)
            if col == self.TEXT:
                shown = self.text[span.start:span.end]
                if len(shown) > MAX_SHOWN:
                    shown = shown[:MAX_SHOWN] + "…"
                return shown.replace("\n", " ⏎ ")
            return attrs_text(span, self.scheme)
        if role == Qt.ToolTipRole and col == self.TEXT:
            return plain_tip(self.text[span.start:span.end])
        if role == Qt.DecorationRole and col == self.LABEL:
            return QColor(self.colours.get(span.label, "#888888"))
        if role == Qt.FontRole and span.status == "suggested":
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.UserRole:
            return span.id
        return None


class SpanListView(QTableView):
    """Table of spans; activating a row (click, Enter, arrows) emits its span id."""

    spanChosen = Signal(int)

    def __init__(self, model: SpanListModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(TextDirectionDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.horizontalHeader().setSectionResizeMode(SpanListModel.TEXT, QHeaderView.Stretch)
        self.setColumnWidth(SpanListModel.LABEL, 90)
        self.setColumnWidth(SpanListModel.ATTRS, 120)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.clicked.connect(self._clicked)
        self._quiet = False

    def _current_changed(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        span = self.model().span_at(current.row())
        if span is not None:
            self.spanChosen.emit(span.id)

    def _clicked(self, index) -> None:
        span = self.model().span_at(index.row())
        if span is not None:
            self.spanChosen.emit(span.id)

    @contextmanager
    def quiet(self):
        """Model changes made by the program move the current row: not a user's choice."""
        old, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = old

    def show_span(self, span_id: int | None) -> None:
        """Follow the current span without emitting spanChosen again."""
        self._quiet = True
        try:
            row = self.model().row_of(span_id) if span_id is not None else None
            if row is None:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                index = self.model().index(row, SpanListModel.TEXT)
                self.setCurrentIndex(index)
                self.scrollTo(index)
        finally:
            self._quiet = False
