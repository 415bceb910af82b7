from __future__ import annotations

import json

from annotator.commands.common import open_project
from annotator.core.terminal import display, field


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts of documents, spans per label and annotator, statuses")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    with open_project(args.project, readonly=True) as project:
        s = project.stats()
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    print(f"documents  {s['documents']}")
    print(f"spans      {s['spans']}")
    print(f"relations  {s['relations']}")
    for title, key in (("spans by label", "spans_by_label"), ("spans by annotator", "spans_by_annotator"),
                       ("spans by status", "spans_by_status")):
        print(f"\n{title}")
        for k, v in s[key].items():
            print(f"  {display(field(k)):<20} {v}")
    print("\ndocument status by annotator")
    for ann, states in s["status_by_annotator"].items():
        cells = ", ".join(f"{k} {v}" for k, v in states.items())
        print(f"  {display(field(ann)):<20} {field(cells)}")
    return 0
