from __future__ import annotations

import sys

from annotator.commands.common import TerminalProgress, open_project
from annotator.core.exporter import export_project, make_filter
from annotator.core.formats import FORMATS
from annotator.core.native import ExportFilter


def register(sub) -> None:
    p = sub.add_parser("export", help="export a project's documents and annotations",
                       description="Export documents and annotations, streaming, one document per line.")
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, help="output file ('-' for standard output; a folder for brat)")
    p.add_argument("--format", default="native", choices=FORMATS.names("write"),
                   help="output format (default: native)")
    p.add_argument("--annotator", action="append", metavar="NAME", help="only this annotator's spans (repeatable)")
    p.add_argument("--layer", help="gold, an annotator name, or all (default: all)")
    p.add_argument("--labels", help="only these labels, comma-separated")
    p.add_argument("--status", choices=["done", "any"], default="any", help="done: only documents marked done")
    p.add_argument("--include-suggestions", action="store_true",
                   help="include suggested (unconfirmed) spans; native always includes them unless --layer is given")
    p.add_argument("--split", help="e.g. train=0.8,dev=0.1,test=0.1: one file per split")
    p.add_argument("--seed", type=int, default=0, help="seed for --split (default 0)")
    p.set_defaults(run=run)


def filter_from_args(args) -> ExportFilter:
    layers = set(args.annotator or [])
    if args.layer and args.layer != "all":
        layers.add(args.layer)
    labels = set(x.strip() for x in args.labels.split(",") if x.strip()) if args.labels else None
    return make_filter(args.format, layers, labels, only_done=args.status == "done",
                       include_suggestions=args.include_suggestions)


def run(args) -> int:
    progress = TerminalProgress("exporting")
    with open_project(args.project, readonly=True) as project:
        try:
            report = export_project(project, args.output, args.format, filter_from_args(args),
                                    split=args.split, seed=args.seed, progress=progress)
        finally:
            progress.finish()
    for line in report.problems:
        print(line, file=sys.stderr)
    print(report.summary(), file=sys.stderr if args.output == "-" else sys.stdout)
    return 0
