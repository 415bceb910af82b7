"""Export entry point: picks the writer for a format, handles '-' and splits."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.native import ExportFilter, ProjectRecords, iter_records, write_jsonl

FORMATS = ["native"]
try:  # the training and interchange formats register themselves in annotator.core.formats
    from annotator.core.formats import WRITERS as _WRITERS

    FORMATS += [f for f in _WRITERS if f != "native"]
except ModuleNotFoundError as exc:  # pragma: no cover - until the formats module exists
    if exc.name != "annotator.core.formats":
        raise
    _WRITERS = {}


def make_filter(fmt: str, layers: set[str] | None = None, labels: set[str] | None = None,
                only_done: bool = False, include_suggestions: bool = False) -> ExportFilter:
    """The export filter of the command line and the export dialog (one rule for both).

    Native export without a chosen layer is a full dump (suggested and rejected spans with
    their status); training formats, or any chosen layer, carry decisions only: suggestions
    on request, rejected spans never.
    """
    flt = ExportFilter(layers=set(layers) if layers else None, labels=set(labels) if labels else None,
                       only_done=only_done)
    if fmt != "native" or layers:
        flt.include_suggestions = include_suggestions
        flt.include_rejected = False
    return flt


@dataclass
class ExportReport:
    documents: int = 0
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    splits: dict[str, int] = field(default_factory=dict)  # split name -> documents

    def summary(self) -> str:
        s = f"exported {self.documents} documents to {', '.join(self.files)}"
        if self.splits:
            s += " (" + ", ".join(f"{k}: {v}" for k, v in self.splits.items()) + ")"
        if self.problems:
            s += f"; {len(self.problems)} problems reported above"
        return s


@contextmanager
def _open_out(target: str):
    if target == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        fh = open(target, "wb")
    except OSError as exc:
        raise AnnotatorError(f"{target}: cannot write: {exc.strerror}") from None
    with fh:
        yield fh


def export_project(project, output: str, fmt: str = "native", flt: ExportFilter | None = None,
                   split: str | None = None, seed: int = 0) -> ExportReport:
    if fmt not in FORMATS:
        raise AnnotatorError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    report = ExportReport()
    if split:
        from annotator.core.splits import export_splits

        return export_splits(project, iter_records(project, flt), output, fmt, split, seed, report)
    # Iterable, and describable to worker processes that read the project file themselves.
    records = ProjectRecords(project, flt)
    if fmt == "native":
        with _open_out(output) as fh:
            report.documents = write_jsonl(records, fh)
        report.files.append(output)
        return report
    return _WRITERS[fmt](project, records, output, report)
