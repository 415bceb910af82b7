from __future__ import annotations

from annotator.core.errors import AnnotatorError


def register(sub) -> None:
    p = sub.add_parser(
        "review", help="open the review window: adjudicate annotators' work into gold",
        description="Open a (merged) project in review mode: documents by disagreement, every annotator's "
        "spans, accept/reject/edit into the gold layer, and the agreement dashboard.")
    p.add_argument("project")
    p.add_argument("--reviewer", help="the name recorded on gold decisions (default: your name in Settings)")
    p.add_argument("--no-auto", dest="auto", action="store_false",
                   help="do not accept unanimous spans automatically")
    p.set_defaults(run=run)


def reviewer_name(given: str | None, settings, ask) -> str | None:
    """--reviewer, else the name in Settings (the one the annotation window records), else
    the first-run question, whose answer is kept in Settings. None: the user cancelled."""
    name = (given or "").strip() or settings.annotator
    if not name:
        name = ask(None, "")
        if name:
            settings.annotator = name
    return name or None


def run(args) -> int:
    if args.reviewer is not None and not args.reviewer.strip():
        raise AnnotatorError("--reviewer: give a name")
    from annotator.gui.app import start_qt
    from annotator.gui.main_window import open_project_interactively
    from annotator.gui.review import ReviewWindow
    from annotator.gui.settings import ask_annotator_name

    started = start_qt()  # the same start as the main window: language, font, log
    if started is None:
        return 1
    app, settings = started[0], started[1]
    reviewer = reviewer_name(args.reviewer, settings, ask_annotator_name)
    if reviewer is None:
        return 1
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
