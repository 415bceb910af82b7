"""Review mode: documents by disagreement, every annotator's spans, one cluster at a time.

The text view is the annotation view (same right-to-left layout and painting); each span is
shown under a display label "annotator · LABEL" coloured per annotator, so overlapping
versions stack in lanes and the tooltip says who marked what. The side table lists the
current cluster's versions and its gold spans. Keys:

  A / Enter  accept the selected version (Enter then moves on)   R  reject: nothing here
  Alt+1..9   take annotator 1..9's version (attributes, links)    1-9 gold span from the selection
  N / P      next / previous cluster                              Shift+N / Shift+P  undecided ones
  E          gold span edges := selection                          Del  delete the gold span
  T          take the selected version's attributes               L / K  accept / reject a link
  D          document reviewed                                     Ctrl+Z, Ctrl+Shift+Z  undo, redo
  Ctrl+Shift+E  export the gold layer   Ctrl+W close   Ctrl+Q quit   F1 these keys

A cluster whose versions agree on edges and labels but not on an attribute value or a link is
undecided; the "what differs" table sets the competing values side by side (double-click a
value to take it once a version is gold).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel, QMainWindow, QMessageBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from annotator.core import agreement
from annotator.core import review as rv
from annotator.core.model import GOLD, Span
from annotator.gui.i18n import attr_text, label_text, relation_text, value_text
from annotator.gui.plain import message, plain_label
from annotator.gui.review.commands import ReviewCommand
from annotator.gui.undo import UndoGuard
from annotator.gui.review.dashboard import AgreementDashboard, read_only_table
from annotator.gui.text_view import AnnotationView

ANNOTATOR_COLOURS = ["#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#17BECF", "#8C564B", "#E377C2"]
GOLD_COLOUR = "#C9A100"
DIFFER_BACKGROUND = "#FFF1C2"  # a value that differs between annotators who made the same span
SEP = " · "


def _vkey(v) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def values_shown(values: list, name=None) -> dict[str, str]:
    """How each of competing attribute values is written in the "what differs" table, keyed by
    _vkey. Values that differ must not look alike: invisible marks are named (⟨U+200F⟩), and
    when two values still read the same (لا and the ligature ﻻ, harakat in another order,
    2020 and "2020") each shows its code points. `name(v)`: a choice value as the interface
    language names it."""
    def plain(v) -> str:
        if v is None:
            return "—"
        if name is not None and isinstance(v, str):
            text = name(v)
        else:
            text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        text = "".join(f"⟨U+{ord(c):04X}⟩" if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp") else c for c in text)
        return text if text == text.strip() or not text.strip() else f"«{text}»"

    def looks(v) -> str:  # what the eye sees: compatibility forms and mark order folded
        return unicodedata.normalize("NFKC", plain(v))

    keys = {_vkey(v): v for v in values}
    seen: dict[str, list[str]] = {}
    for k, v in keys.items():
        seen.setdefault(looks(v), []).append(k)
    out = {}
    for k, v in keys.items():
        text = plain(v)
        if len(seen[looks(v)]) > 1:
            if isinstance(v, str):
                points = " ".join(f"{ord(c):04X}" for c in v[:16]) + (" …" if len(v) > 16 else "")
                text = f"{text} [{points}]"
            else:
                text = f"{text} [{type(v).__name__}]"
        out[k] = text
    return out


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
        self.guard = UndoGuard(self.undo_stack, lambda: self, self._refused,
                               say_cancelled=lambda text: self.statusBar().showMessage(text, 8000))
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
        self.view.scheme = project.scheme
        self.view.spanActivated.connect(self._span_activated)
        self.legend = Legend()
        self.cluster_label = plain_label("", wrap=True)
        self.progress_label = plain_label("", wrap=True)
        self.cluster_table = _table([self.tr("who"), self.tr("label"), self.tr("start–end"), self.tr("attributes"),
                                     self.tr("links"), self.tr("text")])
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
        self.diff_label = plain_label(self.tr("What differs"), wrap=False)
        self.diff_table = _table([])
        self.diff_table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.diff_table.setAccessibleName(self.tr("What differs between the versions, side by side"))
        self.diff_table.itemDoubleClicked.connect(self._take_value)

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
        rl.addWidget(self.diff_label)
        rl.addWidget(self.diff_table, 1)
        rl.addWidget(plain_label(self.tr("Links (L accept, K reject)")))
        rl.addWidget(self.relation_table, 1)
        rl.addWidget(self.inspector)
        rl.addWidget(self.progress_label)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.doc_table)
        split.addWidget(centre)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 520, 560])
        self.dashboard = AgreementDashboard(scheme=project.scheme)
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
        f = self.menuBar().addMenu(self.tr("&File"))
        self.a_export = self._act(self.tr("Export the gold layer…"), self.export_gold, ["Ctrl+Shift+E"])
        self.a_close = self._act(self.tr("Close review"), self.close, ["Ctrl+W"])
        self.a_quit = self._act(self.tr("Quit"), self.quit_all, ["Ctrl+Q"])
        f.addAction(self.a_export)
        f.addSeparator()
        f.addAction(self.a_close)
        f.addAction(self.a_quit)
        m = self.menuBar().addMenu(self.tr("&Review"))
        self.a_auto = self._act(self.tr("Accept unanimous spans automatically"), self._auto_toggled, checkable=True)
        self.a_auto.setChecked(auto_accept)
        acts = [
            self._act(self.tr("Accept the selected version"), self.accept_selected, ["A"]),
            self._act(self.tr("Accept and go to the next cluster"), self.accept_and_next, ["Return", "Enter"]),
            self._act(self.tr("Reject: nothing here"), self.reject_current, ["R"]),
            self._act(self.tr("Next cluster"), lambda: self.move_cluster(1), ["N"]),
            self._act(self.tr("Previous cluster"), lambda: self.move_cluster(-1), ["P"]),
            self._act(self.tr("Next undecided cluster"), lambda: self.move_undecided(1), ["Shift+N"]),
            self._act(self.tr("Previous undecided cluster"), lambda: self.move_undecided(-1), ["Shift+P"]),
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
                self.label_actions.append(self._act(self.tr("Gold %1 span from the selection").replace("%1", self._label(label.name)),
                                                    lambda _=False, n=label.name: self.label_selection(n), [key]))
        # Alt+1..9: the whole version of the annotator with that number in the legend.
        self.version_actions = [
            self._act(self.tr("Take the version of annotator %1 (the legend's number)").replace("%1", str(i + 1)),
                      lambda _=False, n=i: self.accept_annotator(n), [f"Alt+{i + 1}"]) for i in range(9)]
        m.addAction(self.a_auto)
        m.addSeparator()
        m.addAction(acts[0])
        versions = m.addMenu(self.tr("Take a version"))
        for a in self.version_actions:
            versions.addAction(a)
        for a in acts[1:] + self.label_actions:
            m.addAction(a)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        # Undo and redo go through the guard: a failed save offers Retry, the stack stays put.
        self.a_undo = self._act(self.tr("Undo"), lambda: self.guard.step(backward=True), ["Ctrl+Z"])
        self.a_redo = self._act(self.tr("Redo"), lambda: self.guard.step(backward=False),
                                ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.undo_stack.indexChanged.connect(self._label_undo)
        self._label_undo()
        for a in (self.a_undo, self.a_redo):
            edit.addAction(a)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.a_help = self._act(self.tr("Keyboard shortcuts"), self.show_keys, ["F1"])
        help_menu.addAction(self.a_help)

    def _label_undo(self, _index: int = 0) -> None:
        """Undo and Redo name what they would do, and are off when there is nothing to do."""
        stack = self.undo_stack
        for action, can, text, base in ((self.a_undo, stack.canUndo(), stack.undoText(), self.tr("Undo")),
                                        (self.a_redo, stack.canRedo(), stack.redoText(), self.tr("Redo"))):
            action.setEnabled(can)
            action.setText(f"{base} {text}" if can and text else base)

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
            score = "–" if d["score"] is None else f"{d['score']:.2f}"
            if d.get("attrs_differ"):
                # spans that match but differ in attributes are disagreement too
                score += self.tr(" (+%1 attributes)").replace("%1", str(d["attrs_differ"]))
            t.setItem(r, 1, _cell(score))
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
            self._run(self.tr("Accept unanimous spans"),
                      lambda: rv.auto_accept(self.project, num, self.reviewer, self.doc_annotators), refresh=False)
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
                name = f"{a}{SEP}{self._label(s.label)}"
                colours[name] = self.colours.get(a, ANNOTATOR_COLOURS[-1])
                spans.append(replace(s, label=name))
        for s in self.project.spans(self.doc, GOLD):
            name = f"{GOLD}{SEP}{self._label(s.label)}"
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
        self.legend.set_entries([(f"{i + 1}: {a}", self.colours.get(a, ANNOTATOR_COLOURS[-1]))
                                 for i, a in enumerate(self.doc_annotators)] + [(self.tr("gold"), GOLD_COLOUR)])
        self.legend.setToolTip(self.tr("Colours: one per annotator; gold is the adjudicated layer. "
                                       "Alt+number takes that annotator's version of the cluster."))
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
            self._fill_differences(None)
            self.view.set_current_span(None)
            return
        state = {None: self.tr("undecided"), "accepted": self.tr("accepted"), "rejected": self.tr("rejected: nothing here"),
                 "edited": self.tr("edited by the reviewer"), "auto": self.tr("accepted automatically (unanimous)")}
        line = self.tr("Cluster %1 of %2, %3–%4: %5").replace("%1", str(index + 1)).replace(
            "%2", str(len(self.clusters))).replace("%3", str(c.start)).replace("%4", str(c.end)).replace(
            "%5", state.get(c.decision, c.decision))
        diffs = c.differences()
        if not c.decided and c.same_spans and diffs:
            line += self.tr(" — the same spans, but attributes or links differ: choose a version (Alt+1, Alt+2 …)")
        if c.stale_auto:
            line += self.tr(" (it was accepted automatically before; the versions differ now)")
        self.cluster_label.setText(line)
        differing = {(d.span, a, 3 if d.kind == "attr" else 4) for d in diffs for a in d.holders}
        rows = []
        for a, spans in c.versions.items():
            if not spans:
                rows.append((a, None))
            rows += [(a, s) for s in spans]
        rows += [(GOLD, s) for s in c.gold]
        gold_links = self._gold_links()
        t.setRowCount(len(rows))
        for r, (who, s) in enumerate(rows):
            agree = c.identical(who) if who != GOLD else []  # "(= b)": attributes and links too
            who_text = who if who == GOLD or len(agree) < 2 else f"{who} (= {', '.join(x for x in agree if x != who)})"
            if who == GOLD and s is not None and s.origin.get("auto"):
                who_text = self.tr("gold (automatic)")
            links = (gold_links.get(s.id, ()) if who == GOLD else c.links.get(s.id, ())) if s is not None else ()
            cells = [who_text, "—", "", "", "", self.tr("(nothing here)")] if s is None else [
                who_text, self._label(s.label), f"{s.start}–{s.end}", self._attrs_text(s),
                self._links_text(links), self.text[s.start:s.end].replace("\n", " ")]
            for col, v in enumerate(cells):
                item = _cell(v, (who, s.id if s else None))
                if col == 0:
                    item.setForeground(QColor(GOLD_COLOUR if who == GOLD else self.colours.get(who, "#000000")))
                if s is not None and (rv.key_of(s), who, col) in differing:
                    item.setBackground(QColor(DIFFER_BACKGROUND))
                t.setItem(r, col, item)
        if rows:
            t.selectRow(0)
        self._fill_differences(c, diffs)
        ids = [s.id for s in c.spans] + [s.id for s in c.gold]
        self.view.set_current_span(ids[0] if ids else None, ids[1:])
        if scroll:
            self.view.select_cp(c.start, c.start)

    def _gold_links(self) -> dict[int, frozenset]:
        by_id = {s.id: s for s in self.project.spans(self.doc, GOLD)}
        out: dict[int, set] = {}
        for r in self.project.relations(self.doc, GOLD):
            if r.from_span in by_id and r.to_span in by_id:
                out.setdefault(r.from_span, set()).add((r.label, rv.key_of(by_id[r.to_span])))
        return {k: frozenset(v) for k, v in out.items()}

    # Scheme names as the interface language shows them; what is stored keeps the canonical names.
    def _label(self, name: str) -> str:
        return label_text(self.project.scheme, name)

    def _attrs_text(self, s: Span) -> str:
        scheme = self.project.scheme
        return ", ".join(f"{attr_text(scheme, s.label, k)}={value_text(scheme, s.label, k, v)}"
                         for k, v in sorted(s.attrs.items()))

    def _target_text(self, key) -> str:
        return f"{self._label(key[2])}: {self.text[key[0]:key[1]]}"

    def _links_text(self, links) -> str:
        return "; ".join(f"{relation_text(self.project.scheme, rel)} → {self._target_text(t)}"
                         for rel, t in sorted(links))

    def _fill_differences(self, c: rv.Cluster | None, diffs: list | None = None) -> None:
        """Each differing attribute or link of a span several annotators made: every
        annotator's value side by side, and gold's."""
        t = self.diff_table
        diffs = diffs if diffs is not None else (c.differences() if c is not None else [])
        self.diffs = diffs
        who = list(c.versions) if c is not None else []
        t.setColumnCount(len(who) + 3)
        t.setHorizontalHeaderLabels([self.tr("attribute or link"), *who, self.tr("gold"), self.tr("span")])
        t.setRowCount(len(diffs))
        self.diff_label.setVisible(bool(diffs))
        t.setVisible(bool(diffs))
        if not diffs:
            return
        gold = {rv.key_of(s): s for s in c.gold}
        gold_links = self._gold_links()
        for r, d in enumerate(diffs):
            g = gold.get(d.span)
            if d.kind == "attr":
                what = attr_text(self.project.scheme, d.span[2], d.name)
                shown = values_shown([d.values.get(a) for a in d.holders] + ([g.attrs.get(d.name)] if g else []),
                                     lambda v, d=d: self._value_text(d, v))
                gold_value = shown[_vkey(g.attrs.get(d.name))] if g is not None else self.tr("(no gold span)")
            else:
                what = self.tr("link %1").replace("%1", relation_text(self.project.scheme, d.name))
                gold_value = (self._links_text({x for x in gold_links.get(g.id, ()) if x[0] == d.name}) or "—"
                              if g is not None else self.tr("(no gold span)"))
            cells = [what]
            for a in who:
                v = d.values.get(a)
                if a not in d.holders:
                    cells.append(self.tr("(no such span)"))
                elif d.kind == "attr":
                    cells.append(shown[_vkey(v)])
                else:
                    cells.append("; ".join(self._target_text(x) for x in v) or "—")
            cells += [gold_value, self._target_text(d.span)]
            for col, v in enumerate(cells):
                a = who[col - 1] if 1 <= col <= len(who) else None
                item = _cell(v, (r, a))
                if a is not None:
                    item.setForeground(QColor(self.colours.get(a, "#000000")))
                    if a in d.holders:
                        item.setBackground(QColor(DIFFER_BACKGROUND))
                t.setItem(r, col, item)

    def _value_text(self, d, v) -> str:
        return "—" if v is None else value_text(self.project.scheme, d.span[2], d.name, v)

    def _fill_relations(self) -> None:
        t = self.relation_table
        t.setRowCount(len(self.relations))
        for r, cand in enumerate(self.relations):
            frm = self.text[cand.source[0]:cand.source[1]]
            to = self.text[cand.target[0]:cand.target[1]]
            decisions = {"accepted": self.tr("accepted"), "rejected": self.tr("rejected"),
                         "auto": self.tr("accepted automatically")}
            decision = decisions.get(cand.decision, cand.decision) or (self.tr("in gold") if cand.gold else "")
            if cand.waiting:
                decision += self.tr(" (made when both its spans are gold)")
            for col, v in enumerate([relation_text(self.project.scheme, cand.label), f"{self._label(cand.source[2])}: {frm}",
                                     f"{self._label(cand.target[2])}: {to}",
                                     ", ".join(cand.annotators), decision]):
                t.setItem(r, col, _cell(v, r))

    def _update_progress(self) -> None:
        p = rv.progress(self.project, self.doc, self.doc_annotators, self.clusters)
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

    def move_undecided(self, step: int) -> None:
        n = len(self.clusters)
        for k in range(1, n + 1):
            i = (self.cluster_index + step * k) % n
            if not self.clusters[i].decided:
                self.set_cluster(i)
                return
        self.statusBar().showMessage(self.tr("Every cluster of this document is decided"), 5000)

    # ----- decisions ---------------------------------------------------------------------------
    def _run(self, text: str, action, refresh: bool = True) -> bool:
        """One reviewer action as an undo step; a failed save offers Retry (nothing is kept
        on the stack that is not in the file). False when it was refused or not saved.
        refresh=False: an action that changes nothing leaves the view to the caller."""
        return self.guard.run(ReviewCommand(self, text, action, refresh_unchanged=refresh),
                              keep=lambda c: c.changed)

    def _refused(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
        message(self, self.tr("Review"), text)

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

    def accept_annotator(self, n: int) -> bool:
        """Alt+n: the whole version of the n-th annotator in the legend (its spans, attribute
        values and links) becomes gold for the current cluster."""
        c = self.current_cluster()
        if c is None or self.doc is None or n >= len(self.doc_annotators):
            return False
        who = self.doc_annotators[n]
        return self._run(self.tr("Take %1's version").replace("%1", who),
                         lambda: rv.accept_version(self.project, c, who, self.reviewer))

    def _take_value(self, item: QTableWidgetItem) -> None:
        """A value in the "what differs" table: the cluster still undecided takes that
        annotator's version; once gold, that one attribute value (or the version, for a link)."""
        row, who = item.data(Qt.UserRole)
        c = self.current_cluster()
        if who is None or c is None or not (0 <= row < len(self.diffs)):
            return
        d = self.diffs[row]
        if who not in d.holders:
            return
        gold = next((g for g in c.gold if rv.key_of(g) == d.span), None)
        if d.kind == "attr" and gold is not None:
            value = d.values[who]
            self._run(self.tr("Take %1's %2").replace("%1", who).replace("%2", attr_text(self.project.scheme, d.span[2], d.name)),
                      lambda: rv.set_gold_attr(self.project, gold.id, d.name, value, self.reviewer))
        else:
            self._run(self.tr("Take %1's version").replace("%1", who),
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
        self._run(self.tr("Add gold %1 span").replace("%1", self._label(label)),
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
        self._run(self.tr("Set %1 of the gold span").replace(
                      "%1", attr_text(self.project.scheme, self.project.span(span_id).label, name)),
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

    # ----- files and help ------------------------------------------------------------------------
    def export_gold(self):
        """File › Export with the gold layer chosen; an unfinished review is said first."""
        from annotator.gui.export_dialog import ExportDialog

        warnings = rv.gold_warnings(self.project)
        if warnings:
            text = self.tr("The review is not finished; undecided clusters are not in the gold layer:") + "\n\n" + \
                "\n".join(warnings[:8]) + ("\n…" if len(warnings) > 8 else "") + "\n\n" + self.tr("Export anyway?")
            if message(self, self.tr("Export the gold layer"), text, QMessageBox.Question,
                       QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
                return None
        dialog = ExportDialog(self.project, self)
        dialog.layer.setCurrentIndex(max(0, dialog.layer.findData(GOLD)))
        dialog.exec()
        return dialog

    def quit_all(self) -> None:
        """Quit the application: every window closes as it would by hand (work is already saved)."""
        QApplication.closeAllWindows()

    def show_keys(self):
        from annotator.gui.review.keys import ReviewKeysDialog

        dialog = ReviewKeysDialog(self)
        dialog.exec()
        return dialog

    # ----- agreement ----------------------------------------------------------------------------
    def refresh_agreement(self) -> None:
        self.dashboard.set_result(agreement.compute(self.project, self.annotators or None))
