"""User settings (annotator name, language, font, snapping, recent files) and their dialog.

Settings live in an INI file. Tests and portable installs point ANNOTATOR_SETTINGS_DIR at
a folder of their own, so the first-run name question can be answered in advance.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFontComboBox,
                               QFormLayout, QInputDialog, QLabel, QLineEdit, QVBoxLayout, QWidget)

SETTINGS_ENV = "ANNOTATOR_SETTINGS_DIR"
LANGUAGES = ("system", "en", "ar")
SNAP_MODES = ("word", "char")
MAX_RECENT = 10
DEFAULT_FONT_SIZE = 16.0


def open_qsettings(folder: str | os.PathLike | None = None) -> QSettings:
    folder = folder or os.environ.get(SETTINGS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "annotator.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "annotator", "annotator")


class Settings:
    """Typed access to the stored settings; every setter writes through at once."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else open_qsettings()

    def _get(self, key: str, default):
        value = self.q.value(key, default)
        return default if value is None else value

    def _set(self, key: str, value) -> None:
        self.q.setValue(key, value)
        self.q.sync()

    @property
    def annotator(self) -> str:
        return str(self._get("annotator/name", "")).strip()

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._set("annotator/name", name.strip())

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "system")

    @property
    def font_family(self) -> str:
        return str(self._get("text/font_family", ""))

    @font_family.setter
    def font_family(self, family: str) -> None:
        self._set("text/font_family", family)

    @property
    def font_size(self) -> float:
        try:
            size = float(self._get("text/font_size", DEFAULT_FONT_SIZE))
        except (TypeError, ValueError):
            return DEFAULT_FONT_SIZE
        return size if 6 <= size <= 96 else DEFAULT_FONT_SIZE

    @font_size.setter
    def font_size(self, size: float) -> None:
        self._set("text/font_size", float(size))

    @property
    def snap_mode(self) -> str:
        value = str(self._get("annotate/snap", "word"))
        return value if value in SNAP_MODES else "word"

    @snap_mode.setter
    def snap_mode(self, mode: str) -> None:
        self._set("annotate/snap", mode if mode in SNAP_MODES else "word")

    @property
    def show_invisibles(self) -> bool:
        return str(self._get("view/invisibles", "false")).lower() == "true"

    @show_invisibles.setter
    def show_invisibles(self, on: bool) -> None:
        self._set("view/invisibles", "true" if on else "false")

    @property
    def recent(self) -> list[str]:
        value = self._get("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value if v]

    def add_recent(self, path: str | os.PathLike) -> None:
        if str(path).lower().startswith(("postgresql://", "postgres://")):
            from annotator.core.store.pg import safe_url

            path = safe_url(str(path))  # a server project: never a password in the settings
        else:
            path = str(Path(path).resolve())
        items = [p for p in self.recent if p != path]
        self._set("files/recent", [path, *items][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._set("files/recent", [p for p in self.recent if p != path])

    @property
    def geometry(self):
        return self.q.value("window/geometry")

    @geometry.setter
    def geometry(self, data) -> None:
        self._set("window/geometry", data)

    @property
    def window_state(self):
        return self.q.value("window/state")

    @window_state.setter
    def window_state(self, data) -> None:
        self._set("window/state", data)


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """The first-run question. None when the user cancels."""
    while True:
        name, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("Settings", "Your name"),
            QCoreApplication.translate("Settings", "Your name as an annotator (it is recorded with every edit you make):"),
            QLineEdit.Normal, current)
        if not ok:
            return None
        name = name.strip()
        if 1 <= len(name) <= 200:
            return name


class SettingsDialog(QDialog):
    """Annotator name, language, text font and size, default snapping."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.name = QLineEdit(settings.annotator)
        self.name.setMaxLength(200)
        form.addRow(self.tr("Annotator name:"), self.name)
        self.language = QComboBox()
        for code, text in (("system", self.tr("Follow the system")), ("en", "English"), ("ar", "العربية")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language:"), self.language)
        self.font_family = QFontComboBox()
        if settings.font_family:
            self.font_family.setCurrentText(settings.font_family)
        form.addRow(self.tr("Text font:"), self.font_family)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(6, 96)
        self.font_size.setDecimals(1)
        self.font_size.setValue(settings.font_size)
        form.addRow(self.tr("Text size:"), self.font_size)
        self.snap = QComboBox()
        self.snap.addItem(self.tr("Whole words"), "word")
        self.snap.addItem(self.tr("Exact characters"), "char")
        self.snap.setCurrentIndex(max(0, self.snap.findData(settings.snap_mode)))
        form.addRow(self.tr("Snap selections to:"), self.snap)
        self.note = QLabel(self.tr("A change of language rebuilds the window; your work is already saved."))
        self.note.setTextFormat(Qt.PlainText)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: buttons.button(QDialogButtonBox.Ok).setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def apply(self) -> dict:
        """Write the dialog's values; return the names of the settings that changed."""
        s = self.settings
        changed = {}
        values = {
            "annotator": self.name.text().strip(),
            "language": self.language.currentData(),
            "font_family": self.font_family.currentFont().family(),
            "font_size": float(self.font_size.value()),
            "snap_mode": self.snap.currentData(),
        }
        for key, value in values.items():
            if key == "annotator" and not value:
                continue
            if getattr(s, key) != value:
                setattr(s, key, value)
                changed[key] = value
        return changed
