"""The panes for one open project, side by side: documents | text (+ banners, find bar) |
labels, spans and inspector; and the controller that connects them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from annotator.core.project import Project
from annotator.gui.annotate import AnnotationController
from annotator.gui.doc_list import DocListPanel
from annotator.gui.inspector import Inspector
from annotator.gui.label_palette import LabelPalette
from annotator.gui.plain import plain_label
from annotator.gui.span_list import SpanListModel, SpanListView
from annotator.gui.text_view import AnnotationView

BIDI_WARNING = QT_TRANSLATE_NOOP(
    "MainWindow", "This document contains bidi control characters: the displayed order may differ from the stored text")


UNDATED_CHECK_LIMIT = 200_000  # characters: the check reads the dates twice; a huge text is not held up


def bidi_warning() -> str:
    return QCoreApplication.translate("MainWindow", BIDI_WARNING)



class Workspace(QWidget):
    """The panes for one open project: documents | text | labels, spans, inspector."""

    def __init__(self, project: Project, annotator: str, settings, parent=None):
        super().__init__(parent)
        self.undo = QUndoStack(self)
        self.doc_panel = DocListPanel(project, annotator)
        self.view = AnnotationView()
        self.view.scheme = project.scheme
        self.view.setTabChangesFocus(True)
        family = settings.font_family
        if family:
            self.view.set_text_font(family, settings.font_size)
        else:
            self.view.set_text_font(self.view.text_font_family(), settings.font_size)
        self.view.set_show_invisibles(settings.show_invisibles)
        self.bidi_banner = plain_label(bidi_warning())
        self.bidi_banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.bidi_banner.hide()
        self.link_banner = plain_label()
        self.link_banner.setStyleSheet("background: #dbeafe; color: #1e3a8a; padding: 4px;")
        self.link_banner.hide()
        try:
            from annotator.gui.find_bar import FindBar
        except ImportError:  # the find bar is built separately; the window works without it
            FindBar = None
        self.find_bar = FindBar(self.view) if FindBar else None
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(2)
        cl.addWidget(self.bidi_banner)
        cl.addWidget(self.link_banner)
        cl.addWidget(self.view, 1)
        if self.find_bar is not None:
            cl.addWidget(self.find_bar)
            self.find_bar.hide()
        self.palette = LabelPalette(project.scheme)
        self.span_model = SpanListModel(self, scheme=project.scheme)
        self.span_view = SpanListView(self.span_model)
        self.span_view.setAccessibleName(self.tr("Spans of the document"))
        self.inspector = Inspector()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inspector)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.palette)
        right.addWidget(self.span_view)
        right.addWidget(scroll)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 3)
        right.setSizes([230, 260, 420])
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.doc_panel)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 600, 350])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.controller = AnnotationController(project, annotator, self.view, self.span_model, self.span_view,
                                               self.doc_panel, self.inspector, self.undo, self)
        self.controller.default_mode = settings.snap_mode
        self.palette.labelChosen.connect(lambda name: self.controller.apply_label(name))
        self.palette.relationChosen.connect(self.controller.start_link)
        self.palette.set_editable(not project.readonly)
        self.controller.linkModeChanged.connect(self._link_prompt)
        self.doc_panel.currentDocChanged.connect(self.open_doc)
        self.panes = [self.doc_panel.table, self.view, self.span_view, self.inspector]
        QWidget.setTabOrder(self.doc_panel.filter_edit, self.doc_panel.status_combo)
        QWidget.setTabOrder(self.doc_panel.status_combo, self.doc_panel.table)
        QWidget.setTabOrder(self.doc_panel.table, self.view)
        QWidget.setTabOrder(self.view, self.span_view)

    def open_doc(self, num: int) -> None:
        self.controller.open_doc(num)
        self.bidi_banner.setVisible(self.view.has_bidi_controls())
        self._note_undated()

    def _note_undated(self) -> None:
        """Opening a document whose suggested relative dates wait for its date says so."""
        from annotator.core.suggest import unresolved_dates

        c = self.controller
        if c.doc is None or c.doc.meta.get("dct") or len(c.doc.text) > UNDATED_CHECK_LIMIT:
            return
        if not any(s.label == "DATE" and s.status == "suggested" for s in c.spans.values()):
            return
        left = unresolved_dates(c.project, c.doc.num)
        if left:
            c.message.emit(QCoreApplication.translate(
                "SuggestActions", "This document has no date (dct): %1 relative dates have no value. Set its date in "
                "the document fields; their values then fill in.").replace("%1", str(left)))

    def _link_prompt(self, text: str) -> None:
        self.link_banner.setText(text)
        self.link_banner.setVisible(bool(text))
