"""Loading the UI translation (ours and Qt's own) and the matching layout direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.paths import resource_path

SUPPORTED = ("en", "ar")
RTL_LANGUAGES = {"ar"}


def effective_language(setting: str, system_locale: QLocale | None = None) -> str:
    """'en' or 'ar': the setting, or for 'system' the system locale's language."""
    if setting in SUPPORTED:
        return setting
    locale = system_locale or QLocale.system()
    name = locale.name()  # e.g. ar_EG
    return "ar" if name.split("_")[0] == "ar" else "en"


class Translations:
    """Owns the installed QTranslators so a language switch can replace them."""

    def __init__(self):
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, app: QApplication, language: str) -> list[str]:
        """Install translators for `language`; return the .qm files loaded."""
        for t in self._installed:
            QCoreApplication.removeTranslator(t)
        self._installed = []
        loaded: list[str] = []
        self.language = language
        if language != "en":
            ours = resource_path("i18n") / f"annotator_{language}.qm"
            qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
            for folder, name in ((str(ours.parent), f"annotator_{language}"), (qt_dir, f"qtbase_{language}")):
                t = QTranslator(app)
                if t.load(name, folder):
                    QCoreApplication.installTranslator(t)
                    self._installed.append(t)
                    loaded.append(f"{folder}/{name}.qm")
        app.setLayoutDirection(Qt.RightToLeft if language in RTL_LANGUAGES else Qt.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Arabic) if language == "ar" else QLocale(QLocale.English))
        return loaded
