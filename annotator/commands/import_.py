from __future__ import annotations

import sys

from annotator.commands.common import TerminalProgress, open_project
from annotator.core.formats import FORMATS
from annotator.core.importer import import_paths


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import documents (and their annotations) into a project",
        description="Import .txt files, folders of them, or JSONL into a project. All-or-nothing: "
        "bad input changes nothing and names the file and line. Documents already in the project "
        "(same text) are reported and skipped.")
    p.add_argument("project")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", choices=FORMATS.names("read"),
                   help="input format (default: from the file's ending and content; a folder: text, or brat with "
                   ".ann files)")
    p.add_argument("--annotator", default="import", help="annotator name for spans that name none (default: import)")
    p.add_argument("--dct", metavar="YYYY-MM-DD",
                   help="document creation date for imported documents that bring none (relative dates such as "
                   "'yesterday' get their values from it when suggesting)")
    p.add_argument("--dct-from-header", action="store_true",
                   help="take each document's date from a full date in its first line, where there is one "
                   "(before --dct; a record's own meta.dct comes first)")
    p.add_argument("--offsets", choices=["codepoints", "utf16", "graphemes", "auto"], default="auto",
                   help="how the source tool counted offsets (formats other than native; default: auto-detect). "
                   "Each format's own: " + "; ".join(f"{f.name}: {f.offsets}" for f in FORMATS
                                                     if f.read is not None and f.offsets))
    p.set_defaults(run=run)


def run(args) -> int:
    progress = TerminalProgress("importing")
    with open_project(args.project) as project:
        options = {"offsets": args.offsets}  # used by the readers of other tools' formats only
        try:
            report = import_paths(project, args.inputs, args.format, args.annotator, progress, dct=args.dct,
                                  dct_from_header=args.dct_from_header, **options)
        finally:
            progress.finish()
    for where, why in report.skipped:
        print(f"skipped {where}: {why}", file=sys.stderr)
    print(report.summary())
    return 0
