"""Starting the window: xcb check, QApplication, translations, fonts, settings, project."""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError


def start_qt(settings_dir: str | None = None):
    """Everything a window of ours needs before it opens: the xcb check, QApplication, icon,
    the user's settings and language, the Arabic font, and errors to the log.
    Returns (app, settings, translations), or None after printing why Qt cannot start."""
    from annotator.gui.xcb_check import check

    problem = check()
    if problem:
        print(problem, file=sys.stderr)
        return None
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from annotator.core.paths import resource_path
    from annotator.gui import crash
    from annotator.gui.fonts import ensure_fonts
    from annotator.gui.i18n import Translations, effective_language
    from annotator.gui.settings import Settings, open_qsettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    icon = resource_path("icons", "annotator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    settings = Settings(open_qsettings(settings_dir))
    translations = Translations()
    translations.install(app, effective_language(settings.language))
    ensure_fonts()
    crash.install(lambda: QApplication.activeWindow())
    return app, settings, translations


def run(path: str | None = None, settings_dir: str | None = None) -> int:
    """Open the window on `path` (or on the user's copy of the sample project). Returns the exit code."""
    from annotator.gui.settings import ask_annotator_name

    started = start_qt(settings_dir)
    if started is None:
        return 1
    app, settings, translations = started
    if not settings.annotator:
        name = ask_annotator_name(None)
        if name is None:
            print("annotator: no annotator name given; every edit records one, so the window did not open",
                  file=sys.stderr)
            return 1
        settings.annotator = name
    host = WindowHost(app, settings, translations)
    if not host.start(path):
        return 1
    try:
        return app.exec()
    finally:
        host.shutdown()


class WindowHost:
    """Owns the main window; a language switch rebuilds it around the same open project."""

    def __init__(self, app, settings, translations):
        self.app, self.settings, self.translations = app, settings, translations
        self.window = None

    def start(self, path: str | None) -> bool:
        """Open the window on `path`; with none, on the last project used (the sample project
        on the first run, or when the last project is gone, which the status bar then says)."""
        from annotator.gui.main_window import MainWindow, open_project_interactively
        from annotator.gui.plain import message

        note = ""
        try:
            target = path
            if target is None:
                target, note = self._last_project()
            project = open_project_interactively(None, target)
        except AnnotatorError as exc:
            if path is None:
                message(None, "annotator", str(exc))
                project = None
            else:
                print(f"annotator: {exc}", file=sys.stderr)
                return False
        self.window = MainWindow(self.settings, project)
        self.window.languageChangeRequested.connect(self.rebuild)
        self.window.show()
        if note:
            self.window.statusBar().showMessage(note, 30000)
        return True

    def _last_project(self) -> tuple[str, str]:
        """(the project to open when none is named, what to tell the user about the choice)."""
        from PySide6.QtCore import QCoreApplication

        from annotator.gui.sample import ensure_sample_project

        recent = self.settings.recent
        if recent and (Path(recent[0]).is_file() or recent[0].startswith("postgresql://")):
            return recent[0], ""
        sample = str(ensure_sample_project())
        if not recent or recent[0] == sample:
            return sample, ""
        return sample, (QCoreApplication.translate("Startup", "The last project, %1, no longer exists: "
                                                   "the sample project is open instead.").replace("%1", recent[0]))

    def shutdown(self) -> None:
        """Take the window down while the settings are still alive. Left to the interpreter's
        exit, PySide deletes the QSettings and the window in no fixed order, and the window's
        undo stack, cleared as it dies, signals the status bar, which reads the settings."""
        from PySide6.QtCore import QCoreApplication, QEvent
        from shiboken6 import Shiboken

        window, self.window = self.window, None
        if window is None:
            return
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        if Shiboken.isValid(window):
            if window.isVisible():
                window.close()
            Shiboken.delete(window)
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)

    def rebuild(self) -> None:
        from annotator.gui.i18n import effective_language
        from annotator.gui.main_window import MainWindow

        old = self.window
        doc = old.current_doc()
        project = old.detach_project()
        self.translations.install(self.app, effective_language(self.settings.language))
        self.window = MainWindow(self.settings, None)
        self.window.set_project(project, doc)
        self.window.languageChangeRequested.connect(self.rebuild)
        self.window.show()
        old.close()
        old.deleteLater()
