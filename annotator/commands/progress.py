from __future__ import annotations

import json

from annotator.commands.common import open_project
from annotator.core import progress
from annotator.core.assign import AssignError, assignments
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "progress", help="a team's progress: documents by state, time spent, agreement on the overlap",
        description="Per annotator: assigned documents done, in progress and to do, accepted spans, and "
        "minutes spent (gaps of up to 10 minutes between consecutive edits); and span F1 on the documents "
        "given to more than one annotator, with its curve as more of them are done.")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    with open_project(args.project, readonly=True) as project:
        if not assignments(project):
            raise AssignError(f"{args.project}: has no assignment (annotator assign makes one)")
        res = progress.compute(project)
    if args.json:
        print(json.dumps(res.to_json(), ensure_ascii=False, indent=1))
    else:
        for line in res.lines():
            print(display(line))
    return 0
