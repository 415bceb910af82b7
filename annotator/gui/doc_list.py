"""The document list: a lazy table model over the project's documents, and its panel.

Opening a 100,000-document project must be instant, so the model holds only the
document numbers that pass the filter (one indexed SELECT of integers) and fetches the
displayed columns a page at a time, by number, when the view asks for them.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from annotator.core.store import doc_pages
from annotator.gui.cell_direction import TextDirectionDelegate
from annotator.gui.plain import plain_tip

PAGE = 256
STATES = ("todo", "in_progress", "done")


def state_text(state: str) -> str:
    return {
        "todo": QCoreApplication.translate("DocList", "To do"),
        "in_progress": QCoreApplication.translate("DocList", "In progress"),
        "done": QCoreApplication.translate("DocList", "Done"),
    }.get(state, state)


class DocListModel(QAbstractTableModel):
    ID, TITLE, STATUS, SPANS = range(4)

    def __init__(self, project, annotator: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.status_filter: str | None = None
        self.text_filter = ""
        self.assigned_only = False  # only the documents assigned to this annotator (annotator assign)
        self._nums: list[int] = []
        self._pages: dict[int, list[tuple]] = {}
        self.reload()

    # ----- queries ------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._nums = doc_pages.matching_nums(self.project, doc_pages.DocFilter(
            self.annotator, self.status_filter, self.assigned_only, self.text_filter))
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, status: str | None, text: str, assigned_only: bool = False) -> None:
        self.status_filter = status or None
        self.text_filter = text.strip()
        self.assigned_only = assigned_only
        self.reload()

    def has_assignments(self) -> bool:
        """Whether some document is assigned to this annotator (the filter is offered then)."""
        return doc_pages.has_assignments(self.project, self.annotator)

    def _page(self, page: int) -> list[tuple]:
        rows = self._pages.get(page)
        if rows is None:
            rows = doc_pages.page_rows(self.project, self.annotator, self._nums[page * PAGE:(page + 1) * PAGE])
            if len(self._pages) > 64:  # bound memory while scrolling through a huge project
                self._pages.clear()
            self._pages[page] = rows
        return rows

    def row_data(self, row: int) -> tuple:
        return self._page(row // PAGE)[row % PAGE]

    # ----- lookups ------------------------------------------------------------------------
    def num_at(self, row: int) -> int | None:
        return self._nums[row] if 0 <= row < len(self._nums) else None

    def row_of(self, num: int) -> int | None:
        i = bisect_left(self._nums, num)
        return i if i < len(self._nums) and self._nums[i] == num else None

    def nearest_row(self, num: int) -> int:
        return min(bisect_left(self._nums, num), len(self._nums) - 1)

    def refresh_num(self, num: int) -> None:
        row = self.row_of(num)
        if row is None:
            return
        self._pages.pop(row // PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def total(self) -> int:
        return self.project.document_count()

    def done_count(self) -> int:
        return doc_pages.done_count(self.project, self.annotator)

    # ----- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._nums)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("ID"), self.tr("Title"), self.tr("Status"), self.tr("Spans"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        num, doc_id, title, state, count = self.row_data(index.row())
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.ID:
                return doc_id
            if col == self.TITLE:
                return str(title) if title is not None else doc_id
            if col == self.STATUS:
                return state_text(state)
            return count
        if role == Qt.ToolTipRole:
            return plain_tip(f"{doc_id}\n{title}" if title else doc_id)
        if role == Qt.UserRole:
            return num
        if role == Qt.TextAlignmentRole and col == self.SPANS:
            return int(Qt.AlignTrailing | Qt.AlignVCenter)
        return None


class DocListPanel(QWidget):
    """Filter box, status filter, the list, and "n of N done"."""

    currentDocChanged = Signal(int)

    def __init__(self, project, annotator: str, parent=None):
        super().__init__(parent)
        self.model = DocListModel(project, annotator, self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by text, id or title…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All"), "")
        for s in STATES:
            self.status_combo.addItem(state_text(s), s)
        self.status_combo.setAccessibleName(self.tr("Status filter"))
        self.mine_check = QCheckBox(self.tr("Assigned to me"))
        self.mine_check.setVisible(self.model.has_assignments())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(TextDirectionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.Interactive)
        hh.setSectionResizeMode(DocListModel.TITLE, QHeaderView.Stretch)
        # Widths from the header texts (which are longer in Arabic) and the widest values.
        fm = self.table.fontMetrics()
        head = self.table.horizontalHeader().fontMetrics()

        def width(col: int, sample: str) -> int:
            title = str(self.model.headerData(col, Qt.Horizontal, Qt.DisplayRole) or "")
            return max(fm.horizontalAdvance(sample), head.horizontalAdvance(title) + 18) + 14

        self.table.setColumnWidth(DocListModel.ID, width(DocListModel.ID, "sample-01-desal"))
        self.table.setColumnWidth(DocListModel.STATUS, width(DocListModel.STATUS, self.tr("In progress")))
        self.table.setColumnWidth(DocListModel.SPANS, width(DocListModel.SPANS, "8888"))
        # Ids begin with what tells them apart (a number, a source): keep their start.
        self.table.setTextElideMode(Qt.ElideRight)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_combo)
        top.addWidget(self.mine_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        # Text filtering is a scan of every document: wait until typing pauses.
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.mine_check.toggled.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._current: int | None = None
        self.update_progress()

    def apply_filter(self) -> None:
        self._debounce.stop()
        keep = self._current
        self.model.set_filter(self.status_combo.currentData(), self.filter_edit.text(), self.mine_check.isChecked())
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_num(keep, emit=False)
        self.update_progress()

    def update_progress(self) -> None:
        total = self.model.total()
        loc = QLocale()  # digits as the UI language writes them
        text = self.tr("%1 of %2 done").replace("%1", loc.toString(self.model.done_count())).replace("%2", loc.toString(total))
        shown = self.model.rowCount()
        if shown != total:
            text += " · " + self.tr("%1 shown").replace("%1", loc.toString(shown))
        self.progress.setText(text)

    def current_num(self) -> int | None:
        return self._current

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        index = self.model.index(row, DocListModel.TITLE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_num(self, num: int, emit: bool = True) -> bool:
        row = self.model.row_of(num)
        if row is None:
            return False
        if not emit:
            self._current = num
        return self.select_row(row)

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) document in the list."""
        if self._current is None:
            return self.select_row(0 if delta > 0 else self.model.rowCount() - 1)
        row = self.model.row_of(self._current)
        if row is None:
            row = self.model.nearest_row(self._current) - (1 if delta > 0 else 0)
        return self.select_row(row + delta)

    def next_after(self, num: int) -> int | None:
        """The document that follows `num` in the list as it is now."""
        row = self.model.row_of(num)
        if row is None:
            row = self.model.nearest_row(num) - 1
        return self.model.num_at(row + 1)

    def _row_changed(self, current: QModelIndex, _previous) -> None:
        num = self.model.num_at(current.row()) if current.isValid() else None
        if num is None or num == self._current:
            self._current = num if num is not None else self._current
            return
        self._current = num
        self.currentDocChanged.emit(num)
