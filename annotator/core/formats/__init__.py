"""The file formats: one module each, holding its `FORMAT` (annotator.core.formats.registry),
listed here in the order the interface shows them.

FORMATS is the one registry every consumer reads (CLI choices, dialogs, export and import
drivers, splits, validate). validate_file(path, fmt, scheme) yields the problems of a file,
each naming file and line.
"""

from __future__ import annotations

from typing import Iterator

from annotator.core.formats import brat, doccano, hfbio, labelstudio, native_jsonl, plain_text, prodigy
from annotator.core.formats.checks import checked
from annotator.core.formats.registry import Format, Registry

FORMATS = Registry([
    plain_text.FORMAT,
    native_jsonl.FORMAT,
    prodigy.FORMAT,
    doccano.FORMAT,
    labelstudio.FORMAT,
    brat.FORMAT,
    hfbio.FORMAT,
])


def validate_file(path, fmt: str, scheme=None) -> Iterator[str]:
    """Problems of `path` read as `fmt` (an unknown format is one problem)."""
    if fmt not in FORMATS or FORMATS[fmt].check is None:
        yield f"{path}: unknown format {fmt!r} (known: {', '.join(FORMATS.names('check'))})"
        return
    yield from checked(path, FORMATS[fmt].check, scheme)


__all__ = ["FORMATS", "Format", "validate_file"]
