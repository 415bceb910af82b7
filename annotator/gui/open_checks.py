"""Big projects open at once; the whole-file check and the backup follow in a worker.

PRAGMA quick_check reads every page (about a second for 600 MB), so the window opens a
large project with Project.open(check=False, backup=False), lets the user read at once,
and keeps editing off until deferred_open_checks() has passed on its own connection.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator.core import backup
from annotator.core.project import Project

# Below this size the checks take a few milliseconds: run them in the open itself.
DEFER_ABOVE_BYTES = 32 * 1024 * 1024


def open_fast(path: str | Path, readonly: bool = False) -> Project:
    """Open; for a big writable file skip the slow checks and mark the project for them."""
    if str(path).lower().startswith(("postgresql://", "postgres://")):
        return Project.open(str(path), readonly=readonly)  # a server: no file to check
    path = Path(path)
    big = path.exists() and path.stat().st_size > DEFER_ABOVE_BYTES
    if readonly or not big:
        return Project.open(path, readonly=readonly)
    project = Project.open(path, check=False, backup=False)
    project.checks_pending = True
    return project


class DeferredChecks(QObject):
    """Runs the checks in a thread; `finished(problem, warnings)` arrives in the GUI thread."""

    finished = Signal(object, list)

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.project = project
        self.thread = threading.Thread(target=self._run, name="annotator-open-checks", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        try:
            problem, warnings = backup.deferred_open_checks(self.project.path)
        except Exception as exc:  # the check itself failed: say so, never pass silently
            problem, warnings = f"{self.project.path}: could not check the project file: {exc}", []
        self.finished.emit(problem, warnings)
