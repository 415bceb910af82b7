"""Starting the window: xcb check, QApplication, translations, fonts, settings, project."""

from __future__ import annotations

import sys

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
    return app.exec()


class WindowHost:
    """Owns the main window; a language switch rebuilds it around the same open project."""

    def __init__(self, app, settings, translations):
        self.app, self.settings, self.translations = app, settings, translations
        self.window = None

    def start(self, path: str | None) -> bool:
        from annotator.gui.main_window import MainWindow, open_project_interactively
        from annotator.gui.plain import message
        from annotator.gui.sample import ensure_sample_project

        try:
            target = path or ensure_sample_project()
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
        return True

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
