from __future__ import annotations

from annotator.commands.common import open_project
from annotator.core.assign import collect_packages
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "collect", help="bring annotators' packages back into the project",
        description="Merge packages written by annotator assign back into their project (the reviewer's "
        "merge: documents matched by text, each annotator's layer under their name; collecting the same "
        "package again changes nothing), and report per annotator what came back, what is missing, and "
        "who edited documents they were not given. All or nothing.")
    p.add_argument("project")
    p.add_argument("packages", nargs="+", metavar="PACKAGE")
    p.set_defaults(run=run)


def run(args) -> int:
    with open_project(args.project) as project:
        report = collect_packages(project, args.packages)
    for line in report.lines():
        print(display(line))
    if not report.merge.changed:
        print("nothing new: the project already holds this work")
    return 0
