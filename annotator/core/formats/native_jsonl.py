"""The native format as a `Format`: JSON Lines of native records (annotator.core.native), one
document a line with every annotator's spans, relations and statuses: lossless, so the
export of all annotators is a full copy (suggested and rejected spans with their status)."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats import checks
from annotator.core.formats.common import iter_jsonl_objects, open_output
from annotator.core.formats.registry import QT_TRANSLATE_NOOP, Format
from annotator.core.native import parse_record
from annotator.core.scheme import default_scheme

NAME = "native"


def write(project, records, output: str, report):
    dumps = orjson.dumps
    with open_output(output) as fh:
        for rec in records:
            fh.write(dumps(rec))
            fh.write(b"\n")
            report.documents += 1
    report.files.append(output)
    return report


def read(path, scheme, annotator: str, **_):
    for where, obj, size in iter_jsonl_objects(Path(path)):
        yield where, parse_record(obj, where, scheme, annotator), size


def check(path, scheme=None):
    scheme = scheme or default_scheme()

    def record(obj, where):
        try:
            parse_record(obj, where, scheme, "import")
        except AnnotatorError as exc:
            return [str(exc)]
        return []

    return checks.jsonl(Path(path), "native.schema.json", record)


FORMAT = Format(
    name=NAME, title=QT_TRANSLATE_NOOP("Formats", "Native JSONL: everything, lossless (re-import, backup, review)"),
    extension=".jsonl", reads=(".jsonl", ".ndjson", ".json"), offsets="code points", write=write, read=read,
    check=check, full_dump=True)
