"""The sample project: the bundled sample.jsonl imported into a project in the user data
folder, so the bundled file stays pristine and the user's edits to the sample persist."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.importer import import_paths
from annotator.core.paths import resource_path
from annotator.core.project import Project

DATA_ENV = "ANNOTATOR_DATA_DIR"
SAMPLE_NAME = "sample.annot"


def data_dir() -> Path:
    folder = os.environ.get(DATA_ENV)
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False))


def bundled_sample() -> Path:
    return resource_path("sample", "sample.jsonl")


def sample_project_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / SAMPLE_NAME


def ensure_sample_project(folder: Path | None = None) -> Path:
    """The user's copy of the sample project, made on first use. Returns its path.

    Built under a temporary name and renamed into place, so an interrupted first start
    never leaves a half-imported sample that would then be opened as if complete.
    """
    target = sample_project_path(folder)
    if target.exists() and target.stat().st_size > 0:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    project = Project.create(tmp, overwrite=True)
    try:
        import_paths(project, [bundled_sample()], fmt="native", annotator="sample")
    finally:
        project.close()
    os.replace(tmp, target)
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    return target
