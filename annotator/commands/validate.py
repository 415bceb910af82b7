from __future__ import annotations

import sys

from annotator.core.formats import FORMATS, validate_file
from annotator.core.scheme import Scheme


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a JSONL file against its schema and the offset rule",
                       description="Check a file against its JSON Schema and the offset rule; "
                       "print each problem with its line number.")
    p.add_argument("file")
    p.add_argument("--format", default="native",
                   choices=FORMATS.names("check"),
                   help="the file's format (default: native); brat: a folder or an .ann file")
    p.add_argument("--scheme", help="scheme JSON for label checks (default: the news scheme)")
    p.set_defaults(run=run)


def run(args) -> int:
    scheme = Scheme.load(args.scheme) if args.scheme else None
    problems = list(validate_file(args.file, args.format, scheme))
    for p in problems:
        print(p)
    if problems:
        print(f"{args.file}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{args.file}: valid {args.format}")
    return 0
