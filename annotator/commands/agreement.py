from __future__ import annotations

import json

from annotator.commands.common import open_project
from annotator.core import agreement
from annotator.core.errors import AnnotatorError
from annotator.core.terminal import display


def register(sub) -> None:
    p = sub.add_parser(
        "agreement", help="inter-annotator agreement: F1, kappa, alpha, attributes, relations",
        description="Agreement between annotators over the documents every compared annotator marked done "
        "(accepted spans only): span F1 (exact and overlap), Cohen's kappa per pair and Krippendorff's "
        "alpha over non-whitespace characters, attribute and relation agreement, a label confusion "
        "table and the documents with the most disagreement. --json follows schemas/agreement.schema.json.")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON (schemas/agreement.schema.json)")
    p.add_argument("--annotators", help="compare only these, comma-separated (default: every annotator "
                   "who marked a document done)")
    p.add_argument("--labels", help="only these labels, comma-separated")
    p.add_argument("--worst", type=int, default=10, help="documents listed by disagreement (default 10)")
    p.add_argument("--logical", action="store_true", help="print Arabic in logical order (the terminal does bidi)")
    p.set_defaults(run=run)


def _split(value: str | None) -> list[str] | None:
    return [x.strip() for x in value.split(",") if x.strip()] if value else None


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def run(args) -> int:
    with open_project(args.project, readonly=True) as project:
        names = _split(args.annotators)
        if names:
            known = set(project.annotators())
            for n in names:
                if n not in known:
                    raise AnnotatorError(f"{args.project}: no annotator {n!r}")
        labels = _split(args.labels)
        for lab in labels or ():
            project.scheme.label(lab)
        res = agreement.compute(project, names, labels)
    if args.json:
        print(json.dumps(res.to_json(), ensure_ascii=False, indent=1))
        return 0
    show = lambda s: display(str(s), args.logical)  # noqa: E731
    if len(res.annotators) < 2:
        print("fewer than two annotators have marked documents done: nothing to compare")
        return 0
    print(f"annotators: {', '.join(show(a) for a in res.annotators)}")
    print(f"documents done by all: {res.documents}")
    for (a, b), n in res.pair_documents.items():
        print(f"  {show(a)} + {show(b)}: {n} documents")
    rows = [*res.labels, agreement.ALL]
    everyone = "all" if len(res.annotators) > 2 else None
    measures = ["alpha", "f1_exact", "f1_overlap"]
    print()
    print(f"{'label':<10}" + "".join(f"{m:>12}" for m in measures) + ("   (all annotators; F1 = mean of pairs)"
                                                                         if everyone else ""))
    for label in rows:
        print(f"{show(label):<10}" + "".join(f"{_fmt(res.get(label, m)):>12}" for m in measures))
    for a, b in res.pair_documents:
        print(f"\n{show(a)} / {show(b)}")
        pm = ["kappa", "alpha", "f1_exact", "f1_overlap"]
        print(f"  {'label':<10}" + "".join(f"{m:>12}" for m in pm))
        for label in rows:
            print(f"  {show(label):<10}" + "".join(f"{_fmt(res.get(label, m, (a, b))):>12}" for m in pm))
        matched, differ = res.pair_attrs.get((a, b), (0, 0))
        if differ:
            print(f"  {differ} of {matched} exactly matched spans differ in attributes (counted as matches above)")
        for f in res.figures:
            if f["annotators"] == [a, b] and f["measure"] == "attr_agreement" and f["n"]:
                print(f"  {show(f['label'])}.{show(f['attribute'])}: {_fmt(f['value'])} same of {f['n']} matched")
        for rel in res.relations:
            v = res.get(rel, "relation_f1", (a, b))
            if v is not None:
                print(f"  relation {show(rel)}: F1 {_fmt(v)}")
    confusions = [c for c in res.confusion if c["label_a"] != c["label_b"]]
    if confusions:
        print("\nlabel confusion (overlapping spans)")
        for c in confusions:
            a, b = c["annotators"]
            print(f"  {show(a)} {show(c['label_a'] or '-')} ~ {show(b)} {show(c['label_b'] or '-')}: {c['count']}")
    worst = [d for d in res.disagreement if d["score"] > 0][: args.worst]
    if worst:
        print("\ndocuments with most disagreement")
        for d in worst:
            print(f"  {show(d['id']):<24} {d['score']:.3f}  {d['disputed']} of {d['spans']} spans disputed")
    return 0
