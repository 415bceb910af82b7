from __future__ import annotations

from annotator.commands.common import open_project
from annotator.core.errors import AnnotatorError
from annotator.core.merge import merge_projects
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "merge", help="bring annotators' copies of a project into a review project",
        description="Merge annotators' project files into a review project. Documents are matched by "
        "their text; each annotator's spans, relations, attributes and statuses come in under their "
        "name, replacing what an earlier merge of that name brought (merging the same file again "
        "changes nothing). Documents the review project lacks are added; all of it is reported. "
        "Refused, with nothing written: a label defined differently, or two people's work under one name.")
    p.add_argument("review", help="the reviewer's project file")
    p.add_argument("annotator_projects", nargs="+", metavar="ANNOTATOR_PROJECT")
    p.add_argument("--rename", action="append", default=[], metavar="OLD=NEW",
                   help="merge annotator OLD's work under the name NEW (repeatable)")
    p.add_argument("--only", action="append", metavar="NAME", help="merge only this annotator's work (repeatable)")
    p.set_defaults(run=run)


def _renames(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not old or not new:
            raise AnnotatorError(f"--rename {item!r}: expected OLD=NEW")
        out[old] = new
    return out


def run(args) -> int:
    renames = _renames(args.rename)
    with open_project(args.review) as project:
        report = merge_projects(project, args.annotator_projects, renames, set(args.only) if args.only else None)
    for line in report.lines():
        print(display(line))
    print(display(report.summary()))
    if not report.changed:
        print("nothing changed: the review project already holds this work")
    return 0
