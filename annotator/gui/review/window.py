"""Review mode: documents by disagreement, every annotator's spans, one cluster at a time.

The text view is the annotation view (same right-to-left layout and painting); each span is
shown under a display label "annotator · LABEL" coloured per annotator, so overlapping
versions stack in lanes and the tooltip says who marked what. The side table lists the
current cluster's versions and its gold spans. Keys:

  A / Enter  accept the selected version (Enter then moves on)   R  reject: nothing here
  N / P      next / previous cluster                              1-9 gold span from the selection
  E          gold span edges := selection                          Del  delete the gold span
  T          take the selected version's attributes               L / K  accept / reject a link
  D          document reviewed                                     Ctrl+Z, Ctrl+Shift+Z  undo, redo
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QMainWindow, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from annotator.core import agreement
from annotator.core import review as rv
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, Span
from annotator.gui.plain import message, plain_label
from annotator.gui.review.commands import ReviewCommand
from annotator.gui.review.dashboard import AgreementDashboard, read_only_table
from annotator.gui.text_view import AnnotationView

ANNOTATOR_COLOURS = ["#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#17BECF", "#8C564B", "#E377C2"]
GOLD_COLOUR = "#C9A100"
SEP = " · "


def _cell(text, data=None) -> QTableWidgetItem:
    it = QTableWidgetItem(str(text))
    it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if data is not None:
        it.setData(Qt.UserRole, data)
    return it


def _table(headers: list[str]) -> QTableWidget:
    t = read_only_table(headers)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class Legend(QWidget):
    """Who is which colour: a swatch per annotator, then gold."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(6, 2, 6, 2)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        for name, colour in entries:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {QColor(colour).name()}; border: 1px solid #555;")
            self.row.addWidget(swatch)
            self.row.addWidget(plain_label(name, wrap=False))
            self.row.addSpacing(12)
        self.row.addStretch(1)


