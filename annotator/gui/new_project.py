"""New project: where to save it and which annotation scheme it uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.scheme import Scheme
from annotator.gui.plain import message, plain_label


class NewProjectDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.default_scheme = QRadioButton(self.tr("News quotes and dates (QUOTE, SOURCE, CUE, DATE)"))
        self.custom_scheme = QRadioButton(self.tr("A scheme file:"))
        self.default_scheme.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.default_scheme)
        group.addButton(self.custom_scheme)
        self.scheme_edit = QLineEdit()
        self.scheme_edit.setEnabled(False)
        scheme_browse = QPushButton(self.tr("Choose…"))
        scheme_browse.setEnabled(False)
        scheme_browse.clicked.connect(self._browse_scheme)
        self.custom_scheme.toggled.connect(self.scheme_edit.setEnabled)
        self.custom_scheme.toggled.connect(scheme_browse.setEnabled)
        scheme_row = QHBoxLayout()
        scheme_row.addWidget(self.custom_scheme)
        scheme_row.addWidget(self.scheme_edit, 1)
        scheme_row.addWidget(scheme_browse)
        scheme_box = QVBoxLayout()
        scheme_box.addWidget(self.default_scheme)
        scheme_box.addLayout(scheme_row)
        scheme_widget = QWidget()
        scheme_widget.setLayout(scheme_box)

        form = QFormLayout()
        form.addRow(self.tr("Project file:"), path_row)
        form.addRow(self.tr("Annotation scheme:"), scheme_widget)
        self.error = plain_label("")
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        self.project: Project | None = None

    def _browse_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), self.path_edit.text(),
                                              self.tr("Annotator projects (*.annot)"))
        if path:
            self.path_edit.setText(path)

    def _browse_scheme(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Annotation scheme"), "", self.tr("Scheme (*.json)"))
        if path:
            self.scheme_edit.setText(path)

    def accept(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.error.setText(self.tr("Choose where to save the project."))
            return
        if not path.endswith(".annot"):
            path += ".annot"
        try:
            scheme = Scheme.load(self.scheme_edit.text().strip()) if self.custom_scheme.isChecked() else None
            if Path(path).exists():
                answer = message(self, self.tr("Replace project?"),
                                 self.tr("{path} exists. Replace it with a new, empty project?").format(path=path),
                                 QMessageBox.Question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
                if answer != QMessageBox.Yes:
                    return
            self.project = Project.create(path, scheme, overwrite=Path(path).exists())
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def create_project_interactively(parent) -> Project | None:
    dialog = NewProjectDialog(parent)
    if dialog.exec() == QDialog.Accepted:
        return dialog.project
    return None
