"""File › Export: format, layer, documents, labels, suggestions and an optional
train/dev/test split, with the same filter rule as `annotator export` (exporter.make_filter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout)

from annotator.core.exporter import export_project, make_filter
from annotator.core.formats import FORMATS
from annotator.core.formats.registry import TR_CONTEXT
from annotator.core.model import GOLD
from annotator.gui.operation import run_operation
from annotator.gui.plain import message, plain_label, plain_tip
from annotator.gui.report_dialog import show_report

SPLITS = (("train", 0.8), ("dev", 0.1), ("test", 0.1))


class ExportDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.report = None
        self.setWindowTitle(self.tr("Export — %1").replace("%1", project.path.name))
        self.format = QComboBox()
        for fmt in FORMATS:
            if fmt.write is not None:
                self.format.addItem(QCoreApplication.translate(TR_CONTEXT, fmt.title), fmt.name)
        self.layer = QComboBox()
        self.layer.addItem(self.tr("All annotators"), None)
        layers = project.annotators()
        self.layer.addItem(self.tr("Gold (adjudicated)"), GOLD)
        for name in layers:
            if name != GOLD:
                self.layer.addItem(name, name)
        self.only_done = QCheckBox(self.tr("Only documents marked done"))
        self.suggestions = QCheckBox(self.tr("Include suggestions that nobody accepted yet"))
        self.label_boxes: dict[str, QCheckBox] = {}
        labels_box = QGroupBox(self.tr("Labels"))
        grid = QGridLayout(labels_box)
        for i, label in enumerate(project.scheme.labels):
            box = QCheckBox(label.name)
            box.setChecked(True)
            box.setToolTip(plain_tip(label.description or ""))
            self.label_boxes[label.name] = box
            grid.addWidget(box, i // 4, i % 4)
        self.split = QGroupBox(self.tr("Split into train / dev / test files"))
        self.split.setCheckable(True)
        self.split.setChecked(False)
        sform = QFormLayout(self.split)
        self.fractions: dict[str, QDoubleSpinBox] = {}
        texts = {"train": self.tr("Train:"), "dev": self.tr("Dev:"), "test": self.tr("Test:")}
        for name, value in SPLITS:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
            self.fractions[name] = spin
            sform.addRow(texts[name], spin)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        sform.addRow(self.tr("Seed:"), self.seed)
        sform.addRow(plain_label(self.tr("Documents are assigned by a hash of their id and the seed: the same seed "
                                         "gives the same split every time.")))
        self.output = QLineEdit()
        self.output.setPlaceholderText(self.tr("Where to write the export"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.note = plain_label()
        self.note.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Layer:"), self.layer)
        form.addRow("", self.only_done)
        form.addRow("", self.suggestions)
        form.addRow(self.tr("Save to:"), out_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.run_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(labels_box)
        layout.addWidget(self.split)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.format.currentIndexChanged.connect(self._update)
        self.layer.currentIndexChanged.connect(self._update)
        self._update()

    # ----- state -------------------------------------------------------------------------------
    def fmt(self) -> str:
        return self.format.currentData()

    def layers(self) -> set[str] | None:
        layer = self.layer.currentData()
        return {layer} if layer else None

    def labels(self) -> set[str] | None:
        chosen = {name for name, box in self.label_boxes.items() if box.isChecked()}
        return None if chosen == set(self.label_boxes) else chosen

    def split_spec(self) -> str | None:
        if not self.split.isChecked():
            return None
        parts = [f"{name}={spin.value():g}" for name, spin in self.fractions.items() if spin.value() > 0]
        return ",".join(parts)

    def export_filter(self):
        return make_filter(self.fmt(), self.layers(), self.labels(), only_done=self.only_done.isChecked(),
                           include_suggestions=self.suggestions.isChecked())

    def _update(self) -> None:
        full_dump = FORMATS[self.fmt()].full_dump and not self.layers()
        self.suggestions.setEnabled(not full_dump)
        if full_dump:
            self.note.setText(self.tr("A native export of all annotators is a full copy: suggested and rejected "
                                      "spans go out too, with their status."))
        else:
            self.note.setText(self.tr("Accepted spans go out; rejected spans never; suggestions only when ticked."))
        text = self.output.text().strip()
        if text:
            self.output.setText(self._with_extension(text))

    def _with_extension(self, text: str) -> str:
        p = Path(text)
        known = FORMATS.export_extensions()
        if FORMATS[self.fmt()].folder:
            return str(p.with_suffix("")) if p.suffix in known else text
        ext = FORMATS[self.fmt()].extension
        if p.suffix in known or not p.suffix:
            return str(p.with_suffix(ext))
        return text

    def choose_output(self) -> None:
        start = self.output.text().strip() or str(self.project.path.with_suffix(""))
        if FORMATS[self.fmt()].folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), str(Path(start).parent))
        else:
            ext = FORMATS[self.fmt()].extension
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"), self._with_extension(start),
                                                  self.tr("Export files (*%1);;All files (*)").replace("%1", ext))
        if path:
            self.output.setText(self._with_extension(path))

    # ----- running ------------------------------------------------------------------------------
    def run_export(self):
        """Export with the dialog's choices; on success show the report and close."""
        output = self.output.text().strip()
        if not output:
            self.choose_output()
            output = self.output.text().strip()
            if not output:
                return None
        if not self.label_boxes or self.labels() == set():
            message(self, self.tr("Export"), self.tr("Choose at least one label."))
            return None
        # Cancel: files and folders alike are built beside the target and replace it only when whole.
        report = run_operation(
            self, self.tr("Export"), lambda progress: export_project(
                self.project, output, self.fmt(), self.export_filter(), split=self.split_spec(),
                seed=self.seed.value(), progress=progress),
            label=self.tr("Exporting…"), refused=self.tr("Export failed"),
            cancelled=self.tr("Export cancelled: no file was written (an existing one is unchanged)."))
        if report is None:
            return None
        self.report = report
        summary = self.tr("Exported %1 documents to %2.").replace("%1", str(report.documents)).replace(
            "%2", ", ".join(report.files))
        if report.splits:
            summary += " " + ", ".join(f"{k}: {v}" for k, v in report.splits.items())
        lines = list(report.problems)
        if lines:
            summary += "\n" + self.tr("%1 problems (below): those spans could not be expressed in this format.").replace(
                "%1", str(len(lines)))
        self.accept()
        show_report(self.parentWidget(), self.tr("Export"), summary, lines)
        return report