class ReviewWindow(QMainWindow):
    docOpened = Signal(int)

    def __init__(self, project, reviewer: str, auto_accept: bool = True, parent=None):
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.annotators = rv.review_annotators(project)
        self.colours = {a: ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)] for i, a in enumerate(self.annotators)}
        self.doc: int | None = None
        self.text = ""
        self.clusters: list[rv.Cluster] = []
        self.cluster_index = 0
        self.relations: list[rv.RelationCandidate] = []
        self.setWindowTitle(self.tr("Review — %1").replace("%1", str(project.path.name)))

        self.doc_table = _table([self.tr("document"), self.tr("disagreement"), self.tr("review")])
        self.doc_table.setAccessibleName(self.tr("Documents, most disagreement first"))
        self.doc_table.currentCellChanged.connect(self._doc_row_changed)
        self.view = AnnotationView()
        self.view.spanActivated.connect(self._span_activated)
        self.legend = Legend()
        self.cluster_label = plain_label("", wrap=True)
        self.progress_label = plain_label("", wrap=True)
        self.cluster_table = _table([self.tr("who"), self.tr("label"), self.tr("start–end"), self.tr("text"),
                                     self.tr("attributes")])
        self.cluster_table.setAccessibleName(self.tr("Versions of the current cluster"))
        self.cluster_table.itemDoubleClicked.connect(lambda _: self.accept_selected())
        self.relation_table = _table([self.tr("link"), self.tr("from"), self.tr("to"), self.tr("who"),
                                      self.tr("decision")])
        self.relation_table.setAccessibleName(self.tr("Links"))
        # The gold span's attributes are edited with the annotation view's own inspector.
        from annotator.gui.inspector import Inspector

        self.inspector = Inspector()
        self.inspector.scheme = project.scheme
        self.inspector.attrEdited.connect(self.set_gold_attr)
        self.inspector.show_document(None)
        self.cluster_table.itemSelectionChanged.connect(self._show_gold)

        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.legend)
        cl.addWidget(self.view, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.cluster_label)
        rl.addWidget(self.cluster_table, 2)
        rl.addWidget(plain_label(self.tr("Links (L accept, K reject)")))
        rl.addWidget(self.relation_table, 1)
        rl.addWidget(self.inspector)
        rl.addWidget(self.progress_label)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.doc_table)
        split.addWidget(centre)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([250, 650, 420])
        self.dashboard = AgreementDashboard()
        self.dashboard.openDocument.connect(self.open_in_review)
        self.dashboard.refreshRequested.connect(self.refresh_agreement)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Review"))
        self.tabs.addTab(self.dashboard, self.tr("Agreement"))
        self.setCentralWidget(self.tabs)
        self._build_actions(auto_accept)
        self.statusBar()
        self.reload_documents()
        self.refresh_agreement()
        if self.doc_table.rowCount():
            self.doc_table.setCurrentCell(0, 0)

    # ----- actions ---------------------------------------------------------------------------
    def _act(self, text: str, slot, keys=(), checkable=False) -> QAction:
        a = QAction(text, self)
        a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.WindowShortcut)
        a.setCheckable(checkable)
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self, auto_accept: bool) -> None:
        m = self.menuBar().addMenu(self.tr("&Review"))
        self.a_auto = self._act(self.tr("Accept unanimous spans automatically"), self._auto_toggled, checkable=True)
        self.a_auto.setChecked(auto_accept)
        acts = [
            self._act(self.tr("Accept the selected version"), self.accept_selected, ["A"]),
            self._act(self.tr("Accept and go to the next cluster"), self.accept_and_next, ["Return", "Enter"]),
            self._act(self.tr("Reject: nothing here"), self.reject_current, ["R"]),
            self._act(self.tr("Next cluster"), lambda: self.move_cluster(1), ["N"]),
            self._act(self.tr("Previous cluster"), lambda: self.move_cluster(-1), ["P"]),
            self._act(self.tr("Gold span edges from the selection"), self.edges_from_selection, ["E"]),
            self._act(self.tr("Delete the gold span"), self.delete_gold, ["Delete"]),
            self._act(self.tr("Take the selected version's attributes"), self.take_attributes, ["T"]),
            self._act(self.tr("Accept the selected link"), self.accept_link, ["L"]),
            self._act(self.tr("Reject the selected link"), self.reject_link, ["K"]),
            self._act(self.tr("Document reviewed"), self.mark_done, ["D"]),
            self._act(self.tr("Curated: nothing in this document"), self.mark_empty, ["Ctrl+E"]),
            self._act(self.tr("Next document"), lambda: self.move_doc(1), ["Ctrl+PgDown"]),
            self._act(self.tr("Previous document"), lambda: self.move_doc(-1), ["Ctrl+PgUp"]),
        ]
        self.label_actions = []
        for i, label in enumerate(self.project.scheme.labels):
            key = label.hotkey or (str(i + 1) if i < 9 else None)
            if key:
                self.label_actions.append(self._act(self.tr("Gold %1 span from the selection").replace("%1", label.name),
                                                    lambda _=False, n=label.name: self.label_selection(n), [key]))
        m.addAction(self.a_auto)
        m.addSeparator()
        for a in acts + self.label_actions:
            m.addAction(a)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a in (undo, redo):
            a.setShortcutContext(Qt.WindowShortcut)
            self.addAction(a)
            edit.addAction(a)

    def _auto_toggled(self, on: bool) -> None:
        if on and self.doc is not None:
            self._run(self.tr("Accept unanimous spans"), lambda: rv.auto_accept(self.project, self.doc, self.reviewer,
                                                                                 self.doc_annotators))

    # ----- documents ----------------------------------------------------------------------------
    def reload_documents(self) -> None:
        self.order = rv.review_order(self.project, self.annotators)
        t = self.doc_table
        t.blockSignals(True)
        t.setRowCount(len(self.order))
        for r, d in enumerate(self.order):
            t.setItem(r, 0, _cell(d["id"], d["num"]))
            t.setItem(r, 1, _cell("–" if d["score"] is None else f"{d['score']:.2f}"))
            t.setItem(r, 2, _cell(self._state_text(d["review"])))
        t.blockSignals(False)

    def _state_text(self, state: str) -> str:
        return {"todo": self.tr("to do"), "in_progress": self.tr("in progress"), "done": self.tr("done")}[state]

    def _doc_row_changed(self, row: int, *_):
        if 0 <= row < len(self.order):
            self.open_doc(self.order[row]["num"])

    def open_in_review(self, num: int) -> None:
        """From the dashboard: switch to the review tab on this document."""
        self.tabs.setCurrentIndex(0)
        self.select_doc_row(num)

    def select_doc_row(self, num: int) -> None:
        for r, d in enumerate(self.order):
            if d["num"] == num:
                if self.doc_table.currentRow() != r:
                    self.doc_table.setCurrentCell(r, 0)  # opens it
                elif self.doc != num:
                    self.open_doc(num)
                return

    def move_doc(self, step: int) -> None:
        r = self.doc_table.currentRow() + step
        if 0 <= r < self.doc_table.rowCount():
            self.doc_table.setCurrentCell(r, 0)

    def open_doc(self, num: int) -> None:
        self.doc = num
        self.text = self.project.document(num).text
        self.doc_annotators = rv.review_annotators(self.project, num)
        self.cluster_index = 0
        if self.a_auto.isChecked() and len(self.doc_annotators) >= 2:
            try:
                self._run(self.tr("Accept unanimous spans"),
                          lambda: rv.auto_accept(self.project, num, self.reviewer, self.doc_annotators), refresh=False)
            except AnnotatorError:
                pass  # a read-only project: review shows, decisions are refused when tried
        self.refresh(reset_view=True)
        first = next((i for i, c in enumerate(self.clusters) if not c.decided), 0)
        self.set_cluster(first)
        self.docOpened.emit(num)

    def show_doc_of_change(self, doc: int) -> None:
        """After undo/redo: show the document the change was made in."""
        if doc != self.doc:
            self.select_doc_row(doc)
        self.refresh()

    # ----- display ------------------------------------------------------------------------------
    def _display_spans(self) -> tuple[list[Span], dict[str, str]]:
        spans, colours = [], {}
        for a in self.doc_annotators:
            for s in self.project.spans(self.doc, a, ("accepted",)):
                name = f"{a}{SEP}{s.label}"
                colours[name] = self.colours.get(a, ANNOTATOR_COLOURS[-1])
                spans.append(replace(s, label=name))
        for s in self.project.spans(self.doc, GOLD):
            name = f"{GOLD}{SEP}{s.label}"
            colours[name] = GOLD_COLOUR
            spans.append(replace(s, label=name))
        return spans, colours

    def refresh(self, reset_view: bool = False) -> None:
        if self.doc is None:
            return
        key = self.current_cluster().key if self.current_cluster() else None
        self.clusters = rv.clusters(self.project, self.doc, self.doc_annotators)
        self.relations = rv.relation_candidates(self.project, self.doc, self.doc_annotators)
        spans, colours = self._display_spans()
        if reset_view:
            self.view.set_document(self.text, spans, colours)
        else:
            self.view.set_colours(colours, repaint=False)
            self.view.set_spans(spans)
        self.legend.set_entries([(a, self.colours.get(a, ANNOTATOR_COLOURS[-1])) for a in self.doc_annotators]
                                + [(self.tr("gold"), GOLD_COLOUR)])
        self.legend.setToolTip(self.tr("Colours: one per annotator; gold is the adjudicated layer"))
        if key is not None and not reset_view:
            same = next((i for i, c in enumerate(self.clusters) if c.key == key), None)
            if same is not None:
                self.cluster_index = same
        self.set_cluster(min(self.cluster_index, max(0, len(self.clusters) - 1)), scroll=False)
        self._fill_relations()
        self._update_progress()

    def current_cluster(self) -> rv.Cluster | None:
        if 0 <= self.cluster_index < len(self.clusters):
            return self.clusters[self.cluster_index]
        return None

    def set_cluster(self, index: int, scroll: bool = True) -> None:
        self.cluster_index = index
        c = self.current_cluster()
        t = self.cluster_table
        t.setRowCount(0)
        if c is None:
            self.cluster_label.setText(self.tr("No spans in this document: R or Ctrl+E records “curated: nothing here”."))
            self.view.set_current_span(None)
            return
        state = {None: self.tr("undecided"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected: nothing here"),
                 "edited": self.tr("edited by the reviewer"), "auto": self.tr("accepted automatically (unanimous)")}
        line = self.tr("Cluster %1 of %2, %3–%4: %5").replace("%1", str(index + 1)).replace(
            "%2", str(len(self.clusters))).replace("%3", str(c.start)).replace("%4", str(c.end)).replace(
            "%5", state.get(c.decision, c.decision))
        if c.decision_data.get("disputed_attrs"):
            line += self.tr(" — attributes differ: %1").replace("%1", ", ".join(c.decision_data["disputed_attrs"]))
        self.cluster_label.setText(line)
        rows = []
        for a, spans in c.versions.items():
            if not spans:
                rows.append((a, None))
            rows += [(a, s) for s in spans]
        rows += [(GOLD, s) for s in c.gold]
        t.setRowCount(len(rows))
        for r, (who, s) in enumerate(rows):
            agree = c.agreeing(who) if who != GOLD else []
            who_text = who if who == GOLD or len(agree) < 2 else f"{who} (= {', '.join(x for x in agree if x != who)})"
            if who == GOLD and s is not None and s.origin.get("auto"):
                who_text = self.tr("gold (automatic)")
            cells = [who_text, "—", "", self.tr("(nothing here)"), ""] if s is None else [
                who_text, s.label, f"{s.start}–{s.end}", self.text[s.start:s.end].replace("\n", " "),
                ", ".join(f"{k}={v}" for k, v in sorted(s.attrs.items()))]
            for col, v in enumerate(cells):
                item = _cell(v, (who, s.id if s else None))
                if col == 0:
                    item.setForeground(QColor(GOLD_COLOUR if who == GOLD else self.colours.get(who, "#000000")))
                t.setItem(r, col, item)
        if rows:
            t.selectRow(0)
        ids = [s.id for s in c.spans] + [s.id for s in c.gold]
        self.view.set_current_span(ids[0] if ids else None, ids[1:])
        if scroll:
            self.view.select_cp(c.start, c.start)

    def _fill_relations(self) -> None:
        t = self.relation_table
        t.setRowCount(len(self.relations))
        for r, cand in enumerate(self.relations):
            frm = self.text[cand.source[0]:cand.source[1]]
            to = self.text[cand.target[0]:cand.target[1]]
            decision = cand.decision or (self.tr("in gold") if cand.gold else "")
            for col, v in enumerate([cand.label, f"{cand.source[2]}: {frm}", f"{cand.target[2]}: {to}",
                                     ", ".join(cand.annotators), decision]):
                t.setItem(r, col, _cell(v, r))

    def _update_progress(self) -> None:
        p = rv.progress(self.project, self.doc, self.doc_annotators)
        text = self.tr("Review of this document: %1 — %2 of %3 clusters decided").replace(
            "%1", self._state_text(p.state)).replace("%2", str(p.decided)).replace("%3", str(p.clusters))
        if p.empty:
            text += self.tr(" (curated: nothing here)")
        self.progress_label.setText(text)
        for r, d in enumerate(self.order):
            if d["num"] == self.doc:
                d["review"] = p.state
                self.doc_table.item(r, 2).setText(self._state_text(p.state))

    def _span_activated(self, span_id: int) -> None:
        for i, c in enumerate(self.clusters):
            ids = [s.id for s in c.spans] + [s.id for s in c.gold]
            if span_id in ids:
                self.set_cluster(i, scroll=False)
                for r in range(self.cluster_table.rowCount()):
                    if self.cluster_table.item(r, 0).data(Qt.UserRole)[1] == span_id:
                        self.cluster_table.selectRow(r)
                return

    def move_cluster(self, step: int) -> None:
        if self.clusters:
            self.set_cluster((self.cluster_index + step) % len(self.clusters))

    # ----- decisions ---------------------------------------------------------------------------
    def _run(self, text: str, action, refresh: bool = True) -> bool:
        try:
            cmd = ReviewCommand(self, text, action).execute()
        except AnnotatorError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            message(self, self.tr("Review"), str(exc))
            return False
        if cmd is not None:
            self.undo_stack.push(cmd)  # its first redo() refreshes the view
        elif refresh:
            self.refresh()
        return True

    def _selected(self) -> tuple[str, int | None] | None:
        rows = self.cluster_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.cluster_table.item(rows[0].row(), 0).data(Qt.UserRole)

    def accept_selected(self) -> bool:
        c, sel = self.current_cluster(), self._selected()
        if c is None or sel is None or sel[0] == GOLD:
            self.statusBar().showMessage(self.tr("Select an annotator's version in the table first"), 5000)
            return False
        who = sel[0]
        return self._run(self.tr("Accept %1's version").replace("%1", who),
                         lambda: rv.accept_version(self.project, c, who, self.reviewer))

    def accept_and_next(self) -> None:
        if self.accept_selected():
            undecided = [i for i, c in enumerate(self.clusters) if not c.decided and i > self.cluster_index]
            if undecided:
                self.set_cluster(undecided[0])

    def reject_current(self) -> None:
        c = self.current_cluster()
        if c is None:
            self.mark_empty()
            return
        self._run(self.tr("Reject cluster"), lambda: rv.reject_cluster(self.project, c, self.reviewer))

    def _current_gold(self) -> Span | None:
        sel = self._selected()
        c = self.current_cluster()
        if sel and sel[0] == GOLD and sel[1] is not None:
            return self.project.span(sel[1])
        if c is not None and len(c.gold) == 1:
            return c.gold[0]
        return None

    def label_selection(self, label: str) -> None:
        s, e = self.view.selection_cp()
        if s == e:
            gold = self._current_gold()
            if gold is None:
                self.statusBar().showMessage(self.tr("Select text (or a gold span) first"), 5000)
                return
            self._run(self.tr("Relabel gold span"),
                      lambda: rv.edit_gold_span(self.project, gold.id, self.reviewer, label=label))
            return
        self._run(self.tr("Add gold %1 span").replace("%1", label),
                  lambda: rv.add_gold_span(self.project, self.doc, s, e, label, self.reviewer))

    def edges_from_selection(self) -> None:
        s, e = self.view.selection_cp()
        gold = self._current_gold()
        if gold is None or s == e:
            self.statusBar().showMessage(self.tr("Select a gold span in the table and the new extent in the text"), 5000)
            return
        self._run(self.tr("Move gold span edges"),
                  lambda: rv.edit_gold_span(self.project, gold.id, self.reviewer, start=s, end=e))

    def _show_gold(self) -> None:
        """The inspector follows the gold span of the selection (or of the cluster)."""
        gold = self._current_gold() if self.doc is not None else None
        self.inspector.show_span(gold, self.text if gold is not None else "")

    def set_gold_attr(self, span_id: int, name: str, value) -> None:
        self._run(self.tr("Set %1 of the gold span").replace("%1", name),
                  lambda: rv.set_gold_attr(self.project, span_id, name, value, self.reviewer))

    def delete_gold(self) -> None:
        gold = self._current_gold()
        if gold is not None:
            self._run(self.tr("Delete gold span"), lambda: rv.delete_gold_span(self.project, gold.id, self.reviewer))

    def take_attributes(self) -> None:
        c, sel = self.current_cluster(), self._selected()
        if c is None or sel is None or sel[0] == GOLD or sel[1] is None:
            return
        src = self.project.span(sel[1])
        target = next((g for g in c.gold if (g.start, g.end, g.label) == rv.key_of(src)), None)
        if target is None:
            self.statusBar().showMessage(self.tr("No gold span with these edges and label: accept a version first"), 5000)
            return
        self._run(self.tr("Take %1's attributes").replace("%1", sel[0]),
                  lambda: rv.edit_gold_span(self.project, target.id, self.reviewer, attrs=dict(src.attrs)))

    def _selected_relation(self) -> rv.RelationCandidate | None:
        rows = self.relation_table.selectionModel().selectedRows()
        if not rows and len(self.relations) == 1:
            return self.relations[0]
        return self.relations[rows[0].row()] if rows else None

    def accept_link(self) -> None:
        cand = self._selected_relation()
        if cand is not None:
            self._run(self.tr("Accept link"), lambda: rv.accept_relation(self.project, self.doc, cand, self.reviewer))

    def reject_link(self) -> None:
        cand = self._selected_relation()
        if cand is not None:
            self._run(self.tr("Reject link"), lambda: rv.reject_relation(self.project, self.doc, cand, self.reviewer))

    def mark_done(self) -> None:
        if self.doc is not None:
            self._run(self.tr("Document reviewed"),
                      lambda: rv.set_review_state(self.project, self.doc, "done", self.reviewer))

    def mark_empty(self) -> None:
        if self.doc is not None:
            self._run(self.tr("Curated: nothing here"), lambda: rv.mark_empty(self.project, self.doc, self.reviewer))

    # ----- agreement ----------------------------------------------------------------------------
    def refresh_agreement(self) -> None:
        self.dashboard.set_result(agreement.compute(self.project, self.annotators or None))
