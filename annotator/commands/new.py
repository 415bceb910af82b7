from __future__ import annotations

from annotator.core.project import Project
from annotator.core.scheme import Scheme


def register(sub) -> None:
    p = sub.add_parser("new", help="create an empty project file", description="Create an empty project file.")
    p.add_argument("project", help="the project file to create (e.g. work.annot)")
    p.add_argument("--scheme", help="annotation scheme JSON (default: the news attribution and dates scheme)")
    p.set_defaults(run=run)


def run(args) -> int:
    scheme = Scheme.load(args.scheme) if args.scheme else None
    with Project.create(args.project, scheme) as project:
        print(f"created {project.path} with scheme {project.scheme.name} "
              f"(labels {', '.join(l.name for l in project.scheme.labels)})")
    return 0
