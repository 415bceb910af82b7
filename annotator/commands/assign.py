from __future__ import annotations

from annotator.commands.common import TerminalProgress, open_project
from annotator.core.assign import AssignError, plan_assignment, record_plan, select_documents, write_packages
from annotator.core.model import DOC_STATES
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "assign", help="hand documents out to annotators: one package (project file) each",
        description="Split the project's documents among annotators and write one package per annotator "
        "into OUTDIR: a project file with their documents, the scheme, the suggestions and any work of "
        "theirs already here (without -o the split is only recorded: each annotator pulls their documents "
        "with annotator pull). --overlap gives that share of documents to --per-doc annotators (for "
        "agreement), drawn evenly through the project; the same --seed gives the same split. Documents "
        "already assigned are left out unless --reassign. The project remembers who has what "
        "(annotator collect, annotator progress).")
    p.add_argument("project")
    p.add_argument("--annotators", required=True, help="names, comma-separated")
    p.add_argument("--overlap", type=float, default=0.0, help="share of documents given to more than one "
                   "annotator, 0 to 1 (default 0)")
    p.add_argument("--per-doc", type=int, default=2, help="annotators per overlap document (default 2)")
    p.add_argument("--seed", type=int, default=0, help="seed of the draw (default 0)")
    p.add_argument("--by-status", choices=DOC_STATES, help="only documents in this state (todo: nobody has "
                   "begun them)")
    p.add_argument("--reassign", action="store_true", help="also hand out documents assigned before")
    p.add_argument("-o", "--out", metavar="OUTDIR", help="folder for the packages; without it the plan is only "
                   "recorded in the project, and each annotator pulls their documents (annotator pull) or "
                   "works in the project itself")
    p.set_defaults(run=run)


def run(args) -> int:
    names = [n for n in args.annotators.split(",")]
    with open_project(args.project) as project:
        docs, skipped = select_documents(project, args.by_status, args.reassign)
        if not docs:
            raise AssignError(f"{args.project}: no documents to assign"
                              + (f" ({skipped} are assigned already; --reassign hands them out again)"
                                 if skipped else ""))
        plan = plan_assignment(docs, names, args.overlap, args.per_doc, args.seed)
        if args.out:
            bar = TerminalProgress("writing packages")
            packages = write_packages(project, plan, args.out, args.reassign, bar, args.per_doc, args.overlap)
            bar.finish()
        else:
            record_plan(project, plan, reassign=args.reassign, per_doc=args.per_doc, overlap=args.overlap)
            packages = []
    print(f"assigned {len(plan.docs)} documents to {len(plan.annotators)} annotators; "
          f"{len(plan.overlap)} of them to {args.per_doc} annotators each"
          + (f"; {skipped} already assigned were left out" if skipped else ""))
    for p in packages:
        print(display(f"{p.path}: {p.annotator}, {p.documents} documents, {p.spans} suggestions and spans"))
    return 0
