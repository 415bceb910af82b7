"""Where bundled files live: one helper for a source checkout, an installed wheel,
an editable install and a PyInstaller bundle alike."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # .../annotator


@cache
def _base(kind: str) -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "annotator" / kind)
    # Installed wheel: resources/ and schemas/ are packaged as annotator/resources etc.
    candidates.append(_PACKAGE_ROOT / kind)
    # Source checkout or editable install: the top-level folders beside the package.
    candidates.append(_PACKAGE_ROOT.parent / kind)
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(f"bundled folder '{kind}' not found (looked in {', '.join(map(str, candidates))})")


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. resource_path('schemes', 'news.json')."""
    return _base("resources").joinpath(*parts)


def schema_path(name: str) -> Path:
    """A JSON Schema under schemas/, e.g. schema_path('native.schema.json')."""
    return _base("schemas") / name
