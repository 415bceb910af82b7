from __future__ import annotations

from annotator.commands.common import open_project
from annotator.core.assign import AssignError
from annotator.core.checkout import checkout, give_back, next_document
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "checkout", help="hand an annotator their next document (several people may ask at once)",
        description="Print the document ANNOTATOR should work on next: their own unfinished ones first (in "
        "progress, then to do), then one nobody has, which becomes theirs. A shared document (the overlap "
        "annotator assign recorded) goes to as many people as it asks for, any other to one; a document "
        "assigned to someone else is never handed out. --doc takes a given document, --give-back returns one.")
    p.add_argument("project")
    p.add_argument("--annotator", required=True)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--doc", metavar="ID", help="take this document (its id)")
    group.add_argument("--give-back", metavar="ID", help="return this checked-out document")
    p.set_defaults(run=run)


def run(args) -> int:
    with open_project(args.project) as project:
        if args.doc or args.give_back:
            key = args.doc or args.give_back
            num = project.document(key).num
            if args.doc:
                new = checkout(project, args.annotator, num)
                print(display(f"{key}: {'taken for' if new else 'already held by'} {args.annotator}"))
            elif give_back(project, args.annotator, num):
                print(display(f"{key}: given back by {args.annotator}"))
            else:
                raise AssignError(f"{key}: not checked out by {args.annotator} (planned documents stay assigned)")
            return 0
        num = next_document(project, args.annotator)
        if num is None:
            print(display(f"nothing left for {args.annotator}"))
            return 0
        doc = project.document(num)
        state = {"todo": "to do", "in_progress": "in progress"}.get(project.doc_status(num, args.annotator), "")
        print(display(f"{doc.id}: {state}"))
    return 0
