"""`annotator train`: learn a span recommender from the project's own annotations;
`annotator recommend`: suggest with it (and the rules), or list the to-do documents in the
order that teaches it most."""

from __future__ import annotations

from annotator.commands.common import TerminalProgress, open_project
from annotator.core.errors import AnnotatorError
from annotator.core.suggest import DEFAULT_ANNOTATOR

_STATES = ("done", "in_progress", "any")


def register(sub) -> None:
    p = sub.add_parser(
        "train", help="train the span recommender from accepted spans of done documents",
        description="Train a CRF span recommender (on the CPU, offline) from the accepted spans of done documents, "
        "with rejected suggestions as negatives, and store it in the project as a new version with its held-out "
        "scores (per label P/R/F1 on a reproducible split of the training documents).")
    p.add_argument("project")
    p.add_argument("--labels", nargs="+", metavar="LABEL", help="only these labels (default: every label annotated)")
    p.add_argument("--layer", help="learn from this layer only, e.g. gold (default: every annotator's layer)")
    p.add_argument("--status", choices=_STATES, default="done",
                   help="documents in this state are learnt from (default: done)")
    p.add_argument("--curve", action="store_true",
                   help="print the learning curve (F1 per label after 10, 25, 50, 100, 200 documents) "
                   "instead of storing a model")
    p.add_argument("--history", action="store_true", help="print the stored versions and their scores")
    p.set_defaults(run=run_train)

    r = sub.add_parser(
        "recommend", help="suggest with the trained recommender and the rules, or order the to-do list",
        description="Add the recommender's suggestions (status 'suggested', rule 'recommender vN') next to the "
        "rule-based ones; where both find a span of one label the rule's is kept. With --order: print the "
        "annotator's to-do documents, most useful to label first.")
    r.add_argument("project")
    r.add_argument("--annotator", default=DEFAULT_ANNOTATOR,
                   help=f"the layer the suggestions go to (default: {DEFAULT_ANNOTATOR})")
    r.add_argument("--doc", action="append", metavar="ID", help="only this document id (repeatable)")
    r.add_argument("--labels", nargs="+", metavar="LABEL", help="only these labels")
    r.add_argument("--no-rules", action="store_true", help="the recommender's suggestions only")
    r.add_argument("--order", choices=("uncertainty", "gain"),
                   help="print the to-do documents by the model's uncertainty or expected gain; change nothing")
    r.add_argument("--version", type=int, help="use this model version (default: the newest)")
    r.set_defaults(run=run_recommend)


def run_train(args) -> int:
    from annotator.core.recommender import train as rtrain
    from annotator.core.recommender.store import versions

    state = None if args.status == "any" else args.status
    if args.history:
        with open_project(args.project, readonly=True) as project:
            rows = versions(project)
        if not rows:
            print("no recommender trained yet")
        for row in rows:
            f1 = ", ".join(f"{l} {s['f1']:.2f}" for l, s in sorted(row["scores"].get("labels", {}).items()))
            print(f"v{row['version']}  {row['created'][:19]}  {row['docs']} documents  F1: {f1 or '-'}")
        return 0
    if args.curve:
        with open_project(args.project, readonly=True) as project:
            data = rtrain.collect(project, args.labels, args.layer, state)
        rows = rtrain.learning_curve(data)
        print(format_curve(rows, data.labels, len(data.done)))
        return 0
    progress = TerminalProgress("training")
    with open_project(args.project) as project:
        data = rtrain.collect(project, args.labels, args.layer, state)
        result = rtrain.fit(data, progress=progress)
        progress.finish()
        rtrain.save(project, data, result)
    print(result.summary())
    return 0


def format_curve(rows: list[dict], labels: list[str], total: int) -> str:
    if not rows:
        return (f"too few documents for a learning curve ({total} done; the first point needs 10 in the training "
                "split)")
    head = f"{'docs':>5} {'train s':>8} " + " ".join(f"{l[:10]:>10}" for l in labels)
    lines = ["F1 on the held-out documents after n done documents", head]
    for r in rows:
        lines.append(f"{r['docs']:>5} {r['seconds']:>8.1f} " + " ".join(
            f"{r['labels'][l]['f1']:>10.2f}" for l in labels))
    return "\n".join(lines)


def run_recommend(args) -> int:
    from annotator.core.recommender.active import rank
    from annotator.core.recommender.store import load_model
    from annotator.core.recommender.suggest import recommend_project

    readonly = bool(args.order)
    with open_project(args.project, readonly=readonly) as project:
        model = load_model(project, args.version)
        if model is None:
            raise AnnotatorError(f"{args.project}: no recommender trained yet (run 'annotator train {args.project}')")
        docs = [project.document(d).num for d in args.doc] if args.doc else None
        if args.order:
            for num, score in rank(project, model, args.annotator, args.order, docs):
                print(f"{project.document(num).id}\t{score:.4f}")
            return 0
        labels = set(args.labels) if args.labels else None
        progress = TerminalProgress("suggesting")
        report, _ = recommend_project(project, model, args.annotator, docs, not args.no_rules, labels,
                                      progress=progress)
        progress.finish()
    print(f"{model.name()}: {report.summary()}")
    return 0
