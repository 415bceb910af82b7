"""Export entry point: picks the writer for a format, handles '-' and splits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats import FORMATS
from annotator.core.formats.outputs import check_target, write_error
from annotator.core.model import GOLD
from annotator.core.native import ExportFilter
from annotator.core.store.records import ProjectRecords, count_documents, iter_records

def make_filter(fmt: str, layers: set[str] | None = None, labels: set[str] | None = None,
                only_done: bool = False, include_suggestions: bool = False) -> ExportFilter:
    """The export filter of the command line and the export dialog (one rule for both).

    A full-dump format (native) without a chosen layer keeps everything (suggested and
    rejected spans with their status); training formats, or any chosen layer, carry
    decisions only: suggestions on request, rejected spans never.
    """
    flt = ExportFilter(layers=set(layers) if layers else None, labels=set(labels) if labels else None,
                       only_done=only_done)
    if not FORMATS.get(fmt, "write").full_dump or layers:
        flt.include_suggestions = include_suggestions
        flt.include_rejected = False
    return flt


@dataclass
class ExportReport:
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    splits: dict[str, int] = field(default_factory=dict)  # split name -> documents
    # Called with the number of documents written so far, each time it grows (a window's
    # progress bar); what it raises stops the export.
    progress: Callable[[int], None] | None = field(default=None, repr=False, compare=False)
    total: int = 0  # documents the export will hold, as far as known beforehand
    _documents: int = field(default=0, repr=False)

    @property
    def documents(self) -> int:
        return self._documents

    @documents.setter
    def documents(self, n: int) -> None:
        self._documents = n
        if self.progress is not None:
            self.progress(n)

    def summary(self) -> str:
        s = f"exported {self.documents} documents to {', '.join(self.files)}"
        if self.splits:
            s += " (" + ", ".join(f"{k}: {v}" for k, v in self.splits.items()) + ")"
        if self.problems:
            s += f"; {len(self.problems)} problems reported above"
        return s


def export_project(project, output: str, fmt: str = "native", flt: ExportFilter | None = None,
                   split: str | None = None, seed: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> ExportReport:
    """Export `project` to `output` ("-": standard output) in format `fmt`.

    progress(done, total) is called as documents are written; an exception it raises
    (a Cancel button) stops the export, and a file output keeps its previous content.
    """
    FORMATS.get(fmt, "write")  # an unknown format is refused before anything is touched
    from annotator.core.backup import backup_dir

    path = getattr(project, "path", None)
    for target, folder in planned_outputs(output, fmt, split):
        check_target(path, target, folder, backup_dir(path) if path is not None else None)
    try:
        return _export(project, output, fmt, flt, split, seed, progress)
    except OSError as exc:  # disk full, no permission: the target is as it was
        raise write_error(output, exc) from None
    except (RecursionError, orjson.JSONEncodeError) as exc:  # stored before the depth limit existed
        raise AnnotatorError(f"{output}: cannot export: a document holds data nested too deeply ({exc})") from None


def planned_outputs(output: str, fmt: str, split: str | None) -> list[tuple[str, bool]]:
    """Every path an export writes: (path, is a folder). Side files (Label Studio's label
    configuration, hf-bio's labels.json) included."""
    if output == "-":
        return []
    format_ = FORMATS.get(fmt, "write")
    folder = format_.folder
    if split and not folder:
        from annotator.core.splits import parse_spec, split_output

        mains = [split_output(output, name, False) for name, _ in parse_spec(split)]
    else:
        mains = [output]
    out = [(m, folder) for m in mains]
    if format_.side_files is not None:
        out += [(side, False) for m in mains for side in format_.side_files(m)]
    return out


def _export(project, output, fmt, flt, split, seed, progress) -> ExportReport:
    report = ExportReport()
    if flt is not None and flt.layers and GOLD in flt.layers:
        from dataclasses import replace

        from annotator.core.review import gold_review

        warnings, undecided = gold_review(project)
        report.problems += warnings  # unfinished review must not pass for gold
        if undecided:  # and gold nobody decided on as it stands does not go out
            flt = replace(flt, exclude_spans=flt.exclude_spans | frozenset(undecided))
    if progress is not None:
        report.total = count_documents(project, flt)
        report.progress = lambda done: progress(done, report.total)
    if split:
        from annotator.core.splits import export_splits

        return export_splits(project, iter_records(project, flt), output, fmt, split, seed, report)
    # Iterable, and describable to worker processes that read the project file themselves.
    records = ProjectRecords(project, flt)
    return FORMATS[fmt].write(project, records, output, report)
