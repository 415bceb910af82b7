from __future__ import annotations

from annotator.core.sync import pull
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "pull", help="copy an annotator's documents of a team project into a file of their own",
        description="Write OUT: a project file with the documents assigned to ANNOTATOR in the team project "
        "SOURCE (a project file or a server address), the scheme, the suggestions and their own work so far. "
        "Work in it anywhere, then bring the work back with annotator push. The file remembers the project "
        "and its address (never a password). An existing file is never overwritten.")
    p.add_argument("source", metavar="SOURCE", help="the team project: a file or an address")
    p.add_argument("-o", "--out", required=True, metavar="OUT", help="the file to write")
    p.add_argument("--annotator", required=True, help="whose documents and work")
    p.add_argument("--all", action="store_true", help="every document of the project, not only the assigned ones")
    p.add_argument("--take", type=int, default=0, metavar="N",
                   help="first check out N more documents nobody has (as annotator checkout does)")
    p.set_defaults(run=run)


def run(args) -> int:
    package = pull(args.source, args.out, args.annotator, args.all, args.take)
    print(display(f"{package.path}: {package.annotator}, {package.documents} documents, "
                  f"{package.spans} suggestions and spans"))
    return 0
