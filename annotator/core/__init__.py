"""The annotator core: model, offsets, project store, import/export.

Nothing in this package imports Qt, so it can be used as a library and tested alone.
"""

from annotator.core.errors import AnnotatorError, ImportFailed, ProjectError, ProjectInUse
from annotator.core.offsets import Utf16Map, check_span
from annotator.core.project import Project
from annotator.core.scheme import Scheme, default_scheme

__all__ = [
    "AnnotatorError",
    "ImportFailed",
    "Project",
    "ProjectError",
    "ProjectInUse",
    "Scheme",
    "Utf16Map",
    "check_span",
    "default_scheme",
]
