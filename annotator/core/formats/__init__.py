"""Training and interchange formats: prodigy, doccano, label-studio, brat, hf-bio.

WRITERS[fmt](project, records, output, report) writes native records (streaming) and
returns the ExportReport; reader_for(fmt)(path, scheme, annotator, offsets=...) yields
(where, ParsedRecord, bytes) for annotator.core.importer; validate_file(path, fmt) yields
problems naming file and line.
"""

from __future__ import annotations

from typing import Callable

from annotator.core.errors import AnnotatorError
from annotator.core.formats import brat, doccano, hfbio, labelstudio, prodigy

WRITERS: dict[str, Callable] = {
    "prodigy": prodigy.write,
    "doccano": doccano.write,
    "label-studio": labelstudio.write,
    "brat": brat.write,
    "hf-bio": hfbio.write,
}

READERS: dict[str, Callable] = {
    "prodigy": prodigy.read,
    "doccano": doccano.read,
    "label-studio": labelstudio.read,
    "brat": brat.read,
}

# Where a file of each format keeps its spans, for naming split files (brat is a folder).
FOLDER_FORMATS = {"brat"}
# Writing a folder format's export into a folder that exists (a split's subfolder).
FOLDER_WRITERS: dict[str, Callable] = {"brat": brat.write_into}


def reader_for(fmt: str) -> Callable:
    try:
        return READERS[fmt]
    except KeyError:
        raise AnnotatorError(f"cannot import format {fmt!r} (importable: {', '.join(READERS)})") from None


def validate_file(path, fmt: str, scheme=None):
    from annotator.core.formats.checks import validate_file as _validate

    return _validate(path, fmt, scheme)


__all__ = ["WRITERS", "READERS", "reader_for", "validate_file"]
