from __future__ import annotations

import getpass

from annotator.core.errors import AnnotatorError


def register(sub) -> None:
    p = sub.add_parser(
        "review", help="open the review window: adjudicate annotators' work into gold",
        description="Open a (merged) project in review mode: documents by disagreement, every annotator's "
        "spans, accept/reject/edit into the gold layer, and the agreement dashboard.")
    p.add_argument("project")
    p.add_argument("--reviewer", help="the name recorded on gold decisions (default: your login name)")
    p.add_argument("--no-auto", dest="auto", action="store_false",
                   help="do not accept unanimous spans automatically")
    p.set_defaults(run=run)


def run(args) -> int:
    reviewer = args.reviewer or getpass.getuser()
    if not reviewer:
        raise AnnotatorError("give a reviewer name with --reviewer")
    from annotator.gui.app import start_qt
    from annotator.gui.main_window import open_project_interactively
    from annotator.gui.review import ReviewWindow

    started = start_qt()  # the same start as the main window: language, font, log
    if started is None:
        return 1
    app = started[0]
    project = open_project_interactively(None, args.project)
    if project is None:
        return 1
    try:
        window = ReviewWindow(project, reviewer, auto_accept=args.auto)
        window.resize(1300, 800)
        window.show()
        return app.exec()
    finally:
        project.close()
