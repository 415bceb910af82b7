"""Loading the UI translation (ours and Qt's own) and the matching layout direction."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.paths import resource_path

SUPPORTED = ("en", "ar")
RTL_LANGUAGES = {"ar"}

# Strings of Qt's own file dialog that qtbase_ar.qm lacks (Qt 6 renamed or added them), so our
# annotator_ar.ts carries them: Qt looks a string up in every installed translator.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)


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
        global _language
        _language = language
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


# ----- scheme names as the interface shows them ------------------------------------------------
_language = "en"


def ui_language() -> str:
    """The language of the installed translation ('en' when none is installed)."""
    return _language


def _owner(scheme, name: str, relation: bool):
    from annotator.core.errors import SpanError

    try:
        return scheme.relation(name) if relation else scheme.label(name)
    except SpanError:  # a name the scheme lacks (old data): shown as stored
        return None


def _has_names(item, language: str) -> bool:
    if dict(item.display).get(language) or dict(item.description_display).get(language):
        return True
    return any(dict(names).get(language) for _, names in getattr(item, "choice_display", ()))


def _item(scheme, owner: str, attr: str | None, relation: bool, language: str):
    """The scheme item to name; projects made before schemes carried display names store the
    default scheme without them, so its names come from the bundled default."""
    from annotator.core.scheme import default_scheme

    for s in (scheme, default_scheme()):
        if s is None or (s is not scheme and scheme is not None and scheme.name != s.name):
            continue
        item = _owner(s, owner, relation)
        if item is not None and attr is not None:
            item = item.attribute(attr)
        if item is not None and _has_names(item, language):
            return item
    return None


def label_text(scheme, name: str) -> str:
    item = _item(scheme, name, None, False, _language)
    return item.shown(_language) if item else name


def relation_text(scheme, name: str) -> str:
    item = _item(scheme, name, None, True, _language)
    return item.shown(_language) if item else name


def attr_text(scheme, owner: str, attr: str, relation: bool = False) -> str:
    item = _item(scheme, owner, attr, relation, _language)
    return item.shown(_language) if item else attr


def value_text(scheme, owner: str, attr: str, value, relation: bool = False) -> str:
    item = _item(scheme, owner, attr, relation, _language)
    return item.shown_value(value, _language) if item else str(value)


def description_text(scheme, owner: str, attr: str | None = None, relation: bool = False, fallback: str = "") -> str:
    item = _item(scheme, owner, attr, relation, _language)
    return item.shown_description(_language) if item else fallback
