"""Errors a user can cause. Each carries one line that names the file, line or offset."""

import re

_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class AnnotatorError(Exception):
    """Base for errors that are shown to the user as one line, never as a traceback.

    Line breaks in a message (SQLite quotes whole schema statements in some errors) become
    single spaces here, so no caller can break the one-line rule by accident.
    """

    def __init__(self, message: object = "", *args):
        if isinstance(message, str):
            message = _BREAKS.sub(" ", message)
        super().__init__(message, *args)


class ProjectError(AnnotatorError):
    """The project file cannot be opened or used (not ours, too new, damaged)."""


class ProjectInUse(ProjectError):
    """Another process holds the project open for writing."""


class ReadOnlyProject(ProjectError):
    """A write was attempted on a project opened read-only."""


class ImportFailed(AnnotatorError):
    """An import was refused; nothing was written."""


class SchemeError(AnnotatorError):
    """An annotation scheme file is invalid."""


class SpanError(AnnotatorError):
    """A span or relation breaks the offset rule or the scheme."""


class DamagedProject(ProjectError):
    """The project file failed SQLite's check; it is never opened as if it were sound."""


class WriteFailed(ProjectError):
    """A save failed (disk full, file turned read-only, I/O error); nothing was changed.

    `reason` is one of "full", "readonly", "io", "busy", "damaged", so a caller (the GUI)
    can keep the user's action and offer to retry.
    """

    def __init__(self, message: str, reason: str = "io"):
        super().__init__(message)
        self.reason = reason
