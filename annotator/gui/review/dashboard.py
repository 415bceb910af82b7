"""The agreement dashboard: figures per label and pair, a bar chart, confusion, worst documents.

Double-clicking a document emits openDocument(num), which the review window answers by
opening it in review. Cells are QTableWidgetItems: plain text, whatever the names hold.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.core.agreement import ALL, Agreement
from annotator.gui.i18n import attr_text, label_text, relation_text

BAR_MEASURES = ("alpha", "f1_exact", "f1_overlap")
BAR_COLOURS = ("#3366CC", "#109618", "#FF9900")
# The figures' names as headers and the chart's legend show them (the figures keep their keys).
MEASURE_NAMES = {
    "alpha": QT_TRANSLATE_NOOP("AgreementDashboard", "Krippendorff's α"),
    "f1_exact": QT_TRANSLATE_NOOP("AgreementDashboard", "F1 exact"),
    "f1_overlap": QT_TRANSLATE_NOOP("AgreementDashboard", "F1 overlap"),
    "kappa": QT_TRANSLATE_NOOP("AgreementDashboard", "Cohen's κ"),
    "kappa_mean": QT_TRANSLATE_NOOP("AgreementDashboard", "Cohen's κ (mean of the pairs)"),
}


def measure_text(measure: str) -> str:
    return QCoreApplication.translate("AgreementDashboard", MEASURE_NAMES[measure])


def _fmt(v) -> str:
    return "–" if v is None else f"{v:.3f}"


def _item(text, value=None) -> QTableWidgetItem:
    it = QTableWidgetItem(str(text))
    it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if value is not None:
        it.setData(Qt.UserRole, value)
    if isinstance(text, str) and text[:1].isdigit() or text == "–":
        it.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return it


def read_only_table(headers: list[str]) -> QTableWidget:
    """A read-only table of whole-row selection, columns sized to their contents."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    return t


def draw_unit_grid(p: QPainter, left: float, top: float, right: float, plot_h: float) -> None:
    """Lines at 0, 0.5 and 1 across a chart of values 0..1, labelled in the left margin."""
    fm = p.fontMetrics()
    for tick in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - tick)
        p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()), Qt.AlignRight | Qt.AlignVCenter, f"{tick:.1f}")
        p.drawLine(int(left), int(y), int(right), int(y))


