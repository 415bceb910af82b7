"""Logging to a rotating file in the user's log folder (platformdirs).

Set up once by the window and the CLI; ANNOTATOR_LOG_DIR overrides the folder (tests).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

_configured: Path | None = None


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir("annotator", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the `annotator` logger (and warnings) to annotator.log, 1 MB x 5 files. Returns the path."""
    global _configured
    path = log_dir() / "annotator.log"
    if _configured == path:
        return path
    root = logging.getLogger("annotator")
    root.setLevel(level)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                                        encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()  # an unwritable log folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(handler)
    _configured = path
    return path
