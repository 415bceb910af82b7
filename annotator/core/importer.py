"""Importing documents into a project: files and folders in any format that reads
(annotator.core.formats), detected from the input when not given.

All-or-nothing: one transaction per call; any bad input raises ImportFailed naming the
file and line (or byte offset) and leaves the project exactly as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import orjson

from annotator.core.errors import AnnotatorError, ImportFailed
from annotator.core.model import now
from annotator.core.formats import FORMATS
from annotator.core.formats.common import UNEXPECTED, describe_failure, scan_folder
from annotator.core.native import ParsedRecord, content_hash
from annotator.core.store import import_rows

BATCH = 2000

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass
class ImportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    ignored: list[str] = field(default_factory=list)  # files in imported folders that are not .txt

    def summary(self) -> str:
        s = f"imported {self.documents} documents, {self.spans} spans, {self.relations} relations"
        if self.skipped:
            s += f"; skipped {len(self.skipped)} duplicate documents"
        if self.ignored:
            shown = ", ".join(self.ignored[:3]) + (", ..." if len(self.ignored) > 3 else "")
            s += f"; ignored {len(self.ignored)} files that are not .txt ({shown})"
        return s


def iter_native(paths: Iterable[Path], scheme, default_annotator: str) -> Iterator[tuple[str, ParsedRecord, int]]:
    for path in paths:
        yield from FORMATS["native"].read(path, scheme, default_annotator)


def detect_format(path: Path) -> str:
    """The input format from the path and, where formats share a file ending, from its content."""
    return FORMATS.detect(path)


class _Writer:
    """Buffers rows and writes them in batches (store.import_rows); ids are allocated here so
    relations can point at spans before they reach the database."""

    def __init__(self, project):
        self.project = project
        self.next_num, self.next_span, self.next_rel = import_rows.next_ids(project)
        # Duplicates are looked up in the database (indexed) plus the unflushed batch, so
        # memory stays flat however many documents an import brings.
        self.batch_hashes: dict[str, str] = {}
        self.batch_ids: set[str] = set()
        self.annotators = set(project.annotators())
        self.docs: list = []
        self.spans: list = []
        self.rels: list = []
        self.states: list = []
        self.stamp = now()

    def annotator(self, name: str) -> None:
        if name not in self.annotators:
            self.project.ensure_annotator(name)
            self.annotators.add(name)

    def add(self, where: str, rec: ParsedRecord, report: ImportReport) -> None:
        digest = content_hash(rec.text)
        same = self.batch_hashes.get(digest)
        if same is None:
            same = import_rows.document_with_hash(self.project, digest)
        if same is not None:
            report.skipped.append((where, f"same text as document {same!r}"))
            return
        doc_id = rec.id or digest[:16]
        if doc_id in self.batch_ids or import_rows.document_id_taken(self.project, doc_id):
            raise ImportFailed(f"{where}: document id {doc_id!r} is already in the project with a different text")
        num = self.next_num
        self.next_num += 1
        self.batch_hashes[digest] = doc_id
        self.batch_ids.add(doc_id)
        self.docs.append((num, doc_id, rec.text, orjson.dumps(rec.meta).decode(), digest, self.stamp))
        ids = {}
        for s in rec.spans:
            self.annotator(s.annotator)
            sid = self.next_span
            self.next_span += 1
            ids[s.ref] = sid
            self.spans.append((sid, num, s.start, s.end, s.label, s.annotator, s.status,
                               orjson.dumps(s.attrs).decode(), s.rule, orjson.dumps(s.origin).decode(),
                               self.stamp, self.stamp))
        for r in rec.relations:
            self.annotator(r.annotator)
            self.rels.append((self.next_rel, num, r.label, ids[r.from_ref], ids[r.to_ref], r.annotator, r.status,
                              orjson.dumps(r.attrs).decode(), r.rule, "{}", self.stamp, self.stamp))
            self.next_rel += 1
        for ann, state in rec.status.items():
            self.annotator(ann)
            if state != "todo":
                self.states.append((num, ann, state, self.stamp))
        report.documents += 1
        report.spans += len(rec.spans)
        report.relations += len(rec.relations)
        if len(self.docs) >= BATCH or len(self.spans) >= BATCH * 10:
            self.flush()

    def flush(self) -> None:
        import_rows.insert_rows(self.project, self.docs, self.spans, self.rels, self.states)
        self.docs, self.spans, self.rels, self.states = [], [], [], []
        self.batch_hashes.clear()
        self.batch_ids.clear()


def import_records(project, records: Iterable[tuple[str, ParsedRecord, int]], total_bytes: int = 0,
                   progress: Progress | None = None, source: Callable[[], str] | None = None) -> ImportReport:
    """Write parsed records in one transaction. `records` yields (where, record, bytes).

    `source()` names the input being read, for errors raised while reading it.
    """
    report = ImportReport()
    done = 0
    where = None
    try:
        with project.transaction():
            w = _Writer(project)
            for where, rec, size in records:
                w.add(where, rec, report)
                done += size
                if progress:
                    progress(done, total_bytes)
            w.flush()
    except ImportFailed:
        raise
    except AnnotatorError as exc:
        raise ImportFailed(str(exc)) from None
    except OSError as exc:
        raise ImportFailed(f"{getattr(exc, 'filename', '') or 'input'}: {exc.strerror or exc}") from None
    except UNEXPECTED as exc:
        # Hostile input that a reader did not foresee (nesting past Python's recursion limit,
        # odd types): refused like any bad input, never a crash. The transaction rolled back.
        name = source() if source else "input"
        after = f" (after {where})" if where else ""
        raise ImportFailed(f"{name}: cannot import{after}: {describe_failure(exc)}") from None
    return report


def import_paths(project, paths: Iterable[str | os.PathLike], fmt: str | None = None, annotator: str = "import",
                 progress: Progress | None = None, dct: str | None = None, dct_from_header: bool = False,
                 **options) -> ImportReport:
    """Import files or folders. fmt: a format of annotator.core.formats that reads (None: detected).

    `dct` is the document creation date (relative dates such as أمس resolve against it) given
    to documents that bring none; with `dct_from_header`, a full date in a document's first
    line comes first. A dct a record carries itself (native meta.dct) always wins.
    """
    if dct is not None:
        from annotator.core.dates_iso import check_dct

        try:
            check_dct(dct)
        except AnnotatorError as exc:
            raise ImportFailed(f"--dct: {exc}") from None
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.exists():
            raise ImportFailed(f"{p}: no such file or folder")
    fmts = {p: FORMATS.get(fmt or detect_format(p), "read") for p in paths}
    ignored: list[str] = []
    scanned: dict[Path, list[Path]] = {}
    total = 0
    for p in paths:
        if fmts[p].name == "text" and p.is_dir():  # files that are not .txt are listed as ignored
            scanned[p], others = scan_folder(p)
            ignored += [str(o.relative_to(p)) for o in others]
            total += sum(f.stat().st_size for f in scanned[p])
        else:
            total += _size(p)

    current = {"path": str(paths[0]) if paths else "input"}

    def records():
        for p in paths:
            current["path"] = str(p)
            extra = {"files": scanned[p]} if p in scanned else {}
            yield from fmts[p].read(p, project.scheme, annotator, **options, **extra)

    report = import_records(project, _dated(records(), dct, dct_from_header), total, progress,
                            source=lambda: current["path"])
    report.ignored = ignored
    return report


def _dated(records, dct: str | None, from_header: bool):
    """The records, each without a dct of its own given the header's date (when asked) or `dct`."""
    if dct is None and not from_header:
        yield from records
        return
    from annotator.core.suggest.dct import header_dct

    for where, rec, size in records:
        if not rec.meta.get("dct"):
            found = header_dct(rec.text) if from_header else None
            if found or dct:
                rec.meta["dct"] = found or dct
        yield where, rec, size


def _size(p: Path) -> int:
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return p.stat().st_size