class BarChart(QWidget):
    """Grouped bars: one group per label, one bar per measure, values 0..1 (negatives at 0)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[tuple[str, list[float | None]]] = []
        self.setMinimumHeight(180)

    def set_data(self, groups: list[tuple[str, list[float | None]]]) -> None:
        self.groups = groups
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = p.fontMetrics()
        w, h = self.width(), self.height()
        left, bottom, top = fm.horizontalAdvance("1.0") + 8, fm.height() * 2 + 6, fm.height() + 4
        plot_h = max(10, h - bottom - top)
        p.setPen(QPen(self.palette().color(self.foregroundRole())))
        draw_unit_grid(p, left, top, w - 4, plot_h)
        if not self.groups:
            p.end()
            return
        gw = (w - left - 4) / len(self.groups)
        bw = max(2.0, gw * 0.7 / len(BAR_MEASURES))
        for g, (name, values) in enumerate(self.groups):
            x0 = left + g * gw + gw * 0.15
            for k, v in enumerate(values):
                if v is None:
                    continue
                bh = plot_h * max(0.0, min(1.0, v))
                p.fillRect(QRectF(x0 + k * bw, top + plot_h - bh, bw - 1, bh), QColor(BAR_COLOURS[k]))
            # Qt shapes and orders the label itself (Arabic label names included).
            p.drawText(QRectF(left + g * gw, top + plot_h + 2, gw, fm.height()), Qt.AlignCenter, name)
        x = left
        for k, m in enumerate(BAR_MEASURES):
            p.fillRect(QRectF(x, h - fm.height() + 2, 10, 10), QColor(BAR_COLOURS[k]))
            name = measure_text(m)
            p.drawText(QRectF(x + 14, h - fm.height() - 1, fm.horizontalAdvance(name) + 4, fm.height()),
                       Qt.AlignLeft | Qt.AlignVCenter, name)
            x += 24 + fm.horizontalAdvance(name)
        p.end()


class AgreementDashboard(QWidget):
    openDocument = Signal(int)
    refreshRequested = Signal()

    def __init__(self, parent=None, scheme=None):
        super().__init__(parent)
        self.scheme = scheme  # names labels and attributes in the interface language
        self.result: Agreement | None = None
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.labels_table = read_only_table([self.tr("label"), *map(measure_text, (*BAR_MEASURES, "kappa"))])
        self.pairs_table = read_only_table([self.tr("pair"), self.tr("label"),
                                            *map(measure_text, ("kappa", "alpha", "f1_exact", "f1_overlap"))])
        self.attrs_table = read_only_table([self.tr("pair"), self.tr("attribute"), self.tr("agreement"), self.tr("matched")])
        self.confusion_table = QTableWidget()
        self.confusion_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # One pair at a time, so each axis is one annotator and the caption can say which.
        self.confusion_pair = QComboBox()
        self.confusion_pair.setAccessibleName(self.tr("Pair of annotators in the confusion table"))
        self.confusion_pair.currentIndexChanged.connect(lambda _: self._fill_confusion())
        self.confusion_axes = QLabel()
        self.confusion_axes.setTextFormat(Qt.PlainText)
        self.confusion_axes.setWordWrap(True)
        self.docs_table = read_only_table([self.tr("document"), self.tr("disagreement"), self.tr("disputed"),
                                           self.tr("attributes differ"), self.tr("spans")])
        self.docs_table.itemDoubleClicked.connect(self._open)
        self.docs_table.setAccessibleName(self.tr("Documents by disagreement"))
        self.chart = BarChart()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        left = QSplitter(Qt.Vertical)
        for title, w in ((self.tr("All annotators, per label"), self.labels_table), ("", self.chart),
                         (self.tr("Pairs"), self.pairs_table), (self.tr("Attributes and relations"), self.attrs_table)):
            left.addWidget(_titled(title, w))
        right = QSplitter(Qt.Vertical)
        confusion = QWidget()
        cl = QVBoxLayout(confusion)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.confusion_pair)
        cl.addWidget(self.confusion_axes)
        cl.addWidget(self.confusion_table, 1)
        right.addWidget(_titled(self.tr("Label confusion (overlapping spans)"), confusion))
        right.addWidget(_titled(self.tr("Documents, most disagreement first (double-click to review)"), self.docs_table))
        body = QSplitter(Qt.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    def _label(self, name: str) -> str:
        return self.tr("all labels") if name == ALL else label_text(self.scheme, name)

    def _open(self, item: QTableWidgetItem) -> None:
        num = self.docs_table.item(item.row(), 0).data(Qt.UserRole)
        if num is not None:
            self.openDocument.emit(int(num))

    def set_result(self, res: Agreement) -> None:
        self.result = res
        if len(res.annotators) < 2:
            self.summary.setText(self.tr("Fewer than two annotators have marked documents done: nothing to compare."))
        else:
            text = (self.tr("Annotators: %1. Documents done by all: %2. Only accepted spans count.")
                    .replace("%1", _join(res.annotators)).replace("%2", str(res.documents)))
            differ = [(p, m, n) for p, (m, n) in res.pair_attrs.items() if n]
            if differ:
                # F1 counts a span matched on edges and label; say how many of those differ in attributes.
                text += "\n" + self.tr("Matched spans (same edges and label) whose attributes differ: %1.").replace(
                    "%1", _join([self.tr("%1 / %2: %3 of %4").replace("%1", a).replace("%2", b).replace(
                        "%3", str(n)).replace("%4", str(m)) for (a, b), m, n in differ]))
            else:
                text += "\n" + self.tr("Matched spans (same edges and label) all agree in their attributes.")
            self.summary.setText(text)
        rows = [*res.labels, ALL] if len(res.annotators) >= 2 else []
        many = len(res.annotators) > 2
        t = self.labels_table
        t.setHorizontalHeaderItem(4, QTableWidgetItem(measure_text("kappa_mean" if many else "kappa")))
        t.setRowCount(len(rows))
        groups = []
        for r, label in enumerate(rows):
            vals = [res.get(label, m) for m in BAR_MEASURES]
            kappa = res.get(label, "kappa_mean") if many else res.get(label, "kappa")
            for c, v in enumerate([self._label(label), *map(_fmt, vals), _fmt(kappa)]):
                t.setItem(r, c, _item(v))
            groups.append((self._label(label), vals))
        self.chart.set_data(groups)
        pairs = list(res.pair_documents)
        t = self.pairs_table
        t.setRowCount(len(pairs) * len(rows))
        r = 0
        for a, b in pairs:
            for label in rows:
                cells = [f"{a} / {b}", self._label(label)] + [_fmt(res.get(label, m, (a, b)))
                                                 for m in ("kappa", "alpha", "f1_exact", "f1_overlap")]
                for c, v in enumerate(cells):
                    t.setItem(r, c, _item(v))
                r += 1
        extra = [f for f in res.figures if f["scope"] == "pair" and f["measure"] in ("attr_agreement", "relation_f1")
                 and f["n"]]
        t = self.attrs_table
        t.setRowCount(len(extra))
        for r, f in enumerate(extra):
            if f["measure"] == "attr_agreement":
                what = f"{self._label(f['label'])} · {attr_text(self.scheme, f['label'], f['attribute'])}"
            elif f["label"] == ALL:
                what = self.tr("all links (F1)")
            else:
                what = self.tr("link %1 (F1)").replace("%1", relation_text(self.scheme, f["label"]))
            for c, v in enumerate([" / ".join(f["annotators"]), what, _fmt(f["value"]), str(f["n"])]):
                t.setItem(r, c, _item(v))
        self.confusion_pair.blockSignals(True)
        self.confusion_pair.clear()
        for a, b in pairs:
            self.confusion_pair.addItem(f"{a} / {b}", (a, b))
        self.confusion_pair.blockSignals(False)
        self.confusion_pair.setVisible(len(pairs) > 1)
        self._fill_confusion()
        t = self.docs_table
        t.setRowCount(len(res.disagreement))
        for r, d in enumerate(res.disagreement):
            t.setItem(r, 0, _item(d["id"], d["num"]))
            t.setItem(r, 1, _item(f"{d['score']:.3f}"))
            t.setItem(r, 2, _item(str(d["disputed"])))
            t.setItem(r, 3, _item(str(d["attrs_differ"])))
            t.setItem(r, 4, _item(str(d["spans"])))

    def _fill_confusion(self) -> None:
        """Rows: the first annotator's label; columns: the second's (a pair chosen above)."""
        res, t = self.result, self.confusion_table
        pair = self.confusion_pair.currentData()
        if res is None or pair is None:
            t.setRowCount(0)
            t.setColumnCount(0)
            self.confusion_axes.setText("")
            return
        a, b = pair
        names = [*res.labels, None]
        index = {n: i for i, n in enumerate(names)}
        counts = [[0] * len(names) for _ in names]
        for c in res.confusion:
            if c["annotators"] == [a, b] and c["label_a"] in index and c["label_b"] in index:
                counts[index[c["label_a"]]][index[c["label_b"]]] += c["count"]
        nothing = self.tr("(nothing)")
        t.setRowCount(len(names))
        t.setColumnCount(len(names))
        t.setVerticalHeaderLabels([f"{a}: {self._label(n) if n else nothing}" for n in names])
        t.setHorizontalHeaderLabels([f"{b}: {self._label(n) if n else nothing}" for n in names])
        self.confusion_axes.setText(self.tr("Rows: %1's label. Columns: %2's label. (nothing): the other marked "
                                            "nothing overlapping.").replace("%1", a).replace("%2", b))
        for i in range(len(names)):
            for j in range(len(names)):
                t.setItem(i, j, _item(str(counts[i][j]) if counts[i][j] else ""))


def _arabic(names) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for n in names for ch in n)


def _join(names) -> str:
    return "، ".join(names) if _arabic(names) else ", ".join(names)


def _titled(title: str, w: QWidget) -> QWidget:
    if not title:
        return w
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title)
    label.setTextFormat(Qt.PlainText)
    lay.addWidget(label)
    lay.addWidget(w, 1)
    return box
