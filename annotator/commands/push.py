from __future__ import annotations

from annotator.core.sync import push
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "push", help="bring an annotator's work from their file back into the team project",
        description="Merge the work of the annotator FILE belongs to (written by annotator pull or annotator "
        "assign) into the team project TARGET, by default the one it was pulled from. Documents are matched by "
        "their text and the annotator's layer on each replaces what the project held of it: pushing twice "
        "changes nothing, and nobody else's work is touched. A document the annotator changed in the team "
        "project since the pull and not in FILE keeps the team project's version; one changed on both sides "
        "refuses the push (--overwrite: FILE's version wins). All or nothing.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("target", metavar="TARGET", nargs="?", help="the team project (default: where FILE came from)")
    p.add_argument("--annotator", help="refuse unless FILE holds this annotator's work")
    p.add_argument("--overwrite", action="store_true", help="documents changed on both sides since the pull: "
                   "FILE's version replaces the team project's")
    p.set_defaults(run=run)


def run(args) -> int:
    report = push(args.file, args.target, args.annotator, args.overwrite)
    print(display(f"pushed {report.annotator}'s work to {report.target}"))
    for line in report.lines():
        print(display(line))
    if not report.changed:
        print("nothing new: the team project already holds this work")
    return 0
